"""A question put as a general one that is about a part of the trial in focus: "how often do you go in
for the drip?" just after a trial was shown asks how that trial gives its treatment, not what a drip is.
Only when it names no treatment, or only treatments the trial itself gives."""

from __future__ import annotations

import re

from bot.knowledge.names import treatment_ids
from bot.text import is_question
from bot.trials.asked_about import AS_PART_OF_IT, aspects_asked, treatments_meant
from bot.trials.query import TrialDetail
from bot.trials.record_passages import passages

# The parts of a trial a general-sounding question can be about; not a placebo or being randomised, whose
# general answer says what they mean and how a group is chosen ("can i pick the sunitinib group?")
TRIAL_PARTS = frozenset({"duration", "groups", "size", "phase", "sponsor", "results"})


# "what is a placebo?", "what does randomised mean": what a word means, not what this trial does
_WHAT_IT_MEANS = re.compile(
    r"\bwhat(?:\s+is|'?s|\s+are)\s+(?:a|an)\b|\bwhat\s+does\s+\S+(?:\s+\S+)?\s+mean\b|\bmeaning\s+of\b|\bexplain\b",
    re.I,
)


# A message the classifier could not place ("novaferon - is it a tablet or a jab?") may ask how it is given too
UNPLACED_PARTS = TRIAL_PARTS | {"given"}


def asks_about_its_parts(text: str, trial: TrialDetail, parts: frozenset[str] = TRIAL_PARTS) -> bool:
    if "given" in aspects_asked(text) and _points_at_its_treatment(text, trial):
        parts = parts | {"given"}  # "if you got the interferon instead, how would that have been given?"
    if not is_question(text) or _WHAT_IT_MEANS.search(text):
        return False
    if not set(aspects_asked(text)) & parts and not its_record_answers(text, trial):
        return False
    return _names_only_its_own(text, trial)


# "what do they inject", "can they do more later", "in that group", "the study drug": this trial's doing
_POINTS_AT_IT = re.compile(
    r"\b(?:they|them|it|this|that)\b|\bthe\s+(?:trial|study)\b|\b(?:group|arm)\b|\bstudy\s+(?:drug|treatment)\b",
    re.I,
)
# what a placebo is and how a group is chosen: their general answer, not the record's sentences
_SAID_IN_GENERAL = frozenset({"placebo", "randomised"})
# a sentence of the record that shares this much with the question answers it, not a topic (record_passages.ENOUGH
# is the least for quoting when the trial is surely meant)
STRONG_PASSAGE = 3.6


def its_record_answers(text: str, trial: TrialDetail) -> bool:
    """ "what do they actually inject into the tumour?" just after a trial: no part of a trial is named, but
    the record's own sentences speak to it (bot/trials/record_passages.py)."""
    if set(aspects_asked(text)) & _SAID_IN_GENERAL:  # "can i pick the sunitinib group? not the placebo"
        return False
    return bool(_POINTS_AT_IT.search(text)) and any(p.score >= STRONG_PASSAGE for p in passages(trial, text))


def _names_only_its_own(text: str, trial: TrialDetail) -> bool:
    named = treatment_ids(text)
    if not named or treatments_meant(trial, text)[0]:  # "sorafenib with RAD001... how often?": its own, by name
        return True
    given = " ; ".join(
        [trial.title, *(i.name for i in trial.interventions), *(n for i in trial.interventions for n in i.other_names)]
    )
    return named <= treatment_ids(given)


_ITS_GROUPS = re.compile(r"\b(?:arms?|groups?|cohorts?)\b", re.I)


def asks_how_its_groups_differ(text: str) -> bool:
    """ "whats the difference between the 2 arms?" with a trial in focus: its groups, not two trials."""
    return "groups" in aspects_asked(text) and bool(_ITS_GROUPS.search(text))


# "the tablets", "that drip", "as part of it": what this trial gives, not tablets in general
_ITS_OWN = re.compile(
    r"\b(?:the|that|those|these|this)\s+(?:tablets?|pills?|capsules?|drips?|infusions?|injections?|jabs?)\b"
    rf"|{AS_PART_OF_IT}",
    re.I,
)


def _points_at_its_treatment(text: str, trial: TrialDetail) -> bool:
    """How a treatment is given asked of the trial's own: one it names ("the interferon", "the atezo"),
    or "the tablets", "that drip", "as part of it"."""
    return bool(_ITS_OWN.search(text) or treatments_meant(trial, text)[0])
