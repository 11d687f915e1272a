"""The open trials a pre-screen looks at: in the person's country if they gave one, else all."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Optional

from bot.geo.country_words import country_name
from bot.prescreen.answers import ANYWHERE
from bot.trials.query import TrialDetail, TrialQuery
from bot.trials.store import TrialStore

MAX_CHECKED = 100


@dataclass(frozen=True)
class Candidates:
    trials: list[TrialDetail]  # in search order: open first, most relevant, recently updated
    widened: bool  # True when the country had none, so all countries were searched


def open_trials(store: TrialStore, place: Optional[str]) -> Candidates:
    """Open trials in the country `place` names (an ISO code); everywhere when it is
    ANYWHERE, unknown, or the country has none."""
    if place and place != ANYWHERE:
        found = _fetch(store, TrialQuery(country=country_name(place), limit=MAX_CHECKED))
        if found:
            return Candidates(found, widened=False)
        return Candidates(_fetch(store, TrialQuery(limit=MAX_CHECKED)), widened=True)
    return Candidates(_fetch(store, TrialQuery(limit=MAX_CHECKED)), widened=False)


def _fetch(store: TrialStore, query: TrialQuery) -> list[TrialDetail]:
    details = (store.get(summary.nct_id) for summary in store.search(query).trials)
    return [d for d in details if d is not None]
