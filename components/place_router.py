"""PlaceRouter: a message that only says where the person lives is a fact to keep; one that only
asks for trials in another place ("is there anything in melbourne") is a search.

"i live in woking", "vivo en Murcia", "bor i Lund": the classifier knows few town names and may
call the message off-topic. When it says so (or is unsure) and the message is only a short
statement of where they live, the intent becomes `inform`, whose action reads the place
(bot/profile/place.py, with the gazetteer) for the search, the nearest sites and the numbers of
the person's country. The statement is recognised by its shape alone: loading the gazetteer here
would add about 90 MB to every Rasa process.
"""

from __future__ import annotations

import re
from typing import Optional

from rasa.engine.recipes.default_recipe import DefaultV1Recipe
from rasa.shared.nlu.constants import INTENT, TEXT
from rasa.shared.nlu.training_data.message import Message

from bot.followups.narrowed import narrowing_point
from bot.known_words import is_everyday_word
from bot.profile.trial_request import NOT_PLACES
from components.intent_router import IntentRouter

INFORM = "inform"
SEARCH = "search_trials"
ROUTED_FROM = {"out_of_scope", "nlu_fallback"}
_PLACE = r"(?P<place>[^\W\d_][\w'.-]*(?:[\s,]+[^\W\d_][\w'.-]*){0,3})"
_HOME_STATEMENT = re.compile(
    r"^\W*(?:(?:hi|hello|hey)\W+)?(?:"
    r"(?:i|we|im|i'm|we're|were|my\s+\w+|he|she|he's|she's|they're)\s*(?:am|are|is|m|re|s)?\s*(?:just\s+|right\s+)?"
    r"(?:live[sd]?|living|based|staying|located|from|in|near|outside)"
    r"|(?:hi|hello|hey)\s+from|vivo|vivimos|bor|bo|wohne|wohnen|woon|j'habite|habite)"
    r"(?:\s+(?:in|near|outside|at|just|around|by|en|i|close\s+to|up|down|over|out))*\s+" + _PLACE + r"\W*$",
    re.I,
)


# "is there anything in melbourne", "any in canada?", "what about in brisbane": the last search asked again
# for another place (the search reads the place with the gazetteer).
_ANOTHER_PLACE = re.compile(
    r"^\W*(?:(?:and|ok|okay|so|hmm|thanks)\W+)?(?:"
    r"(?:(?:is|are)\s+there\s+)?(?:anything|any|something|owt|any\s+(?:trials?|studies|ones?))\s+(?:at\s+all\s+)?"
    r"(?:in|near|around|nr|closer\s+to|nearer\s+to|nearer|over\s+in|up\s+in|down\s+in|out\s+in)"
    r"|(?:what|how)\s+about(?:\s+(?:in|near|around|closer\s+to|nearer))?"
    r")\s+" + _PLACE + r"\W*$",
    re.I,
)


# Everyday English words (textstat's easy words: "tomorrow", "stock", "children") are never taken for a town here,
# nor these: a few towns with everyday names ("Bath", "Reading") keep the classifier's answer.
_NOT_PLACE_WORDS = frozenset(
    "my his her their our your it its that this them him me us you particular mum mom mam mummy kids hubby".split()
)


def asks_again_for_another_place(text: str) -> bool:
    found = _ANOTHER_PLACE.match(text or "")
    if not found:
        return False
    first = found.group("place").split()[0].lower().strip(",.")
    if narrowing_point(text):  # "what about alcohol": the last question asked again on one point
        return False
    return not is_everyday_word(first) and first not in NOT_PLACES | _NOT_PLACE_WORDS


def says_where_they_live(text: str) -> bool:
    found = _HOME_STATEMENT.match(text or "")
    if not found:
        return False
    first = found.group("place").split()[0].lower().strip(",.")
    return first not in NOT_PLACES


@DefaultV1Recipe.register([DefaultV1Recipe.ComponentType.INTENT_CLASSIFIER], is_trainable=False)
class PlaceRouter(IntentRouter):
    def route(self, message: Message) -> Optional[str]:
        intent = (message.get(INTENT) or {}).get("name")
        if intent not in ROUTED_FROM:
            return None
        text = message.get(TEXT) or ""
        if says_where_they_live(text):
            return INFORM
        return SEARCH if asks_again_for_another_place(text) else None
