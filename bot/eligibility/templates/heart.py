"""The heart and blood vessels: "Myocardial infarction within 6 months", "NYHA class III or IV heart failure"."""

from __future__ import annotations

import re

from bot.eligibility.templates import Template, Words
from bot.eligibility.templates.parts import WHEN, WHO, compile_full, when_words

_EVENT = (
    r"(?:(?:acute\s+)?myocardial\s+infarction(?:\s*\(MI\))?|MI|heart\s+attack|(?:ha?emorrhagic\s+|ischa?emic\s+)?stroke"
    r"|cerebrovascular\s+accident(?:\s*\(CVA\))?|CVA|transient\s+isch(?:a)?emic\s+attacks?(?:\s*\(TIA\))?|TIA"
    r"|unstable\s+angina(?:\s+pectoris)?|(?:coronary|cardiac)\s+(?:artery\s+)?bypass\s+(?:graft(?:ing)?|surgery)(?:\s*\(CABG\))?"
    r"|(?:deep\s+vein\s+thrombosis|pulmonary\s+embolism)(?:\s*\((?:DVT|PE)\))?)"
)
_EVENTS = rf"(?P<events>{_EVENT}(?:\s*(?:,\s*(?:or\s+|and\s+)?|\s+(?:or|and|and/or)\s+|/)\s*{_EVENT})*)"
_COUNTABLE = re.compile(r"^(?:heart attack|stroke|mini-stroke|blood clot)\b", re.I)


def _recent_event(found: re.Match, words: Words) -> str:
    events = words(found.group("events"))
    events = events if events[1:2].isupper() else events[:1].lower() + events[1:]
    article = "a " if _COUNTABLE.match(events) else ""
    return f"You have had {article}{events}{when_words(found, words)}."


_CLASS = (
    r"(?P<cls>(?:>|≥|>=|greater\s+than|more\s+than)?\s*(?:I{1,3}V?|IV|[1-4])"
    r"(?:\s*(?:-|–|to|or|/|,)\s*(?:I{1,3}V?|IV|[1-4]))*(?:\s+or\s+(?:greater|higher|above|worse))?)"
)
_NYHA = (
    r"(?:the\s+)?(?:New\s+York\s+Heart\s+Association(?:\s*\(NYHA\))?|NYHA)(?:\s+functional)?"
    r"(?:\s+(?:class(?:ification)?|grade))?"
)
_FAILURE = r"(?P<severe>symptomatic\s+|severe\s+)?(?:congestive\s+)?(?:heart|cardiac)\s+(?:failure|insufficiency)(?:\s*\(CHF\))?"

_WHO_HAS = rf"(?:{WHO}?(?:with\s+)?)?(?:(?:history\s+of|known)\s+)?"


def _heart_failure(found: re.Match, words: Words) -> str:
    cls = words(found.group("cls").strip())
    severe = (found.group("severe") or "").strip().lower()
    kind = {"symptomatic": "heart failure that causes symptoms", "severe": "severe heart failure"}.get(
        severe, "heart failure"
    )
    return (
        f"You have {kind} of NYHA class {cls}. The NYHA class is a score of how much heart failure limits "
        "what you can do; a higher class is worse."
    )


TEMPLATES = [
    Template(
        "recent heart attack or stroke",
        compile_full(
            rf"(?:{WHO}?(?:with\s+)?)?(?:(?:a\s+)?(?:history\s+of|prior|previous|recent)\s+)?{_EVENTS}\s+{WHEN}"
        ),
        _recent_event,
    ),
    Template(
        "heart failure (NYHA class)",
        compile_full(  # "heart failure (NYHA class III or IV)"
            rf"{_WHO_HAS}{_FAILURE}\s*(?:,|of|\()?\s*(?:as\s+defined\s+by\s+)?{_NYHA}\s*{_CLASS}\)?"
        ),
        _heart_failure,
    ),
    Template(
        "heart failure (NYHA class)",
        compile_full(  # "NYHA class III or IV heart failure"
            rf"{_WHO_HAS}{_NYHA}\s*{_CLASS}\s+{_FAILURE}"
        ),
        _heart_failure,
    ),
]
