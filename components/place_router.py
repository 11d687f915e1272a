"""PlaceRouter: a message that only says where the person lives is a fact to keep.

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

from bot.profile.trial_request import NOT_PLACES
from components.intent_router import IntentRouter

INFORM = "inform"
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
        return INFORM if intent in ROUTED_FROM and says_where_they_live(message.get(TEXT) or "") else None
