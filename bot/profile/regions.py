"""Which region a city is in, for the cities people write most: used to tell a region the person
is in ("we live in Aberdeen ... ideally in Scotland") from one they only mention ("we're in
Winnipeg; our son lives in Toronto so anything in Ontario"), and to let a later town replace
an earlier region ("he lives in Ohio" ... "we moved him to Pittsburgh").

A region is never filled in from a city alone (the development set labels a region only when
it is said); the map only says when a region said and a city said disagree.
"""

from __future__ import annotations

from typing import Optional

from bot.geo.divisions import DIVISIONS
from bot.geo.regions import REGIONS as GEO_REGIONS
from bot.geo.within import town_in_region
from bot.text import normalize

_BY_REGION: dict[str, tuple[str, ...]] = {
    "Scotland": (
        "aberdeen",
        "edinburgh",
        "glasgow",
        "dundee",
        "inverness",
        "stirling",
        "perth scotland",
        "paisley",
        "kilmarnock",
        "ayr",
        "falkirk",
    ),
    "Wales": ("cardiff", "swansea", "newport", "wrexham", "aberystwyth", "bangor", "merthyr tydfil"),
    "Northern Ireland": ("belfast", "derry", "londonderry", "lisburn", "newry"),
    "Yorkshire": (
        "leeds",
        "sheffield",
        "york",
        "bradford",
        "hull",
        "huddersfield",
        "wakefield",
        "doncaster",
        "rotherham",
        "barnsley",
        "harrogate",
    ),
    "Ontario": ("toronto", "ottawa", "hamilton", "kingston", "london ontario", "mississauga", "windsor"),
    "Quebec": ("montreal", "quebec city", "levis", "sherbrooke", "gatineau"),
    "British Columbia": ("vancouver", "victoria", "kelowna"),
    "Alberta": ("calgary", "edmonton"),
    "Manitoba": ("winnipeg",),
    "Saskatchewan": ("saskatoon", "regina"),
    "Nova Scotia": ("halifax",),
    "New South Wales": ("sydney", "newcastle nsw", "wollongong"),
    "Victoria": ("melbourne", "geelong"),
    "Queensland": ("brisbane", "gold coast", "townsville", "cairns"),
    "Western Australia": ("perth",),
    "South Australia": ("adelaide",),
    "Tasmania": ("hobart",),
    "Ohio": ("columbus", "cleveland", "cincinnati", "dayton", "toledo", "akron"),
    "Pennsylvania": ("pittsburgh", "philadelphia"),
    "Texas": ("houston", "dallas", "austin", "san antonio", "fort worth", "el paso"),
    "California": ("los angeles", "san francisco", "san diego", "sacramento", "san jose", "stanford"),
    "New York": ("new york", "buffalo", "rochester ny", "albany"),
    "Florida": ("miami", "tampa", "orlando", "jacksonville"),
    "Massachusetts": ("boston",),
    "Minnesota": ("minneapolis", "rochester"),
    "Illinois": ("chicago",),
    "Michigan": ("detroit", "ann arbor"),
    "Tennessee": ("nashville", "memphis", "franklin"),
    "Iowa": ("iowa city", "des moines"),
}
_REGION_OF: dict[str, str] = {city: region for region, cities in _BY_REGION.items() for city in cities}


def region_of(city: Optional[str]) -> Optional[str]:
    """The region a known city is in, or None when we do not know (or it is in no region we list)."""
    return _REGION_OF.get(normalize(city)) if city else None


def disagree(city: Optional[str], region: Optional[str]) -> bool:
    """A city said and a region said that cannot both be where the person is (the table above, else the
    gazetteer when it knows both: Valencia is not in Catalonia)."""
    if not city or not region:
        return False
    known = region_of(city)
    if known:
        return known != region
    return town_in_region(city, region) is False


def abroad_regions(exclude: set[str]) -> dict[str, tuple[str, str]]:
    """Regions of the countries the profile's own table leaves out (Andalucía, Bavaria, Brittany), from
    the gazetteer's tables: normalised name or alias -> (English name, ISO country)."""
    return {
        normalize(name): (region.name.removeprefix("the "), region.country)
        for region in (*GEO_REGIONS, *DIVISIONS)
        if region.country not in exclude
        for name in (region.name, *region.aliases)
        if len(normalize(name)) > 3
    }
