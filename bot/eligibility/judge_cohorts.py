"""Criteria grouped under cohort headings written as items of their own:

    Part 1: Healthy volunteers:
    * Age between 18 and 65 years
    Part 2: Neuroendocrine tumor patients:
    * Age between 18 and 75 years

The items after a heading, up to the next one, are asked of that cohort only, so meeting another
cohort's ask will do: none of them is a clear no alone. A cohort of healthy volunteers is never
a patient's, so its items do not apply at all. (A heading with its items nested under it is
read as their parent by `items.read_criteria`; this is for headings whose items are siblings.)

Items chained by a trailing "or" are alternatives the same way ("Extensive stage small cell lung
cancer (SCLC) or" / "Stage IV large cell neuroendocrine NSCLC or" / "Small cell carcinoma of
extrapulmonary origin"): what each asks alone is one option, while what all of them ask alike
(a carcinoma, in each) is still asked of everyone.
"""

from __future__ import annotations

import re
from dataclasses import replace
from typing import Iterable, Optional

from bot.eligibility.judge_drugs import named_in_criterion
from bot.eligibility.logic import COHORT, EXCLUDES, REQUIRES, Fact, Reading
from bot.eligibility.split import Item, split_criteria

_HEADING = re.compile(r":\s*$")
_HEALTHY = re.compile(
    r"\bhealthy\s+(?:adult\s+)?(?:volunteers?|subjects?|controls?|participants?|individuals?|people)\b", re.I
)
_EVERY_COHORT = re.compile(
    r"\b(?:both|all|every|each)\s+(?:of\s+the\s+)?(?:strat\w*|cohorts?|arms?|parts?|groups?|patients|participants|subjects)\b|\bcommon\s+to\b",
    re.I,
)
_ONE_LABEL = re.compile(
    r"\b(?:cohort|arm|part|group|stratum|phase)\s*(?:[A-Z]|[0-9]{1,2}|I{1,3}V?)\b", re.I
)  # "Group B", "Part 2", "Stratum 1"
_MIN_COHORTS = 2  # one heading alone may name the only cohort there is: its items are then everyone's
# ... but not one for those treated again ("Retreatment patients:"): those treated for the first time are the others
_TREATED_AGAIN = re.compile(r"\bre-?\s?treat(?:ment|ed|ing)\b|\bre-?challeng\w*", re.I)
_LONGEST_HEADING = 200  # "Group B: Secondary therapy subjects will be included in the study if they meet all of the following general criteria:"
_OR_AT_END = re.compile(r"\b(?:or|and/or)\s*[,;:]?\s*$", re.I)


def cohort_of_items(text: Optional[str]) -> dict[tuple[str, str], str]:
    """(section, item text) -> the cohort heading it sits under, when the text has several
    cohorts. Items under a heading for every cohort ("Inclusion criteria for both strata:"), and
    items written the same way outside any cohort, are everyone's and left out."""
    criteria = split_criteria(text)
    sections = (("inclusion", criteria.inclusion), ("exclusion", criteria.exclusion))
    headings = [i.text for _, items in sections for i in items if is_cohort_heading(i.text)]
    one_cohort = {h for h in headings if _ONE_LABEL.search(h) or _HEALTHY.search(h) or not _EVERY_COHORT.search(h)}
    if (
        len(one_cohort) < _MIN_COHORTS
        and len(one_cohort) == len(headings)
        and not any(_TREATED_AGAIN.search(h) for h in one_cohort)
    ):
        return {}
    found: dict[tuple[str, str], str] = {}
    general: set[tuple[str, str]] = set()
    for section, items in sections:
        heading: Optional[str] = None
        for item in items:
            if item.text in headings:
                heading = item.text if item.text in one_cohort else None
                continue
            for said in _texts(item):
                if heading:
                    found[(section, said)] = heading
                else:
                    general.add((section, said))
    return {key: heading for key, heading in found.items() if key not in general}


def is_cohort_heading(text: str) -> bool:
    """ "Part 1: Healthy volunteers:", "Cohort B (pancreatic NET):", "Exclusion criteria for part 2:", and a
    label alone: "Group A (primary treatment)", "Part 2"."""
    return bool(_BARE_LABEL.match(text)) or (
        bool(_HEADING.search(text))
        and (bool(COHORT.search(text)) or bool(_HEALTHY.search(text)))
        and len(text) < _LONGEST_HEADING
    )


