"""PlaceRouter: where the person lives is a fact to keep, not an off-topic message."""

from __future__ import annotations

import pytest

from components.place_router import says_where_they_live


@pytest.mark.parametrize(
    "text",
    [
        "i live in woking",
        "vivo en murcia",
        "bor i Lund",
        "we're just outside Guelph",
        "hi from ohio",
        "we live near York",
        "Im based in Perth, Scotland",
    ],
)
def test_where_they_live(text: str) -> None:
    assert says_where_they_live(text)


@pytest.mark.parametrize(
    "text",
    [
        "where is the nearest petrol station",
        "i live in hope",
        "what is the weather like",
        "",
        "i live in woking " + "and my mum is not well " * 10,
        "we're in hospital",
        "she is in pain",
        "i live in woking, what trials are there?",
    ],
)
def test_not_a_place_statement(text: str) -> None:
    assert not says_where_they_live(text)
