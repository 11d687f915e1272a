"""Which result a person means: "the second one", "number 3", "the 2nd trial", "the last one".

Positions are 1-based; LAST stands for "the last one". A whole message that is just a small
number ("2") counts too, as the answer to "Which trial do you mean?".
"""

from __future__ import annotations

import re
from typing import Optional, Sequence

LAST = -1
MAX_POSITION = 50

_ORDINAL_WORDS = {
    "first": 1,
    "second": 2,
    "third": 3,
    "fourth": 4,
    "fifth": 5,
    "sixth": 6,
    "seventh": 7,
    "eighth": 8,
    "ninth": 9,
    "tenth": 10,
}
_NUMBER_WORDS = {
    "one": 1,
    "two": 2,
    "three": 3,
    "four": 4,
    "five": 5,
    "six": 6,
    "seven": 7,
    "eight": 8,
    "nine": 9,
    "ten": 10,
}
_WORDED = re.compile(r"\b(" + "|".join(_ORDINAL_WORDS) + r")\b", re.I)
_SUFFIXED = re.compile(r"(?<![\w.])(\d{1,2})(?:st|nd|rd|th)\b", re.I)
_NUMBERED = re.compile(
    r"\b(?:number|no\.?|num|trial|study|option|result|card)\s*#?\s*(\d{1,2}|" + "|".join(_NUMBER_WORDS) + r")\b"
    r"|#\s*(\d{1,2})\b",
    re.I,
)
_LAST = re.compile(
    r"\b(?:the\s+)?(?:last|final|bottom)\s+(?:one|trial|study|result|card)\b|^\W*(?:the\s+)?last\W*$", re.I
)
_JUST_A_NUMBER = re.compile(r"^\W*(\d{1,2}|" + "|".join(_NUMBER_WORDS) + r")\W*$", re.I)


def ordinal_position(text: Optional[str]) -> Optional[int]:
    """The position the text points at (1-based, or LAST), or None when it names none."""
    text = text or ""
    if len(text) > 500:
        return None
    if _LAST.search(text):
        return LAST
    for pattern in (_JUST_A_NUMBER, _NUMBERED, _SUFFIXED, _WORDED):
        found = pattern.search(text)
        if found:
            word = next(g for g in found.groups() if g).lower()
            number = int(word) if word.isdigit() else _ORDINAL_WORDS.get(word) or _NUMBER_WORDS[word]
            return number if 0 < number <= MAX_POSITION else None
    return None


def pick(ids: Sequence[str], position: Optional[int]) -> Optional[str]:
    """The id at `position` in `ids`, or None when it is out of range."""
    if not ids or position is None:
        return None
    if position == LAST:
        return ids[-1]
    return ids[position - 1] if 0 < position <= len(ids) else None
