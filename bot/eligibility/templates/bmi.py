"""Body mass index: "BMI of 18 to 35 kg/m2", "Body mass index (BMI) ≥ 30 kg/m²"."""

from __future__ import annotations

import re

from bot.eligibility.templates import Template, Words
from bot.eligibility.templates.parts import LEAD, LIMIT_WORDS, NUMBER, compile_full, limit

_BMI = r"(?:body\s+mass\s+index(?:\s*\(BMI\))?|BMI)(?:\s+(?:of|is|must\s+be|should\s+be)|\s*:)?\s*"
_UNIT = r"kg\s*/\s*m(?:2|²|\^2)"
_EXPLAIN = "Body mass index (BMI) is your weight measured against your height."


def _unit(found: re.Match) -> str:
    return " " + "".join(found.group("unit").split()) if found.group("unit") else ""


def _range(found: re.Match, words: Words) -> str:
    return f"Your BMI is between {found.group('a')} and {found.group('b')}{_unit(found)}. {_EXPLAIN}"


def _one(found: re.Match, words: Words) -> str:
    return f"Your BMI is {limit(found.group('limit'))} {found.group('n')}{_unit(found)}. {_EXPLAIN}"


TEMPLATES = [
    Template(
        "body mass index",
        compile_full(
            rf"{LEAD}{_BMI}(?:between\s+)?(?P<a>{NUMBER})\s*(?:{_UNIT}\s*)?(?:-|–|to|and)\s*(?P<b>{NUMBER})\s*(?P<unit>{_UNIT})?"
        ),
        _range,
    ),
    Template(
        "body mass index",
        compile_full(rf"{LEAD}{_BMI}(?P<limit>{LIMIT_WORDS})\s*(?P<n>{NUMBER})\s*(?P<unit>{_UNIT})?"),
        _one,
    ),
]
