"""action_search_trials and action_show_more_trials (the search itself: actions/searching.py)."""

from __future__ import annotations

from typing import Any

from rasa_sdk import Action, Tracker
from rasa_sdk.events import EventType, SlotSet
from rasa_sdk.executor import CollectingDispatcher

from actions.fitting import run_fitting_search, run_more_fits, searched_profile
from actions.followups import ActionAnswerTrialDetail
from actions.profile import message_text
from actions.replies import answered_questions, send_beside_answers
from actions.searching import ANYWHERE, PLACE_SLOTS, SEARCH_SLOTS, latest_entities, run_search, unknown_place
from bot.geo.country_words import country_name
from bot.lexicon import default_lexicon
from bot.profile.fit import near_of
from bot.profile.read import read_message
from bot.profile.treatments import asked_name
from bot.trials.asked_about import aspects_asked
from bot.trials.codes import drug_code
from bot.trials.query_from_words import refers_back


class ActionSearchTrials(Action):
    def name(self) -> str:
        return "action_search_trials"

    async def run(self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: dict[str, Any]) -> list[EventType]:
        text = message_text(tracker) or ""
        besides = send_beside_answers(dispatcher, text)  # "is temozolomide taken by mouth? and any trials..."
        answered = answered_questions(besides)
        profile = searched_profile(tracker)
        if profile.tells_about_the_person or profile.lookup.names_trials:
            return run_fitting_search(dispatcher, tracker, profile, answered)
        latest = read_message(text)
        values = latest_entities(tracker, besides)
        values["age_group"] = latest.wants.age_group
        # an unknown name is said to be unknown; a drug code ("TLC388 trials") is searched for
        values["treatment"] = values["treatment"] or asked_name(text) or drug_code(text)
        if latest.wants.status in ("all", "closed"):
            values["status"] = latest.wants.status  # "incl closed" is every status, not closed only
        if not values["phase"] and latest.wants.phase is not None:
            values["phase"] = f"phase {latest.wants.phase}"
        if not any(values.values()) and refers_back(tracker.latest_message.get("text")):
            # "are there trials of it?" after an answer about a drug: the drug in focus.
            values["treatment"] = tracker.get_slot("treatment")
        remembered = [SlotSet(name, value) for name, value in values.items() if name not in PLACE_SLOTS]
        unknown = unknown_place(text)
        if unknown:
            dispatcher.utter_message(text=unknown)
            return remembered
        if (values["country"] or "").lower() == ANYWHERE:  # "Show trials anywhere": no place at all
            values["country"] = values["city"] = None
            return remembered + run_search(dispatcher, tracker, values, offset=0, answered=answered)
        around = near_of(profile.place)  # a town or region, said now or earlier
        if not around and not values["country"] and not values["city"] and profile.place.country:
            values["country"] = country_name(profile.place.country, default_lexicon())  # said earlier
        return remembered + run_search(dispatcher, tracker, values, offset=0, around=around, answered=answered)


class ActionShowMoreTrials(Action):
    def name(self) -> str:
        return "action_show_more_trials"

    async def run(self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: dict[str, Any]) -> list[EventType]:
        offset = tracker.get_slot("search_offset")
        if offset is None and tracker.get_slot("focus_nct_id") and aspects_asked(message_text(tracker) or ""):
            return await ActionAnswerTrialDetail().run(dispatcher, tracker, domain)  # "any results?" of the trial shown
        if offset is None:
            more = run_more_fits(dispatcher, tracker)  # after trials ranked by fit for the person
            if more is not None:
                return more
            dispatcher.utter_message(text='Tell me what to search for first, for example "trials of everolimus".')
            return []
        values = {name: tracker.get_slot(name) for name in SEARCH_SLOTS}
        around = near_of(searched_profile(tracker).place)  # as the first page was searched
        return run_search(dispatcher, tracker, values, offset=int(offset), around=around)
