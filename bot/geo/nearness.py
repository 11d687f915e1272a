"""Reading "near X" wishes: "trials near Bristol", "within 30 miles of Denver, CO",
"I live in Malmo", "no more than an hour from Lyon", "anything in the Leeds area?"."""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Iterator, Optional

from bot.geo.distance import miles_to_km
from bot.geo.find import find_entry
from bot.geo.gazetteer import CITY_WEIGHT, Entry
from bot.geo.place import Place
from bot.text import CALENDAR_WORDS

DEFAULT_RADIUS_KM = 100.0
# "An hour from X": an hour's drive mixing town and main roads averages about 60-80 km/h, and
# roads wind about a quarter longer than the straight line we measure, so we take 60 km of
# straight-line distance per hour (1 km per minute).
KM_PER_HOUR = 60.0
_MAX_PLACE_WORDS = 6
# A name typed all in lower case ("near bristol") is read as a town only if the town is this big,
# so "close to normal" is not Normal, Illinois; regions and countries always count.
LOWER_CASE_TOWN_MIN_PEOPLE = 100_000

_NUMBER_WORDS = {
    "a": 1.0,
    "an": 1.0,
    "one": 1.0,
    "two": 2.0,
    "three": 3.0,
    "four": 4.0,
    "five": 5.0,
    "half a": 0.5,
    "half an": 0.5,
    "ten": 10.0,
    "twenty": 20.0,
    "thirty": 30.0,
    "fifty": 50.0,
}
_AMOUNT = (
    r"(?:(?P<number>\d+(?:\.\d+)?)\s*"
    r"|(?P<words>half\s+an?|an?|one|two|three|four|five|ten|twenty|thirty|fifty)\s+)"
)
_UNIT = r"(?P<unit>miles?|mi|kms?|kilomet(?:er|re)s?|hours?|hrs?|h|minutes?|mins?)"
_DISTANCE = re.compile(
    rf"\b{_AMOUNT}{_UNIT}\b(?P<half>\s+and\s+a\s+half)?"
    r"(?:['’]?s?\s+(?:drive|driving|travel|journey|ride|train ride|trip))?"
    r"(?:\s+(?:away\s+)?(?:of|from|outside)\s+(?P<rest>.*))?",
    re.I | re.S,
)
# A distance alone is a wish only after one of these ("within 30 miles", "can travel 50 km").
_LIMIT_BEFORE = re.compile(
    r"\b(?:within|under|less than|no more than|not more than|at most|up to|max(?:imum)?|"
    r"travel|drive|go|about|around)\s*$",
    re.I,
)
# "I live 20 miles from Leeds": where they live, not how far they would go.
_HOME_WORDS = re.compile(r"\b(?:live|lives|living|based|i['’]?m|i am|we['’]?re|we are)\b", re.I)
_TRAVEL_WORDS = re.compile(r"\b(?:travel\w*|drive|driving|go|get|come|happy|willing|can|could|would)\b", re.I)
# After these, an unknown name is still a place ("near Xyzton": we do not know it).
_NEAR = re.compile(
    r"\b(?:in or near|in or around|near(?:by)?(?:\s+to)?|nr\.?|close to|closer to|not far from|"
    r"in the vicinity of|(?:live|lives|living|based)\s+(?:in|near|(?:just\s+)?outside))\s+",
    re.I,
)
# After these, only a known place counts ("around 50 people", "around Christmas").
_AROUND = re.compile(r"\b(?:around|(?:i['’]?m|i am|we['’]?re|we are) in)\s+", re.I)
_AREA = re.compile(r"\barea\b", re.I)
_NOT_BEFORE_AREA = {
    "in",
    "near",
    "around",
    "of",
    "from",
    "to",
    "at",
    "for",
    "any",
    "my",
    "our",
    "your",
    "this",
    "that",
    "same",
    "a",
    "an",
    "whole",
    "local",
    "trials",
    "is",
    "are",
    "there",
}
# "near me", "close to home", "within an hour of where we live": the person's own place.
_SELF = re.compile(
    r"^(?:me|us|home|here|my (?:home|house|place|town|city)|our (?:home|house|place|town|city)|"
    r"where (?:i|we) (?:live|am|are))\b",
    re.I,
)
_NOT_NAMES = CALENDAR_WORDS | {"christmas", "easter", "i"}
_NOT_FIRST = {"a", "an", "my", "our", "your"}  # "near a hospital", "close to my mum"
# Lower-case words that can sit inside a place name ("Stoke on Trent", "Isle of Wight").
_NAME_JOINERS = {"on", "upon", "of", "de", "la", "le", "am", "an", "der", "sur", "en", "y", "di", "del", "in"}


_Reading = tuple[Optional[str], Optional[Place]]  # (place text, place)


@dataclass(frozen=True)
class Nearness:
    place_text: Optional[str]  # as written; None when they mean their own place ("near me")
    place: Optional[Place]  # None when the text names no place we know
    travel_km: Optional[float]  # how far they said they would go, if they said

    @property
    def radius_km(self) -> float:
        """How far from the place's centre to look: their distance (or the default), plus the
        region's own size for "near the Midlands"."""
        extent = self.place.extent_km if self.place else 0.0
        return (self.travel_km if self.travel_km is not None else DEFAULT_RADIUS_KM) + extent


