"""What our single facts (data/knowledge/facts.yml) say about one side of a comparison that has no
entry of its own in the fact table: a kind of a treatment ("yttrium" PRRT, "total"
pancreatectomy, "short acting" octreotide) or a thing the table lacks ("PROMID", "debulking").

A fact is about the side when it names the side's words as a phrase (in its text or in the
words people use for it) and, for a kind, also names the treatment it is a kind of, so that
"yttrium" finds the PRRT fact and not the SIRT beads.
"""

from __future__ import annotations

import re
from functools import lru_cache
from typing import Optional, Sequence

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


# "how did they do", "which one shrank more tumours", "any good compared with": how well each worked
_HOW_WELL = re.compile(
    r"\bhow\s+(?:well\s+)?(?:did|do|does)\s+(?:they|it|each|both|the\s+[\w-]+(?:\s+[\w-]+){0,3})\s+(?:do|go|work|fare)\b"
    r"|\bhow\s+well\b|\bshr[aiu]nk\w*|\bresults?\b|\bany\s+good\b|\bwork(?:ed|s)?\s+better\b|\beffective\w*"
    r"|\bwhat\s+did\s+(?:they|each(?:\s+one)?|the\s+trials?)\s+(?:find|show)\b|\b(?:showed|found)\s+what\b|\bsuccessful\b",
    re.I,
)
# A fact telling a trial's result: a share, months before growth, tumours shrinking
_RESULT = re.compile(
    r"\d+(?:\.\d+)?\s*%|\b\d+(?:\.\d+)?\s+months\s+(?:before|until|without)\b|\b\d+\.\d+\s+months\b|\bshr[ae]nk\b"
    r"|\bworked\b|\bgot\s+smaller\b",
    re.I,
)
_NOT_KEYS = frozenset(
    "any good just only its own on one ones trial trials study studies the combo combination for with and plus drug "
    "drugs treatment nets net nec necs pnet pnets tumour tumours tumor tumors people".split()
)
RESULTS_SHOWN = 2  # facts for one side


def asks_how_well(text: str) -> bool:
    return bool(_HOW_WELL.search(text or ""))


def result_facts(sides: Sequence[str], said: str = "") -> list[Fact]:
    """Facts telling how each side did in a trial ("In KEYNOTE-158 ... shrank in just 3.7%"), at most two a
    side, those naming more of its words first; none `said` already holds."""
    shown: list[Fact] = []
    plain_said = normalize(said)
    for side in sides:
        keys = _keys(side)
        scored = [
            (sum(f" {k} " in text for k in keys), n, fact)
            for n, (fact, text, _) in enumerate(_facts())
            if _RESULT.search(fact.text) and normalize(fact.text) not in plain_said and fact not in shown
        ]
        best = sorted((s for s in scored if s[0]), key=lambda s: (-s[0], s[1]))[:RESULTS_SHOWN]
        shown += [fact for _, _, fact in best]
    return shown


def tells_what_was_found(fact: Fact) -> bool:
    """Whether a fact tells what a trial found (a time before growth, shrinking, a conclusion), not whom it
    was for or the side effects it saw: "In long-term results with sunitinib ..., 63% had diarrhoea" is not one)."""
    return bool(_FOUND.search(fact.text)) and not _tells_harms(fact)


def _tells_harms(fact: Fact) -> bool:
    """Whether a fact is one of side effects, by its id or topic ("sunitinib_side_effects")."""
    return any(_HARMS in name for name in (fact.id, fact.topic))


def results_of_trial(acronym: Optional[str]) -> list[Fact]:
    """Our facts of what one trial found, by its own name ("NETTER-2", not NETTER-1's): at most two."""
    if not acronym:
        return []
    named = re.compile(rf"(?<![\w-]){re.escape(acronym)}(?![\w-])", re.I)
    return [fact for fact, _, _ in _facts() if tells_what_was_found(fact) and named.search(fact.text)][:RESULTS_SHOWN]


_HARMS = "side_effect"
# What a trial found, not whom it was for ("Their Ki-67 was from 10 to 55%"), nor "worked out how long" or "when
# the results are good enough" (a blood test's)
_FOUND = re.compile(
    r"\btime\s+before\s+(?:growth|it\s+grew)|\bmonths\s+before\b|\bshr[ae]nk\b|\bworked\b(?!\s+out)"
    r"|\b(?:long-term|early|final|first|pooled|posted|trial)\s+results?\b|\bconcluded\b"
    r"|\bno\s+clear\s+difference\b|\blived\s+longer\b|\bsurvival\b",
    re.I,
)


def _keys(side: str) -> set[str]:
    """A side's own words and the names of the treatment it names ("keytruda": pembrolizumab)."""
    words = {w for w in normalize(side).split() if len(w) > 2 and w not in _NOT_KEYS}
    for mention in find_treatments(side):
        words |= {w for w in normalize(mention.treatment.name).split() if len(w) > 3 and w not in _NOT_KEYS}
    return words
