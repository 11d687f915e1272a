"""TopicSelector: picks the answer for a retrieval intent (`knowledge/<topic>`), in place of
Rasa's ResponseSelector.

It trains the same words-and-meaning model as the intent classifier
(components/words_and_meaning.py) on the retrieval intent's examples, labelled by topic, and
writes its choice where Rasa's ResponseSelector would (the message's `response_selector`
property), so `utter_knowledge`, the e2e test stories and `rasa test nlu` read it unchanged.
Why: in 5-fold cross-validation this model picks the right topic more often than the
ResponseSelector did (docs/nlu-report.md), and it trains in seconds, not about five minutes.
"""

from __future__ import annotations

import json
import logging
import warnings
from typing import Any, Dict, List, Optional, Text

from rasa.engine.graph import ExecutionContext
from rasa.engine.recipes.default_recipe import DefaultV1Recipe
from rasa.engine.storage.resource import Resource
from rasa.engine.storage.storage import ModelStorage
from rasa.nlu.constants import (
    RESPONSE_SELECTOR_PREDICTION_KEY,
    RESPONSE_SELECTOR_PROPERTY_NAME,
    RESPONSE_SELECTOR_RANKING_KEY,
    RESPONSE_SELECTOR_RESPONSES_KEY,
    RESPONSE_SELECTOR_RETRIEVAL_INTENTS,
    RESPONSE_SELECTOR_UTTER_ACTION_KEY,
)
from rasa.shared.nlu.constants import INTENT, INTENT_RESPONSE_KEY, PREDICTED_CONFIDENCE_KEY, TEXT
from rasa.shared.nlu.training_data.message import Message
from rasa.shared.nlu.training_data.training_data import TrainingData
from rasa.shared.nlu.training_data.util import intent_response_key_to_template_key

from bot.knowledge.funding_asked import funding_topic
from components.model_component import ModelComponent
from components.words_and_meaning import DEFAULTS, WordsAndMeaningModel

logger = logging.getLogger(__name__)
RESPONSES_FILE = "responses.json"

# Rasa's recipe checks for its own ResponseSelector class by name and warns that the
# response data is unused when it is absent; this component uses it.
warnings.filterwarnings(
    "ignore", message="You have defined training data with examples for training a response selector"
)


