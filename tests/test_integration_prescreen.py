"""The pre-screen chat and follow-ups on the trial in focus, through the real Rasa server and
action server (REST webhook): one question at a time, skips, a correction, a side question,
stop, an emergency in the middle, and results that never say "eligible"."""

from __future__ import annotations

import re

import pytest

from bot.prescreen.present import PRESCREEN_QUESTIONS, QUESTIONS_ABOUT_SOMEONE_ELSE, WHO_DECIDES
from tests.servers import say, texts

pytestmark = pytest.mark.integration
NEVER = re.compile(r"\beligib|\bqualif|\byou can join\b", re.I)


def question_of(reply: str) -> str:
    return next(
        slot
        for questions in (PRESCREEN_QUESTIONS, QUESTIONS_ABOUT_SOMEONE_ELSE)
        for slot, question in questions.items()
        if question in reply
    )


def test_a_whole_pre_screen_with_skip_correction_and_side_question(assistant: str) -> None:
    me = "prescreen-1"
    reply = texts(say(assistant, me, "check which trials might suit me"))
    assert "stop" in reply and question_of(reply) == "ps_age"
    assert question_of(texts(say(assistant, me, "I'm 61"))) == "ps_sex"
    side = texts(say(assistant, me, "what is lanreotide"))
    assert "lanreotide" in side.lower() and question_of(side) == "ps_sex"  # back to the same place
    assert question_of(texts(say(assistant, me, "I don't know"))) == "ps_site"
    corrected = texts(say(assistant, me, "actually I'm 67"))
    assert "67" in corrected and question_of(corrected) == "ps_site"
    for answer in ("pancreas", "grade 2", "yes, to the liver", "no", "lanreotide and surgery"):
        say(assistant, me, answer)
    results = texts(say(assistant, me, "UK"))
    assert WHO_DECIDES in results
    assert "NCT" in results
    assert not NEVER.search(results)


def test_stop_ends_the_pre_screen(assistant: str) -> None:
    me = "prescreen-2"
    say(assistant, me, "check which trials might suit me")
    assert "stopped the questions" in texts(say(assistant, me, "stop"))
    # The next message is not taken as an answer.
    assert "open trials" in texts(say(assistant, me, "find lanreotide trials")).lower()


def test_an_emergency_in_the_pre_screen_gets_the_number_first(assistant: str) -> None:
    me = "prescreen-3"
    say(assistant, me, "check which trials might suit me")
    replies = say(assistant, me, "my husband has collapsed")
    assert "Call 999 now" in replies[0]["text"]
    assert not any(q in texts(replies) for q in PRESCREEN_QUESTIONS.values())


def test_follow_ups_on_the_second_result(assistant: str) -> None:
    me = "followup-1"
    results = say(assistant, me, "show me open trials")
    second = re.findall(r"NCT\d{8}", results[2]["buttons"][0]["payload"])[0]
    assert second in texts(say(assistant, me, "tell me more about the second one"))
    assert second in texts(say(assistant, me, "who can join?"))
    assert second in texts(say(assistant, me, "where is it?"))
    assert f"Questions for your doctor about {second}" in texts(
        say(assistant, me, "what should I ask my doctor about it")
    )
