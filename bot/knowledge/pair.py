"""Which two treatments or tests a message puts side by side ("lanreotide or octreotide?",
"whats the difference between lutathera and everolimus", "PRRT vs chemo", "the targeted
tablets like everolimus vs chemo"): the first two different ones it names, or one named twice
("177Lu-DOTATATE or PRRT"), when the message asks for a comparison. And each side as written
(`sides_named`): the entry it names and the words saying which kind of it ("yttrium PRRT",
"total pancreatectomy"), so that two kinds of one thing are not read as one thing twice."""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Optional

from bot.knowledge.names import Mention, NameFinder, find_treatments
from bot.knowledge.sides import two_sides
from bot.knowledge.treatments import Treatment
from bot.text import normalize

# Words that ask for two things side by side. Only needed when the message is not already
# known to be a comparison (the action passes asked_to_compare=True for intent compare_trials).
_CUE = re.compile(
    r"\b(?:or|vs|v|versus|compared?|compares|comparing|comparison|differen\w*|differ|diff|better|best|"
    r"worse|against|rather than|instead of|which|pros and cons|same|similar)\b|/",
    re.I,
)
# "the difference between capecitabine and temozolomide": two things, not the combination.
_BETWEEN = re.compile(r"\b(?:between|differen\w*|differ|diff|compare[ds]?|comparing|vs|versus)\b", re.I)
_JOINS = {"and", "or", "with", "plus", "vs", "versus"}
# "the targeted tablets like everolimus": the example is what is meant.
_EXAMPLE = {("like",), ("such", "as"), ("eg",), ("e", "g"), ("for", "example"), ("ie",), ("i", "e")}


@dataclass(frozen=True)
class Pair:
    first: Mention
    second: Mention

    @property
    def same(self) -> bool:
        return self.first.treatment.id == self.second.treatment.id

    def kind_and_member(self) -> Optional[tuple[Treatment, Treatment]]:
        """(kind, member) when one belongs to the other: "lanreotide or SSAs"."""
        a, b = self.first.treatment, self.second.treatment
        if b.id in a.part_of:
            return b, a
        if a.id in b.part_of:
            return a, b
        return None


def asks_to_compare(text: str) -> bool:
    return bool(_CUE.search(text or ""))


# Words that ask outright for two things side by side, whatever intent the message was given:
# "how do they work differently", "how are they different", "which is which", "the same as"
_OUTRIGHT = re.compile(
    r"\b(?:vs|versus|compared?|compares|comparing|comparison|differen\w*|differ|differs|diff|side\s+by\s+side"
    r"|which\s+(?:is|one\s+is|one's|ones)\s+which|same\s+(?:as|thing|drug|kind)|(?:are\s+they|is\s+it)\s+(?:the\s+)?same"
    r"|alike|similar)\b",
    re.I,
)


# "does it make a difference if I take it with food": nothing set side by side
_MAKES_A_DIFFERENCE = re.compile(r"\b(?:make|makes|made|making)\s+(?:a|any|much|the)\s+difference\b", re.I)


def asks_outright_to_compare(text: str) -> bool:
    """True when the words ask for a comparison themselves ("pembrolizumab or ipilimumab - how do
    they work differently"), not only through "or" or "better", which many questions use."""
    return bool(_OUTRIGHT.search(_MAKES_A_DIFFERENCE.sub(" ", text or "")))


def two_named(text: str, asked_to_compare: bool = False, finder: Optional[NameFinder] = None) -> Optional[Pair]:
    """The two treatments or tests a message puts side by side, or None when it names fewer
    than two, or (unless it is known to ask for a comparison) has no word asking for one."""
    if not asked_to_compare and not _CUE.search(text or ""):
        return None
    mentions = find_treatments(text or "", finder)
    if _BETWEEN.search(text or ""):
        mentions = [piece for m in mentions for piece in _split(m, finder)]
    mentions = _examples_meant(mentions, normalize(text or "").split())
    if len(mentions) < 2:
        return None
    first = mentions[0]
    other = next((m for m in mentions[1:] if m.treatment.id != first.treatment.id), None)
    if other is not None:
        return Pair(first, other)
    repeat = next((m for m in mentions[1:] if m.typed != first.typed), None)
    return Pair(first, repeat) if repeat else None


