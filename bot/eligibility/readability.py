"""Reading grade of criteria before and after the plain-English rewrite (textstat 0.7.3).

"before" is the registry text exactly as stored. Because registry bullets often have no full
stops, which makes the sentences look longer, "before, as sentences" also scores the
registry's own items each ended with a full stop: the fair comparison for our rewrite.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Optional

import textstat

from bot.eligibility.plain import PlainCriteria, plain_criteria


def grade(text: str) -> float:
    """Flesch-Kincaid grade of `text` (0.0 for empty text)."""
    return float(textstat.flesch_kincaid_grade(text)) if text.strip() else 0.0


def as_sentences(lines: list[str]) -> str:
    return "\n".join(line if line.rstrip()[-1:] in ".:?!" else line.rstrip() + "." for line in lines if line.strip())


@dataclass(frozen=True)
class Grades:
    before: float  # the registry text as stored
    before_sentences: float  # the registry's items, each ended with a full stop
    after: float  # our plain rewrite


def plain_lines(plain: PlainCriteria, attr: str = "plain") -> list[str]:
    return [getattr(item, attr) for top in plain.inclusion + plain.exclusion for item in top.walk()]


def grades(text: str, plain: Optional[PlainCriteria] = None) -> Grades:
    plain = plain or plain_criteria(text)
    return Grades(
        before=grade(text),
        before_sentences=grade(as_sentences(plain_lines(plain, "original"))),
        after=grade(as_sentences(plain_lines(plain))),
    )
