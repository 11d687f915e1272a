"""Despair with a question through the real Rasa server and action server (issue 16): support first
with the numbers of the person's country, then the question answered in the same turn; a real
crisis still gets only the crisis lines; despair alone is never the emergency line. Also questions
near it: low mood asked as "is it normal", "is that normal?" about their own body, a child's age on
the trial in focus."""

from __future__ import annotations

import pytest

from tests.servers import say, texts

pytestmark = pytest.mark.integration

SUPPORT = "I'm so sorry. This is a very hard time"
CRISIS = "I'm really sorry you are feeling like this."
EMERGENCY_LINES = ("This sounds like an emergency", "If someone is very unwell or hurt right now")
NOT_UNDERSTOOD = "Sorry, I didn't understand that."


def test_despair_with_a_question_gets_irish_support_then_the_trials(assistant: str) -> None:
    replies = say(
        assistant,
        "support-cork",
        "we're in despair, she's 58, chemo stopped working. what else is there? we live in cork",
    )
    first, rest = replies[0]["text"], texts(replies[1:])
    assert first.startswith(SUPPORT)
    assert "116 123" in first and "call 112" in first and "999" not in first  # Ireland, from Cork
    assert "Cork" in rest and "trials" in rest  # the search it asked for, in the same turn
    assert NOT_UNDERSTOOD not in rest and not any(line in texts(replies) for line in EMERGENCY_LINES)


def test_despair_with_a_question_about_a_topic_gets_the_answer_after_the_support(assistant: str) -> None:
    replies = say(assistant, "support-whipple", "we're both in bits. what do they take out in a whipple?")
    assert replies[0]["text"].startswith(SUPPORT)
    assert "head of the pancreas" in texts(replies[1:])


def test_a_crisis_with_a_question_gets_the_crisis_lines_and_no_list(assistant: str) -> None:
    replies = say(assistant, "support-crisis", "i want to end it, what trials are there")
    assert replies[0]["text"].startswith(CRISIS) and "116 123" in replies[0]["text"]
    assert "I found" not in texts(replies)


def test_despair_alone_is_never_the_emergency_line(assistant: str) -> None:
    reply = texts(say(assistant, "support-alone", "we're in despair"))
    assert "116 123" in reply
    assert not any(line in reply for line in EMERGENCY_LINES)


def test_low_mood_asked_as_is_it_normal_gets_the_emotional_health_fact_not_a_crisis_line(assistant: str) -> None:
    reply = texts(
        say(
            assistant,
            "support-low",
            "i feel so low since the diagnosis. is it normal to feel this flat? dont really want to talk to anyone",
        )
    )
    assert "two-thirds" in reply and "NET nurse or GP" in reply
    assert "Samaritans" not in reply and "worried" not in reply


def test_is_that_normal_about_their_own_body_is_answered_then_handed_back(assistant: str) -> None:
    say(assistant, "support-ulcers", "im on everolimus")
    reply = texts(say(assistant, "support-ulcers", "my mouth is full of ulcers, is that normal?"))
    assert "mouth ulcers" in reply
    assert "specialist team" in reply or "your team" in reply.lower()


def test_a_childs_age_on_the_trial_in_focus_is_compared_with_its_limits(assistant: str) -> None:
    say(assistant, "support-age", "the NIH gallium scan one NCT01967537")
    reply = texts(say(assistant, "support-age", "can my 12 yr old have it, he has VHL like his mom"))
    assert "10 to 99" in reply and "Only the trial team can say" in reply
