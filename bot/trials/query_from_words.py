"""Turn the words a person used (entity values from the chat) into a TrialQuery."""

from __future__ import annotations

import re
from typing import Mapping, Optional

from bot.trials.query import AgeGroup, StatusFilter, TrialQuery, default_status

_ROMAN = {"i": 1, "ii": 2, "iii": 3, "iv": 4, "one": 1, "two": 2, "three": 3, "four": 4}
_CLOSED_WORDS = {"closed", "finished", "completed", "ended", "old", "past"}
_ALL_WORDS = {"all", "any", "every"}


def phase_number(text: Optional[str]) -> Optional[int]:
    """ "phase 3", "Phase III", "phase-two", "phase3" -> 3; None if no phase is named."""
    if not text:
        return None
    match = re.search(r"phase[\s\-_]*([1-4]|iv|i{1,3}|one|two|three|four)\b", text.lower())
    if not match:
        return None
    value = match.group(1)
    return int(value) if value.isdigit() else _ROMAN[value]


def status_filter(text: Optional[str]) -> StatusFilter:
    words = set(re.findall(r"[a-z]+", (text or "").lower()))
    if words & _ALL_WORDS:
        return "all"
    if words & _CLOSED_WORDS:
        return "closed"
    return "open"


def query_from_entities(values: Mapping[str, Optional[str]], limit: int = 5, offset: int = 0) -> TrialQuery:
    """values: entity or slot name -> the text the person typed (treatment, condition, country,
    city, phase, status) or a name found in the database (acronym, sponsor, site_name), and
    an age group; absent or empty ones are not used. A trial named by its acronym is shown
    whatever its status unless a status is asked for."""

    def get(name: str) -> Optional[str]:
        value = values.get(name)
        return str(value).strip() or None if value is not None else None

    acronym = get("acronym")
    return TrialQuery(
        treatment=get("treatment"),
        condition=get("condition"),
        country=get("country"),
        city=get("city"),
        phase=phase_number(get("phase")),
        status=status_filter(get("status")) if get("status") else default_status(acronym),
        acronym=acronym,
        sponsor=get("sponsor"),
        site=get("site_name"),
        age_group=AGE_GROUP_NAMES.get(get("age_group") or ""),
        limit=limit,
        offset=offset,
    )


# The profile's age groups (bot/profile/model.py AGE_GROUPS) -> the search's.
AGE_GROUP_NAMES: dict[str, AgeGroup] = {
    "child": "child",
    "teen": "teen",
    "adult": "adult",
    "older adult": "older_adult",
}


_BACK_REFERENCE = re.compile(r"\b(it|its|this|that|these|those|them|the same|this drug|that drug)\b", re.I)


def refers_back(text: Optional[str]) -> bool:
    """True for follow-ups like "are there trials of it?" that mean the treatment in focus."""
    return bool(_BACK_REFERENCE.search(text or ""))
