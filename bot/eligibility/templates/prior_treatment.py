"""Recent treatment: "Chemotherapy within 4 weeks before the first dose", "Major surgery within 28 days",
"History of major surgery within 3 months of screening", "Radiation therapy ≤ 2 weeks prior to registration"."""

from __future__ import annotations

import re

from bot.eligibility.templates import Template, Words
from bot.eligibility.templates.parts import (
    LIMIT_WORDS,
    NUMBER,
    TIME_UNIT,
    WHEN,
    WHO,
    compile_full,
    limit,
    when_words,
    words_after,
)

_ONE = (
    r"(?:systemic\s+)?(?:anti-?cancer\s+(?:therapy|treatment)|chemotherapy|radiotherapy|radiation(?:\s+therapy)?|immunotherapy"
    r"|biological\s+therapy|targeted\s+therapy|hormonal\s+therapy|major\s+surgery|surgery|investigational\s+(?:agents?|drugs?|therapy|products?)"
    r"|(?:other\s+)?(?:anti-?cancer|cancer)\s+(?:therapy|treatment|drugs?)|PRRT|blood\s+transfusions?|live\s+vaccines?|(?:a\s+)?live\s+vaccine)"
)
_TREATMENTS = rf"(?P<what>{_ONE}(?:\s*(?:,\s*(?:or\s+|and\s+)?|\s+(?:or|and|and/or)\s+|/){_ONE})*)"
# "Patients who have received", "History of", "Has had a", "Have had any": who had it, in the registry's words
_LEAD = (
    rf"(?:(?:{WHO}?(?:who\s+(?:have|has)\s+)?(?:received|had|undergone)?\s*)?|(?:a\s+)?history\s+of\s+"
    r"|(?:{who})?(?:has|have)\s+(?:had|received|undergone)\s+)".replace("{who}", WHO)
)
_PRIOR = r"(?:(?P<prior>prior|previous|any|recent)\s+)?(?:an?\s+)?"
_AFTER = r"(?:\s+(?:received|given|administered|treatment|of\s+any\s+kind))?"
# "< 4 weeks prior to enrolment": a limit on the time before an event, which must be named
_LIMITED = (
    rf"\s*(?P<limit>{LIMIT_WORDS})\s*(?P<n>{NUMBER})\s*(?P<unit>{TIME_UNIT})"
    r"(?P<before>\s+(?:before|prior\s+to)\s+[a-z][^;,()]{2,80})"
)


def _what(found: re.Match, words: Words) -> str:
    prior = (found.group("prior") or "").lower()
    what = words(found.group("what"))
    what = what if what[1:2].isupper() else what[:1].lower() + what[1:]  # "PRRT" stays, "Major surgery" does not
    return ("any " if prior == "any" else "") + what


def _recent(found: re.Match, words: Words) -> str:
    return f"You had {_what(found, words)}{when_words(found, words)}."


def _limited(found: re.Match, words: Words) -> str:
    when = f"{limit(found.group('limit'))} {found.group('n')} {found.group('unit')}"
    return f"You had {_what(found, words)} {when}{words_after(words, found.group('before'))}."


TEMPLATES = [
    Template("recent treatment", compile_full(rf"{_LEAD}{_PRIOR}{_TREATMENTS}{_AFTER}\s+{WHEN}"), _recent),
    Template("recent treatment", compile_full(rf"{_LEAD}{_PRIOR}{_TREATMENTS}{_AFTER}{_LIMITED}"), _limited),
]
