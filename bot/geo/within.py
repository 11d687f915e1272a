"""Whether a town is in a region, from the GeoNames divisions: "Valencia" is not in Catalonia,
"Geelong" is in Victoria. None when the data cannot tell (a region made of a few towns, a name
the gazetteer lacks)."""

from __future__ import annotations

from functools import lru_cache
from typing import Optional

from bot.geo.divisions import DIVISIONS
from bot.geo.gazetteer import US, gazetteer
from bot.geo.names import name_key
from bot.geo.regions import REGIONS, Region


@lru_cache(maxsize=1)
def _regions_by_name() -> dict[str, Region]:
    return {name_key(n): r for r in (*REGIONS, *DIVISIONS) if r.division_of for n in (r.name, *r.aliases)}


def town_in_region(town: str, region: str) -> Optional[bool]:
    index = gazetteer()
    state = index.state_code(region)
    if state:
        return index.city(town, US, state) is not None if index.city(town, US) else None
    found = _regions_by_name().get(name_key(region))
    if found is None:
        return None
    anchor, place = index.city(found.division_of, found.country), index.city(town, found.country)
    if anchor is None:
        return None
    return place is not None and place.admin1 == anchor.admin1
