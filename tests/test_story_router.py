"""StoryRouter: a story with no question about a treatment already had is read back, not explained."""

from __future__ import annotations

import pytest
from rasa.shared.nlu.constants import INTENT, TEXT
from rasa.shared.nlu.training_data.message import Message

from components.story_router import StoryRouter


def routed(text: str, intent: str = "knowledge") -> str:
    message = Message(data={TEXT: text, INTENT: {"name": intent, "confidence": 0.7}})
    StoryRouter().process([message])
    return message.get(INTENT)["name"]


@pytest.mark.parametrize(
    "text",
    [
        "hi my dad is 74 and has had lutathera for his pancreatic net, the doctor says it worked for a while",
        "my wife has been on lanreotide for 3 years for her pnet with liver mets",
    ],
)
def test_a_story_of_a_treatment_had_is_read_back(text: str) -> None:
    assert routed(text) == "inform"
    assert routed(text, "ask_eligibility") == "inform"


@pytest.mark.parametrize(
    "text, intent",
    [
        ("my dad has had lutathera, what are the side effects", "knowledge"),  # a question
        ("my dad has had lutathera for his pnet", "ask_personal_advice"),  # another intent
        ("tell me about lutathera", "knowledge"),  # no story
        ("my mum's consultant mentioned PRRT for her pnet", "knowledge"),  # named, not had
    ],
)
def test_other_messages_are_left(text: str, intent: str) -> None:
    assert routed(text, intent) == intent
