"""One trial against a person's answers: each point "matches", "does not match" or "ask your team".

What a trial asks for comes from the record's own fields (age, sex, status, places), from its
criteria text (`extract_facts`: where the NET started, grade, spread, hormones, past
treatments) and, where the criteria do not say, from the conditions it lists. The conditions
only say what a trial studies, so a clash with them is "ask your team", never "does not
match". Every "does not match" must also be the per-criterion judge's (`bot/eligibility/judge.py`):
a stated answer that clearly fails a criterion read with its logic; anything less is "ask
your team". Nothing here decides who can join; only the trial team can.
"""

from __future__ import annotations

from dataclasses import dataclass, fields, replace
from typing import Iterable, Optional

from bot.eligibility.facts import CriteriaFacts, extract_facts
from bot.eligibility.judge import DOES_NOT_MATCH, Judgement, judge
from bot.eligibility.judge import MATCHES as JUDGED_MATCH
from bot.eligibility.judge_words import FIELDS_OF_TOPIC, TOPIC_OF, mismatch_reason, specific_mismatch_reason
from bot.eligibility.logic import EXCLUDES, REQUIRES
from bot.eligibility.person import Person
from bot.geo.country_words import country_name, country_words
from bot.prescreen.answers import ANYWHERE, Answers
from bot.prescreen.words import grade_words, where_words
from bot.trials.freshness import open_and_recent
from bot.trials.query import TrialDetail
from bot.tumour_terms import FUNCTIONING, SITE_FIT, SITE_WORDS, grade_number, makes_hormones
from bot.words_list import words_list

MATCHES = "matches"
NO_MATCH = "does not match"
ASK = "ask your team"


@dataclass(frozen=True)
class Check:
    topic: str  # "age", "where it started", ...
    verdict: str  # MATCHES, NO_MATCH or ASK
    reason: str  # plain sentences
    stated: bool = True  # False: the person told us, the record does not say
    # An "ask your team" that would be a mismatch if the record said it outright: a clash with
    # its conditions list, or a past treatment it rules out (perhaps only if recent). Search
    # ranks these after the trials with nothing against them; it never hides them for it.
    likely_clash: bool = False


@dataclass(frozen=True)
class TrialChecklist:
    trial: TrialDetail
    checks: tuple[Check, ...]
    has_criteria: bool

    def count(self, verdict: str) -> int:
        return sum(1 for c in self.checks if c.verdict == verdict and c.stated)

    @property
    def clashes(self) -> bool:
        return self.count(NO_MATCH) > 0


def _as_criteria(lines: Iterable[str]) -> str:
    return "Inclusion Criteria:\n" + "\n".join(f"* {line}" for line in lines)


def _names_nets_in_general(condition: str) -> bool:
    facts = extract_facts(_as_criteria([condition]))
    return facts.tumour_type is not None and not facts.primary_site


@dataclass(frozen=True)
class RecordFacts:
    """What the record says about who the trial is for. `facts` takes each field from the
    criteria, else from the conditions and the title ("... in Grade 1 and Grade 2 GEP-NET");
    `from_conditions` names the fields taken from those. A conditions list that also names
    NETs in general ("Neuroendocrine Tumor", "Anaplastic Thyroid Cancer") gives no site."""

    facts: CriteriaFacts
    from_conditions: frozenset[str]
    has_criteria: bool

    @classmethod
    def of(cls, trial: TrialDetail) -> "RecordFacts":
        has_criteria = bool(trial.criteria and trial.criteria.strip())
        criteria = extract_facts(trial.criteria) if has_criteria else CriteriaFacts()
        described = [c for c in (trial.title, *trial.conditions) if c]
        conditions = extract_facts(_as_criteria(described)) if described else CriteriaFacts()
        if any(_names_nets_in_general(c) for c in trial.conditions):
            conditions = replace(conditions, primary_site=())
        merged, borrowed = {}, set()
        for field in fields(CriteriaFacts):
            own, other = getattr(criteria, field.name), getattr(conditions, field.name)
            use_other = own in (None, ()) and other not in (None, ())
            merged[field.name] = other if use_other else own
            if use_other:
                borrowed.add(field.name)
        return cls(CriteriaFacts(**merged), frozenset(borrowed), has_criteria)

    def judged(self, topic: str, field: str, verdict: str, reason: str) -> Check:
        """The check, softened to "ask your team" (marked as a likely clash) when the
        mismatch comes from the conditions list only."""
        softened = self.soften(field, verdict)
        return Check(topic, softened, reason, likely_clash=softened != verdict)

    def soften(self, field: str, verdict: str) -> str:
        """A clash with the conditions list is a question for the team, not a mismatch."""
        return ASK if verdict == NO_MATCH and field in self.from_conditions else verdict


