"""FeelingRouter: a question of fact asked with fear or worry ("what do they take out in a
whipple? we're both in bits") is answered by action_answer_personal_question, which gives the
same knowledge answer after a sentence that acknowledges the feeling. So is one about the
person's own situation whose exact point one single fact answers ("flying to tenerife after my
PRRT, anything i need to know at the airport?"): that action adds the fact the short topic
answer leaves out (bot/knowledge/facts.py). Urgent messages are the SafetyNet's, which runs
after this and wins.
"""
from __future__ import annotations

from typing import Optional

from rasa.engine.recipes.default_recipe import DefaultV1Recipe
from rasa.shared.nlu.constants import INTENT, TEXT
from rasa.shared.nlu.training_data.message import Message

from bot.knowledge.facts import answering_fact
from bot.personal.feelings import shows_feeling
from bot.personal.own_situation import about_their_own_situation
from components.intent_router import IntentRouter
from components.safety_net import ADVICE_INTENT

ROUTED_FROM = {"knowledge"}


@DefaultV1Recipe.register([DefaultV1Recipe.ComponentType.INTENT_CLASSIFIER], is_trainable=False)
class FeelingRouter(IntentRouter):
    def route(self, message: Message) -> Optional[str]:
        if (message.get(INTENT) or {}).get("name") not in ROUTED_FROM:
            return None
        text = message.get(TEXT) or ""
        asked_in_fear = shows_feeling(text)
        exact_point_of_their_own = about_their_own_situation(text) and answering_fact(text) is not None
        return ADVICE_INTENT if asked_in_fear or exact_point_of_their_own else None
