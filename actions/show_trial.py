"""action_show_trial: one trial by its NCT id, its place in the last results, or the one in focus."""

from __future__ import annotations

from typing import Any

from rasa_sdk import Action, Tracker
from rasa_sdk.events import EventType, SlotSet
from rasa_sdk.executor import CollectingDispatcher
from sqlalchemy.exc import SQLAlchemyError

from actions.fitting import run_fitting_search, searched_profile
from actions.in_focus import DESIGN_ASPECTS
from actions.profile import message_text
from actions.replies import send_unavailable
from actions.searching import search_for_code
from actions.trial_answers import send_direct_answers
from actions.which_trial import load_trial, named_in_message, not_a_trial_number, referred_trial, stored_trials
from bot.text import is_question
from bot.trials.asked_about import Aspect, aspects_asked
from bot.trials.codes import drug_code
from bot.trials.nct import NCT_FORMAT_HELP, is_valid_nct_id
from bot.trials.not_listed import not_listed
from bot.trials.present import detail_lines
from bot.trials.side_by_side import nct_ids_in, short_views


class ActionShowTrial(Action):
    def name(self) -> str:
        return "action_show_trial"

    async def run(self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: dict[str, Any]) -> list[EventType]:
        several = nct_ids_in(message_text(tracker))
        if len(several) > 1 and not aspects_asked(message_text(tracker) or ""):
            return show_several(dispatcher, several)  # "nurse gave me 3 numbers: NCT02859064, NCT00326469, ..."
        try:
            nct_id = named_in_message(tracker)
        except SQLAlchemyError:
            send_unavailable(dispatcher)
            return []
        if nct_id is None:
            referral = referred_trial(tracker)
            if referral.ask:
                dispatcher.utter_message(text=referral.ask)
                return []
            nct_id = referral.nct_id
        if nct_id is None:
            searched = searched_profile(tracker)
            if searched.wants.treatment or searched.lookup.names_trials or searched.place.city:
                return run_fitting_search(dispatcher, tracker, searched)  # "ONC201 trial cleveland": a search
            code = drug_code(tracker.latest_message.get("text") or "")
            if code:  # "TLC388": the trials that test it, not a mistyped NCT number
                return search_for_code(dispatcher, tracker, code)
        if not is_valid_nct_id(nct_id):
            what_is_wrong = not_a_trial_number(nct_id) if nct_id else NCT_FORMAT_HELP
            dispatcher.utter_message(text=f"{what_is_wrong} Which trial would you like?")
            return []
        asked = [a for a in aspects_asked(message_text(tracker) or "") if a in DESIGN_ASPECTS]
        if asked and is_question(message_text(tracker) or ""):
            return answer_about(dispatcher, tracker, nct_id, asked)  # "is the CLARINET trial randomised?"
        return await self.show(dispatcher, nct_id)

    @staticmethod
    async def show(dispatcher: CollectingDispatcher, nct_id: str) -> list[EventType]:
        """The trial's view, and the trial in focus for the questions that follow."""
        trial = load_trial(dispatcher, nct_id)
        if trial is None:
            return [SlotSet("nct_id", nct_id)]
        dispatcher.utter_message(text="\n".join(detail_lines(trial)))
        return [SlotSet("nct_id", nct_id), SlotSet("focus_nct_id", nct_id)]


def show_several(dispatcher: CollectingDispatcher, nct_ids: list[str]) -> list[EventType]:
    """The trials the person named, a few lines each, as a list "the first two" or "the last one" can point into."""
    asked = nct_ids[:MAX_NAMED]
    try:
        trials = stored_trials(asked)
    except SQLAlchemyError:
        send_unavailable(dispatcher)
        return []
    missing = [nct_id for nct_id in asked if nct_id not in {t.nct_id for t in trials}]
    if len(trials) > 1:
        heading = f"The {len(trials)} trials you named{' that are in our list' if missing else ''}:"
        dispatcher.utter_message(text=f"{heading}\n\n{short_views(trials)}")
    elif trials:
        dispatcher.utter_message(text="\n".join(detail_lines(trials[0])))
    if missing:
        dispatcher.utter_message(text=not_listed(missing))
    if not trials:
        return []
    if len(nct_ids) > MAX_NAMED:
        dispatcher.utter_message(text=f"I have shown the first {MAX_NAMED}. Send the others in a new message.")
    if len(trials) == 1:
        return [SlotSet("nct_id", trials[0].nct_id), SlotSet("focus_nct_id", trials[0].nct_id)]
    return [SlotSet("result_ids", [t.nct_id for t in trials]), SlotSet("focus_nct_id", None)]


# A list the person typed in is shown whole up to this many (a page of search results)
MAX_NAMED = 5


def answer_about(
    dispatcher: CollectingDispatcher, tracker: Tracker, nct_id: str, asked: list[Aspect]
) -> list[EventType]:
    """The parts asked about, answered from the record, and the trial in focus for what follows."""
    trial = load_trial(dispatcher, nct_id)
    if trial is None:
        return [SlotSet("nct_id", nct_id)]
    send_direct_answers(dispatcher, tracker, trial, asked)
    return [SlotSet("nct_id", nct_id), SlotSet("focus_nct_id", nct_id)]
