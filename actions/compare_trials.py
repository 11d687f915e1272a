"""action_compare_trials: two trials side by side ("compare the first two"), or two treatments or
tests ("lanreotide or octreotide?", "PRRT vs chemo": bot/knowledge/compare.py) when the message
names two of those and not two trials."""
from __future__ import annotations

from typing import Any, Optional

from rasa_sdk import Action, Tracker
from rasa_sdk.events import EventType
from rasa_sdk.executor import CollectingDispatcher
from sqlalchemy.exc import SQLAlchemyError

from actions.profile import profile_of
from actions.replies import send_unavailable
from actions.show_trial import ActionShowTrial
from actions.store import trial_store
from actions.which_trial import load_trials, named_trial_ids, result_ids
from bot.knowledge.topics import topics_compared
from bot.knowledge.compare import compare_treatments
from bot.knowledge.names import find_treatments
from bot.lexicon import default_lexicon
from bot.text import normalize
from bot.trials.lookup import find_lookups
from bot.trials.query import TrialQuery
from bot.trials.side_by_side import names_two_listed, side_by_side, trials_named
from bot.trials.store import TrialStore

WHICH_TWO = ('Which two would you like side by side? Say "the first two", "1 and 3" or two NCT numbers for '
             'trials, or name two treatments or tests, like "lanreotide or octreotide".')


class ActionCompareTrials(Action):
    def name(self) -> str:
        return "action_compare_trials"

    async def run(
        self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: dict[str, Any]
    ) -> list[EventType]:
        text = tracker.latest_message.get("text") or ""
        named = trials_named(text, result_ids(tracker))
        if len(named) < 2:
            treatments = treatments_side_by_side(text)
            if treatments:
                dispatcher.utter_message(text=treatments)
                return []
            try:
                named = list(dict.fromkeys([*named, *named_trial_ids(text)]))  # "clarinet vs reminet"
            except SQLAlchemyError:
                send_unavailable(dispatcher)
                return []
        if not named and _send_topics(dispatcher, text, domain):  # "insulinoma vs gastrinoma"
            return []
        topic = _topic_name(tracker)
        if len(named) < 2 and topic and names_two_listed(text) and not result_ids(tracker):
            named = _first_two_trials_of(topic)  # "axitinib" ... "compare the first two"
            if len(named) == 2:
                dispatcher.utter_message(text=f"The first two trials of {topic} in our list:")
            elif named:
                dispatcher.utter_message(text=f"Our list has only one trial of {topic}, so there is "
                                         "nothing to set beside it. Here it is:")
                return await ActionShowTrial.show(dispatcher, named[0])
        focus = tracker.get_slot("focus_nct_id")
        if len(named) == 1 and focus and focus != named[0]:
            named.append(str(focus))  # "how does it compare with NCT01578239?"
        if len(named) == 1 and not focus:  # "COMPETE lutetium vs everolimus": one trial, named by what it compares
            return await ActionShowTrial.show(dispatcher, named[0])
        if len(named) < 2:
            dispatcher.utter_message(text=WHICH_TWO)
            return []
        trials = load_trials(dispatcher, named)
        if trials:
            dispatcher.utter_message(text=side_by_side(trials[0], trials[1]))
        return []


def _topic_name(tracker: Tracker) -> Optional[str]:
    topic = profile_of(tracker).topic
    return default_lexicon().plain_name(f"treatment:{topic}") if topic else None


def _first_two_trials_of(treatment: str) -> list[str]:
    """The first two trials of a treatment: open ones, or any when fewer than two are open; one or
    none when our list has no more."""
    found: list[str] = []
    try:
        for status in ("open", "all"):
            found = [trial.nct_id for trial in trial_store().search(TrialQuery(treatment=treatment, status=status, limit=2)).trials]
            if len(found) == 2:
                break
    except SQLAlchemyError:
        return []
    return found


def _send_topics(dispatcher: CollectingDispatcher, text: str, domain: dict[str, Any]) -> bool:
    """Two knowledge topics compared ("insulinoma vs gastrinoma"), or one that compares the two
    things itself ("phase 2 vs phase 3"): their answers. False when the message names none."""
    responses = domain.get("responses") or {}
    topics = [f"utter_knowledge/{t}" for t in topics_compared(text) if f"utter_knowledge/{t}" in responses]
    for response in topics[:2]:
        dispatcher.utter_message(response=response)
    return bool(topics)


def treatments_side_by_side(text: str, asked_to_compare: bool = True) -> Optional[str]:
    """Two treatments or tests side by side, with their open trials, unless the message names a
    trial of ours ("pantodon vs NCT05610826, both surgery+PRRT ones?" is about two trials).
    Without the counts when the database cannot be read (the facts do not need it)."""
    try:
        store = trial_store()
        if _names_a_trial(text, store):
            return None
        return compare_treatments(text, store, asked_to_compare=asked_to_compare)
    except SQLAlchemyError:
        return compare_treatments(text, None, asked_to_compare=asked_to_compare)


def _names_a_trial(text: str, store: TrialStore) -> bool:
    """An NCT number, or a stored trial's acronym that is not also a treatment or test named
    ("EUS or CT": EUS is a test here, though a trial has that acronym too)."""
    found = find_lookups(text, store)
    treatments = {m.typed for m in find_treatments(text)}
    return bool(found.nct_ids) or bool(found.acronym and normalize(found.acronym) not in treatments)