# -- words ----------------------------------------------------------------------------------------
_TREATMENT_WORDS = {
    "PRRT": "PRRT (radioactive treatment)",
    "any cancer treatment": "cancer treatment",
    "somatostatin analogue": "a somatostatin analogue (like lanreotide)",
}
_STAGE_WORDS = {
    "metastatic": "have spread",
    "locally advanced": "have grown into nearby parts",
    "unresectable": "cannot be taken out by surgery",
    "resectable": "can be taken out by surgery",
    "no distant spread": "have not spread far",
}


def _years(value: float) -> str:
    return f"{round(value * 12)} months" if value < 1 else f"{value:g}"


def age_words(low: Optional[float], high: Optional[float]) -> str:
    if low is not None and high is not None:
        return f"aged {_years(low)} to {_years(high)}"
    if low is not None:
        return f"aged {_years(low)} or over"
    return f"aged up to {_years(high)}" if high is not None else "of any age"


def _treatments(names: Iterable[str], joiner: str = "or") -> str:
    return words_list([_TREATMENT_WORDS.get(n, n) for n in names], joiner)


def _share(hits: int, of: int) -> str:
    """MATCHES if all of `of` are hits, NO_MATCH if none are, ASK otherwise."""
    return MATCHES if hits == of else NO_MATCH if hits == 0 else ASK


# -- the checks --------------------------------------------------------------------------------------
def _status(trial: TrialDetail, record: RecordFacts, answers: Answers) -> Optional[Check]:
    if trial.status == "RECRUITING":
        return Check("status", MATCHES, "It is looking for people now.")
    return Check("status", ASK, "It has not started taking people yet. Ask when it will.")


def _age(trial: TrialDetail, record: RecordFacts, answers: Answers) -> Optional[Check]:
    low = trial.min_age_years if trial.min_age_years is not None else record.facts.min_age
    high = trial.max_age_years if trial.max_age_years is not None else record.facts.max_age
    if low is None and high is None:
        return Check("age", ASK, "", stated=False) if answers.age is not None else None
    wanted = f"It is for people {age_words(low, high)}."
    if answers.age is None:
        return Check("age", ASK, wanted)
    inside = (low is None or answers.age >= low) and (high is None or answers.age <= high)
    verdict = MATCHES if inside else NO_MATCH
    reason = f"{wanted} You said {answers.age}."
    if trial.min_age_years is None and trial.max_age_years is None:
        return record.judged("age", "min_age", verdict, reason)
    return Check("age", verdict, reason)


def _sex(trial: TrialDetail, record: RecordFacts, answers: Answers) -> Optional[Check]:
    stated = (trial.sex or "").upper()
    only = stated.lower() if stated in ("FEMALE", "MALE") else record.facts.sex
    if only is None:
        if stated == "ALL" and answers.sex:
            return Check("sex", MATCHES, "It is open to men and women.")
        return Check("sex", ASK, "", stated=False) if answers.sex else None
    wanted = "It is for women only." if only == "female" else "It is for men only."
    if answers.sex is None:
        return Check("sex", ASK, wanted)
    verdict = MATCHES if answers.sex == only else NO_MATCH
    return (
        Check("sex", verdict, wanted) if stated in ("FEMALE", "MALE") else record.judged("sex", "sex", verdict, wanted)
    )


