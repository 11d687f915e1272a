"""Treatment mentions that make one course, or that a later "one" points back to.

"capecitabeen and temozolomide, 6 rounds" is one course (CAPTEM), even when a name is misspelt so
the lexicon's own phrase does not match; "Doctors say no more operation, he had one in 2019" had
the operation it points back to.
"""

from __future__ import annotations

import re
from dataclasses import replace
from typing import Iterable

from bot.lexicon import Lexicon
from bot.profile.treatment_roles import Mention

# Treatments someone has "one" of: an operation, a liver procedure, a course of radiotherapy.
_COUNTED_GROUPS = {"surgery", "liver_treatment", "radiotherapy"}
_HAD_ONE = re.compile(
    r"\b(?:had|has had|have had|having had|already had|did have)\s+(?:one|one done|it done)\b"
    r"(?=\s+(?:in|back in|last|years?|\d|before|already|previously|ago|a few|a couple|when|at)\b|\s*$)"
)
_TAG = "treatment:"


def combined(mentions: Iterable[Mention], lexicon: Lexicon) -> list[Mention]:
    """Two names joined by "and", "+", "with" that the lexicon knows as one combination, as that one."""
    result: list[Mention] = []
    for mention in mentions:
        previous = result[-1] if result else None
        together = _combination(previous.id, mention.id, lexicon) if previous is not None and mention.joined else None
        if together and previous is not None and previous.role == mention.role:
            result[-1] = replace(previous, id=together, outcome=mention.outcome or previous.outcome)
        else:
            result.append(mention)
    return result


def _combination(first: str, second: str, lexicon: Lexicon) -> str | None:
    tags = lexicon.resolve("treatment", f"{first} and {second}")
    return tags[0][len(_TAG) :] if len(tags) == 1 and tags[0].startswith(_TAG) else None


def had_one_of(plain: str, named: Iterable[Mention], lexicon: Lexicon) -> list[Mention]:
    """ "no more operation, he had one in 2019": the operation named just before, had."""
    if not _HAD_ONE.search(plain):
        return []
    counted = [m for m in named if m.role != "had" and _group(m.id, lexicon) in _COUNTED_GROUPS]
    return [replace(counted[-1], role="had", outcome=None, joined=False)] if counted else []


def _group(concept_id: str, lexicon: Lexicon) -> str | None:
    concept = lexicon.concepts.get(f"{_TAG}{concept_id}")
    return concept.group if concept else None
