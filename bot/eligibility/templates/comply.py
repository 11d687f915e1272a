"""Following the study's plan: "Willing and able to comply with study procedures", "Able to attend all study visits"."""

from __future__ import annotations

import re

from bot.eligibility.templates import Template, Words
from bot.eligibility.templates.parts import WHO, compile_full, registry_slot, with_notes

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


# Anything else a person must be willing or able to do, in the registry's words after "to": "Able to swallow
# tablets", "Unwilling or unable to have a central line". Tried after every other template, so that consent,
# birth control and the study plan keep their own sentences.
_TO_DO = (
    r"(?P<what>(?!.*\b(?:unless|except|if|other\s+than|because|due|whether|willing\w*|unwilling\w*|abl[ey]|abilit\w*|unable|inabilit\w*)\b)"
    r"(?!(?:be|have\s+been)\b)"
    r"[a-z][^;:()\[\]]{2,110})"
)
_ABLE = r"(?P<how>willing(?:ness)?\s+(?:and|&)\s+(?:able|ability)|able\s+(?:and|&)\s+willing|ability\s+and\s+willingness|willing(?:ness)?|able|ability)"
_UNABLE = (
    r"(?P<how>unwilling(?:ness)?\s*(?:or|and/or|/)\s*(?:unable|inability)|(?:unable|inability)\s*(?:or|and/or|/)\s*unwilling(?:ness)?"
    r"|unwilling(?:ness)?|unable|inability)"
)


def _able_to(found: re.Match, words: Words) -> str:
    return _willing_or_able(found, negative=False)


def _unable_to(found: re.Match, words: Words) -> str:
    return _willing_or_able(found, negative=True)


def _willing_or_able(found: re.Match, negative: bool) -> str:
    """ "Willing and able to swallow tablets" / "Unwilling or unable to ..." as a sentence about "you"."""
    how = found.group("how").lower()
    willing = "willing" in how
    able = ("unable" in how or "inability" in how) if negative else ("abl" in how or "abil" in how)
    both, one = ("not willing or not able", "not ") if negative else ("willing and able", "")
    state = both if willing and able else f"{one}willing" if willing else f"{one}able"
    what, notes = registry_slot(found.group("what"))
    return with_notes(f"You are {state} to {_first_lower(what)}", notes)


def _first_lower(text: str) -> str:
    return text if text[1:2].isupper() else text[:1].lower() + text[1:]


GENERAL = [
    Template("willing or able to do something", compile_full(rf"{_WHO_IS}{_ABLE}\s+to\s+{_TO_DO}"), _able_to),
    Template(
        "willing or able to do something",
        compile_full(rf"{WHO}?(?:(?:is|are|who\s+(?:is|are))\s+)?{_UNABLE}\s+to\s+{_TO_DO}"),
        _unable_to,
    ),
]
