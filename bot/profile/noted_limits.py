"""Limits a compiled record states only in its source notes.

Some records were compiled from public pages where the eligibility list was seen only in part,
so the record has no criteria text and its `x-source.notes` quote what was seen ("Key inclusion
seen: newly diagnosed ... G1/G2 (Ki-67 <10%) ...; age >=12", "Exclusion (partial): ...; prior
PRRT; ..."). The criteria checks cannot read those, so this module reads the few kinds of limit
that are plain there: a Ki-67 range, an age range, "newly diagnosed", and a past treatment the
exclusions name. Used only when the record has no criteria of its own, only to rank and set
aside with the reason, never to hide a trial.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Optional

from bot.lexicon import Lexicon
from bot.profile.model import Profile
from bot.profile.time_known import months_known
from bot.trials.query import AGE_GROUP_YEARS, TrialDetail

_NUMBER = r"(\d+(?:\.\d+)?)"
_KI67 = r"ki[\s-]?67(?:\s+(?:index|range|of))?"
# "Ki-67 <10%", "Ki-67 <=20%", "Ki-67 range 15-55", "Ki-67 >=3% and <=55%"
_KI67_RANGE = re.compile(rf"{_KI67}\s*:?\s*{_NUMBER}\s*%?\s*(?:-|–|to)\s*{_NUMBER}", re.I)
_KI67_BOUND = re.compile(
    rf"{_KI67}\s*:?\s*(<=|≤|=<|<|>=|≥|=>|>)\s*{_NUMBER}\s*%?"
    rf"(?:\s*(?:and|,)\s*(<=|≤|=<|<)\s*{_NUMBER})?",
    re.I,
)
# "age >=18", "aged ≥ 18 years", "Ages 18-75"
_AGE_MIN = re.compile(rf"\bage[sd]?\s*(?:>=|≥|=>)\s*{_NUMBER}", re.I)
_AGE_RANGE = re.compile(rf"\bages?\s+{_NUMBER}\s*(?:-|–|to)\s*{_NUMBER}\b", re.I)
_NEWLY_DIAGNOSED = re.compile(r"\bnewly[\s-]+diagnosed\b", re.I)
# "newly diagnosed (within 6 months)"; without a stated window, a year is the most it can mean.
_WITHIN_MONTHS = re.compile(r"\s*\(?\s*within\s+(\d{1,2})\s+months?", re.I)
_NEW_FOR_MONTHS = 12
_EXCLUSION = re.compile(r"\bexclusion\b[^:.;]{0,30}:(?P<items>[^\n]*)", re.I)
_PAST = re.compile(r"^\s*(?:no\s+)?(?:prior|previous)\s+(?P<what>[\w\s/-]{2,40})$", re.I)
# The profile's age groups ("older adult") in years, first age in and first age out.
_GROUP_YEARS = {group.replace("_", " "): years for group, years in AGE_GROUP_YEARS.items()}
# Ki-67 by grade (WHO): grade 1 under 3%, grade 2 from 3 to 20%, grade 3 over 20%.
_KI67_OF_GRADE = {1: (0.0, 3.0), 2: (3.0, 20.0), 3: (20.0, 100.0)}
# Treatments that can come within weeks of a diagnosis; any other one had and not going on now
# means the diagnosis is not new.
_EARLY_TREATMENTS = ("surgery", "liver_transplant", "surveillance")


@dataclass(frozen=True)
class Range:
    low: float = 0.0
    high: float = 100.0

    def overlaps(self, low: float, high: float) -> bool:
        return low <= self.high and high >= self.low

    def words(self) -> str:
        if self.low <= 0:
            return f"under {self.high:g}%"
        if self.high >= 100:
            return f"over {self.low:g}%"
        return f"from {self.low:g} to {self.high:g}%"


def notes_of(trial: TrialDetail) -> str:
    """The record's source notes when it has no criteria text of its own; else ""."""
    if trial.criteria and trial.criteria.strip():
        return ""
    notes = (trial.source or {}).get("notes")
    return notes if isinstance(notes, str) else ""


