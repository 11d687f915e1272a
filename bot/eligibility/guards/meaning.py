"""The meaning guard: what a rewrite must keep of the original criterion.

Every number, unit, limit ("at least", "less than"...), negation, exception ("except",
"unless", "only", "other than") and age word of the original must still be in the rewrite,
at least as many times; the sex words must be the same ones (adding "men" narrows or widens
who the criterion is about as surely as dropping it). Words may be added (an explanation may
say "not"), never lost.
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass
from functools import lru_cache

from bot.eligibility.limits import limits_in
from bot.eligibility.numbers import added_numbers, missing_numbers

# Phrases whose "not" is no negation: "including but not limited to" only gives examples.
_NOT_NEGATION = re.compile(r"\b(?:but\s+)?not\s+(?:be\s+)?limited\s+to\b|\bnot\s+only\b|\bif\s+not\b", re.I)
_NOT_INCLUDING = re.compile(r"\bnot\s+including\b", re.I)  # an exception: "except" says the same
_LIMIT_NEGATION = re.compile(
    r"\bno[t]?\s+(?:less|more|greater|higher|lower|fewer)\s+than\b|\bnot\s+(?:exceeding|to\s+exceed)\b", re.I
)
# word classes: each of the original's must survive in the rewrite
_CLASSES: dict[str, re.Pattern] = {
    "negation": re.compile(
        r"\b(?:no|not|without|never|none|nor|neither|cannot|unable|inability|unwilling|incapable)\b|n't\b", re.I
    ),
    "exception": re.compile(
        r"\b(?:except|excepting|excluding|other\s+than|apart\s+from|aside\s+from|with\s+the\s+exception\s+of)\b", re.I
    ),
    "unless": re.compile(r"\bunless\b", re.I),
    "only": re.compile(r"\bonly\b", re.I),
    "age": re.compile(
        r"\b(?:age|aged|ages|years?\s+old|adults?|child(?:ren)?(?![- ]?bearing)|paediatric|pediatric|minors?|elderly)\b",
        re.I,
    ),
}
_MALE = re.compile(r"\b(?:male|males|man|men|boys?)\b", re.I)
_FEMALE = re.compile(r"\b(?:female|females|woman|women|girls?)\b", re.I)
_ACRONYM_MEN = re.compile(r"\bMEN\b")  # multiple endocrine neoplasia, not men
_UNIT = re.compile(
    r"(?<=[0-9])\s*(?:[x×]\s*10\^?[0-9]+\s*)?"
    r"(%|(?:(?!and/|or/)[a-zµμ]{1,6}(?:/[a-zµμ0-9^³².]{1,6})+|msec|ms|mmhg|kg|mg|ml|cm|mm|gy|iu|years?|yrs?|months?|mos?|weeks?|wks?|days?"
    r"|hours?|hrs?|minutes?|min)\b)",
    re.I,
)
_UNIT_NAMES = {
    "yr": "year",
    "yrs": "year",
    "years": "year",
    "mo": "month",
    "mos": "month",
    "months": "month",
    "wk": "week",
    "wks": "week",
    "weeks": "week",
    "days": "day",
    "hr": "hour",
    "hrs": "hour",
    "hours": "hour",
    "minutes": "min",
    "minute": "min",
    "msec": "ms",
}
_NORMAL_LIMITS = {
    "the upper limit of normal": re.compile(
        r"\b(?:I?ULN|UNL|ULRR|ULoN|upper\s+limits?\s+of\s+(?:the\s+)?normal|upper\s+normal\s+limit|upper\s+limit\s+normal"
        r"|normal\s+upper\s+limit|top\s+of\s+the\s+normal\s+range)\b",
        re.I,
    ),
    "the lower limit of normal": re.compile(
        r"\b(?:LLN|lower\s+limits?\s+of\s+(?:the\s+)?normal|bottom\s+of\s+the\s+normal\s+range)\b", re.I
    ),
}


def meaning_problems(original: str, rewrite: str) -> list[str]:
    """What the rewrite lost (or changed) of the original's meaning; empty when nothing."""
    before, after = _meaning(original), _meaning(rewrite)
    problems = [f"number {n} lost" for n in missing_numbers(original, rewrite)]
    problems += [f"number {n} added" for n in added_numbers(original, rewrite)]
    problems += [f"{kind} lost" for kind in _lost(before.words, after.words)]
    problems += [f"limit '{kind}' lost" for kind in _lost(before.limits, after.limits)]
    problems += [f"unit {unit} lost" for unit in _lost(before.units, after.units)]
    if before.sexes != after.sexes:
        problems.append(f"sex words changed: {sorted(before.sexes)} -> {sorted(after.sexes)}")
    return problems


@dataclass(frozen=True)
class _Meaning:
    words: Counter
    limits: Counter
    units: Counter
    sexes: frozenset[str]


@lru_cache(maxsize=1 << 17)  # an original is checked against its template and its rule rewrite
def _meaning(text: str) -> _Meaning:
    return _Meaning(words(text), limits_in(text), units(text), frozenset(sexes(text)))


def words(text: str) -> Counter:
    """How many negation, exception, "unless", "only" and age words `text` has."""
    text = _NOT_INCLUDING.sub("except", _LIMIT_NEGATION.sub(" ", _NOT_NEGATION.sub(" ", text)))
    return Counter({name: len(found) for name, pattern in _CLASSES.items() if (found := pattern.findall(text))})


def sexes(text: str) -> set[str]:
    text = _ACRONYM_MEN.sub(" ", text)
    return {name for name, pattern in (("male", _MALE), ("female", _FEMALE)) if pattern.search(text)}


def units(text: str) -> Counter:
    """The units written after numbers ("mg/dL", "weeks"), and whether a normal limit (ULN) is named."""
    found = Counter(_UNIT_NAMES.get(m.group(1).lower(), m.group(1).lower()) for m in _UNIT.finditer(text))
    found.update(name for name, pattern in _NORMAL_LIMITS.items() if pattern.search(text))
    return found


def _lost(before: Counter, after: Counter) -> list[str]:
    return sorted((before - after).elements())
