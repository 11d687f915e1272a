"""How long and how often, quoted from a trial's own text (bot/trials/timing.py), and a trial
named only by its acronym (components/trial_names.py, actions/which_trial.named_trial_id)."""

from __future__ import annotations

import pytest

from bot.trials.query import Arm, Intervention, TrialDetail
from bot.trials.timing import not_said, timing_answer, timing_sentences, topic_asked
from components.trial_names import names_only_a_trial


def _trial(
    description: str = "", interventions: tuple[Intervention, ...] = (), arms: tuple[Arm, ...] = ()
) -> TrialDetail:
    return TrialDetail(
        nct_id="NCT01000001",
        title="A trial",
        official_title=None,
        acronym=None,
        status="RECRUITING",
        phases=(),
        study_type="INTERVENTIONAL",
        start_date=None,
        completion_date=None,
        last_updated=None,
        enrollment=None,
        sponsor=None,
        summary=None,
        description=description,
        conditions=(),
        keywords=(),
        interventions=interventions,
        criteria=None,
        min_age_years=None,
        max_age_years=None,
        sex=None,
        healthy_volunteers=None,
        sites=(),
        contacts=(),
        arms=arms,
    )


@pytest.mark.parametrize(
    "question, topic",
    [
        ("how long would i be on it", "treatment"),
        ("how many cycles is it", "treatment"),
        ("", "treatment"),
        ("how long do they folow you up afterwards", "follow_up"),
        ("will he have to keep coming back", "follow_up"),
        ("how often are the scans", "scans"),
        ("how often do you fill in the questionnaires", "questionnaires"),
        ("will he have to keep coming back after the scan", "follow_up"),
        ("do they want check ups after the ct", "follow_up"),
    ],
)
def test_the_topic_of_a_how_long_question(question: str, topic: str) -> None:
    assert topic_asked(question) == topic


def test_how_long_comes_before_how_often() -> None:
    trial = _trial(
        "Patients are randomised. Docetaxel is given every 21 days. "
        "Participants will be treated for a minimum of 6 months or until progression."
    )
    assert timing_sentences(trial, "treatment")[0].startswith("Participants will be treated for a minimum of 6 months")


def test_interventions_speak_first_and_repeats_are_dropped() -> None:
    drug = Intervention("DRUG", "Lanreotide", description="120 mg every 28 days for up to 24 months.")
    arm = Arm("Lanreotide", "EXPERIMENTAL", description="120 mg every 28 days for up to 24 months")
    answer = timing_answer(
        _trial("The study lasts 5 years.", (drug,), (arm,)), "how long do you stay on the lanreotide"
    )
    assert answer is not None and answer.count("24 months") == 1 and "5 years" not in answer


def test_follow_up_and_scans_come_from_the_description() -> None:
    trial = _trial(
        "Tumours are assessed every 8 weeks in the first year. Patients will have a minimum follow-up "
        "period of 5 years. The aim is to assess the efficacy of the drug 300 mg once a day."
    )
    assert timing_sentences(trial, "scans") == ["Tumours are assessed every 8 weeks in the first year."]
    assert timing_sentences(trial, "follow_up") == ["Patients will have a minimum follow-up period of 5 years."]
    observed = _trial("The observation period will be 60 months. Patients are observed for 2 years after surgery.")
    assert len(timing_sentences(observed, "follow_up")) == 2


def test_nothing_to_quote_says_so() -> None:
    trial = _trial("Patients are eligible if treated every 4 weeks. A study of a new drug.")
    assert timing_answer(trial, "how long is the treatment") is None  # "eligible" is never quoted to a person
    assert not_said("how often are the scans") == "The record does not say how often the scans are."


@pytest.mark.parametrize(
    "text, only_a_name",
    [
        ("the clarinet trial", True),
        ("clarinet study?", True),
        ("netter-2", True),
        ("what is the SANO study", True),
        ("compose trial lutetium edotreotide", True),
        ("the spinet study lanreotide lung", True),
        ("clarinet side effects", False),
        ("i want to compete", False),
        ("do they take people in their 70s", False),
        ("captem", False),
    ],
)
def test_a_message_that_only_names_a_trial(nlp, text: str, only_a_name: bool) -> None:  # type: ignore[no-untyped-def]
    assert names_only_a_trial(nlp(text.lower())) is only_a_name


def test_a_trial_is_found_by_its_exact_acronym(database_url_env: str) -> None:
    from actions.which_trial import named_trial_id

    assert named_trial_id("the clarinet trial") == "NCT00353496"  # not CLARINET FORTE too
    assert named_trial_id("clarinet forte") == "NCT02651987"
    assert named_trial_id("who runs netter 2") == "NCT03972488"
    assert named_trial_id("how long would i be on it") is None


def test_background_sentences_are_not_the_trials_plan() -> None:
    trial = _trial(
        "Bortezomib was approved by the FDA in 2012 for myeloma within 60 days of the last therapy. "
        "The prognosis is poor, with a median survival of less than 20 months. "
        "To evaluate overall survival, patients will have a minimum follow-up period of 12 months."
    )
    assert timing_sentences(trial, "treatment") == []
    assert timing_sentences(trial, "follow_up") == [
        "To evaluate overall survival, patients will have a minimum follow-up period of 12 months."
    ]
