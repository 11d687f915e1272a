"""A person against one trial, criterion by criterion: "matches", "does_not_match" or "ask_team".

The rule: "does_not_match" only when something the person said clearly fails a criterion
read with its logic (`items.read_criteria`); anything less certain is "ask_team". A trial is
`excluded` only on a "does_not_match", never on an "ask_team".
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace
from functools import lru_cache
from typing import Iterable, Optional, Protocol

from bot.eligibility.drug_families import FAMILIES, families_named
from bot.eligibility.facts import treatment_spans
from bot.eligibility.fields import G3_NET, qualifier_fields
from bot.eligibility.items import read_criteria
from bot.eligibility.judge_cohorts import by_cohort, contradictions
from bot.eligibility.judge_conditions import with_conditions
from bot.eligibility.judge_drugs import CHEMOTHERAPY, drugs_of_kind, had_named, named_in_criterion
from bot.eligibility.judge_settled import settled
from bot.eligibility.logic import ALLOWS, EXCLUDES, REQUIRES, Fact, Reading, mode_of
from bot.eligibility.person import SITES, Person
from bot.eligibility.reading import UNLESS
from bot.eligibility.title_site import title_reading
from bot.eligibility.treatment_facts import BIOTHERAPY

MATCHES, DOES_NOT_MATCH, ASK_TEAM = "matches", "does_not_match", "ask_team"
_WORST = {DOES_NOT_MATCH: 2, ASK_TEAM: 1, MATCHES: 0}
# Fields where several inclusion items may each name one cohort ("Cohort A: pancreatic NET"):
# a person who fits one of them is never ruled out by another.
_COHORT_FIELDS = ("site", "grade", "differentiation")
# Kinds of treatment that count as the criterion's kind ("a tyrosine kinase inhibitor": sunitinib too).
_COUNTS_AS = {"targeted therapy": {"targeted therapy", "sunitinib"}}


class Record(Protocol):
    """What the judge reads of a trial (a TrialDetail or a parsed record); its `title`, when it has
    one, is read for the site if the criteria name none (`title_site.py`)."""

    @property
    def criteria(self) -> Optional[str]: ...
    @property
    def min_age_years(self) -> Optional[float]: ...
    @property
    def max_age_years(self) -> Optional[float]: ...
    @property
    def sex(self) -> Optional[str]: ...


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
    read = readings(trial.criteria)
    titled = title_reading(getattr(trial, "title", None), read)  # a record without a title: criteria only
    read = (*read, titled) if titled else read
    judged = [j for reading in read for j in _judge_reading(reading, person)]
    checks += _spare_allowed_sites(_spare_other_cohorts(judged), read, person)
    return Judgement(tuple(checks))


@lru_cache(maxsize=512)
def _readings(text: str) -> tuple[Reading, ...]:
    return tuple(settled(with_conditions(contradictions(by_cohort(text, read_criteria(text))))))


def readings(text: Optional[str]) -> tuple[Reading, ...]:
    return _readings(text) if text and text.strip() else ()


# -- the record's own fields ------------------------------------------------------------------------
def _years(value: float) -> str:
    return f"{round(value * 12)} Months" if value < 1 else f"{value:g} Years"


def _record_limits(trial: Record, person: Person) -> list[Judged]:
    found = []
    for name, limit, inside in (
        ("minimumAge", trial.min_age_years, lambda age, limit: age >= limit),
        ("maximumAge", trial.max_age_years, lambda age, limit: age <= limit),
    ):
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
        verdicts = _one_exclusion(reading, verdicts, person)
    verdicts = _alternatives(verdicts)
    merged: dict[str, tuple[str, list[Fact]]] = {}
    for fact, verdict in verdicts:
        old, facts = merged.get(fact.field, (MATCHES, []))
        merged[fact.field] = (max(old, verdict, key=_WORST.__getitem__), [*facts, fact])
    return [Judged(field, reading.text, verdict, tuple(facts)) for field, (verdict, facts) in merged.items()]


_AND = re.compile(r"\band\b", re.I)


def _list_of_kinds(text: str) -> bool:
    """ "High grade (G3) neuroendocrine cancer, adenocarcinoid, ..., large cell neuroendocrine carcinoma and small cell
    carcinoma": three or more kinds, "and" only between the last two (no comma before it, nor "with", "who", "that"),
    each ruled out on its own."""
    text = _LEAD_IN.sub("", _CLOSED_BRACKETS.sub(" ", text).strip(" .;"))
    if re.search(r"[;:]|\b(?:with|who|which|that|whose|having)\b", text, re.I):
        return False
    *before, last = text.split(",")
    ands = _AND.findall(last)
    # "Functioning, metastatic, pancreatic and progressive NET": words that share one noun, not kinds
    shared_noun = all(len(item.split()) == 1 for item in [*before, _AND.split(last)[0]])
    return (
        len(before) >= 2
        and len(ands) == 1
        and not any(_AND.search(b) for b in before)
        and not last.strip().lower().startswith("and")
        and not shared_noun
    )


_CLOSED_BRACKETS = re.compile(r"\([^()]*\)")
_LEAD_IN = re.compile(r"^\W*(?:patients|subjects|participants|those)\s+with\s+(?:an?\s+|the\s+)?", re.I)
_DISJUNCTION = re.compile(r"\bor\b|and/or", re.I)
# "...unhealed surgical incision; 18 Brain metastases ...": numbered exclusions run together, each one of its own
_NUMBERED_BREAK = re.compile(r"[;.]\s*[0-9]{1,2}[.)]?\s+[A-Z]")


def _one_exclusion(reading: Reading, verdicts: list[tuple[Fact, str]], person: Person) -> list[tuple[Fact, str]]:
    """An exclusion naming several things ("a functioning pancreatic NET") rules out only those
    who have them all, unless it lists them as alternatives ("a NEC or Ki-67 over 20%", "A, B, C");
    an exclusion of two groups (`Fact.part`) rules out those who have all of either group's."""
    parts = sorted({f.part for f, _ in verdicts})
    if len(parts) > 1:
        return [fv for p in parts for fv in _one_group(reading, [(f, v) for f, v in verdicts if f.part == p], person)]
    return _one_group(reading, verdicts, person)


