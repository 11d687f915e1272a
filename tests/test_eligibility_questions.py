"""Questions for your doctor and the trial team, tailored to each shipped trial."""

from __future__ import annotations

import pytest
import textstat

from bot.eligibility.forbidden_words import tells_can_join
from bot.eligibility.questions import questions_for
from bot.trials.store import TrialStore
from tests.conftest import SHIPPED_COUNT


def all_questions(store: TrialStore, nct_id: str) -> tuple[list[str], list[str]]:
    trial = store.get(nct_id)
    assert trial is not None
    q = questions_for(trial)
    return list(q.doctor), list(q.coordinator)


def test_every_question_on_every_shipped_trial_is_plain_and_safe(store: TrialStore) -> None:
    ids = list(store.iter_ids())
    assert len(ids) == SHIPPED_COUNT
    for nct_id in ids:
        doctor, coordinator = all_questions(store, nct_id)
        assert len(doctor) >= 4 and len(coordinator) >= 6, nct_id
        for question in doctor + coordinator:
            assert question.endswith("?"), question
            assert textstat.flesch_kincaid_grade(question) <= 8, question
            assert not tells_can_join(question), question


def test_surgery_trial_in_sweden(store: TrialStore) -> None:
    doctor, coordinator = all_questions(store, "NCT07273409")
    assert any("no drug phase" in q for q in doctor)  # phase NA
    assert any("groups by chance" in q for q in doctor)  # randomised
    assert any("operation" in q for q in doctor)  # debulking surgery
    assert not any("placebo" in q.lower() for q in doctor + coordinator)
    assert any("Sweden" in q and "travel" in q for q in coordinator)
    assert any("usual care group" in q for q in coordinator)  # oncologic treatment alone is the control


def test_placebo_controlled_phase_3(store: TrialStore) -> None:
    doctor, coordinator = all_questions(store, "NCT00510068")
    assert any("phase 3" in q for q in doctor)
    assert any("placebo" in q for q in doctor) and any("placebo" in q for q in coordinator)
    assert any("not taking new people" in q for q in coordinator)  # completed


def test_radioactive_treatment(store: TrialStore) -> None:
    doctor, _ = all_questions(store, "NCT02743741")
    assert any("radioactive" in q for q in doctor)


@pytest.mark.parametrize(
    "nct_id, words", [("NCT02267967", "phase 1"), ("NCT00363051", "phase 2"), ("NCT01595009", "phase 4")]
)
def test_phase_words(store: TrialStore, nct_id: str, words: str) -> None:
    doctor, _ = all_questions(store, nct_id)
    assert any(words in q for q in doctor)
