"""Infections: "Known HIV infection", "Active hepatitis B or C", "Active infection requiring antibiotics"."""

from __future__ import annotations

import re

from bot.eligibility.templates import Template, Words
from bot.eligibility.templates.parts import WHEN, WHO, compile_full, when_words

_VIRUS = (
    r"(?:HIV(?:-?[12])?|human\s+immunodeficiency\s+virus(?:\s*\(HIV\))?|hepatitis\s+[BC](?:\s+virus)?(?:\s*\(H[BC]V\))?"
    r"|HBV|HCV|[BC])"
)  # "hepatitis B or C": the bare letter only after a hepatitis
_VIRUSES = rf"(?P<viruses>{_VIRUS}(?:\s*(?:,\s*(?:or\s+|and\s+)?|\s+(?:or|and|and/or)\s+|/)\s*{_VIRUS})*)"
_STATE = {"active": "active", "chronic": "long-term", "acute": "sudden (acute)", "current": "current"}
_KNOWN = r"(?:(?P<known>known|documented|diagnosed)\s+)?"


def _viruses(found: re.Match, words: Words) -> str:
    names = words(found.group("viruses"))
    state = found.group("state")
    kind = f"{_STATE[state.lower()]} " if state else ""
    article = "a known " if found.group("known") else "an " if (kind or "infection")[0] in "aeiou" else "a "
    return f"You have {article}{kind}infection with {names}."


def _active(found: re.Match, words: Words) -> str:
    what = " ".join(found.group("what").lower().split())
    plural = what.endswith("s")
    needing = f" that {'need' if plural else 'needs'} {words(found.group('needs'))}" if found.group("needs") else ""
    when = when_words(found, words) if found.group("within") else ""
    return f"You have {'' if plural else 'an ' if what[0] in 'aeiou' else 'a '}{what}{needing}{when}."


_NEEDS = r"(?:\s+(?:requiring|that\s+requires?|which\s+requires?|needing)\s+(?P<needs>[a-z][a-z\- ]{2,60}?))?"


def _tested_positive(found: re.Match, words: Words) -> str:
    names = words(found.group("viruses"))
    if found.group().lower().endswith("infected"):  # "HIV infected": has the infection
        return f"You have {'a known' if found.group('known') else 'an'} infection with {names}."
    return f"You {'are known to have' if found.group('known') else 'have'} tested positive for {names}."


# "Has", "Known history of", "Diagnosis of": the registry's ways into a virus infection
# (a "history of" one is the history template's: the past, not only now)
_INTO = rf"(?:{WHO}?(?:with\s+|has\s+|have\s+)?)?{_KNOWN}(?:(?:a\s+)?diagnosis\s+of\s+)?"
_POSITIVE = r"(?:\s*-?\s*(?:positive|positivity|seropositive|seropositivity|infected))"
TEMPLATES = [
    Template(
        "virus infection",
        compile_full(
            rf"{_INTO}(?:(?P<state>active|chronic|acute|current)\s+)?(?:infection\s+with\s+)?"
            rf"(?=(?:HIV|human|hepatitis|HBV|HCV)){_VIRUSES}(?:\s+infections?)?"
        ),
        _viruses,
    ),
    Template(
        "virus infection",
        compile_full(rf"{_INTO}(?=(?:HIV|human|hepatitis|HBV|HCV)){_VIRUSES}{_POSITIVE}(?:\s+status)?"),
        _tested_positive,
    ),
    Template(
        "virus infection",
        compile_full(
            rf"(?:{WHO}?(?:with\s+|has\s+|have\s+)?)?{_KNOWN}(?:an?\s+)?positive\s+(?:test|result|test\s+result)\s+for\s+(?:the\s+)?"
            rf"(?=(?:HIV|human|hepatitis|HBV|HCV)){_VIRUSES}(?:\s+(?:antibod(?:y|ies)|infection))?"
        ),
        _tested_positive,
    ),
    Template(
        "active infection",
        compile_full(
            rf"(?:{WHO}?(?:with\s+)?)?(?:(?:current|ongoing|any)\s+)?"
            r"(?P<what>(?:active|serious|severe|uncontrolled)(?:\s+(?:systemic|bacterial|viral|fungal))?\s+infections?)"
            rf"{_NEEDS}(?:\s+{WHEN})?"
        ),
        _active,
    ),
]
