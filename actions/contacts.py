"""action_show_helplines, action_find_centres, action_show_trial_contacts."""

from __future__ import annotations

import re
from datetime import datetime, timezone
from typing import Any

from rasa_sdk import Action, Tracker
from rasa_sdk.events import EventType
from rasa_sdk.executor import CollectingDispatcher

from actions.country import country_code, latest_place
from actions.followups import ActionShowTrialPlaces
from actions.which_trial import TrialFollowUp
from bot.contacts.book import default_contacts
from bot.contacts.present import centres_answer, helplines_answer
from bot.trials.present import contact_text
from bot.trials.query import TrialDetail


class ActionShowHelplines(Action):
    """Who to talk to: helplines for the person's country with open-now, and out of hours."""

    def name(self) -> str:
        return "action_show_helplines"

    async def run(self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: dict[str, Any]) -> list[EventType]:
        now = datetime.now(timezone.utc)
        dispatcher.utter_message(text=helplines_answer(default_contacts(), country_code(tracker), now))
        return []


class ActionFindCentres(Action):
    """NET specialist centres near the person; with a trial in focus, a bare "nearest hospital?"
    is about that trial's places."""

    def name(self) -> str:
        return "action_find_centres"

    async def run(self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: dict[str, Any]) -> list[EventType]:
        focus = tracker.get_slot("focus_nct_id")
        if focus and not _SPECIALIST_WORDS.search(tracker.latest_message.get("text") or ""):
            events = await ActionShowTrialPlaces().run(dispatcher, tracker, domain)
            dispatcher.utter_message(text=CENTRES_TOO)
            return events
        city = latest_place(tracker, "city")
        dispatcher.utter_message(text=centres_answer(default_contacts(), country_code(tracker), city))
        return []


# "nearest NET centre", "a specialist near me": the centres, even with a trial in focus
_SPECIALIST_WORDS = re.compile(
    r"\b(?:centres?|centers?|specialists?|experts?|enets|net\s+(?:service|team|clinic|unit)|"
    r"clinics?\s+for\s+nets?|refer\w*)\b",
    re.I,
)
CENTRES_TOO = 'If you meant NET specialist centres rather than this trial\'s places, say "NET centres near me".'


class ActionShowTrialContacts(TrialFollowUp):
    """The record's contacts for the trial named, pointed at ("the second one") or in focus."""

    def name(self) -> str:
        return "action_show_trial_contacts"

    def answer(self, dispatcher: CollectingDispatcher, tracker: Tracker, trial: TrialDetail) -> None:
        dispatcher.utter_message(text=f"Contacts for {trial.nct_id}: {contact_text(trial)}")
