"""A country's adjective before "sites" says where the trial should run, never which sponsor is meant."""

from __future__ import annotations

from pathlib import Path

import pytest

from bot.profile.evaluate import read_turns
from bot.profile.fit import find_fitting, with_lookups
from bot.profile.read import for_search
from bot.trials.store import TrialStore


@pytest.fixture
def store(shipped_db: Path) -> TrialStore:
    return TrialStore.from_url(f"sqlite:///{shipped_db}")


@pytest.mark.parametrize(
    "turns",
    [
        ["lutetium trials", "open ones only", "canadian sites"],
        ["any prrt studies recruiting? canadian centres please"],
        ["pnet trials phase 3", "recruiting", "european sites pls"],
    ],
)
def test_a_national_word_before_sites_is_no_sponsor(store: TrialStore, turns: list[str]) -> None:
    asked = with_lookups(for_search(read_turns(turns), turns[-1]), turns[-1], store)
    assert asked.lookup.sponsor is None and asked.lookup.site_name is None
    assert len(find_fitting(store, asked).fits) >= 3


def test_a_hospital_named_is_still_looked_up(store: TrialStore) -> None:
    named = with_lookups(read_turns(["trials at the Karolinska"]), "trials at the Karolinska", store)
    assert named.lookup.site_name == "Karolinska University Hospital"
