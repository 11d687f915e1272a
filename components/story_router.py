"""StoryRouter: a story told with no question, about a treatment already had ("my dad is 74 and has
had lutathera for his pancreatic NET, the doctor says it worked for a while"), is noted and read
back (`inform`), not answered with what that treatment is (`knowledge` took the name for a topic,
`ask_eligibility` for a trial asked about).
Runs before the SafetyNet, which still wins."""

from __future__ import annotations

from typing import Optional

from rasa.engine.recipes.default_recipe import DefaultV1Recipe
from rasa.shared.nlu.constants import INTENT, TEXT
from rasa.shared.nlu.training_data.message import Message

from bot.profile.read import read_message
from bot.profile.trial_request import tells_a_story
from bot.text import is_question
from components.intent_router import IntentRouter

INFORM = "inform"
# Read from a story with no question: its treatment taken for a topic, or for a trial asked about
_MISREAD_AS = {"knowledge", "ask_eligibility"}


@DefaultV1Recipe.register([DefaultV1Recipe.ComponentType.INTENT_CLASSIFIER], is_trainable=False)
class StoryRouter(IntentRouter):
    def route(self, message: Message) -> Optional[str]:
        text = message.get(TEXT) or ""
        if (message.get(INTENT) or {}).get("name") not in _MISREAD_AS or is_question(text) or not tells_a_story(text):
            return None
        read = read_message(text)
        return INFORM if read.topic in {t.id for t in read.treatments} else None