def _one_group(reading: Reading, verdicts: list[tuple[Fact, str]], person: Person) -> list[tuple[Fact, str]]:
    # a requirement inside an exclusion ("extra-pulmonary NEC": not of the lung) is one more thing it needs
    ruling = [(f, v) for f, v in verdicts if f.mode == EXCLUDES or (f.mode == REQUIRES and f.field == "site")]
    fields = {f.field for f, _ in ruling}
    if (
        len(fields) < 2
        or _NUMBERED_BREAK.search(reading.text)
        or fields <= {"men1", "vhl"}
        or fields <= {"functioning", "syndrome"}
        or (
            (_DISJUNCTION.search(reading.text) or reading.text.count(",") >= 2)
            and not re.search(r"\band\b", reading.text)
        )
        or _list_of_kinds(reading.text)
    ):
        return verdicts
    ruling = _site_read_with_the_rest(reading, ruling, person)
    found = {v for _, v in ruling}
    together = MATCHES if MATCHES in found else DOES_NOT_MATCH if found == {DOES_NOT_MATCH} else ASK_TEAM
    ruling_facts = [f for f, _ in ruling]
    return [(f, together if f in ruling_facts else v) for f, v in verdicts]


def _site_read_with_the_rest(
    reading: Reading, ruling: list[tuple[Fact, str]], person: Person
) -> list[tuple[Fact, str]]:
    """ "Functioning PanNET", "pancreatic NEC" among the exclusions: the site alone is unsure (it rules out no one
    by itself), but read together with the fields that qualify it, a person it names is caught when they are."""
    others = {f.field for f, v in ruling if f.field != "site" and f.firm and not f.needs_more}
    qualifiers = qualifier_fields(reading.text)
    if not others or qualifiers is None or not all(q & others for q in qualifiers) or UNLESS.search(reading.text):
        return ruling
    return [
        (f, DOES_NOT_MATCH)
        if f.field == "site"
        and f.mode == EXCLUDES
        and not f.firm
        and not f.needs_more
        and f.values - _SITE_OR_UNKNOWN
        and not f.maybe & set(_values_of("site", person))
        and has_it(f, person)
        else (f, v)
        for f, v in ruling
    ]


