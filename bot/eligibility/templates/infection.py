"""Infections: "Known HIV infection", "Active hepatitis B or C", "Active infection requiring antibiotics"."""
from __future__ import annotations

import re

from bot.eligibility.templates import Template, Words
from bot.eligibility.templates.parts import WHEN, WHO, compile_full, when_words

_VIRUS = (r"(?:HIV(?:-?[12])?|human\s+immunodeficiency\s+virus(?:\s*\(HIV\))?|hepatitis\s+[BC](?:\s+virus)?(?:\s*\(H[BC]V\))?"
          r"|HBV|HCV|[BC])")  # "hepatitis B or C": the bare letter only after a hepatitis
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
TEMPLATES = [
    Template("virus infection", compile_full(
        rf"(?:{WHO}?(?:with\s+)?)?{_KNOWN}(?:(?P<state>active|chronic|acute|current)\s+)?(?:infection\s+with\s+)?"
        rf"(?=(?:HIV|human|hepatitis|HBV|HCV)){_VIRUSES}(?:\s+infections?)?"), _viruses),
    Template("active infection", compile_full(
        rf"(?:{WHO}?(?:with\s+)?)?(?:(?:current|ongoing|any)\s+)?"
        r"(?P<what>(?:active|serious|severe|uncontrolled)(?:\s+(?:systemic|bacterial|viral|fungal))?\s+infections?)"
        rf"{_NEEDS}(?:\s+{WHEN})?"), _active),
]
