"""Sending to the chat: trial cards with buttons, the helplines for the person's country, the
"unavailable" answer, and a button for each other question a message asked."""

from __future__ import annotations

from datetime import datetime, timezone
from typing import Optional, Sequence

from rasa_sdk import Tracker
from rasa_sdk.executor import CollectingDispatcher

from actions.country import country_code
from bot.advice import asks_personal_advice
from bot.contacts.book import default_contacts
from bot.contacts.present import helplines_answer
from bot.followups.beside_search import Beside, general_questions_beside, questions_beside
from bot.profile.wishes import other_questions
from bot.trials.present import Card, card, shorten
from bot.trials.query import SearchPage

SHOW_MORE_BUTTON = {"title": "Show more", "payload": "/show_more_trials"}
HELPLINE_BUTTON = {"title": "Talk to a nurse", "payload": "/ask_helpline"}


def send_card(dispatcher: CollectingDispatcher, item: Card) -> None:
    """One trial as a message with its "See NCT..." button."""
    dispatcher.utter_message(text=item.text, buttons=[{"title": item.button_title, "payload": item.button_payload}])


def send_cards(dispatcher: CollectingDispatcher, page: SearchPage, units_country: Optional[str] = None) -> None:
    """`units_country`: the country of the place searched around, for miles or km."""
    for summary in page.trials:
        send_card(dispatcher, card(summary, units_country))
    if page.has_more:
        dispatcher.utter_message(
            text=f"There are {page.total - page.offset - len(page.trials)} more.",
            buttons=[SHOW_MORE_BUTTON],
        )


def send_unavailable(dispatcher: CollectingDispatcher) -> None:
    """The same answer the Rasa server gives when the action server itself is down."""
    dispatcher.utter_message(response="utter_trials_unavailable")
    dispatcher.utter_message(response="utter_helpline")


def send_helpline(dispatcher: CollectingDispatcher, tracker: Tracker, likely_country: Optional[str] = None) -> None:
    """Who to talk to, for the person's country (else `likely_country`, else the UK's lines)."""
    now = datetime.now(timezone.utc)
    dispatcher.utter_message(text=helplines_answer(default_contacts(), country_code(tracker) or likely_country, now))


MAX_OTHER_QUESTIONS = 3
BUTTON_TITLE_LIMIT = 40


def send_beside_answers(dispatcher: CollectingDispatcher, text: Optional[str]) -> tuple[Beside, ...]:
    """The general questions asked beside a request for trials ("is temozolomide taken by mouth? and any
    trials near Bristol"), those we can answer answered, before the trials: all of them returned, so that
    the search leaves their words out and the buttons of other questions leave the answered ones out."""
    besides = tuple(questions_beside(text))
    for beside in besides:
        if beside.answer:
            dispatcher.utter_message(text=beside.answer)
    return besides


def answered_questions(besides: Sequence[Beside]) -> list[str]:
    """The questions of `besides` that were answered."""
    return [b.question for b in besides if b.answer]


def send_other_questions(
    dispatcher: CollectingDispatcher, text: Optional[str], answered: Optional[Sequence[str]] = None
) -> None:
    """The other questions of a message that asked several: one button each, which asks it. `answered`: the
    general questions already answered beside the trials (`send_beside_answers`); None: found here again."""
    if answered is None:
        answered = [b.question for b in general_questions_beside(text)]
    others = [
        q
        for q in other_questions(text or "")
        if not asks_personal_advice(q) and not any(q in said or said in q for said in answered)
    ][:MAX_OTHER_QUESTIONS]
    if not others:
        return
    buttons = [{"title": shorten(q, BUTTON_TITLE_LIMIT), "payload": q} for q in others]
    dispatcher.utter_message(
        text="You asked more than one thing. Tap a question and I will answer it next.", buttons=buttons
    )
