"""FeelingRouter: a question of fact asked with fear or worry ("what do they take out in a
whipple? we're both in bits") is answered by action_answer_personal_question, which gives the
same knowledge answer after a sentence that acknowledges the feeling. Urgent messages are the
SafetyNet's, which runs after this and wins.
"""
from __future__ import annotations

from typing import Optional

from rasa.engine.recipes.default_recipe import DefaultV1Recipe
from rasa.shared.nlu.constants import INTENT, TEXT
from rasa.shared.nlu.training_data.message import Message

from bot.personal.feelings import shows_feeling
from components.intent_router import IntentRouter
from components.safety_net import ADVICE_INTENT

ROUTED_FROM = {"knowledge"}


@DefaultV1Recipe.register([DefaultV1Recipe.ComponentType.INTENT_CLASSIFIER], is_trainable=False)
class FeelingRouter(IntentRouter):
    def route(self, message: Message) -> Optional[str]:
        asked_in_fear = (message.get(INTENT) or {}).get("name") in ROUTED_FROM and shows_feeling(message.get(TEXT))
        return ADVICE_INTENT if asked_in_fear else None
