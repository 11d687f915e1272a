"""A wish for no operation said with a verb or "without" is read as avoiding surgery, even when the operation
offered is named ("surgeon says whipple ... any trials where they dont operate??") (bot/profile/treatments.py)."""

from __future__ import annotations

import pytest

from bot.profile.read import read_message


@pytest.mark.parametrize(
    "text",
    [
        "surgeon says whipple but shes terrified of it. is there any trials where they dont operate??",
        "is there a way to treat it without an op",
        "anything where they won't operate on him",
        "she had a whipple in 2020, is there anything without more surgery now",
    ],
)
def test_no_operation_wanted(text: str) -> None:
    wants = read_message(text).wants
    assert "surgery" in wants.avoid and "surgery" not in wants.proposed


def test_an_operation_that_went_without_problems_is_had_not_avoided() -> None:
    read = read_message("he had surgery without any problems")
    assert not read.wants.avoid and [t.id for t in read.treatments] == ["surgery"]
