"""The two things a comparison sets side by side, as the person wrote them.

"lutetium PRRT vs yttrium PRRT, whats the diff" -> ("lutetium prrt", "yttrium prrt"); words left
out are put back from the other side: "distal vs total pancreatectomy" -> ("distal
pancreatectomy", "total pancreatectomy"), "short acting octreotide vs the LAR one" -> ("short
acting octreotide", "lar octreotide"), but "SANO or the lutathera ones" -> ("sano", "lutathera ones"). A side ends at a clause break or a word that starts
something else ("... vs surgery for MEN1", "... vs just drugs when its spread").
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Optional

from bot.knowledge.names import find_treatments
from bot.text import normalize

# Strongest first: "X or Y vs Z" compares (X or Y) with Z.
_JOINS = (r"vs|v|versus|compared\s+(?:to|with)|against|rather\s+than|instead\s+of", r"or", r"and|with|&", r"to")
_SIDE_BY_SIDE = re.compile(r"\bside\s+by\s+side\b|\bnext\s+to\s+each\s+other\b", re.I)
_FROM = re.compile(r"\bfrom\s", re.I)  # "to" joins only "from X to Y"
# What ends a side on the right, or starts it on the left (clause breaks are punctuation).
_BREAK = re.compile(r"[?!.,;:()\[\]]|\s[-–—]\s|\s/\s")
_RIGHT_STOPS = frozenset(
    """
when for in if as because since which what whats how do does did is are was were would could should can
pls please plz thanks the difference differences diff whats difference each both after before at on
""".split()
) - {"the"}
_LEFT_STARTS = frozenset(
    """
between compare comparing comparison difference differences diff is are was either about of put from
do does did can could would should will they we you
""".split()
)
_FILLERS = frozenset(
    "the a an just only my his her their our your this that these those doing having getting "
    "taking plain simple out".split()
)
# "the LAR one": the other side's thing, in the kind this side names
_STAND_INS = frozenset("one ones version versions form forms type types kind kinds sort".split())


@dataclass(frozen=True)
class Sides:
    first: str  # normalised words
    second: str

    def differing(self) -> tuple[str, str]:
        """The words of each side the other lacks ("lutetium", "yttrium"), in order."""
        a, b = self.first.split(), self.second.split()
        return " ".join(w for w in a if w not in b), " ".join(w for w in b if w not in a)

    @property
    def head(self) -> Optional[str]:
        """The last word both end with ("prrt" in "lutetium prrt" and "yttrium prrt")."""
        a, b = self.first.split(), self.second.split()
        return a[-1] if a and b and a[-1] == b[-1] and len(a) + len(b) > 2 else None


# "LUTHREE (italy) vs the edmonton one": a short aside in brackets is left out, not read as a clause break
_ASIDE = re.compile(r"\s*\([^()?!.]{1,30}\)")


def two_sides(text: str) -> Optional[Sides]:
    """The two sides of the first join found (vs before or before and), or None."""
    clauses = [c for c in _BREAK.split(_SIDE_BY_SIDE.sub(" . ", f" {_ASIDE.sub(' ', text or '')} ")) if c.strip()]
    for join in _JOINS:
        pattern = re.compile(rf"\s(?:{join})\s", re.I)
        for clause in clauses:
            words = f" {clause} "
            found = next((m for m in pattern.finditer(words) if join != "to" or _FROM.search(words[: m.start()])), None)
            if found is None:
                continue
            left = _left(normalize(words[: found.start()]).split())
            right = _right(normalize(words[found.end() :]).split())
            if left and right:
                return _filled(left, right)
    return None


def _left(words: list[str]) -> list[str]:
    start = max((i + 1 for i, w in enumerate(words) if w in _LEFT_STARTS), default=0)
    return _trimmed(words[start:])


def _right(words: list[str]) -> list[str]:
    end = next((i for i, w in enumerate(words) if w in _RIGHT_STOPS and i > 0), len(words))
    return _trimmed(words[:end])


def _trimmed(words: list[str]) -> list[str]:
    while words and words[0] in _FILLERS:
        words = words[1:]
    return words


def _filled(left: list[str], right: list[str]) -> Sides:
    """Words one side leaves out, taken from the other: a stand-in ("the LAR one") becomes the
    other side's last word; a lone modifier ("distal") takes it too."""
    if right[-1] in _STAND_INS and len(right) > 1 and not _names_its_own(right[:-1]):
        right = [*right[:-1], left[-1]]
    elif left[-1] in _STAND_INS and len(left) > 1 and not _names_its_own(left[:-1]):
        left = [*left[:-1], right[-1]]
    elif len(left) == 1 and len(right) == 2 and _modifier(left[0]):
        left = [left[0], right[-1]]
    return Sides(" ".join(left), " ".join(right))


def _names_its_own(words: list[str]) -> bool:
    """ "the lutathera ones" beside "SANO": the side names a treatment of its own (trials of it), so it is not
    a kind of the other side's thing, as "the LAR one" beside "octreotide" is."""
    return any(not m.guessed for m in find_treatments(" ".join(words)))


# Words that say which kind, and need a noun after them ("distal", "total", "short acting").
_MODIFIERS = frozenset(
    """
distal total partial whole proximal central open keyhole laparoscopic robotic short long acting high low
dose oral first second third fourth weekly monthly daily standard new old
""".split()
)


def _modifier(word: str) -> bool:
    return word in _MODIFIERS
