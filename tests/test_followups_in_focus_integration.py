"""Follow-ups that keep what the last turn was about, through the real Rasa server and action server
(issue 16): the pair just set side by side, the topic just answered, the list just shown; a trial
named by its drug; a second question in the same message."""

from __future__ import annotations

import pytest

from bot.personal.feelings import ACKNOWLEDGEMENTS
from bot.personal.handing_back import WHOLE
from tests.servers import say, texts

pytestmark = pytest.mark.integration

NOT_UNDERSTOOD = "Sorry, I didn't understand that."
EXPLAINER = "Many trials are randomised."


def _chat(base: str, sender: str, *turns: str) -> str:
    replies: list[dict] = []
    for turn in turns:
        replies = say(base, sender, turn)
    return texts(replies)


def test_which_treatment_is_better_after_a_side_by_side(assistant: str) -> None:
    reply = _chat(assistant, "focus-ssa", "lanreotide or octreotide?", "which one is better for someone who is 80")
    assert (
        "There is no one best choice between lanreotide and octreotide for everyone" in reply
        and "specialist team" in reply
    )
    assert not any(whole in reply for whole in WHOLE)


def test_which_trial_is_better_after_the_first_two(assistant: str) -> None:
    reply = _chat(
        assistant,
        "focus-two",
        "find trials for pancreatic NET",
        "compare the first two",
        "which one is better for someone who is 80",
    )
    assert "In general, neither trial comes out ahead" in reply and "age of 80" in reply
    assert not any(whole in reply for whole in WHOLE)


def test_a_follow_up_on_prrt_keeps_the_topic(assistant: str) -> None:
    reply = _chat(assistant, "focus-hug", "what is PRRT?", "and can i hug my grandkids")
    assert "children under 10" in reply and NOT_UNDERSTOOD not in reply


def test_is_it_randomised_after_a_list(assistant: str) -> None:
    reply = _chat(assistant, "focus-list", "find trials for pancreatic NET", "is it randomised?")
    assert "For each of the 5 trials" in reply and EXPLAINER not in reply


def test_a_trial_named_by_its_drug(assistant: str) -> None:
    reply = _chat(assistant, "focus-drug", "is the lutathera trial randomised?")
    assert "trials of Lutathera" in reply and "NETTER-3" in reply and EXPLAINER not in reply


def test_a_second_question_in_the_same_message(assistant: str) -> None:
    reply = _chat(assistant, "focus-second", "what is PRRT? and is NEC worse than NET?")
    assert "radiotherapy given from inside the body" in reply and "NETs and NECs are both" in reply


def test_support_then_the_trials_with_no_second_kind_sentence(assistant: str) -> None:
    replies = say(assistant, "focus-support", "heartbroken. so scared for mum. looking for trials for her pnet")
    support, rest = replies[0]["text"], texts(replies[1:])
    assert support.startswith("I'm so sorry.") and "116 123" in support
    assert "Open now: it is open all day" not in support  # Samaritans' hours said once
    assert not any(kind in rest for kind in ACKNOWLEDGEMENTS) and "trials" in rest
