"""Remove personal details from free text before it is stored (the content-gap log)."""

from __future__ import annotations

import re

_MONTHS = r"(?:jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)"
_RULES: list[tuple[re.Pattern[str], str]] = [
    (re.compile(r"[\w.+-]+@[\w-]+(?:\.[\w-]+)+", re.I), "[email]"),
    # dates: 03/04/1960, 3-4-60, 1960-04-03, 3rd March 1960, March 3 1960
    (re.compile(r"\b\d{1,2}[/.\-]\d{1,2}[/.\-](?:\d{4}|\d{2})\b|\b\d{4}-\d{1,2}-\d{1,2}\b"), "[date]"),
    (
        re.compile(
            rf"\b\d{{1,2}}(?:st|nd|rd|th)?(?: of)? {_MONTHS},? \d{{2,4}}\b|\b{_MONTHS} \d{{1,2}}(?:st|nd|rd|th)?,? \d{{2,4}}\b",
            re.I,
        ),
        "[date]",
    ),
    # UK postcodes: SW1A 1AA, M1 1AE, B33 8TH, CR2 6XH, DN55 1PT
    (re.compile(r"\b[A-Z]{1,2}\d[A-Z\d]? ?\d[A-Z]{2}\b", re.I), "[postcode]"),
    # phone numbers: +44 7700 900123, 07700900123, (020) 7946 0958, 1-800-422-6237
    (re.compile(r"(?<![\w])(?:\+\d{1,3}[\s.-]?)?(?:\(\d{2,5}\)[\s.-]?)?\d(?:[\s.-]?\d){6,13}(?![\w])"), "[phone]"),
]


def redact(text: str) -> str:
    for pattern, replacement in _RULES:
        text = pattern.sub(replacement, text)
    return text
