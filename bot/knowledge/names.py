"""Which treatments and tests of the fact table a message names, in the order it names them.

Names come from the lexicon (data/lexicon/treatments.yml: names, brands, lay words and listed
misspellings of the concepts an entry owns) and from the entries' own extra names. As in the
lexicon, the longest known phrase wins at a spot ("octreotide scan" is a scan, not the drug;
"chemo into the liver" is TACE), and a phrase of a concept the table has no facts for blocks
the shorter names inside it. A word no phrase covers is matched against known one-word names
with the lexicon's fuzzy cut-off, for typos the lexicon does not list ("everolimis").
"""

from __future__ import annotations

import difflib
from dataclasses import dataclass
from functools import lru_cache
from typing import Optional

from bot.knowledge.treatments import BY_ID, TREATMENTS, Treatment
from bot.lexicon import FUZZY_CUTOFF, FUZZY_MIN_LENGTH, Lexicon, default_lexicon
from bot.text import normalize


@dataclass(frozen=True)
class Mention:
    treatment: Treatment
    typed: str  # the words as found (normalised): "lutathera", "177lu dotatate"
    start: int  # word positions in the normalised message
    end: int
    guessed: bool = False  # a typo matched by closeness, not a known name ("everolimis")


class NameFinder:
    def __init__(self, lexicon: Lexicon, table: tuple[Treatment, ...] = TREATMENTS) -> None:
        owner = {lexicon_id: t.id for t in table for lexicon_id in t.lexicon_ids}
        lexicon_phrases: dict[tuple[str, ...], list[str]] = {}
        for concept in lexicon.concepts.values():
            if concept.kind != "treatment":
                continue
            for term in concept.query_terms:
                ids = lexicon_phrases.setdefault(tuple(term.split()), [])
                if concept.id in owner and owner[concept.id] not in ids:
                    ids.append(owner[concept.id])
        self._phrases: dict[tuple[str, ...], tuple[str, ...]] = {
            words: tuple(ids) for words, ids in lexicon_phrases.items() if words
        }
        for entry in table:  # an entry's own names win over the lexicon's for the same words
            for name in entry.names:
                self._phrases[tuple(normalize(name).split())] = (entry.id,)
        self._longest = max((len(words) for words in self._phrases), default=1)
        self._single_words = sorted(w[0] for w, ids in self._phrases.items() if len(w) == 1 and ids)

    def find(self, text: str) -> list[Mention]:
        words = normalize(text).split()
        found: list[Mention] = []
        i = 0
        while i < len(words):
            length, ids = self._longest_at(words, i)
            if length:
                entry = _pick(ids)
                if entry is not None:
                    found.append(Mention(entry, " ".join(words[i : i + length]), i, i + length))
                i += length
                continue
            entry = self._fuzzy(words[i])
            if entry is not None:
                found.append(Mention(entry, words[i], i, i + 1, guessed=True))
            i += 1
        return found

    def _longest_at(self, words: list[str], i: int) -> tuple[int, tuple[str, ...]]:
        for length in range(min(self._longest, len(words) - i), 0, -1):
            ids = self._phrases.get(tuple(words[i : i + length]))
            if ids is not None:
                return length, ids
        return 0, ()

    def _fuzzy(self, word: str) -> Optional[Treatment]:
        if len(word) < FUZZY_MIN_LENGTH:
            return None
        close = difflib.get_close_matches(word, self._single_words, n=1, cutoff=FUZZY_CUTOFF)
        return _pick(self._phrases[(close[0],)]) if close else None


def _pick(ids: tuple[str, ...]) -> Optional[Treatment]:
    """One entry for a phrase several share ("monthly injection": lanreotide, octreotide and
    somatostatin analogues): the kind the others belong to, else the first."""
    entries = [BY_ID[i] for i in ids]
    for entry in entries:
        if all(other is entry or entry.id in other.part_of for other in entries):
            return entry
    return entries[0] if entries else None


@lru_cache(maxsize=1)
def default_finder() -> NameFinder:
    return NameFinder(default_lexicon())


def find_treatments(text: str, finder: Optional[NameFinder] = None) -> list[Mention]:
    """The table's treatments and tests a message names, in order (repeats included)."""
    return (finder or default_finder()).find(text)


def treatment_ids(words: str) -> set[str]:
    """The treatments and tests the words name, with the kinds they belong to (lanreotide: an SSA)."""
    return {tid for m in find_treatments(words) for tid in (m.treatment.id, *m.treatment.part_of)}
