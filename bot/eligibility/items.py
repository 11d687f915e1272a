"""A whole criteria text read item by item (the items of `split.py`), with what an item says
about the items around it: a lead-in's "at least one of the following:", cohorts, allowances."""

from __future__ import annotations

import re
from dataclasses import replace
from typing import Iterable, Optional

from bot.eligibility.facts import sentences_of
from bot.eligibility.fields import facts_of
from bot.eligibility.logic import (
    ALLOWS,
    ALTERNATIVES,
    COHORT,
    EXCLUDES,
    REQUIRES,
    RULED_OUT,
    Fact,
    Reading,
    allows_all_of,
)
from bot.eligibility.split import Item, split_criteria

_COUNTED = {"lines", "lines of chemotherapy"}
_LEAD_IN = re.compile(
    r"^\W*(?:\S+\s+){0,5}\S+\s*:\s*$"
    r"|^\W*(?:prior|previous)\s+(?:systemic\s+|anti-?cancer\s+)?(?:therapy|therapies|treatments?)\W*$",  # "Prior Systemic Therapy": a heading
    re.I,
)


_NEC_WORDS = r"(?:NECs?|neuroendocrine\s+carcinomas?)"
_NET_WORDS = r"(?:NETs?|neuroendocrine\s+tumou?rs?|carcinoids?)"
_AND_THEN = r"\b(?:\s+[^\s;.]+){2,12}?(?P<join>\s+and\s+)(?:the\s+|all\s+|any\s+|other\s+)?(?:[\w-]+\s+)?"
# "NECs confirmed not to be from GI primaries and NETs of lower grades": no tumour is both a NET and a NEC,
# so the "and" joins two groups ruled out, each with its own words
_TWO_KINDS = [
    re.compile(rf"\b{a}{_AND_THEN}{b}\b", re.I) for a, b in ((_NEC_WORDS, _NET_WORDS), (_NET_WORDS, _NEC_WORDS))
]


def _groups(text: str, section: str) -> list[tuple[int, str]]:
    """The item whole (part 0), or, for an exclusion of two kinds of tumour, each group with its number."""
    found = [m for p in _TWO_KINDS if section == "exclusion" and (m := p.search(text))]
    if not found:
        return [(0, text)]
    two = min(found, key=lambda m: m.start())
    return [(1, text[: two.start("join")]), (2, text[two.end("join") :])]


def read_criteria(text: Optional[str]) -> list[Reading]:
    """Every item of a criteria text, read; a sub-item under "at least one of the following:"
    is one alternative, never a requirement of its own."""
    criteria = split_criteria(text)
    readings: list[Reading] = []
    for section, items in (("inclusion", criteria.inclusion), ("exclusion", criteria.exclusion)):
        listing = False  # after "... at least one of the following:" with no sub-items: its list comes as siblings
        for item, parent in _walk(items, None):
            facts = [
                replace(f, part=part) if part else f
                for part, piece in _groups(item.text, section)
                for sentence in sentences_of(piece)
                for f in facts_of(sentence, section, item.text)
            ]
            if _LEAD_IN.match(item.text):
                facts = []  # "Prior therapy:": what it means is in the items under it
            if parent is not None and ALTERNATIVES.search(parent):
                facts = [replace(f, firm=False) for f in facts]
            if parent is not None and section == "inclusion" and RULED_OUT.search(parent):
                facts = [replace(f, mode=EXCLUDES) if f.mode == REQUIRES else f for f in facts]
            if COHORT.search(item.text) or (parent and COHORT.search(parent)):
                facts = [_of_one_cohort(f) for f in facts]
            if allows_all_of(item.text):
                facts = [
                    replace(f, mode=ALLOWS)
                    if f.field == "treatments" and f.mode == REQUIRES and not _COUNTED & f.treatments
                    else f
                    for f in facts
                ]  # "no more than two prior therapies" is still a limit
            if listing and parent is None:
                facts = [replace(f, firm=False) for f in facts]
            if ALTERNATIVES.search(item.text):
                lead_in = item.text.rstrip().endswith(":")  # the alternatives are the list that follows
                facts = facts if lead_in else [replace(f, group="item") for f in facts]
                listing = listing or (lead_in and not item.children)
            if facts:
                readings.append(Reading(item.text, section, tuple(facts)))
    return _cohorts(readings)


def _cohorts(readings: list[Reading]) -> list[Reading]:
    """Inclusion items that each ask for a different kind of tumour ("Advanced small cell lung
    cancer ...", "Well differentiated pancreatic NET ...") are cohorts: none of their
    requirements is a clear no on its own."""
    asks: dict[str, list[tuple[int, frozenset[str]]]] = {}
    for at, reading in enumerate(readings):
        for fact in reading.facts:
            if (
                reading.section == "inclusion"
                and fact.mode == REQUIRES
                and fact.field in ("site", "differentiation")
                and fact.values
            ):
                asks.setdefault(fact.field, []).append((at, fact.values))
    cohorts = {
        at
        for found in asks.values()
        for at, values in found
        if any(not values & other for at2, other in found if at2 != at)
    }
    shared = _asked_alike([readings[at] for at in cohorts])
    # what they ask alike keeps every cohort's doubts: a carcinoma named by its grade in one may take a G3 NET
    doubts: dict[tuple[str, frozenset[str]], frozenset[str]] = {}
    for at in cohorts:
        for f in readings[at].facts:
            if f.mode == REQUIRES and (f.field, f.values) in shared:
                doubts[(f.field, f.values)] = doubts.get((f.field, f.values), frozenset()) | f.maybe
    return [
        replace(
            r,
            facts=tuple(
                (
                    replace(f, maybe=doubts[(f.field, f.values)])
                    if (f.field, f.values) in shared
                    else replace(f, firm=False)
                )
                if f.mode == REQUIRES
                else f
                for f in r.facts
            ),
        )
        if at in cohorts
        else r
        for at, r in enumerate(readings)
    ]


def _of_one_cohort(fact: Fact) -> Fact:
    """A fact of an item that names its cohort ("Cohort B: ..."): never a clear no alone, and a
    requirement is that cohort's, so another cohort's may be met instead."""
    return replace(fact, firm=False, cohort=fact.cohort or fact.mode == REQUIRES)


def _asked_alike(cohorts: list[Reading]) -> set[tuple[str, frozenset[str]]]:
    """What every cohort asks for alike ("... neuroendocrine carcinoma" in each): still a requirement."""
    asked = [{(f.field, f.values) for f in r.facts if f.mode == REQUIRES and f.values} for r in cohorts]
    return set.intersection(*asked) if asked else set()


def _walk(items: Iterable[Item], parent: Optional[str]) -> Iterable[tuple[Item, Optional[str]]]:
    for item in items:
        yield item, parent
        yield from _walk(item.children, item.text)
