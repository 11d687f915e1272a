"""Distances between places, and how to say them."""

from __future__ import annotations

import math
from typing import Optional, Protocol

from bot.geo.countries import ALIASES
from bot.geo.names import name_key

EARTH_RADIUS_KM = 6371.0088  # the mean radius (IUGG)
KM_PER_MILE = 1.609344
# People in these countries think in miles (the country's name, ISO code or other name).
_MILES_COUNTRIES = {
    name_key(name) for name in ("United Kingdom", "United States", "GB", "US", *ALIASES["GB"], *ALIASES["US"])
}


class HasCoordinates(Protocol):
    @property
    def lat(self) -> float: ...
    @property
    def lon(self) -> float: ...


def distance_km(a: HasCoordinates, b: HasCoordinates) -> float:
    """Great-circle (haversine) distance; roads are longer."""
    lat1, lat2 = math.radians(a.lat), math.radians(b.lat)
    half_dlat = (lat2 - lat1) / 2
    half_dlon = math.radians(b.lon - a.lon) / 2
    h = math.sin(half_dlat) ** 2 + math.cos(lat1) * math.cos(lat2) * math.sin(half_dlon) ** 2
    return 2 * EARTH_RADIUS_KM * math.asin(min(1.0, math.sqrt(h)))


def km_to_miles(km: float) -> float:
    return km / KM_PER_MILE


def miles_to_km(miles: float) -> float:
    return miles * KM_PER_MILE


def uses_miles(country: Optional[str]) -> bool:
    return country is not None and bool(country) and name_key(country) in _MILES_COUNTRIES


def distance_words(km: float, country: Optional[str] = None) -> str:
    """ "about 25 miles" for someone in the UK or US, "about 40 km" elsewhere.

    Under 10 to the nearest 1, else to the nearest 5: the distances are as the crow flies,
    so more precision would mislead.
    """
    miles = uses_miles(country)
    amount = km_to_miles(km) if miles else km
    rounded = round(amount) if amount < 10 else 5 * round(amount / 5)
    unit = ("mile" if rounded == 1 else "miles") if miles else "km"
    if rounded < 1:
        return f"less than 1 {'mile' if miles else 'km'}"
    return f"about {rounded:,} {unit}"
