"""What the last turn left in focus, read from what the assistant said then: two trials or two
treatments just set side by side (bot/knowledge/just_compared.py), or the knowledge topic just
answered. A short follow-up is about them: "which one is better for someone who is 80" after a
side by side, "and can i hug my grandkids" after a PRRT answer."""

from __future__ import annotations

import re
from typing import Any, Optional

from rasa_sdk import Tracker
from rasa_sdk.executor import CollectingDispatcher
from sqlalchemy.exc import SQLAlchemyError

from actions.profile import message_text, profile_of
from actions.which_trial import result_ids, shown_trials
from bot.followups.listed import nearest_of_listed
from bot.knowledge.just_compared import JustCompared, just_compared
from bot.profile.fit import near_of
from bot.profile.model import object_pronoun

KNOWLEDGE_RESPONSE = "utter_knowledge/"
PAIR_TURNS = 3  # how many turns back a side by side stays in focus
NEW_FOCUS = ("result_ids", "focus_nct_id")  # a new list or trial shown: the pair is no longer in focus
# What the record says of a trial's design: a question naming the trial and one of these gets the answer,
# not the whole view ("is the CLARINET trial randomised?")
DESIGN_ASPECTS = frozenset(
    {"size", "randomised", "groups", "placebo", "duration", "phase", "status", "sponsor", "results"}
)


def send_nearest_of_shown(dispatcher: CollectingDispatcher, tracker: Tracker) -> bool:
    """ "which hospital is nearest to leeds?", "which of those is closest to us?" after a list: each listed
    trial's nearest place to where they said they are. False (nothing said) with no place known, fewer than
    two shown, or the store unreadable."""
    around = near_of(profile_of(tracker).place)
    if around is None or len(result_ids(tracker)) < 2:
        return False
    try:
        trials = shown_trials(tracker)
    except SQLAlchemyError:
        return False
    dispatcher.utter_message(text=nearest_of_listed(trials, around))
    return True


def last_turn(tracker: Tracker) -> tuple[Optional[str], list[dict[str, Any]]]:
    """The person's message before this one, and what the assistant said after it (bot events)."""
    events = tracker.events
    users = [n for n, e in enumerate(events) if e.get("event") == "user"]
    if len(users) < 2:
        return None, []
    before, now = users[-2], users[-1]
    said = [e for e in events[before + 1 : now] if e.get("event") == "bot"]
    return events[before].get("text"), said


def pair_in_focus(tracker: Tracker) -> Optional[JustCompared]:
    """The two trials or treatments set side by side a turn or two ago ("is either of them
    randomised?" after "which one is better?"), or a list of just two trials shown ("which one is
    bigger?" after the two NCT numbers the person gave), unless a new list or trial came since."""
    events = tracker.events
    users = [n for n, e in enumerate(events) if e.get("event") == "user"]
    for start, end in list(zip(users, users[1:]))[::-1][:PAIR_TURNS]:
        turn = events[start + 1 : end]
        pair = just_compared(str(e.get("text") or "") for e in turn if e.get("event") == "bot")
        if pair is not None:
            return pair
        new = {e.get("name"): e.get("value") for e in turn if e.get("event") == "slot" and e.get("name") in NEW_FOCUS}
        if any(new.values()):
            value = new.get("result_ids")
            listed: list[Any] = value if isinstance(value, list) else []
            return JustCompared(trials=(str(listed[0]), str(listed[1]))) if len(listed) == 2 else None
    return None


def trial_just_in_focus(tracker: Tracker, turns: int = 2) -> Optional[str]:
    """The trial in focus, when it was put there in the last turn or two (just shown or asked about), or
    else the only trial a search found then ("the carfilzomib trial")."""
    focus, shown = tracker.get_slot("focus_nct_id"), result_ids(tracker)
    meant = focus or (shown[0] if len(shown) == 1 else None)
    slot = "focus_nct_id" if focus else "result_ids"
    events = tracker.events
    users = [n for n, e in enumerate(events) if e.get("event") == "user"]
    recent = events[users[-turns - 1] if len(users) > turns else 0 :]
    put = any(e.get("event") == "slot" and e.get("name") == slot and e.get("value") for e in recent)
    return str(meant) if meant and put else None


def topic_in_focus(tracker: Tracker) -> Optional[str]:
    """The knowledge response ("utter_knowledge/what_is_prrt") the last turn answered with, if any."""
    for event in last_turn(tracker)[1]:
        sent = str((event.get("metadata") or {}).get("utter_action") or "")
        if sent.startswith(KNOWLEDGE_RESPONSE):
            return sent
    return None


_HE = re.compile(r"\b(?:he|him|his|he's|hes)\b", re.I)
_SHE = re.compile(r"\b(?:she|her|she's|shes)\b", re.I)


def whom_meant(tracker: Tracker) -> str:
    """Whom the answer is about: as the profile knows it, else as the question says ("would he...")."""
    profile = profile_of(tracker)
    whom = object_pronoun(profile.about, profile.sex)
    if whom != "you" or profile.about == "self":
        return whom
    text = message_text(tracker) or ""
    return (
        "him"
        if _HE.search(text) and not _SHE.search(text)
        else "her"
        if _SHE.search(text) and not _HE.search(text)
        else whom
    )
