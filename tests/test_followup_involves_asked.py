"""What taking part in the trial just shown involves ("whats involved in it") is a question about that
trial's record (bot/followups/involves_asked.py, components/followup_router.py), whatever the classifier
read; the same words about trials in general or about a treatment stay as they were."""

from __future__ import annotations

from typing import Optional

import pytest
from rasa.shared.nlu.training_data.message import Message

from bot.followups.involves_asked import asks_what_it_involves
from components.followup_router import FollowUpRouter


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
