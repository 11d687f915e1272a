"""bot/geo: place names, regions, distances and "near X" wishes, on the real GeoNames data."""

from __future__ import annotations

import json
import time
from typing import Optional

import pytest

from bot.config import SHIPPED_TRIALS_DIR
from bot.geo import (
    DEFAULT_RADIUS_KM,
    Place,
    distance_km,
    distance_words,
    find_place,
    geocode_site,
    km_to_miles,
    read_nearness,
)
from bot.geo.gazetteer import gazetteer
from bot.geo.names import name_key
from bot.geo.regions import REGIONS


def place(name: str, country: Optional[str] = None) -> Place:
    found = find_place(name, country)
    assert found is not None, name
    return found


# -- distances ------------------------------------------------------------------------------------
def test_real_distances() -> None:
    assert 35 <= distance_km(place("Bristol"), place("Cardiff")) <= 50
    assert 85 <= distance_km(place("Lyon"), place("Grenoble")) <= 105
    assert 5500 <= distance_km(place("London"), place("New York")) <= 5650


def test_one_degree_of_longitude_at_the_equator() -> None:
    equator = Place("a", "x", 0.0, 0.0, "city")
    assert distance_km(equator, Place("b", "x", 0.0, 1.0, "city")) == pytest.approx(111.2, abs=0.1)
    assert distance_km(equator, equator) == 0.0


@pytest.mark.parametrize(
    "km, country, words",
    [
        (40.5, "United Kingdom", "about 25 miles"),
        (40.5, "United States", "about 25 miles"),
        (40.5, "US", "about 25 miles"),
        (40.5, "France", "about 40 km"),
        (40.5, None, "about 40 km"),
        (92.7, "France", "about 95 km"),
        (7.4, "Sweden", "about 7 km"),
        (3.0, "United Kingdom", "about 2 miles"),
        (1.6, "United Kingdom", "about 1 mile"),
        (0.3, "Germany", "less than 1 km"),
        (16.0, "United Kingdom", "about 10 miles"),
    ],
)
def test_distance_words(km: float, country: Optional[str], words: str) -> None:
    assert distance_words(km, country) == words


def test_km_to_miles() -> None:
    assert km_to_miles(1.609344) == pytest.approx(1.0)


# -- names ----------------------------------------------------------------------------------------
@pytest.mark.parametrize(
    "a, b",
    [
        ("Malmö", "malmo"),
        ("Malmø", "Malmo"),
        ("Saint-Étienne", "St Etienne"),
        ("Stoke-on-Trent", "stoke on trent"),
        ("L'Aquila", "Aquila"),
        ("L´Hospitalet", "Hospitalet"),
        ("The Hague", "hague"),
        ("King's Lynn", "Kings Lynn"),
    ],
)
def test_name_keys_meet(a: str, b: str) -> None:
    assert name_key(a) == name_key(b)


# -- finding places -------------------------------------------------------------------------------
def test_accents_and_other_names_find_the_same_town() -> None:
    gothenburg = place("Gothenburg")
    assert place("Göteborg") == place("Goteborg") == gothenburg
    assert (gothenburg.country, gothenburg.kind) == ("Sweden", "city")
    assert place("Malmo").name == "Malmö"
    assert place("München") == place("Munich")
    assert place("Firenze") == place("Florence")


def test_us_states_by_code_and_by_name() -> None:
    denver = place("Denver, CO")
    assert (denver.name, denver.state, denver.country) == ("Denver", "Colorado", "United States")
    assert 39 < denver.lat < 40.5 and -106 < denver.lon < -104
    assert place("Denver CO") == denver
    houston = place("Houston, Texas")
    assert (houston.name, houston.state) == ("Houston", "Texas")
    assert place("Portland, ME").state == "Maine"
    assert place("Portland, Oregon").state == "Oregon"
    assert place("Cambridge, MA").state == "Massachusetts"
    assert place("Birmingham, Alabama, USA").state == "Alabama"
    texas = place("Texas")
    assert (texas.kind, texas.state) == ("region", "Texas")


