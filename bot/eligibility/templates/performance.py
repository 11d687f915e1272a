"""Performance status: "ECOG performance status 0-1", "Karnofsky ≥ 70%", or both."""

from __future__ import annotations

import re

from bot.eligibility.templates import Template, Words
from bot.eligibility.templates.parts import LEAD, LIMIT_WORDS, NUMBER, compile_full, limit

_ECOG_NAME = (
    r"(?P<name>Eastern\s+Cooperative\s+Oncology\s+Group(?:\s*\((?:ECOG)\))?|ECOG(?:/WHO)?|WHO(?:/ECOG)?|Zubrod)?"
    r"(?:\s*(?:performance\s+status|performance\s+score|PS)(?:\s*\((?:PS|ECOG(?:\s+PS)?)\))?)?(?:\s+score)?"
)
_GRADES = r"[0-5](?:\s*(?:-|–|to|or|,|,\s*or)\s*[0-5])*"
_ECOG_VALUE = rf"(?:\s+of|\s+is|\s+must\s+be|\s*:|\s*=(?![<>]))?\s*(?:(?P<limit>{LIMIT_WORDS})\s*(?P<n>[0-5])|(?P<grades>{_GRADES}))"
_ECOG = rf"{_ECOG_NAME}{_ECOG_VALUE}"
_KPS = (
    rf"(?:Karnofsky(?:\s+performance\s+(?:status|scale|score))?(?:\s*\(KPS\))?|KPS)(?:\s+score)?"
    rf"(?:\s+of|\s+is|\s*:|\s*=(?![<>]))?\s*(?P<klimit>{LIMIT_WORDS})\s*(?P<kn>{NUMBER})\s*(?P<pct>%)?"
)
_EXPLAIN = "A performance score shows how well you manage everyday life. A lower ECOG score, or a higher Karnofsky score, means you are more active."


def _ecog_words(found: re.Match) -> str:
    name = found.group("name") or ""
    name = "ECOG" if name.lower().startswith("eastern") else name
    value = (
        f"{limit(found.group('limit'))} {found.group('n')}" if found.group("limit") else _grades(found.group("grades"))
    )
    return f"your {name + ' ' if name else ''}performance score is {value}"


def _grades(grades: str) -> str:
    return re.sub(r"\s*(?:-|–)\s*", " to ", grades)


def _kps_words(found: re.Match) -> str:
    return f"your Karnofsky score is {limit(found.group('klimit'))} {found.group('kn')}{found.group('pct') or ''}"


def _ecog(found: re.Match, words: Words) -> str:
    return f"{_ecog_words(found)}. {_EXPLAIN}"


def _kps(found: re.Match, words: Words) -> str:
    return f"{_kps_words(found)}. {_EXPLAIN}"


def _both(found: re.Match, words: Words) -> str:
    return f"{_ecog_words(found)}, or {_kps_words(found)}. {_EXPLAIN}"


_OR = r"\s*(?:,\s*|;\s*)?(?:\bor\b\s*|\(\s*(?:or\s+)?)?"
TEMPLATES = [
    Template("performance status", compile_full(rf"{LEAD}{_ECOG}"), _ecog),
    Template("performance status", compile_full(rf"{LEAD}{_KPS}"), _kps),
    Template("performance status", compile_full(rf"{LEAD}{_ECOG}{_OR}{_KPS}\)?"), _both),
    Template("performance status", compile_full(rf"{LEAD}{_KPS}{_OR}{_ECOG}\)?"), _both),
]
