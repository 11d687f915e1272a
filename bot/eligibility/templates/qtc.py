"""Heart trace limits: "QTc > 470 ms", "QTcF ≥ 450 msec in men or ≥ 470 msec in women"."""

from __future__ import annotations

import re

from bot.eligibility.templates import Template, Words
from bot.eligibility.templates.parts import LEAD, LIMIT_WORDS, NUMBER, compile_full, limit

_QTC = (
    r"(?:(?:mean|average|baseline|resting)\s+)?(?:QTc[FB]?|corrected\s+QT(?:\s+interval)?(?:\s*\(QTc[FB]?\))?"
    r"|QT\s+interval\s+corrected\s+for\s+heart\s+rate(?:\s+(?:using|by)\s+(?:Fridericia|Bazett)(?:'s)?(?:\s+formula)?)?(?:\s*\(QTc[FB]?\))?)"
    r"(?:\s+interval)?(?:\s+prolongation)?(?:\s+(?:of|is))?\s*(?::|=(?![<>]))?\s*"
)
_MS = r"(?:ms|msec|milliseconds)"
_EXPLAIN = "QTc is a timing measured on a heart trace (ECG)."
_MEN, _WOMEN = r"(?:males|men|male\s+(?:patients|subjects))", r"(?:females|women|female\s+(?:patients|subjects))"


def _one(found: re.Match, words: Words) -> str:
    return f"Your QTc is {limit(found.group('limit'))} {found.group('n')} {found.group('unit')}. {_EXPLAIN}"


def _by_sex(found: re.Match, words: Words) -> str:
    first, second = ("men", "women") if re.match(r"m", found.group("sex1"), re.I) else ("women", "men")
    return (
        f"Your QTc is {limit(found.group('limit'))} {found.group('n')} {found.group('unit')} for {first}, "
        f"or {limit(found.group('limit2'))} {found.group('n2')} {found.group('unit2')} for {second}. {_EXPLAIN}"
    )


TEMPLATES = [
    Template(
        "heart trace (QTc)",
        compile_full(rf"{LEAD}{_QTC}(?P<limit>{LIMIT_WORDS})\s*(?P<n>{NUMBER})\s*(?P<unit>{_MS})"),
        _one,
    ),
    Template(
        "heart trace (QTc)",
        compile_full(
            rf"{LEAD}{_QTC}(?P<limit>{LIMIT_WORDS})\s*(?P<n>{NUMBER})\s*(?P<unit>{_MS})\s+(?:for|in)\s+(?P<sex1>{_MEN}|{_WOMEN})\s*,?\s*"
            rf"(?:or|and)\s+(?P<limit2>{LIMIT_WORDS})\s*(?P<n2>{NUMBER})\s*(?P<unit2>{_MS})\s+(?:for|in)\s+(?:{_MEN}|{_WOMEN})"
        ),
        _by_sex,
    ),
]
