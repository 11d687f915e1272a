"""Placing a trial site from its record's city, state and country fields.

Records write cities the way a hospital's address does: "Villejuif Cedex", "Rozzano (MI)",
"Fukuoka-city", "Chuo-ku" with state "Tokyo". The city is tried as written, then cleaned,
then (outside the US) the state field is tried as the town, since there it is often the
town the district or ward belongs to.
"""

from __future__ import annotations

import difflib
import re
from typing import Iterator, Optional

from bot.geo.find import FUZZY_CUTOFF, FUZZY_MIN_LETTERS, find_entry
from bot.geo.gazetteer import US, Entry, Gazetteer, gazetteer
from bot.geo.names import name_key
from bot.geo.place import Place

_CEDEX = re.compile(r"[\s,-]+cedex\b.*$", re.I)  # French postal suffix: "Lyon Cedex 3"
_BRACKETS = re.compile(r"\s*\(([^)]*)\)\s*")
_TOWN_SUFFIX = re.compile(r"[\s-]+(?:city|shi)$", re.I)  # Japanese "Osaka-city", "Fukuoka-shi"
_DISTRICT_NUMBER = re.compile(r"\s+\d{1,2}(?:e|er|eme)?$", re.I)  # "Paris 13", "Lyon 3e"


def geocode_site(city: Optional[str], state: Optional[str], country: Optional[str]) -> Optional[Place]:
    """The town a site is in, or None. The country must match; in the US, the state too."""
    index = gazetteer()
    code = index.countries.code(country) if country else None
    if country and not code:
        return None
    state_code = index.state_code(state) if state and code in (US, None) else None
    names = [n for n in _city_names(city) if name_key(n)]
    if state and code and code != US:
        names_and_state = [*names, re.split(r"[/,]", state)[0]]  # "Taoyuan/ Taiwan ROC"
    else:
        names_and_state = names
    for name in names_and_state:
        entry = _town(index, name, code, state_code or "")
        if entry:
            return entry.place
    if code is None:
        return None
    for name in names:
        entry = _misspelt_town(index, name, code, state_code or "")
        if entry:
            return entry.place
    return None


FACILITY_TOWN_WEIGHT = 500_000  # a town of about 50,000 people: "UMC Utrecht", not the Royal "Marsden"


def town_in_facility(facility: Optional[str]) -> Optional[Place]:
    """A record that gives a site's facility but no city ("UMC Utrecht", "UC Irvine"): the
    sizeable town its last word or two name, else None."""
    words = re.findall(r"[^\W\d_][\w'-]*", facility or "")
    for size in (2, 1):
        if len(words) < size:
            continue
        entry = find_entry(" ".join(words[-size:]), fuzzy=False)
        if entry and entry.place.kind == "city" and entry.weight >= FACILITY_TOWN_WEIGHT:
            return entry.place
    return None


def _city_names(city: Optional[str]) -> Iterator[str]:
    if not city:
        return
    yield city
    cleaned = _CEDEX.sub("", _BRACKETS.sub(" ", city)).strip(" ,-")
    cleaned = _DISTRICT_NUMBER.sub("", cleaned)
    yield cleaned
    yield _TOWN_SUFFIX.sub("", cleaned)
    yield cleaned.split(",")[0]
    yield from _BRACKETS.findall(city)


def _town(index: Gazetteer, name: str, code: Optional[str], state_code: str) -> Optional[Entry]:
    if code is None:
        entry = find_entry(name, fuzzy=False)
        return entry if entry and entry.place.kind == "city" else None
    return index.city(name, code, state_code)


def _misspelt_town(index: Gazetteer, name: str, code: str, state_code: str) -> Optional[Entry]:
    """ "Gronigen": the closest name among that country's towns."""
    key = name_key(name)
    if len(key.replace(" ", "")) < FUZZY_MIN_LETTERS:
        return None
    for close in difflib.get_close_matches(key, index.fuzzy_keys(key), n=5, cutoff=FUZZY_CUTOFF):
        entry = index.city(close, code, state_code)
        if entry:
            return entry
    return None