def _alternatives(verdicts: list[tuple[Fact, str]]) -> list[tuple[Fact, str]]:
    groups: dict[str, set[str]] = {}
    for fact, verdict in verdicts:
        if fact.group and fact.mode == REQUIRES:
            groups.setdefault(fact.group, set()).add(verdict)
    together = {
        g: MATCHES if MATCHES in found else DOES_NOT_MATCH if found == {DOES_NOT_MATCH} else ASK_TEAM
        for g, found in groups.items()
    }
    return [(f, together[f.group] if f.group in together and f.mode == REQUIRES else v) for f, v in verdicts]


def _spare_other_cohorts(judged: list[Judged]) -> list[Judged]:
    """Cohorts are alternatives ("Cohort A: lung NET; Cohort B: pancreatic NET"): a person who meets
    one cohort's ask on a field meets the others' on it too; any other requirement a person fails
    where one is met is for the team."""
    met = {j.field for j in judged if j.field in _COHORT_FIELDS and j.verdict == MATCHES and _requires_only(j)}
    met_by_a_cohort = {
        j.field for j in judged if j.field in met and j.verdict == MATCHES and any(f.cohort for f in j.facts)
    }
    return [
        Judged(j.field, j.criterion, _other_cohort(j, j.field in met_by_a_cohort), j.facts)
        if j.field in met and j.verdict != MATCHES and _requires_only(j)
        else j
        for j in judged
    ]


def _requires_only(judged: Judged) -> bool:
    return all(f.mode == REQUIRES for f in judged.facts)


def _other_cohort(judged: Judged, one_cohort_met: bool) -> str:
    if one_cohort_met and all(f.cohort for f in judged.facts):
        return MATCHES
    return ASK_TEAM if judged.verdict == DOES_NOT_MATCH else judged.verdict


def _spare_allowed_sites(judged: list[Judged], read: tuple[Reading, ...], person: Person) -> list[Judged]:
    """A site another criterion allows ("Other rare sites ... or unknown origin will be included",
    "(any site)") is never ruled out by the site asked for elsewhere: the team must say."""
    allowed = {
        v
        for r in read
        if r.section == "inclusion"
        for f in r.facts
        if f.field == "site" and f.mode == ALLOWS
        for v in f.values | f.maybe
    }
    if not person.site or person.site not in allowed:
        return judged
    return [
        Judged(j.field, j.criterion, ASK_TEAM, j.facts)
        if j.field == "site"
        and j.verdict == DOES_NOT_MATCH
        and all(f.mode == REQUIRES for f in j.facts if f.field == "site")
        else j
        for j in judged
    ]


def verdict_of(fact: Fact, person: Person) -> str:
    if fact.for_sites:  # asked of NETs of some starts only: not of anyone else's
        where = _one_of(replace(fact, values=fact.for_sites, maybe=fact.for_maybe), _values_of("site", person))
        if where is False:
            return MATCHES
        verdict = verdict_of(replace(fact, for_sites=frozenset(), for_maybe=frozenset()), person)
        return ASK_TEAM if where is None and verdict == DOES_NOT_MATCH else verdict
    if _taken_out_not_advanced(fact, person):
        return DOES_NOT_MATCH
    has = has_it(fact, person)
    if fact.mode == ALLOWS:  # never against anyone; met by all when it allows every value, or a treatment had or not
        if has and ((fact.needs_more and fact.field != "treatments") or fact.provided):
            return ASK_TEAM  # "brain metastases ... stable ... may be enrolled": only on a condition the team knows
        return MATCHES if has is not None or fact.every or fact.field == "treatments" else ASK_TEAM
    if has is None:
        return ASK_TEAM
    if fact.mode == REQUIRES:
        return (ASK_TEAM if fact.needs_more else MATCHES) if has else (DOES_NOT_MATCH if fact.firm else ASK_TEAM)
    return (DOES_NOT_MATCH if fact.firm and not fact.needs_more else ASK_TEAM) if has else MATCHES


