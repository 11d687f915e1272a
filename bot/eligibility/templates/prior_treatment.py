"""Recent treatment: "Chemotherapy within 4 weeks before the first dose", "Major surgery within 28 days"."""
from __future__ import annotations

import re

from bot.eligibility.templates import Template, Words
from bot.eligibility.templates.parts import WHEN, WHO, compile_full, when_words

_ONE = (r"(?:systemic\s+)?(?:anti-?cancer\s+(?:therapy|treatment)|chemotherapy|radiotherapy|radiation(?:\s+therapy)?|immunotherapy"
        r"|biological\s+therapy|targeted\s+therapy|hormonal\s+therapy|major\s+surgery|surgery|investigational\s+(?:agents?|drugs?|therapy|products?)"
        r"|(?:other\s+)?(?:anti-?cancer|cancer)\s+(?:therapy|treatment|drugs?)|PRRT|blood\s+transfusions?|live\s+vaccines?|(?:a\s+)?live\s+vaccine)")
_TREATMENTS = rf"(?P<what>{_ONE}(?:\s*(?:,\s*(?:or\s+|and\s+)?|\s+(?:or|and|and/or)\s+|/){_ONE})*)"


def _recent(found: re.Match, words: Words) -> str:
    prior = (found.group("prior") or "").lower()
    any_ = "any " if prior == "any" else ""
    what = words(found.group("what"))
    what = what if what[1:2].isupper() else what[:1].lower() + what[1:]  # "PRRT" stays, "Major surgery" does not
    return f"You had {any_}{what}{when_words(found, words)}."


TEMPLATES = [
    Template("recent treatment", compile_full(
        rf"(?:{WHO}?(?:who\s+(?:have|has)\s+)?(?:received|had|undergone)?\s*)?(?:(?P<prior>prior|previous|any|recent)\s+)?"
        rf"{_TREATMENTS}(?:\s+(?:received|given|administered|treatment))?\s+{WHEN}"), _recent),
]
