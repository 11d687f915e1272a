"""An age group asked for, read with the patient's age said in an earlier message (bot/profile/read.py): the
young groups follow a child's age, and a group that cannot be the patient's is dropped."""

from __future__ import annotations

import pytest

from bot.profile.model import Profile
from bot.profile.read import update


def _group(*turns: str) -> str | None:
    profile = Profile()
    for turn in turns:
        profile = update(profile, turn)
    return profile.wants.age_group


@pytest.mark.parametrize(
    ("turns", "group"),
    [
        (("my lad is 14, pnet found last month", "are the lutathera trials only for grown ups?"), "teen"),
        (("our daughter is 16", "any trials for children with this?"), "teen"),
        (("my son is nine", "he has an insulinoma", "anything for kids?"), "child"),
        (("she's 15 and has MEN1", "do any studies take adults only or young people too?"), "teen"),
        (("my granddaughter is 12", "is there research for teenagers?"), "child"),
        (("I'm 72 with a pancreatic NET", "anything for older people?"), "older adult"),
        (("I'm 70 myself", "are there trials for children?"), None),
    ],
)
def test_the_group_asked_for_follows_the_age_said_before(turns: tuple[str, ...], group: str | None) -> None:
    assert _group(*turns) == group
