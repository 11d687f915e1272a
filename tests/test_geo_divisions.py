"""Spain's, Italy's and Germany's regions (bot/geo/divisions.py), and a town named after another
town or region ("vivo en Cartagena, Murcia": Cartagena in Spain, not Colombia)."""

from __future__ import annotations

import pytest

from bot.geo import find_place, read_nearness
from bot.geo.divisions import DIVISIONS, GERMANY, ITALY, SPAIN
from bot.geo.gazetteer import gazetteer
from bot.geo.names import name_key


def test_every_first_level_division_of_the_three_countries_is_named_once() -> None:
    # 17 comunidades autónomas (Ceuta and Melilla are towns), 20 regioni, 13 Länder
    # (Berlin, Hamburg and Bremen are towns).
    assert (len(SPAIN), len(ITALY), len(GERMANY)) == (17, 20, 13)
    index = gazetteer()
    for regions in (SPAIN, ITALY, GERMANY):
        codes = [index.city(r.division_of, r.country).admin1 for r in regions]  # type: ignore[union-attr]
        assert len(set(codes)) == len(codes), codes


@pytest.mark.parametrize("region", DIVISIONS, ids=lambda r: r.name)
def test_each_region_and_its_other_names_are_found_with_and_without_accents(region) -> None:
    index = gazetteer()
    for name in (region.name, *region.aliases):
        for written in {name, name_key(name)}:
            found = find_place(written)
            assert found is not None and found.kind == "region", written
            assert found.country == index.countries.name(region.country), written
            assert found.extent_km > 0 or region.name == "Aosta Valley"  # one town of 5,000+: Aosta


@pytest.mark.parametrize(
    "text, town, country",
    [
        ("Cartagena, Murcia", "Cartagena", "Spain"),
        ("Cartagena (Murcia)", "Cartagena", "Spain"),
        ("Cartagena, Región de Murcia", "Cartagena", "Spain"),
        ("Cartagena, Region de Murcia", "Cartagena", "Spain"),
        ("Getafe, Madrid", "Getafe", "Spain"),
        ("Alcoy, Alicante", "Alcoy", "Spain"),
        ("Mérida, Extremadura", "Mérida", "Spain"),
        ("Merida, Badajoz", "Mérida", "Spain"),
        ("Rozzano, Milano", "Rozzano", "Italy"),
        ("Monza, Lombardia", "Monza", "Italy"),
        ("Ulm, Baden-Württemberg", "Ulm", "Germany"),
        # what was read before stays
        ("Cartagena", "Cartagena", "Colombia"),
        ("Toledo, Ohio", "Toledo", "United States"),
        ("London, Ontario", "London", "Canada"),
    ],
)
def test_a_town_named_with_its_region_or_province_is_in_that_country(text: str, town: str, country: str) -> None:
    found = find_place(text)
    assert found is not None and (found.name, found.country) == (town, country)


def test_a_region_named_like_its_capital_leaves_the_name_to_the_town() -> None:
    for name in ("Murcia", "Madrid", "Berlin"):
        found = find_place(name)
        assert found is not None and found.kind == "city", name
    murcia = find_place("Murcia region")
    assert murcia is not None and murcia.kind == "region" and murcia.name == "Region of Murcia"


def test_near_a_spanish_town_with_its_region() -> None:
    near = read_nearness("near Cartagena, Murcia")
    assert near is not None and near.place is not None and near.place.country == "Spain"
