"""A fitted words-and-meaning model's probabilities for one message, without scikit-learn's
per-call machinery.

For a single chat message, scikit-learn's TF-IDF transform, the sparse matrices stacked side
by side and LogisticRegression's checks cost about 4-5 ms, most of it building and checking
small matrices; the arithmetic itself is a few hundred multiplications. `CompiledScorer` does
the same arithmetic directly: each n-gram the message has is looked up in the fitted
vocabulary, weighted as TfidfVectorizer weights it (1 + log count, times its idf, each
vectoriser's part scaled to length 1), and multiplied by its row of the fitted coefficients
(kept transposed); the meaning vector and the nearest-example similarities by theirs; then the
softmax LogisticRegression's multinomial model uses. The probabilities are the same to float64
rounding (about 1e-15; tests/test_linear_scoring.py).

`compile_scorer` returns None for a model this does not cover (two classes, other TF-IDF
settings), and the caller keeps scikit-learn's path.
"""

from __future__ import annotations

import math
from collections import Counter
from typing import Any, Dict, List, Optional, Sequence, Tuple

import numpy as np

# The TF-IDF settings this scorer reproduces; any other fitted vectoriser keeps scikit-learn's path.
SUPPORTED_TFIDF = {"sublinear_tf": True, "use_idf": True, "norm": "l2", "binary": False}


class TfidfPart:
    """One fitted TfidfVectorizer: n-gram -> (column, idf), and its analyser."""

    def __init__(self, vectorizer: Any, offset: int) -> None:
        self.analyse = vectorizer.build_analyzer()
        idf = np.asarray(vectorizer.idf_, dtype=np.float64)
        self.columns: Dict[str, Tuple[int, float]] = {
            gram: (offset + int(column), float(idf[column])) for gram, column in vectorizer.vocabulary_.items()
        }
        self.width = len(idf)

    def weights(self, text: str) -> Tuple[List[int], List[float]]:
        """The message's columns and TF-IDF values (1 + log count, times idf, scaled to length 1)."""
        counts = Counter(self.analyse(text))
        columns: List[int] = []
        values: List[float] = []
        for gram, count in counts.items():
            found = self.columns.get(gram)
            if found is not None:
                columns.append(found[0])
                values.append((math.log(count) + 1.0) * found[1])
        norm = math.sqrt(sum(value * value for value in values))
        if norm > 0.0:
            values = [value / norm for value in values]
        return columns, values


class CompiledScorer:
    """coef . [word TF-IDF, character TF-IDF, meaning x weight, nearest x weight] + intercept, softmax."""

    def __init__(self, parts: List[TfidfPart], classifier: Any, meaning_weight: float, neighbour_weight: float) -> None:
        self.parts = parts
        # One row of weights per feature (features x labels): a message's few n-grams then read
        # a few contiguous rows, not a scattered column from every label's row.
        self.weights = np.ascontiguousarray(np.asarray(classifier.coef_, dtype=np.float64).T)
        self.intercept = np.asarray(classifier.intercept_, dtype=np.float64)
        self.meaning_weight, self.neighbour_weight = meaning_weight, neighbour_weight
        self._ngram_width = sum(part.width for part in parts)

    def probabilities(self, texts: Sequence[str], meanings: np.ndarray, nearest: Optional[np.ndarray]) -> np.ndarray:
        """One row per message: the same figures as LogisticRegression.predict_proba on
        WordsAndMeaningModel's features."""
        # The dense parts as the model's features have them: float32 products, then float64.
        dense = [np.asarray(meanings, dtype=np.float32) * self.meaning_weight]
        if nearest is not None:
            dense.append(np.asarray(nearest, dtype=np.float32) * self.neighbour_weight)
        dense_values = np.hstack(dense).astype(np.float64)
        start, width = self._ngram_width, dense_values.shape[1]
        if start + width != len(self.weights):
            raise ValueError(f"the model has {len(self.weights)} features, the message {start + width}")
        decision = dense_values @ self.weights[start:]
        decision += self.intercept
        for row, text in enumerate(texts):
            columns: List[int] = []
            values: List[float] = []
            for part in self.parts:
                part_columns, part_values = part.weights(text)
                columns += part_columns
                values += part_values
            if columns:
                decision[row] += np.asarray(values) @ self.weights[columns]
        return _softmax(decision)


def _softmax(decision: np.ndarray) -> np.ndarray:
    """As sklearn.utils.extmath.softmax: less each row's maximum, exp, divided by the row's sum."""
    shifted = decision - decision.max(axis=1, keepdims=True)
    np.exp(shifted, out=shifted)
    shifted /= shifted.sum(axis=1, keepdims=True)
    return shifted


def compile_scorer(
    words: Any, classifier: Any, meaning_weight: float, neighbour_weight: float
) -> Optional[CompiledScorer]:
    """The scorer for a fitted union of TfidfVectorizers and a multinomial LogisticRegression,
    or None when they are not what this reproduces (scikit-learn's path is kept then)."""
    multinomial = classifier.multi_class == "multinomial" or (
        classifier.multi_class == "auto" and len(classifier.classes_) > 2 and classifier.solver != "liblinear"
    )
    vectorizers = [step for _, step in getattr(words, "transformer_list", [])]
    if (
        not multinomial
        or not vectorizers
        or getattr(words, "transformer_weights", None)
        or any(
            type(v).__name__ != "TfidfVectorizer"
            or any(v.get_params().get(key) != value for key, value in SUPPORTED_TFIDF.items())
            for v in vectorizers
        )
    ):
        return None
    parts, offset = [], 0
    for vectorizer in vectorizers:
        parts.append(TfidfPart(vectorizer, offset))
        offset += parts[-1].width
    return CompiledScorer(parts, classifier, meaning_weight, neighbour_weight)
