"""The session-24 labelling conventions (tests/data/understanding/README.md) as the reader follows them, each in
wordings of its own."""

from __future__ import annotations

import pytest

from bot.profile.read import read_message
from tests.helpers.profile_turns import read_turns as _read

# -- growth while watched: watching stays ongoing ------------------------------------------------------------


@pytest.mark.parametrize(
    "text",
    [
        "they have been keeping an eye on it with scans every six months and now it has grown to 2.4cm",
        "on watch and wait since 2022 but the latest MRI shows it is bigger",
        "my surveillance scan showed the tumour has grown a few mm, the surgeon wants to talk about taking it out",
    ],
)
def test_growth_seen_while_watched_leaves_watching_ongoing(text: str) -> None:
    watching = {t.id: t.outcome for t in read_message(text).treatments}
    assert watching.get("surveillance") == "ongoing"


# -- a hospital named alone --------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "city", "country"),
    [
        ("my consultant at the Christie says it is stable", "Manchester", "GB"),
        ("I'm a research nurse based at the Royal Marsden, any open NEC trials?", "London", "GB"),
        ("he was operated on at Sahlgrenska last year", "Gothenburg", "SE"),
    ],
)
def test_the_hospital_someone_is_treated_at_or_works_at_gives_its_town(text: str, city: str, country: str) -> None:
    place = read_message(text).place
    assert (place.city, place.country) == (city, country)


@pytest.mark.parametrize(
    "text",
    ["open trials at the Christie?", "karolinska - recruiting NET studies", "peter mac pnet trials pls"],
)
def test_a_hospital_only_looked_up_is_no_place_of_the_writer(text: str) -> None:
    place = read_message(text).place
    assert place.city is None and place.country is None


def test_a_home_town_beats_the_hospital() -> None:
    place = read_message("we live in Bolton and his oncologist is at the Christie").place
    assert place.city == "Bolton"


# -- "is 81 too old?" ---------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("turns", "age"),
    [
        (("my grandad has a NET in his pancreas, any trials?", "is 86 too old?"), 86),
        (("trials for my mum? pnet with liver spots. or is 74 too old for that kind of thing?",), 74),
        (("looking for studies for my father", "would 90 be too old for them?"), 90),
    ],
)
def test_an_age_asked_as_too_old_is_the_patients_age_and_its_group(turns: tuple[str, ...], age: int) -> None:
    profile = _read(*turns)
    assert profile.age == age
    assert profile.wants.age_group == "older adult"


def test_an_age_too_old_for_one_treatment_gives_the_age_only() -> None:
    profile = read_message("is 82 too old for PRRT?")
    assert profile.age == 82
    assert profile.wants.age_group is None and profile.wants.avoid == () and profile.wants.treatment == ()


# -- region names -------------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "region"),
    [
        ("vivimos en Granada, Andalucía", "Andalusia"),
        ("we live in Hobart, Tassie", "Tasmania"),
        ("we're in Dubbo, NSW", "New South Wales"),
    ],
)
def test_a_region_is_given_its_usual_english_name(text: str, region: str) -> None:
    assert read_message(text).place.region == region
