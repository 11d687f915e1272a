"""Trials that fit what we know about the person, sent to the chat (bot/profile/fit.py decides
the order; this module only reads the tracker and renders)."""

from __future__ import annotations

from typing import Optional, Sequence

from rasa_sdk import Tracker
from rasa_sdk.events import EventType, SlotSet
from rasa_sdk.executor import CollectingDispatcher
from sqlalchemy.exc import SQLAlchemyError

from actions.profile import message_text, profile_of
from actions.replies import HELPLINE_BUTTON, send_card, send_helpline, send_other_questions, send_unavailable
from actions.store import trial_store
from actions.topics import bot_texts
from actions.trial_answers import send_direct_answers
from actions.which_trial import load_trial, named_trial_ids
from bot.advice import asks_personal_advice
from bot.personal.support import kind_word
from bot.profile.fit import FitResult, after_surgery_first, find_fitting, with_lookups
from bot.profile.model import Profile
from bot.profile.present import (
    MAX_SHOWN,
    PERSONAL_PART,
    fit_card,
    heading,
    more_heading,
    set_aside_text,
    unknown_name_text,
)
from bot.profile.read import for_search
from bot.profile.stage_fit import asks_to_stop_return
from bot.profile.wishes import asks_about_their_age
from bot.trials.asked_about import Aspect, asks_if_it_worked, aspects_asked
from bot.trials.present import nothing_found


def searched_profile(tracker: Tracker) -> Profile:
    """The conversation's profile as this message searches with it (bot.profile.read.for_search),
    with the stored trials, sponsors and sites the message names (a staff look-up)."""
    text = message_text(tracker)
    profile = for_search(profile_of(tracker), text)
    try:
        return with_lookups(profile, text or "", trial_store())
    except SQLAlchemyError:
        return profile  # the search itself will say it is unavailable


def run_fitting_search(
    dispatcher: CollectingDispatcher, tracker: Tracker, profile: Profile, answered: Optional[Sequence[str]] = None
) -> list[EventType]:
    """`answered`: the general questions answered before the trials (`send_beside_answers`); None: found again."""
    try:
        result = find_fitting(trial_store(), profile)
    except SQLAlchemyError:
        send_unavailable(dispatcher)
        return []
    if asks_to_stop_return(message_text(tracker) or ""):  # "anything to stop it coming back?"
        result = after_surgery_first(result)
    word = kind_word(message_text(tracker), bot_texts(tracker))  # "we are so scared ... are there any trials"
    if word:
        dispatcher.utter_message(text=word)
    if result.unknown_terms:
        dispatcher.utter_message(text=unknown_name_text(result))
        return []
    if not result.found_any:
        dispatcher.utter_message(text=nothing_found(result.query))
        send_helpline(dispatcher, tracker)
        return [SlotSet("result_ids", None)]
    events = _send_fits(dispatcher, tracker, result, profile, answered)
    if profile.lookup.names_trials:
        send_asked_of_the_one_named(dispatcher, tracker, message_text(tracker) or "", result)
    return events


def run_more_fits(dispatcher: CollectingDispatcher, tracker: Tracker) -> Optional[list[EventType]]:
    """ "show me more" after trials ranked by fit: the next ones in the same order; None when the
    list shown last was not one of them."""
    shown = tracker.get_slot("result_ids") or []
    profile = searched_profile(tracker)
    if not shown or not profile.tells_about_the_person:
        return None
    try:
        result = find_fitting(trial_store(), profile)
    except SQLAlchemyError:
        send_unavailable(dispatcher)
        return []
    ordered = result.fits or result.set_aside
    ids = [fit.trial.nct_id for fit in ordered]
    if shown[-1] not in ids:
        return None
    following = ordered[ids.index(shown[-1]) + 1 :][:MAX_SHOWN]
    if not following:
        dispatcher.utter_message(text="That is all of them: I have shown you every trial that fits what you told me.")
        return []
    dispatcher.utter_message(text=more_heading(len(following)))
    for fit in following:
        send_card(dispatcher, fit_card(fit, with_why=True, around=result.query.near))
    return [SlotSet("result_ids", [fit.trial.nct_id for fit in following])]


def _send_fits(
    dispatcher: CollectingDispatcher,
    tracker: Tracker,
    result: FitResult,
    profile: Profile,
    answered: Optional[Sequence[str]],
) -> list[EventType]:
    text = message_text(tracker) or ""
    asked_about_age = asks_about_their_age(text)  # "is 84 too old for the trials?"
    dispatcher.utter_message(text=heading(result, profile, asked_about_age=asked_about_age, message=text))
    shown = (result.fits or result.set_aside)[:MAX_SHOWN]
    for fit in shown:  # a set-aside trial always says why; a fit only when the person told us something
        send_card(
            dispatcher,
            fit_card(fit, with_why=profile.tells_about_the_person or fit.clear_mismatch, around=result.query.near),
        )
    aside = set_aside_text(result) if result.fits else None  # when nothing fits, the cards say why
    if aside:
        dispatcher.utter_message(text=aside)
    if asks_personal_advice(text):
        dispatcher.utter_message(text=PERSONAL_PART, buttons=[HELPLINE_BUTTON])
    send_other_questions(dispatcher, text, answered)
    return [SlotSet("result_ids", [fit.trial.nct_id for fit in shown]), SlotSet("search_offset", None)]


def send_asked_of_the_one_named(
    dispatcher: CollectingDispatcher, tracker: Tracker, text: str, result: FitResult
) -> None:
    """ "what is the NETTER-2 trial and did it work?": after its card, what else was asked of the one trial
    named, from its record (the one the search just read, else read again)."""
    named = named_trial_ids(text)
    asked: list[Aspect] = aspects_asked(text) or (["results"] if asks_if_it_worked(text) else [])
    aspects: list[Aspect] = [a for a in asked if a != "summary"] if len(named) == 1 else []
    if not aspects:
        return
    found = next((f.trial for f in result.fits + result.set_aside if f.trial.nct_id == named[0]), None)
    trial = found or load_trial(dispatcher, named[0])
    if trial is not None:
        send_direct_answers(dispatcher, tracker, trial, aspects)
