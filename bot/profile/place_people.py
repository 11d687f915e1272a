"""Whose place a place is: the patient's, or someone else's the writer mentions ("our daughter is a
nurse in Spokane", "our kids are in Australia", "I'm in Seattle" when writing about a sister in
Vancouver). Only the patient's place is where trials should be near."""

from __future__ import annotations

import re
from functools import lru_cache
from typing import Optional

from bot.profile.person import RELATIVES, read_person

RELATIVE_WORDS = "|".join(re.escape(w) for w in sorted(RELATIVES, key=len, reverse=True))
# "our son is in", "my daughter works as a nurse in": a relative named as the subject, a few words before the place
_RELATIVE_BEFORE = re.compile(rf"\b(?:my|our|his|her|their)\s+({RELATIVE_WORDS})(?:s|ren)?\b((?:\s+\S+){{0,6}})$")
# words that bring the patient or the writer back in between: "our son says we should try Leeds"
_BACK_TO_US = frozenset("we i us me im our he she him his her they them".split())
_PLACE_VERB = re.compile(r"^\s+(?:is|are|s|re|lives?|living|works?|working|based|\w+\s+(?:in|near))\b")


def someone_elses(before: str, text: str) -> bool:
    """The place (whose preceding words, normalised, are `before`) is said of a relative who is not the
    patient: "our daughter is a nurse in Spokane" in a message about a husband."""
    found = _RELATIVE_BEFORE.search(before)
    if not found or not _PLACE_VERB.match(found.group(2)) or _BACK_TO_US & set(found.group(2).split()):
        return False
    relation = RELATIVES.get(found.group(1), RELATIVES.get(found.group(1).rstrip("s"), (None, None)))[0]
    patient = _patient(text)
    return relation is not None and patient is not None and relation != patient


def patient_is_someone_else(text: str) -> bool:
    return _patient(text) not in (None, "self")


@lru_cache(maxsize=16)
def _patient(text: str) -> Optional[str]:
    return read_person(text).about  # read once per message
