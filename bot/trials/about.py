"""A trial in plain words, built from its record: what it tests, how it is run, what its phase
means, how many people and since when. Facts come only from the record; the sentences are ours
(the record's own summary is shown separately, marked as the registry's words)."""

from __future__ import annotations

import re
from datetime import date
from typing import Optional

from bot.trials.freshness import day_words
from bot.trials.given import routes_of
from bot.trials.query import Intervention, TrialDetail
from bot.trials.randomised_or_placebo import has_placebo, is_randomised

MAX_NAMED = 4
PHASE_WORDS = {
    "EARLY_PHASE1": "early phase 1",
    "PHASE1": "phase 1",
    "PHASE2": "phase 2",
    "PHASE3": "phase 3",
    "PHASE4": "phase 4",
}
PHASE_MEANING = {
    "EARLY_PHASE1": "a very early test in a few people, before the usual phase 1",
    "PHASE1": "an early test in a small group, mainly to check safety and find the right dose",
    "PHASE2": "a test in a larger group, to see if the treatment works and how safe it is",
    "PHASE3": "a test in a large group, comparing a new treatment with the usual one",
    "PHASE4": "a study of a treatment that is already in use, to learn more about it",
}
KIND_WORDS = {
    "DRUG": "a drug",
    "BIOLOGICAL": "a medicine",  # the registry files radioligands (PRRT) as biological too
    "RADIATION": "a radiation treatment",
    "PROCEDURE": "surgery or another procedure",
    "DEVICE": "a device",
    "DIAGNOSTIC_TEST": "a test or scan",
    "BEHAVIORAL": "a change in daily life or habits",
    "DIETARY_SUPPLEMENT": "a food supplement",
    "GENETIC": "a gene treatment",
    "COMBINATION_PRODUCT": "a combined product",
    "OTHER": "something else",
}


def about_lines(trial: TrialDetail) -> list[str]:
    """Short plain sentences, each only when the record gives what it needs."""
    lines = [tests_line(trial), who_line(trial) or ""]
    lines += [line for line in (groups_line(trial), placebo_line(trial)) if line]
    lines += phase_lines(trial.phases)
    if trial.enrollment:
        lines.append(f"How many people: about {trial.enrollment:,}.")
    if trial.start_date:
        lines.append(start_line(trial.start_date))
    return [line for line in lines if line]


def start_line(iso: str, today: Optional[date] = None) -> str:
    """ "It started on 8 January 2020." / "in 2001." / "It is due to start in March 2027." """
    when = day_words(iso)
    on_or_in = "on" if len(iso) >= 10 else "in"
    if iso > (today or date.today()).isoformat():
        return f"It is due to start {on_or_in} {when}."
    return f"It started {on_or_in} {when}."


def record_limits(trial: TrialDetail) -> list[str]:
    """What the record's own fields say about who the trial is for (age, sex, volunteers)."""
    stated = []
    low, high = trial.min_age_years, trial.max_age_years
    if low is not None and high is not None:
        stated.append(f"age {_years(low)} to {_years(high)}")
    elif low is not None:
        stated.append(f"age {_years(low)} or over")
    elif high is not None:
        stated.append(f"age up to {_years(high)}")
    sex = (trial.sex or "").upper()
    if sex in ("FEMALE", "MALE"):
        stated.append("women only" if sex == "FEMALE" else "men only")
    elif sex == "ALL":
        stated.append("open to men and women")
    if trial.healthy_volunteers is True:
        stated.append("healthy volunteers can take part")
    elif trial.healthy_volunteers is False:
        stated.append("not for healthy volunteers")
    return stated


def _years(value: float) -> str:
    if value < 1:
        return f"{round(value * 12)} months"
    return f"{value:g}"


def who_line(trial: TrialDetail) -> Optional[str]:
    """Who the trial is for, from the record's own fields: the disease, age, sex, volunteers."""
    conditions = [c for c in trial.conditions[:2] if c]
    parts = ([f"people with {' or '.join(conditions)}"] if conditions else []) + record_limits(trial)
    return ("Who it is for: " + " ".join(part[:1].upper() + part[1:] + "." for part in parts)) if parts else None


