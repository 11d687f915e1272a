"""WordsAndMeaningClassifier: intents from word/character n-grams plus the sentence's meaning.

A logistic regression over three parts, side by side:
  - TF-IDF of words and word pairs (sublinear counts, each message scaled to length 1),
  - TF-IDF of character 1-4 grams inside words (misspellings, brand names, plurals),
  - the message's meaning vector from MeaningFeaturizer (all-MiniLM-L6-v2), times `meaning_weight`.
The n-grams keep what the old count-based classifier knew ("lanreotide", "NCT0..."); the
meaning vector lets it place phrasings it has never seen ("is there a person there" asks for
a human, "what is glaucoma" is not one of our topics). Measured in docs/nlu-report.md.
"""
from __future__ import annotations

import logging
from typing import Any, Dict, List, Optional, Text
from zipfile import BadZipFile

import numpy as np
from rasa.engine.graph import ExecutionContext, GraphComponent
from rasa.engine.recipes.default_recipe import DefaultV1Recipe
from rasa.engine.storage.resource import Resource
from rasa.engine.storage.storage import ModelStorage
from rasa.nlu.classifiers.classifier import IntentClassifier
from rasa.shared.nlu.constants import INTENT, INTENT_RANKING_KEY, TEXT
from rasa.shared.nlu.training_data.message import Message
from rasa.shared.nlu.training_data.training_data import TrainingData
from scipy.sparse import csr_matrix, hstack

from components.meaning_featurizer import MeaningFeaturizer
from components.sentence_encoder import DIMENSIONS

logger = logging.getLogger(__name__)
MODEL_FILE = "words_and_meaning.skops"
# Everything a saved model may contain; anything else in the file is refused when loading.
TRUSTED_MODULES = ("sklearn.", "numpy.", "scipy.", "builtins.")


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
        return {"C": 20.0, "meaning_weight": 1.5, "max_iter": 3000, "ranking_length": 10}

    def __init__(self, config: Dict[Text, Any], model_storage: ModelStorage, resource: Resource,
                 words: Optional[Any] = None, classifier: Optional[Any] = None) -> None:
        self.config = {**self.get_default_config(), **config}
        self._model_storage, self._resource = model_storage, resource
        self.words, self.classifier = words, classifier

    @classmethod
    def create(cls, config: Dict[Text, Any], model_storage: ModelStorage, resource: Resource,
               execution_context: ExecutionContext) -> "WordsAndMeaningClassifier":
        return cls(config, model_storage, resource)

    def _features(self, messages: List[Message]) -> csr_matrix:
        texts = [m.get(TEXT) or "" for m in messages]
        meaning = np.vstack([_meaning_vector(m) for m in messages]) * self.config["meaning_weight"]
        return hstack([self.words.transform(texts), csr_matrix(meaning)]).tocsr()

    def train(self, training_data: TrainingData) -> Resource:
        examples = [m for m in training_data.intent_examples if m.get(INTENT) and m.get(TEXT)]
        if len(examples) == 0 or len({m.get(INTENT) for m in examples}) < 2:
            logger.warning("WordsAndMeaningClassifier: fewer than two intents with examples; not trained.")
            return self._resource
        self.words = ngram_vectorizer().fit([m.get(TEXT) for m in examples])
        self.classifier = new_classifier(self.config)
        self.classifier.fit(self._features(examples), [m.get(INTENT) for m in examples])
        self.persist()
        return self._resource

    def process(self, messages: List[Message]) -> List[Message]:
        if self.classifier is None or not messages:
            return messages
        probabilities = self.classifier.predict_proba(self._features(messages))
        for message, row in zip(messages, probabilities):
            ranking = sorted(({"name": str(name), "confidence": float(p)}
                              for name, p in zip(self.classifier.classes_, row)), key=lambda r: -r["confidence"])
            message.set(INTENT, ranking[0], add_to_output=True)
            message.set(INTENT_RANKING_KEY, ranking[: self.config["ranking_length"]], add_to_output=True)
        return messages

    def process_training_data(self, training_data: TrainingData) -> TrainingData:
        return training_data

    def persist(self) -> None:
        import skops.io as sio

        with self._model_storage.write_to(self._resource) as directory:
            sio.dump({"words": self.words, "classifier": self.classifier}, directory / MODEL_FILE)

    @classmethod
    def load(cls, config: Dict[Text, Any], model_storage: ModelStorage, resource: Resource,
             execution_context: ExecutionContext, **kwargs: Any) -> "WordsAndMeaningClassifier":
        import skops.io as sio

        try:
            with model_storage.read_from(resource) as directory:
                path = directory / MODEL_FILE
                found = sio.get_untrusted_types(file=path)
                unexpected = [t for t in found if not t.startswith(TRUSTED_MODULES)]
                if unexpected:
                    raise ValueError(f"unexpected types in the saved intent classifier: {unexpected}")
                saved = sio.load(path, trusted=found)
        except (ValueError, KeyError, OSError, BadZipFile) as error:
            # As Rasa's own classifiers do: the model still loads, and every message then
            # goes to the fallback, rather than the server failing to start.
            logger.error(f"WordsAndMeaningClassifier could not be loaded ({error!r}); it will not classify.")
            return cls(config, model_storage, resource)
        return cls(config, model_storage, resource, saved["words"], saved["classifier"])


def ngram_vectorizer() -> Any:
    """TF-IDF of words and word pairs, and of character 1-4 grams inside words."""
    from sklearn.feature_extraction.text import TfidfVectorizer
    from sklearn.pipeline import make_union

    return make_union(
        TfidfVectorizer(ngram_range=(1, 2), token_pattern=r"(?u)\b\w+\b", sublinear_tf=True),
        TfidfVectorizer(analyzer="char_wb", ngram_range=(1, 4), sublinear_tf=True),
    )


def new_classifier(config: Dict[Text, Any]) -> Any:
    from sklearn.linear_model import LogisticRegression

    config = {**WordsAndMeaningClassifier.get_default_config(), **config}
    return LogisticRegression(C=config["C"], max_iter=config["max_iter"], class_weight="balanced", random_state=42)


def _meaning_vector(message: Message) -> np.ndarray:
    """The message's meaning vector; zeros for a message with no text (nothing to encode)."""
    _, sentence = message.get_dense_features(TEXT)
    if sentence is None:
        return np.zeros(DIMENSIONS, dtype=np.float32)
    return np.asarray(sentence.features, dtype=np.float32).reshape(-1)
