"""A place only asked about after the home place was said: the home stays where the person is (their helplines,
their distances), the search looks where they asked (bot/profile/place_asked.py)."""

from __future__ import annotations

import pytest

from bot.profile.read import for_search
from tests.helpers.profile_turns import read_turns as _read


@pytest.mark.parametrize(
    ("home", "asked", "city", "searched"),
    [
        ("we live in York", "is there anything in Leeds?", "York", "Leeds"),
        ("I'm from Bristol, my dad has a pnet", "what about Birmingham, any trials there", "Bristol", "Birmingham"),
        ("we're in Brisbane", "nothing in Sydney either?", "Brisbane", "Sydney"),
        ("my wife and I live in Glasgow", "are there any PRRT trials in Manchester", "Glasgow", "Manchester"),
        ("based in Cork", "how about Dublin, any open studies?", "Cork", "Dublin"),
    ],
)
def test_a_place_asked_about_keeps_the_home_and_is_searched(home: str, asked: str, city: str, searched: str) -> None:
    profile = _read(home, asked)
    assert profile.place.city == city
    assert for_search(profile, asked).place.city == searched


@pytest.mark.parametrize(
    ("home", "asked", "kept", "searched"),
    [
        ("we live in Perth, Western Australia", "anything in the UK?", ("Perth", "Western Australia", "AU"), "GB"),
        ("we live in Ohio", "what about canada", (None, "Ohio", "US"), "CA"),  # moved from test_profile_fields.py
        (
            "where is the nearest site to manchester",
            "any open PRRT trials in germany?",
            ("Manchester", None, "GB"),
            "DE",
        ),
    ],
)
def test_a_country_asked_about_keeps_the_home_country(
    home: str, asked: str, kept: tuple[str | None, ...], searched: str
) -> None:
    profile = _read(home, asked)
    assert (profile.place.city, profile.place.region, profile.place.country) == kept
    searched_place = for_search(profile, asked).place
    assert (searched_place.city, searched_place.country) == (None, searched)


@pytest.mark.parametrize(
    ("turns", "city"),
    [
        (("we live in York", "we've just moved to Leeds"), "Leeds"),  # a move is a new home
        (("the hospital in Dublin is 3 hours away", "is there anything closer to Sligo?"), "Sligo"),  # near them
        (("I live in Cardiff", "any PRRT trials in Wales?"), "Cardiff"),  # the region holds the home
    ],
)
def test_a_new_home_or_a_place_near_them_is_where_they_are(turns: tuple[str, ...], city: str) -> None:
    assert _read(*turns).place.city == city


def test_a_region_asked_about_that_holds_the_home_is_kept() -> None:
    assert _read("I live in Cardiff", "any PRRT trials in Wales?").place.region == "Wales"


@pytest.mark.parametrize(
    "correction",
    [
        "sorry i meant Leeds not York, any trials?",
        "correction: Leeds. any trials near us?",
        "actually we're in Leeds",
        "Leeds not York sorry",
    ],
)
def test_a_correction_of_the_home_place_replaces_it(correction: str) -> None:
    assert _read("we live in York", correction).place.city == "Leeds"