def _site_fits(person: str, trial_site: str) -> str:
    fit, ask = SITE_FIT[trial_site]
    return MATCHES if person in fit else ASK if person in ask else NO_MATCH


def _site(trial: TrialDetail, record: RecordFacts, answers: Answers) -> Optional[Check]:
    sites = record.facts.primary_site
    if not sites:
        return Check("where it started", ASK, "", stated=False) if answers.site else None
    wanted = f"It is for NETs that start in {words_list([SITE_WORDS[s] for s in sites], 'or')}."
    if answers.site is None:
        return Check("where it started", ASK, wanted)
    verdicts = {_site_fits(answers.site, s) for s in sites}
    verdict = MATCHES if MATCHES in verdicts else ASK if ASK in verdicts else NO_MATCH
    reason = f"{wanted} You said {SITE_WORDS[answers.site]}."
    return record.judged("where it started", "primary_site", verdict, reason)


def _grade(trial: TrialDetail, record: RecordFacts, answers: Answers) -> Optional[Check]:
    grades = record.facts.grade
    if not grades:
        return Check("grade", ASK, "", stated=False) if answers.grades else None
    # grade 3 alone takes in NECs as well as grade 3 NETs: "tumours", never "NETs" said to someone with a NEC
    kind = "tumours" if {grade_number(g) for g in grades} == {3} else "NETs"
    wanted = f"It is for {grade_words(grades)} {kind}."
    if not answers.grades:
        return Check("grade", ASK, wanted)
    wanted_grades = {grade_number(g) for g in grades}
    verdict = _share(len(wanted_grades & set(answers.grades)), len(answers.grades))
    return record.judged("grade", "grade", verdict, f"{wanted} You said {grade_words(answers.grades)}.")


def _ki67(trial: TrialDetail, record: RecordFacts, answers: Answers) -> Optional[Check]:
    low, high = record.facts.ki67_min, record.facts.ki67_max
    if answers.ki67 is None or (low is None and high is None):
        return None
    # "at least 0%" limits nothing: a range from 0 is said as its upper end only
    limits = [f"at least {low:g}%" if low else "", f"at most {high:g}%" if high is not None else ""]
    inside = (low is None or answers.ki67 >= low) and (high is None or answers.ki67 <= high)
    reason = f"It asks for a Ki-67 of {' and '.join(limit for limit in limits if limit)}. You said {answers.ki67:g}%."
    return record.judged("Ki-67", "ki67_max", MATCHES if inside else NO_MATCH, reason)


def _kind(trial: TrialDetail, record: RecordFacts, answers: Answers) -> Optional[Check]:
    if record.facts.tumour_type != "NEC":
        return None
    return Check("kind of tumour", ASK, "It is for NEC, a faster-growing kind of tumour. Ask if yours is a NEC.")


def _spread(trial: TrialDetail, record: RecordFacts, answers: Answers) -> Optional[Check]:
    stage = set(record.facts.stage)
    if not stage:
        return Check("spread", ASK, "", stated=False) if answers.spread is not None else None
    needs_spread = "metastatic" in stage and not stage & {"locally advanced", "resectable", "no distant spread"}
    no_spread = "no distant spread" in stage and "metastatic" not in stage
    wanted = f"It is for NETs that {words_list([_STAGE_WORDS[s] for s in record.facts.stage], 'or')}."
    if answers.spread is None or not (needs_spread or no_spread):
        return Check("spread", ASK, wanted)
    fits = answers.spread if needs_spread else not answers.spread
    said = "You said yours has spread." if answers.spread else "You said yours has not spread."
    return record.judged("spread", "stage", MATCHES if fits else NO_MATCH, f"{wanted} {said}")


def _hormones(trial: TrialDetail, record: RecordFacts, answers: Answers) -> Optional[Check]:
    wanted_kind = record.facts.functioning
    if wanted_kind is None:
        return Check("hormones", ASK, "", stated=False) if answers.functioning else None
    makes = "make" if wanted_kind == FUNCTIONING else "do not make"
    wanted = f"It is for NETs that {makes} hormones."
    if answers.functioning is None:
        return Check("hormones", ASK, wanted)
    verdict = MATCHES if answers.functioning == wanted_kind else NO_MATCH
    return record.judged("hormones", "functioning", verdict, wanted)


