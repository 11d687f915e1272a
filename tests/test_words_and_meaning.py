"""MeaningFeaturizer and WordsAndMeaningClassifier as Rasa runs them: real tokenizer, real model
storage, training, saving, loading, and a saved file that was tampered with."""

from __future__ import annotations

from pathlib import Path

import numpy as np
import pytest
from rasa.engine.storage.local_model_storage import LocalModelStorage
from rasa.engine.storage.resource import Resource
from rasa.shared.nlu.constants import INTENT, INTENT_RANKING_KEY, TEXT
from rasa.shared.nlu.training_data.message import Message
from rasa.shared.nlu.training_data.training_data import TrainingData

from components.intent_classifier import WordsAndMeaningClassifier
from components.model_component import MODEL_FILE
from components.sentence_encoder import DIMENSIONS
from tests.component_helpers import context, prepare

EXAMPLES = {
    "ask_helpline": [
        "can i talk to a nurse",
        "i want to speak to someone",
        "is there a phone number for help",
        "who can i call",
        "put me through to a person",
        "i need to talk to a human",
    ],
    "knowledge": [
        "what is prrt",
        "how is lanreotide given",
        "what does grade mean",
        "what is a biopsy",
        "explain the octreotide scan",
        "what are somatostatin analogues",
    ],
    "goodbye": ["bye", "see you later", "goodbye for now", "that is all thanks bye", "cheerio", "ok bye then"],
}


@pytest.fixture()
def storage(tmp_path: Path) -> LocalModelStorage:
    return LocalModelStorage(tmp_path)


def trained(storage: LocalModelStorage) -> tuple[WordsAndMeaningClassifier, Resource]:
    messages = [Message({TEXT: text, INTENT: intent}) for intent, texts in EXAMPLES.items() for text in texts]
    prepare(messages)
    resource = Resource("words_and_meaning")
    classifier = WordsAndMeaningClassifier.create(
        WordsAndMeaningClassifier.get_default_config(), storage, resource, context("clf")
    )
    classifier.train(TrainingData(messages))
    return classifier, resource


def classify(classifier: WordsAndMeaningClassifier, text: str) -> Message:
    message = Message({TEXT: text})
    prepare([message])
    classifier.process([message])
    return message


def test_the_featurizer_gives_one_vector_per_token_and_one_for_the_sentence() -> None:
    message = Message({TEXT: "what is the radioactive drip"})
    prepare([message])
    sequence, sentence = message.get_dense_features(TEXT)
    assert sequence.features.shape == (5, DIMENSIONS)
    assert sentence.features.shape == (1, DIMENSIONS)
    assert np.abs(sequence.features).sum(axis=1).min() > 0  # every token got a vector
    assert np.isclose(np.linalg.norm(sentence.features), 1.0, atol=1e-5)


def test_the_same_words_get_the_same_features_in_a_batch() -> None:
    messages = [Message({TEXT: "what is prrt"}), Message({TEXT: "hello"}), Message({TEXT: "what is prrt"})]
    prepare(messages)
    first, _, again = (m.get_dense_features(TEXT)[1].features for m in messages)
    assert np.array_equal(first, again)


def test_unseen_phrasings_reach_their_intent(storage: LocalModelStorage) -> None:
    classifier, _ = trained(storage)
    for text, intent in [
        ("could a real human help me please", "ask_helpline"),
        ("tell me what everolimus is", "knowledge"),
        ("right, I'm off now, take care", "goodbye"),
    ]:
        message = classify(classifier, text)
        assert message.get(INTENT)["name"] == intent, (text, message.get(INTENT_RANKING_KEY))
        ranking = message.get(INTENT_RANKING_KEY)
        assert {r["name"] for r in ranking} == set(EXAMPLES)
        assert abs(sum(r["confidence"] for r in ranking) - 1.0) < 1e-6


def test_an_empty_message_is_classified_not_crashed(storage: LocalModelStorage) -> None:
    classifier, _ = trained(storage)
    for text in ["", "   "]:
        message = classify(classifier, text)
        assert message.get(INTENT)["name"] in EXAMPLES


def test_a_saved_classifier_loads_and_answers_the_same(storage: LocalModelStorage) -> None:
    classifier, resource = trained(storage)
    loaded = WordsAndMeaningClassifier.load(
        WordsAndMeaningClassifier.get_default_config(), storage, resource, context("clf")
    )
    text = "who do I phone for some support"
    assert classify(loaded, text).get(INTENT_RANKING_KEY) == classify(classifier, text).get(INTENT_RANKING_KEY)


def test_a_damaged_saved_file_leaves_the_message_unclassified(storage: LocalModelStorage, tmp_path: Path) -> None:
    _, resource = trained(storage)
    saved = next(tmp_path.rglob(MODEL_FILE))
    saved.write_bytes(b"not a model")
    loaded = WordsAndMeaningClassifier.load(
        WordsAndMeaningClassifier.get_default_config(), storage, resource, context("clf")
    )
    assert classify(loaded, "bye").get(INTENT) is None


def test_training_with_a_single_intent_is_skipped_not_crashed(storage: LocalModelStorage) -> None:
    messages = [Message({TEXT: "hello", INTENT: "greet"}), Message({TEXT: "hi", INTENT: "greet"})]
    prepare(messages)
    classifier = WordsAndMeaningClassifier.create({}, storage, Resource("one"), context("clf"))
    classifier.train(TrainingData(messages))
    assert classify(classifier, "hey").get(INTENT) is None


def test_nearest_examples_leave_each_training_example_out() -> None:
    from components.words_and_meaning import WordsAndMeaningModel

    texts = [text for texts in EXAMPLES.values() for text in texts]
    labels = [intent for intent, texts in EXAMPLES.items() for _ in texts]
    messages = [Message({TEXT: text}) for text in texts]
    prepare(messages)
    meanings = np.vstack([m.get_dense_features(TEXT)[1].features for m in messages])
    model = WordsAndMeaningModel().fit(texts, meanings, labels)
    own = [model.labels.index(label) for label in labels]
    as_new = model.nearest_by_label(meanings, leave_one_out=False)[np.arange(len(texts)), own]
    left_out = model.nearest_by_label(meanings, leave_one_out=True)[np.arange(len(texts)), own]
    assert np.allclose(as_new, 1.0, atol=1e-5)  # a message is its own nearest example
    assert (left_out < 0.99).all()  # ... unless it is left out, as training does
    assert np.allclose(model.nearest_by_label(np.zeros((1, DIMENSIONS)), leave_one_out=False), 0.0)
    # The same as comparing with every example of each label one by one.
    query = meanings[:3] + 0.1
    unit = meanings / np.linalg.norm(meanings, axis=1, keepdims=True)
    one_by_one = [
        [
            max(float(q @ unit[i]) / np.linalg.norm(q) for i, each in enumerate(labels) if each == label)
            for label in model.labels
        ]
        for q in query
    ]
    assert np.allclose(model.nearest_by_label(query, leave_one_out=False), one_by_one, atol=1e-5)
