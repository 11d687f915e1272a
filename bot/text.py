"""Small text helpers shared by the lexicon, the importer and search."""

from __future__ import annotations

import re
import unicodedata

# Month and day names: capitalised like place names, never places themselves.
CALENDAR_WORDS = frozenset(
    "january february march april may june july august september october november december"
    " monday tuesday wednesday thursday friday saturday sunday".split()
)

_NON_WORD = re.compile(r"[^0-9a-z\u00c0-\u024f]+")


def strip_accents(text: str) -> str:
    if text.isascii():  # most registry text: nothing to strip
        return text
    decomposed = unicodedata.normalize("NFKD", text)
    return "".join(ch for ch in decomposed if not unicodedata.combining(ch))


def normalize(text: str) -> str:
    """Lower case, accents removed, every run of other characters made one space.

    "[177Lu]Lu-DOTA-TATE" -> "177lu lu dota tate"; "Skåne" -> "skane".
    """
    return _NON_WORD.sub(" ", strip_accents(text).lower()).strip()


def tokens(text: str) -> list[str]:
    return normalize(text).split()


_QUESTION_OPENER = re.compile(
    r"(?:^|[.!?,]\s*)(?:do|does|did|is|are|was|were|would|will|could|can|should|has|have|"
    r"what|whats|what's|how|why|when|where|who|which|any|wud|cud|cn|r)\b",
    re.I,
)
# "im 82 is that too old", "74 would he be too old": an inverted verb after a fact, no mark
_INVERTED = re.compile(
    r"\b(?:is|are|was|would|will|could|can|does|do|did|wud|cud)\s+(?:that|it|this|he|she|i|there|they|we|you)\b"
    r"(?!\s+(?:is|was|are|were|had|has|have)\b)",
    re.I,
)


def is_question(text: str) -> bool:
    """A question mark, or a clause opening with a question word ("im 82 is that too old",
    "she had it 2 years ago, does that rule her out") - people often leave the mark off."""
    stripped = text.strip()
    return "?" in stripped or bool(_QUESTION_OPENER.search(stripped) or _INVERTED.search(stripped))
