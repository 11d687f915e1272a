"""The country a channel tells us about, for when the person has not said where they are: a
phone number's calling code (SMS, WhatsApp) or a messaging app's language setting. Only used
to pick helplines and emergency numbers; what the person says always wins."""

from __future__ import annotations

import re
from typing import Any, Optional

# Calling code -> ISO country, for the countries whose lines and numbers we hold (and the EU's 112).
# Not +1: the US and Canada share it, and their crisis lines differ.
_CALLING_CODES = {
    "44": "GB",
    "353": "IE",
    "46": "SE",
    "49": "DE",
    "33": "FR",
    "34": "ES",
    "39": "IT",
    "31": "NL",
    "32": "BE",
    "45": "DK",
    "47": "NO",
    "358": "FI",
    "43": "AT",
    "48": "PL",
    "351": "PT",
    "30": "GR",
    "420": "CZ",
    "36": "HU",
    "40": "RO",
    "41": "CH",
}
_PHONE = re.compile(r"^(?:whatsapp:)?\+(\d{7,15})$")
# Language settings that name one country ("sv": Swedish, spoken mainly in Sweden; "en": no).
_LANGUAGE_ONLY = {
    "sv": "SE",
    "ga": "IE",
    "da": "DK",
    "fi": "FI",
    "nb": "NO",
    "nn": "NO",
    "pl": "PL",
    "cs": "CZ",
    "hu": "HU",
}
_LANGUAGE_TAG = re.compile(r"^([a-z]{2,3})(?:[-_]([a-z]{2}))?$", re.I)


def country_from_phone(number: Any) -> Optional[str]:
    """ "+447700900123" or "whatsapp:+46701234567" -> "GB" / "SE"; None if not a number."""
    found = _PHONE.match(str(number or "").strip().replace(" ", ""))
    if not found:
        return None
    digits = found.group(1)
    return next((_CALLING_CODES[digits[:size]] for size in (3, 2, 1) if digits[:size] in _CALLING_CODES), None)


def country_from_language(tag: Any) -> Optional[str]:
    """ "en-GB" -> "GB", "sv" -> "SE", "en" -> None (English alone names no country)."""
    found = _LANGUAGE_TAG.match(str(tag or "").strip())
    if not found:
        return None
    language, region = found.group(1).lower(), found.group(2)
    return region.upper() if region else _LANGUAGE_ONLY.get(language)


def locale_metadata(country: Optional[str]) -> Optional[dict[str, str]]:
    """The message metadata that carries it (read by actions/country.py)."""
    return {"country": country} if country else None
