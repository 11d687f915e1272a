"""What taking part in the trial just shown involves ("whats involved in it") is a question about that
trial's record (bot/followups/involves_asked.py, components/followup_router.py), whatever the classifier
read; the same words about trials in general or about a treatment stay as they were."""

from __future__ import annotations

from typing import Optional

import pytest
from rasa.shared.nlu.training_data.message import Message

from actions.followups import ActionAnswerTrialDetail
from bot.followups.involves_asked import asks_what_it_involves
from components.followup_router import FollowUpRouter
from tests.helpers.actions import run, tracker


def routed(text: str, intent: str) -> Optional[str]:
    message = Message(data={"text": text, "intent": {"name": intent, "confidence": 0.9}})
    return FollowUpRouter().route(message)


@pytest.mark.parametrize(
    "text, intent",
    [
        ("whats involved in it", "nlu_fallback"),
        ("what's involved in that one?", "knowledge"),
        ("what does this study involve", "search_trials"),
        ("what would taking part involve?", "out_of_scope"),
        ("what would taking part in that one involve?", "ask_eligibility"),
        ("what will joining it involve for my mum", "search_trials"),
        ("what would my dad have to do on that trial?", "ask_personal_advice"),
        ("ok what happens if she joins", "inform"),
        ("what is involved with taking part in it", "compare_trials"),
    ],
)
def test_what_taking_part_involves_is_about_the_trial_shown(text: str, intent: str) -> None:
    assert asks_what_it_involves(text)
    assert routed(text, intent) == "ask_trial_detail"


@pytest.mark.parametrize(
    "text",
    [
        "what's involved in a clinical trial?",
        "what is involved in PRRT",
        "whats involved in the whipple operation",
        "what does a gallium scan involve?",
        "is it involved in my liver?",
        "what happens in trials generally",
        "what would taking part in a trial involve?",
    ],
)
def test_the_same_words_about_no_one_trial_are_left_alone(text: str) -> None:
    assert not asks_what_it_involves(text)
    assert routed(text, "knowledge") in (None, "knowledge")


NETTER_2 = "NCT03972488"  # randomised, with how long each treatment lasts in its record


def _detail(text: str) -> str:
    t = tracker(text, intent="ask_trial_detail", slots={"focus_nct_id": NETTER_2})
    _, messages = run(ActionAnswerTrialDetail(), t)
    return "\n".join(m.get("text") or "" for m in messages)


@pytest.mark.usefixtures("database_url_env")
@pytest.mark.parametrize("text", ["what does that one involve?", "whats involved in it", "what happens in this trial?"])
def test_what_it_involves_gets_the_groups_and_how_long(text: str) -> None:
    reply = _detail(text)
    assert "involves" in reply and "randomised" in reply and "every 8" in reply, reply
    assert "How many people" not in reply and "phase 3" not in reply  # not the trial's whole view


@pytest.mark.usefixtures("database_url_env")
def test_an_aspect_asked_is_still_answered_alone() -> None:
    reply = _detail("what phase is it?")
    assert "phase 3" in reply and "involves" not in reply


@pytest.mark.parametrize(
    "text, focus, group_word",
    [
        ("whats involved in it", "NCT02705651", "somatostatin"),  # SANO: what each group gets, not only "randomised"
        ("wat does this one involve for my hubby", "NCT02705651", "groups"),
        ("what happens if my son joins", "NCT02358356", "groups"),
        ("what would he need to do in this trial", "NCT01744249", "placebo"),
    ],
)
def test_what_it_involves_says_what_each_group_gets(
    database_url_env: str, text: str, focus: str, group_word: str
) -> None:
    _, messages = run(ActionAnswerTrialDetail(), tracker(text, slots={"focus_nct_id": focus}))
    said = messages[-1]["text"]
    assert "groups:" in said or "one group" in said, said
    assert group_word.lower() in said.lower(), said


def test_what_it_involves_quotes_the_design_when_no_groups_are_listed(database_url_env: str) -> None:
    # PANTODON lists no groups: its own sentence on what it compares, not only "randomised"
    t = tracker("what would she have to do on it", slots={"focus_nct_id": "NCT07273409"})
    _, messages = run(ActionAnswerTrialDetail(), t)
    said = messages[-1]["text"]
    assert "debulking" in said and "oncologic treatment alone" in said, said
