"""Two facts about the same treatment filed under two topics do not cancel each other out
(bot/knowledge/facts.py): "is PRRT safe if I'm pregnant?" gets a PRRT pregnancy fact, not nothing."""

from __future__ import annotations

import pytest

from bot.knowledge.facts import answering_fact


@pytest.mark.parametrize(
    "question",
    [
        "is PRRT safe if I'm pregnant?",
        "is prrt ok during pregnancy",
        "can u have lutathera treatment when ur pregnant",
        "is PRRT dangerous for a pregnant woman",
        "is PRRT safe if I'm pregnant? and are there any trials near Bristol",
    ],
)
def test_a_pregnancy_question_about_prrt_gets_a_prrt_fact(question: str) -> None:
    fact = answering_fact(question)
    assert fact is not None and fact.id.startswith("prrt_"), fact
    assert "pregnan" in fact.text.lower() or "contraception" in fact.text.lower(), fact