@DefaultV1Recipe.register([DefaultV1Recipe.ComponentType.INTENT_CLASSIFIER], is_trainable=True)
class TopicSelector(ModelComponent):
    @staticmethod
    def get_default_config() -> Dict[Text, Any]:
        return {**DEFAULTS, "retrieval_intent": None, "ranking_length": 10}

    def __init__(
        self,
        config: Dict[Text, Any],
        model_storage: ModelStorage,
        resource: Resource,
        model: Optional[WordsAndMeaningModel] = None,
        responses: Optional[Dict[Text, Any]] = None,
        retrieval_intents: Optional[List[Text]] = None,
    ) -> None:
        super().__init__(config, model_storage, resource, model)
        if not self.config["retrieval_intent"]:
            raise ValueError("TopicSelector needs `retrieval_intent` in config.yml (for example: knowledge).")
        self.responses = responses or {}
        self.retrieval_intents = retrieval_intents or []

    @property
    def intent(self) -> Text:
        return self.config["retrieval_intent"]

    def train(self, training_data: TrainingData) -> Resource:
        self.retrieval_intents = sorted(training_data.retrieval_intents)
        examples = [
            m
            for m in training_data.intent_examples
            if m.get(INTENT) == self.intent and m.get(INTENT_RESPONSE_KEY) and m.get(TEXT)
        ]
        if len({m.get(INTENT_RESPONSE_KEY) for m in examples}) < 2:
            logger.warning(f"TopicSelector: fewer than two topics of '{self.intent}' with examples; not trained.")
            return self._resource
        self._fit(examples, [m.get(INTENT_RESPONSE_KEY) for m in examples])
        labels = self.model.labels if self.model is not None else []
        self.responses = {
            key: training_data.responses.get(intent_response_key_to_template_key(key), []) for key in labels
        }
        with self._model_storage.write_to(self._resource) as directory:
            (directory / RESPONSES_FILE).write_text(
                json.dumps({"responses": self.responses, "retrieval_intents": self.retrieval_intents}), encoding="utf-8"
            )
        return self._resource

    def process(self, messages: List[Message]) -> List[Message]:
        if self.model is None or not messages:
            return messages
        for message, ranking in zip(messages, self._rankings(messages)):
            ranked = [{PREDICTED_CONFIDENCE_KEY: p, INTENT_RESPONSE_KEY: key} for key, p in ranking]
            ranked = self._funding_first(message.get(TEXT), ranked)
            self._set_choice(message, ranked[0], ranked[: self.config["ranking_length"]])
        return messages

    def _funding_first(self, text: Optional[str], ranked: List[Dict[Text, Any]]) -> List[Dict[Text, Any]]:
        """ "does the nhs pay for everolimus?": the topic of that treatment's funding fact first
        (bot/knowledge/funding_asked.py), as sure as the model's best, whatever the model ranked first."""
        topic = funding_topic(text)
        key = f"{self.intent}/{topic}" if topic else None
        if key is None or key not in self.responses or ranked[0][INTENT_RESPONSE_KEY] == key:
            return ranked
        at = next((n for n, r in enumerate(ranked) if r[INTENT_RESPONSE_KEY] == key), None)
        if at is None:
            return ranked  # beyond the ranking: left to the model
        swapped = [dict(r) for r in ranked]  # the two swap places and confidences, so they still sum to 1
        swapped[0][INTENT_RESPONSE_KEY], swapped[at][INTENT_RESPONSE_KEY] = key, ranked[0][INTENT_RESPONSE_KEY]
        return swapped

    def _set_choice(self, message: Message, best: Dict[Text, Any], ranking: List[Dict[Text, Any]]) -> None:
        """In the shape Rasa's ResponseSelector gives (rasa.nlu.selectors.response_selector)."""
        key = best[INTENT_RESPONSE_KEY]
        properties = message.get(RESPONSE_SELECTOR_PROPERTY_NAME) or {}
        properties[RESPONSE_SELECTOR_RETRIEVAL_INTENTS] = self.retrieval_intents
        properties[self.intent] = {
            RESPONSE_SELECTOR_PREDICTION_KEY: {
                RESPONSE_SELECTOR_RESPONSES_KEY: self.responses.get(key) or [{TEXT: key}],
                PREDICTED_CONFIDENCE_KEY: best[PREDICTED_CONFIDENCE_KEY],
                INTENT_RESPONSE_KEY: key,
                RESPONSE_SELECTOR_UTTER_ACTION_KEY: intent_response_key_to_template_key(key),
            },
            RESPONSE_SELECTOR_RANKING_KEY: ranking,
        }
        message.set(RESPONSE_SELECTOR_PROPERTY_NAME, properties, add_to_output=True)

    @classmethod
    def load(
        cls,
        config: Dict[Text, Any],
        model_storage: ModelStorage,
        resource: Resource,
        execution_context: ExecutionContext,
        **kwargs: Any,
    ) -> "TopicSelector":
        model = cls._load_model(config, model_storage, resource)
        if model is None:
            return cls(config, model_storage, resource)
        try:
            with model_storage.read_from(resource) as directory:
                saved = json.loads((directory / RESPONSES_FILE).read_text(encoding="utf-8"))
            return cls(
                config, model_storage, resource, model, dict(saved["responses"]), list(saved["retrieval_intents"])
            )
        except (OSError, ValueError, KeyError, TypeError) as error:
            logger.error(f"TopicSelector: the saved answers could not be read ({error!r}); it will not pick topics.")
            return cls(config, model_storage, resource)
