"""Chemotherapy by its family: "first-line platinum-based chemotherapy", "at least 1
platinum-containing regimen", "an irinotecan regimen". Which families a criterion names, and
which ones a person's own words for their treatments ("carboplatin and etoposide", "FOLFIRI")
say they had.
"""

from __future__ import annotations

import re
from typing import Iterable, Optional

PLATINUM, IRINOTECAN, ETOPOSIDE = "platinum chemotherapy", "irinotecan", "etoposide"
FAMILIES = (PLATINUM, IRINOTECAN, ETOPOSIDE)

# as criteria name them: the family's own word, or one of its drugs
_IN_CRITERIA = {
    # "EP or IP regimen": etoposide or irinotecan, each with a platinum
    PLATINUM: re.compile(
        r"\bplatin(?:um|ol)\w*|\b(?:cis|carbo|oxali)platin\w*"
        r"|\b(?:EP|IP)\s+(?:or\s+(?:EP|IP)\s+)?(?:regimens?|chemo\w*|combination|doublet)",
        re.I,
    ),
    # FOLFIRINOX is read whole, as a regimen (`judge_drugs`): FOLFIRI had is not all of it
    IRINOTECAN: re.compile(r"\birinotecan\w*|\bnal-?IRI\b|\bFOLFIRI\b", re.I),
    ETOPOSIDE: re.compile(r"\betoposide\b|\bVP-?16\b", re.I),
}
# as people name what they had: the drugs and the regimens that hold them
_IN_PEOPLES_WORDS = {
    PLATINUM: re.compile(
        r"\b(?:cis|carbo|oxali)platin\w*|\bplatinum\b|\bFOLFOX\w*|\bFOLFIRINOX\b|\bXELOX\b|\bCAPOX\b", re.I
    ),
    IRINOTECAN: re.compile(r"\birinotecan\b|\bFOLFIRI\w*", re.I),
    ETOPOSIDE: re.compile(r"\betoposide\b", re.I),
}
# chemotherapy named without its drugs ("chemo", "chemotherapy"): its family cannot be known
_UNNAMED_CHEMOTHERAPY = re.compile(r"\bchemo\w*", re.I)


def families_named(text: str) -> list[tuple[str, int]]:
    """The families a criterion names, with where each is first named."""
    found = [(family, m.start()) for family, pattern in _IN_CRITERIA.items() if (m := pattern.search(text))]
    return sorted(found, key=lambda item: item[1])


def families_had(entries: Iterable[str]) -> tuple[frozenset[str], bool]:
    """The families a person's treatment entries name, and whether every chemotherapy they
    list is named by its drugs (so a family not found was surely not had)."""
    had: set[str] = set()
    complete = True
    for entry in entries:
        named = {family for family, pattern in _IN_PEOPLES_WORDS.items() if pattern.search(entry)}
        had |= named
        if not named and _UNNAMED_CHEMOTHERAPY.search(entry):
            complete = False
    return frozenset(had), complete


def had_family(family: str, had: frozenset[str], complete: bool, had_chemotherapy: Optional[bool]) -> Optional[bool]:
    """Whether the person had a family of chemotherapy; None when their words cannot say."""
    if had_chemotherapy is None:
        return None
    if family in had:
        return True
    return False if not had_chemotherapy or complete else None
