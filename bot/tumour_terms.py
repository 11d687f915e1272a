"""One vocabulary for a NET's site, grade, spread and hormones.

The person's words (the profile, the pre-screen's answers) and the record's words (the facts a
criteria text states, `bot/eligibility/facts.py`) are both named here, with the one mapping
between them: which of the person's sites each trial site takes in, and grade numbers to the
record's codes ("G1"). Each reader keeps its own patterns, one per name here;
tests/test_tumour_terms.py checks that they agree.
"""

from __future__ import annotations

from typing import Optional

UNKNOWN_SITE = "unknown"
# Where a person's NET started, as the pre-screen reads an answer.
PERSON_SITES = ("pancreas", "small bowel", "stomach", "lung", "thyroid", "appendix", "large bowel", "bowel")
# The profile's sites: the person's, less the thyroid (its reader, bot/profile/tumour.py, has no
# words for it), plus "not known where it started".
PROFILE_SITES = (*(s for s in PERSON_SITES if s != "thyroid"), UNKNOWN_SITE)
# Where a trial asks for NETs to have started, as its criteria or conditions say; order is the
# order the facts give them in.
TRIAL_SITES = ("pancreas", "gut or pancreas", "midgut", "small bowel", "stomach", "lung", "thyroid")

_GUT = frozenset({"pancreas", "small bowel", "stomach", "appendix", "large bowel", "bowel"})
# A trial's site -> (the person's sites that fit it, the ones to ask the team about). "bowel"
# alone may or may not be the small bowel or midgut.
SITE_FIT: dict[str, tuple[frozenset[str], frozenset[str]]] = {
    "pancreas": (frozenset({"pancreas"}), frozenset()),
    "gut or pancreas": (_GUT, frozenset()),
    "midgut": (frozenset({"small bowel", "appendix"}), frozenset({"large bowel", "bowel"})),
    "small bowel": (frozenset({"small bowel"}), frozenset({"bowel"})),
    "stomach": (frozenset({"stomach"}), frozenset()),
    "lung": (frozenset({"lung"}), frozenset()),
    "thyroid": (frozenset({"thyroid"}), frozenset()),
}
SITE_WORDS = {  # every site in a sentence: "It is for NETs that start in the pancreas."
    "pancreas": "the pancreas",
    "gut or pancreas": "the gut or pancreas",
    "midgut": "the middle part of the gut",
    "small bowel": "the small bowel",
    "stomach": "the stomach",
    "lung": "the lung",
    "thyroid": "the thyroid",
    "appendix": "the appendix",
    "large bowel": "the large bowel",
    "bowel": "the bowel",
}

# Grades: the person's are numbers, the record's codes ("G1").
GRADES = (1, 2, 3)


def grade_code(grade: int) -> str:
    """2 -> "G2"."""
    return f"G{grade}"


def grade_number(code: int | str) -> int:
    """ "G2" (or 2, or "2") -> 2."""
    return int(str(code).lstrip("G"))


# Places a NET has spread to (the profile's spread_to).
SPREAD_PLACES = ("bones", "brain", "liver", "lungs", "lymph nodes", "peritoneum")

# Whether a NET makes hormones that cause symptoms, in the person's and the record's words alike.
FUNCTIONING = "functioning"
NON_FUNCTIONING = "non-functioning"
FUNCTIONING_VALUES = (FUNCTIONING, NON_FUNCTIONING)


def makes_hormones(value: Optional[str]) -> Optional[bool]:
    """ "functioning" -> True, "non-functioning" -> False, anything else -> None (not known)."""
    return {FUNCTIONING: True, NON_FUNCTIONING: False}.get(value or "")