def _taken_out_not_advanced(fact: Fact, person: Person) -> bool:
    """ "Advanced", "locally advanced or metastatic": a tumour already taken out that had not spread is neither,
    though one only said to be removable may still be locally advanced."""
    return (
        fact.field == "resectable"
        and fact.group == "stage"
        and fact.mode == REQUIRES
        and fact.flag is False
        and person.removed
        and person.spread is False
        and person.resectable is None
        and not _RECURRENT.search(fact.text)
    )


_RECURRENT = re.compile(r"\b(?:recurren\w*|relaps\w*|residual|persistent)\b", re.I)


# -- does the person have what a fact describes? (None: not said) -------------------------------------------
def has_it(fact: Fact, person: Person) -> Optional[bool]:
    has = _has_it(fact, person)
    if (
        has is False
        and fact.field == "treatments"
        and fact.mode == REQUIRES
        and _ANY_SYSTEMIC <= fact.treatments
        and person.treatments
    ):
        return None  # "after standard therapy": an operation or a liver treatment they had may be what the trial means
    return has


def _has_it(fact: Fact, person: Person) -> Optional[bool]:
    if fact.field == "treatments" and fact.values:  # "chemotherapy for NEC": for that kind of tumour only
        had = _has_it(replace(fact, values=frozenset()), person)
        return None if had and person.differentiation not in fact.values else had
    if fact.field == "age":
        return _inside(fact, person.age)
    if fact.field == "ki67":
        found = person.ki67_range
        if found is None:
            return None
        low, high = (_inside(fact, v) for v in found)
        if low and high:
            return True  # the whole range the grade allows is inside
        return False if not low and not high and (found[0] == found[1] or not _straddles(fact, found)) else None
    if fact.field == "treatments" and fact.treatments & {"lines", "lines of chemotherapy"}:
        counted = person.lines if "lines" in fact.treatments else person.chemo_lines
        if counted is None:
            return None
        fewest, most = (_inside(fact, float(c)) for c in counted)
        return True if fewest and most else False if not fewest and not most else None
    if fact.field == "treatments" and fact.treatments == {"surgery"} and person.removed:
        return True  # "removed during a colonoscopy": taken out, if not by surgery as such
    if fact.field == "treatments" and fact.treatments & set(FAMILIES):
        return _had_family_or_kind(fact, person)
    if fact.field == "treatments" and any(named_in_criterion(k, fact.text) for k in fact.treatments):
        return _had_named_drugs(fact, person)
    if fact.field == "treatments":
        had = _had(fact.treatments, person.treatments, fact.text)
        if (
            had
            and person.ssa_maybe_short
            and _LONG_ACTING.search(fact.text)
            and not _had(fact.treatments - {"somatostatin analogue"}, person.treatments)
        ):
            return None  # plain "octreotide" may be the short-acting kind
        if had is False and "surgery" in fact.treatments and person.removed:
            return None  # "removed during a colonoscopy": an operation, in the criterion's words? the team must say
        return had
    if fact.field == "spread" and fact.values:
        return _spread_to(fact.values, person)
    if (
        fact.field == "differentiation"
        and G3_NET in fact.maybe
        and person.differentiation == "NET"
        and not person.known_grades
    ):
        return None  # a NET of unsaid grade may be a G3 NET, which a carcinoma named by its grade may take
    if (
        fact.field == "differentiation"
        and fact.values != {"NET"}
        and person.differentiation == "NET"
        and 3 in person.known_grades
        and G3_NET in fact.maybe
    ):
        # a grade 3 NET was called a NEC before 2017: whether a carcinoma named by its grade takes it, the team must
        # say; one named by its look ("poorly differentiated", "small cell") is not a well-differentiated NET
        return None
    if fact.field == "grade" and G3_NET in fact.maybe and person.differentiation == "NET" and 3 in person.known_grades:
        return None  # "high-grade neuroendocrine carcinoma": a G3 NET is high grade, but not a carcinoma
    if fact.field == "functioning" and fact.values:  # "non-functional or gastrinoma": which syndrome, if any
        return _one_of(fact, _values_of("syndrome", person))
    if fact.field == "spread" and fact.flag is True and person.spread_sites == _LYMPH_ONLY:
        if fact.mode == EXCLUDES:
            return None  # nodes near the tumour only: "metastatic disease" may mean distant spread
        if fact.mode == REQUIRES and person.removed:
            return None  # nodes taken out with the tumour: whether any disease is left, the team knows
    if fact.field == "resectable" and fact.flag is True and fact.mode == REQUIRES:
        return _same(
            True, person.resectable
        )  # a tumour already taken out is not one still to be removed: only what was said
    if fact.flag is not None or not fact.values:
        return _same(fact.flag, _flag_of(fact.field, person))
    return _one_of(fact, _values_of(fact.field, person))


