"""Words the reader must not over-read (session 23 review): a test's value is not an age, a negated growth word
is not "stopped working", another percentage does not put Ki-67 right, a sentence about work or help is not a
question of whether a trial worked, and "the last 2 years" is not two listed trials."""

from __future__ import annotations

import pytest

from bot.profile.evaluate import read_turns
from bot.profile.read import read_message
from bot.trials.asked_about import asks_if_it_worked
from bot.trials.side_by_side import names_two_listed


@pytest.mark.parametrize(
    "text", ["Gastrin is 80.", "Creatinine is 90 and stable", "Octreotide is 30, every 4 weeks", "was 12"]
)
def test_a_value_is_not_an_age(text: str) -> None:
    assert read_message(text).age is None


@pytest.mark.parametrize(
    "text",
    ["mijn moeder heeft lanreotide sinds 2 jaar, geen groei op de scan", "hun har lanreotide, svulsten vokser ikke"],
)
def test_no_growth_is_not_stopped_working(text: str) -> None:
    assert all(t.outcome != "stopped working" for t in read_message(text).treatments)


@pytest.mark.parametrize(
    "later", ["sorry, I was wrong, his weight was 10% down", "oops meant to say its 15% of the liver"]
)
def test_another_percentage_does_not_put_ki67_right(later: str) -> None:
    assert read_turns(["my dad, ki67 came back 25%", later]).ki67 == 25


@pytest.mark.parametrize(
    "text",
    [
        "did they work out where it started?",
        "does dad work still? he is on CLARINET",
        "does lanreotide help with the flushing? I read about CLARINET",
    ],
)
def test_work_and_help_in_passing(text: str) -> None:
    assert not asks_if_it_worked(text)


def test_the_last_two_years_are_not_two_trials() -> None:
    assert not names_two_listed("compare trials from the last 2 years") and names_two_listed("compare the last two")
