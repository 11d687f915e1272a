"""Exclusions that hold only together with something listed after them: "Bone metastases and one
of the following:" (pain, a risk of fracture ...). Having what the lead-in names is not enough to
be ruled out, so it is for the team, never a clear "does not match"; not having it leaves the
exclusion behind. (Among the inclusions the lead-in's own ask still counts as said.) A treatment
named in a lead-in that ends "for:" or "if:" is for the team in either section.
"""

from __future__ import annotations

import re
from dataclasses import replace
from typing import Iterable

from bot.eligibility.logic import Reading

_AND_ONE_OF = re.compile(
    r"\b(?:and|with|plus)\s+(?:at\s+least\s+)?(?:one|any|1|two|2)\s+(?:or\s+more\s+)?of\s+the\s+following\b[^:]*:\s*$",
    re.I,
)


# "Patients treated with a targeted therapy ... for:", "... is not allowed if:": the treatment counts only with what the
# lines after it say (why, when), so it is for the team either way
_TREATMENT_ON_CONDITION = re.compile(r"\b(?:for|if|when|provided(?:\s+that)?)\s*:\s*\**\s*$", re.I)


def with_conditions(readings: Iterable[Reading]) -> list[Reading]:
    return [_on_conditions(r) for r in readings]


def _on_conditions(reading: Reading) -> Reading:
    if reading.section == "exclusion" and _AND_ONE_OF.search(reading.text):
        return replace(reading, facts=tuple(replace(f, needs_more=True) for f in reading.facts))
    if _TREATMENT_ON_CONDITION.search(reading.text):
        return replace(
            reading,
            facts=tuple(replace(f, needs_more=True) if f.field == "treatments" else f for f in reading.facts),
        )
    return reading
