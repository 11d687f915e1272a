"""Spread to the brain: "Known brain metastases", "Untreated or symptomatic CNS metastases"."""

from __future__ import annotations

import re

from bot.eligibility.templates import Template, Words
from bot.eligibility.templates.parts import WHO, compile_full

_STATES = {
    "active": "is active",
    "untreated": "has not been treated",
    "symptomatic": "causes symptoms",
    "progressive": "is growing",
    "unstable": "is not stable",
    "uncontrolled": "is not under control",
}
_STATE = "|".join(_STATES)
_JOIN = r"\s*(?:,\s*(?:or\s+|and\s+)?|\s(?:or|and|and/or)\s)\s*"


def _brain(found: re.Match, words: Words) -> str:
    known = "You are known to have" if found.group("known") else "You have"
    states = re.findall(_STATE, found.group("states") or "", re.I)
    joiner = (
        " and "
        if re.search(r"\band\b", found.group("states") or "") and not re.search(r"\bor\b", found.group("states") or "")
        else " or "
    )
    how = f", where it {joiner.join(_STATES[s.lower()] for s in states)}" if states else ""
    return f"{known} cancer that has spread to the brain{how}."


TEMPLATES = [
    Template(
        "spread to the brain",
        compile_full(
            rf"(?:{WHO}?(?:with\s+)?)?(?P<known>known\s+)?(?P<states>(?:{_STATE})(?:{_JOIN}(?:{_STATE}))*\s+)?"
            r"(?:brain|CNS|central\s+nervous\s+system(?:\s*\(CNS\))?)\s+metastas[ie]s"
        ),
        _brain,
    ),
]
