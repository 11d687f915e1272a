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
from actions.trial_answers import send_direct_answers
from actions.which_trial import load_trial, named_in_message, not_a_trial_number, referred_trial
from bot.text import is_question
from bot.trials.asked_about import Aspect, aspects_asked
from bot.trials.codes import drug_code
from bot.trials.nct import NCT_FORMAT_HELP, is_valid_nct_id
from bot.trials.present import detail_lines


class ActionShowTrial(Action):
    def name(self) -> str:
        return "action_show_trial"

    async def run(self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: dict[str, Any]) -> list[EventType]:
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
                from actions.search_trials import search_for_code  # imports this module

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


def answer_about(
    dispatcher: CollectingDispatcher, tracker: Tracker, nct_id: str, asked: list[Aspect]
) -> list[EventType]:
    """The parts asked about, answered from the record, and the trial in focus for what follows."""
    trial = load_trial(dispatcher, nct_id)
    if trial is None:
        return [SlotSet("nct_id", nct_id)]
    send_direct_answers(dispatcher, tracker, trial, asked)
    return [SlotSet("nct_id", nct_id), SlotSet("focus_nct_id", nct_id)]
