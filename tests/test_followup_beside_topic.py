"""A general question asked beside a request for trials that no single fact answers ("what trials could he try
and what are the side effects of PRRT?"): answered with its nearest topic's text, not a button asking the
person to ask again (bot/knowledge/nearest_topic.py, bot/followups/beside_search.py)."""

from __future__ import annotations

import pytest

from actions.search_trials import ActionSearchTrials
from bot.followups.beside_search import answer_of, questions_beside
from bot.knowledge.nearest_topic import nearest_topic, topic_texts
from tests.helpers.actions import run, tracker


@pytest.mark.parametrize(
    "question, topic",
    [
        ("what are the side effects of PRRT", "prrt_side_effects"),
        ("whats PRRT like side effects wise", "prrt_side_effects"),
        ("how is PRRT given", "prrt_how_given"),
        ("is it safe to be around the grandkids after PRRT", "what_is_prrt"),
        ("what does everolimus do", "everolimus"),
        ("whats captem", "captem"),
        ("what is a whipple", "whipple"),
        ("how is the gallium scan done", "pet_scans"),
        ("what does TACE involve", "liver_treatments"),
    ],
)
def test_the_nearest_topic_of_a_named_treatment(question: str, topic: str) -> None:
    assert nearest_topic(question) == topic


def test_no_topic_without_a_treatment_or_test_named() -> None:
    assert nearest_topic("what is the weather like") is None
    assert nearest_topic("") is None


def test_every_topic_text_is_read() -> None:
    texts = topic_texts()
    assert "Facts checked" in texts["prrt_side_effects"] and len(texts) > 50


@pytest.mark.parametrize(
    "text, must",
    [
        ("what trials could he try and what are the side effects of PRRT?", "hair thins"),
        ("any trials near leeds? also how is PRRT given", "drip into a vein"),
        ("are there studies for my wife and what does everolimus do?", "mTOR"),
    ],
)
def test_a_question_beside_a_search_no_fact_answers_gets_the_topic(text: str, must: str) -> None:
    answers = [b.answer or "" for b in questions_beside(text)]
    assert any(must in answer for answer in answers), answers


def test_a_fact_about_another_drug_does_not_answer_a_named_one() -> None:
    answer = answer_of("how is PRRT given?")
    assert answer is not None and "PEN-221" not in answer and "drip" in answer


@pytest.mark.usefixtures("database_url_env")
def test_the_search_answers_the_general_part_before_the_trials() -> None:
    _, messages = run(
        ActionSearchTrials(),
        tracker("what trials could he try and what are the side effects of PRRT?", intent="search_trials"),
    )
    texts = [m.get("text") or "" for m in messages]
    assert "hair thins" in texts[0], texts[:2]
    assert not any("Tap a question" in t for t in texts), texts[-1]


@pytest.mark.parametrize(
    "text",
    [
        "is lanreotide safe with diabetes? also any trials in Leeds",
        "does lanreotide cause gallstones? and are there trials near Manchester",
        "is everolimus safe for someone with asthma? and any trials in Leeds",
        "is PRRT risky with a pacemaker? any studies near York",
    ],
)
def test_a_question_the_general_text_does_not_cover_gets_no_topic_text(text: str) -> None:
    besides = questions_beside(text)
    assert besides and all(b.answer is None for b in besides), besides  # so it is not counted as answered


@pytest.mark.parametrize(
    "question, must",
    [
        ("is PRRT safe during pregnancy?", "pregnant"),  # the fact the matcher finds
        # two facts on PRRT under two topics no longer cancel each other (bot/knowledge/facts._same_subject)
        ("is PRRT safe if I'm pregnant? and are there any trials near Bristol", "pregnant"),
        ("what does everolimus do?", "mTOR"),  # the name alone: its own topic
        ("how is the gallium scan done?", "tracer"),
    ],
)
def test_a_fact_or_the_own_topic_still_answers(question: str, must: str) -> None:
    answer = answer_of(question)
    assert answer is not None and must in answer, answer


@pytest.mark.usefixtures("database_url_env")
def test_the_search_does_not_send_the_whole_prrt_text_for_a_safety_question() -> None:
    _, messages = run(
        ActionSearchTrials(),
        tracker("is PRRT safe if I'm pregnant? and are there any trials near Bristol", intent="search_trials"),
    )
    what_is_prrt = topic_texts()["what_is_prrt"][:60]
    assert not any(what_is_prrt in (m.get("text") or "") for m in messages)
