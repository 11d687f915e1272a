"""Single facts in our own words (data/knowledge/facts.yml), and the one that answers a question.

A topic answer is short (120 words at most), so a question about one exact point ("can I have
PRRT with only one kidney?", "do I fast before the gallium scan?") often gets the topic without
that point. Each fact here comes from one section of ../shared/reference/knowledge-facts.md,
with the everyday words people use for it. `answering_fact` scores every fact by the question's
rarer words it shares (an idf weight, like a search engine's), counting the people's words and
phrases, and returns the best one only when it clearly answers: two or more shared words, one
of them specific to a few facts (not the topic alone), and well ahead of any fact of another
topic. A question about a trial ("would this one rule me out?") gets no general fact.
"""
from __future__ import annotations

import math
import re
from collections import Counter
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import Iterable, Optional

import yaml

from bot.text import normalize, tokens

FACTS_FILE = Path(__file__).resolve().parents[2] / "data" / "knowledge" / "facts.yml"
# A fact answers when it shares LEAST_SHARED words with the question, one of them specific (in
# few facts: RARE_SHARE of them, or 2), and beats the runner-up by AHEAD (a question every PRRT
# fact half-fits is not answered by any one of them).
LEAST_SHARED = 2
RARE_SHARE = 0.03
AHEAD = 1.25

# Words that say nothing about which fact is meant.
_STOP = frozenset("""
a about after again all also am an and any anything are as at be been before being but by can
could did do does doing don for from get gets getting go going got had has have having he her
him his how i if im in is it its just like me mum dad my no not now of on or our out she
should so some than that the their them then there they this to too up us was we were what when
where which who why will with would you your yes ok okay please thanks hi hello really still
wife husband son daughter mother father partner mom brother sister grandad nan gran
explain tell meant mean means take part show feel know need want happen thing things actually
exactly confused long lot much many way use used make give gives question net nets tumour tumours
tumor tumors cancer study studies trial trials research pnet pnets day days week weeks
""".split())
# "what is a pnet?", "can you explain PRRT to me", "tell me about lanreotide": the topic answer is
# the answer; no single fact is its exact point.
_DEFINITION = re.compile(
    r"^\W*(?:\w+\W+){0,4}?what\s+(?:is|are)\s+(?:an?\s+|the\s+)?[\w-]+\W*$|\bexplain\b|\btell\s+me\s+(?:about|what)\b"
    r"|\bwhat\s+(?:an?|the)\s+(?:[\w-]+\s+){1,4}(?:actually\s+|exactly\s+)?(?:is|are)\W*$"
    r"|\bwhat\s+(?:does|do)\s+(?:that|this|it|they|[\w-]+)\s+(?:actually\s+)?mean\b|\bwhat\s+is\s+meant\b", re.I)
_SUFFIXES = ("ing", "ies", "es", "ed", "ly", "s")


@dataclass(frozen=True)
class Fact:
    id: str
    topic: str  # the nearest knowledge topic (data/nlu/knowledge_responses.yml)
    source: str  # the knowledge-facts.md section
    text: str
    words: tuple[str, ...] = ()  # the everyday words and phrases people use for it


def stem(word: str) -> str:
    """A crude stem, enough to match "kidneys" with "kidney" and "fasting" with "fast"."""
    for suffix in _SUFFIXES:
        if word.endswith(suffix) and len(word) - len(suffix) >= 4:
            return word[: -len(suffix)]
    return word


def content_stems(text: str) -> list[str]:
    return [stem(w) for w in tokens(text) if w not in _STOP and len(w) > 1]


@dataclass(frozen=True)
class _Indexed:
    fact: Fact
    stems: frozenset[str]
    phrases: tuple[str, ...]  # people's words of two or more words, normalised


class FactIndex:
    def __init__(self, facts: Iterable[Fact]) -> None:
        self.entries = [
            _Indexed(f, frozenset(content_stems(" ".join((f.text, *f.words)))),
                     tuple(p for p in (normalize(w) for w in f.words) if " " in p))
            for f in facts
        ]
        self.counts = Counter(s for e in self.entries for s in e.stems)
        total = max(len(self.entries), 1)
        self.idf = {s: math.log(1 + total / n) for s, n in self.counts.items()}
        self.rare = max(2, int(RARE_SHARE * total))

    def scored(self, question: str) -> list[tuple[float, int, bool, Fact]]:
        """(score, words shared, a specific one among them, fact) for every fact sharing a word
        with the question, best first."""
        asked = set(content_stems(question))
        plain = f" {normalize(question)} "
        results = []
        for entry in self.entries:
            shared = asked & entry.stems
            phrases = [p for p in entry.phrases if f" {p} " in plain]
            if not shared and not phrases:
                continue
            score = sum(self.idf[s] for s in shared) + sum(2.0 for _ in phrases)
            specific = bool(phrases) or any(self.counts[s] <= self.rare for s in shared)
            results.append((score, len(shared) + len(phrases), specific, entry.fact))
        return sorted(results, key=lambda r: -r[0])

    def answering(self, question: str, already_said: str = "") -> Optional[Fact]:
        # "what is X?" is the topic's; "would this one rule me out?" the trial record's: no fact
        if _DEFINITION.search(question) or _ABOUT_A_TRIAL.search(question):
            return None
        ranked = self.scored(question)
        if not ranked:
            return None
        score, shared, specific, fact = ranked[0]
        close = [other for s, _, _, other in ranked[1:] if s * AHEAD > score]
        if shared < LEAST_SHARED or not specific or any(other.topic != fact.topic for other in close):
            return None
        return None if _said_already(fact, already_said) else fact


# A question about a trial (the one in focus, or joining one), not about a treatment or test.
_ABOUT_A_TRIAL = re.compile(r"\b(?:this|that|the)\s+(?:one|trial|study)\b|\bjoin(?:ing)?\b|\brules?\s+(?:me|him|her|them|us)\s+out\b",
                            re.I)


def _said_already(fact: Fact, said: str) -> bool:
    """The topic answer sent with it already holds most of the fact's words."""
    if not said:
        return False
    stems = set(content_stems(fact.text))
    return bool(stems) and len(stems & set(content_stems(said))) >= 0.8 * len(stems)


def read_facts(path: Path = FACTS_FILE) -> list[Fact]:
    """The facts file; an empty list when it is missing or malformed (the topic answers still work)."""
    try:
        data = yaml.safe_load(path.read_text(encoding="utf-8")) or {}
    except (OSError, yaml.YAMLError):
        return []
    facts = []
    for item in data.get("facts") or [] if isinstance(data, dict) else []:
        if isinstance(item, dict) and all(isinstance(item.get(k), str) for k in ("id", "topic", "text")):
            words = tuple(str(w) for w in item.get("words") or [] if isinstance(w, (str, int)))
            facts.append(Fact(item["id"], item["topic"], str(item.get("source") or ""), item["text"].strip(), words))
    return facts


@lru_cache(maxsize=1)
def default_index() -> FactIndex:
    return FactIndex(read_facts())


def answering_fact(question: str, already_said: str = "") -> Optional[Fact]:
    """The one fact that answers the question, if one clearly does and is not already in
    `already_said` (the topic answer sent with it)."""
    return default_index().answering(question or "", already_said)
