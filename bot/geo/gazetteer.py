"""The index of places: GeoNames towns, US states, the regions table and countries.

Built once per process on first use (about a second; see docs/geo.md) and kept.
"""

from __future__ import annotations

import threading
from collections import defaultdict
from typing import NamedTuple, Optional

from bot.geo import data
from bot.geo.centres import Point, extent_km, mean_centre
from bot.geo.countries import Countries
from bot.geo.divisions import DIVISIONS
from bot.geo.names import name_key
from bot.geo.nicknames import NICKNAMES
from bot.geo.place import Place
from bot.geo.regions import REGIONS, Region

# A town is ranked as if ten times as many people lived there, because a name that is both a
# town and a state or country usually means the town ("New York", "Luxembourg") unless the
# country is far bigger ("Lebanon" the country, not Lebanon, Tennessee). The regions table's
# regions get the same boost: they are names patients use, and a few towns undercount them
# ("Cornwall" is the county before Cornwall, Ontario; "Kent" before Kent, Washington).
CITY_WEIGHT = 10
US = "US"
_US_STATE_ALIASES = {"NY": ("New York State",), "WA": ("Washington State",)}


# A town's other names are noisy (GeoNames gives Richmond, Virginia the name "Manchester"), so
# they win only over towns of that name this many times smaller: Newcastle upon Tyne over
# Newcastle, County Down, but not Richmond over Manchester, New Hampshire.
OTHER_NAME_FACTOR = 20


class Entry(NamedTuple):
    place: Place
    country_code: str
    admin1: str  # GeoNames first-level division; the state's code for US towns and states
    weight: float


