"""Safety and contacts through the real Rasa server and action server (REST webhook):
emergencies and distress answered first in any state, advice refused kindly, people and
places to turn to, and "was this helpful?" after answers."""

from __future__ import annotations

import pytest

from tests.servers import say, texts

pytestmark = pytest.mark.integration


def test_an_emergency_mid_search_gets_the_number_first(assistant: str) -> None:
    assert "everolimus" in texts(say(assistant, "urgent-1", "are there everolimus trials"))
    replies = say(assistant, "urgent-1", "my dad has collapsed and wont wake up")
    assert replies, "no reply to an emergency"
    assert "Call 999 now" in replies[0]["text"]
    # The search can carry on afterwards.
    assert "everolimus" in texts(say(assistant, "urgent-1", "are there everolimus trials in the uk"))


def test_an_emergency_uses_the_number_of_the_country_in_the_chat(assistant: str) -> None:
    say(assistant, "urgent-2", "find trials in sweden")
    replies = say(assistant, "urgent-2", "she is not breathing")
    assert "Call 112 now" in replies[0]["text"]


def test_distress_gets_a_warm_reply_and_samaritans(assistant: str) -> None:
    reply = texts(say(assistant, "distress-1", "i cant go on any more i want to end it all"))
    assert "sorry" in reply.lower()
    assert "116 123" in reply
    assert "999" in reply


def test_plain_fear_gets_support_lines_not_the_crisis_reply(assistant: str) -> None:
    reply = texts(say(assistant, "fear-1", "im so scared about my scan tomorrow i cant stop crying"))
    assert "I'm really sorry you are feeling like this" not in reply
    assert "Macmillan" in reply and "116 123" in reply and "999" in reply


def test_an_ordinary_question_about_pain_is_not_an_emergency(assistant: str) -> None:
    reply = texts(say(assistant, "ordinary-1", "is chest pain a side effect of sunitinib"))
    assert "This sounds like an emergency" not in reply


@pytest.mark.parametrize("question", ["should i stop my lanreotide", "how long have i got"])
def test_personal_advice_is_refused_kindly_with_who_can_help(assistant: str, question: str) -> None:
    reply = texts(say(assistant, f"advice-{len(question)}", question))
    assert "can't advise you about your own care" in reply
    assert "specialist team" in reply and "0808 800 4040" in reply


def test_asking_for_a_human_gives_helplines_with_open_now(assistant: str) -> None:
    reply = texts(say(assistant, "human-1", "i want to talk to a human"))
    assert "0808 800 4040" in reply
    assert "open now" in reply.lower() or "closed now" in reply.lower() or "opens" in reply.lower()


def test_specialist_centres_near_a_city(assistant: str) -> None:
    reply = texts(say(assistant, "centres-1", "is there a net specialist near manchester"))
    assert "The Christie" in reply
    assert "referred" in reply


def test_trial_contacts_for_the_trial_in_focus(assistant: str) -> None:
    say(assistant, "contacts-1", "tell me about NCT07273409")
    reply = texts(say(assistant, "contacts-1", "who do i contact about this trial"))
    assert "NCT07273409" in reply


def test_was_this_helpful_follows_a_trial_and_no_is_logged_kindly(assistant: str) -> None:
    replies = say(assistant, "feedback-1", "tell me about NCT07273409")
    assert replies[-1]["text"] == "Was this helpful?"
    payloads = [b["payload"] for b in replies[-1]["buttons"]]
    assert payloads == ["/feedback_helpful", "/feedback_unhelpful"]
    assert "Sorry that did not help" in texts(say(assistant, "feedback-1", "/feedback_unhelpful"))
