"""The SafetyNet component: the classifier's unsure `emergency` on an ordinary question gives way to
its next intent; a sure one, one with distress close, or one with a sign now stays."""

from __future__ import annotations

import pytest
from rasa.shared.nlu.constants import INTENT, INTENT_RANKING_KEY, TEXT
from rasa.shared.nlu.training_data.message import Message

from components.safety_net import SAFETY_KEY, SafetyNet


def classified(text: str, ranking: list[tuple[str, float]]) -> Message:
    message = Message(data={TEXT: text})
    message.set(INTENT, {"name": ranking[0][0], "confidence": ranking[0][1]})
    message.set(INTENT_RANKING_KEY, [{"name": name, "confidence": p} for name, p in ranking])
    return message


def intent_after(text: str, ranking: list[tuple[str, float]]) -> str:
    [message] = SafetyNet().process([classified(text, ranking)])
    return message.get(INTENT)["name"]


@pytest.mark.parametrize(
    ("text", "ranking", "expected"),
    [
        # Session 14: an ordinary question the classifier only guessed was an emergency.
        (
            "can my 12 yr old have it, he has VHL like his mom",
            [("emergency", 0.33), ("ask_eligibility", 0.28), ("out_of_scope", 0.14)],
            "ask_eligibility",
        ),
        (
            "her sugars have been dropping a lot lately, should we mention it at clinic on thursday",
            [("emergency", 0.47), ("ask_personal_advice", 0.25)],
            "ask_personal_advice",
        ),
        ("is it normal to feel pain where the drip went in", [("emergency", 0.58), ("knowledge", 0.35)], "knowledge"),
        # something that happens again and again gives way however sure the classifier was
        (
            "dad gets dizzy and flushed when he stands up, is that his blood pressure tablets",
            [("emergency", 0.99), ("ask_personal_advice", 0.01)],
            "ask_personal_advice",
        ),
    ],
)
def test_a_guessed_emergency_on_an_ordinary_question_takes_the_next_intent(
    text: str, ranking: list[tuple[str, float]], expected: str
) -> None:
    [message] = SafetyNet().process([classified(text, ranking)])
    assert message.get(INTENT) == {"name": expected, "confidence": ranking[1][1]}
    assert [r["name"] for r in message.get(INTENT_RANKING_KEY)][0] == expected
    assert "emergency" not in [r["name"] for r in message.get(INTENT_RANKING_KEY)]
    assert message.get(SAFETY_KEY)["reason"] == "ordinary_question"


@pytest.mark.parametrize(
    ("text", "ranking"),
    [
        # sure enough
        ("is it normal to feel short of breath with anaemia", [("emergency", 0.93), ("knowledge", 0.05)]),
        # not a question about something else: said as happening
        ("mum is really not right, can you help", [("emergency", 0.45), ("ask_helpline", 0.3)]),
        ("meter says LO and hes slurring his words, what now", [("emergency", 0.51), ("knowledge", 0.3)]),
        # again and again, but happening now
        ("his sugar keeps dropping at night and right now he wont eat", [("emergency", 0.7), ("knowledge", 0.2)]),
        # distress close behind
        ("is it normal to not want to wake up", [("emergency", 0.4), ("distress", 0.35), ("knowledge", 0.1)]),
    ],
)
def test_a_sure_or_present_emergency_stays(text: str, ranking: list[tuple[str, float]]) -> None:
    assert intent_after(text, ranking) == "emergency"


def test_a_pattern_emergency_wins_even_in_a_question() -> None:
    assert (
        intent_after("my sugar reading is 2.1, can you help", [("knowledge", 0.6), ("emergency", 0.2)]) == "emergency"
    )


def test_other_intents_are_left_alone() -> None:
    assert intent_after("can my 12 yr old have it", [("ask_eligibility", 0.5), ("emergency", 0.3)]) == "ask_eligibility"


def test_an_ordinary_health_question_is_not_demoted_to_off_topic() -> None:
    ranking = [("emergency", 0.65), ("out_of_scope", 0.16), ("ask_personal_advice", 0.11)]
    assert intent_after("my sugar keeps dropping in the night, what should I eat", ranking) == "ask_personal_advice"
    assert intent_after("my sugar keeps dropping in the night", [("emergency", 0.65), ("out_of_scope", 0.3)]) == (
        "out_of_scope"  # nothing else to take
    )


@pytest.mark.parametrize("text", ["xyzzy blorp", "asdfgh", "qwerty uiop"])
def test_a_guess_of_urgency_on_no_known_word_is_no_intent(text: str) -> None:
    assert intent_after(text, [("emergency", 0.4), ("greet", 0.2)]) == "nlu_fallback"
    assert intent_after(text, [("distress", 0.3), ("greet", 0.2)]) == "nlu_fallback"


@pytest.mark.parametrize(
    "text, ranking",
    [
        ("xyzzy blorp", [("emergency", 0.9), ("greet", 0.05)]),  # sure: kept
        ("hjälp min pappa", [("emergency", 0.4), ("greet", 0.2)]),  # a word of urgency in another language
        ("!!!", [("emergency", 0.4), ("greet", 0.2)]),  # no letters: says nothing either way
        ("blorp fainted", [("emergency", 0.4), ("greet", 0.2)]),
    ],
)
def test_urgency_stays_where_a_word_may_carry_it(text: str, ranking: list[tuple[str, float]]) -> None:
    assert intent_after(text, ranking) == ranking[0][0]


