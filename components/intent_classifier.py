"""WordsAndMeaningClassifier: intents from word/character n-grams, the sentence's meaning,
and the nearest training examples (components/words_and_meaning.py has the model).

The n-grams keep what the old count-based classifier knew ("lanreotide", "NCT0..."); the
meaning vector and the nearest examples let it place phrasings it has never seen ("is there
a person there" asks for a human, "what is glaucoma" is not one of our topics). Measured in
docs/nlu-report.md.
"""
from __future__ import annotations

import logging
from typing import Any, Dict, List, Optional, Text

from rasa.engine.graph import ExecutionContext, GraphComponent
from rasa.engine.recipes.default_recipe import DefaultV1Recipe
from rasa.engine.storage.resource import Resource
from rasa.engine.storage.storage import ModelStorage
from rasa.nlu.classifiers.classifier import IntentClassifier
from rasa.shared.nlu.constants import INTENT, INTENT_RANKING_KEY, TEXT
from rasa.shared.nlu.training_data.message import Message
from rasa.shared.nlu.training_data.training_data import TrainingData

from components.meaning_featurizer import MeaningFeaturizer, meaning_vectors
from components.model_files import load_saved_model, save_model
from components.words_and_meaning import DEFAULTS, WordsAndMeaningModel

logger = logging.getLogger(__name__)
MODEL_FILE = "words_and_meaning.skops"


@DefaultV1Recipe.register([DefaultV1Recipe.ComponentType.INTENT_CLASSIFIER], is_trainable=True)
class WordsAndMeaningClassifier(GraphComponent, IntentClassifier):
    @classmethod
    def required_components(cls) -> List[type]:
        return [MeaningFeaturizer]

    @staticmethod
    def required_packages() -> List[Text]:
        return ["sklearn", "skops"]

    @staticmethod
    def get_default_config() -> Dict[Text, Any]:
        return {**DEFAULTS, "ranking_length": 10}

    def __init__(self, config: Dict[Text, Any], model_storage: ModelStorage, resource: Resource,
                 model: Optional[WordsAndMeaningModel] = None) -> None:
        self.config = {**self.get_default_config(), **config}
        self._model_storage, self._resource = model_storage, resource
        self.model = model

    @classmethod
    def create(cls, config: Dict[Text, Any], model_storage: ModelStorage, resource: Resource,
               execution_context: ExecutionContext) -> "WordsAndMeaningClassifier":
        return cls(config, model_storage, resource)

    def train(self, training_data: TrainingData) -> Resource:
        examples = [m for m in training_data.intent_examples if m.get(INTENT) and m.get(TEXT)]
        if len({m.get(INTENT) for m in examples}) < 2:
            logger.warning("WordsAndMeaningClassifier: fewer than two intents with examples; not trained.")
            return self._resource
        self.model = WordsAndMeaningModel(self.config).fit(
            [m.get(TEXT) for m in examples], meaning_vectors(examples), [m.get(INTENT) for m in examples])
        save_model(self.model, self._model_storage, self._resource, MODEL_FILE)
        return self._resource

    def process(self, messages: List[Message]) -> List[Message]:
        if self.model is None or not messages:
            return messages
        probabilities = self.model.predict_proba([m.get(TEXT) or "" for m in messages], meaning_vectors(messages))
        for message, row in zip(messages, probabilities):
            ranking = sorted(({"name": name, "confidence": float(p)} for name, p in zip(self.model.labels, row)),
                             key=lambda r: -r["confidence"])
            message.set(INTENT, ranking[0], add_to_output=True)
            message.set(INTENT_RANKING_KEY, ranking[: self.config["ranking_length"]], add_to_output=True)
        return messages

    def process_training_data(self, training_data: TrainingData) -> TrainingData:
        return training_data

    @classmethod
    def load(cls, config: Dict[Text, Any], model_storage: ModelStorage, resource: Resource,
             execution_context: ExecutionContext, **kwargs: Any) -> "WordsAndMeaningClassifier":
        config = {**cls.get_default_config(), **config}
        return cls(config, model_storage, resource, load_saved_model(config, model_storage, resource, MODEL_FILE))
