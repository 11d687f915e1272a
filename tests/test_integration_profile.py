"""What the person told us, remembered across turns, through the real Rasa server and action
server (REST webhook): corrections, numbers for their country in crisis and emergency replies,
a story read as a story, and the pre-screen asking only what it does not know."""

from __future__ import annotations

import pytest

from bot.prescreen.present import PRESCREEN_QUESTIONS, QUESTIONS_ABOUT_SOMEONE_ELSE
from tests.servers import say, texts

pytestmark = pytest.mark.integration


def question_of(reply: str) -> str:
    return next(
        slot
        for questions in (PRESCREEN_QUESTIONS, QUESTIONS_ABOUT_SOMEONE_ELSE)
        for slot, question in questions.items()
        if question in reply
    )


@pytest.mark.parametrize(
    ("sender", "where", "crisis", "emergency"),
    [
        ("us-1", "we live in the US", "988", "911"),
        ("se-1", "we are in Sweden", "112", "112"),
        ("ie-1", "I'm in Dublin", "116 123", "112"),
        ("uk-1", "I'm in Leeds", "116 123", "999"),
    ],
)
def test_crisis_and_emergency_numbers_follow_the_country_said_earlier(
    assistant: str, sender: str, where: str, crisis: str, emergency: str
) -> None:
    say(assistant, sender, where)
    say(assistant, sender, "my mum has a pnet, she is 70")  # a turn in between
    distress = texts(say(assistant, sender, "i dont want to be a burden to everyone anymore"))
    assert crisis in distress and f"call {emergency}" in distress
    urgent = say(assistant, f"{sender}-e", where) and say(
        assistant, f"{sender}-e", "she has collapsed and wont wake up"
    )
    assert f"Call {emergency} now" in urgent[0]["text"]


def test_a_story_is_read_as_a_story_not_keywords(assistant: str) -> None:
    replies = say(
        assistant,
        "story-1",
        (
            "my husband is 71, they found a NET in his pancreas in march and its in his lymph nodes too, he had half his "
            "pancreas out and now has the monthly injections, is there anything he could try next"
        ),
    )
    reply = texts(replies)
    assert "Try fewer words" not in reply and "Why: " in reply
    shown = [b["payload"] for r in replies for b in r.get("buttons") or [] if b["payload"].startswith("/show_trial")]
    assert 1 <= len(shown) <= 5
    assert not any("NCT04711135" in payload for payload in shown)  # the adolescents' trial is put last, not shown


def test_plain_facts_are_read_back_and_a_drug_name_is_explained(assistant: str) -> None:
    noted = texts(say(assistant, "facts-1", "she's 66 and has a pnet"))
    assert "I have noted" in noted and "66" in noted and "pancreas" in noted
    explained = texts(say(assistant, "facts-2", "lutathera"))
    assert "PRRT" in explained and "Sorry, I didn't understand" not in explained


def test_the_pre_screen_asks_only_what_the_story_did_not_say(assistant: str) -> None:
    me = "prefill-1"
    say(assistant, me, "my wife is 66, she has a grade 2 pnet that has spread to her liver")
    reply = texts(say(assistant, me, "check which trials might suit her"))
    assert question_of(reply) == "ps_functioning"  # age, sex, site, grade and spread are known
    assert QUESTIONS_ABOUT_SOMEONE_ELSE["ps_functioning"] in reply  # "their NET", not "your NET"


def test_a_correction_replaces_the_age_everywhere(assistant: str) -> None:
    me = "correct-1"
    say(assistant, me, "my dad is 58 and has a pancreatic net")
    say(assistant, me, "sorry, he's 68 not 58")
    reply = texts(say(assistant, me, "check which trials might suit him"))
    for _ in range(8):  # the questions the conversation has not answered yet, skipped
        if "Your answers:" in reply:
            break
        reply = texts(say(assistant, me, "skip"))
    assert "age 68" in reply and "58" not in reply


def test_a_ten_thousand_character_story_is_read(assistant: str) -> None:
    story = (
        "My dad is 74 and was diagnosed with a pancreatic NET two years ago, grade 2, and it has spread to his liver. "
        + "We have been to so many appointments and it has been exhausting for all of us. " * 130
        + "He has had lanreotide and it stopped working. Is there a trial he could try?"
    )
    assert len(story) > 10_000
    reply = texts(say(assistant, "long-1", story))
    assert "too long" not in reply and "Sorry, I didn't understand" not in reply
    reply = texts(say(assistant, "long-1", "check which trials might suit him"))
    assert question_of(reply) == "ps_functioning"  # all the rest came from the story


def _answers_after_skipping(assistant: str, me: str) -> str:
    reply = texts(say(assistant, me, "check which trials might suit me"))
    for _ in range(8):
        if "Your answers:" in reply:
            break
        reply = texts(say(assistant, me, "skip"))
    return reply


def test_contradictory_and_absurd_facts_get_a_kind_answer(assistant: str) -> None:
    for message in ("I'm 40", "I'm 70", "I'm 300 years old and have a pnet"):  # empty ones: test_fuzz_webhook
        replies = say(assistant, "odd-1", message)
        assert all("Traceback" not in (r.get("text") or "") for r in replies)
    assert "age 70" in _answers_after_skipping(assistant, "odd-1")  # the later age; 300 is not an age
    say(assistant, "odd-2", "I'm 40 with a pnet. no wait, I'm 70")
    assert "age 70" in _answers_after_skipping(assistant, "odd-2")
