"""The plain "about this trial" lines of the trial view (bot/trials/about.py): built from each
record's own facts, in short sentences a patient can read."""
from __future__ import annotations

import textstat

from tests.conftest import SHIPPED_COUNT
from bot.trials.about import about_lines
from bot.trials.present import detail_lines
from bot.trials.store import TrialStore


def test_every_shipped_trial_gets_plain_about_lines(store: TrialStore) -> None:
    ids = list(store.iter_ids())
    assert len(ids) == SHIPPED_COUNT
    for nct_id in ids:
        trial = store.get(nct_id)
        assert trial is not None
        lines = about_lines(trial)
        assert lines[0].startswith("What it tests:"), nct_id
        for line in lines:
            # Treatment names are the record's own (often long drug codes); the rest is ours.
            ours = line
            for intervention in trial.interventions:
                ours = ours.replace(intervention.name, "it")
            assert textstat.flesch_kincaid_grade(ours) <= 8, (nct_id, line)


def test_a_randomised_surgery_trial(store: TrialStore) -> None:
    trial = store.get("NCT07273409")
    assert trial is not None and trial.enrollment
    lines = about_lines(trial)
    assert "What it tests: Debulking surgery (surgery or another procedure)." in lines
    assert any("groups by chance" in line for line in lines)
    assert not any("placebo" in line for line in lines)
    assert f"How many people: about {trial.enrollment:,}." in lines
    assert f"Started: {trial.start_date}." in lines


def test_a_placebo_controlled_phase_3_says_what_phase_3_means(store: TrialStore) -> None:
    trial = store.get("NCT00510068")
    assert trial is not None
    lines = about_lines(trial)
    assert any(line.startswith("What phase 3 means:") and "usual one" in line for line in lines)
    assert any("placebo" in line for line in lines)


def test_the_trial_view_puts_the_plain_lines_before_the_registry_words(store: TrialStore) -> None:
    trial = store.get("NCT07273409")
    assert trial is not None
    lines = detail_lines(trial)
    tests_at = next(i for i, l in enumerate(lines) if l.startswith("What it tests:"))
    registry_at = next(i for i, l in enumerate(lines) if l.startswith("What the record says"))
    assert tests_at < registry_at
