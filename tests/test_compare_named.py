"""Comparisons of trials named by acronym, and of two knowledge topics (actions/compare_trials.py,
bot/trials/lookup.acronyms_in, bot/knowledge/topics.py)."""

from __future__ import annotations

import pytest

from actions.compare_trials import ActionCompareTrials
from bot.knowledge.topics import topics_compared
from tests.helpers.actions import run, tracker

pytestmark = pytest.mark.usefixtures("database_url_env")


@pytest.mark.parametrize(
    "text, ids",
    [
        ("clarinet vs reminet?", ["NCT00353496", "NCT02288377"]),
        ("netter 1 vs netter 2", ["NCT01578239", "NCT03972488"]),
        ("compare the SANO and PRIME studies for my son with MEN1", ["NCT02705651", "NCT05037461"]),
        ("clarinet vs netter-2", ["NCT00353496", "NCT03972488"]),  # the shorter name first
        ("CLARINET vs CLARINET FORTE?", ["NCT00353496", "NCT02651987"]),  # one name starts the other
    ],
)
def test_two_trials_named_by_acronym_are_put_side_by_side(text: str, ids: list[str]) -> None:
    _, messages = run(ActionCompareTrials(), tracker(text))
    reply = messages[-1]["text"]
    assert all(nct_id in reply for nct_id in ids), reply


def test_one_named_trial_is_compared_with_the_one_in_focus() -> None:
    _, messages = run(
        ActionCompareTrials(), tracker("how does it compare with control nets", slots={"focus_nct_id": "NCT02246127"})
    )
    assert "NCT02358356" in messages[-1]["text"] and "NCT02246127" in messages[-1]["text"]


def test_one_trial_named_by_what_it_compares_is_shown() -> None:
    events, messages = run(ActionCompareTrials(), tracker("COMPETE lutetium vs everolimus"))
    assert (
        "(NCT03049189)" in messages[0]["text"]
        and {"event": "slot", "name": "focus_nct_id", "value": "NCT03049189", "timestamp": None} in events
    )


@pytest.mark.parametrize(
    "text, topics",
    [
        ("insulinoma vs gastrinoma", ["insulinoma", "gastrinoma"]),
        ("phase 2 vs phase 3 trial, whats the difference", ["trial_phases"]),
        ("is a g3 net the same as a NEC", ["grade", "net_or_nec"]),
        ("clarinet vs reminet", []),
    ],
)
def test_knowledge_topics_compared(text: str, topics: list[str]) -> None:
    assert topics_compared(text) == topics


def test_two_topics_get_both_answers() -> None:
    domain = {
        "responses": {"utter_knowledge/insulinoma": [{"text": "i"}], "utter_knowledge/gastrinoma": [{"text": "g"}]}
    }
    _, messages = run(ActionCompareTrials(), tracker("insulinoma vs gastrinoma"), domain)
    assert [m["response"] for m in messages] == ["utter_knowledge/insulinoma", "utter_knowledge/gastrinoma"]


@pytest.mark.parametrize(
    "text, about_a_trial",
    [
        ("how long do people stay on it", True),
        ("what does phase 3 actually mean for this one", True),
        ("could I end up on a dummy drug?", True),
        ("there's 2 groups, how do they split people", True),
        ("what is a placebo", False),
        ("randomisation what is it", False),
        ("how long does lutathera take", False),
        ("do they keep my results if i withdraw from research", False),
    ],
)
def test_questions_about_a_trials_parts(text: str, about_a_trial: bool) -> None:
    from components.followup_router import asks_about_a_trial

    assert asks_about_a_trial(text) is about_a_trial


def test_with_no_trial_in_focus_a_detail_question_gets_the_general_answer() -> None:
    from actions.followups import ActionAnswerTrialDetail

    t = tracker("could I end up on a dummy drug?")
    t.latest_message["response_selector"] = {
        "knowledge": {"response": {"intent_response_key": "knowledge/placebo", "confidence": 0.9}}
    }
    _, messages = run(ActionAnswerTrialDetail(), t, {"responses": {"utter_knowledge/placebo": [{"text": "p"}]}})
    assert messages[0]["response"] == "utter_knowledge/placebo" and len(messages) <= 2  # and the fact "p" leaves out


def test_a_detail_question_naming_two_trials_puts_them_side_by_side() -> None:
    from actions.followups import ActionAnswerTrialDetail

    _, messages = run(
        ActionAnswerTrialDetail(),
        tracker("clarinet and reminet - what did each trial actually test?", intent="ask_trial_detail"),
    )
    reply = " ".join(m.get("text") or "" for m in messages)
    assert "NCT00353496" in reply and "NCT02288377" in reply
