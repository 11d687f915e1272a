"""Criteria in plain English: split the registry text, rewrite each criterion.

The rewrite is rule-based: phrasing rules (symbols, "Patients must have" -> "You have"),
then the glossary, then short sentences. It keeps every criterion (one plain item per
registry item, sub-items with their parent) and every number exactly as written.
"""
from __future__ import annotations

import bisect
import re
from dataclasses import dataclass
from typing import Optional

from bot.eligibility import phrasing
from bot.eligibility.glossary import default_replacer
from bot.eligibility.replacer import Replacer
from bot.eligibility.split import Criteria, Item, split_criteria
from bot.eligibility.wording import neutral


@dataclass(frozen=True)
class PlainItem:
    """One criterion: the registry's words and ours, with its sub-items."""

    original: str  # this criterion's own text (sub-items not included)
    plain: str
    children: tuple["PlainItem", ...] = ()

    @property
    def full_original(self) -> str:
        return "\n".join(self._lines("original"))

    @property
    def full_plain(self) -> str:
        return "\n".join(self._lines("plain"))

    def _lines(self, attr: str, depth: int = 0) -> list[str]:
        own = ("  " * (depth - 1) + "- " if depth else "") + getattr(self, attr)
        return [own] + [line for child in self.children for line in child._lines(attr, depth + 1)]

    def walk(self) -> list["PlainItem"]:
        return [self] + [item for child in self.children for item in child.walk()]

    def as_dict(self) -> dict[str, str]:
        return {"original": self.full_original, "plain": self.full_plain}


@dataclass(frozen=True)
class PlainCriteria:
    """The two lists, in the registry's order."""

    inclusion: tuple[PlainItem, ...]
    exclusion: tuple[PlainItem, ...]

    @property
    def is_empty(self) -> bool:
        return not self.inclusion and not self.exclusion

    def as_dict(self) -> dict[str, list[dict[str, str]]]:
        return {
            "inclusion": [item.as_dict() for item in self.inclusion],
            "exclusion": [item.as_dict() for item in self.exclusion],
        }


def plain_criteria(text: Optional[str], replacer: Optional[Replacer] = None) -> PlainCriteria:
    """Split a registry criteria text and rewrite every criterion in plain English."""
    return plain_from_split(split_criteria(text), replacer)


def plain_from_split(criteria: Criteria, replacer: Optional[Replacer] = None) -> PlainCriteria:
    """Rewrite criteria already split by `split_criteria`."""
    items = criteria.inclusion + criteria.exclusion
    originals = [item.text for top in items for item in _walk(top)]
    first_exclusion = sum(len(_walk(top)) for top in criteria.inclusion)
    rewritten = iter(rewrite_lines(originals, replacer, frozenset(range(first_exclusion, len(originals)))))
    built = [_rebuild(item, rewritten) for item in items]
    return PlainCriteria(tuple(built[: len(criteria.inclusion)]), tuple(built[len(criteria.inclusion) :]))


def rewrite(text: str, replacer: Optional[Replacer] = None) -> str:
    """One criterion in plain English."""
    return rewrite_lines([text], replacer)[0]


def rewrite_lines(
    lines: list[str], replacer: Optional[Replacer] = None, exclusion_lines: frozenset[int] = frozenset()
) -> list[str]:
    """Rewrite criteria in reading order; a term is explained the first time only.
    `exclusion_lines` are the indexes of lines from the exclusion list.

    The rules run over all lines at once (one criterion per line), which keeps a corpus of
    thousands of texts fast.
    """
    if not lines:
        return []
    replacer = replacer or default_replacer()
    clean = [" ".join(line.split()) for line in lines]
    block = phrasing.SYMBOLS(phrasing.literals("\n".join(clean)))
    block = phrasing.subjects(block, exclusion_lines)
    notes: list[tuple[int, str]] = []
    rewritten = phrasing.tidy(replacer.rewrite(block, set(), notes))
    out = rewritten.split("\n")
    if len(out) != len(lines):  # a rule crossed a line break: never expected, but be safe
        one = frozenset({0})
        return [rewrite_lines([line], replacer, one if i in exclusion_lines else frozenset())[0] for i, line in enumerate(lines)]
    explained = _notes_by_line(block, notes)
    done = [phrasing.sentences(_calm(plain, original)) for plain, original in zip(out, clean)]
    return [
        neutral(" ".join([line, *(note for note in explained.get(i, []) if _needed(note, line))]))
        for i, line in enumerate(done)
    ]


def _notes_by_line(block: str, notes: list[tuple[int, str]]) -> dict[int, list[str]]:
    """Explanations grouped by the line (criterion) where their term first came up."""
    if not notes:
        return {}
    starts = [0] + [m.end() for m in _LINE_BREAK.finditer(block)]
    by_line: dict[int, list[str]] = {}
    for offset, sentence in notes:
        line = bisect.bisect_right(starts, offset) - 1
        if sentence not in by_line.setdefault(line, []):
            by_line[line].append(sentence)
    return by_line


def _needed(sentence: str, line: str) -> bool:
    """An explanation the criterion already gives ("an inherited condition (MEN1)") is left out."""
    words = sentence.rstrip(".").lower().split()
    return " ".join(words[-2:]) not in line.lower()


_LINE_BREAK = re.compile("\n")
_SHOUTED_WORD = re.compile(r"\b[A-Z]{5,}\b")
_LOWER = re.compile(r"[a-z]")


def _calm(plain: str, original: str) -> str:
    """A criterion written in capitals reads as shouting: lower-case its long words."""
    shouted = _SHOUTED_WORD.findall(original)
    if len(shouted) < 2 or len(_LOWER.findall(original)) > len(original) // 10:
        return plain
    return _SHOUTED_WORD.sub(lambda m: m.group().lower(), plain)


def _walk(item: Item) -> list[Item]:
    return [item] + [i for child in item.children for i in _walk(child)]


def _rebuild(item: Item, rewritten) -> PlainItem:  # type: ignore[no-untyped-def]
    plain = next(rewritten)
    return PlainItem(item.text, plain, tuple(_rebuild(child, rewritten) for child in item.children))
