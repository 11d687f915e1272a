"""An age told in a story ("my dad is 67 with a grade 2 NET ... did it work?") is not an age question; an age
in a sentence that asks ("he is 76 - can he join", "is 74 too old?") is (bot/trials/asked_about.py)."""

from __future__ import annotations

import pytest

from bot.trials.asked_about import aspects_asked


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "my dad is 67 with a grade 2 pancreatic NET that has spread to his liver. what is the NETTER-2 trial and did"
            " it work?",
            ["results"],
        ),
        ("my wife is 49, just diagnosed G2. onc mentioned this trial - what did it actually show?", ["results"]),
        ("my dad is 74, is that too old?", ["age"]),
        ("he is 76 - can he join", ["age"]),
        ("my mum is 80, would she be accepted", ["age"]),
        ("im 82 is that too old", ["age"]),
    ],
)
def test_an_age_told_is_not_asked(text: str, expected: list[str]) -> None:
    assert aspects_asked(text) == expected