_SITE_OR_UNKNOWN = frozenset({"unknown", "thymus", "duodenum"})  # "carcinoid" alone: maybe anywhere but the pancreas
_ANY_SYSTEMIC = frozenset(
    {"chemotherapy", "everolimus", "sunitinib", "somatostatin analogue", "PRRT", "targeted therapy"}
)
_LONG_ACTING = re.compile(r"long[- ]acting|\bLAR\b|\bdepot\b|\bautogel\b|\bmonthly\b", re.I)
_LYMPH_ONLY = ("lymph nodes",)


def _straddles(fact: Fact, found: tuple[float, float]) -> bool:
    """The criterion's range lies inside the person's ("Ki-67 10-15%" for a G2, 0-20%)."""
    return any(limit is not None and found[0] <= limit <= found[1] for limit in (fact.low, fact.high))


def _inside(fact: Fact, value: Optional[float]) -> Optional[bool]:
    if value is None:
        return None
    above = fact.low is None or (value > fact.low if fact.low_strict else value >= fact.low)
    below = fact.high is None or (value < fact.high if fact.high_strict else value <= fact.high)
    return above and below


def _allowed_in(text: str) -> set[str]:
    """Kinds of treatment the criterion itself allows ("... biotherapy for NEC (prior SSAs are allowed)")."""
    return {kind for kind, at in treatment_spans(text) if mode_of(text, "exclusion", at) == ALLOWS}


_MAY_BE_BIOTHERAPY = frozenset(
    {"somatostatin analogue", "interferon", "everolimus", "sunitinib", "targeted therapy", "immunotherapy"}
)
_A_CLASS = re.compile(
    r"tyrosine[- ]kinase|\bTKIs?\b|targeted|\bVEGFR?\b|angiogen\w*|multi-?\s?kinase|kinase\s+inhibitor|\bsmall[- ]molecule",
    re.I,
)


_ANY_TARGETED = re.compile(r"\btargeted\s+(?:small[- ]molecule\s+)?(?:therap\w*|agents?|drugs?|medicines?)", re.I)
_NOT_MTOR = re.compile(r"\bVEGFR?[- ]targeted", re.I)  # "anti-VEGF/VEGFR targeted drugs": not everolimus


