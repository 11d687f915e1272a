"""A message that asks for trials, taken for a question about one trial or for a knowledge topic: "is there a
study where they just keep an eye on it? we're in Ohio" is a search (for watch and wait, near Ohio), not
"which trial do you mean?" nor the watch-and-wait explainer. Only when it names no trial of its own and says
what to search by: where they are, or a kind of trial (bot/profile/read.py); or, after a story of their NET,
only "is there anything at all?" ("anything for teenagers?")."""

from __future__ import annotations

import re
from typing import Optional

from bot.profile.read import read_message
from bot.profile.stage_fit import asks_to_stop_return
from bot.profile.trial_request import asks_for_trials, tells_a_story

# After a story of their NET, "is there anything at all?", "anything for teenagers?" ends the message: what
# can be tried, for this person (not "anything at all I can do to help him feel better?")
_ANYTHING_FOR_THEM = re.compile(
    r"\banything\s+(?:at\s+all|for\s+(?:him|her|them|me|us|teen(?:ager)?s|young\s+people|kids|children))"
    r"(?:\s+(?:at\s+all|now|then|out\s+there))?\s*(?:\?|$)",
    re.I,
)


# "...they took the lobe out in june. anything to stop it coming back?": after a story, what could keep it away
_ANYTHING = re.compile(r"\b(?:anything|something|any\s+(?:trials?|studies|study|research|treatments?))\b", re.I)


def asks_for_a_search(text: Optional[str], story_told: bool = False) -> bool:
    """`story_told`: the conversation already holds a story of their NET (the support lines met the words of
    feeling that told it, and only "is there anything at all?" is heard again)."""
    text = (text or "").strip()
    if not asks_for_trials(text):
        return (story_told or tells_a_story(text)) and bool(
            _ANYTHING_FOR_THEM.search(text) or (_ANYTHING.search(text) and asks_to_stop_return(text))
        )
    said = read_message(text)
    return bool(said.place.country or said.place.region or said.place.city or said.wants.treatment)