def ki67_range(notes: str) -> Optional[Range]:
    """The first Ki-67 range the notes give."""
    spans = [(m.start(), _range_of(m)) for m in _KI67_RANGE.finditer(notes)]
    spans += [(m.start(), _bound_of(m)) for m in _KI67_BOUND.finditer(notes)]
    return min(spans, key=lambda item: item[0])[1] if spans else None


def _range_of(match: re.Match) -> Range:
    return Range(float(match.group(1)), float(match.group(2)))


def _bound_of(match: re.Match) -> Range:
    sign, value = match.group(1), float(match.group(2))
    if "<" in sign or "≤" in sign:
        return Range(high=value)
    upper = float(match.group(4)) if match.group(4) else 100.0
    return Range(value, upper)


def age_range(notes: str) -> Optional[Range]:
    found = _AGE_RANGE.search(notes)
    if found:
        return Range(float(found.group(1)), float(found.group(2)))
    found = _AGE_MIN.search(notes)
    return Range(low=float(found.group(1)), high=200.0) if found else None


def excluded_past_treatments(notes: str, lexicon: Lexicon) -> set[str]:
    """Lexicon ids of treatments an exclusion item names as had before ("prior PRRT")."""
    ids: set[str] = set()
    for block in _EXCLUSION.finditer(notes):
        for item in re.split(r"[;.]", block.group("items")):
            past = _PAST.match(item)
            if past:
                ids |= {tag.split(":", 1)[1] for tag in lexicon.tag_text("treatment", past.group("what"))}
    return ids


def noted_clash(trial: TrialDetail, profile: Profile, lexicon: Lexicon) -> Optional[str]:
    """The first limit in the notes that what the person said clearly fails, as a reason."""
    notes = notes_of(trial)
    if not notes:
        return None
    return (
        _ki67_clash(notes, profile)
        or _age_clash(trial, notes, profile)
        or _past_treatment_clash(notes, profile, lexicon)
        or _newly_diagnosed_clash(notes, profile)
    )


def noted_matches(trial: TrialDetail, profile: Profile) -> int:
    """How many limits in the notes what the person said plainly meets (a Ki-67 or an age in range)."""
    notes = notes_of(trial)
    if not notes:
        return 0
    ki67, ages = ki67_range(notes), age_range(notes)
    met = ki67 is not None and profile.ki67 is not None and _ki67_clash(notes, profile) is None
    met_by_grade = (
        ki67 is not None
        and profile.ki67 is None
        and bool(profile.grades)
        and all(ki67.overlaps(*_KI67_OF_GRADE[g]) for g in profile.grades if g in _KI67_OF_GRADE)
    )
    aged = (
        ages is not None
        and profile.age is not None
        and trial.min_age_years is None
        and ages.low <= profile.age <= ages.high
    )
    return int(met or met_by_grade) + int(aged)


# A grade said without its Ki-67 is taken at a Ki-67 typical of it, to tell whether a range is made for it.
_TYPICAL_KI67 = {1: 1.5, 2: 10.0, 3: 30.0}
_HIGH_GRADE_TITLE = re.compile(r"\b(?:G3|grade (?:3|III)|high[\s-]+grade)\b", re.I)


def made_for_their_grade(trial: TrialDetail, profile: Profile) -> bool:
    """A trial made for faster-growing NETs and the person's tumour is one: a Ki-67 range in its notes that
    starts above 0 and holds theirs ("Ki-67 15-55" for 30%), or a title for grade 3 and they said grade 3."""
    ki67 = ki67_range(notes_of(trial))
    if ki67 is not None and ki67.low > 0:
        if profile.ki67 is not None:
            return ki67.low <= profile.ki67 <= ki67.high
        typical = [_TYPICAL_KI67[g] for g in profile.grades if g in _TYPICAL_KI67]
        return bool(typical) and all(ki67.low <= value <= ki67.high for value in typical)
    high = 3 in profile.grades or (profile.ki67 or 0) > 20
    return high and bool(_HIGH_GRADE_TITLE.search(trial.title or ""))


