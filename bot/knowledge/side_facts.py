"""What our single facts (data/knowledge/facts.yml) say about one side of a comparison that has no
entry of its own in the fact table: a kind of a treatment ("yttrium" PRRT, "total"
pancreatectomy, "short acting" octreotide) or a thing the table lacks ("PROMID", "debulking").

A fact is about the side when it names the side's words as a phrase (in its text or in the
words people use for it) and, for a kind, also names the treatment it is a kind of, so that
"yttrium" finds the PRRT fact and not the SIRT beads.
"""

from __future__ import annotations

from functools import lru_cache
from typing import Optional

from bot.knowledge.facts import Fact, content_stems, read_facts
from bot.knowledge.names import find_treatments
from bot.knowledge.treatments import BY_ID, Treatment
from bot.text import normalize

MOST = 2  # facts shown for one side
TOO_COMMON = 3  # a side with no entry whose words more facts name is too general ("drugs")


@lru_cache(maxsize=1)
def _facts() -> tuple[tuple[Fact, str, frozenset[str]], ...]:
    """Each fact, its text and words normalised into one string, and the entries it names."""
    indexed = []
    for fact in read_facts():
        words = " | ".join([normalize(fact.text), *(normalize(w) for w in fact.words)])
        named = frozenset(m.treatment.id for m in find_treatments(f"{fact.text} . {' . '.join(fact.words)}"))
        indexed.append((fact, f" {words} ", named))
    return tuple(indexed)


def key_words(words: str) -> str:
    """The words of a side that say what it is ("whole pancreas" of "out the whole pancreas")."""
    kept = set(content_stems(words))
    return " ".join(w for w in normalize(words).split() if w in kept or _stemmed_in(w, kept))


def _stemmed_in(word: str, stems: set[str]) -> bool:
    return any(word.startswith(s) and len(s) >= 4 for s in stems)


def facts_about(words: str, scope: Optional[Treatment] = None, whole: str = "") -> list[Fact]:
    """Facts naming `words` (within `scope`'s facts when given), those naming `whole` (the side
    as typed) first; at most MOST."""
    key = key_words(words)
    if not key:
        return []
    found = [
        (fact, text)
        for fact, text, named in _facts()
        if f" {key} " in text and (scope is None or _in_scope(named, scope))
    ]
    if scope is None and len(found) > TOO_COMMON:
        return []
    whole_key = key_words(whole)
    # the side as typed first, then facts whose people's words start with it (about it, not naming it in a list)
    found.sort(
        key=lambda pair: (
            0 if whole_key and f" {whole_key} " in pair[1] else 1,
            0 if pair[0].words and key_words(pair[0].words[0]) == key else 1,
        )
    )
    return [fact for fact, _ in found[:MOST]]


def facts_naming_both(first: str, second: str, scope: Optional[Treatment] = None) -> list[Fact]:
    """Facts that name both sides: they tell how the two differ."""
    a, b = key_words(first), key_words(second)
    if not a or not b:
        return []
    return [
        fact
        for fact, text, named in _facts()
        if f" {a} " in text and f" {b} " in text and (scope is None or _in_scope(named, scope))
    ][:MOST]


def _in_scope(named: frozenset[str], scope: Treatment) -> bool:
    """The fact names the entry, one of its kinds, or one of its members."""
    return any(i == scope.id or i in scope.part_of or scope.id in BY_ID[i].part_of for i in named)
