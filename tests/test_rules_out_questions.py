"""Questions whether something the person has had keeps them out of a trial, in the ways people put them."""

from __future__ import annotations

import pytest

from bot.trials.mentions import asks_if_it_rules_out, things_asked_about


@pytest.mark.parametrize(
    "text",
    [
        "does the first one take people who had prrt already?",
        "do they accept anyone on lanreotide",
        "will it take patients with a stent",
        "is it open to people who've had a whipple",
        "would they let someone in who had chemo last year",
    ],
)
def test_taking_people_who_have_had_something(text: str) -> None:
    assert asks_if_it_rules_out(text)
    assert any(things_asked_about(text))


@pytest.mark.parametrize("text", ["who is it for", "how many people does it take", "where does it take place"])
def test_who_it_is_for_in_general_is_not(text: str) -> None:
    assert not asks_if_it_rules_out(text)


def test_the_words_around_the_thing_asked_are_not_looked_up() -> None:
    tags, words = things_asked_about("does it take people who had prrt already?")
    assert "treatment:prrt" in tags and words == {"prrt"}
