"""Split a long answer into parts that each fit a platform's message limit.

Breaks at the largest boundary that works: between paragraphs, then lines, then sentences,
then words. A part is never cut inside a word, unless a single word (a very long link, say) is
longer than the limit on its own; only then is that word cut.

Length is counted in UTF-16 code units, which is how Telegram counts and never less than the
character count the other platforms use (an emoji counts 2), so a part that fits here fits there.
"""

from __future__ import annotations

import re
from typing import List, Tuple

_BOUNDARIES = (
    re.compile(r"[ \t]*\n[ \t]*\n\s*"),  # paragraphs
    re.compile(r"[ \t]*\n\s*"),  # lines
    re.compile(r"(?<=[.!?…])[\"')\]]*\s+"),  # sentences (after . ! ? and any closing quote)
    re.compile(r"\s+"),  # words
)


def text_length(text: str) -> int:
    """Length in UTF-16 code units."""
    return len(text) + sum(1 for ch in text if ord(ch) > 0xFFFF)


def split_text(text: str, limit: int) -> List[str]:
    """`text` in order, as parts of at most `limit` (UTF-16 units), stripped, none empty."""
    if limit < 1:
        raise ValueError("limit must be positive")
    text = (text or "").strip()
    if not text:
        return []
    if text_length(text) <= limit:
        return [text]
    parts: List[str] = []
    current = ""
    for separator, piece in _pieces(text, limit, 0):
        if not current:
            current = piece
        elif text_length(current) + text_length(separator) + text_length(piece) <= limit:
            current += separator + piece
        else:
            parts.append(current)
            current = piece
    if current:
        parts.append(current)
    return [p.strip() for p in parts if p.strip()]


def _pieces(text: str, limit: int, level: int) -> List[Tuple[str, str]]:
    """(separator before it, piece) pairs; every piece fits the limit."""
    if text_length(text) <= limit:
        return [("", text)]
    if level == len(_BOUNDARIES):
        return [("", chunk) for chunk in _cut_word(text, limit)]
    # The separator kept between two pieces: a sentence boundary keeps its closing quote.
    segments: List[Tuple[str, str]] = []
    separator, start = "", 0
    for match in _BOUNDARIES[level].finditer(text):
        if match.start() == 0:
            continue
        matched = match.group()
        kept = matched.rstrip() if level == 2 else ""
        segments.append((separator, text[start : match.start()] + kept))
        separator = matched[len(kept) :] if level == 2 else matched
        start = match.end()
    segments.append((separator, text[start:]))
    pieces: List[Tuple[str, str]] = []
    for separator, segment in segments:
        if not segment:
            continue
        finer = _pieces(segment, limit, level + 1)
        pieces.append((separator, finer[0][1]))
        pieces.extend(finer[1:])
    return pieces


def _cut_word(word: str, limit: int) -> List[str]:
    chunks, current, size = [], "", 0
    for ch in word:
        width = text_length(ch)
        if size + width > limit:
            chunks.append(current)
            current, size = "", 0
        current += ch
        size += width
    if current:
        chunks.append(current)
    return chunks
