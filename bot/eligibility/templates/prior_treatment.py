"""Recent treatment: "Chemotherapy within 4 weeks before the first dose", "Major surgery within 28 days"."""
from __future__ import annotations

import re

from bot.eligibility.templates import Template, Words
from bot.eligibility.templates.parts import NUMBER, TIME_UNIT, WHO, compile_full, words_after

_ONE = (r"(?:systemic\s+)?(?:anti-?cancer\s+(?:therapy|treatment)|chemotherapy|radiotherapy|radiation(?:\s+therapy)?|immunotherapy"
        r"|biological\s+therapy|targeted\s+therapy|hormonal\s+therapy|major\s+surgery|surgery|investigational\s+(?:agents?|drugs?|therapy|products?)"
        r"|(?:other\s+)?(?:anti-?cancer|cancer)\s+(?:therapy|treatment|drugs?)|PRRT|blood\s+transfusions?|live\s+vaccines?|(?:a\s+)?live\s+vaccine)")
_TREATMENTS = rf"(?P<what>{_ONE}(?:\s*(?:,\s*(?:or\s+|and\s+)?|\s+(?:or|and|and/or)\s+|/){_ONE})*)"
_WHEN = (rf"(?P<within>within|in\s+the\s+(?:last|past)|during\s+the\s+(?:last|past))\s+(?P<n>{NUMBER})\s*(?P<unit>{TIME_UNIT})"
         r"(?P<before>\s+(?:before|prior\s+to|of|from)\s+[a-z][^;,()]{2,80})?")


def _recent(found: re.Match, words: Words) -> str:
    prior = (found.group("prior") or "").lower()
    any_ = "any " if prior == "any" else ""
    within = " ".join(found.group("within").lower().split())
    before = words_after(words, found.group("before"))
    what = words(found.group("what"))
    what = what if what[1:2].isupper() else what[:1].lower() + what[1:]  # "PRRT" stays, "Major surgery" does not
    return f"You had {any_}{what} {within} {found.group('n')} {found.group('unit')}{before}."


TEMPLATES = [
    Template("recent treatment", compile_full(
        rf"(?:{WHO}?(?:who\s+(?:have|has)\s+)?(?:received|had|undergone)?\s*)?(?:(?P<prior>prior|previous|any|recent)\s+)?"
        rf"{_TREATMENTS}(?:\s+(?:received|given|administered|treatment))?\s+{_WHEN}"), _recent),
]
