"""TrialRequestRouter: a story that ends by asking for trials goes to the trial search, whatever
nearby intent the classifier chose: a personal question ("her onc says PRRT is next. are there any
studies?" was answered with what PRRT is), facts (`inform`: "on the monthly jab, CT says it's
growing again. anything near Cardiff?" was read back), a general eligibility question ("would any
trial accept a gentleman of 82?" got how to look for trials) or a knowledge topic. The search
answers the story's other questions too (bot/profile/wishes.other_questions). A question about
one trial stays where it is; urgent messages are the SafetyNet's, which runs after this and wins.
A question is never a goodbye: "whats left for him now?" goes to the search, any other to the
understanding of a message no intent fits.
"""

from __future__ import annotations

from typing import Optional

from rasa.engine.recipes.default_recipe import DefaultV1Recipe
from rasa.shared.nlu.constants import INTENT, TEXT
from rasa.shared.nlu.training_data.message import Message

from bot.profile.trial_request import asks_for_trials, asks_what_is_left, tells_a_story
from bot.text import is_question
from components.intent_router import IntentRouter

SEARCH = "search_trials"
GOODBYE, NO_INTENT = "goodbye", "nlu_fallback"
# The intents a story asking for trials is mistaken for; knowledge and personal advice only with a story
ROUTED_FROM = {"ask_personal_advice", "inform", "ask_eligibility", "knowledge", "nlu_fallback"}
_STORY_NEEDED = {"ask_personal_advice", "knowledge"}


@DefaultV1Recipe.register([DefaultV1Recipe.ComponentType.INTENT_CLASSIFIER], is_trainable=False)
class TrialRequestRouter(IntentRouter):
    def route(self, message: Message) -> Optional[str]:
        intent = (message.get(INTENT) or {}).get("name")
        text = message.get(TEXT) or ""
        if intent == GOODBYE and is_question(text):  # "whats left for him now?" was read as a goodbye
            return SEARCH if asks_what_is_left(text) else NO_INTENT
        if intent not in ROUTED_FROM or not asks_for_trials(text):
            return None
        if intent in _STORY_NEEDED and not tells_a_story(text):
            return None
        return SEARCH
