"""The model behind both the intent classifier and the knowledge-topic selector.

A balanced logistic regression over four parts, side by side:
  - TF-IDF of words and word pairs (sublinear counts, each message scaled to length 1),
  - TF-IDF of character 1-4 grams inside words (misspellings, brand names, plurals),
  - the message's meaning vector from MeaningFeaturizer (all-MiniLM-L6-v2), times `meaning_weight`,
  - for each label, how close the message's meaning comes to that label's nearest training
    example (cosine similarity), times `neighbour_weight`.
The n-grams keep what a count-based model knew ("lanreotide", "NCT0..."); the meaning vector
places phrasings never seen; the nearest-example part lets one close paraphrase outweigh a
shared opening ("what is sudoku" is nearest to other off-topic questions, not to "what is
prrt"). No Rasa imports: the stand-in (scripts/nlu_quick_check.py) trains exactly this.
Measured in docs/nlu-report.md.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any, Dict, List, Sequence

import numpy as np
from scipy.sparse import csr_matrix, hstack

from components.linear_scoring import CompiledScorer, compile_scorer

DEFAULTS: Dict[str, Any] = {"C": 20.0, "meaning_weight": 1.5, "neighbour_weight": 1.0, "max_iter": 3000}
# Everything a saved model may contain; anything else in the file is refused when loading.
TRUSTED_MODULES = ("sklearn.", "numpy.", "scipy.", "builtins.")
# Rows of the similarity matrix computed at a time (bounds memory on large data sets).
BLOCK_ROWS = 1024


def ngram_vectorizer() -> Any:
    """TF-IDF of words and word pairs, and of character 1-4 grams inside words."""
    from sklearn.feature_extraction.text import TfidfVectorizer
    from sklearn.pipeline import make_union

    return make_union(
        TfidfVectorizer(ngram_range=(1, 2), token_pattern=r"(?u)\b\w+\b", sublinear_tf=True),
        TfidfVectorizer(analyzer="char_wb", ngram_range=(1, 4), sublinear_tf=True),
    )


def unit_rows(vectors: np.ndarray) -> np.ndarray:
    """Each row scaled to length 1; all-zero rows (empty messages) stay zero."""
    vectors = np.asarray(vectors, dtype=np.float32)
    norms = np.linalg.norm(vectors, axis=1, keepdims=True)
    return vectors / np.maximum(norms, 1e-9)


class WordsAndMeaningModel:
    """Fit on (texts, meaning vectors, labels); predict label probabilities for new messages."""

    def __init__(self, config: Dict[str, Any] | None = None) -> None:
        self.config = {**DEFAULTS, **(config or {})}
        self.words: Any = None
        self.classifier: Any = None
        self.example_meanings: np.ndarray | None = None
        self.example_labels: np.ndarray | None = None
        # Sorted, as the classifier sorts its classes: the nearest-example columns and the
        # probability columns are in this order.
        self.labels: List[str] = []
        self._grouped: tuple[np.ndarray, np.ndarray] = (np.empty(0, dtype=int), np.empty(0, dtype=int))
        # The fitted arithmetic without scikit-learn's per-call checks (components/linear_scoring.py);
        # False: not yet built, None: this model is not one it covers.
        self._scorer: CompiledScorer | None | bool = False

    def fit(self, texts: Sequence[str], meanings: np.ndarray, labels: Sequence[str]) -> "WordsAndMeaningModel":
        from sklearn.linear_model import LogisticRegression

        self.words = ngram_vectorizer().fit(list(texts))
        self.example_meanings = unit_rows(meanings)
        self.example_labels = np.asarray([str(label) for label in labels])
        self._index_labels()
        self.classifier = LogisticRegression(
            C=self.config["C"], max_iter=self.config["max_iter"], class_weight="balanced", random_state=42
        )
        self.classifier.fit(self._features(texts, meanings, leave_one_out=True), self.example_labels)
        self._scorer = False
        return self

    def predict_proba(self, texts: Sequence[str], meanings: np.ndarray) -> np.ndarray:
        """One row per message, columns in the order of `labels`."""
        scorer = self._compiled()
        if scorer is None:
            return self.classifier.predict_proba(self._features(texts, meanings, leave_one_out=False))
        nearest = self.nearest_by_label(meanings, False) if self.config["neighbour_weight"] else None
        return scorer.probabilities(texts, meanings, nearest)

    def _compiled(self) -> CompiledScorer | None:
        if self._scorer is False:
            self._scorer = compile_scorer(
                self.words, self.classifier, self.config["meaning_weight"], self.config["neighbour_weight"]
            )
        assert not isinstance(self._scorer, bool)
        return self._scorer

    def nearest_by_label(self, meanings: np.ndarray, leave_one_out: bool) -> np.ndarray:
        """(messages x labels): the highest cosine similarity to a training example of each label.

        leave_one_out is for the training examples themselves: each one's own row is ignored,
        so training sees the similarities a new message would get, not a perfect 1.0.
        """
        queries = unit_rows(meanings)
        order, starts = self._grouped
        assert self.example_meanings is not None, "fit or load the model first"
        result = np.zeros((len(queries), len(self.labels)), dtype=np.float32)
        for start in range(0, len(queries), BLOCK_ROWS):
            similarity = queries[start : start + BLOCK_ROWS] @ self.example_meanings.T
            if leave_one_out:
                rows = np.arange(len(similarity))
                similarity[rows, rows + start] = -1.0
            result[start : start + len(similarity)] = np.maximum.reduceat(similarity[:, order], starts, axis=1)
        return result

    def _features(self, texts: Sequence[str], meanings: np.ndarray, leave_one_out: bool) -> csr_matrix:
        meanings = np.asarray(meanings, dtype=np.float32)
        parts = [self.words.transform(list(texts)), csr_matrix(meanings * self.config["meaning_weight"])]
        if self.config["neighbour_weight"]:
            nearest = self.nearest_by_label(meanings, leave_one_out)
            parts.append(csr_matrix(nearest * self.config["neighbour_weight"]))
        return hstack(parts).tocsr()

    def save(self, path: Path) -> None:
        import skops.io as sio

        sio.dump(
            {
                "words": self.words,
                "classifier": self.classifier,
                "example_meanings": self.example_meanings,
                "example_labels": self.example_labels,
            },
            path,
        )

    @classmethod
    def load(cls, config: Dict[str, Any], path: Path) -> "WordsAndMeaningModel":
        """Loads a saved model; refuses a file holding any type outside TRUSTED_MODULES.

        Raises ValueError, KeyError, OSError or BadZipFile for a missing, damaged or unsafe file.
        """
        import skops.io as sio

        found = sio.get_untrusted_types(file=path)
        unexpected = [name for name in found if not name.startswith(TRUSTED_MODULES)]
        if unexpected:
            raise ValueError(f"unexpected types in the saved model: {unexpected}")
        saved = sio.load(path, trusted=found)
        model = cls(config)
        model.words, model.classifier = saved["words"], saved["classifier"]
        model.example_meanings, model.example_labels = saved["example_meanings"], saved["example_labels"]
        model._index_labels()
        model._compiled()  # built now, not on the first message
        return model

    def _index_labels(self) -> None:
        """The sorted labels, and the examples grouped by label (their order and where each
        label's group starts), so one reduceat takes every label's nearest example at once."""
        labels = self.example_labels
        assert labels is not None, "fit or load the model first"
        self.labels = sorted(set(labels.tolist()))
        order = np.argsort(labels, kind="stable")
        self._grouped = (order, np.searchsorted(labels[order], self.labels))