def test_a_named_country_or_state_must_match() -> None:
    assert find_place("Xyzton") is None
    assert find_place("Xyzton, Texas") is None
    assert find_place("Leeds, Texas") is None
    assert place("Bristol, UK").country == "United Kingdom"
    assert place("Paris, Texas").state == "Texas"
    assert place("London, Ontario").country == "Canada"


def test_regions_of_the_table_before_small_towns_of_that_name() -> None:
    assert (place("Cornwall").kind, place("Cornwall").country) == ("region", "United Kingdom")
    assert (place("Kent").kind, place("Kent").country) == ("region", "United Kingdom")
    assert place("Surrey", "United Kingdom").kind == "region"


def test_the_persons_country_is_preferred() -> None:
    uk = place("Birmingham", "United Kingdom")
    us = place("Birmingham", "United States")
    assert uk.country == "United Kingdom"
    assert (us.country, us.state) == ("United States", "Alabama")
    assert place("Birmingham", "GB") == uk
    assert place("Newcastle", "United Kingdom").name == "Newcastle upon Tyne"
    assert place("Hull", "United Kingdom").name == "Kingston upon Hull"
    # another town's other name ("Manchester" is listed for Richmond, Virginia) does not win
    assert place("Manchester", "United States").state == "New Hampshire"


@pytest.mark.parametrize(
    "name, kind, expected",
    [
        ("New York", "city", "New York City"),
        ("NYC", "city", "New York City"),
        ("Lebanon", "country", "Lebanon"),
        ("London", "city", "London"),
        ("Washington, DC", "city", "Washington"),
        ("the UK", "country", "United Kingdom"),
        ("Holland", "country", "Netherlands"),
    ],
)
def test_towns_regions_and_countries_of_one_name(name: str, kind: str, expected: str) -> None:
    found = place(name)
    assert (found.kind, found.name) == (kind, expected)


@pytest.mark.parametrize(
    "typed, record_name",
    [
        ("South Korea", "Korea, Republic of"),
        ("Korea", "Korea, Republic of"),
        ("Russia", "Russian Federation"),
        ("The Netherlands", "Netherlands"),
        ("Czech Republic", "Czechia"),
        ("Türkiye", "Turkey"),
        ("USA", "United States"),
        ("Great Britain", "United Kingdom"),
    ],
)
def test_countries_are_named_as_the_records_name_them(typed: str, record_name: str) -> None:
    assert place(typed).name == record_name
    assert place("Seoul").country == "Korea, Republic of"


def test_a_near_miss_spelling() -> None:
    assert place("Gronigen", "Netherlands").name == "Groningen"
    assert place("Manchestor").name == "Manchester"
    assert find_place("Manchestor", fuzzy=False) is None


def test_lookups_are_fast_once_loaded() -> None:
    gazetteer()
    names = ["Bristol", "Denver, CO", "Malmo", "the Midlands", "Houston, Texas", "Lyon", "Xyzton"] * 30
    started = time.perf_counter()
    for name in names:
        find_place(name)
    assert (time.perf_counter() - started) / len(names) < 0.01
    assert gazetteer() is gazetteer()


# -- regions --------------------------------------------------------------------------------------
@pytest.mark.parametrize("region", REGIONS, ids=lambda r: r.name)
def test_every_region_and_alias_resolves_and_every_town_in_it_is_found(region) -> None:
    index = gazetteer()
    for name in (region.name, *region.aliases):
        found = find_place(name, region.country)
        assert found is not None and found.kind == "region", name
        assert found.country == index.countries.name(region.country), name
    for town in (*region.towns, region.division_of):
        if town:
            name, _, state = town.partition(",")
            assert index.city(name, region.country, state.strip()), town


@pytest.mark.parametrize(
    "name, country",
    [
        ("the Midlands", "United Kingdom"),
        ("West Midlands", "United Kingdom"),
        ("East Midlands", "United Kingdom"),
        ("East Anglia", "United Kingdom"),
        ("the West Country", "United Kingdom"),
        ("the South West", "United Kingdom"),
        ("the North East", "United Kingdom"),
        ("the North West", "United Kingdom"),
        ("Yorkshire", "United Kingdom"),
        ("the Home Counties", "United Kingdom"),
        ("Scotland", "United Kingdom"),
        ("Wales", "United Kingdom"),
        ("Northern Ireland", "United Kingdom"),
        ("the South East", "United Kingdom"),
        ("New England", "United States"),
        ("the Midwest", "United States"),
        ("the Pacific Northwest", "United States"),
        ("the South", "United States"),
        ("the Bay Area", "United States"),
        ("Tri-State area", "United States"),
        ("Skåne", "Sweden"),
        ("Skane", "Sweden"),
    ],
)
def test_the_regions_people_name(name: str, country: str) -> None:
    found = place(name)
    assert (found.kind, found.country) == ("region", country)
    assert found.extent_km > 0


