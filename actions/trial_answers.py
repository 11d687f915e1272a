"""A trial's record answering the parts of it asked about, a line each, in the person's words (he, she,
you), with the buttons for what to ask next: shared by the actions about one trial (followups, the
trial's view, personal questions about its limits)."""

from __future__ import annotations

from rasa_sdk import Tracker
from rasa_sdk.executor import CollectingDispatcher

from actions.in_focus import whom_meant
from actions.profile import message_text, profile_of
from bot.followups.listed import trial_name
from bot.knowledge.side_facts import results_of_trial
from bot.trials.asked_about import Aspect, answer_all
from bot.trials.query import TrialDetail
from bot.trials.record_passages import ALSO_HEADING, TOLD_IN_SENTENCES, passages_not_said, quoted

FOLLOW_UP_BUTTONS = [
    {"title": "Questions to ask", "payload": "/ask_trial_questions"},
    {"title": "Who do I contact?", "payload": "/ask_trial_contacts"},
    {"title": "Talk to a nurse", "payload": "/ask_helpline"},
]
WHO_CAN_JOIN_BUTTON = {"title": "Who can join", "payload": "/ask_eligibility"}


def aspect_lines(tracker: Tracker, trial: TrialDetail, aspects: list[Aspect]) -> list[str]:
    """Each aspect asked about, answered from the record, in the person's words (he, she, you)."""
    profile = profile_of(tracker)
    text = message_text(tracker) or ""
    lines = answer_all(aspects, trial, text, profile.age, whom_meant(tracker))
    found = results_of_trial(trial.acronym) if "results" in aspects else []
    if found:  # "did NETTER-2 work?": the record rarely holds results; our checked facts may
        lines = [*lines, FOUND_HEADING.format(name=trial.acronym), *(f"- {fact.text}" for fact in found)]
    # "on the lutathera arm how often is the octreotide jab?": the record's own sentences, when the answer
    # quotes none of them
    if set(aspects) & TOLD_IN_SENTENCES and not any('"' in line for line in lines):
        more = passages_not_said(trial, text, "\n".join(lines))
        lines += [ALSO_HEADING, *quoted(more)] if more else []
    return without_repeats(lines)


FOUND_HEADING = "What {name} found, from our checked facts:"


def without_repeats(lines: list[str]) -> list[str]:
    """ "which arm (it's blinded)": the placebo answer already lists the groups, so the groups answer
    is not said twice."""
    return [
        line
        for number, line in enumerate(lines)
        if line not in lines[:number] and not any(line.strip() in other and line != other for other in lines)
    ]


def send_direct_answers(
    dispatcher: CollectingDispatcher, tracker: Tracker, trial: TrialDetail, aspects: list[Aspect]
) -> bool:
    """Each aspect asked about, answered in a line; False when none was asked."""
    if not aspects:
        return False
    named = aspects == ["summary"]  # the summary's first line names the trial already
    text = ("" if named else f"{trial_name(trial)}: ") + "\n".join(aspect_lines(tracker, trial, aspects))
    dispatcher.utter_message(text=text, buttons=[WHO_CAN_JOIN_BUTTON, *FOLLOW_UP_BUTTONS[:2]])
    return True
