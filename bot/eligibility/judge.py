"""A person against one trial, criterion by criterion: "matches", "does_not_match" or "ask_team".

The rule: "does_not_match" only when something the person said clearly fails a criterion
read with its logic (`items.read_criteria`); anything less certain is "ask_team". A trial is
`excluded` only on a "does_not_match", never on an "ask_team".
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from typing import Iterable, Optional, Protocol

from bot.eligibility.items import read_criteria
from bot.eligibility.logic import ALLOWS, EXCLUDES, REQUIRES, Fact, Reading
from bot.eligibility.person import Person

MATCHES, DOES_NOT_MATCH, ASK_TEAM = "matches", "does_not_match", "ask_team"
_WORST = {DOES_NOT_MATCH: 2, ASK_TEAM: 1, MATCHES: 0}
# Fields where several inclusion items may each name one cohort ("Cohort A: pancreatic NET"):
# a person who fits one of them is never ruled out by another.
_COHORT_FIELDS = ("site", "grade", "differentiation")
# Kinds of treatment that count as the criterion's kind ("a tyrosine kinase inhibitor": sunitinib too).
_COUNTS_AS = {"targeted therapy": {"targeted therapy", "sunitinib"}}


class Record(Protocol):
    """What the judge reads of a trial (a TrialDetail or a parsed record)."""

    criteria: Optional[str]
    min_age_years: Optional[float]
    max_age_years: Optional[float]
    sex: Optional[str]


@dataclass(frozen=True)
class Judged:
    field: str
    criterion: str  # the criterion item's text as written, or "minimumAge: 18 Years"
    verdict: str
    facts: tuple[Fact, ...] = ()  # what was read from it, for the words shown to people


@dataclass(frozen=True)
class Judgement:
    checks: tuple[Judged, ...]

    @property
    def excluded(self) -> bool:
        return any(c.verdict == DOES_NOT_MATCH for c in self.checks)

    def of(self, field: str) -> list[Judged]:
        return [c for c in self.checks if c.field == field]

    def verdict(self, field: str) -> Optional[str]:
        """The field's verdict over all its criteria: the worst one; None when none speak to it."""
        found = [c.verdict for c in self.of(field)]
        return max(found, key=_WORST.__getitem__) if found else None


def judge(trial: Record, person: Person) -> Judgement:
    checks = [*_record_limits(trial, person)]
    judged = [j for reading in readings(trial.criteria) for j in _judge_reading(reading, person)]
    checks += _spare_other_cohorts(judged)
    return Judgement(tuple(checks))


@lru_cache(maxsize=512)
def _readings(text: str) -> tuple[Reading, ...]:
    return tuple(read_criteria(text))


def readings(text: Optional[str]) -> tuple[Reading, ...]:
    return _readings(text) if text and text.strip() else ()


# -- the record's own fields ------------------------------------------------------------------------
def _years(value: float) -> str:
    return f"{round(value * 12)} Months" if value < 1 else f"{value:g} Years"


def _record_limits(trial: Record, person: Person) -> list[Judged]:
    found = []
    for name, limit, inside in (("minimumAge", trial.min_age_years, lambda a, l: a >= l),
                                ("maximumAge", trial.max_age_years, lambda a, l: a <= l)):
        if limit is None:
            continue
        verdict = ASK_TEAM if person.age is None else MATCHES if inside(person.age, limit) else DOES_NOT_MATCH
        found.append(Judged("age", f"{name}: {_years(limit)}", verdict))
    sex = (trial.sex or "").upper()
    if sex in ("FEMALE", "MALE"):
        verdict = ASK_TEAM if person.sex is None else MATCHES if person.sex.upper() == sex else DOES_NOT_MATCH
        found.append(Judged("sex", f"sex: {sex}", verdict))
    return found


# -- one criterion -------------------------------------------------------------------------------------
def _judge_reading(reading: Reading, person: Person) -> list[Judged]:
    verdicts = [(fact, verdict_of(fact, person)) for fact in reading.facts]
    if reading.section == "exclusion":
        verdicts = _one_exclusion(reading, verdicts)
    verdicts = _alternatives(verdicts)
    merged: dict[str, tuple[str, list[Fact]]] = {}
    for fact, verdict in verdicts:
        old, facts = merged.get(fact.field, (MATCHES, []))
        merged[fact.field] = (max(old, verdict, key=_WORST.__getitem__), [*facts, fact])
    return [Judged(field, reading.text, verdict, tuple(facts)) for field, (verdict, facts) in merged.items()]


_DISJUNCTION = re.compile(r"\bor\b|and/or", re.I)


