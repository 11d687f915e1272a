"""MeaningFeaturizer: dense features from the all-MiniLM-L6-v2 sentence encoder.

Gives each message what its words mean, not only which words it has: one vector per token
(the mean of its word pieces) and one for the whole message (the model's own sentence
embedding). The intent classifier and the TopicSelector read the message's vector
(`meaning_vectors`). See components/sentence_encoder.py for where the weights come from.
Messages seen before (short ones: "yes", "thanks") reuse their encoding
(components/encoding_cache.py; `cache_size` 0 turns that off).
"""

from __future__ import annotations

from typing import Any, Dict, List, Optional, Sequence, Text, Tuple

import numpy as np
from rasa.engine.graph import ExecutionContext, GraphComponent
from rasa.engine.recipes.default_recipe import DefaultV1Recipe
from rasa.engine.storage.resource import Resource
from rasa.engine.storage.storage import ModelStorage
from rasa.nlu.constants import TOKENS_NAMES
from rasa.nlu.featurizers.dense_featurizer.dense_featurizer import DenseFeaturizer
from rasa.nlu.tokenizers.tokenizer import Tokenizer
from rasa.shared.nlu.constants import ACTION_TEXT, TEXT
from rasa.shared.nlu.training_data.message import Message
from rasa.shared.nlu.training_data.training_data import TrainingData

from components.encoding_cache import EncodingCache
from components.sentence_encoder import DIMENSIONS, MAX_TOKENS, SentenceEncoder, shared_encoder

# Not RESPONSE: the TopicSelector learns topic keys, so the answers' own text needs no
# features, and encoding every long answer again for each of its examples took minutes.
ATTRIBUTES = (TEXT, ACTION_TEXT)
# What one message's encoding is kept as: (a vector per token, the sentence vector).
Encoding = Tuple[np.ndarray, np.ndarray]


@DefaultV1Recipe.register([DefaultV1Recipe.ComponentType.MESSAGE_FEATURIZER], is_trainable=False)
class MeaningFeaturizer(DenseFeaturizer, GraphComponent):
    @classmethod
    def required_components(cls) -> List[type]:
        return [Tokenizer]

    @staticmethod
    def get_default_config() -> Dict[Text, Any]:
        return {**DenseFeaturizer.get_default_config(), "cache_size": 1024}

    @classmethod
    def validate_config(cls, config: Dict[Text, Any]) -> None:
        pass

    def __init__(self, config: Dict[Text, Any], name: Text, encoder: SentenceEncoder) -> None:
        super().__init__(name, config)
        self.encoder = encoder
        self.cache: EncodingCache[Encoding] = EncodingCache(int(config.get("cache_size", 1024)))

    @classmethod
    def create(
        cls,
        config: Dict[Text, Any],
        model_storage: ModelStorage,
        resource: Resource,
        execution_context: ExecutionContext,
    ) -> "MeaningFeaturizer":
        return cls(config, execution_context.node_name, shared_encoder())

    def process_training_data(self, training_data: TrainingData) -> TrainingData:
        for attribute in ATTRIBUTES:
            self._featurize(_with_tokens(training_data.training_examples, attribute), attribute)
        return training_data

    def process(self, messages: List[Message]) -> List[Message]:
        for attribute in ATTRIBUTES:
            self._featurize(_with_tokens(messages, attribute), attribute, self.cache)
        return messages

    def _featurize(
        self, messages: List[Message], attribute: Text, cache: Optional[EncodingCache[Encoding]] = None
    ) -> None:
        """Training passes no cache: its examples would only push out what users send."""
        if not messages:
            return
        pieces_per_message = [self._pieces_per_token(message, attribute) for message in messages]
        # The same words are encoded once (training data repeats some messages).
        distinct = list(dict.fromkeys(pieces_per_message))
        features: Dict[Tuple[Tuple[int, ...], ...], Encoding] = {}
        if cache is not None:
            features = {per_token: found for per_token in distinct if (found := cache.get(per_token)) is not None}
        missing = [per_token for per_token in distinct if per_token not in features]
        outputs = (
            self.encoder.run(
                [self.encoder.tokenizer.wrap([p for pieces in per_token for p in pieces]) for per_token in missing]
            )
            if missing
            else []
        )
        for per_token, (hidden, sentence) in zip(missing, outputs):
            features[per_token] = (_token_vectors(per_token, hidden), sentence[None, :])
            if cache is not None:
                cache.put(per_token, sum(map(len, per_token)), features[per_token])
        for message, per_token in zip(messages, pieces_per_message):
            sequence, sentence = features[per_token]
            self.add_features_to_message(sequence.copy(), sentence.copy(), attribute, message)

    def _pieces_per_token(self, message: Message, attribute: Text) -> Tuple[Tuple[int, ...], ...]:
        """Word-piece ids per token, as tuples so equal messages share one encoding."""
        tokenizer = self.encoder.tokenizer
        tokens = message.get(TOKENS_NAMES[attribute]) or []
        return tuple(
            tuple(p for word in tokenizer.words(token.text) for p in tokenizer.pieces(word)) for token in tokens
        )


def _with_tokens(messages: List[Message], attribute: Text) -> List[Message]:
    """Messages with something to encode (not empty or only spaces)."""
    return [m for m in messages if m.get(attribute) and m.get(TOKENS_NAMES[attribute])]


def _token_vectors(pieces_per_token: Sequence[Sequence[int]], hidden: np.ndarray) -> np.ndarray:
    """Each token's vector is the mean of its pieces' vectors (hidden[0] is [CLS]).

    Tokens with no pieces, or past the model's length limit, get zeros.
    """
    vectors = np.zeros((len(pieces_per_token), DIMENSIONS), dtype=np.float32)
    position = 1
    last = min(len(hidden), MAX_TOKENS) - 1  # the final row is [SEP]
    for index, pieces in enumerate(pieces_per_token):
        end = min(position + len(pieces), last)
        if end > position:
            vectors[index] = hidden[position:end].mean(0)
        position += len(pieces)
    return vectors


def meaning_vectors(messages: Sequence[Message]) -> np.ndarray:
    """(messages x DIMENSIONS): each message's sentence vector; zeros for one with no text."""
    vectors = np.zeros((len(messages), DIMENSIONS), dtype=np.float32)
    for row, message in enumerate(messages):
        _, sentence = message.get_dense_features(TEXT)
        if sentence is not None:
            vectors[row] = np.asarray(sentence.features, dtype=np.float32).reshape(-1)
    return vectors
