"""Never the same finding twice: a fact of what trials found loses the sentences the topic answer already
said in other words (bot/knowledge/found_asked.py `not_yet_said`), and keeps every sentence it did not."""

from __future__ import annotations

import pytest
import yaml

from actions.knowledge_answer import ActionAnswerKnowledge
from bot.config import REPO_ROOT
from bot.knowledge.facts import Fact
from bot.knowledge.found_asked import found_facts, not_yet_said
from tests.helpers.actions import run, tracker

RESPONSES = yaml.safe_load((REPO_ROOT / "data" / "nlu" / "knowledge_responses.yml").read_text())["responses"]
LENVATINIB = RESPONSES["utter_knowledge/lenvatinib"][0]["text"]


def _fact(text: str) -> Fact:
    return Fact(id="f", topic="t", source="s", text=text)


@pytest.mark.parametrize(
    "fact, said, kept",
    [
        (
            "In X, 50 people took it. The researchers concluded it worked well.",
            "The researchers said it worked well.",
            "In X, 50 people took it.",
        ),
        (
            "Tumours shrank in 4 in 10 people. It was found to work well.",
            "It worked well, they reported.",
            "Tumours shrank in 4 in 10 people.",
        ),
        ("The trial showed it worked well.", "The trial reported it worked well.", None),
    ],
)
def test_a_finding_said_in_other_words_is_not_said_again(fact: str, said: str, kept: str | None) -> None:
    trimmed = not_yet_said(_fact(fact), said)
    assert (trimmed.text if trimmed else None) == kept


@pytest.mark.parametrize(
    "fact, said",
    [
        ("Tumours shrank in 4 in 10 people.", "Tumours shrank in some people."),  # the figure is new
        ("The researchers concluded it worked well.", "The researchers said it did not work well in NECs."),
        ("It lived longer by 3 months.", "Researchers said it worked. It lived longer."),  # the months are new
    ],
)
def test_a_sentence_with_anything_new_is_kept(fact: str, said: str) -> None:
    assert not_yet_said(_fact(fact), said) == _fact(fact)


@pytest.mark.parametrize(
    "text",
    [
        "what did trials find for lenvatinib",
        "did lenvatinib actually shrink tumours in trials?",
        "is there any evidence lenvatinib works?",
    ],
)
def test_lenvatinib_findings_never_repeat_the_topic(text: str) -> None:
    found = " ".join(f.text for f in found_facts(text, LENVATINIB))
    assert "worked well" not in found and "4 in 10" in found, found


def test_the_knowledge_answer_says_that_it_worked_well_once() -> None:
    t = tracker("did lenvatinib actually shrink pancreatic tumours in trials?", intent="knowledge")
    t.latest_message["response_selector"] = {
        "knowledge": {"response": {"intent_response_key": "knowledge/lenvatinib", "confidence": 0.9}}
    }
    _, messages = run(ActionAnswerKnowledge(), t, {"responses": RESPONSES})
    sent = " ".join(m.get("text") or "" for m in messages) + LENVATINIB
    assert sent.count("worked well") == 1, sent