def _split(mention: Mention, finder: Optional[NameFinder]) -> list[Mention]:
    """ "capecitabine and temozolomide" names CAPTEM, but in "the difference between capecitabine
    and temozolomide" it names two drugs: the names on each side of the "and"."""
    words = mention.typed.split()
    cut = next((i for i, w in enumerate(words) if w in _JOINS), None)
    if cut is None:
        return [mention]
    sides = [find_treatments(" ".join(part), finder) for part in (words[:cut], words[cut + 1 :])]
    if not all(len(side) == 1 for side in sides):
        return [mention]
    return [Mention(side[0].treatment, side[0].typed, mention.start, mention.end) for side in sides]


def _examples_meant(mentions: list[Mention], words: list[str]) -> list[Mention]:
    kept: list[Mention] = []
    for mention in mentions:
        previous = kept[-1] if kept else None
        if (
            previous is not None
            and previous.treatment.id in mention.treatment.part_of
            and tuple(words[previous.end : mention.start]) in _EXAMPLE
        ):
            kept[-1] = mention
        else:
            kept.append(mention)
    return kept


# Words beside a name that do not say which kind ("PRRT next", "lanreotide on its own").
_NOT_KINDS = frozenset(
    """
the a an one ones just only on its own alone general next first then now drug drugs treatment treatments therapy
injection injections shot shots jab jabs tablet tablets pill pills scan scans test tests option options thing
route version form type kind of with and or for
""".split()
)


@dataclass(frozen=True)
class Side:
    words: str  # normalised, as the person put it: "total pancreatectomy", "promid"
    entry: Optional[Treatment]  # the table entry it names, if exactly one
    qualifier: str = ""  # the words saying which kind of the entry: "total", "yttrium", "short acting"


def sides_named(text: str, finder: Optional[NameFinder] = None) -> Optional[tuple[Side, Side]]:
    """The two sides a comparison sets side by side, each with its entry and kind words."""
    sides = two_sides(text)
    if sides is None:
        return None
    return _side(sides.first, finder), _side(sides.second, finder)


def _side(words: str, finder: Optional[NameFinder]) -> Side:
    mentions = find_treatments(words, finder)
    entries = {m.treatment.id for m in mentions}
    if len(entries) != 1:
        return Side(words, None)
    entry = mentions[0].treatment
    split = words.split()
    covered = {i for m in mentions for i in range(m.start, m.end)}
    kind_words = [w for i, w in enumerate(split) if i not in covered]
    for mention in mentions:  # "total pancreatectomy": "pancreatectomy" alone is surgery too, "total" is not
        typed = mention.typed.split()
        for cut in range(1, len(typed)):
            if _names(typed[cut:], entry, finder) and not _names(typed[:cut], entry, finder):
                kind_words += typed[:cut]
                break
    qualifier = " ".join(w for w in kind_words if w not in _NOT_KINDS and not w.isdigit())
    return Side(words, entry, qualifier)


def _names(words: list[str], entry: Treatment, finder: Optional[NameFinder]) -> bool:
    found = find_treatments(" ".join(words), finder)
    return len(found) == 1 and found[0].treatment.id == entry.id


def kinds_of_one(first: Side, second: Side) -> Optional[Treatment]:
    """The thing two sides are two kinds of ("lutetium PRRT" and "yttrium PRRT": PRRT; "distal
    pancreatectomy" and "total pancreatectomy": surgery), or None: two different things, one thing
    by two names ("177Lu-DOTATATE or PRRT"), or a kind and one of its members ("lanreotide or SSAs")."""
    a, b = first.entry, second.entry
    if a is None or b is None or not (first.qualifier or second.qualifier):
        return None
    if a.id == b.id:
        return a if first.qualifier != second.qualifier else None
    if b.id in a.part_of and second.qualifier:  # "distal pancreatectomy" and "total" surgery
        return b
    if a.id in b.part_of and first.qualifier:
        return a
    return None
