"""The heart's pumping strength: "LVEF ≥ 50%", "Left ventricular ejection fraction (LVEF) < 45% by echocardiogram
or MUGA scan", "Cardiac ejection fraction within the institutional range of normal"."""

from __future__ import annotations

import re

from bot.eligibility.templates import Template, Words
from bot.eligibility.templates.parts import LIMIT_WORDS, NUMBER, WHO, compile_full, limit, registry_slot, with_notes

_WHO_HAS = rf"(?:{WHO}?(?:must\s+have\s+|should\s+have\s+|with\s+|has\s+|have\s+)?)?(?:an?\s+)?(?:(?P<known>known|documented)\s+)?"
_LVEF = (
    r"(?:(?:cardiac\s+)?(?:left\s+ventricular\s+|LV\s+)?ejection\s+fraction(?:\s*\((?:LVEF|EF)\))?|LVEF)"
    r"(?:\s+(?:of|is|must\s+be|should\s+be)|\s*:|\s*=(?![<>]))?\s*"
)
# how it is measured, in the registry's words, with no condition or second ask after it
_BY = (
    r"(?P<by>,?\s+(?:(?:as\s+)?(?:measured|determined|assessed|documented|confirmed)\s+)?(?:by|on|via|using)\s+"
    r"(?!.*\b(?:and|unless|except|if|within|or\s+(?:less|more|greater|higher|lower))\b)[a-z][^;:,<>≤≥=]{2,110}?)?"
)
_AT = r"(?P<at>\s+at\s+(?:screening|baseline|study\s+entry))?"


def _explained(by_notes: str) -> str:
    """The glossary's line for LVEF, then those of the words of how it is measured."""
    return f"{registry_slot('LVEF')[1]} {by_notes}".strip()


def _value(found: re.Match, words: Words) -> str:
    by, notes = registry_slot(found.group("by") or "")
    by = " " + by.lstrip(", ") if by else ""
    at = " " + " ".join(found.group("at").split()) if found.group("at") else ""
    pct = "%" if "%" in found.group("pct") else " percent"
    value = f"{limit(found.group('limit'))} {found.group('n')}{pct}"
    known = f"{_KNOWN[found.group('known').lower()]} to be " if found.group("known") else ""
    return with_notes(f"Your heart's pumping strength (LVEF) is {known}{value}{by}{at}", _explained(notes))


_KNOWN = {"known": "known", "documented": "recorded"}


def _normal(found: re.Match, words: Words) -> str:
    by, notes = registry_slot(found.group("by") or "")
    by = " " + by.lstrip(", ") if by else ""
    known = f"{_KNOWN[found.group('known').lower()]} to be " if found.group("known") else ""
    return with_notes(
        f"Your heart's pumping strength (LVEF) is {known}in the normal range of the study site's lab{by}",
        _explained(notes),
    )


_AFTER = r"or\s+(?:more|higher|greater|above|over|less|lower|below)"
_PERCENT = r"(?P<pct>\s*%|\s*percent|\s*per\s+cent)"
TEMPLATES = [
    Template(
        "heart pumping strength (LVEF)",
        compile_full(rf"{_WHO_HAS}{_LVEF}(?P<limit>{LIMIT_WORDS})\s*(?P<n>{NUMBER}){_PERCENT}{_BY}{_AT}"),
        _value,
    ),
    Template(
        "heart pumping strength (LVEF)",
        compile_full(rf"{_WHO_HAS}{_LVEF}(?P<n>{NUMBER}){_PERCENT}\s+(?P<limit>{_AFTER}){_BY}{_AT}"),
        _value,
    ),
    Template(
        "heart pumping strength (LVEF)",
        compile_full(
            rf"{_WHO_HAS}{_LVEF}(?:within|in)\s+(?:the\s+)?(?:normal\s+(?:institutional\s+)?(?:limits|range)|institutional\s+(?:limits|range)\s+of\s+normal)"
            rf"{_BY}"
        ),
        _normal,
    ),
]
