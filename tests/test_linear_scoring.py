"""The compiled words-and-meaning scorer (components/linear_scoring.py) gives scikit-learn's
probabilities, for messages with known, unknown, repeated and no words, and steps aside for a
model it does not cover."""

from __future__ import annotations

import numpy as np

from components.linear_scoring import compile_scorer
from components.words_and_meaning import WordsAndMeaningModel

TEXTS = [
    "can i talk to a nurse",
    "is there a phone number for help",
    "who can i call today",
    "what is prrt",
    "how is lanreotide given",
    "what does grade mean",
    "bye",
    "see you later",
    "goodbye for now",
]
LABELS = ["helpline"] * 3 + ["knowledge"] * 3 + ["goodbye"] * 3
NEW = ["", "   ", "zzqx", "nurse nurse nurse please", "What is PRRT, and Lanreotide?", "bye bye", "ça va"]


def _meanings(count: int, seed: int) -> np.ndarray:
    return np.random.default_rng(seed).standard_normal((count, 384)).astype(np.float32)


def _sklearn(model: WordsAndMeaningModel, texts: list[str], meanings: np.ndarray) -> np.ndarray:
    return model.classifier.predict_proba(model._features(texts, meanings, leave_one_out=False))


def test_the_compiled_scorer_gives_scikit_learns_probabilities() -> None:
    model = WordsAndMeaningModel().fit(TEXTS, _meanings(len(TEXTS), 1), LABELS)
    assert model._compiled() is not None
    texts, meanings = NEW + TEXTS, _meanings(len(NEW) + len(TEXTS), 2)
    meanings[0] = 0.0  # an empty message has no meaning vector
    expected = _sklearn(model, texts, meanings)
    together = model.predict_proba(texts, meanings)
    one_by_one = np.vstack([model.predict_proba([text], meanings[row : row + 1]) for row, text in enumerate(texts)])
    assert np.abs(together - expected).max() < 1e-12
    for row, text in enumerate(texts):
        alone = _sklearn(model, [text], meanings[row : row + 1])
        assert np.abs(one_by_one[row] - alone[0]).max() < 1e-12


def test_without_the_nearest_examples_too() -> None:
    model = WordsAndMeaningModel({"neighbour_weight": 0, "meaning_weight": 0.5}).fit(
        TEXTS, _meanings(len(TEXTS), 3), LABELS
    )
    meanings = _meanings(len(NEW), 4)
    assert np.abs(model.predict_proba(NEW, meanings) - _sklearn(model, NEW, meanings)).max() < 1e-12


def test_a_two_label_model_keeps_scikit_learns_path() -> None:
    labels = ["yes"] * 5 + ["no"] * 4
    model = WordsAndMeaningModel().fit(TEXTS, _meanings(len(TEXTS), 5), labels)
    assert model._compiled() is None
    meanings = _meanings(len(NEW), 6)
    assert np.array_equal(model.predict_proba(NEW, meanings), _sklearn(model, NEW, meanings))


def test_compile_scorer_refuses_other_tfidf_settings() -> None:
    model = WordsAndMeaningModel().fit(TEXTS, _meanings(len(TEXTS), 7), LABELS)
    model.words.transformer_list[0][1].set_params(sublinear_tf=False)
    assert compile_scorer(model.words, model.classifier, 1.5, 1.0) is None
