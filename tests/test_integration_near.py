"""Trials near a place through the real Rasa server and action server (REST): the nearest site
and its distance in the person's units, widening when nothing is in range, a region, an
unknown place said to be unknown, and the place remembered from an earlier turn."""

from __future__ import annotations

import re

import pytest

from tests.servers import say, texts

pytestmark = pytest.mark.integration


def test_near_a_city_with_a_trial_names_the_nearest_site_in_miles(assistant: str) -> None:
    reply = texts(say(assistant, "near-1", "is there anything going on near Bristol, closed ones too"))
    assert "Bristol" in reply and re.search(r"Nearest place: .+ - (less than 1 mile|about \d+ miles)", reply)


def test_nothing_in_range_says_so_and_offers_the_nearest(assistant: str) -> None:
    reply = texts(say(assistant, "near-2", "any studies within 30 miles of Denver?"))
    assert "I found no open trials within about 30 miles of Denver, Colorado" in reply
    assert "Looking further away" in reply and "miles" in reply and " km" not in reply


def test_a_region(assistant: str) -> None:
    reply = texts(say(assistant, "near-3", "are there trials anywhere in the west country"))
    assert "in or near South West England" in reply


def test_an_unknown_place_is_said_to_be_unknown(assistant: str) -> None:
    reply = texts(say(assistant, "near-4", "any trials near xyzton"))
    assert "I don't know where 'xyzton' is" in reply and "Nearest place" not in reply


def test_the_place_said_earlier_is_used_in_km_outside_the_uk_and_us(assistant: str) -> None:
    say(assistant, "near-5", "fyi we are in Gothenburg")
    reply = texts(say(assistant, "near-5", "any trials for pnet?"))
    assert "Gothenburg, Sweden" in reply and re.search(r"Nearest place: .+ - (less than 1 km|about \d+ km)", reply)
