"""Two kinds of tumour a knowledge answer has just set side by side ("NETs and NECs are both neuroendocrine
cancers, but they act in different ways"), and "which is worse?" about them: never "X is worse for you", but
what our facts say of how fast each grows (data/knowledge/facts.yml), then who can say what it means for one
person."""

from __future__ import annotations

import re
from functools import lru_cache
from typing import Optional

from bot.knowledge.facts import default_index, sentences

# "NETs and NECs are both neuroendocrine cancers": the opening of an answer that compares two kinds
_BOTH_KINDS = re.compile(
    r"^\s*(?P<first>[A-Z][\w-]*(?: [\w-]+){0,2}) and (?P<second>[\w-]+(?: [\w-]+){0,2}) are both\b"
)
# A sentence telling how fast something grows ("grow very slowly", "grow fast", "fast-growing")
_PACE = re.compile(
    r"\bgr[eo]w\w*\b[^.]{0,30}\b(?:slow\w*|fast\w*|quick\w*|pace)\b|\b(?:fast|slow|quick)[\s-]+growing\b", re.I
)
KINDS_OPENING = (
    "I can't say which is worse for one person{at_age}: that depends on their own tumour and their health as "
    "a whole. What our facts say about how fast each grows:"
)
KINDS_CLOSING = "Their specialist team can say what this means for one person, and a NET nurse can talk it through."


def kinds_set_side_by_side(text: str) -> Optional[tuple[str, str]]:
    """The two kinds an answer opens by comparing ("NETs", "NECs"), or None."""
    found = _BOTH_KINDS.search(text)
    return (found["first"], found["second"]) if found else None


def kinds_weighed(first: str, second: str, age: Optional[int] = None) -> Optional[str]:
    """Each kind's facts on how fast it grows, side by side; None when our facts hold that for neither of
    them alone."""
    parts = [(side, pace_of(side, other)) for side, other in ((first, second), (second, first))]
    if not all(lines for _, lines in parts):
        return None
    at_age = f" of {age}" if age else ""
    each = ["\n".join([f"{side}:", *(f"- {line}" for line in lines)]) for side, lines in parts]
    return "\n\n".join([KINDS_OPENING.format(at_age=at_age), *each, KINDS_CLOSING])


def pace_of(side: str, other: str) -> list[str]:
    """The first of our facts naming this kind and not the other that tells how fast it grows: its
    sentences up to the one that tells it."""
    own, others = _named(side), _named(other)
    for text in _fact_texts():
        if others.search(text):
            continue
        told = sentences(text)
        # the pace told of this kind: in a sentence naming it, or one going on about it ("Their cells ...")
        last = next(
            (
                n
                for n, s in enumerate(told)
                if _PACE.search(s) and (own.search(s) or (n and _GOES_ON.match(s) and own.search(told[n - 1])))
            ),
            None,
        )
        if last is not None:
            return [" ".join(told[: last + 1])]
    return []


_GOES_ON = re.compile(r"(?:Their|They|It|Its|These|Most)\b")


def _named(side: str) -> re.Pattern[str]:
    """ "NETs" -> NET or NETs, as a word ("NET G3" too, never "NETTER")."""
    word = side.strip()
    word = word[:-1] if word.endswith("s") and len(word) > 3 else word
    return re.compile(rf"\b{re.escape(word)}s?\b")


@lru_cache(maxsize=1)
def _fact_texts() -> tuple[str, ...]:
    return tuple(entry.fact.text for entry in default_index().entries)