def read_nearness(text: str, country: Optional[str] = None) -> Optional[Nearness]:
    """The place the person wants trials near, and how far they would go; None if neither.

    `country` (the person's country, if known) is preferred for ambiguous names.
    """
    travel_km = _travel_km(text)
    found: Optional[_Reading] = None
    for rest, may_be_unknown in _places_after_triggers(text):
        reading = _read_place(rest, country, may_be_unknown)
        if reading and (reading[1] or reading[0] is None):
            found = reading
            break
        found = found or reading
    if found is None and travel_km is None:
        return None
    place_text, place = found or (None, None)
    return Nearness(place_text, place, travel_km)


def _distances(text: str) -> Iterator[re.Match[str]]:
    """Every distance, also those inside the place text after an earlier one."""
    match = _DISTANCE.search(text)
    while match:
        yield match
        match = _DISTANCE.search(text, match.end("unit"))


def _travel_km(text: str) -> Optional[float]:
    for match in _distances(text):
        before = text[: match.start()]
        if match.group("rest") is None and not _LIMIT_BEFORE.search(before):
            continue
        clause = re.split(r"[.,;!?]|\band\b|\bbut\b", before)[-1]
        if _HOME_WORDS.search(clause) and not _TRAVEL_WORDS.search(clause):
            continue
        number = match.group("number")
        amount = float(number) if number else _NUMBER_WORDS[" ".join(match.group("words").lower().split())]
        if match.group("half"):
            amount += 0.5
        unit = match.group("unit").lower()
        if unit.startswith("mi") and not unit.startswith("min"):
            km = miles_to_km(amount)
        elif unit.startswith("h"):
            km = amount * KM_PER_HOUR
        elif unit.startswith("min"):
            km = amount * KM_PER_HOUR / 60
        else:
            km = amount
        return round(km, 1)
    return None


def _places_after_triggers(text: str) -> Iterator[tuple[str, bool]]:
    """(the text after a trigger, whether an unknown name there still counts), in text order."""
    found: list[tuple[int, str, bool]] = []
    for match in _distances(text):
        if match.group("rest"):
            found.append((match.start(), match.group("rest"), True))
    for pattern, may_be_unknown in ((_NEAR, True), (_AROUND, False)):
        found += [(m.start(), text[m.end() :], may_be_unknown) for m in pattern.finditer(text)]
    for match in _AREA.finditer(text):
        clause_start = max(text.rfind(mark, 0, match.start()) for mark in ".,;:!?()\n") + 1
        starts = [m.start() + clause_start for m in re.finditer(r"\S+", text[clause_start : match.start()])][-4:]
        for start in starts:
            first = text[start:].split(None, 1)[0].lower()
            if first in _NOT_BEFORE_AREA:
                continue
            found.append((start, text[start : match.end()], False))  # "the Bay Area", "Ruhr area"
            if first != "the":
                found.append((start, text[start : match.start()], False))  # "Leeds" in "Leeds area"
    for _, rest, may_be_unknown in sorted(found, key=lambda item: item[0]):
        yield rest, may_be_unknown


def _read_place(rest: str, country: Optional[str], may_be_unknown: bool) -> Optional[_Reading]:
    rest = rest.strip()
    if _SELF.match(rest):
        return None, None
    if not may_be_unknown and not re.sub(r"^the\s+", "", rest, flags=re.I)[:1].isupper():
        return None  # "around the same time"
    words = re.split(r"[\n!?;:()]", rest)[0].split()[:_MAX_PLACE_WORDS]
    for size in range(len(words), 0, -1):
        candidate = " ".join(words[:size]).strip(" ,.")
        if not candidate or candidate.lower() in _NOT_NAMES or candidate.split()[0].lower() in _NOT_FIRST:
            continue
        entry = find_entry(candidate, country, fuzzy=False)
        if entry and _counts(candidate, entry):
            return candidate, entry.place
    name = _leading_name(words)
    if not name:
        return None
    entry = find_entry(name, country)  # a near-miss spelling, "Manchestor"
    if entry or may_be_unknown:
        return name, entry.place if entry else None
    return None


def _counts(typed: str, entry: Entry) -> bool:
    if typed != typed.lower() or entry.place.kind != "city":
        return True
    return entry.weight >= LOWER_CASE_TOWN_MIN_PEOPLE * CITY_WEIGHT


def _leading_name(words: list[str]) -> str:
    """The capitalised words a place name would be: "Xyzton" in "near Xyzton for NETs"."""
    taken: list[str] = []
    for word in words:
        clean = word.strip(",.")
        if clean[:1].isupper() and clean.lower() not in _NOT_NAMES:
            taken.append(clean)
        elif taken and clean in _NAME_JOINERS:
            taken.append(clean)
        else:
            break
        if word.endswith((",", ".")):
            break
    while taken and taken[-1] in _NAME_JOINERS:
        taken.pop()
    return " ".join(taken)