def _had(kinds: Iterable[str], had: Optional[tuple[str, ...]], text: str = "") -> Optional[bool]:
    """Has had any of `kinds`. "A tyrosine kinase inhibitor" takes sunitinib too; one named drug of
    that class ("prior cabozantinib") does not, and another targeted drug may or may not be it."""
    if had is None:
        return None
    kinds = set(kinds)
    if BIOTHERAPY in kinds:
        if kinds - {BIOTHERAPY} and _had(kinds - {BIOTHERAPY}, had, text):
            return True
        return None if set(had) & (_MAY_BE_BIOTHERAPY - _allowed_in(text)) else False
    if "targeted therapy" in kinds and text and not _A_CLASS.search(text):
        if kinds - {"targeted therapy"} and _had(kinds - {"targeted therapy"}, had):
            return True
        return None if "targeted therapy" in had else False
    if (
        "targeted therapy" in kinds
        and "everolimus" in had
        and _ANY_TARGETED.search(text)
        and not _NOT_MTOR.search(text)
    ):
        return True  # "a previous targeted agent": an mTOR inhibitor is one, though not a VEGF-targeted one
    return any(k in had or bool(_COUNTS_AS.get(k, set()) & set(had)) for k in kinds)


def _had_family_or_kind(fact: Fact, person: Person) -> Optional[bool]:
    """ "platinum-based chemotherapy or everolimus": any one of the families or kinds named."""
    found = [person.had_family(f) for f in fact.treatments & set(FAMILIES)]
    others = fact.treatments - set(FAMILIES)
    if others:
        found.append(_had(others, person.treatments, fact.text))
    unfamilied = frozenset(d for d in named_in_criterion(CHEMOTHERAPY, fact.text) if not families_named(d))
    if unfamilied:  # "5-FU or irinotecan": the 5-FU too
        found.append(had_named(unfamilied, CHEMOTHERAPY, person.treatments, person.drugs, person.kinds_unnamed))
    elif fact.mode == EXCLUDES:
        # a drug named beside the families where the criterion also says "chemotherapy" ("any of the components of
        # the chemotherapy regimens (nal-IRI or 5-FU or irinotecan)"), or only as part of a regimen: for the team
        named = frozenset(d for d in drugs_of_kind(CHEMOTHERAPY, fact.text) if not families_named(d))
        if named and had_named(named, CHEMOTHERAPY, person.treatments, person.drugs, person.kinds_unnamed) is not False:
            found.append(None)
    return True if True in found else False if all(f is False for f in found) else None


def _had_named_drugs(fact: Fact, person: Person) -> Optional[bool]:
    """ "prior sunitinib or PRRT": the drugs named, by name (`judge_drugs`); the kinds named, as kinds."""
    found = []
    for kind in fact.treatments:
        named = named_in_criterion(kind, fact.text)
        if not named:
            found.append(_had({kind}, person.treatments, fact.text))
            continue
        had = had_named(named, kind, person.treatments, person.drugs, person.kinds_unnamed, fact.text)
        if had and person.ssa_maybe_short and "octreotide" in named and _LONG_ACTING.search(fact.text):
            had = None  # plain "octreotide" may be the short-acting kind
        found.append(had)
    return True if True in found else False if all(f is False for f in found) else None


def _spread_to(places: frozenset[str], person: Person) -> Optional[bool]:
    if person.spread is False:
        return False
    if set(person.spread_sites) & places:
        return True
    return False if person.spread_sites else None


def _same(wanted: Optional[bool], value: Optional[bool]) -> Optional[bool]:
    return None if wanted is None or value is None else wanted == value


def _flag_of(field: str, person: Person) -> Optional[bool]:
    return {
        "spread": person.spread,
        "resectable": person.can_be_removed,
        "functioning": _functioning(person),
        "men1": person.men1,
        "vhl": person.vhl,
    }.get(field)


def _functioning(person: Person) -> Optional[bool]:
    """A named syndrome is a functioning NET, said or not."""
    return True if person.functioning is None and person.syndrome not in (None, "none") else person.functioning


def _values_of(field: str, person: Person) -> tuple[str, ...]:
    if field == "site":  # a site the judge has no name for ("thyroid"): the team must say
        return (person.site,) if person.site in SITES else ()
    if field == "grade":
        return tuple(str(g) for g in person.known_grades)
    if field == "differentiation":
        if person.differentiation is None and person.known_grades and max(person.known_grades) < 3:
            return ("NET",)  # grade 1 or 2 is always a well-differentiated NET
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