def test_region_centres_lie_among_their_towns() -> None:
    midlands = place("the Midlands")
    assert distance_km(midlands, place("Birmingham", "GB")) < 80
    assert distance_km(midlands, place("Nottingham")) < 80
    scotland = place("Scotland")
    assert distance_km(scotland, place("Glasgow")) < 60 and distance_km(scotland, place("Edinburgh")) < 60
    skane = place("Skåne")
    assert distance_km(skane, place("Malmö")) < 50 and distance_km(skane, place("Lund")) < 50
    bay = place("the Bay Area")
    assert distance_km(bay, place("San Francisco")) < 50
    assert place("the West Country") == place("the South West")


# -- "near X" -------------------------------------------------------------------------------------
@pytest.mark.parametrize(
    "text, place_name, travel_km",
    [
        ("Are there any trials near Bristol?", "Bristol", None),
        ("trials close to Malmo please", "Malmö", None),
        ("anything around Lyon", "Lyon", None),
        ("within 30 miles of Denver", "Denver", 48.3),
        ("within 50km of Lyon", "Lyon", 50.0),
        ("I live in Gothenburg and have a pNET", "Gothenburg", None),
        ("nr Cardiff", "Cardiff", None),
        ("anything in the Leeds area?", "Leeds", None),
        ("not far from Houston, Texas", "Houston", None),
        ("in or near Manchester", "Manchester", None),
        ("no more than an hour from Grenoble", "Grenoble", 60.0),
        ("within 90 minutes of Oxford", "Oxford", 90.0),
        ("I live near Denver, CO and can travel 50 miles", "Denver", 80.5),
        ("trials in the Bay Area", "the Bay Area", None),
        ("we're based in Skåne", "Skåne", None),
        ("near St. Louis", "St. Louis", None),
        ("near bristol", "Bristol", None),
        ("we live in Kent, can get to London", "Kent", None),
        ("we are in Cornwall", "Cornwall", None),
        ("within half an hour of Leeds", "Leeds", 30.0),
        ("I live in Leeds and can travel 30 miles", "Leeds", 48.3),
        # where they live is not how far they would go
        ("I live 20 miles outside Glasgow", "Glasgow", None),
        ("I live 20 miles from Leeds and can travel 30 miles", "Leeds", 48.3),
    ],
)
def test_read_nearness(text: str, place_name: str, travel_km: Optional[float]) -> None:
    nearness = read_nearness(text)
    assert nearness is not None and nearness.place is not None, text
    assert nearness.place.name == place_name
    assert nearness.travel_km == travel_km


def test_nearness_keeps_what_was_written_and_unknown_places() -> None:
    denver = read_nearness("within 25 miles of Birmingham, AL")
    assert denver and denver.place_text == "Birmingham, AL" and denver.place and denver.place.state == "Alabama"
    unknown = read_nearness("any trials near Xyzton for NETs?")
    assert unknown is not None and (unknown.place_text, unknown.place) == ("Xyzton", None)
    assert unknown.radius_km == DEFAULT_RADIUS_KM == 100


def test_nearness_prefers_the_persons_country() -> None:
    uk = read_nearness("not far from Birmingham", "United Kingdom")
    us = read_nearness("not far from Birmingham", "United States")
    assert uk and uk.place and uk.place.country == "United Kingdom"
    assert us and us.place and us.place.state == "Alabama"


def test_nearness_to_themselves_and_a_distance_alone() -> None:
    me = read_nearness("are there trials near me?")
    assert me is not None and (me.place_text, me.place, me.travel_km) == (None, None, None)
    home = read_nearness("within 20 miles of home")
    assert home is not None and home.place is None and home.travel_km == 32.2
    assert read_nearness("I can travel up to 2 hours").travel_km == 120.0


