"""validate_prescreen_form and action_prescreen_results: a few answers, checked against open trials.

Each `ps_` slot is filled from the text while the form asks for it; `validate_ps_<slot>`
turns that text into the slot's normalised value (bot/prescreen/answers.py) or asks again.
`extract_ps_age`, `extract_ps_sex` and `extract_ps_grade` run on every turn of the form and
pick up answers said outright at any time ("actually I'm 67"), with a thank-you. A message
like that does not count as the answer to the question just asked: that slot's validator
finds no answer in it and the form asks again, without a "sorry".
"""

from __future__ import annotations

from typing import Any, Optional

from rasa_sdk import Action, FormValidationAction, Tracker
from rasa_sdk.events import EventType, SlotSet
from rasa_sdk.executor import CollectingDispatcher
from sqlalchemy.exc import SQLAlchemyError

from actions.profile import profile_of
from actions.replies import HELPLINE_BUTTON, send_card, send_unavailable
from actions.store import trial_store
from bot.prescreen.answers import SLOTS, Answers, corrections, parse_answer
from bot.prescreen.candidates import open_trials
from bot.prescreen.checklist import checklist, ranked
from bot.prescreen.present import (
    MAX_TRIALS_SHOWN,
    REASK,
    WHO_DECIDES,
    acknowledgement,
    answers_summary,
    checked_heading,
    left_out_text,
    nothing_open_text,
    trial_card,
)
from bot.profile.answers import prescreen_values

REQUESTED_SLOT = "requested_slot"
SlotDict = dict[str, Any]


def _text(tracker: Tracker) -> str:
    return tracker.latest_message.get("text") or ""


def known_answers(tracker: Tracker) -> dict[str, Optional[str]]:
    """Each pre-screen answer: the form's own, else what the person already told us. Both are
    normalised already (`validate_ps_<slot>`, `prescreen_values`): nothing is parsed again."""
    known = prescreen_values(profile_of(tracker))
    return {slot: tracker.get_slot(slot) or known.get(slot) for slot in SLOTS}


class ValidatePrescreenForm(FormValidationAction):
    def name(self) -> str:
        return "validate_prescreen_form"

    async def required_slots(
        self, domain_slots: list[str], dispatcher: CollectingDispatcher, tracker: Tracker, domain: dict
    ) -> list[str]:
        """Only the questions the conversation has not answered yet ("I'm 63" two messages
        ago is not asked again)."""
        known = prescreen_values(profile_of(tracker))
        return [slot for slot in domain_slots if slot not in known or tracker.get_slot(slot)]

    # -- answers said outright, at any time ------------------------------------------------------
    async def extract_ps_age(self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: dict) -> SlotDict:
        return self._stated("ps_age", dispatcher, tracker)

    async def extract_ps_sex(self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: dict) -> SlotDict:
        return self._stated("ps_sex", dispatcher, tracker)

    async def extract_ps_grade(self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: dict) -> SlotDict:
        return self._stated("ps_grade", dispatcher, tracker)

    @staticmethod
    def _stated(slot: str, dispatcher: CollectingDispatcher, tracker: Tracker) -> SlotDict:
        """A new value for `slot` said outside its own question, thanked for; else nothing."""
        requested = tracker.get_slot(REQUESTED_SLOT)
        if slot == requested:
            return {}  # the answer to the question itself is read by validate_<slot>
        value = corrections(_text(tracker), leave_out=requested).get(slot)
        before: Optional[str] = tracker.get_slot(slot)
        if not value or value == before:
            return {}
        dispatcher.utter_message(text=acknowledgement(slot, value, before))
        return {slot: value}

    # -- each answer, normalised ------------------------------------------------------------------
    def validate_ps_age(self, value: Any, dispatcher: CollectingDispatcher, tracker: Tracker, domain: dict) -> SlotDict:
        return self._checked("ps_age", value, dispatcher, tracker)

    def validate_ps_sex(self, value: Any, dispatcher: CollectingDispatcher, tracker: Tracker, domain: dict) -> SlotDict:
        return self._checked("ps_sex", value, dispatcher, tracker)

    def validate_ps_site(
        self, value: Any, dispatcher: CollectingDispatcher, tracker: Tracker, domain: dict
    ) -> SlotDict:
        return self._checked("ps_site", value, dispatcher, tracker)

    def validate_ps_grade(
        self, value: Any, dispatcher: CollectingDispatcher, tracker: Tracker, domain: dict
    ) -> SlotDict:
        return self._checked("ps_grade", value, dispatcher, tracker)

    def validate_ps_spread(
        self, value: Any, dispatcher: CollectingDispatcher, tracker: Tracker, domain: dict
    ) -> SlotDict:
        return self._checked("ps_spread", value, dispatcher, tracker)

    def validate_ps_functioning(
        self, value: Any, dispatcher: CollectingDispatcher, tracker: Tracker, domain: dict
    ) -> SlotDict:
        return self._checked("ps_functioning", value, dispatcher, tracker)

    def validate_ps_treatments(
        self, value: Any, dispatcher: CollectingDispatcher, tracker: Tracker, domain: dict
    ) -> SlotDict:
        return self._checked("ps_treatments", value, dispatcher, tracker)

    def validate_ps_place(
        self, value: Any, dispatcher: CollectingDispatcher, tracker: Tracker, domain: dict
    ) -> SlotDict:
        return self._checked("ps_place", value, dispatcher, tracker)

    @staticmethod
    def _checked(slot: str, value: Any, dispatcher: CollectingDispatcher, tracker: Tracker) -> SlotDict:
        """The normalised answer; or None, with a hint when it was the question just asked
        (and the message was not a change to another answer, already thanked for)."""
        parsed = parse_answer(slot, value)
        if parsed is not None:
            return {slot: parsed}
        if slot == tracker.get_slot(REQUESTED_SLOT) and not corrections(_text(tracker), leave_out=slot):
            dispatcher.utter_message(text=REASK[slot])
        return {slot: None}


class ActionPrescreenResults(Action):
    """Open trials checked against the answers: the closest first, each point explained."""

    def name(self) -> str:
        return "action_prescreen_results"

    async def run(self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: dict[str, Any]) -> list[EventType]:
        values = known_answers(tracker)
        answers = Answers.from_values(values)
        done = [SlotSet(REQUESTED_SLOT, None)]
        try:
            candidates = open_trials(trial_store(), answers.place)
        except SQLAlchemyError:
            send_unavailable(dispatcher)
            return done
        if not candidates.trials:
            dispatcher.utter_message(text=nothing_open_text(), buttons=[HELPLINE_BUTTON])
            return [SlotSet("result_ids", None)] + done
        results = ranked(checklist(trial, answers) for trial in candidates.trials)
        shown, left_out = results[:MAX_TRIALS_SHOWN], results[MAX_TRIALS_SHOWN:]
        heading = checked_heading(len(results), answers.place, candidates.widened)
        dispatcher.utter_message(text=f"{heading}\n{answers_summary(values)}")
        for position, result in enumerate(shown, start=1):
            send_card(dispatcher, trial_card(position, result))
        ending = " ".join(t for t in (left_out_text(left_out), WHO_DECIDES) if t)
        dispatcher.utter_message(text=ending, buttons=[HELPLINE_BUTTON])
        return [SlotSet("result_ids", [r.trial.nct_id for r in shown])] + done
