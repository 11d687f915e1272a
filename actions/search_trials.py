"""action_search_trials and action_show_more_trials."""
from __future__ import annotations

from typing import Any, Optional

from rasa_sdk import Action, Tracker
from rasa_sdk.events import EventType, SlotSet
from rasa_sdk.executor import CollectingDispatcher
from sqlalchemy.exc import SQLAlchemyError

from actions.replies import send_cards, send_unavailable
from actions.store import trial_store
from bot.trials.present import nothing_found, results_heading
from bot.trials.understand import query_from_entities, refers_back

SEARCH_SLOTS = ("treatment", "condition", "country", "city", "phase", "status")
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
    dispatcher: CollectingDispatcher, values: dict[str, Optional[str]], offset: int
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
        dispatcher.utter_message(response="utter_helpline")
        return [SlotSet("result_ids", None)]  # "the first one" no longer means an old result
    dispatcher.utter_message(text=results_heading(page, query))
    send_cards(dispatcher, page)
    return [
        SlotSet("result_ids", [trial.nct_id for trial in page.trials]),
        SlotSet("search_offset", float(offset + len(page.trials))),
    ]


class ActionSearchTrials(Action):
    def name(self) -> str:
        return "action_search_trials"

    async def run(
        self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: dict[str, Any]
    ) -> list[EventType]:
        values = latest_entities(tracker)
        if not any(values.values()) and refers_back(tracker.latest_message.get("text")):
            # "are there trials of it?" after an answer about a drug: the drug in focus.
            values["treatment"] = tracker.get_slot("treatment")
        remembered = [SlotSet(name, value) for name, value in values.items()]
        return remembered + run_search(dispatcher, values, offset=0)


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
        return run_search(dispatcher, values, offset=int(offset))
