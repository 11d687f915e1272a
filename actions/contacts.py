"""action_show_helplines, action_find_centres, action_show_trial_contacts."""
from __future__ import annotations

from datetime import datetime, timezone
from typing import Any

from rasa_sdk import Action, Tracker
from rasa_sdk.events import EventType
from rasa_sdk.executor import CollectingDispatcher
from sqlalchemy.exc import SQLAlchemyError

from actions.replies import send_unavailable
from actions.store import trial_store
from actions.where import country_code, latest_place
from bot.contacts.book import default_contacts
from bot.contacts.present import centres_answer, helplines_answer
from bot.trials.nct import find_nct_candidate, is_valid_nct_id
from bot.trials.present import contact_text


class ActionShowHelplines(Action):
    """Who to talk to: helplines for the person's country with open-now, and out of hours."""

    def name(self) -> str:
        return "action_show_helplines"

    async def run(
        self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: dict[str, Any]
    ) -> list[EventType]:
        now = datetime.now(timezone.utc)
        dispatcher.utter_message(text=helplines_answer(default_contacts(), country_code(tracker), now))
        return []


class ActionFindCentres(Action):
    def name(self) -> str:
        return "action_find_centres"

    async def run(
        self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: dict[str, Any]
    ) -> list[EventType]:
        city = latest_place(tracker, "city")
        dispatcher.utter_message(text=centres_answer(default_contacts(), country_code(tracker), city))
        return []


class ActionShowTrialContacts(Action):
    """The record's contacts for the trial named, or the trial in focus."""

    def name(self) -> str:
        return "action_show_trial_contacts"

    async def run(
        self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: dict[str, Any]
    ) -> list[EventType]:
        named = [find_nct_candidate(str(v)) for v in tracker.get_latest_entity_values("nct_id")]
        named.append(find_nct_candidate(tracker.latest_message.get("text") or ""))
        nct_id = next((n for n in named if is_valid_nct_id(n)), None) or tracker.get_slot("focus_nct_id")
        if not nct_id:
            dispatcher.utter_message(
                text="Which trial do you mean? Tell me its NCT number, like NCT07273409."
            )
            return []
        try:
            trial = trial_store().get(nct_id)
        except SQLAlchemyError:
            send_unavailable(dispatcher)
            return []
        if trial is None:
            dispatcher.utter_message(
                text=f"{nct_id} is not in our list. Its registry page may list contacts: "
                f"https://clinicaltrials.gov/study/{nct_id}"
            )
            return []
        dispatcher.utter_message(text=f"Contacts for {nct_id}: {contact_text(trial)}")
        return []
