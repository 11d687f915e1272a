"""SafetyNet: a Rasa NLU component that marks urgent messages whatever the classifier said.

It runs after the intent classifier and the FallbackClassifier. When bot.safety finds an
emergency or distress pattern it sets the intent to `emergency` or `distress` with confidence
1.0, so the rules for those intents win over any form or story. Otherwise, when bot.advice finds a request for
advice about the person's own care, it sets `ask_personal_advice`, so that is never answered
with general facts that could read as advice.

The classifier alone also says `emergency` for ordinary questions that use alarming words ("can
my 12 yr old have it", "my sugar keeps dropping in the night, what should I eat"). When the
patterns find no sign and distress is not close behind, the message takes the classifier's next
intent instead if it tells of something that happens again and again with nothing said to be
happening now (bot.safety.happens_again_and_again), or if the classifier was unsure (below
GUESSED_BELOW, the action's own cut for a guess) and it reads as a general question, a past event
or an "if" (bot.safety.reads_as_ordinary).

Despair of one's own with a question ("we're in despair, chemo stopped working. what else is
there?"), or a feeling with a question the classifier only guessed was distress, is `distress`
marked `support_first` with the question's own intent: action_distress gives support and the
numbers for the person's country, then the answer that intent gets. The classifier's emergency
stays unless it only guessed it on despair with nothing said to be happening now: an emergency
the patterns do not know ("so scared, he's burning up on chemo, what do i do") keeps the number
first. Despair alone the classifier guessed was an emergency is distress: never the emergency line.
"""

from __future__ import annotations

from typing import Any, Dict, List, Optional, Text

from rasa.engine.graph import ExecutionContext, GraphComponent
from rasa.engine.recipes.default_recipe import DefaultV1Recipe
from rasa.engine.storage.resource import Resource
from rasa.engine.storage.storage import ModelStorage
from rasa.shared.nlu.constants import INTENT, INTENT_RANKING_KEY, TEXT
from rasa.shared.nlu.training_data.message import Message
from rasa.shared.nlu.training_data.training_data import TrainingData

from bot.advice import also_asks_for_trials, asks_for_options, asks_personal_advice
from bot.known_words import holds_no_known_word
from bot.personal.feelings import shows_despair, shows_feeling
from bot.personal.support import SUPPORT_FIRST
from bot.safety import check_message, happens_again_and_again, reads_as_ordinary, sounds_acute
from bot.text import is_question

SAFETY_KEY = "safety_net"
ADVICE_INTENT = "ask_personal_advice"
SEARCH_INTENT = "search_trials"
URGENT_INTENTS = ("emergency", "distress")
OFF_TOPIC = "out_of_scope"
NO_INTENT = "nlu_fallback"
# The classifier's emergency below this is only a guess (actions/safety.py SURE_EMERGENCY is the same).
GUESSED_BELOW = 0.6
# Distress this likely means something may be wrong even if it is not an emergency: keep the guess.
DISTRESS_CLOSE = 0.1
DISTRESS = "distress"
# No question to answer after the support: chit-chat, feedback, the pre-screen's own intents, off-topic
_NOT_QUESTIONS = frozenset(
    {"greet", "goodbye", "thank", "affirm", "deny", "bot_challenge", "ask_privacy", "feedback_helpful"}
    | {"feedback_unhelpful", "start_prescreen", "stop_prescreen", OFF_TOPIC}
)
# "What else is there?" asks for what could be tried, not for places or people: the trial search
_NOT_OPTIONS = frozenset({"find_centres", "ask_helpline", "inform", NO_INTENT, OFF_TOPIC})


@DefaultV1Recipe.register([DefaultV1Recipe.ComponentType.INTENT_CLASSIFIER], is_trainable=False)
class SafetyNet(GraphComponent):
    @classmethod
    def create(
        cls,
        config: Dict[Text, Any],
        model_storage: ModelStorage,
        resource: Resource,
        execution_context: ExecutionContext,
    ) -> "SafetyNet":
        return cls()

    def process_training_data(self, training_data: TrainingData) -> TrainingData:
        return training_data

    def process(self, messages: List[Message]) -> List[Message]:
        for message in messages:
            text = message.get(TEXT)
            match = check_message(text)
            question = None if match else _question_after_support(message, text)
            if match is not None:
                _set_intent(message, match.kind, match.reason)
            elif question:
                _set_intent(message, DISTRESS, SUPPORT_FIRST)
                message.set(
                    SAFETY_KEY, {"kind": DISTRESS, "reason": SUPPORT_FIRST, "question": question}, add_to_output=True
                )
            elif _despair_guessed_urgent(message, text):  # "we're in despair": support, not the emergency line
                _set_intent(message, DISTRESS, "despair")
            elif asks_personal_advice(text) and also_asks_for_trials(text):
                # The trials can be answered; the search adds that the personal part is for their team.
                _set_intent(message, SEARCH_INTENT, "trials_and_personal_advice")
            elif asks_personal_advice(text):
                _set_intent(message, ADVICE_INTENT, "personal_advice")
            elif _ordinary_despite_the_classifier(message, text):
                _take_next_intent(message)
            elif _guessed_urgent_on_no_word(message, text):  # "xyzzy blorp" met with the emergency number
                _set_intent(message, NO_INTENT, "no_known_word")
        return messages


