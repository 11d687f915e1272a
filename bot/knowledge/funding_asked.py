"""A question whether the NHS pays for a treatment it names ("we're in wales. does the nhs pay for everolimus
here?", "can my mum get lutathera on the NHS?", "is cabozantinib funded?"): the topic of our fact on that
treatment's funding (NICE's advice, the NHS in England), never the topic of what a trial pays for. A question
of who pays for travel to a trial, or for a trial, names no treatment's funding and is left alone."""

from __future__ import annotations

import re
from functools import lru_cache
from typing import Optional

from bot.knowledge.facts import Fact, asking_sentences, read_facts
from bot.knowledge.names import find_treatments

_ASKS_FUNDING = re.compile(
    r"\b(?:nhs|nice)\b(?!-)|\b(?:funded|funding|fund|funds)\b|\bpaid\s+for\b|\bpays?\s+for\b.{0,40}\bnhs\b",
    re.I,
)
# What a trial pays for is another question (knowledge/trial_costs)
_ABOUT_A_TRIAL = re.compile(r"\btrials?\b|\bstud(?:y|ies)\b|\btravel\b|\bparking\b|\bexpenses\b|\bpetrol\b", re.I)
# A fact telling who pays: NICE's advice or what the NHS pays for (not the NICE-NEC trial)
_TELLS_FUNDING = re.compile(
    r"\bNICE\b(?!-)[^.]{0,60}\b(?:backs|recommends?|recommended|guidance|found)\b|\bpaid\s+for\s+by\s+the\s+NHS\b"
    r"|\bNHS\b[^.]{0,40}\b(?:funds?|funded|pays?)\b",
    re.I,
)


def funding_topic(text: Optional[str]) -> Optional[str]:
    """The knowledge topic of our fact on who pays for the treatment the question names, when it asks that;
    None otherwise."""
    asking = " ".join(asking_sentences(text or ""))
    if not _ASKS_FUNDING.search(asking) or _ABOUT_A_TRIAL.search(asking):
        return None
    named = [m.treatment.id for m in find_treatments(asking) if not m.guessed]
    for treatment in dict.fromkeys(named):
        facts = [fact for fact, named_in in _funding_facts() if treatment in named_in]
        facts.sort(key=lambda fact: treatment not in f"{fact.id} {fact.topic}")  # its own fact before a comparison's
        if facts:
            return facts[0].topic
    return None


@lru_cache(maxsize=1)
def _funding_facts() -> tuple[tuple[Fact, frozenset[str]], ...]:
    """Our facts on who pays, each with the treatments it names (worked out once: this runs in the NLU)."""
    return tuple(
        (fact, frozenset(m.treatment.id for m in find_treatments(fact.text)))
        for fact in read_facts()
        if _TELLS_FUNDING.search(fact.text)
    )
