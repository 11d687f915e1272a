"""A crisis told of someone close ("my husband keeps saying he wants to give up") is answered to the writer,
who is frightened for them, with the same lines; any sign of the writer's own despair keeps the answer to
the writer (bot/personal/whose_crisis.py, bot/contacts/present.py crisis_answer)."""

from __future__ import annotations

from datetime import datetime, timezone

import pytest
import textstat

from bot.contacts.book import default_contacts
from bot.contacts.present import crisis_answer
from bot.personal.whose_crisis import about_someone_close

NOW = datetime(2026, 12, 7, 3, 0, tzinfo=timezone.utc)


@pytest.mark.parametrize(
    "text",
    [
        "my husband keeps saying he wants to give up, he's so tired of it all",
        "my mum said she wants to die, she cant face another scan",
        "dad has been talking about ending it since the scan results",
        "she told me she cant go on like this",
        "my son keeps saying whats the point in living",
        "i'm so scared, my husband keeps saying he wants to give up",
    ],
)
def test_despair_of_someone_close(text: str) -> None:
    assert about_someone_close(text)


@pytest.mark.parametrize(
    "text",
    [
        "i want to die",
        "i cant go on anymore",
        "my husband left me and i want to die",
        "my dad keeps saying he wants to end it all and honestly i feel the same",
        "he wants to give up and so do i",
        "my wife is 58 and i want to end it",
        "no one would miss me, my husband says im a burden",
        "he said i should talk to someone, i'm thinking of ending it",
        "my mum keeps telling me to hang on but i cant cope with any of it",
    ],
)
def test_the_writers_own_despair_stays_theirs(text: str) -> None:
    assert not about_someone_close(text)


@pytest.mark.parametrize("country, lines, emergency", [("GB", "116 123", "999"), ("US", "988", "911")])
def test_the_answer_for_someone_close_keeps_the_lines(country: str, lines: str, emergency: str) -> None:
    close = crisis_answer(default_contacts(), country, NOW, someone_close=True)
    own = crisis_answer(default_contacts(), country, NOW)
    assert lines in close and f"If they are in danger now, call {emergency}." in close
    assert "you are feeling like this" not in close and "you are feeling like this" in own
    opening = close.splitlines()[0] + " " + close.splitlines()[1]
    assert textstat.flesch_kincaid_grade(opening) <= 8