def tests_line(trial: TrialDetail) -> str:
    """What is tested against what: from the groups when the record lists them; an
    observational study gives no treatment; study procedures (scans, samples, questionnaires)
    are not what a trial tests."""
    if trial.is_observational:
        return "What it is: a study that follows people and collects information. It gives no treatment."
    if (trial.study_type or "").upper() == "EXPANDED_ACCESS":
        named = ", ".join(i.name for i in trial.interventions[:2] if i.name) or "a treatment"
        return (
            f"What it is: an expanded access programme, not a trial. It lets some people have {named} "
            "outside a trial, often before it is approved."
        )
    tested = [
        w for a in trial.arms if (a.kind or "") == "EXPERIMENTAL" if (w := given_words(a.interventions) or a.label)
    ]
    compared = [
        w for a in trial.arms if (a.kind or "").endswith("COMPARATOR") if (w := given_words(a.interventions) or a.label)
    ]
    if tested and compared and set(tested) == set(compared):  # the same drugs in another order or dose
        tested = [a.label for a in trial.arms if (a.kind or "") == "EXPERIMENTAL" if a.label]
        compared = [a.label for a in trial.arms if (a.kind or "").endswith("COMPARATOR") if a.label]
    if tested and compared:
        return f"What it tests: {' or '.join(tested[:2])}, compared with {', or with '.join(compared[:2])}."
    if tested and any((a.kind or "") == "NO_INTERVENTION" for a in trial.arms):  # "control group", "Observational"
        return f"What it tests: {' or '.join(tested[:2])}, compared with a group given no extra treatment."
    all_named = named_treatments(trial)
    treatments = all_named[:MAX_NAMED]
    described = [
        f"{a.label}: {a.description.split('. ')[0].rstrip('.')}"
        for a in trial.arms[:3]
        if a.label and a.description and not a.interventions
    ]
    if not treatments and len(described) > 1:  # "ARM I: Patients receive capecitabine...", "ARM II: ... surveillance"
        return "What it compares, in the record's words: " + "; ".join(described) + "."
    if not treatments:
        return "What it tests: the record does not name a treatment. The trial team can explain."
    parts = [
        f"{(i.name or '').rstrip('.')} ({KIND_WORDS[i.kind.upper()]})"
        if i.kind and i.kind.upper() in KIND_WORDS
        else (i.name or "").rstrip(".")
        for i in treatments
    ]
    more = len(all_named) - len(treatments)
    tail = f", and {more} more" if more > 0 else ""
    return f"What it tests: {'. '.join(parts)}{tail}."


def given_words(interventions: Optional[str]) -> str:
    """A group's treatments as the record links them ("Drug: Lutathera; Drug: long-acting
    octreotide") in words: "Lutathera and long-acting octreotide"; placebos named as such."""
    names = [
        _TYPE_PREFIX.sub("", part).strip().rstrip(".") for part in (interventions or "").split(";") if part.strip()
    ]
    names = ["a placebo" if "placebo" in n.lower() else n for n in names if not STUDY_PROCEDURE.search(n)]
    return " and ".join(dict.fromkeys(names))


_TYPE_PREFIX = re.compile(r"^(?:\s*[A-Za-z_ ]{2,30}:\s*)+")  # "Drug: ", "Drug: Drug: "


# What a trial does to collect its information, not what it tests ("Biospecimen Collection",
# "Computed Tomography", "Quality-of-Life Assessment").
STUDY_PROCEDURE = re.compile(
    r"biospecimen|questionnaire|quality[\s-]of[\s-]life|computed\s+tomography|\bct\s+scan|magnetic\s+resonance|"
    r"\bmri\b|laboratory\s+biomarker|pharmacological\s+study|\bsurvey\b|\binterview\b|blood\s+(?:draw|sample)|"
    r"medical\s+chart\s+review|\bbiopsy\b|positron\s+emission|data\s+collection"
    r"|amino[\s-]?acid\s+(?:solution|infusion)|\bvenous\s+blood",
    re.I,
)  # the amino acids protect the kidneys during PRRT


def named_treatments(trial: TrialDetail) -> list[Intervention]:
    """The interventions the record names that are treatments, not study procedures (a scan, a blood sample)."""
    return [i for i in trial.interventions if i.name and not STUDY_PROCEDURE.search(i.name)]


def groups_line(trial: TrialDetail) -> Optional[str]:
    if is_randomised(trial):
        return (
            "How it works: people are put into groups by chance (this is called randomised). "
            "You cannot choose your group."
        )
    return None


def placebo_line(trial: TrialDetail) -> Optional[str]:
    if has_placebo(trial):
        return "The record mentions a placebo: a dummy treatment with no active drug in it."
    return None


def phase_lines(phases: tuple[str, ...]) -> list[str]:
    return [f"What {PHASE_WORDS[p]} means: {PHASE_MEANING[p]}." for p in phases if p in PHASE_MEANING]


