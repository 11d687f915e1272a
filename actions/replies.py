"""Sending trial results to the chat: cards with buttons, and the "unavailable" answer."""
from __future__ import annotations

from datetime import datetime, timezone

from rasa_sdk import Tracker
from rasa_sdk.executor import CollectingDispatcher

from actions.where import country_code
from bot.contacts.book import default_contacts
from bot.contacts.present import helplines_answer

from bot.trials.present import Card, card
from bot.trials.query import SearchPage

SHOW_MORE_BUTTON = {"title": "Show more", "payload": "/show_more_trials"}
HELPLINE_BUTTON = {"title": "Talk to a nurse", "payload": "/ask_helpline"}


def send_card(dispatcher: CollectingDispatcher, item: Card) -> None:
    """One trial as a message with its "See NCT..." button."""
    dispatcher.utter_message(
        text=item.text, buttons=[{"title": item.button_title, "payload": item.button_payload}]
    )


def send_cards(dispatcher: CollectingDispatcher, page: SearchPage) -> None:
    for summary in page.trials:
        send_card(dispatcher, card(summary))
    if page.has_more:
        dispatcher.utter_message(
            text=f"There are {page.total - page.offset - len(page.trials)} more.",
            buttons=[SHOW_MORE_BUTTON],
        )


def send_unavailable(dispatcher: CollectingDispatcher) -> None:
    """The same answer the Rasa server gives when the action server itself is down."""
    dispatcher.utter_message(response="utter_trials_unavailable")
    dispatcher.utter_message(response="utter_helpline")


def send_helpline(dispatcher: CollectingDispatcher, tracker: Tracker) -> None:
    """Who to talk to, for the person's country (the UK's lines when we do not know it)."""
    now = datetime.now(timezone.utc)
    dispatcher.utter_message(text=helplines_answer(default_contacts(), country_code(tracker), now))
