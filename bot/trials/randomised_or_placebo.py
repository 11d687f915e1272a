"""Whether people in a trial are put into groups by chance, and whether some get a placebo: from the
registry's coded design and groups where the record has them, else from the words that describe the
trial (its titles, summary, description and interventions; never its criteria, where "a previous
randomised trial" says nothing about this one). Used for the plain trial view and the questions to ask."""

from __future__ import annotations

import re

from bot.trials.query import TrialDetail

RANDOMISED = re.compile(r"\brandomi[sz]\w*|\brandomly\b|\bat random\b", re.I)
PLACEBO = re.compile(r"\bplacebo\b|\bdummy\b|\bsham\b", re.I)
# "non-randomised", "not randomized", "no placebo", "without a placebo": said of what the trial is not.
_NOT_BEFORE = re.compile(r"(?:\bnon[\s-]?|\bnot\s+|\bno\s+|\bwithout\s+(?:an?\s+)?|\bun)$", re.I)


def record_text(trial: TrialDetail) -> str:
    """All the free text of the record, in one string."""
    return " ".join(p for p in (_description(trial), trial.criteria) if p)


def _description(trial: TrialDetail) -> str:
    parts = [trial.title, trial.official_title, trial.summary, trial.description]
    for intervention in trial.interventions:
        parts += [intervention.name, intervention.description, *intervention.other_names]
    return " ".join(p for p in parts if p)


def is_randomised(trial: TrialDetail) -> bool:
    allocation = trial.design.allocation
    if allocation in ("RANDOMIZED", "NON_RANDOMIZED"):
        return allocation == "RANDOMIZED"
    return _said(RANDOMISED, _description(trial))


def has_placebo(trial: TrialDetail) -> bool:
    return has_placebo_arm(trial) or _said(PLACEBO, _description(trial))


def has_placebo_arm(trial: TrialDetail) -> bool:
    """The registry's groups say one gets a placebo."""
    return any((arm.kind or "") == "PLACEBO_COMPARATOR" or "placebo" in (arm.label or "").lower() for arm in trial.arms)


def _said(pattern: re.Pattern, text: str) -> bool:
    """The word is used of the trial, not denied ("a non-randomised, single-arm study")."""
    return any(not _NOT_BEFORE.search(text[: found.start()]) for found in pattern.finditer(text))
