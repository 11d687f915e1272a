"""A treatment name put right in a later message: "sorry not everolimus, sunitinib", "I meant
sunitinib, not everolimus". The treatment had keeps what was said of it under its right name.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Optional

from bot.lexicon import Lexicon
from bot.profile.treatment_names import name_spans
from bot.text import normalize

_SAYS_SORRY = re.compile(
    r"^(?:sorry|soz|oops|whoops|correction|my (?:mistake|bad)|i meant|i mean|meant|actually|no|not)\b"
)
_NOT = re.compile(r"\b(?:not|no)\s*$")


@dataclass(frozen=True)
class NameCorrection:
    wrong: str
    right: str


def name_corrected(text: str, lexicon: Lexicon) -> Optional[NameCorrection]:
    """The two treatment ids of a message that puts a name right, wrong one first; None otherwise."""
    plain = normalize(text or "")
    if not _SAYS_SORRY.match(plain):
        return None
    words = plain.split()
    spans = name_spans(words, lexicon)
    if len(spans) != 2 or spans[0][2] == spans[1][2]:
        return None
    denied = [bool(_NOT.search(" ".join(words[max(0, start - 2) : start]))) for start, _, _ in spans]
    if denied == [True, False]:
        return NameCorrection(wrong=spans[0][2], right=spans[1][2])
    if denied == [False, True]:
        return NameCorrection(wrong=spans[1][2], right=spans[0][2])
    return None
