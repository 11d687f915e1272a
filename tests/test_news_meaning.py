"""A story asking what some news means ("just been told its spread to my bones. what does that mean") gets
the nearest knowledge answer, never a list of trials (bot/advice.py, actions/understand.py)."""

from __future__ import annotations

import pytest

from actions.understand import ActionUnderstandMessage
from bot.advice import asks_what_it_means
from tests.helpers.actions import run, tracker

pytestmark = pytest.mark.usefixtures("database_url_env")
NEWS = "just been told its spread to my bones. what does that mean"


@pytest.mark.parametrize(
    "text",
    [NEWS, "the letter says T2 N1 M0, what does it mean", "whats that mean for her", "what does stable disease mean"],
)
def test_asking_what_it_means(text: str) -> None:
    assert asks_what_it_means(text)


@pytest.mark.parametrize(
    "text",
    ["its spread to my bones, what trials are there", "what does the trial involve", "what are my options"],
)
def test_not_asking_what_it_means(text: str) -> None:
    assert not asks_what_it_means(text)


def _asked(confidence: float) -> list[dict]:
    message = tracker(NEWS, intent="nlu_fallback")
    message.latest_message["response_selector"] = {
        "knowledge": {"response": {"intent_response_key": "knowledge/stage", "confidence": confidence}}
    }
    return run(ActionUnderstandMessage(), message, {"responses": {"utter_knowledge/stage": [{"text": "x"}]}})[1]


def test_the_news_gets_the_nearest_topic_and_no_trial_list() -> None:
    messages = _asked(0.18)
    assert messages[0].get("response") == "utter_knowledge/stage"
    assert not any("trials" in (m.get("text") or "") for m in messages)
    assert "team" in (messages[-1].get("text") or "")  # then who can say what it means for them
    assert _asked(0.05)[0].get("response") != "utter_knowledge/stage"  # too far from any topic: not guessed
