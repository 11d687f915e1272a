"""PlaceRouter: a message that only says where the person lives is a fact to keep.

"i live in woking", "vivo en Murcia", "bor i Lund": the classifier knows few town names and may
call the message off-topic. When it says so (or is unsure) and the profile reader finds a place
in a message that asks nothing, the intent becomes `inform`, whose action notes the place for
the search, the nearest sites and the numbers of the person's country.
"""
from __future__ import annotations

from typing import Optional

from rasa.engine.recipes.default_recipe import DefaultV1Recipe
from rasa.shared.nlu.constants import INTENT, TEXT
from rasa.shared.nlu.training_data.message import Message

from bot.profile.place import read_place
from bot.text import is_question
from components.intent_router import IntentRouter

INFORM = "inform"
ROUTED_FROM = {"out_of_scope", "nlu_fallback"}
MOST_WORDS = 20  # a story that also names a town is the classifier's to read


def says_where_they_live(text: str) -> bool:
    if not text or is_question(text) or len(text.split()) > MOST_WORDS:
        return False
    place = read_place(text)
    return bool(place.city or place.region or place.country)


@DefaultV1Recipe.register([DefaultV1Recipe.ComponentType.INTENT_CLASSIFIER], is_trainable=False)
class PlaceRouter(IntentRouter):
    def route(self, message: Message) -> Optional[str]:
        intent = (message.get(INTENT) or {}).get("name")
        return INFORM if intent in ROUTED_FROM and says_where_they_live(message.get(TEXT) or "") else None
