"""A question that says where the person lives just after a trial was shown, in any language: "ik woon in
Assen. welk ziekenhuis is het dichtstbij?", "were in charlottetown PEI, what's nearest to us". It asks where
that trial runs nearest to them, even when the words around the place are not read (the place is:
bot/profile/read.py)."""

from __future__ import annotations

from typing import Optional

from bot.profile.read import read_message
from bot.profile.trial_request import asks_for_trials
from bot.text import is_question


def asks_where_near_them(text: Optional[str]) -> bool:
    text = text or ""
    if not is_question(text) or asks_for_trials(text):  # "any trials near Assen?" is a search
        return False
    place = read_message(text).place
    return bool(place.city or place.region or place.country)
