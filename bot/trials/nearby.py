"""The site of a trial nearest to a place searched around, with its distance."""
from __future__ import annotations

from typing import Iterable, NamedTuple, Optional, Protocol

from bot.geo import DEFAULT_RADIUS_KM, Place, distance_km
from bot.trials.query import Near, NearestSite


class _Point(NamedTuple):
    lat: float
    lon: float


class PlacedSite(Protocol):
    facility: Optional[str]
    city: Optional[str]
    country: Optional[str]
    latitude: Optional[float]
    longitude: Optional[float]


def nearest_site(sites: Iterable[PlacedSite], near: Near) -> Optional[NearestSite]:
    """None when no site is on the map."""
    here = _Point(near.latitude, near.longitude)
    best: Optional[NearestSite] = None
    for site in sites:
        if site.latitude is None or site.longitude is None:
            continue
        km = distance_km(here, _Point(site.latitude, site.longitude))
        if best is None or km < best.distance_km:
            best = NearestSite(site.facility, site.city, site.country, km)
    return best


def near(place: Place, within_km: Optional[float] = DEFAULT_RADIUS_KM) -> Near:
    """A search around a place; a region ("the Midlands") reaches as far beyond its centre as
    its own size."""
    reach = None if within_km is None else within_km + place.extent_km
    return Near(place.label(), place.lat, place.lon, place.country, reach, area=place.kind != "city")
