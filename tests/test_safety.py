"""The safety net on the measured lists: no urgent message missed, almost no false alarms.

The tune lists (safety_urgent.txt, safety_ordinary.txt) are the ones the patterns were built
on. The held lists were never tuned on: part 1 was split off at random before the patterns
were extended, part 2 was written later and measured once (then looked at in session 7),
part 3 was written blind in session 7 and measured once. Held figures guard against a
change that loses what the patterns caught there; they are not targets to tune towards.
"""

from __future__ import annotations

import pytest

from bot.safety import check_message
from scripts.safety_report import lines, parts, training_examples

URGENT = lines("safety_urgent.txt")
ORDINARY = lines("safety_ordinary.txt")
URGENT_HELD = parts("safety_urgent_held.txt")
ORDINARY_HELD = parts("safety_ordinary_held.txt")


def missed(messages: list[str]) -> list[str]:
    return [m for m in messages if check_message(m) is None]


def alarms(messages: list[str]) -> list[str]:
    return [m for m in messages if check_message(m) is not None]


def held_missed(part: int) -> int:
    """How many urgent messages of a held part are missed: a number, so a failure never shows their texts."""
    return len(missed(URGENT_HELD[part]))


def held_alarms(part: int) -> int:
    return len(alarms(ORDINARY_HELD[part]))


def test_the_lists_are_big_enough_and_ordinary_ones_mention_the_risky_words() -> None:
    assert len(URGENT) >= 150 and len(ORDINARY) >= 300
    risky = ("pain", "blood", "sugar", "breath", "dying", "die", "hypo", "crisis", "bleed", "flush", "collapse")
    assert sum(any(w in o.lower() for w in risky) for o in ORDINARY) >= 100
    indirect = ("burden", "plan", "saving", "saved", "goodbye", "better off", "around", "floppy", "grey", "killing")
    assert sum(any(w in o.lower() for w in indirect) for o in ORDINARY) >= 30


def test_held_lists_are_apart_from_the_tune_lists() -> None:
    assert [len(p) for p in URGENT_HELD] == [17, 20, 40] and [len(p) for p in ORDINARY_HELD] == [17, 20, 40]
    assert held_also_tuned() == 0


def held_also_tuned() -> int:
    held = {m for part in URGENT_HELD + ORDINARY_HELD for m in part}
    return len(held & set(URGENT + ORDINARY))


def test_no_urgent_message_is_missed() -> None:
    assert missed(URGENT) == []


def test_false_alarms_at_most_two_percent() -> None:
    found = alarms(ORDINARY)
    assert len(found) / len(ORDINARY) <= 0.02, found


def test_held_part_one_at_most_one_in_ten_missed_or_false() -> None:
    assert held_missed(0) <= 0.1 * len(URGENT_HELD[0])
    assert held_alarms(0) <= 0.1 * len(ORDINARY_HELD[0])


def test_held_part_two_no_worse_than_measured() -> None:
    # Measured once when written (docs/safety.md): 5 of 20 caught, 2 false alarms of 20.
    assert len(URGENT_HELD[1]) - held_missed(1) >= 5
    assert held_alarms(1) <= 2


def test_held_part_three_no_worse_than_measured() -> None:
    # Written blind in session 7, measured once (docs/safety.md): 21 of 40 caught, 7 false alarms of 40.
    assert len(URGENT_HELD[2]) - held_missed(2) >= 21
    assert held_alarms(2) <= 7


def test_no_other_training_example_is_flagged() -> None:
    """The classifier's own examples of other intents (thousands, written by others) stay quiet."""
    others = [
        t for intent, texts in training_examples().items() if intent not in ("emergency", "distress") for t in texts
    ]
    assert len(others) >= 1000
    found = alarms(others)
    assert len(found) <= 0.005 * len(others), found


