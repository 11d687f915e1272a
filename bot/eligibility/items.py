"""A whole criteria text read item by item (the items of `split.py`), with what an item says
about the items around it: a lead-in's "at least one of the following:", cohorts, allowances."""

from __future__ import annotations

import re
from dataclasses import replace
from typing import Iterable, Optional

from bot.eligibility.facts import sentences_of, treatment_spans
from bot.eligibility.fields import facts_of, sites_named
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


# "Pancreatic origin: ...", "Gastrointestinal NETs: ...": a cohort named by where its NETs started
_SITE_LABEL = re.compile(r"^\W*(?P<words>[\w\s-]{0,40}?\b(?:origin|primary|NETs?|tumou?rs?|neoplasms?))\s*:\s*\S", re.I)
# "more than one line of chemotherapy in pancreatic neuroendocrine tumors": a treatment counted for those NETs only
_IN_SITE_NETS = re.compile(
    r"\bin\s+(?:patients\s+with\s+)?(?P<words>(?:[\w-]+\s+){1,3}?)(?:origin\b|NETs?\b|neuroendocrine\s+tumou?rs?|tumou?rs?\b)",
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
    # a parent "one of the following:" -> its options' readings, with how firm each fact was read on its own
    options: dict[str, list[tuple[int, list[bool]]]] = {}
    for section, items in (("inclusion", criteria.inclusion), ("exclusion", criteria.exclusion)):
        listing = False  # after "... at least one of the following:" with no sub-items: its list comes as siblings
        for item, parent in _walk(items, None):
            sentences = [(part, s) for part, piece in _groups(item.text, section) for s in sentences_of(piece)]
            by_sentence = [
                [_for_sites_in(s, replace(f, part=part) if part else f) for f in facts_of(s, section, item.text)]
                for part, s in sentences
            ]
            facts = [f for found in by_sentence for f in found]
            # facts of the sentences before the alternatives begin are asked for on their own
            before = sum(len(found) for found in by_sentence[: _alternatives_start([s for _, s in sentences])])
            if _LEAD_IN.match(item.text):
                facts = []  # "Prior therapy:": what it means is in the items under it
            firm_alone = [f.firm for f in facts]
            if parent is not None and ALTERNATIVES.search(parent):
                # one of the listed kinds: meeting another's ask on a field will do, as for cohorts
                facts = [replace(f, firm=False, cohort=f.cohort or f.mode == REQUIRES) for f in facts]
            if parent is not None and section == "inclusion" and RULED_OUT.search(parent):
                facts = [replace(f, mode=EXCLUDES) if f.mode == REQUIRES else f for f in facts]
            labelled = _labelled_sites(item.text) or (_labelled_sites(parent) if parent else None)
            if labelled:
                facts = [replace(f, for_sites=labelled[0], for_maybe=labelled[1]) for f in facts]
            elif COHORT.search(item.text) or (parent and COHORT.search(parent)):
                facts = [_of_one_cohort(f) for f in facts]
            if allows_all_of(item.text):
                reached = _allowed_sentences([s for _, s in sentences])
                origin = [at for at, found in enumerate(by_sentence) for _ in found]
                facts = [
                    replace(f, mode=ALLOWS)
                    if f.field == "treatments" and f.mode == REQUIRES and not _COUNTED & f.treatments and at in reached
                    else f
                    for f, at in zip(facts, origin)
                ]  # "no more than two prior therapies" is still a limit
            if listing and parent is None:
                facts = [replace(f, firm=False) for f in facts]
            if ALTERNATIVES.search(item.text):
                lead_in = item.text.rstrip().endswith(":")  # the alternatives are the list that follows
                facts = facts if lead_in else [*facts[:before], *(replace(f, group="item") for f in facts[before:])]
                listing = listing or (lead_in and not item.children)
            if facts:
                if parent is not None and ALTERNATIVES.search(parent):
                    options.setdefault(parent, []).append((len(readings), firm_alone))
                readings.append(Reading(item.text, section, tuple(facts)))
    return _cohorts(_sites_apart(_asked_by_every_option(readings, options)))


def _asked_by_every_option(readings: list[Reading], options: dict[str, list[tuple[int, list[bool]]]]) -> list[Reading]:
    """What every option of "one of the following:" asks alike ("G1/G2 (Ki67<20%) pancreatic NET" / "G1/G2 (Ki67<20%)
    GI NET": the grade and the Ki-67) is asked of everyone, as firmly as it was read alone; only where they differ
    is it one option."""
    read = list(readings)
    for found in options.values():
        if len(found) < _MIN_OPTIONS:
            continue
        alike = set.intersection(*({_ask(f) for f in read[at].facts if f.mode == REQUIRES} for at, _ in found))
        for at, firm_alone in found:
            read[at] = replace(
                read[at],
                facts=tuple(
                    replace(f, firm=firm, cohort=False) if f.mode == REQUIRES and _ask(f) in alike else f
                    for f, firm in zip(read[at].facts, firm_alone)
                ),
            )
    return read


_MIN_OPTIONS = 2


def _ask(fact: Fact) -> tuple[object, ...]:
    return (fact.field, fact.values, fact.low, fact.high, fact.low_strict, fact.high_strict, fact.treatments)


def _sites_apart(readings: list[Reading]) -> list[Reading]:
    """Cohorts named by their starts are apart: beside "Pancreatic origin:", "Gastrointestinal origin:" does not
    take in the pancreas."""
    named = {f.for_sites for r in readings for f in r.facts if f.for_sites}
    if len(named) < 2:
        return readings
    return [
        replace(
            r,
            facts=tuple(
                replace(f, for_maybe=f.for_maybe - frozenset().union(*(n for n in named if n != f.for_sites)))
                if f.for_sites
                else f
                for f in r.facts
            ),
        )
        for r in readings
    ]


def _labelled_sites(text: str) -> Optional[tuple[frozenset[str], frozenset[str]]]:
    """The starts of a cohort named by them ("Pancreatic origin: progression after a targeted agent"): its asks
    are for those NETs only, and firm for them."""
    label = _SITE_LABEL.match(text)
    named = sites_named(label.group("words")) if label else None
    return named if named and named[0] else None


def _for_sites_in(sentence: str, fact: Fact) -> Fact:
    """A treatment counted for NETs of some starts only ("previous chemotherapy in gastrointestinal NETs")."""
    found = _IN_SITE_NETS.search(sentence) if fact.field == "treatments" else None
    values, maybe = sites_named(found.group("words")) if found else (frozenset(), frozenset())
    return replace(fact, for_sites=values, for_maybe=maybe) if values else fact


def _allowed_sentences(sentences: list[str]) -> set[int]:
    """The sentences an item's allowance reaches: its own, when each sentence that allows names a treatment
    ("Progression after a targeted agent. Prior SSAs are allowed." still asks for the targeted agent); the whole
    item when one names none ("Prior octreotide LAR. This is not mandatory.")."""
    allowing = [at for at, sentence in enumerate(sentences) if allows_all_of(sentence)]
    if not allowing or any(not treatment_spans(sentences[at]) for at in allowing):
        return set(range(len(sentences)))
    return set(allowing)


def _alternatives_start(sentences: list[str]) -> int:
    """The first sentence of an item's alternatives: "Low-grade advanced NETs. The NETs must be (a) ... or (b) ..."
    asks for the first sentence whichever alternative is met."""
    return max((at for at in range(len(sentences)) if ALTERNATIVES.search(" ".join(sentences[at:]))), default=0)


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
                and not fact.for_sites  # already asked of its own cohort only
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
    doubts: dict[tuple[object, ...], frozenset[str]] = {}
    for at in cohorts:
        for f in readings[at].facts:
            if f.mode == REQUIRES and _ask(f) in shared:
                doubts[_ask(f)] = doubts.get(_ask(f), frozenset()) | f.maybe
    return [
        replace(
            r,
            facts=tuple(
                (replace(f, maybe=doubts[_ask(f)]) if _ask(f) in shared else replace(f, firm=False))
                if f.mode == REQUIRES and not f.for_sites
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


def _asked_alike(cohorts: list[Reading]) -> set[tuple[object, ...]]:
    """What every cohort asks for alike ("... neuroendocrine carcinoma" in each, "Ki67<20%" in each): still a
    requirement."""
    asked = [
        {_ask(f) for f in r.facts if f.mode == REQUIRES and (f.values or f.low is not None or f.high is not None)}
        for r in cohorts
    ]
    return set.intersection(*asked) if asked else set()


def _walk(items: Iterable[Item], parent: Optional[str]) -> Iterable[tuple[Item, Optional[str]]]:
    for item in items:
        yield item, parent
        yield from _walk(item.children, item.text)