def test_desperate_for_a_visit_is_left_to_the_classifier_and_despair_is_distress() -> None:
    # Session 17 follow-up (issue 16): "desperate to visit" no longer marks distress whatever the classifier said.
    visit = "my daughter is 6 months pregnant and desperate to visit after my lutathera. is that a no?"
    assert intent_after(visit, [("knowledge", 0.6), ("distress", 0.2)]) == "knowledge"
    despair = "he's desperate and talking about ending it"
    assert intent_after(despair, [("knowledge", 0.6), ("distress", 0.2)]) == "distress"


def net_marks(text: str, ranking: list[tuple[str, float]]) -> dict:
    [message] = SafetyNet().process([classified(text, ranking)])
    return {"intent": message.get(INTENT)["name"], **(message.get(SAFETY_KEY) or {})}


@pytest.mark.parametrize(
    ("text", "ranking", "question"),
    [
        # issue 16: despair with a question gets support first, then the search it asked for
        (
            "we're in despair, she's 58, chemo stopped working. what else is there? we live in cork",
            [("emergency", 0.45), ("search_trials", 0.3), ("inform", 0.2)],
            "search_trials",
        ),
        (
            "we're in despair, she's 58, chemo stopped working. what else is there? we live in cork",
            [("search_trials", 1.0), ("inform", 0.85), ("emergency", 0.08)],
            "search_trials",
        ),
        # places are not what "what else can they try" asks
        (
            "i'm heartbroken, what else can they try for my dad's NET?",
            [("find_centres", 0.54), ("knowledge", 0.2)],
            "search_trials",
        ),
        (
            "we're both in bits. what do they take out in a whipple?",
            [("knowledge", 0.9), ("distress", 0.05)],
            "knowledge",
        ),
        # a feeling the classifier only guessed was distress
        ("so scared, is the biopsy going to hurt?", [("distress", 0.4), ("knowledge", 0.35)], "knowledge"),
        # the personal part is the personal question's
        (
            "i'm devastated, should he stop the lanreotide?",
            [("distress", 0.5), ("knowledge", 0.3)],
            "ask_personal_advice",
        ),
    ],
)
def test_despair_with_a_question_is_support_first_then_the_question(
    text: str, ranking: list[tuple[str, float]], question: str
) -> None:
    assert net_marks(text, ranking) == {
        "intent": "distress",
        "kind": "distress",
        "reason": "support_first",
        "question": question,
    }


@pytest.mark.parametrize(
    ("text", "ranking"),
    [
        ("we're in despair", [("emergency", 0.45), ("distress", 0.05)]),
        ("we are heartbroken", [("emergency", 0.55), ("out_of_scope", 0.2)]),
    ],
)
def test_despair_alone_is_never_the_emergency_line(text: str, ranking: list[tuple[str, float]]) -> None:
    assert net_marks(text, ranking)["intent"] == "distress"


@pytest.mark.parametrize(
    ("text", "ranking", "kind"),
    [
        # a real crisis wins over the question: crisis lines only
        ("i want to end it, what trials are there", [("search_trials", 0.72), ("distress", 0.05)], "said_outright"),
        ("we're in despair, she can't breathe, what do we do", [("knowledge", 0.5)], "breathing"),
    ],
)
def test_a_real_crisis_still_wins_over_the_question(text: str, ranking: list[tuple[str, float]], kind: str) -> None:
    marks = net_marks(text, ranking)
    assert marks["reason"] == kind and "question" not in marks


@pytest.mark.parametrize(
    ("text", "ranking", "expected"),
    [
        # worry with a question the classifier did not think urgent: the feeling router's, not the net's
        (
            "i'm scared, what does a ki67 of 20 mean?",
            [("ask_personal_advice", 0.48), ("knowledge", 0.39)],
            "ask_personal_advice",
        ),
        # someone else's distress told by a calm writer
        (
            "mum is in bits about it. is there anything he could do instead of the op?",
            [("search_trials", 0.6)],
            "search_trials",
        ),
        # a sure emergency keeps the emergency line, feeling or not
        (
            "im terrified. hes got a fever of 39 on chemo, what do i do",
            [("emergency", 0.93), ("ask_personal_advice", 0.05)],
            "emergency",
        ),
        # a feeling with a question the classifier guessed was an emergency: the emergency line stays
        ("so scared, he is burning up on chemo, what do i do", [("emergency", 0.45), ("knowledge", 0.3)], "emergency"),
        # despair said to be happening now with a guessed emergency: the number first
        (
            "we're in despair, he's shaking all over, is that the chemo?",
            [("emergency", 0.5), ("knowledge", 0.3)],
            "emergency",
        ),
        # despair, but the classifier is sure of an emergency the patterns do not know: the number first
        (
            "we're devastated, he's burning up and shaking on chemo, what do we do",
            [("emergency", 0.9), ("knowledge", 0.05)],
            "emergency",
        ),
        # despair with nothing to answer
        ("we're in despair, hello?", [("distress", 0.6), ("greet", 0.3)], "distress"),
    ],
)
def test_no_support_first_where_it_does_not_fit(text: str, ranking: list[tuple[str, float]], expected: str) -> None:
    marks = net_marks(text, ranking)
    assert marks["intent"] == expected and marks.get("reason") != "support_first"
