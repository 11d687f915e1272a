"""What the two Rasa components built on a WordsAndMeaningModel share: their place in Rasa's
graph, predicting for a batch of messages, and saving and loading the model in Rasa's storage.
(WordsAndMeaningClassifier picks intents, TopicSelector knowledge topics.)"""

from __future__ import annotations

import logging
from typing import Any, Dict, List, Optional, Text, Tuple
from zipfile import BadZipFile

import numpy as np
from rasa.engine.graph import ExecutionContext, GraphComponent
from rasa.engine.storage.resource import Resource
from rasa.engine.storage.storage import ModelStorage
from rasa.shared.nlu.constants import TEXT
from rasa.shared.nlu.training_data.message import Message
from rasa.shared.nlu.training_data.training_data import TrainingData

from components.meaning_featurizer import MeaningFeaturizer, meaning_vectors
from components.words_and_meaning import WordsAndMeaningModel

logger = logging.getLogger(__name__)
# The saved model's file name inside each component's own resource folder.
MODEL_FILE = "words_and_meaning.skops"


class ModelComponent(GraphComponent):
    def __init__(
        self,
        config: Dict[Text, Any],
        model_storage: ModelStorage,
        resource: Resource,
        model: Optional[WordsAndMeaningModel] = None,
    ) -> None:
        self.config = {**self.get_default_config(), **config}
        self._model_storage, self._resource = model_storage, resource
        self.model = model

    @classmethod
    def required_components(cls) -> List[type]:
        return [MeaningFeaturizer]

    @staticmethod
    def required_packages() -> List[Text]:
        return ["sklearn", "skops"]

    @classmethod
    def create(
        cls,
        config: Dict[Text, Any],
        model_storage: ModelStorage,
        resource: Resource,
        execution_context: ExecutionContext,
    ) -> "ModelComponent":
        return cls(config, model_storage, resource)

    def process_training_data(self, training_data: TrainingData) -> TrainingData:
        return training_data

    def _fit(self, examples: List[Message], labels: List[Text]) -> None:
        self.model = WordsAndMeaningModel(self.config).fit(
            [m.get(TEXT) for m in examples], meaning_vectors(examples), labels
        )
        with self._model_storage.write_to(self._resource) as directory:
            self.model.save(directory / MODEL_FILE)

    def _rankings(self, messages: List[Message]) -> List[List[Tuple[Text, float]]]:
        """For each message, (label, probability) from the most to the least likely."""
        model = self.model
        assert model is not None, "train or load the component first"
        probabilities = model.predict_proba([m.get(TEXT) or "" for m in messages], meaning_vectors(messages))
        return [[(model.labels[i], float(row[i])) for i in np.argsort(-row, kind="stable")] for row in probabilities]

    @classmethod
    def _load_model(
        cls, config: Dict[Text, Any], model_storage: ModelStorage, resource: Resource
    ) -> Optional[WordsAndMeaningModel]:
        """The saved model, or None (logged) when it is missing, damaged or holds unexpected types.

        As Rasa's own classifiers do, a component without its model still loads and leaves
        messages to the fallback, rather than the server failing to start.
        """
        try:
            with model_storage.read_from(resource) as directory:
                return WordsAndMeaningModel.load(config, directory / MODEL_FILE)
        except (ValueError, KeyError, OSError, BadZipFile) as error:
            logger.error(f"{cls.__name__}: the saved model could not be loaded ({error!r}); it will not be used.")
            return None
