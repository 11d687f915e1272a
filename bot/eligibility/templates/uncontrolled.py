"""Uncontrolled illness: "Uncontrolled hypertension", "Poorly controlled diabetes"."""

from __future__ import annotations

import re

from bot.eligibility.templates import Template, Words
from bot.eligibility.templates.parts import WHO, compile_full, is_plural

# one illness only: "uncontrolled A or B" leaves unclear whether B must be uncontrolled too
_ILLNESS = (
    r"(?P<what>(?!.*\b(?:or|and|including|such|defined|as|with|that|which|during|at|in|on|before|after|within|while|despite)\b)"
    r"[A-Za-z][A-Za-z'\- ]{2,50})"
)  # nor a time or place the "not under control" would wrongly attach to


def _uncontrolled(found: re.Match, words: Words) -> str:
    what = words(found.group("what"))
    verb = "are" if is_plural(what) else "is"
    how = "well controlled" if found.group("how").lower().startswith("poorly") else "under control"
    return f"{what[:1].upper() + what[1:]} that {verb} not {how}."


TEMPLATES = [
    Template(
        "uncontrolled illness",
        compile_full(
            rf"(?:{WHO}?(?:with\s+)?)?(?:(?:any|an?)\s+)?(?:(?:known|active|current)\s+)?(?P<how>uncontrolled|poorly\s+controlled)\s+{_ILLNESS}"
        ),
        _uncontrolled,
    ),
]
