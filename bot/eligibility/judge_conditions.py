"""Exclusions that hold only together with something listed after them: "Bone metastases and one
of the following:" (pain, a risk of fracture ...). Having what the lead-in names is not enough to
be ruled out, so it is for the team, never a clear "does not match"; not having it leaves the
exclusion behind. (Among the inclusions the lead-in's own ask still counts as said.)
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


def with_conditions(readings: Iterable[Reading]) -> list[Reading]:
    return [
        replace(r, facts=tuple(replace(f, needs_more=True) for f in r.facts))
        if r.section == "exclusion" and _AND_ONE_OF.search(r.text)
        else r
        for r in readings
    ]
