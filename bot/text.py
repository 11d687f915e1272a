"""Small text helpers shared by the lexicon, the importer and search."""
from __future__ import annotations

import re
import unicodedata

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
