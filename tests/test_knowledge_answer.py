"""action_answer_knowledge: the topic answer the topic selector chose, then the single fact that
answers the exact point when the answer leaves it out (actions/knowledge_answer.py)."""

from __future__ import annotations

from typing import Any

import yaml

from actions.knowledge_answer import ActionAnswerKnowledge
from bot.config import REPO_ROOT
from bot.knowledge.facts import answering_fact
from bot.personal.handing_back import AFTER_GENERAL, after_general_lines
from tests.helpers.actions import run, tracker

RESPONSES = yaml.safe_load((REPO_ROOT / "data" / "nlu" / "knowledge_responses.yml").read_text())["responses"]
DOMAIN = {"responses": RESPONSES}


def _asked(text: str, topic: str | None, confidence: float = 0.9) -> Any:
    t = tracker(text, intent="knowledge")
    if topic:
        t.latest_message["response_selector"] = {
            "knowledge": {
                "response": {
                    "intent_response_key": f"knowledge/{topic}",
                    "confidence": confidence,
                    "utter_action": f"utter_knowledge/{topic}",
                }
            }
        }
    return t


def _answer(text: str, topic: str | None, confidence: float = 0.9) -> list[str]:
    """Each message sent: its response name, or its text."""
    _, messages = run(ActionAnswerKnowledge(), _asked(text, topic, confidence), DOMAIN)
    return [m.get("response") or m.get("text") or "" for m in messages]


def test_the_topic_answer_then_the_fact_it_leaves_out() -> None:
    messages = _answer("how long are people in hospital for an EUS?", "biopsy")
    assert messages[0] == "utter_knowledge/biopsy" and len(messages) == 2
    assert "30 minutes" in messages[1] and "30 minutes" not in RESPONSES["utter_knowledge/biopsy"][0]["text"]


def test_a_question_the_topic_answers_whole_gets_the_topic_alone() -> None:
    assert _answer("what is a biopsy", "biopsy") == ["utter_knowledge/biopsy"]


def test_the_topic_is_given_however_unsure_the_selector_is() -> None:
    # utter_knowledge always sent the selector's choice; the action keeps that
    assert _answer("what is a biopsy", "biopsy", confidence=0.2) == ["utter_knowledge/biopsy"]


def test_with_no_topic_the_fact_alone_is_given() -> None:
    text = "how long are people in hospital for an EUS?"
    fact = answering_fact(text)
    assert fact is not None and _answer(text, None) == [fact.text]


def test_nothing_to_say_gets_the_default_answer() -> None:
    assert _answer("hmm", None) == ["utter_default"]


def test_asked_about_their_own_situation_who_can_say_how_it_applies_comes_last() -> None:
    messages = _answer("how long will my dad be in hospital for his EUS?", "biopsy")
    assert messages[0] == "utter_knowledge/biopsy" and "30 minutes" in messages[1]
    assert messages[2] in after_general_lines("him") and len(messages) == 3  # said of the dad asked about
    assert not set(_answer("how long are people in hospital for an EUS?", "biopsy")) & set(AFTER_GENERAL)
    assert _answer("can you explain a biopsy to me", "biopsy") == ["utter_knowledge/biopsy"]  # no point of their own