def _guessed(message: Message) -> bool:
    return ((message.get(INTENT) or {}).get("confidence") or 0.0) < GUESSED_BELOW


def _question_after_support(message: Message, text: str) -> Optional[str]:
    """The intent whose answer follows the support, when the message needs support first: despair
    of one's own with a question, or a feeling with a question the classifier guessed was urgent."""
    if not (is_question(text) or asks_for_options(text)):
        return None
    named = (message.get(INTENT) or {}).get("name")
    if named == "emergency" and not _only_despair_guessed_urgent(message, text):
        return None  # an emergency the patterns do not know ("so scared, he's burning up on chemo"): the number first
    distress_guess = named == DISTRESS and _guessed(message)
    if not (shows_despair(text) or (distress_guess and shows_feeling(text))):
        return None
    if asks_personal_advice(text):
        return SEARCH_INTENT if also_asks_for_trials(text) else ADVICE_INTENT
    ranked = [r.get("name") for r in message.get(INTENT_RANKING_KEY) or [message.get(INTENT) or {}]]
    question = next((name for name in ranked if name not in URGENT_INTENTS), None)
    if asks_for_options(text) and (question is None or question in _NOT_OPTIONS):
        return SEARCH_INTENT
    return None if question is None or question in _NOT_QUESTIONS else question


def _only_despair_guessed_urgent(message: Message, text: str) -> bool:
    """The classifier only guessed an emergency, on despair with nothing said to be happening now."""
    return _guessed(message) and shows_despair(text) and not sounds_acute(text)


def _despair_guessed_urgent(message: Message, text: str) -> bool:
    return (message.get(INTENT) or {}).get("name") == "emergency" and _only_despair_guessed_urgent(message, text)


def _ordinary_despite_the_classifier(message: Message, text: str) -> bool:
    """The classifier's emergency, with no sign found, on a message about something not happening now."""
    intent = message.get(INTENT) or {}
    scores = {r.get("name"): r.get("confidence") or 0.0 for r in message.get(INTENT_RANKING_KEY) or []}
    if intent.get("name") != "emergency" or scores.get("distress", 0.0) >= DISTRESS_CLOSE:
        return False
    guessed = (intent.get("confidence") or 0.0) < GUESSED_BELOW
    return happens_again_and_again(text) or (guessed and reads_as_ordinary(text))


def _guessed_urgent_on_no_word(message: Message, text: str) -> bool:
    """The classifier only guessed an emergency or distress, and the message holds no word we know."""
    intent = message.get(INTENT) or {}
    guessed = (intent.get("confidence") or 0.0) < GUESSED_BELOW
    return intent.get("name") in URGENT_INTENTS and guessed and holds_no_known_word(text)


def _take_next_intent(message: Message) -> None:
    """The classifier's best intent that is neither emergency nor distress, with its own confidence.
    Not off-topic either: a message it took for an emergency is about health ("my sugar keeps
    dropping in the night, what should I eat")."""
    ranking = [r for r in message.get(INTENT_RANKING_KEY) or [] if r.get("name") not in URGENT_INTENTS]
    ranking = [r for r in ranking if r.get("name") != OFF_TOPIC] or ranking
    if not ranking:
        return
    message.set(INTENT, dict(ranking[0]), add_to_output=True)
    message.set(INTENT_RANKING_KEY, ranking, add_to_output=True)
    message.set(SAFETY_KEY, {"kind": ranking[0]["name"], "reason": "ordinary_question"}, add_to_output=True)


def _set_intent(message: Message, name: str, reason: str) -> None:
    override_intent(message, name)
    message.set(SAFETY_KEY, {"kind": name, "reason": reason}, add_to_output=True)


def override_intent(message: Message, name: str) -> None:
    """Make `name` the message's intent, with confidence 1.0, first in the ranking."""
    intent = {"name": name, "confidence": 1.0}
    ranking = [intent] + [r for r in message.get(INTENT_RANKING_KEY) or [] if r.get("name") != name]
    message.set(INTENT, intent, add_to_output=True)
    message.set(INTENT_RANKING_KEY, ranking, add_to_output=True)
