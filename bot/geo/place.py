"""A place found in the gazetteer."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Literal, Optional

Kind = Literal["city", "region", "country"]


@dataclass(frozen=True, slots=True)
class Place:
    name: str
    country: str  # as trial records write locations[].country: "United Kingdom", "Korea, Republic of"
    lat: float
    lon: float
    kind: Kind
    state: Optional[str] = None  # the US state's name, for US cities and states
    # Distance from the centre to the farthest place it was made from (0 for a city): how far
    # "near the Midlands" should reach beyond the centre.
    extent_km: float = 0.0

    def label(self) -> str:
        """ "Denver, Colorado", "Malmö, Sweden", "Scotland"."""
        if self.kind == "country":
            return self.name
        within = self.state if self.state and self.state != self.name else self.country
        return f"{self.name}, {within}"