def _had(person: tuple[str, ...], name: str) -> bool:
    return bool(person) if name == "any cancer treatment" else name in person


def _needed_before(trial: TrialDetail, record: RecordFacts, answers: Answers) -> Optional[Check]:
    needed = record.facts.prior_treatment_required
    if not needed:
        return None
    wanted = f"It asks for people who have had {_treatments(needed)} before."
    if answers.treatments is None:
        return Check("past treatment needed", ASK, wanted)
    verdict = _share(sum(1 for name in needed if _had(answers.treatments, name)), len(needed))
    said = (
        "You said you have had none."
        if not answers.treatments
        else f"You said {_treatments(answers.treatments, 'and')}."
    )
    return record.judged("past treatment needed", "prior_treatment_required", verdict, f"{wanted} {said}")


_RULED_OUT_BEFORE = "past treatment limits"


def _had_and_ruled_out(record: RecordFacts, answers: Answers) -> list[str]:
    """The person's past treatments that the record's criteria may rule out."""
    had = [name for name in record.facts.prior_treatment_excluded if _had(answers.treatments or (), name)]
    return list(answers.treatments or ()) if "any cancer treatment" in had else had


def _ruled_out_before(trial: TrialDetail, record: RecordFacts, answers: Answers) -> Optional[Check]:
    excluded = record.facts.prior_treatment_excluded
    if not excluded:
        return None
    topic = _RULED_OUT_BEFORE
    listed = f"Past {_treatments(excluded)} may rule people out, sometimes only if it was recent."
    if answers.treatments is None:
        return Check(topic, ASK, listed)
    had = _had_and_ruled_out(record, answers)
    if not had:
        return Check(topic, MATCHES, f"{listed} You have not had these.")
    return Check(topic, ASK, f"{listed} You said you have had {_treatments(had, 'and')}.", likely_clash=True)


def _place(trial: TrialDetail, record: RecordFacts, answers: Answers) -> Optional[Check]:
    if answers.place is None:
        return None
    where = where_words(trial)
    if not where:
        return Check("place", ASK, "The record does not say where it runs.")
    if answers.place == ANYWHERE:
        return Check("place", MATCHES, f"It runs in {where}.")
    name = country_name(answers.place)
    if name in trial.countries:
        return Check("place", MATCHES, f"It runs in {country_words(name)}.")
    if not trial.countries:
        return Check("place", ASK, f"It runs in {where}. Ask which country that is in.")
    return Check("place", NO_MATCH, f"It lists no places in {country_words(name)}. It runs in {where}.")


_RECORD_CHECKS = (_status, _age, _sex, _place)
_CRITERIA_CHECKS = (_site, _kind, _grade, _ki67, _spread, _hormones, _needed_before, _ruled_out_before)


def checklist(trial: TrialDetail, answers: Answers, person: Optional[Person] = None) -> TrialChecklist:
    """Every point the record and the answers let us compare. Without criteria text, the
    criteria points use the conditions list only (and are never a clear mismatch). `person`:
    what the judge knows of them, when it is more than the answers (the story search's profile)."""
    record = RecordFacts.of(trial)
    found = [check(trial, record, answers) for check in _RECORD_CHECKS]
    for check in _CRITERIA_CHECKS:
        result = check(trial, record, answers)
        if result is not None and (result.stated or record.has_criteria):
            found.append(result)
    person = person or person_of(answers)
    judgement = judge(trial, person)
    checks = [_with_their_site(c, person.site) for c in judged_checks([c for c in found if c is not None], judgement)]
    if _only_recent(_had_and_ruled_out(record, answers), judgement):
        checks = [replace(c, likely_clash=False) if c.topic == _RULED_OUT_BEFORE else c for c in checks]
    return TrialChecklist(trial, tuple(checks), record.has_criteria)


