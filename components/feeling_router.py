"""FeelingRouter: a question of fact asked with fear or worry ("what do they take out in a
whipple? we're both in bits") is answered by action_answer_personal_question, which gives the
same knowledge answer after a sentence that acknowledges the feeling. A message no intent fitted
(nlu_fallback) goes there too when it is about the person's own situation and one single fact
clearly answers it ("is a glass of wine ok? i flush a lot": bot/knowledge/facts.py). A plain
knowledge question about their own situation stays `knowledge`: action_answer_knowledge adds
the fact and who can say how it applies. A question told with a feeling and read as a fact about
the person (`inform`: "im exhausted all the time since the diagnosis, is that the tumour?") goes
to the personal question too. Urgent messages are the SafetyNet's, which runs after
this and wins.
"""

from __future__ import annotations

from typing import Optional

from rasa.engine.recipes.default_recipe import DefaultV1Recipe
from rasa.shared.nlu.constants import INTENT, TEXT
from rasa.shared.nlu.training_data.message import Message

from bot.knowledge.facts import answering_fact
from bot.personal.feelings import shows_feeling
from bot.personal.own_situation import about_their_own_situation
from bot.personal.prognosis import asks_prognosis
from bot.text import is_question
from components.intent_router import IntentRouter
from components.safety_net import ADVICE_INTENT

KNOWLEDGE = "knowledge"
UNSURE = "nlu_fallback"
INFORM = "inform"
# Read as facts or as off-topic, but asking how long someone may live ("is stage 4 terminal"):
# action_answer_knowledge answers it plainly (bot/personal/prognosis.py).
_NOT_QUESTIONS = ("inform", "out_of_scope", UNSURE)


@DefaultV1Recipe.register([DefaultV1Recipe.ComponentType.INTENT_CLASSIFIER], is_trainable=False)
class FeelingRouter(IntentRouter):
    def route(self, message: Message) -> Optional[str]:
        intent = (message.get(INTENT) or {}).get("name")
        text = message.get(TEXT) or ""
        if intent in _NOT_QUESTIONS and asks_prognosis(text) and is_question(text):
            return KNOWLEDGE
        if intent == KNOWLEDGE and shows_feeling(text):
            return ADVICE_INTENT
        if intent == INFORM and shows_feeling(text) and is_question(text):
            return ADVICE_INTENT  # "im exhausted all the time since the diagnosis, is that the tumour?"
        if intent == UNSURE and about_their_own_situation(text) and answering_fact(text, topic=_topic(message)):
            return ADVICE_INTENT
        return None


def _topic(message: Message) -> Optional[str]:
    """The knowledge topic the topic selector chose ("whipple"), which the answer will give."""
    chosen = ((message.get("response_selector") or {}).get("knowledge") or {}).get("response") or {}
    key = str(chosen.get("intent_response_key") or "")
    return key.removeprefix("knowledge/") if key.startswith("knowledge/") else None