@pytest.mark.parametrize(
    ("text", "reason"),
    [
        ("ive been saving up my tramadol, anyway is the trial open", "saved_medicines"),
        ("i've got a stash of oramorph in the wardrobe", "saved_medicines"),
        ("how many of these would it take", "saved_medicines"),
        ("i've made my plans, just want the trial info for my wife after", "plans"),
        ("he says he has a plan and won't tell me what it is", "plans"),
        ("dont want to be a burden on the kids anymore", "burden"),
        ("everyone would be better off", "burden"),
        ("they'd manage fine without me", "burden"),
        ("sorted my will and said my goodbyes", "goodbyes"),
        ("she's been giving her jewellery away to the grandkids", "goodbyes"),
        ("i won't be around much longer so send it to my son", "not_around"),
        ("put my affairs in order and found a home for the dog, thanks for everything", "farewell"),
    ],
)
def test_indirect_suicide_risk_is_distress(text: str, reason: str) -> None:
    match = check_message(text)
    assert match is not None and (match.kind, match.reason) == ("distress", reason)


@pytest.mark.parametrize(
    "text",
    [
        "mum went grey and slid off the chair and isnt answering me",
        "dad's gone all floppy and wont respond",
        "his sugar was 1.9 and he's not making sense",
        "my husband is on the floor and i cant get him to talk",
        "nan went down in the garden and isn't moving",
        "she's gone a funny colour and slumped over",
        "grandad's eyes have rolled back",
        "he swallowed a whole packet of paracetamol",
        "dad's on the floor, not answering, i've phoned for an ambulance",
    ],
)
def test_a_relative_collapsing_without_the_word_emergency_is_an_emergency(text: str) -> None:
    match = check_message(text)
    assert match is not None and match.kind == "emergency", match


@pytest.mark.parametrize(
    "text",
    [
        "these injections are killing me lol",
        "dying to know if the trial is open",
        "I'd kill for a trial near Leeds",
        "the waiting is a nightmare",
        "is the burden of proof on me",
        "the treatment burden is a lot, are there trials with fewer visits",
        "my dad doesnt want to be a burden so he wont ask for lifts",
        "saving up for the travel to the trial",
        "any plans for the weekend",
        "we've made plans to go to spain after the last cycle",
        "she collapsed into bed after the scan, just tired",
        "we collapsed on the sofa after the drive",
        "my veins keep collapsing with all the blood tests",
        "the tumour is not responding to lanreotide",
        "dad was unresponsive to octreotide so they switched",
        "my gp is not answering the phone",
        "mum isnt answering, she was meant to ring after her scan",
        "mum went grey when the consultant said liver mets",
        "the dog went all floppy after his walk",
        "dad took all his tablets this morning before the scan",
        "i won't be around next week as we're on holiday",
        "would we be better off waiting for the next trial",
        "said goodbye to the nurses on the ward today",
        "my husband wont wake up before 10 on weekends",
        "im collecting my tablets from the pharmacy tomorrow",
    ],
)
def test_alarming_idioms_are_not_flagged(text: str) -> None:
    assert check_message(text) is None


def test_emergency_wins_over_distress_and_kinds_are_right() -> None:
    assert check_message("I want to die and I can't breathe").kind == "emergency"
    assert check_message("i want to kill myself").kind == "distress"
    assert check_message("my mum has collapsed").reason == "collapse"
    # Saving tablets is distress; having taken them is an emergency.
    assert check_message("i've been saving my sleeping tablets").kind == "distress"
    assert check_message("she drank the whole bottle of oramorph").reason == "overdose"


def test_odd_input_is_safe() -> None:
    for text in ["", None, "x" * 100_000, "\x00\x01", "🙂" * 50, "CHEST PAIN!!!", "my mum " * 1000, "and isnt " * 1000]:
        check_message(text)  # no exception
    assert check_message("MY CHEST HURTS").kind == "emergency"
    assert check_message("I can’t breathe").kind == "emergency"  # curly apostrophe


