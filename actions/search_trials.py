"""action_search_trials and action_show_more_trials."""

from __future__ import annotations

import json
from dataclasses import replace
from typing import Any, Optional, Sequence

from rasa_sdk import Action, Tracker
from rasa_sdk.events import EventType, SlotSet
from rasa_sdk.executor import CollectingDispatcher
from sqlalchemy.exc import SQLAlchemyError

from actions.fitting import run_fitting_search, run_more_fits, searched_profile
from actions.followups import ActionAnswerTrialDetail
from actions.profile import message_text
from actions.replies import (
    answered_questions,
    send_beside_answers,
    send_cards,
    send_helpline,
    send_other_questions,
    send_unavailable,
)
from actions.store import trial_store
from bot.followups.beside_search import Beside, within_answered
from bot.geo.country_words import country_name
from bot.lexicon import default_lexicon
from bot.profile.fit import near_of
from bot.profile.place import unknown_place_named
from bot.profile.read import read_message
from bot.profile.treatments import asked_name
from bot.trials.asked_about import aspects_asked
from bot.trials.codes import drug_code
from bot.trials.nearby import unknown_place_words
from bot.trials.present import nothing_found, results_heading, unplaced_words
from bot.trials.query import Near, SearchPage
from bot.trials.query_from_words import query_from_entities, refers_back
from bot.trials.relax import Relaxed, relaxed_heading, search_relaxed

SEARCH_SLOTS = ("treatment", "condition", "country", "city", "phase", "status", "age_group")
PLACE_SLOTS = ("country", "city")  # where the person is: kept, not reset by each new search
PAGE_SIZE = 5
PAYLOAD_ENTITIES = ("treatment", "condition", "phase", "status")  # the search's entities in domain.yml
ANYWHERE = "anywhere"  # a country value that means "do not filter by place"


def latest_entities(tracker: Tracker, answered: tuple[Beside, ...] = ()) -> dict[str, Optional[str]]:
    """The first value of each search entity in the latest message, but for those of a general question
    `answered` beside the search ("is temozolomide taken by mouth? and any trials near Bristol")."""
    values: dict[str, Optional[str]] = {name: None for name in SEARCH_SLOTS}
    for entity in tracker.latest_message.get("entities", []) or []:
        name = entity.get("entity")
        if within_answered(int(entity.get("start") or 0), int(entity.get("end") or 0), list(answered)):
            continue
        if name in values and values[name] is None and entity.get("value"):
            values[name] = str(entity["value"])
    return values


def run_search(
    dispatcher: CollectingDispatcher,
    tracker: Tracker,
    values: dict[str, Optional[str]],
    offset: int,
    around: Optional[Near] = None,
    answered: Sequence[str] = (),
) -> list[EventType]:
    """`around`: the town or region to search near (it replaces the city and country); `answered`: the
    general questions answered before the trials (no button to ask them again)."""
    asked = query_from_entities(values, limit=PAGE_SIZE, offset=offset)
    if around:
        asked = replace(asked, near=around, city=None, country=None)
    try:
        relaxed = (
            search_relaxed(trial_store().search, asked)
            if not offset
            else Relaxed(trial_store().search(asked), asked, ())
        )
    except SQLAlchemyError:
        send_unavailable(dispatcher)
        return []
    page, query = relaxed.page, relaxed.query
    if not page.trials:
        if offset:
            dispatcher.utter_message(text="That's all the trials I found for this search.")
            return []
        dispatcher.utter_message(text=nothing_found(query, page))
        send_unplaced(dispatcher, page, values, said=True)
        send_helpline(dispatcher, tracker)
        return [SlotSet("result_ids", None)]  # "the first one" no longer means an old result
    dispatcher.utter_message(text=relaxed_heading(asked, relaxed) or results_heading(page, query))
    send_cards(dispatcher, page, query.near.country if query.near else None)
    send_unplaced(dispatcher, page, values)
    if not offset:
        send_other_questions(dispatcher, message_text(tracker), answered)
    return [
        SlotSet("result_ids", [trial.nct_id for trial in page.trials]),
        SlotSet("search_offset", float(offset + len(page.trials))),
    ]


def unknown_place(text: str) -> Optional[str]:
    """ "I don't know where 'Xyzton' is..." when the message asks for trials near a place the
    gazetteer does not know; None otherwise."""
    name = unknown_place_named(text)
    return unknown_place_words(name) if name else None


def send_unplaced(
    dispatcher: CollectingDispatcher, page: SearchPage, values: dict[str, Optional[str]], said: bool = False
) -> None:
    """Trials a place filter left out because they list no places: said, with a button that
    searches again without the place."""
    words = unplaced_words(page)
    if not words:
        return
    again = {k: v for k, v in values.items() if v and k in PAYLOAD_ENTITIES}
    again["country"] = ANYWHERE
    payload = "/search_trials" + json.dumps(again, separators=(",", ":"))
    dispatcher.utter_message(
        text="Would you like to see those too?" if said else words,
        buttons=[{"title": "Show trials anywhere", "payload": payload}],
    )


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


def search_for_code(dispatcher: CollectingDispatcher, tracker: Tracker, code: str) -> list[EventType]:
    """Trials of a drug code typed alone ("TLC388"): a look-up, so closed trials count too."""
    values: dict[str, Optional[str]] = {slot: None for slot in SEARCH_SLOTS}
    values["treatment"], values["status"] = code, "all"
    return [SlotSet("treatment", code)] + run_search(dispatcher, tracker, values, offset=0)


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