def made_for_the_newly_diagnosed(trial: TrialDetail, profile: Profile) -> bool:
    """A trial whose notes say "newly diagnosed", for someone who said when it was found and it is within the
    trial's window, with no treatment had but early ones (and a Ki-67 limit, if any, that theirs meets)."""
    notes = notes_of(trial)
    newly = _NEWLY_DIAGNOSED.search(notes) if notes else None
    known = months_known(profile.known_since)
    if not newly or known is None or _newly_diagnosed_clash(notes, profile) or _ki67_clash(notes, profile):
        return False
    window = _WITHIN_MONTHS.match(notes, newly.end())
    return known <= (int(window[1]) if window else _NEW_FOR_MONTHS)


def _ki67_clash(notes: str, profile: Profile) -> Optional[str]:
    wanted = ki67_range(notes)
    if wanted is None:
        return None
    if profile.ki67 is not None:
        if wanted.overlaps(profile.ki67, profile.ki67) and not _at_open_end(notes, wanted, profile.ki67):
            return None
        return f"The trial's pages say it is for a Ki-67 {wanted.words()}. You said {profile.ki67:g}%."
    if not profile.grades:
        return None
    if any(wanted.overlaps(*_KI67_OF_GRADE[g]) for g in profile.grades if g in _KI67_OF_GRADE):
        return None
    return f"The trial's pages say it is for a Ki-67 {wanted.words()}, which does not go with the grade you said."


def _at_open_end(notes: str, wanted: Range, ki67: float) -> bool:
    """ "Ki-67 <10%" leaves out 10 itself."""
    strict_below = re.search(rf"{_KI67}\s*<\s*{wanted.high:g}\b", notes, re.I)
    return bool(strict_below) and ki67 >= wanted.high


def _age_clash(trial: TrialDetail, notes: str, profile: Profile) -> Optional[str]:
    """The person's age, or else the age group asked for ("14-17 year olds"), outside the ages
    the notes give, when the record has no age limits of its own."""
    ages = age_range(notes)
    if ages is None or trial.min_age_years is not None or trial.max_age_years is not None:
        return None
    if profile.age is not None:
        if ages.low <= profile.age <= ages.high:
            return None
    elif profile.wants.age_group in _GROUP_YEARS:
        first, past = _GROUP_YEARS[profile.wants.age_group]
        if ages.overlaps(first, past - 1):
            return None
    else:
        return None
    limit = f"aged {ages.low:g} to {ages.high:g}" if ages.high < 200 else f"aged {ages.low:g} or over"
    return f"The trial's pages say it is for people {limit}."


def _past_treatment_clash(notes: str, profile: Profile, lexicon: Lexicon) -> Optional[str]:
    had = {i for t in profile.treatments for i in (t.id, *_broader(t.id, lexicon))}
    ruled_out = sorted(excluded_past_treatments(notes, lexicon) & had)
    if not ruled_out:
        return None
    return f"The trial's pages say it does not take people who have had {lexicon.name_of(f'treatment:{ruled_out[0]}')}."


def _broader(concept_id: str, lexicon: Lexicon) -> tuple[str, ...]:
    concept = lexicon.concepts.get(f"treatment:{concept_id}")
    return tuple(concept.also) if concept else ()


def _newly_diagnosed_clash(notes: str, profile: Profile) -> Optional[str]:
    newly = _NEWLY_DIAGNOSED.search(notes)
    if not newly:
        return None
    past = [t for t in profile.treatments if t.outcome != "ongoing" and t.id not in _EARLY_TREATMENTS]
    if past:
        return "The trial's pages say it is for people newly diagnosed, and you have had treatment since."
    window = _WITHIN_MONTHS.match(notes, newly.end())
    known = months_known(profile.known_since)
    if known is None or known <= (int(window[1]) if window else _NEW_FOR_MONTHS):
        return None
    return "The trial's pages say it is for people newly diagnosed, and the NET was found longer ago than that."
