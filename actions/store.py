"""The trial store the actions share, one per database URL (tests switch DATABASE_URL)."""

from __future__ import annotations

from functools import lru_cache

from bot.config import database_url
from bot.trials.store import TrialStore


@lru_cache(maxsize=4)
def _store_for(url: str) -> TrialStore:
    return TrialStore.from_url(url)


def trial_store() -> TrialStore:
    return _store_for(database_url())
