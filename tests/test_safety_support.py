"""Support first for despair with a question (issue 16): who shows despair, the support text with the
numbers of the person's country, the question heard again for its own answer; a question about
one's own low mood answered with what is known and who can help."""

from __future__ import annotations

from datetime import datetime, timezone

import pytest
import textstat

from actions.safety import ActionDistress
from actions.topics import classifier_said_knowledge
from bot.contacts.book import default_contacts
from bot.personal.feelings import LOW_MOOD_ACKNOWLEDGEMENTS, acknowledgement, shows_despair
from bot.personal.mood import HAND_BACK, asks_about_own_mood, mood_answer
from bot.personal.support import AFTER_THE_FORM, gave_support, support_answer, the_question
from tests.helpers.actions import entity, run, tracker

NOW = datetime(2026, 12, 6, 14, 0, tzinfo=timezone.utc)


@pytest.mark.parametrize(
    "text",
    [
        "we're in despair, she's 58, chemo stopped working. what else is there?",
        "i'm heartbroken, what else can they try",
        "I'm devastated. I thought I was cured.",
        "we're both in bits",
        "feeling heartbroken tonight",
        "im broken",
        "heartbroken. mums scan shows it's grown again. is PRRT an option for her?",  # said first, of oneself
    ],
)
def test_despair_of_ones_own_is_seen(text: str) -> None:
    assert shows_despair(text)


@pytest.mark.parametrize(
    "text",
    [
        "mum is in bits about it",  # someone else's, told by a calm writer
        "she is devastated",
        "i have a broken wrist, can i join",
        "honestly i despair of the waiting lists",
        "im worried about the scan",  # worry is the feeling router's
    ],
)
def test_other_feelings_and_other_peoples_are_not_despair(text: str) -> None:
    assert not shows_despair(text)


@pytest.mark.parametrize(
    ("country", "numbers"), [("IE", ["116 123", "112"]), ("GB", ["116 123", "999"]), ("US", ["988", "911"])]
)
def test_support_gives_the_numbers_of_the_country_and_reads_plainly(country: str, numbers: list[str]) -> None:
    text = support_answer(default_contacts(), country, NOW)
    assert all(number in text for number in numbers)
    assert text.endswith("Now to your question.")
    assert textstat.flesch_kincaid_grade(text) <= 8
    assert gave_support([text]) and not gave_support([text, "Here are 5 trials."])


def test_support_with_no_line_for_the_country_names_who_can_help() -> None:
    text = support_answer(default_contacts(), "SE", NOW, answer_follows=False)
    assert "NET nurse" in text and "call 112" in text
    assert text.endswith(AFTER_THE_FORM) and textstat.flesch_kincaid_grade(text) <= 8


def support_first(text: str, question: str, entities: list[dict] | None = None) -> tuple[list[dict], list[dict]]:
    t = tracker(text, intent="distress", entities=entities)
    t.latest_message["safety_net"] = {"kind": "distress", "reason": "support_first", "question": question}
    t.latest_message["intent_ranking"] = [
        {"name": "distress", "confidence": 1.0},
        {"name": question, "confidence": 0.4},
    ]
    return run(ActionDistress(), t)


def test_support_first_then_the_same_message_is_heard_for_its_question() -> None:
    text = "we're in despair, she's 58, chemo stopped working. what else is there? we live in cork"
    ruler = {**entity("city", "cork"), "start": 79, "end": 83, "confidence": None}
    events, messages = support_first(text, "search_trials", [ruler])
    assert len(messages) == 1 and messages[0]["text"].startswith("I'm so sorry.")
    assert "116 123" in messages[0]["text"] and "call 112" in messages[0]["text"]  # Ireland, from "cork"
    listen, heard = events
    assert listen["event"] == "action" and listen["name"] == "action_listen"
    # heard without the words of despair the support has met: no second kind word after it
    assert (
        heard["event"] == "user"
        and heard["text"] == "she's 58, chemo stopped working. what else is there? we live in cork"
    )
    parsed = heard["parse_data"]
    assert parsed["text"] == heard["text"]
    assert parsed["intent"] == {"name": "search_trials", "confidence": 1.0}
    assert [r["name"] for r in parsed["intent_ranking"]] == ["search_trials", "distress"]
    assert parsed["entities"] == [{k: v for k, v in ruler.items() if v is not None}]  # Rasa refuses a None confidence


