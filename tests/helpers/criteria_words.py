"""The words of a criteria text before and after the split, to check that nothing is dropped or invented."""

from __future__ import annotations

import re
from collections import Counter

from bot.eligibility.split import _MARKER, Criteria, Item

WORD = re.compile(r"\w+|[<>≤≥=+%±×~]")  # words, and the symbols that carry meaning
MARKER_LINES = re.compile(_MARKER.pattern, re.M)


def all_words(criteria: Criteria) -> Counter:
    """The words of the headings and of every item and sub-item."""
    texts = list(criteria.headings)

    def walk(item: Item) -> None:
        texts.append(item.text)
        for child in item.children:
            walk(child)

    for item in criteria.inclusion + criteria.exclusion:
        walk(item)
    return Counter(WORD.findall("\n".join(texts)))


def input_words(text: str, keep_markers: bool) -> Counter:
    """The words of the input; list markers ("1.", "a)") are not words unless asked for."""
    text = text.replace("\t", "    ").replace("\u00a0", " ").replace("\r", "\n")
    if not keep_markers:
        text = MARKER_LINES.sub(lambda m: m.group("text"), text)
    return Counter(WORD.findall(text))
