"""What a record says about how a trial is run, read from its own words: whether people are
put into groups by chance, whether some get a placebo. Used for the plain trial view and the
questions to ask."""

from __future__ import annotations

import re

from bot.trials.query import TrialDetail

RANDOMISED = re.compile(r"\brandomi[sz]\w*|\brandomly\b|\bat random\b", re.I)
PLACEBO = re.compile(r"\bplacebo\b|\bdummy\b|\bsham\b", re.I)


def record_text(trial: TrialDetail) -> str:
    """All the free text of the record, in one string."""
    parts = [trial.title, trial.official_title, trial.summary, trial.description, trial.criteria]
    for intervention in trial.interventions:
        parts += [intervention.name, intervention.description, *intervention.other_names]
    return " ".join(p for p in parts if p)


def is_randomised(text: str) -> bool:
    return bool(RANDOMISED.search(text))


def has_placebo(text: str) -> bool:
    return bool(PLACEBO.search(text))
