"""A fast stand-in for `make nlu-report`, for use while editing data/nlu (seconds, not an hour).

    .venv/bin/python -m scripts.nlu_quick_check                       # intents
    .venv/bin/python -m scripts.nlu_quick_check --topics              # knowledge topics
    .venv/bin/python -m scripts.nlu_quick_check --focus emergency,distress --show 30

Stratified k-fold cross-validation of a TF-IDF (word 1-2 grams + char_wb 1-4 grams) linear SVM
with balanced class weights over the same examples Rasa reads. It is not Rasa's pipeline, but
it tracked it within a point (0.882 here when `make nlu-report` said 0.878 on the same data), so it tells
whether an edit helps. Report the real figures from `make nlu-report`.
"""
from __future__ import annotations

import argparse
import logging
import random
import warnings
from collections import Counter
from dataclasses import dataclass
from pathlib import Path

from bot.config import REPO_ROOT

NLU_DIR = REPO_ROOT / "data" / "nlu"


@dataclass
class CheckResult:
    labels: list[str]
    predicted: list[str]
    texts: list[str]
    macro_f1: float
    accuracy: float
    f1_by_label: dict[str, float]


def load_examples(nlu_dir: Path, topics: bool) -> tuple[list[str], list[str]]:
    """(texts, labels): intents, or for --topics the knowledge examples' sub-intents."""
    from rasa.shared.nlu.training_data.loading import load_data

    examples = load_data(str(nlu_dir)).intent_examples
    if topics:
        examples = [m for m in examples if m.get("intent_response_key") and m.get("intent") == "knowledge"]
        return [m.get("text") for m in examples], [m.get("intent_response_key") for m in examples]
    return [m.get("text") for m in examples], [m.get("intent") for m in examples]


def cross_validate(texts: list[str], labels: list[str], folds: int = 5) -> CheckResult:
    from sklearn.feature_extraction.text import TfidfVectorizer
    from sklearn.metrics import accuracy_score, f1_score
    from sklearn.model_selection import StratifiedKFold, cross_val_predict
    from sklearn.pipeline import make_pipeline, make_union
    from sklearn.svm import LinearSVC

    features = make_union(TfidfVectorizer(ngram_range=(1, 2), token_pattern=r"(?u)\b\w+\b"),
                          TfidfVectorizer(analyzer="char_wb", ngram_range=(1, 4)))
    model = make_pipeline(features, LinearSVC(class_weight="balanced"))
    predicted = list(cross_val_predict(model, texts, labels, cv=StratifiedKFold(folds, shuffle=True, random_state=0)))
    names = sorted(set(labels))
    per_label = f1_score(labels, predicted, labels=names, average=None, zero_division=0)
    return CheckResult(labels, predicted, texts, f1_score(labels, predicted, average="macro", zero_division=0),
                       accuracy_score(labels, predicted), dict(zip(names, per_label)))


def report(result: CheckResult, focus: set[str], show: int) -> str:
    def concerns(*names: str) -> bool:
        return not focus or any(name in focus for name in names)

    lines = [f"{len(result.labels)} examples, {len(result.f1_by_label)} labels: "
             f"macro F1 {result.macro_f1:.3f}, accuracy {result.accuracy:.3f}"]
    lines += [f"  {name:34s} F1 {value:.3f}" for name, value in sorted(result.f1_by_label.items(), key=lambda kv: kv[1])
              if concerns(name)]
    errors = [(true, guess, text) for text, true, guess in zip(result.texts, result.labels, result.predicted)
              if true != guess and concerns(true, guess)]
    lines.append("most frequent confusions (true -> predicted):")
    lines += [f"  {true} -> {guess}: {count}" for (true, guess), count in
              Counter((true, guess) for true, guess, _ in errors).most_common(15)]
    random.Random(0).shuffle(errors)
    if show:
        lines.append("some misclassified examples:")
        lines += [f"  [{true} -> {guess}] {text}" for true, guess, text in errors[:show]]
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--topics", action="store_true", help="knowledge topics instead of intents")
    parser.add_argument("--focus", default="", help="comma-separated labels to report on (default: all)")
    parser.add_argument("--show", type=int, default=20, help="misclassified examples to print")
    parser.add_argument("--folds", type=int, default=5)
    parser.add_argument("--nlu", type=Path, default=NLU_DIR, help="the NLU data folder")
    args = parser.parse_args(argv)
    if args.folds < 2:
        parser.error("--folds must be at least 2")
    if not args.nlu.is_dir():
        parser.error(f"no NLU data folder at {args.nlu}")
    warnings.filterwarnings("ignore")
    logging.disable(logging.WARNING)
    texts, labels = load_examples(args.nlu, args.topics)
    result = cross_validate(texts, labels, args.folds)
    print(report(result, set(filter(None, args.focus.split(","))), args.show))


if __name__ == "__main__":
    main()
