"""Centres and extents of groups of towns (for regions, states and countries)."""

from __future__ import annotations

from typing import Iterable, NamedTuple

from bot.geo.distance import distance_km


class Point(NamedTuple):
    lat: float
    lon: float
    weight: float = 1.0


def mean_centre(points: Iterable[Point]) -> Point:
    """The weighted mean of latitudes and longitudes: good enough for areas that do not cross
    the 180th meridian, which none of ours do."""
    listed = list(points)
    total = sum(p.weight for p in listed)
    return Point(sum(p.lat * p.weight for p in listed) / total, sum(p.lon * p.weight for p in listed) / total, total)


def extent_km(centre: Point, points: Iterable[Point]) -> float:
    return max((distance_km(centre, p) for p in points), default=0.0)
