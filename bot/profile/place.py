"""Where the person is, and how far they would travel.

Cities and countries come from the lexicon's places (data/lexicon/places.yml); regions people
name instead ("the West Country", "the Midwest", "Texas") from REGIONS below. Words that are
also everyday words or body parts are never read as places.
"""
from __future__ import annotations

import re
from typing import Optional

from bot.lexicon import Lexicon, default_lexicon
from bot.profile.model import Place
from bot.text import normalize

_US_STATES = (
    "alabama alaska arizona arkansas california colorado connecticut delaware florida georgia hawaii idaho illinois "
    "indiana iowa kansas kentucky louisiana maine maryland massachusetts michigan minnesota mississippi missouri "
    "montana nebraska nevada ohio oklahoma oregon pennsylvania tennessee texas utah vermont virginia wisconsin wyoming"
).split() + ["new hampshire", "new jersey", "new mexico", "new york state", "north carolina", "north dakota",
             "rhode island", "south carolina", "south dakota", "west virginia"]
REGIONS: dict[str, tuple[str, str]] = {  # normalised phrase -> (region as shown, ISO country)
    **{r: (r.title(), "GB") for r in (
        "west country", "south west", "south east", "north west", "north east", "east midlands", "west midlands",
        "midlands", "east anglia", "home counties", "yorkshire", "lancashire", "cornwall", "devon", "kent",
        "cumbria", "northumberland", "scotland", "wales", "northern ireland", "highlands")},
    **{r: (r.title(), "US") for r in (
        "midwest", "mid west", "east coast", "west coast", "new england", "pacific northwest", "deep south", *_US_STATES)},
    **{r: (r.title(), "SE") for r in ("skane", "scania", "norrland", "vastra gotaland")},
    **{r: (r.title(), "IE") for r in ("munster", "leinster", "connacht", "ulster")},
}
_MAX_PLACE_WORDS = 4
# City names that are ordinary words, names or body parts; read only after "in/near/around".
_NEEDS_A_PREPOSITION = {"reading", "bath", "norman", "troy", "webster", "orange", "mobile", "independence", "liver",
                        "florence", "victoria", "york", "hope", "wells", "deal", "march", "may", "best", "eugene"}
_PREPOSITION = re.compile(r"\b(?:in|near|around|from|at|nr|outside|close to|live in|based in|by)\s*$")
_NOT_A_PLACE_BEFORE = re.compile(r"\b(?:my|his|her|the)\s*$")  # "my liver", "the march appointment"
_TRAVEL = re.compile(
    r"\b(?:within|under|less than|up to|no more than|max(?:imum)?|about|around)?\s*(\d+(?:\.\d+)?)\s*(miles?|mi|km|kms|kilomet(?:er|re)s?)\b", re.I
)
_KM_PER_MILE = 1.609


def read_place(text: str, lexicon: Optional[Lexicon] = None) -> Place:
    lexicon = lexicon or default_lexicon()
    words = normalize(text).split()
    city, country, region = None, None, None
    i = 0
    while i < len(words):
        found = _place_at(words, i, lexicon)
        if found is None:
            i += 1
            continue
        size, name, code, is_city, is_region = found
        if is_region:
            region = region or name
            country = country or code
        elif is_city:
            city = city or name
            country = country or code
        else:
            country = code  # a country named outright wins over one implied by a city
        i += size
    return Place(city=city, region=region, country=country, travel_km=_travel_km(text))


def _place_at(words: list[str], i: int, lexicon: Lexicon) -> Optional[tuple[int, str, Optional[str], bool, bool]]:
    before = " ".join(words[max(0, i - 3) : i])
    for size in range(min(_MAX_PLACE_WORDS, len(words) - i), 0, -1):
        phrase = " ".join(words[i : i + size])
        if phrase in REGIONS and not _NOT_A_PLACE_BEFORE.search(before):
            name, code = REGIONS[phrase]
            return size, name, code, False, True
        place = lexicon.place(phrase)
        if place is None or phrase in ("us", "the", "in"):
            continue
        if _NOT_A_PLACE_BEFORE.search(before) and place.code is None:
            continue
        if place.code is None and phrase in _NEEDS_A_PREPOSITION and not _PREPOSITION.search(before):
            continue
        if place.code is None and len(phrase) < 4:
            continue
        code = lexicon.country_code(phrase)
        return size, place.name, code, place.code is None, False
    return None


def _travel_km(text: str) -> Optional[float]:
    found = _TRAVEL.search(text)
    if not found:
        return None
    value = float(found.group(1))
    km = value * _KM_PER_MILE if found.group(2).lower().startswith("mi") else value
    return round(km)
