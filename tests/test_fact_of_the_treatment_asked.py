"""A question of what a treatment causes is not answered with a fact about the illness itself ("does everolimus
cause weight gain?" -> not "a non-functioning NET ... can cause weight loss") (actions/general_answer.py)."""

from __future__ import annotations

from actions.general_answer import of_what_was_asked
from bot.knowledge.facts import read_facts

TUMOUR_WEIGHT = next(f for f in read_facts() if f.topic == "functioning" and "weight loss" in f.text)


def test_what_a_treatment_causes_is_not_answered_by_the_tumour() -> None:
    assert not of_what_was_asked(TUMOUR_WEIGHT, "does everolimus cause weight gain? im on it everolimus")


def test_a_question_about_the_illness_keeps_the_fact() -> None:
    assert of_what_was_asked(TUMOUR_WEIGHT, "why is mum losing weight? what is a non functioning net")
    assert of_what_was_asked(TUMOUR_WEIGHT, "is the weight loss from the tumour or the everolimus?")