@pytest.mark.parametrize(
    ("text", "reason"),
    [
        ("my sugar keeps dropping at night and tonight she wont wake up properly", "collapse"),
        ("her sugar keeps dropping at night and she's confused", "low_blood_sugar"),
        ("the meter just says LO", "low_blood_sugar"),
        ("dad is clammy and grey and his jaw and left arm ache", "chest_pain"),
        ("her smile has gone lopsided and her words are all jumbled", "stroke"),
        ("shes breathing really fast and shallow and isnt making sense", "breathing"),
        ("took my whole month's tablets at once", "overdose"),
    ],
)
def test_signs_said_indirectly_or_in_pairs_are_emergencies(text: str, reason: str) -> None:
    match = check_message(text)
    assert match is not None and (match.kind, match.reason) == ("emergency", reason), match


@pytest.mark.parametrize(
    "text",
    [
        "my sugar keeps dropping in the night, what should I eat",
        "dad gets dizzy and flushed when he stands up, is that his blood pressure tablets",
        "i had a collapsed lung when i was 20, can i join",
        "he had a heart attack in march and has a stent now, does that rule him out",
        "my mum gets panic attacks before every scan",
        "her smile has gone lopsided since the dentist",  # one stroke sign alone is not enough here
    ],
)
def test_a_pattern_over_time_or_a_history_is_not_an_emergency(text: str) -> None:
    assert check_message(text) is None


@pytest.mark.parametrize(
    "text",
    [
        # Session 17 follow-ups (issue 16): desperate for something, not despair.
        "having my 2nd lutathera next week. my daughter is 6 months pregnant and desperate to visit after. is that a no?",
        "could my husband get a liver transplant? its only in his liver. nobody has mentioned it and im getting desperate",
        "we are desperate for answers about the scan",
        "im desperate to get on this trial",
        "still waiting for the results and getting desperate",
        "desperate to join the trial in leeds",
        "mum is desperate to see the grandkids before her op",
    ],
)
def test_desperate_for_something_is_not_distress(text: str) -> None:
    assert check_message(text) is None


@pytest.mark.parametrize(
    "text",
    [
        "he's desperate and talking about ending it",
        "she keeps talking about ending her life",
        "im desperate",
        "i feel so desperate",
        "desperate for it all to end",
        "desperate to die",
        "desperate for help",
        "desperate for someone to talk to",
        "he is desperate to not wake up",
        "i am desperate. i cant see a way forward",
        "nobody has told us anything and im desperate, i cant go on",
        "still waiting for results and i feel desperate, i want to die",
        "they said it's terminal and i'm desperate",
        "im desperate to be with my late husband again",
        "desperate for a way out of all this",
    ],
)
def test_desperate_as_despair_is_still_distress(text: str) -> None:
    match = check_message(text)
    assert match is not None and match.kind == "distress", match


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # The words of session 17's follow-up false alarms, in messages that are urgent.
        ("she can't breathe on the stairs and her lips are blue", "emergency"),
        ("he's puffed out on the stairs and now he's gone grey and isnt answering", "emergency"),
        ("he wont drink anything and his sugar is 2.1", "emergency"),
        ("he's stopped drinking, he's cold and won't wake up", "emergency"),
        ("i feel so low i want to end it all", "distress"),
    ],
)
def test_urgent_messages_with_the_follow_up_words_are_caught(text: str, expected: str) -> None:
    match = check_message(text)
    assert match is not None and match.kind == expected, match


@pytest.mark.parametrize(
    "text",
    [
        "hubby having PRRT tues. should he be drinking more or less water around it? he hates drinking",
        "on afinitor 3 months and now got a dry cough and im puffed out on the stairs. is that the tablets or am i being paranoid",
        "i feel so low since the diagnosis. is it normal to feel this flat? dont really want to talk to anyone",
    ],
)
def test_the_follow_up_questions_raise_no_pattern(text: str) -> None:
    """These are flagged, if at all, by the classifier (docs/safety.md): the patterns stay quiet."""
    assert check_message(text) is None
