"""How many open trials of each of two treatments are in our list, and which trials include
both, through the same search the chat uses (TrialQuery.treatment, resolved by the lexicon)."""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache
from typing import Optional

from bot.knowledge.treatments import Treatment
from bot.lexicon import Lexicon, default_lexicon
from bot.trials.query import TrialQuery
from bot.trials.store import TrialStore

BOTH_SHOWN = 2  # trials that include both, named at most
_EVERY = 1000  # enough to list every stored trial of one treatment


@dataclass(frozen=True)
class TrialCounts:
    open: tuple[Optional[int], Optional[int]]  # None: not something our search can find
    both: tuple[str, ...] = ()  # trials of both, any status: "COMPETE", or an NCT number

    def words(self, which: int) -> Optional[str]:
        count = self.open[which]
        if count is None:
            return None
        return "none right now" if count == 0 else f"{count}"


def search_phrase(entry: Treatment, lexicon: Optional[Lexicon] = None) -> Optional[str]:
    """A phrase the search resolves to exactly the entry's lexicon concepts, or None."""
    return _phrase(entry.trial_concepts, lexicon or default_lexicon())


@lru_cache(maxsize=128)
def _phrase(concepts: tuple[str, ...], lexicon: Lexicon) -> Optional[str]:
    terms = []
    for concept_id in concepts:
        tag = f"treatment:{concept_id}"
        concept = lexicon.concepts.get(tag)
        term = (
            next((t for t in concept.record_terms if lexicon.resolve("treatment", t) == (tag,)), None)
            if concept
            else None
        )
        if term is None:
            return None
        terms.append(term)
    return " ; ".join(terms) or None


def trial_counts(store: TrialStore, pair: tuple[Treatment, Treatment]) -> TrialCounts:
    phrases = [search_phrase(entry, store.lexicon) for entry in pair]
    open_counts = tuple(
        store.search(TrialQuery(treatment=p, status="open", limit=1)).total if p else None for p in phrases
    )
    both: tuple[str, ...] = ()
    if all(phrases) and phrases[0] != phrases[1]:
        ids = [_ids(store, p) for p in phrases]
        shared = [nct for nct in ids[0] if nct in set(ids[1])][:BOTH_SHOWN]
        both = tuple(_label(store, nct) for nct in shared)
    return TrialCounts(open=(open_counts[0], open_counts[1]), both=both)


def _ids(store: TrialStore, phrase: Optional[str]) -> list[str]:
    page = store.search(TrialQuery(treatment=phrase, status="all", limit=_EVERY))
    return [t.nct_id for t in page.trials]


def _label(store: TrialStore, nct_id: str) -> str:
    """A trial's short name: its acronym ("COMPETE"), else its NCT number."""
    trial = store.get(nct_id)
    return trial.acronym if trial and trial.acronym else nct_id
