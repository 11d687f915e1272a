"""action_validate_slot_mappings: the profile of the person, updated from every message.

Rasa runs this action after its own slot mappings on every user message, in any state, so
search, the pre-screen, "who can join" answers and the helplines all read one profile that
already holds what was just said (bot/profile/).
"""
from __future__ import annotations

from typing import Any, Optional

from rasa_sdk import Tracker
from rasa_sdk.executor import CollectingDispatcher
from rasa_sdk.forms import ValidationAction

from bot.profile.model import Profile
from bot.profile.read import update

PROFILE_SLOT = "profile"
ASKING_FOR_SLOT = "asking_for"  # "self" or "someone else": which wording the pre-screen's questions use


def profile_of(tracker: Tracker) -> Profile:
    return Profile.from_dict(tracker.get_slot(PROFILE_SLOT))


def message_text(tracker: Tracker) -> Optional[str]:
    """The latest message as typed; None for a button's payload ("/show_trial{...}")."""
    text = tracker.latest_message.get("text") or ""
    return None if text.startswith("/") else text


class ValidateSlotMappings(ValidationAction):
    async def required_slots(
        self, domain_slots: list[str], dispatcher: CollectingDispatcher, tracker: Tracker, domain: dict
    ) -> list[str]:
        return [PROFILE_SLOT]

    async def extract_profile(self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: dict[str, Any]) -> dict:
        text = message_text(tracker)
        if not text:
            return {}
        before = profile_of(tracker)
        after = update(before, text)
        if after == before:
            return {}
        asking_for = None if after.about is None else "self" if after.about == "self" else "someone else"
        return {PROFILE_SLOT: after.as_dict(), ASKING_FOR_SLOT: asking_for}
