"""A trial with one group left untreated and watched (SANO: "Somatostatin Analogs Versus NO Treatment") is
found as watch and wait; one whose untreated group is follow-up after chemotherapy or an operation is not
(bot/trials/tagging.py)."""

from __future__ import annotations

import pytest

from bot.trials.query import TrialQuery
from bot.trials.store import TrialStore
from bot.trials.tagging import watches_in_one_group

SANO = "NCT02705651"
MAINTENANCE = {"NCT02409849", "NCT02687958"}  # NEC maintenance trials with an observation group


@pytest.mark.parametrize(
    ("arms", "title", "watched"),
    [
        ("No treatment: This arm will be the observational control", "Somatostatin Analogs Versus NO Treatment", True),
        ("Watch and wait", "Early lanreotide or watching", True),
        ("B Observational: Patients in this arm will meet observation criteria", "Everolimus as Maintenance", False),
        ("Observation", "Adjuvant Capecitabine and Temozolomide Versus Observation", False),
        ("", "Somatostatin Analogs Versus NO Treatment", False),  # no untreated group
    ],
)
def test_a_group_watched_instead_of_treated(arms: str, title: str, watched: bool) -> None:
    assert watches_in_one_group(arms, title) is watched


def test_sano_is_found_as_watch_and_wait_and_maintenance_trials_are_not(store: TrialStore) -> None:
    found = {t.nct_id for t in store.search(TrialQuery(treatment="watch and wait", status="all", limit=20)).trials}
    assert SANO in found and not found & MAINTENANCE
