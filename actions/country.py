"""Which country the person is in, as far as the conversation tells (None if it does not:
the contacts then use the UK's)."""

from __future__ import annotations

import re
from typing import Optional

from rasa_sdk import Tracker

from actions.profile import profile_of
from bot.lexicon import default_lexicon


def latest_place(tracker: Tracker, entity: str) -> Optional[str]:
    return next(tracker.get_latest_entity_values(entity), None)


def country_code(tracker: Tracker) -> Optional[str]:
    """From a country or city named in the latest message, else the profile (everything the
    person said before, "I'm in the US btw" included), else the remembered search slots, else
    the channel's hint (a phone number's calling code, an app's language setting)."""
    lexicon = default_lexicon()
    for value in (latest_place(tracker, "country"), latest_place(tracker, "city")):
        code = lexicon.country_code(value) if value else None
        if code:
            return code
    remembered = profile_of(tracker).place.country
    if remembered:
        return remembered
    for value in (tracker.get_slot("country"), tracker.get_slot("city")):
        code = lexicon.country_code(value) if value else None
        if code:
            return code
    return channel_country(tracker)


def channel_country(tracker: Tracker) -> Optional[str]:
    metadata = tracker.latest_message.get("metadata") or {}
    country = metadata.get("country") if isinstance(metadata, dict) else None
    return country if isinstance(country, str) and re.fullmatch(r"[A-Z]{2}", country) else None
