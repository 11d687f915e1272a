"""PlaceRouter: where the person lives is a fact to keep, not an off-topic message."""

from __future__ import annotations

import pytest

from components.place_router import asks_again_for_another_place, says_where_they_live


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


@pytest.mark.parametrize(
    "text",
    [
        "is there anything in melbourne",
        "what about in brisbane?",
        "what about brisbane",
        "how about Leeds?",
        "any in canada",
        "and anything closer to Perth, Western Australia?",
        "are there any trials near galway",
        "ok is there something over in Gothenburg",
    ],
)
def test_another_place_asked_after_a_search(text: str) -> None:
    assert asks_again_for_another_place(text) and not says_where_they_live(text)


@pytest.mark.parametrize(
    "text",
    [
        "is there anything in the news",
        "is there anything in hospital for the pain",
        "anything in remission",
        "is there anything in melbourne " + "that my dad could get to easily " * 5,
        "what about my dad",
        "what about tomorrow",
        "any in stock?",
        "anything in particular",
        "is there anything in writing",
        "what about mum",
        "what about children",
        "what about after surgery",
        "what about alcohol",
        "what about side effects",
        "how about that",
        "",
    ],
)
def test_not_another_place(text: str) -> None:
    assert not asks_again_for_another_place(text)
