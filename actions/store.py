"""The trial store the actions share, one per database URL (tests switch DATABASE_URL)."""

from __future__ import annotations

from functools import lru_cache

from bot.config import database_url
from bot.trials.store import TrialStore, make_engine


@lru_cache(maxsize=4)
def _store_for(url: str) -> TrialStore:
    # Connections kept open: opening a SQLite file for every query cost more than the query.
    return TrialStore(make_engine(url, keep_connections=True))


def trial_store() -> TrialStore:
    return _store_for(database_url())