class Gazetteer:
    def __init__(self, cities: list[data.City], country_rows: dict[str, dict], us_states: dict[str, str]) -> None:
        self.countries = Countries({code: row["name"] for code, row in country_rows.items()})
        self.us_states = us_states
        self._state_codes = {name_key(name): code for code, name in us_states.items()}
        self.names: dict[str, list[Entry]] = defaultdict(list)  # by a place's own name
        self.other_names: dict[str, list[Entry]] = defaultdict(list)  # by its other names
        self._fuzzy_keys: Optional[dict[str, list[str]]] = None
        divisions = self._add_cities(cities)
        for nickname, (town, code, state) in NICKNAMES.items():
            entry = self.city(town, code, state)
            if entry:
                self.names[name_key(nickname)].append(entry)
        self._add_us_states(divisions)
        for region in (*REGIONS, *DIVISIONS):
            self._add_region(region, divisions)
        self._add_countries(country_rows, divisions)

    # -- looking up ----------------------------------------------------------------------------
    def state_code(self, text: str) -> Optional[str]:
        """ "CO", "co", "Colorado" -> "CO"; None if not a US state."""
        stripped = text.strip().rstrip(".")
        if stripped.upper() in self.us_states and len(stripped) == 2:
            return stripped.upper()
        return self._state_codes.get(name_key(stripped))

    def city(self, name: str, country_code: str, state_code: str = "") -> Optional[Entry]:
        """The town of that name in that country (and state), chosen as `pick` does."""
        key = name_key(name)
        own, others = (
            [
                e
                for e in index.get(key, ())
                if e.place.kind == "city"
                and e.country_code == country_code
                and (not state_code or e.admin1 == state_code)
            ]
            for index in (self.names, self.other_names)
        )
        return pick(own, others)

    def fuzzy_keys(self, key: str) -> list[str]:
        """Known names with the same first letter, for near-miss spellings."""
        if self._fuzzy_keys is None:
            grouped: dict[str, list[str]] = defaultdict(list)
            for known in (*self.names, *self.other_names):
                grouped[known[:1]].append(known)
            self._fuzzy_keys = dict(grouped)
        return self._fuzzy_keys.get(key[:1], [])

    # -- building ------------------------------------------------------------------------------
    def _add(self, entry: Entry, names: tuple[str, ...], others: tuple[str, ...] = ()) -> None:
        keys = {name_key(n) for n in names}
        for key in keys:
            self.names[key].append(entry)
        for other in {name_key(o) for o in others} - keys:
            if other and other.isascii():  # names in other scripts are not typed here
                self.other_names[other].append(entry)

    def _add_cities(self, cities: list[data.City]) -> dict[tuple[str, str], list[Entry]]:
        divisions: dict[tuple[str, str], list[Entry]] = defaultdict(list)
        for city in cities:
            state = self.us_states.get(city.admin1) if city.country_code == US else None
            place = Place(city.name, self.countries.name(city.country_code), city.lat, city.lon, "city", state)
            entry = Entry(place, city.country_code, city.admin1, city.population * CITY_WEIGHT)
            self._add(entry, (city.name,), city.other_names)
            divisions[(city.country_code, city.admin1)].append(entry)
        return divisions

    def _add_group(
        self,
        name: str,
        code: str,
        members: list[Entry],
        weighted: bool,
        aliases: tuple[str, ...] = (),
        state_code: str = "",
        boost: float = 1.0,
    ) -> None:
        if not members:
            return
        points = [Point(e.place.lat, e.place.lon, e.weight / CITY_WEIGHT if weighted else 1.0) for e in members]
        centre = mean_centre(points)
        state = self.us_states.get(state_code)
        place = Place(
            name,
            self.countries.name(code),
            round(centre.lat, 4),
            round(centre.lon, 4),
            "region",
            state,
            round(extent_km(centre, points), 1),
        )
        population = sum(e.weight for e in members) / CITY_WEIGHT
        self._add(Entry(place, code, state_code, population * boost), (name, *aliases))

    def _add_us_states(self, divisions: dict[tuple[str, str], list[Entry]]) -> None:
        for code, name in self.us_states.items():
            self._add_group(name, US, divisions.get((US, code), []), True, _US_STATE_ALIASES.get(code, ()), code)

    def _add_region(self, region: Region, divisions: dict[tuple[str, str], list[Entry]]) -> None:
        if region.division_of:
            anchor = self.city(region.division_of, region.country)
            members = divisions.get((region.country, anchor.admin1), []) if anchor else []
            self._add_group(region.name, region.country, members, True, region.aliases, boost=CITY_WEIGHT)
            return
        members = []
        for town in region.towns:
            name, _, state = town.partition(",")
            entry = self.city(name, region.country, state.strip())
            if entry is not None:
                members.append(entry)
        self._add_group(region.name, region.country, members, False, region.aliases, boost=CITY_WEIGHT)

    def _add_countries(self, rows: dict[str, dict], divisions: dict[tuple[str, str], list[Entry]]) -> None:
        towns_of: dict[str, list[Entry]] = defaultdict(list)
        for (code, _), members in divisions.items():
            towns_of[code].extend(members)
        spellings: dict[str, list[str]] = defaultdict(list)
        for key, code in self.countries.spellings().items():
            spellings[code].append(key)
        for code, row in rows.items():
            towns = towns_of.get(code)
            if not towns:
                continue
            # The capital marks a country (its population centre can be at sea: Indonesia, Japan).
            capital = self.city(row.get("capital") or "", code)
            centre = (
                Point(capital.place.lat, capital.place.lon)
                if capital
                else mean_centre(Point(e.place.lat, e.place.lon, e.weight) for e in towns)
            )
            extent = extent_km(centre, (Point(e.place.lat, e.place.lon) for e in towns))
            place = Place(
                self.countries.name(code),
                self.countries.name(code),
                centre.lat,
                centre.lon,
                "country",
                extent_km=round(extent, 1),
            )
            self._add(Entry(place, code, "", float(row.get("population") or 0)), tuple(spellings[code]))


def pick(own: list[Entry], others: list[Entry]) -> Optional[Entry]:
    """The most weighty place among those found by their own name and by another name."""
    biggest_own_town = max((e.weight for e in own if e.place.kind == "city"), default=0.0)
    candidates = own + [e for e in others if e.weight >= OTHER_NAME_FACTOR * biggest_own_town]
    return max(candidates, key=lambda e: e.weight, default=None)


_lock = threading.Lock()
_built: Optional[Gazetteer] = None


def gazetteer() -> Gazetteer:
    """The one index, built on first use."""
    global _built
    if _built is None:
        with _lock:
            if _built is None:
                _built = Gazetteer(data.read_cities(), data.read_countries(), data.read_us_states())
    return _built
