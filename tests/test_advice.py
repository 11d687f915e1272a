"""Requests for personal medical advice are caught by patterns (bot/advice.py), and the
SafetyNet NLU component marks emergencies, distress and advice whatever the classifier said."""

from __future__ import annotations

import pytest
from rasa.shared.nlu.constants import INTENT, INTENT_RANKING_KEY, TEXT
from rasa.shared.nlu.training_data.message import Message

from bot.advice import asks_personal_advice
from components.safety_net import SafetyNet

ADVICE = [
    "should i stop my lanreotide",
    "Should I stop taking everolimus?",
    "what dose should i take",
    "is my scan bad",
    "how long have I got",
    "how long has my dad got left",
    "what are my chances",
    "can I skip my octreotide injection this month",
    "is it ok to stop my injections",
    "should my mum have the operation",
    "is my tumour growing",
    "would you have the surgery if you were me",
    "can you read my scan report",
]
GENERAL = [
    "what is lanreotide",
    "what is the usual dose of everolimus",
    "should i ask my doctor about trials",
    "can i stop a trial at any time",
    "how long do i have to decide about a trial",
    "what should i expect from prrt",
    "how fast is my net growing what does grade mean",
    "what questions should i ask the trial team",
    "where should i start if i want to join a trial",
    "how should i take part in research",
    "can we stop",
    "can we stop here",
    "can we stop these questions please",
    "can we stop the checker",
    "what questions should we take to the trial team",
    "",
]


@pytest.mark.parametrize("text", ADVICE)
def test_requests_for_advice_are_caught(text: str) -> None:
    assert asks_personal_advice(text)


@pytest.mark.parametrize("text", GENERAL)
def test_general_questions_are_not_advice(text: str) -> None:
    assert not asks_personal_advice(text)


def classified(text: str, intent: str) -> Message:
    message = Message(data={TEXT: text})
    message.set(INTENT, {"name": intent, "confidence": 0.9})
    message.set(INTENT_RANKING_KEY, [{"name": intent, "confidence": 0.9}, {"name": "nlu_fallback", "confidence": 0.1}])
    return message


@pytest.mark.parametrize(
    ("text", "diet_said", "expected"),
    [
        ("my husband has collapsed", "knowledge", "emergency"),
        ("I want to end it all", "greet", "distress"),
        ("should i stop my lanreotide", "knowledge", "ask_personal_advice"),
        ("i cant breathe, should i stop my lanreotide", "knowledge", "emergency"),
        ("what is lanreotide", "knowledge", "knowledge"),
    ],
)
def test_the_safety_net_component_overrides_the_classifier(text: str, diet_said: str, expected: str) -> None:
    [message] = SafetyNet().process([classified(text, diet_said)])
    assert message.get(INTENT)["name"] == expected
    ranking = [r["name"] for r in message.get(INTENT_RANKING_KEY)]
    assert ranking[0] == expected and len(ranking) == len(set(ranking))
