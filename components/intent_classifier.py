"""WordsAndMeaningClassifier: intents from word/character n-grams, the sentence's meaning,
and the nearest training examples (components/words_and_meaning.py has the model).

The n-grams keep what the old count-based classifier knew ("lanreotide", "NCT0..."); the
meaning vector and the nearest examples let it place phrasings it has never seen ("is there
a person there" asks for a human, "what is glaucoma" is not one of our topics). Measured in
docs/nlu-report.md.
"""

from __future__ import annotations

import logging
from typing import Any, Dict, List, Text

from rasa.engine.graph import ExecutionContext
from rasa.engine.recipes.default_recipe import DefaultV1Recipe
from rasa.engine.storage.resource import Resource
from rasa.engine.storage.storage import ModelStorage
from rasa.nlu.classifiers.classifier import IntentClassifier
from rasa.shared.nlu.constants import INTENT, INTENT_RANKING_KEY, TEXT
from rasa.shared.nlu.training_data.message import Message
from rasa.shared.nlu.training_data.training_data import TrainingData

from components.model_component import ModelComponent
from components.words_and_meaning import DEFAULTS

logger = logging.getLogger(__name__)


@DefaultV1Recipe.register([DefaultV1Recipe.ComponentType.INTENT_CLASSIFIER], is_trainable=True)
class WordsAndMeaningClassifier(ModelComponent, IntentClassifier):
    @staticmethod
    def get_default_config() -> Dict[Text, Any]:
        return {**DEFAULTS, "ranking_length": 10}

    def train(self, training_data: TrainingData) -> Resource:
        examples = [m for m in training_data.intent_examples if m.get(INTENT) and m.get(TEXT)]
        if len({m.get(INTENT) for m in examples}) < 2:
            logger.warning("WordsAndMeaningClassifier: fewer than two intents with examples; not trained.")
            return self._resource
        self._fit(examples, [m.get(INTENT) for m in examples])
        return self._resource

    def process(self, messages: List[Message]) -> List[Message]:
        if self.model is None or not messages:
            return messages
        for message, ranking in zip(messages, self._rankings(messages)):
            ranked = [{"name": name, "confidence": p} for name, p in ranking]
            message.set(INTENT, ranked[0], add_to_output=True)
            message.set(INTENT_RANKING_KEY, ranked[: self.config["ranking_length"]], add_to_output=True)
        return messages

    @classmethod
    def load(
        cls,
        config: Dict[Text, Any],
        model_storage: ModelStorage,
        resource: Resource,
        execution_context: ExecutionContext,
        **kwargs: Any,
    ) -> "WordsAndMeaningClassifier":
        return cls(config, model_storage, resource, cls._load_model(config, model_storage, resource))
