"""Routing the question that was asked (issue 16): a person put to the trial in focus ("can my 12 yr old
have it"), the classifier's near-tie between a topic and a personal question, and "is that normal?"
about their own body."""

from __future__ import annotations

from typing import Optional

import pytest
from rasa.shared.nlu.constants import INTENT, INTENT_RANKING_KEY, TEXT
from rasa.shared.nlu.training_data.message import Message

from components.feeling_router import FeelingRouter
from components.followup_router import FollowUpRouter


def classified(text: str, ranking: list[tuple[str, float]]) -> Message:
    message = Message(data={TEXT: text})
    message.set(INTENT, {"name": ranking[0][0], "confidence": ranking[0][1]})
    message.set(INTENT_RANKING_KEY, [{"name": name, "confidence": p} for name, p in ranking])
    return message


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("can my 12 yr old have it, he has VHL like his mom", "ask_trial_detail"),  # f014
        ("can my 12 year old join", "ask_trial_detail"),
        ("can my dad have PRRT, he is 80", None),  # a treatment named, no trial
        ("can i have lunch before the scan", None),
    ],
)
def test_a_person_put_to_the_trial_asks_about_it(text: str, expected: Optional[str]) -> None:
    assert FollowUpRouter().route(classified(text, [("nlu_fallback", 0.3), ("ask_eligibility", 0.29)])) == expected


F179 = "they found a 1,4 cm non functioning one and just want to scan me every year. is that normal or are they fobbing me off"


@pytest.mark.parametrize(
    ("text", "ranking", "expected"),
    [
        # torn between a topic and a personal question, about their own situation: the personal question
        (F179, [("nlu_fallback", 0.3), ("ask_personal_advice", 0.48), ("knowledge", 0.48)], "ask_personal_advice"),
        # not about their own situation: the unsure answer's own way
        ("whats the difference", [("nlu_fallback", 0.3), ("knowledge", 0.4), ("ask_personal_advice", 0.38)], None),
        # torn between other intents
        (F179, [("nlu_fallback", 0.3), ("knowledge", 0.4), ("search_trials", 0.38)], None),
    ],
)
def test_a_near_tie_between_a_topic_and_a_personal_question(
    text: str, ranking: list[tuple[str, float]], expected: Optional[str]
) -> None:
    assert FeelingRouter().route(classified(text, ranking)) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("my mouth is full of ulcers, is that normal?", "ask_personal_advice"),
        (
            "mum has been on everolimus for 3 months. her mouth is full of ulcers, is that normal?",
            "ask_personal_advice",
        ),
        ("is it normal to feel pain where the drip went in", None),  # a general question
        ("is diarrhoea a common side effect of lanreotide", None),
    ],
)
def test_is_that_normal_about_their_own_body_is_a_personal_question(text: str, expected: Optional[str]) -> None:
    assert FeelingRouter().route(classified(text, [("knowledge", 0.58), ("ask_personal_advice", 0.26)])) == expected
