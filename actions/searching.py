"""A search run from slot-like values and its page sent: for the search and show-more actions,
"the first two" counting closed trials (actions/compare_trials.py) and a drug code typed alone
(actions/show_trial.py)."""

from __future__ import annotations

import json
from dataclasses import replace
from typing import Optional, Sequence

from rasa_sdk import Tracker
from rasa_sdk.events import EventType, SlotSet
from rasa_sdk.executor import CollectingDispatcher
from sqlalchemy.exc import SQLAlchemyError

from actions.profile import message_text
from actions.replies import send_cards, send_helpline, send_other_questions, send_unavailable
from actions.store import trial_store
from bot.followups.beside_search import Beside, within_answered
from bot.profile.place import unknown_place_named
from bot.trials.nearby import unknown_place_words
from bot.trials.present import nothing_found, results_heading, unplaced_words
from bot.trials.query import Near, SearchPage, TrialQuery
from bot.trials.query_from_words import query_from_entities
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


def search_query(
    values: dict[str, Optional[str]], limit: int, offset: int = 0, around: Optional[Near] = None
) -> TrialQuery:
    """The query of slot-like `values`; `around`, the town or region to search near, replaces the city and country."""
    asked = query_from_entities(values, limit=limit, offset=offset)
    return replace(asked, near=around, city=None, country=None) if around is not None else asked


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
    asked = search_query(values, PAGE_SIZE, offset, around)
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


def search_for_code(dispatcher: CollectingDispatcher, tracker: Tracker, code: str) -> list[EventType]:
    """Trials of a drug code typed alone ("TLC388"): a look-up, so closed trials count too."""
    values: dict[str, Optional[str]] = {slot: None for slot in SEARCH_SLOTS}
    values["treatment"], values["status"] = code, "all"
    return [SlotSet("treatment", code)] + run_search(dispatcher, tracker, values, offset=0)
