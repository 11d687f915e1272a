"""Typed place names -> a Place: "Malmo", "Denver, CO", "Houston, Texas", "the Midlands"."""

from __future__ import annotations

import difflib
import re
from dataclasses import dataclass
from typing import Optional

from bot.geo.gazetteer import US, Entry, Gazetteer, gazetteer, pick
from bot.geo.names import name_key
from bot.geo.place import Place

# A near-miss spelling ("Gronigen", "Manchestor") is accepted only this close, and only for
# names long enough that one wrong letter is still a small part of them.
FUZZY_CUTOFF = 0.88
FUZZY_MIN_LETTERS = 6
_MAX_SUFFIX_WORDS = 3
# "Cartagena (Murcia)" reads as "Cartagena, Murcia"; not a two-letter province code ("Rozzano (MI)":
# sites.py cleans those), which would read as a US state.
_BRACKETED_AFTER = re.compile(r"\s*\(([^()]{3,})\)$")


@dataclass(frozen=True)
class _Within:
    """What the words after the name said: "Denver, CO" -> country US, state CO."""

    country: str = ""
    state: str = ""


def find_place(name: str, country: Optional[str] = None, fuzzy: bool = True) -> Optional[Place]:
    """The place a person means by `name`, or None.

    A country or state written with the name ("Birmingham, AL", "Bristol UK") must match; the
    `country` argument (the person's country, as a name or ISO code) is only preferred. Among
    equals, a place's own name beats its other names, then the most people wins.
    """
    entry = find_entry(name, country, fuzzy)
    return entry.place if entry else None


def find_entry(
    name: str, country: Optional[str] = None, fuzzy: bool = True, cutoff: float = FUZZY_CUTOFF
) -> Optional[Entry]:
    index = gazetteer()
    preferred = index.countries.code(country) or ""
    for text, within in _readings(index, name):
        found = _best(index, name_key(text), within, preferred)
        if found:
            return found
    if fuzzy:
        for text, within in _readings(index, name):
            found = _best_fuzzy(index, name_key(text), within, preferred, cutoff)
            if found:
                return found
    return None


def _readings(index: Gazetteer, name: str) -> list[tuple[str, _Within]]:
    """The name as typed, then split into a name and the country or state after it."""
    text = re.sub(r"\s+", " ", name).strip(" ,.;:!?")
    readings = [(text, _Within())]
    text = _BRACKETED_AFTER.sub(r", \1", text)
    if "," in text:
        head, tail = (part.strip() for part in text.rsplit(",", 1))
        within = _within(index, tail)
        # "Cartagena, Murcia", "Getafe, Madrid": a town after the comma says which country the first is in.
        afters = [within] if within else [_Within(code) for code in _countries_of_town(index, tail)]
        for after in afters if head else ():
            readings += [
                (inner, merged)
                for inner, inner_within in _readings(index, head)
                if (merged := _merge(after, inner_within))
            ]
    words = text.split()
    for size in range(1, min(_MAX_SUFFIX_WORDS, len(words) - 1) + 1):
        within = _within(index, " ".join(words[-size:]), bare=True)
        if within:
            readings.append((" ".join(words[:-size]), within))
    return readings


def _within(index: Gazetteer, text: str, bare: bool = False) -> Optional[_Within]:
    # Without a comma, a two-letter state code must be in capitals ("Denver CO"); "in", "or",
    # "me" and "ok" are words first.
    state = None if bare and len(text) == 2 and not text.isupper() else index.state_code(text)
    if state:
        return _Within(US, state)
    country = index.countries.code(text)
    if country:
        return _Within(country)
    region = _best(index, name_key(text), _Within(), "", kinds=("region",))
    return _Within(region.country_code) if region else None


def _countries_of_town(index: Gazetteer, text: str) -> list[str]:
    """The countries with a town of that name, the biggest town's first."""
    key = name_key(text)
    towns = [e for found in (index.names, index.other_names) for e in found.get(key, ()) if e.place.kind == "city"]
    return list(dict.fromkeys(e.country_code for e in sorted(towns, key=lambda e: -e.weight)))


def _merge(outer: _Within, inner: _Within) -> Optional[_Within]:
    if outer.country and inner.country and outer.country != inner.country:
        return None
    return _Within(outer.country or inner.country, outer.state or inner.state)


def _fits(entry: Entry, within: _Within) -> bool:
    if within.country and entry.country_code != within.country:
        return False
    return not within.state or (entry.country_code == US and entry.admin1 == within.state)


def _best(
    index: Gazetteer, key: str, within: _Within, preferred: str, kinds: tuple[str, ...] = ("city", "region", "country")
) -> Optional[Entry]:
    if not key:
        return None
    own = [e for e in index.names.get(key, ()) if e.place.kind in kinds and _fits(e, within)]
    others = [e for e in index.other_names.get(key, ()) if e.place.kind in kinds and _fits(e, within)]
    if within.state and within.country == US:
        # "Washington, DC" / "Houston, Texas": the town, not the state itself
        own = [e for e in own if e.place.kind == "city"] or own
    if preferred:
        found = pick(
            [e for e in own if e.country_code == preferred], [e for e in others if e.country_code == preferred]
        )
        if found:
            return found
    return pick(own, others)


def _best_fuzzy(
    index: Gazetteer, key: str, within: _Within, preferred: str, cutoff: float = FUZZY_CUTOFF
) -> Optional[Entry]:
    if len(key.replace(" ", "")) < FUZZY_MIN_LETTERS:
        return None
    for close in difflib.get_close_matches(key, index.fuzzy_keys(key), n=5, cutoff=cutoff):
        found = _best(index, close, within, preferred)
        if found:
            return found
    return None
