"""Where a fact holds: "is lutathera available on the NHS in scotland?" is answered with England's fact (NICE
and the NHS in England), because that is the only one we hold. When the person names another part of the UK
or another country, and the answer speaks of England's rules without naming their place, it says plainly that
the fact is for England and that we hold no checked fact for where they are: their NET team can say. Never a
fact for their place made up."""

from __future__ import annotations

import re
from typing import Iterable, Optional

# A place people name, as a sentence says it, and the words of an answer that would speak of it already
_PLACES: tuple[tuple[re.Pattern[str], str, tuple[str, ...]], ...] = tuple(
    (re.compile(pattern, re.I), name, said)
    for pattern, name, said in (
        (r"\bscotland\b|\bscottish\b|\bnhs\s+scotland\b", "Scotland", ("Scotland", "Scottish")),
        (r"(?<!south )\bwales\b|\bwelsh\b", "Wales", ("Wales", "Welsh")),
        (r"\bnorthern\s+ireland\b|\bn\.?\s?ireland\b|\bbelfast\b", "Northern Ireland", ("Northern Ireland",)),
        (r"(?<!northern )\b(?:republic\s+of\s+)?ireland\b|\beire\b|\bhse\b", "Ireland", ("Ireland",)),
        (
            r"\b(?:the\s+)?(?:usa|u\.s\.a?\.?|united\s+states|america|the\s+states)\b|\bin\s+the\s+us\b",
            "the USA",
            ("USA", "US ", "United States", "America", "FDA"),
        ),
        (r"\bcanada\b|\bcanadian\b", "Canada", ("Canada", "Canadian")),
        (
            r"\baustralia\b|\baussie\b|\bpbs\b|\bnew\s+south\s+wales\b|\bnsw\b|\bqueensland\b",
            "Australia",
            ("Australia",),
        ),
        (r"\bnew\s+zealand\b|\bnz\b", "New Zealand", ("New Zealand",)),
        (r"\bindia\b", "India", ("India",)),
        (r"\bchina\b", "China", ("China",)),
        (r"\bjapan\b", "Japan", ("Japan",)),
        (r"\bgermany\b", "Germany", ("Germany", "Europe")),
        (r"\bfrance\b", "France", ("France", "Europe")),
        (r"\bspain\b", "Spain", ("Spain", "Europe")),
        (r"\bitaly\b", "Italy", ("Italy", "Europe")),
        (r"\bthe\s+netherlands\b|\bholland\b", "the Netherlands", ("Netherlands", "Europe")),
        (r"\bsweden\b", "Sweden", ("Sweden", "Europe")),
    )
)
# An answer that speaks of England's rules: NICE's advice, or what the NHS in England pays for
_ENGLAND_ONLY = re.compile(r"\bEngland\b|\bNICE\b|\bNHS\b")


# A place where someone else did something ("my consultant trained in america", "an American website"): not
# where the person is
_ELSEWHERE = re.compile(
    r"\b(?:trained|studied|worked|born|grew\s+up|holiday|visited|website|site|article|read|heard|saw|seen)\s+"
    r"(?:(?:in|at|on|over|out\s+of|the|an?)\s+){0,2}$",
    re.I,
)
# A place they came from ("moved from wales to scotland"): theirs only when they name no other
_LEFT = re.compile(r"\b(?:from|left|leaving)\s+(?:the\s+)?$", re.I)


def place_named(text: Optional[str]) -> Optional[tuple[str, tuple[str, ...]]]:
    """The place outside England the message means as the person's own, with the words an answer about it
    would use: the last one named, before one they came from, and never one where someone else did something
    ("we moved from wales to scotland": Scotland; "my consultant trained in america": none); None when none."""
    text = text or ""
    found = [
        (not _LEFT.search(text[: m.start()]), m.start(), name, said)
        for pattern, name, said in _PLACES
        for m in pattern.finditer(text)
        if not _ELSEWHERE.search(text[: m.start()])
    ]
    if not found:
        return None
    *_, name, said = max(found)
    return name, said


def england_only_note(question: Optional[str], answer: Iterable[str]) -> Optional[str]:
    """The line saying the fact sent is England's, when the question names another place and the answer
    (`answer`: the texts sent) speaks of England's rules without naming that place; None otherwise."""
    named = place_named(question)
    sent = " ".join(answer)
    if named is None or not _ENGLAND_ONLY.search(sent):
        return None
    place, said = named
    if any(word.lower() in sent.lower() for word in said):
        return None  # the answer holds a fact for their place ("approved in the USA by the FDA")
    return (
        f"The NHS and NICE facts I hold are for England. I have no checked fact for {place}, "
        f"so I can't say what applies there. A NET team in {place} can tell you."
    )