def _one_exclusion(reading: Reading, verdicts: list[tuple[Fact, str]]) -> list[tuple[Fact, str]]:
    """An exclusion naming several things ("a functioning pancreatic NET") rules out only those
    who have them all, unless it lists them as alternatives ("a NEC or Ki-67 over 20%")."""
    ruling = [(f, v) for f, v in verdicts if f.mode == EXCLUDES]
    fields = {f.field for f, _ in ruling}
    if len(fields) < 2 or fields <= {"men1", "vhl"} or fields <= {"functioning", "syndrome"} or (_DISJUNCTION.search(reading.text) and not re.search(r"\band\b", reading.text)):
        return verdicts
    found = {v for _, v in ruling}
    together = MATCHES if MATCHES in found else DOES_NOT_MATCH if found == {DOES_NOT_MATCH} else ASK_TEAM
    return [(f, together if f.mode == EXCLUDES else v) for f, v in verdicts]


def _alternatives(verdicts: list[tuple[Fact, str]]) -> list[tuple[Fact, str]]:
    groups: dict[str, set[str]] = {}
    for fact, verdict in verdicts:
        if fact.group and fact.mode == REQUIRES:
            groups.setdefault(fact.group, set()).add(verdict)
    together = {g: MATCHES if MATCHES in found else DOES_NOT_MATCH if found == {DOES_NOT_MATCH} else ASK_TEAM
                for g, found in groups.items()}
    return [(f, together[f.group] if f.group in together and f.mode == REQUIRES else v) for f, v in verdicts]


def _spare_other_cohorts(judged: list[Judged]) -> list[Judged]:
    met = {j.field for j in judged if j.field in _COHORT_FIELDS and j.verdict == MATCHES
           and all(f.mode == REQUIRES for f in j.facts)}
    return [Judged(j.field, j.criterion, ASK_TEAM, j.facts)
            if j.field in met and j.verdict == DOES_NOT_MATCH and all(f.mode == REQUIRES for f in j.facts) else j
            for j in judged]


def verdict_of(fact: Fact, person: Person) -> str:
    has = has_it(fact, person)
    if fact.mode == ALLOWS:
        return ASK_TEAM if has is None else MATCHES
    if has is None:
        return ASK_TEAM
    if fact.mode == REQUIRES:
        return (ASK_TEAM if fact.needs_more else MATCHES) if has else (DOES_NOT_MATCH if fact.firm else ASK_TEAM)
    return (DOES_NOT_MATCH if fact.firm and not fact.needs_more else ASK_TEAM) if has else MATCHES


# -- does the person have what a fact describes? (None: not said) -------------------------------------------
def has_it(fact: Fact, person: Person) -> Optional[bool]:
    if fact.field in ("age", "ki67"):
        return _inside(fact, person.age if fact.field == "age" else person.ki67)
    if fact.field == "treatments":
        return _had(fact.treatments, person.treatments)
    if fact.field == "spread" and fact.values:
        return _spread_to(fact.values, person)
    if fact.field == "functioning" and fact.values:  # "non-functional or gastrinoma": which syndrome, if any
        return _one_of(fact, _values_of("syndrome", person))
    if fact.flag is not None or not fact.values:
        return _same(fact.flag, _flag_of(fact.field, person))
    return _one_of(fact, _values_of(fact.field, person))


def _inside(fact: Fact, value: Optional[float]) -> Optional[bool]:
    if value is None:
        return None
    above = fact.low is None or (value > fact.low if fact.low_strict else value >= fact.low)
    below = fact.high is None or (value < fact.high if fact.high_strict else value <= fact.high)
    return above and below


def _had(kinds: Iterable[str], had: Optional[tuple[str, ...]]) -> Optional[bool]:
    if had is None:
        return None
    return any(k in had or bool(_COUNTS_AS.get(k, set()) & set(had)) for k in kinds)


def _spread_to(places: frozenset[str], person: Person) -> Optional[bool]:
    if person.spread is False:
        return False
    if set(person.spread_sites) & places:
        return True
    return False if person.spread_sites else None


def _same(wanted: Optional[bool], value: Optional[bool]) -> Optional[bool]:
    return None if wanted is None or value is None else wanted == value


def _flag_of(field: str, person: Person) -> Optional[bool]:
    return {"spread": person.spread, "resectable": person.resectable, "functioning": person.functioning,
            "men1": person.men1, "vhl": person.vhl}.get(field)


def _values_of(field: str, person: Person) -> tuple[str, ...]:
    if field == "site":
        return (person.site,) if person.site else ()
    if field == "grade":
        return tuple(str(g) for g in person.known_grades)
    if field == "differentiation":
        if person.differentiation == "NET" and 3 in person.known_grades:
            return ()  # a grade 3 NET was called a NEC before 2017: the team must say
        return (person.differentiation,) if person.differentiation else ()
    if field == "sex":
        return (person.sex,) if person.sex else ()
    if field == "syndrome":
        return (person.syndrome,) if person.syndrome else ("none",) if person.functioning is False else ()
    return ()


def _one_of(fact: Fact, values: tuple[str, ...]) -> Optional[bool]:
    if not values or any(v in fact.maybe for v in values):
        return None
    if values == ("unknown",) and "unknown" not in fact.values:
        return None  # where an unknown primary started, no one can say
    inside = [v in fact.values for v in values]
    return True if all(inside) else False if not any(inside) else None
