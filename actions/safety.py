"""action_emergency and action_distress: the right number at once, no questions first."""
from __future__ import annotations

from datetime import datetime, timezone
from typing import Any

from rasa_sdk import Action, Tracker
from rasa_sdk.events import EventType
from rasa_sdk.executor import CollectingDispatcher

from actions.where import country_code
from bot.contacts.book import default_contacts
from bot.contacts.present import crisis_answer, emergency_answer


class ActionEmergency(Action):
    def name(self) -> str:
        return "action_emergency"

    async def run(
        self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: dict[str, Any]
    ) -> list[EventType]:
        dispatcher.utter_message(text=emergency_answer(default_contacts(), country_code(tracker)))
        return []


class ActionDistress(Action):
    def name(self) -> str:
        return "action_distress"

    async def run(
        self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: dict[str, Any]
    ) -> list[EventType]:
        now = datetime.now(timezone.utc)
        dispatcher.utter_message(text=crisis_answer(default_contacts(), country_code(tracker), now))
        return []
