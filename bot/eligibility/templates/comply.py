"""Following the study's plan: "Willing and able to comply with study procedures", "Able to attend all study visits"."""

from __future__ import annotations

import re

from bot.eligibility.templates import Template, Words
from bot.eligibility.templates.parts import WHO, compile_full

_WHO_IS = rf"(?:{WHO}?(?:must\s+be\s+|is\s+|are\s+|should\s+be\s+)?)?"


def _comply(found: re.Match, words: Words) -> str:
    how = " ".join(found.group("how").lower().split()).replace("&", "and")
    what = words(found.group("what"))
    verb = "attend" if found.group("verb").lower() == "attend" else "follow"
    return f"You are {how} to {verb} {what[:1].lower() + what[1:] if not what[1:2].isupper() else what}."


TEMPLATES = [
    Template(
        "following the study plan",
        compile_full(
            rf"{_WHO_IS}(?P<how>willing\s+(?:and|&)\s+able|able\s+(?:and|&)\s+willing|willing|able)\s+to\s+"
            r"(?P<verb>comply\s+with|adhere\s+to|abide\s+by|follow|attend)\s+"
            r"(?P<what>[a-z][^;:()\[\]]{2,120})"
        ),
        _comply,
    ),
]
