"""Short names people use for big towns, which GeoNames lists only as airport-style codes."""

from __future__ import annotations

# nickname -> (the town's GeoNames name, ISO country, US state code or "")
NICKNAMES: dict[str, tuple[str, str, str]] = {
    "NYC": ("New York City", "US", "NY"),
    "LA": ("Los Angeles", "US", "CA"),
    "SF": ("San Francisco", "US", "CA"),
    "DC": ("Washington", "US", "DC"),
    "Philly": ("Philadelphia", "US", "PA"),
    "Vegas": ("Las Vegas", "US", "NV"),
}
