"""A trial asked for by what it does with the tumour rather than by a treatment's name: "a study where
they just keep an eye on it", "is there a study that just watches ones like mine", "a trial comparing
watching with surgery". Each asks for watch and wait."""

from __future__ import annotations

import re

from bot.profile.pointed_back import TRIAL_REQUEST
from bot.profile.treatment_roles import QUESTION

_WATCHING = re.compile(
    r"\b(?:just|only|simply|merely)\s+(?:be\s+|being\s+|is\s+|are\s+|gets?\s+)?(?:watch\w*|monitor\w*|observ\w*|follow(?:ed|s)?"
    r"|kept\s+an\s+eye|keeps?\s+an\s+eye|keeping\s+an\s+eye|scan\w*\s+(?:it|them)|check\w*\s+on\s+(?:it|them))\b"
    r"|\bkeep(?:s|ing)?\s+an\s+eye\s+on\s+(?:it|them|the|small|tumou?rs?)\b"
    r"|\b(?:watch(?:es|ing)?|monitor(?:s|ing)?|observ(?:es|ing))\s+(?:it|them|ones?|small\s+ones|the\s+(?:tumou?r|growth|lump|spot|nodule)s?"
    r"|(?:small\s+)?tumou?rs?)\b(?!\s+(?:grow|spread|closely\s+for))"
    r"|\b(?:comparing|compare|compares|versus|vs)\s+(?:\w+\s+){0,2}?watching\b|\bwatching\s+(?:instead|rather|versus|vs|with|or|and\s+waiting)\b"
)
# "they've been watching it for two years": a story of watching, not a trial of it; "a study for people
# who are just being watched": a trial for those being watched, whatever it tests
_TOLD_AS_HAD = re.compile(
    r"\b(?:have|has|ve|s|been|were|was|are|is)\s+(?:been\s+)?(?:just\s+)?(?:watching|monitoring|observing)\b"
    r"|\b(?:people|patients|those|someone|anyone|ones|men|women)\s+(?:who|that)\s+(?:are|is|re|get)\s+(?:\w+\s+)?(?:being\s+)?"
    r"(?:watched|monitored|observed|followed)\b"
)


# "is there anything just observational?": a study that only watches, asked for
_OBSERVATIONAL = re.compile(
    r"\b(?:just|only|purely|simply)\s+observational\b"
)  # (an "observational study" may be a registry)


def watching_asked(plain: str) -> bool:
    """Whether the sentence asks for a trial that watches the tumour (normalised text)."""
    if _OBSERVATIONAL.search(plain) and QUESTION.search(plain):
        return True
    return bool(
        TRIAL_REQUEST.search(plain)
        and QUESTION.search(plain)
        and _WATCHING.search(plain)
        and not _TOLD_AS_HAD.search(plain)
    )