def test_a_topic_guessed_on_the_words_of_feeling_is_not_taken_as_the_classifiers_own_choice() -> None:
    """ "her NET has spread and i cant stop crying, what happens now": the classifier said distress, then knowledge
    (the topic selector guessed carcinoid crisis from the crying); heard again as a personal question, the topic
    must meet its own confidence rather than pass as the classifier's first choice."""
    t = tracker(
        "my mum has just been told her NET has spread and i cant stop crying, what happens now", intent="distress"
    )
    t.latest_message["safety_net"] = {"kind": "distress", "reason": "support_first", "question": "ask_personal_advice"}
    t.latest_message["intent_ranking"] = [
        {"name": "distress", "confidence": 1.0},
        {"name": "knowledge", "confidence": 0.2},
        {"name": "ask_personal_advice", "confidence": 0.1},
    ]
    events, _ = run(ActionDistress(), t)
    heard = events[1]["parse_data"]
    assert heard["text"] == "my mum has just been told her NET has spread, what happens now"
    again = tracker(heard["text"])
    again.latest_message = heard
    assert again.latest_message["intent"]["name"] == "ask_personal_advice" and not classifier_said_knowledge(again)


def test_plain_distress_keeps_the_crisis_reply_and_asks_nothing_again() -> None:
    events, messages = run(ActionDistress(), tracker("i want to end it, what trials are there", intent="distress"))
    assert events == [] and messages[0]["text"].startswith("I'm really sorry you are feeling like this.")


def test_in_the_prescreen_the_question_waits() -> None:
    t = tracker("we're in despair, what trials are there", intent="distress")
    t.latest_message["safety_net"] = {"kind": "distress", "reason": "support_first", "question": "search_trials"}
    t.active_loop = {"name": "prescreen_form"}
    events, messages = run(ActionDistress(), t)
    assert events == [] and messages[0]["text"].endswith(AFTER_THE_FORM)


@pytest.mark.parametrize(
    ("text", "asks"),
    [
        ("i feel so low since the diagnosis. is it normal to feel this flat? dont really want to talk to anyone", True),
        ("ive been so depressed since the op", True),
        ("is it normal to feel low after lutathera", True),
        ("my blood sugar is low", False),
        ("i feel sick after the injection, is that normal", False),
        ("im down to 2 tablets", False),
    ],
)
def test_a_question_about_ones_own_low_mood(text: str, asks: bool) -> None:
    assert asks_about_own_mood(text) is asks


def test_the_mood_answer_is_the_emotional_health_fact_and_who_can_help() -> None:
    first = mood_answer([])
    assert "two-thirds" in first[0] and first[1] == HAND_BACK[0]
    assert mood_answer(first)[1] == HAND_BACK[1]  # not the same words twice
    assert all(textstat.flesch_kincaid_grade(line) <= 8 for line in [*HAND_BACK, *LOW_MOOD_ACKNOWLEDGEMENTS])


def test_low_mood_is_acknowledged_as_sadness_not_worry() -> None:
    assert acknowledgement([], "i feel so low since the diagnosis") == LOW_MOOD_ACKNOWLEDGEMENTS[0]
    assert "worried" not in acknowledgement([], "i feel so flat")


@pytest.mark.parametrize(
    ("text", "question"),
    [
        ("we're both in bits. what do they take out in a whipple?", "what do they take out in a whipple?"),
        ("i'm heartbroken, what else can they try for my dad's NET?", "what else can they try for my dad's NET?"),
        ("so scared, is the biopsy going to hurt?", "is the biopsy going to hurt?"),
        ("we're in despair", "we're in despair"),  # nothing else asked: the whole message
        # what the clause tells of the illness stays; only its part told of the feeling goes
        (
            "my mum has just been told her NET has spread and i cant stop crying, what happens now",
            "my mum has just been told her NET has spread, what happens now",
        ),
        ("dads scan showed it grew and we are devastated. what now?", "dads scan showed it grew. what now?"),
        ("im in bits and the op is friday, will it hurt?", "the op is friday, will it hurt?"),
    ],
)
def test_the_question_is_heard_without_the_feeling(text: str, question: str) -> None:
    assert the_question(text) == question
