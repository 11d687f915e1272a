"""A message that asks for trials, taken for a question about one trial or for a knowledge topic: "is there a
study where they just keep an eye on it? we're in Ohio" is a search (for watch and wait, near Ohio), not
"which trial do you mean?" nor the watch-and-wait explainer. Only when it names no trial of its own and says
what to search by: where they are, or a kind of trial (bot/profile/read.py)."""

from __future__ import annotations

from typing import Optional

from bot.profile.read import read_message
from bot.profile.trial_request import asks_for_trials


def asks_for_a_search(text: Optional[str]) -> bool:
    text = text or ""
    if not asks_for_trials(text):
        return False
    said = read_message(text)
    return bool(said.place.country or said.place.region or said.place.city or said.wants.treatment)