def _with_their_site(check: Check, site: Optional[str]) -> Check:
    """A mismatch of where it started says what they told us, as the others do ("It is for NETs that
    start in the pancreas. You said the stomach."), also when only the story told it."""
    if check.topic != "where it started" or check.verdict != NO_MATCH or "You said" in check.reason:
        return check
    return replace(check, reason=f"{check.reason} You said {SITE_WORDS[site]}.") if site in SITE_WORDS else check


def person_of(answers: Answers) -> Person:
    return Person(
        age=answers.age,
        sex=answers.sex,
        site=answers.site,
        grades=answers.grades,
        ki67=answers.ki67,
        spread=answers.spread,
        functioning=makes_hormones(answers.functioning),
        treatments=answers.treatments,
    )


def _only_recent(had: Iterable[str], judgement: Judgement) -> bool:
    """The judge reads every one of these past treatments as ruled out only when recent ("no
    chemotherapy in the 4 weeks before"): a wait before joining, which nearly every trial has, so no
    sign against them (second-line trials were ranked after first-line ones for that alone)."""
    limits = [fact for judged in judgement.of("treatments") for fact in judged.facts if fact.mode == EXCLUDES]
    return all(
        any(name in f.treatments and f.needs_more for f in limits)
        and not any(name in f.treatments and not f.needs_more for f in limits)
        for name in had
    )


def _judge_finds_it_met(judgement: Judgement, topic: str) -> bool:
    """The judge, reading the criteria as cohorts ("meeting one of the following: Cohort 1 ...
    Cohort 5 ..."), finds the point met by one of them: a mismatch only the simpler reading saw is
    no sign against the trial (CABATEN's cohorts were read as "for NETs of the lung or thyroid")."""
    fields = FIELDS_OF_TOPIC[topic]
    judged = [c for field in fields for c in judgement.of(field)]
    in_cohorts = any(fact.cohort for c in judged for fact in c.facts)
    return in_cohorts and all(judgement.verdict(field) == JUDGED_MATCH for field in fields)


def judged_checks(checks: list[Check], judgement: Judgement) -> list[Check]:
    """The checks with the judge's word on "does not match": a mismatch it does not find is a
    question for the team (ranked after, never hidden); one it finds is said, with its reason."""
    found = [
        replace(c, verdict=ASK, likely_clash=not _judge_finds_it_met(judgement, c.topic))
        if c.verdict == NO_MATCH
        and c.topic in FIELDS_OF_TOPIC
        and not any(judgement.verdict(f) == DOES_NOT_MATCH for f in FIELDS_OF_TOPIC[c.topic])
        else c
        for c in checks
    ]

    for judged in judgement.checks:
        if judged.verdict != DOES_NOT_MATCH:
            continue
        topic = TOPIC_OF[judged.field]
        if judged.field == "treatments" and any(f.mode == REQUIRES for f in judged.facts):
            topic = "past treatment needed"
        if any(c.topic == topic and c.verdict == NO_MATCH for c in found):
            continue
        at = next((i for i, c in enumerate(found) if c.topic == topic), None)
        # without a reason read from the criterion, the record's own field says it better
        # ("It is for NETs that start in the gut or pancreas. You said the lung.")
        reason = (
            specific_mismatch_reason(judged) or (found[at].reason if at is not None else "") or mismatch_reason(judged)
        )
        mismatch = Check(topic, NO_MATCH, reason)
        if at is None:
            found.append(mismatch)
        else:
            found[at] = mismatch
    return found


def ranked(lists: Iterable[TrialChecklist]) -> list[TrialChecklist]:
    """No clear mismatch first, then open trials whose status was confirmed in the last year,
    more matches first, fewer open questions first; ties keep the search order (open,
    relevant, recently updated)."""
    indexed = list(enumerate(lists))
    indexed.sort(
        key=lambda item: (
            item[1].clashes,
            not open_and_recent(item[1].trial.status, item[1].trial.status_as_of),
            -item[1].count(MATCHES),
            item[1].count(ASK),
            item[0],
        )
    )
    return [item for _, item in indexed]
