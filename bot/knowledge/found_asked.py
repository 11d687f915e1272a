"""A question of what trials found about a treatment it names ("my onc mentioned lenvatinib. did it actually
shrink pancreatic tumours in trials or is it a long shot", "is there any actual evidence about which order",
"would adding capecitabine help her live longer?"): the topic answer says what the treatment is, so our facts
of what its trials found are added (bot/knowledge/side_facts.py result_facts), never a figure made up."""

from __future__ import annotations

import re
from dataclasses import replace
from typing import Optional

from bot.knowledge.facts import Fact, asking_sentences, content_stems, sentences
from bot.knowledge.names import find_treatments
from bot.knowledge.side_facts import asks_how_well, result_facts, tells_what_was_found

FOUND_HEADING = "What trials found, from our facts:"
# Beyond "how well", "shrink", "results": evidence asked for, a trial said to prove something, living longer;
# "in trials" only after a finding verb ("did it shrink tumours in trials", not "is it given in trials")
_ASKS_FOUND = re.compile(
    r"\bevidence\b|\bprove[sdn]?\b|\bproof\b"
    r"|\b(?:find|found|show|shown|showed|work|works|worked|shrink|shrank|shrunk|help|helped|slow|slowed)\b"
    r"(?:\s+\w+){0,4}?\s+(?:in|from)\s+(?:the\s+)?(?:trials?|studies|study|research)\b"
    r"|\bwhat\s+(?:did|have|has|do)\s+(?:the\s+)?(?:trials?|studies|study|research|researchers)\s+(?:find|found|show|shown)\b"
    r"|\blive\s+longer\b|\bhelp\s+(?:\w+\s+){0,2}live\b|\bsmaller\b|\blong\s+shot\b"
    r"|\b(?:does|did|do|will|would)\s+(?:it|that|this|they)\s+(?:actually\s+|really\s+)?(?:work|help)\b",
    re.I,
)


def asks_what_trials_found(text: Optional[str]) -> bool:
    """Whether the sentence that asks wants to know how well a treatment did in trials."""
    asking = " ".join(asking_sentences(text or ""))
    return bool(_ASKS_FOUND.search(asking) or asks_how_well(asking))


def found_facts(text: Optional[str], said: str = "") -> list[Fact]:
    """Our facts of what the trials of the treatments the question names found, that `said` does not hold;
    [] when it does not ask that or names none."""
    if not asks_what_trials_found(text):
        return []
    names = list(dict.fromkeys(m.typed for m in find_treatments(text or "") if not m.guessed))
    unsaid = (not_yet_said(fact, said) for fact in result_facts(names, said))
    return [fact for fact in unsaid if fact is not None and tells_what_was_found(fact)]


# Words that only say who reported a finding: "concluded it worked well" is "said it worked well"
_REPORTING = frozenset({"conclud", "concluded", "said", "found", "report", "reported", "show", "showed", "shown"})


def not_yet_said(fact: Fact, said: str) -> Optional[Fact]:
    """The fact without its sentences that one sentence of `said` already holds in other words ("The
    researchers concluded it worked well." after "The researchers said it worked well."); None when every
    sentence of it was said."""
    said_sentences = [_finding(s) for s in sentences(said)]
    kept = [s for s in sentences(fact.text) if not _said_in(_finding(s), said_sentences)]
    return replace(fact, text=" ".join(kept)) if kept else None


_FIGURE = re.compile(r"\d+(?:\.\d+)?")
# "did not work well" is another finding than "worked well"
_NEGATION = re.compile(r"\b(?:not|no|never|neither|nor|without)\b|n't\b", re.I)


def _finding(sentence: str) -> tuple[set[str], bool]:
    """A sentence's own words, without who reported it, and whether it denies."""
    figures = set(_FIGURE.findall(sentence))  # "by 3 months": a figure is a finding of its own
    return (set(content_stems(sentence)) | figures) - _REPORTING, bool(_NEGATION.search(sentence))


def _said_in(finding: tuple[set[str], bool], said_sentences: list[tuple[set[str], bool]]) -> bool:
    stems, denies = finding
    return bool(stems) and any(stems <= other and denies == other_denies for other, other_denies in said_sentences)


def found_answer(facts: list[Fact]) -> str:
    """The facts under their heading, one a line."""
    return "\n".join([FOUND_HEADING, *(f"- {fact.text}" for fact in facts)])
