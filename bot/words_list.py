"""A list in words: "a", "a and b", "a, b or c"."""

from __future__ import annotations

from typing import Iterable


def words_list(items: Iterable[str], joiner: str = "and") -> str:
    items = list(items)
    return items[0] if len(items) == 1 else ", ".join(items[:-1]) + f" {joiner} " + items[-1] if items else ""