def test_a_regions_size_widens_the_radius() -> None:
    midlands = read_nearness("near the Midlands")
    assert midlands and midlands.place
    assert midlands.radius_km == pytest.approx(DEFAULT_RADIUS_KM + midlands.place.extent_km)
    assert read_nearness("within 10 km of Lyon").radius_km == 10


@pytest.mark.parametrize(
    "text",
    [
        "near the end of treatment",
        "close to normal",
        "around the same time",
        "around 50 people had it",
        "around Christmas",
        "I'm in pain",
        "I'm in Stage 4",
        "near future",
        "I live in fear",
        "near the hospital",
        "what is a neuroendocrine tumour?",
    ],
)
def test_not_a_place(text: str) -> None:
    assert read_nearness(text) is None


# -- trial sites ----------------------------------------------------------------------------------
@pytest.mark.parametrize(
    "city, state, country, name, expected_state",
    [
        ("Villejuif Cedex", None, "France", "Villejuif", None),
        ("Lyon Cedex 3", None, "France", "Lyon", None),
        ("Rozzano (MI)", None, "Italy", "Rozzano", None),
        ("Chuo-ku", "Tokyo", "Japan", "Tokyo", None),
        ("Fukuoka-city", "Fukuoka", "Japan", "Fukuoka", None),
        ("Gronigen", None, "Netherlands", "Groningen", None),
        ("Praha", None, "Czech Republic", "Prague", None),
        ("Seongnam-Si", None, "Korea, Republic of", "Seongnam-si", None),
        ("L´Hospitalet de Llobregat", None, "Spain", "L'Hospitalet de Llobregat", None),
        ("Bad Berka", None, "Germany", "Bad Berka", None),
        ("Meldola", "FC", "Italy", "Meldola", None),
        ("Birmingham", "Alabama", "United States", "Birmingham", "Alabama"),
        ("Rochester", "Minnesota", "United States", "Rochester", "Minnesota"),
        ("Saint Louis", "Missouri", "United States", "St. Louis", "Missouri"),
        ("Stanford", "California", "United States", "Stanford", "California"),
    ],
)
def test_geocode_site(city: str, state: Optional[str], country: str, name: str, expected_state: Optional[str]) -> None:
    site = geocode_site(city, state, country)
    assert site is not None
    assert (site.name, site.state, site.kind) == (name, expected_state, "city")
    assert site.country == place(country).name


@pytest.mark.parametrize(
    "city, state, country",
    [
        ("Slovakia", None, "Slovakia"),  # the country written as the city
        ("Denver", "Texas", "United States"),  # no Denver in Texas: never the one in Colorado
        ("Bristol", None, "Narnia"),
        (None, None, "Germany"),
    ],
)
def test_sites_we_cannot_place(city: Optional[str], state: Optional[str], country: str) -> None:
    assert geocode_site(city, state, country) is None


def test_most_shipped_trial_sites_are_placed() -> None:
    placed, sites = 0, 0
    for path in sorted(SHIPPED_TRIALS_DIR.glob("NCT*.json")):
        record = json.loads(path.read_text(encoding="utf-8"))
        for site in record.get("protocolSection", {}).get("contactsLocationsModule", {}).get("locations") or []:
            sites += 1
            placed += geocode_site(site.get("city"), site.get("state"), site.get("country")) is not None
    assert sites > 500
    assert placed / sites >= 0.95  # 97.4% when written (docs/geo.md)


def test_record_names_that_read_backwards_are_said_as_people_say_them() -> None:
    from bot.geo.countries import spoken_name
    from bot.geo.country_words import country_words

    assert spoken_name("Korea, Republic of") == "South Korea" and spoken_name("France") == "France"
    assert (
        country_words("Korea, Republic of") == "South Korea" and country_words("United Kingdom") == "the United Kingdom"
    )


def test_a_country_no_trial_runs_in_is_named_not_coded() -> None:
    from bot.geo.country_words import country_name

    assert country_name("CO") == "Colombia" and country_name("GB") == "United Kingdom"
