"""The site of a trial nearest to a place searched around, with its distance."""

from __future__ import annotations

from typing import Iterable, NamedTuple, Optional, Protocol

from bot.geo import DEFAULT_RADIUS_KM, Place, distance_km
from bot.trials.query import Near, NearestSite


class _Point(NamedTuple):
    lat: float
    lon: float


class PlacedSite(Protocol):  # read-only, so that frozen dataclasses (query.Site) fit
    @property
    def facility(self) -> Optional[str]: ...
    @property
    def city(self) -> Optional[str]: ...
    @property
    def country(self) -> Optional[str]: ...
    @property
    def latitude(self) -> Optional[float]: ...
    @property
    def longitude(self) -> Optional[float]: ...


def distance_to(site: PlacedSite, near: Near) -> Optional[float]:
    """How far a site is from the place searched around, in km; None when it is not on the map."""
    if site.latitude is None or site.longitude is None:
        return None
    return distance_km(_Point(near.latitude, near.longitude), _Point(site.latitude, site.longitude))


def nearest_site(sites: Iterable[PlacedSite], near: Near) -> Optional[NearestSite]:
    """None when no site is on the map."""
    best: Optional[NearestSite] = None
    for site in sites:
        km = distance_to(site, near)
        if km is not None and (best is None or km < best.distance_km):
            best = NearestSite(site.facility, site.city, site.country, km)
    return best


def unknown_place_words(name: str) -> str:
    return f"I don't know where '{name}' is. Which town or country is it near?"


def near(place: Place, within_km: Optional[float] = DEFAULT_RADIUS_KM) -> Near:
    """A search around a place; a region ("the Midlands") reaches as far beyond its centre as
    its own size."""
    reach = None if within_km is None else within_km + place.extent_km
    return Near(place.label(), place.lat, place.lon, place.country, reach, area=place.kind != "city")
