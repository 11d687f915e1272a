"""Life expectancy: "Life expectancy of at least 3 months", "Life expectancy > 12 weeks"."""

from __future__ import annotations

import re

from bot.eligibility.templates import Template, Words
from bot.eligibility.templates.parts import (
    LEAD,
    LIMIT_WORDS,
    NUMBER,
    OPINION,
    OPINION_WORDS,
    TIME_UNIT,
    compile_full,
    limit,
)

_LIFE = rf"{LEAD}(?:(?:predicted|estimated|anticipated|expected)\s+)?life\s+expectancy(?:\s+(?:of|is|must\s+be|should\s+be)|\s*:)?\s*"
_TAIL = rf"(?P<opinion>{OPINION})?"


def _limit_first(found: re.Match, words: Words) -> str:
    return _sentence(limit(found.group("limit")), found)


def _limit_after(found: re.Match, words: Words) -> str:  # "3 months or more"
    return _sentence(limit(found.group("limit")), found)


def _sentence(kind: str, found: re.Match) -> str:
    view = OPINION_WORDS if found.group("opinion") else ""
    return f"You are expected to live {kind} {found.group('n')} {found.group('unit')}{view}."


TEMPLATES = [
    Template(
        "life expectancy",
        compile_full(rf"{_LIFE}(?P<limit>{LIMIT_WORDS})\s*(?P<n>{NUMBER})\s*(?P<unit>{TIME_UNIT}){_TAIL}"),
        _limit_first,
    ),
    Template(
        "life expectancy",
        compile_full(
            rf"{_LIFE}(?P<n>{NUMBER})\s*(?P<unit>{TIME_UNIT})\s+(?P<limit>or\s+(?:more|longer|greater)){_TAIL}"
        ),
        _limit_after,
    ),
]
