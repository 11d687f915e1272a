"""A question of how long someone may live: no figure for one person, said plainly, and who can
talk it through (bot/personal/prognosis.py, actions/knowledge_answer.py)."""

from __future__ import annotations

import pytest
import textstat

from actions.knowledge_answer import ActionAnswerKnowledge
from actions.personal_question import ActionAnswerPersonalQuestion
from bot.personal.prognosis import NO_FIGURE, asks_prognosis, no_figure
from tests.helpers.actions import run, tracker

DOMAIN = {
    "responses": {
        "utter_knowledge/liver_treatments": [{"text": "Liver treatments ..."}],
        "utter_knowledge/stage": [{"text": "Stage 4 means it has spread to a distant part of the body."}],
    }
}


@pytest.mark.parametrize(
    "text",
    [
        "what's the survival rate with liver mets",
        "how long do people live with a pnet that has spread to the liver",
        "how long has my dad got",
        "It mean is terminal? Nobody explain to us.",
        "what are his chances of surviving",
        "is it curable",
        "my dad's scan shows it's spread to his bones. is that the end?",
        "is it the end for her?",
    ],
)
def test_questions_of_how_long_someone_may_live(text: str) -> None:
    assert asks_prognosis(text)


@pytest.mark.parametrize(
    "text",
    [
        "how long will i be in hospital",
        "how long do people stay on lanreotide",
        "what does progression free survival mean",
        "what is the survival after a liver transplant",  # a treatment's results: its own fact
        "could my husband get a liver transplant?",
        "is that the end of the trial?",
        "is it the end of the road for the lanreotide?",
        "",
    ],
)
def test_other_questions_are_not(text: str) -> None:
    assert not asks_prognosis(text)


def test_the_answers_are_plain_and_never_repeated_back_to_back() -> None:
    for text in NO_FIGURE:
        assert textstat.flesch_kincaid_grade(text) <= 8, text
        assert "%" not in text and not any(ch.isdigit() for ch in text)
    assert no_figure([NO_FIGURE[0]]) == NO_FIGURE[1]


def _with_topic(text: str, topic: str, intent: str) -> object:
    t = tracker(text, intent=intent)
    t.latest_message["response_selector"] = {
        "knowledge": {"response": {"intent_response_key": f"knowledge/{topic}", "confidence": 0.9}}
    }
    return t


def test_a_treatments_answer_is_not_given_beside_it() -> None:
    _, messages = run(
        ActionAnswerKnowledge(),
        _with_topic("what's the survival rate with liver mets", "liver_treatments", "knowledge"),
        DOMAIN,
    )
    assert [m.get("text") for m in messages] == [NO_FIGURE[0]]


def test_an_answer_about_the_illness_itself_is() -> None:
    text = "My father letter say stage 4 of pnet. It mean is terminal? Nobody explain to us."
    _, messages = run(ActionAnswerPersonalQuestion(), _with_topic(text, "stage", "ask_personal_advice"), DOMAIN)
    assert messages[-2].get("response") == "utter_knowledge/stage"
    assert messages[-1]["text"] in NO_FIGURE
