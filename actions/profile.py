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
    """Needs nothing from the domain, so Rasa sends it none (domain.yml)."""

    def domain_slots(self, domain: dict) -> list[str]:
        return [PROFILE_SLOT, ASKING_FOR_SLOT]  # not the SDK's: it reads every slot in the domain

    async def required_slots(
        self, domain_slots: list[str], dispatcher: CollectingDispatcher, tracker: Tracker, domain: dict
    ) -> list[str]:
        return [PROFILE_SLOT, ASKING_FOR_SLOT]

    async def extract_profile(self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: dict[str, Any]) -> dict:
        text = message_text(tracker)
        if not text:
            return {}
        before = profile_of(tracker)
        after = update(before, text)
        return {PROFILE_SLOT: after.as_dict()} if after != before else {}

    async def extract_asking_for(
        self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: dict[str, Any]
    ) -> dict:
        """Read after extract_profile (the SDK updates the tracker in between)."""
        about = profile_of(tracker).about
        asking_for = None if about is None else "self" if about == "self" else "someone else"
        return {ASKING_FOR_SLOT: asking_for} if asking_for != tracker.get_slot(ASKING_FOR_SLOT) else {}

    # Both slots are set only here, already checked: each validator keeps the value as it is
    # (without them the SDK logs a warning for every message).
    def validate_profile(self, value: Any, dispatcher: CollectingDispatcher, tracker: Tracker, domain: dict) -> dict:
        return {PROFILE_SLOT: value}

    def validate_asking_for(self, value: Any, dispatcher: CollectingDispatcher, tracker: Tracker, domain: dict) -> dict:
        return {ASKING_FOR_SLOT: value}