def given_line(trial: TrialDetail) -> Optional[str]:
    """How and how often the record says its treatments are given, in a short line ("How it is given:
    PDR001: as a drip into a vein, every 4 weeks."); None when it says how for none of them."""
    if trial.is_observational:  # it gives no treatment: their own care does
        return None
    parts = []
    for treatment in named_treatments(trial)[:MAX_NAMED]:
        if "placebo" in treatment.name.lower() or (treatment.kind or "").upper() not in _GIVEN_KINDS:
            continue
        own = " ".join(filter(None, [treatment.name, treatment.description]))
        near = _near_its_name(trial, treatment.name.split()[0].lower())
        routes = routes_of(own) or routes_of(near)
        often = _how_often(treatment.description or "") or _how_often(near)
        # how often only beside how: "every 8 weeks" alone may be one phase of a longer plan
        said = ", ".join(filter(None, [" or ".join(routes[:2]), often]))
        if routes:
            parts.append(f"{_TYPE_PREFIX.sub('', treatment.name).rstrip('.')}: {said}")  # not "Drug: Everolimus"
    return f"How it is given: {'; '.join(parts)}." if parts else None


def _how_often(text: str) -> str:
    """How often, when the text gives it once: "every 6 weeks (Moertel) or ... every 3 weeks (Uppsala)" gives
    two ways, so neither is said alone."""
    for pattern in _OFTEN:
        said = {m.group(0).lower() for m in pattern.finditer(text)}
        if said:
            return said.pop() if len(said) == 1 else ""
    return ""


def _near_its_name(trial: TrialDetail, name: str) -> str:
    """The words of the groups' lines just around a treatment's name ("oral capecitabine 750mg/m2 b.i.d.")."""
    near = []
    named = re.compile(rf"(?<![\w-]){re.escape(name)}(?![\w-])", re.I)  # "Lu-PRRT", not "Arm Lu-PRRT-Cap"
    for arm in trial.arms:
        words = " ".join((arm.description or "").split())
        for found in named.finditer(words):  # up to the next treatment ("... days 1-14 and temozolomide ...")
            at = found.start()
            before = _NEXT_ONE.split(words[max(0, at - 15) : at])[-1]  # "oral capecitabine", not "days 1-14 and"
            near.append(before + _NEXT_ONE.split(words[at : at + 100], maxsplit=1)[0])
    return " ".join(near)


_GIVEN_KINDS = frozenset({"DRUG", "BIOLOGICAL", "RADIATION", "COMBINATION_PRODUCT", "GENETIC", ""})
_NEXT_ONE = re.compile(r"\s+(?:and|plus|with|then|followed\s+by)\s+|\s*[;+:]\s*|\.\s+(?=[A-Z])|,\s+with\b", re.I)
# "every 4 weeks", "twice daily", "once a day", "a single dose": how often, in the record's words, first to last
_OFTEN = tuple(
    re.compile(pattern, re.I)
    for pattern in (
        r"\bevery\s+(?:\d+|two|three|four|six|eight|twelve|second|other)[\s-]*(?:days?|weeks?|months?)(?:[\s-]cycles?)?\b"
        r"|\bevery\s+(?:day|week|month)\b",
        r"\b(?:once|twice)\s+(?:a\s+)?(?:day|daily|week|weekly)\b",
        r"\b(?:one\s+)?single\s+(?:dose|injection|infusion)\b|\bone\s+dose\b",
    )
)


def compared_line(trial: TrialDetail) -> Optional[str]:
    """What a trial whose record lists no groups compares, in its summary's words ("compare personalized
    PRRT to non-personalized PRRT"); None when it lists groups or its summary compares nothing."""
    if trial.arms or trial.is_observational:
        return None
    for sentence in re.split(r"(?<=[.!?])\s+", " ".join((trial.summary or "").split())):
        found = _COMPARES.search(sentence)
        if not found:
            continue
        before = "" if re.match(r"compar(?:e|es|ing)\b", found.group(0), re.I) else sentence[: found.start()]
        starts = [m.end() for m in re.finditer(r"\sof\s", before) if len(before) - m.end() >= 20]
        if starts:  # "... efficacy of X versus Y": from X on ("... of X as 1st line of treatment versus Y" too)
            before = before[starts[-1] :]
        elif len(before) > 100:
            before = before[-100:].split(" ", 1)[-1]
        after = sentence[found.end() :]
        after = after if len(after) <= 90 else after[:90].rsplit(" ", 1)[0] + "…"
        said = f"{before}{found.group(0)}{after}".strip(" ,.")
        return f'What it compares, in its summary\'s words: "{said}".'
    return None


# "compare personalized PRRT to ...", "X PET imaging in comparison with ...", "X versus Y"
_COMPARES = re.compile(
    r"\bcompar(?:e|es|ing)\b\s+(?=[^.;]{3,100}?\s+(?:to|with|versus|against)\s)"
    r"|\b(?:in\s+comparison\s+(?:with|to)|compared\s+(?:with|to)|versus|vs\.?)\s+",
    re.I,
)
