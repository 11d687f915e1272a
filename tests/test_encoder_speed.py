"""The encoder's cheaper paths give what the plain ones give: the cache of repeated messages
(components/encoding_cache.py) and the weight-first matrix product (sentence_encoder._dense)."""

from __future__ import annotations

import numpy as np
from rasa.nlu.tokenizers.whitespace_tokenizer import WhitespaceTokenizer
from rasa.shared.nlu.constants import TEXT
from rasa.shared.nlu.training_data.message import Message

from components.encoding_cache import EncodingCache
from components.meaning_featurizer import MeaningFeaturizer
from components.sentence_encoder import _dense
from tests.component_helpers import context

TEXTS = ["thanks", "can I talk to a nurse", "thanks", "what is PRRT"]


def test_the_cache_forgets_the_least_recently_used_first() -> None:
    cache: EncodingCache[str] = EncodingCache(capacity=2)
    cache.put("a", 1, "A")
    cache.put("b", 1, "B")
    assert cache.get("a") == "A"  # now "b" is the oldest
    cache.put("c", 1, "C")
    assert (cache.get("b"), cache.get("a"), cache.get("c"), len(cache)) == (None, "A", "C", 2)
    assert (cache.hits, cache.misses) == (3, 1)


def test_long_messages_are_not_kept_and_capacity_zero_keeps_nothing() -> None:
    cache: EncodingCache[str] = EncodingCache(capacity=4, max_pieces=3)
    cache.put("long", 4, "L")
    cache.put("short", 3, "S")
    assert (cache.get("long"), cache.get("short")) == (None, "S")
    off: EncodingCache[str] = EncodingCache(capacity=0)
    off.put("a", 1, "A")
    assert off.get("a") is None and len(off) == 0


def _featurized(cache_size: int, rounds: int = 2) -> tuple[MeaningFeaturizer, list[Message]]:
    featurizer = MeaningFeaturizer.create(
        {**MeaningFeaturizer.get_default_config(), "cache_size": cache_size}, None, None, context("meaning")
    )
    messages = []
    for _ in range(rounds):  # one message at a time, as the server sends them
        for text in TEXTS:
            message = Message({TEXT: text})
            WhitespaceTokenizer(WhitespaceTokenizer.get_default_config()).process([message])
            featurizer.process([message])
            messages.append(message)
    return featurizer, messages


def test_a_repeated_message_comes_from_the_cache_with_the_same_features() -> None:
    cached, with_cache = _featurized(cache_size=16)
    plain, without_cache = _featurized(cache_size=0)
    assert (cached.cache.misses, cached.cache.hits) == (3, 5)
    assert len(plain.cache) == 0
    for one, other in zip(with_cache, without_cache):
        for kind in (0, 1):  # token vectors, then the sentence vector
            assert np.array_equal(
                one.get_dense_features(TEXT)[kind].features, other.get_dense_features(TEXT)[kind].features
            )


def test_a_message_changed_after_featurizing_does_not_change_the_cache() -> None:
    featurizer, messages = _featurized(cache_size=16, rounds=1)
    for features in messages[0].features:  # what a later component could do to its message
        features.features[:] = 0.0
    again = Message({TEXT: "thanks"})
    WhitespaceTokenizer(WhitespaceTokenizer.get_default_config()).process([again])
    featurizer.process([again])
    assert np.abs(again.get_dense_features(TEXT)[1].features).sum() > 0


def test_the_weight_first_product_is_the_plain_product() -> None:
    generator = np.random.default_rng(3)
    for rows in (1, 3, 17, 300):
        inputs = generator.standard_normal((rows, 384), dtype=np.float32)
        weight = generator.standard_normal((1536, 384), dtype=np.float32)
        bias = generator.standard_normal(1536, dtype=np.float32)
        result = _dense(inputs, weight, bias)
        expected = inputs.astype(np.float64) @ weight.T.astype(np.float64) + bias
        assert result.shape == (rows, 1536) and result.dtype == np.float32 and result.flags.c_contiguous
        assert np.abs(result - expected).max() < 1e-3  # float32 rounding of 384-term sums of size ~20