_BARE_LABEL = re.compile(
    r"^\W*(?:cohort|arm|part|group|stratum)\s+(?:[A-Z]|[0-9]{1,2}|I{1,3}V?)\b(?:\s*(?:[-–:]\s*)?\(?[^.;:()]{0,60}\)?)?\s*:?\s*$",
    re.I,
)


def contradictions(readings: Iterable[Reading]) -> list[Reading]:
    """An inclusion that asks for a treatment and a criterion that rules the same one out at any time ("No
    prior PRRT" and "Previously treated with lutetium-177 octreotate"): they cannot both be everyone's, so
    they are options of groups the text does not mark, and neither is a clear no alone."""
    read = list(readings)
    asked = [f for r in read if r.section == "inclusion" for f in r.facts if _firm_treatment(f, REQUIRES)]
    # "Prior treatment with lenvatinib" rules out that drug, not every targeted drug another item asks for
    ruled_out = [
        f
        for r in read
        for f in r.facts
        if _firm_treatment(f, EXCLUDES) and not all(named_in_criterion(k, f.text) for k in f.treatments)
    ]
    clash = {
        id(f) for a in asked for b in ruled_out if a.treatments & b.treatments and not b.needs_more for f in (a, b)
    }
    if not clash:
        return read
    return [replace(r, facts=tuple(replace(f, firm=False) if id(f) in clash else f for f in r.facts)) for r in read]


def _firm_treatment(fact: Fact, mode: str) -> bool:
    return fact.field == "treatments" and fact.mode == mode and fact.firm and not _COUNTED & fact.treatments


_COUNTED = {"lines", "lines of chemotherapy"}


def chained_alternatives(text: Optional[str]) -> dict[str, int]:
    """Inclusion item text -> its chain of alternatives, for items joined by a trailing "or"."""
    chains: dict[str, int] = {}

    def walk(items: list[Item]) -> None:
        chain: list[str] = []
        for item in items:
            chain.append(item.text)
            if not _OR_AT_END.search(item.text):
                if len(chain) > 1:
                    chain_id = len(chains)  # unique: it grows by each chain's length
                    chains.update({said: chain_id for said in chain})
                chain = []
            walk(item.children)

    walk(split_criteria(text).inclusion)
    return chains


def by_cohort(text: Optional[str], readings: Iterable[Reading]) -> list[Reading]:
    """The readings with each cohort's items made that cohort's, and healthy volunteers' dropped;
    each of a chain of alternatives made one option of it."""
    cohorts = cohort_of_items(text)
    kept: list[Reading] = []
    for reading in readings:
        heading = cohorts.get((reading.section, reading.text))
        if heading is None:
            kept.append(reading)
        elif not _HEALTHY.search(heading):
            kept.append(replace(reading, facts=tuple(of_one_cohort(f) for f in reading.facts)))
    return _as_options(kept, chained_alternatives(text))


def _as_options(readings: list[Reading], chains: dict[str, int]) -> list[Reading]:
    asked: dict[int, list[set[tuple[str, frozenset[str]]]]] = {}
    for reading in readings:
        if reading.section == "inclusion" and reading.text in chains:
            asked.setdefault(chains[reading.text], []).append(_asks(reading))
    alike = {chain: set.intersection(*found) for chain, found in asked.items()}
    return [
        replace(
            r,
            facts=tuple(
                f if f.mode != REQUIRES or (f.field, f.values) in alike[chains[r.text]] else of_one_cohort(f)
                for f in r.facts
            ),
        )
        if r.section == "inclusion" and r.text in chains
        else r
        for r in readings
    ]


def _asks(reading: Reading) -> set[tuple[str, frozenset[str]]]:
    return {(f.field, f.values) for f in reading.facts if f.mode == REQUIRES}


def of_one_cohort(fact: Fact) -> Fact:
    """Never a clear no alone; a requirement is that cohort's, so another cohort's may be met instead."""
    return replace(fact, firm=False, cohort=fact.cohort or fact.mode == REQUIRES)


def _texts(item: Item) -> list[str]:
    return [item.text, *(t for child in item.children for t in _texts(child))]
