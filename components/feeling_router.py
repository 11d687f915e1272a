"""FeelingRouter: a question of fact asked with fear or worry ("what do they take out in a
whipple? we're both in bits") is answered by action_answer_personal_question, which gives the
same knowledge answer after a sentence that acknowledges the feeling. A message no intent fitted
(nlu_fallback) goes there too when it is about the person's own situation and one single fact
clearly answers it ("is a glass of wine ok? i flush a lot": bot/knowledge/facts.py), or when the
classifier was torn between a knowledge topic and a personal question. A plain
knowledge question about their own situation stays `knowledge`: action_answer_knowledge adds
the fact and who can say how it applies; one asking whether something in their own body is to
be expected ("her mouth is full of ulcers, is that normal?") goes to the personal question, which
answers the general part and hands the rest back. A question told with a feeling and read as a fact about
the person (`inform`: "im exhausted all the time since the diagnosis, is that the tumour?") goes
to the personal question too. Urgent messages are the SafetyNet's, which runs after
this and wins.
"""

from __future__ import annotations

from typing import Optional

from rasa.engine.recipes.default_recipe import DefaultV1Recipe
from rasa.shared.nlu.constants import INTENT, INTENT_RANKING_KEY, TEXT
from rasa.shared.nlu.training_data.message import Message

from bot.knowledge.facts import answering_fact
from bot.personal.feelings import shows_feeling
from bot.personal.own_situation import about_their_own_situation, asks_if_their_own_is_expected
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
        if intent == KNOWLEDGE and (shows_feeling(text) or asks_if_their_own_is_expected(text)):
            return ADVICE_INTENT  # "...her mouth is full of ulcers, is that normal?": the answer, then handed back
        if intent == INFORM and shows_feeling(text) and is_question(text):
            return ADVICE_INTENT  # "im exhausted all the time since the diagnosis, is that the tumour?"
        if intent == UNSURE and about_their_own_situation(text) and answering_fact(text, topic=_topic(message)):
            return ADVICE_INTENT
        if intent == UNSURE and about_their_own_situation(text) and _torn_between_fact_and_advice(message):
            return ADVICE_INTENT  # "...want to scan me every year. is that normal or are they fobbing me off"
        return None


# The classifier's two best were these, too close to choose (the FallbackClassifier's near-tie): both
# lead to the topic's answer, and for their own situation the personal question gives it and hands back
_FACT_OR_ADVICE = {KNOWLEDGE, ADVICE_INTENT}


def _torn_between_fact_and_advice(message: Message) -> bool:
    ranked = [r.get("name") for r in message.get(INTENT_RANKING_KEY) or [] if r.get("name") != UNSURE]
    return set(ranked[:2]) == _FACT_OR_ADVICE


def _topic(message: Message) -> Optional[str]:
    """The knowledge topic the topic selector chose ("whipple"), which the answer will give."""
    chosen = ((message.get("response_selector") or {}).get("knowledge") or {}).get("response") or {}
    key = str(chosen.get("intent_response_key") or "")
    return key.removeprefix("knowledge/") if key.startswith("knowledge/") else None
