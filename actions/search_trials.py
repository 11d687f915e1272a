"""action_search_trials and action_show_more_trials."""
from __future__ import annotations

from dataclasses import replace
from typing import Any, Optional

from rasa_sdk import Action, Tracker
from rasa_sdk.events import EventType, SlotSet
from rasa_sdk.executor import CollectingDispatcher
from sqlalchemy.exc import SQLAlchemyError

from actions.profile import message_text, profile_of
from actions.replies import HELPLINE_BUTTON, send_card, send_cards, send_helpline, send_unavailable
from actions.store import trial_store
from bot.lexicon import default_lexicon
from bot.prescreen.checklist import country_name
from bot.profile.fit import FitResult, find_fitting
from bot.profile.model import Profile
from bot.advice import asks_personal_advice
from bot.profile.present import MAX_SHOWN, PERSONAL_PART, fit_card, heading, set_aside_text, unknown_name_text
from bot.profile.read import read_message
from bot.trials.present import nothing_found, results_heading
from bot.trials.understand import query_from_entities, refers_back

SEARCH_SLOTS = ("treatment", "condition", "country", "city", "phase", "status")
PLACE_SLOTS = ("country", "city")  # where the person is: kept, not reset by each new search
PAGE_SIZE = 5


def latest_entities(tracker: Tracker) -> dict[str, Optional[str]]:
    """The first value of each search entity in the latest message."""
    values: dict[str, Optional[str]] = {name: None for name in SEARCH_SLOTS}
    for entity in tracker.latest_message.get("entities", []) or []:
        name = entity.get("entity")
        if name in values and values[name] is None and entity.get("value"):
            values[name] = str(entity["value"])
    return values


def run_search(
    dispatcher: CollectingDispatcher, tracker: Tracker, values: dict[str, Optional[str]], offset: int
) -> list[EventType]:
    query = query_from_entities(values, limit=PAGE_SIZE, offset=offset)
    try:
        page = trial_store().search(query)
    except SQLAlchemyError:
        send_unavailable(dispatcher)
        return []
    if not page.trials:
        if offset:
            dispatcher.utter_message(text="That's all the trials I found for this search.")
            return []
        dispatcher.utter_message(text=nothing_found(query))
        send_helpline(dispatcher, tracker)
        return [SlotSet("result_ids", None)]  # "the first one" no longer means an old result
    dispatcher.utter_message(text=results_heading(page, query))
    send_cards(dispatcher, page)
    return [
        SlotSet("result_ids", [trial.nct_id for trial in page.trials]),
        SlotSet("search_offset", float(offset + len(page.trials))),
    ]


def tells_about_the_person(profile: Profile) -> bool:
    """Enough about the person that trials should be ranked by how well they fit."""
    return any((profile.age, profile.sex, profile.site, profile.grades, profile.spread is not None,
                profile.treatments, profile.syndrome, profile.inherited, profile.wants.avoid))


def run_fitting_search(dispatcher: CollectingDispatcher, tracker: Tracker, profile: Profile) -> list[EventType]:
    try:
        result = find_fitting(trial_store(), profile)
    except SQLAlchemyError:
        send_unavailable(dispatcher)
        return []
    if result.unknown_terms:
        dispatcher.utter_message(text=unknown_name_text(result))
        return []
    if not result.found_any:
        dispatcher.utter_message(text=nothing_found(result.query))
        send_helpline(dispatcher, tracker)
        return [SlotSet("result_ids", None)]
    return _send_fits(dispatcher, tracker, result, profile)


def _send_fits(dispatcher: CollectingDispatcher, tracker: Tracker, result: FitResult, profile: Profile) -> list[EventType]:
    dispatcher.utter_message(text=heading(result, profile))
    shown = (result.fits or result.set_aside)[:MAX_SHOWN]
    for fit in shown:
        send_card(dispatcher, fit_card(fit))
    aside = set_aside_text(result) if result.fits else None
    if aside:
        dispatcher.utter_message(text=aside)
    if asks_personal_advice(message_text(tracker)):
        dispatcher.utter_message(text=PERSONAL_PART, buttons=[HELPLINE_BUTTON])
    return [SlotSet("result_ids", [fit.trial.nct_id for fit in shown]), SlotSet("search_offset", None)]


def searched_profile(tracker: Tracker) -> Profile:
    """The conversation's profile, with this message's wishes (if any) in place of older ones:
    "what about immunotherapy?" after a PRRT search asks for immunotherapy."""
    profile = profile_of(tracker)
    latest = read_message(message_text(tracker))
    if latest.wants.treatment:
        profile = replace(profile, wants=replace(profile.wants, treatment=latest.wants.treatment))
    return replace(profile, lookup=latest.lookup)  # names looked up count for this message only


class ActionSearchTrials(Action):
    def name(self) -> str:
        return "action_search_trials"

    async def run(
        self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: dict[str, Any]
    ) -> list[EventType]:
        profile = searched_profile(tracker)
        if tells_about_the_person(profile):
            return run_fitting_search(dispatcher, tracker, profile)
        values = latest_entities(tracker)
        latest = read_message(message_text(tracker))
        if values["treatment"] and latest.treatments and not latest.wants.treatment:
            values["treatment"] = None  # a treatment had is not the one asked for
        if not any(values.values()) and refers_back(tracker.latest_message.get("text")):
            # "are there trials of it?" after an answer about a drug: the drug in focus.
            values["treatment"] = tracker.get_slot("treatment")
        remembered = [SlotSet(name, value) for name, value in values.items() if name not in PLACE_SLOTS]
        if not values["country"] and not values["city"] and profile.place.country:
            values["country"] = country_name(profile.place.country, default_lexicon())  # said earlier
        return remembered + run_search(dispatcher, tracker, values, offset=0)


class ActionShowMoreTrials(Action):
    def name(self) -> str:
        return "action_show_more_trials"

    async def run(
        self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: dict[str, Any]
    ) -> list[EventType]:
        offset = tracker.get_slot("search_offset")
        if offset is None:
            dispatcher.utter_message(
                text="Tell me what to search for first, for example \"trials of everolimus\"."
            )
            return []
        values = {name: tracker.get_slot(name) for name in SEARCH_SLOTS}
        return run_search(dispatcher, tracker, values, offset=int(offset))
