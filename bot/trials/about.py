"""A trial in plain words, built from its record: what it tests, how it is run, what its phase
means, how many people and since when. Facts come only from the record; the sentences are ours
(the record's own summary is shown separately, marked as the registry's words)."""

from __future__ import annotations

import re
from typing import Optional

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
    "BIOLOGICAL": "a medicine made from living cells",
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
        lines.append(f"Started: {trial.start_date}.")
    return [line for line in lines if line]


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
    if (trial.study_type or "").upper() == "OBSERVATIONAL":
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
