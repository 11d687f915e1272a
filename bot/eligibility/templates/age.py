"""Age: "Age ≥ 18 years", "18 years of age or older", "Aged 18 to 75", "Male or female, aged ≥ 18"."""

from __future__ import annotations

import re

from bot.eligibility.templates import Template, Words
from bot.eligibility.templates.parts import LIMIT_WORDS, NUMBER, compile_full, limit, words_after

_SEXES = r"(?:male|men|man)s?\s+(?:or|and|and/or)\s+(?:female|women|woman)s?|(?:female|women|woman)s?\s+(?:or|and|and/or)\s+(?:male|men|man)s?"
_ONE_SEX = r"(?P<one_sex>males?|men|man|females?|women|woman)"
_PEOPLE = r"(?:\s+(?:patients?|subjects?|participants?|adults?|volunteers?|individuals?|outpatients?))"
_SEX = rf"(?:(?:(?P<sex>{_SEXES})|{_ONE_SEX}){_PEOPLE}?\s*[,;]?\s*(?:who\s+(?:are|is)\s+)?)?"
# "Male or female", "Men", "Female patients" at the start: the sex words must be there
_SEX_NAMED = rf"(?:(?P<sex>{_SEXES})|{_ONE_SEX}){_PEOPLE}?\s*[,;]?\s*(?:who\s+(?:are|is)\s+)?"
_WHO = (
    r"(?:(?:the\s+)?(?:adult\s+)?(?:patients?|subjects?|participants?|adults?)(?:'s)?\s+(?:must\s+be\s+|are\s+|is\s+|who\s+(?:are|is)\s+)?"
    r"|(?:must\s+)?be\s+)?"
)
_YEARS = r"(?:years?|yrs?)"
_OLD = r"(?:\s+(?:of\s+age|old))"
_AT = (
    r"(?P<at>\s+(?P<at_words>at\s+(?:the\s+)?(?:time\s+of\s+)?|on\s+the\s+day\s+of\s+)(?P<event>(?:the\s+)?(?:screening(?:\s+visit)?|(?:study\s+)?enrol(?:l)?ment|consent|"
    r"signing\s+(?:the\s+)?(?:informed\s+)?consent(?:\s+form)?|study\s+entry|(?:study\s+)?registration|inclusion|randomi[sz]ation)))?"
)
_AGE = r"(?:age|aged|ages)(?:\s*(?::|=(?![<>])|of|is))?\s*"


def _who(found: re.Match) -> str:
    if found.group("sex"):
        return "You are a man or a woman aged"
    one = (found.groupdict().get("one_sex") or "").lower()
    if one:
        return "You are a woman aged" if one.startswith(("f", "w")) else "You are a man aged"
    return "You are aged"


def _at(found: re.Match, words: Words) -> str:
    """ " at the time of joining the study": the registry's "at the time of", the event in plain words."""
    if not found.group("at"):
        return ""
    at = " ".join(found.group("at_words").lower().split())
    return f" {at}{words_after(words, found.group('event'))}"


def _one_limit(found: re.Match, words: Words) -> str:
    return f"{_who(found)} {limit(found.group('limit'))} {found.group('n')} years{_at(found, words)}."


def _two_limits(found: re.Match, words: Words) -> str:
    low, high = limit(found.group("limit")), limit(found.group("limit2"))
    return f"{_who(found)} {low} {found.group('n')} and {high} {found.group('n2')} years{_at(found, words)}."


def _range(found: re.Match, words: Words) -> str:
    joined = "between {} and {}" if found.group("between") else "{} to {}"
    inclusive = ", both ages included" if found.group("inclusive") else ""
    return f"{_who(found)} {joined.format(found.group('n'), found.group('n2'))} years{inclusive}{_at(found, words)}."


TEMPLATES = [
    Template(
        "age",
        compile_full(  # "Men and women, ≥ 18 years", "Male or female; ≥ 20 years": the sex words named, "old" not needed
            rf"{_SEX_NAMED}(?:{_AGE})?(?P<limit>{LIMIT_WORDS})\s*(?P<n>{NUMBER})\s*{_YEARS}{_OLD}?{_AT}"
        ),
        _one_limit,
    ),
    Template(
        "age",
        compile_full(  # "Male or female 18-70 years of age", "Male, 25-85 years old", "Is 18-75 years of age at Screening"
            rf"{_SEX}{_WHO}(?:is\s+|are\s+)?(?P<between>between\s+)?(?P<n>{NUMBER})\s*{_YEARS}?\s*(?:-|–|to|and|through)\s*"
            rf"(?P<n2>{NUMBER})\s*{_YEARS}{_OLD}(?P<inclusive>,?\s*\(?inclusive\)?)?{_AT}"
        ),
        _range,
    ),
    Template(
        "age",
        compile_full(  # "Age ≥ 18 years", "Aged at least 18 years of age"
            rf"{_SEX}{_WHO}{_AGE}(?P<limit>{LIMIT_WORDS})\s*(?P<n>{NUMBER})\s*{_YEARS}?{_OLD}?{_AT}"
        ),
        _one_limit,
    ),
    Template(
        "age",
        compile_full(  # "≥ 18 years of age", "at least 18 years old"
            rf"{_SEX}{_WHO}(?P<limit>{LIMIT_WORDS})\s*(?P<n>{NUMBER})\s*{_YEARS}{_OLD}{_AT}"
        ),
        _one_limit,
    ),
    Template(
        "age",
        compile_full(  # "18 years of age or older", "Age 18 or over"
            rf"{_SEX}{_WHO}(?:{_AGE})?(?P<n>{NUMBER})\s*{_YEARS}?{_OLD}?\s+(?P<limit>(?:or|and)\s+(?:older|over|above)){_AT}"
        ),
        _one_limit,
    ),
    Template(
        "age",
        compile_full(  # "Age > 18 and < 75 years"
            rf"{_SEX}{_WHO}{_AGE}(?P<limit>{LIMIT_WORDS})\s*(?P<n>{NUMBER})\s*{_YEARS}?\s*(?:and|,)\s*(?P<limit2>{LIMIT_WORDS})\s*"
            rf"(?P<n2>{NUMBER})\s*{_YEARS}{_OLD}?{_AT}"
        ),
        _two_limits,
    ),
    Template(
        "age",
        compile_full(  # "Age 18-75 years", "Aged between 18 and 65 years, inclusive"
            rf"{_SEX}{_WHO}(?:{_AGE}(?:from\s+)?|(?=between))(?P<between>between\s+)?(?P<n>{NUMBER})\s*{_YEARS}?\s*(?:-|–|to|and|through)\s*"
            rf"(?P<n2>{NUMBER})\s*{_YEARS}{_OLD}?(?P<inclusive>,?\s*\(?inclusive\)?)?{_AT}"
        ),
        _range,
    ),
    Template(
        "age",
        compile_full(  # "Age 18-60", "Aged between 40-50": an age range needs no unit
            rf"{_SEX}{_WHO}{_AGE}(?:from\s+)?(?P<between>between\s+)?(?P<n>{NUMBER})\s*(?:-|–|to|and)\s*(?P<n2>{NUMBER})"
            rf"(?P<inclusive>,?\s*\(?inclusive\)?)?{_AT}"
        ),
        _range,
    ),
]
