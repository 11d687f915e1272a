"""A fast stand-in for `make nlu-report`, for use while editing data/nlu (a minute, not an hour).

    .venv/bin/python -m scripts.nlu_quick_check                       # intents
    .venv/bin/python -m scripts.nlu_quick_check --topics              # knowledge topics
    .venv/bin/python -m scripts.nlu_quick_check --focus emergency,distress --show 30
    .venv/bin/python -m scripts.nlu_quick_check --words-only          # seconds: no meaning vectors

Stratified k-fold cross-validation, over the same examples Rasa reads, of the bot's own model
(components/words_and_meaning.py: TF-IDF word and character n-grams, the all-MiniLM-L6-v2
meaning vector and the nearest examples, a balanced logistic regression), with the settings
config.yml gives the intent classifier or, for --topics, the TopicSelector; for intents the
SafetyNet patterns then apply, as in the bot. Rasa's own run differs in its folds, so report
the real figures from `make nlu-report`; this tells whether an edit helps.
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


def classifier_config(topics: bool = False, config_file: Path = REPO_ROOT / "config.yml") -> dict:
    """The settings config.yml gives the WordsAndMeaningClassifier (or the TopicSelector)."""
    import yaml

    component = "TopicSelector" if topics else "WordsAndMeaningClassifier"
    pipeline = yaml.safe_load(config_file.read_text())["pipeline"]
    return next((dict(step) for step in pipeline if str(step.get("name", "")).endswith(component)), {})


def with_safety_net(texts: list[str], predicted: list[str]) -> list[str]:
    """What components/safety_net.py does after the classifier."""
    from bot.advice import asks_personal_advice
    from bot.safety import check_message

    def final(text: str, guess: str) -> str:
        match = check_message(text)
        if match is not None:
            return match.kind
        return "ask_personal_advice" if asks_personal_advice(text) else guess

    return [final(text, guess) for text, guess in zip(texts, predicted)]


def cross_validate(
    texts: list[str],
    labels: list[str],
    folds: int = 5,
    meaning: bool = True,
    safety_net: bool = False,
    config: dict | None = None,
) -> CheckResult:
    """config: the model's settings (default: the intent classifier's in config.yml)."""
    import numpy as np
    from sklearn.metrics import accuracy_score, f1_score
    from sklearn.model_selection import StratifiedKFold

    from components.sentence_encoder import DIMENSIONS
    from components.words_and_meaning import WordsAndMeaningModel

    config = dict(classifier_config() if config is None else config)
    if meaning:
        from components.sentence_encoder import shared_encoder

        vectors = shared_encoder().encode_many(texts)
    else:
        vectors = np.zeros((len(texts), DIMENSIONS), dtype=np.float32)
        config.update(meaning_weight=0.0, neighbour_weight=0.0)
    text_array, label_array = np.array(texts, dtype=object), np.array(labels, dtype=object)
    predicted = np.empty(len(labels), dtype=object)
    for train, test in StratifiedKFold(folds, shuffle=True, random_state=0).split(text_array, label_array):
        model = WordsAndMeaningModel(config).fit(list(text_array[train]), vectors[train], list(label_array[train]))
        probabilities = model.predict_proba(list(text_array[test]), vectors[test])
        predicted[test] = [model.labels[i] for i in probabilities.argmax(axis=1)]
    guesses = [str(p) for p in predicted]
    if safety_net:
        guesses = with_safety_net(texts, guesses)
    names = sorted(set(labels))
    per_label = f1_score(labels, guesses, labels=names, average=None, zero_division=0)
    return CheckResult(
        labels,
        guesses,
        texts,
        f1_score(labels, guesses, average="macro", zero_division=0),
        accuracy_score(labels, guesses),
        dict(zip(names, per_label)),
    )


def report(result: CheckResult, focus: set[str], show: int) -> str:
    def concerns(*names: str) -> bool:
        return not focus or any(name in focus for name in names)

    lines = [
        f"{len(result.labels)} examples, {len(result.f1_by_label)} labels: "
        f"macro F1 {result.macro_f1:.3f}, accuracy {result.accuracy:.3f}"
    ]
    lines += [
        f"  {name:34s} F1 {value:.3f}"
        for name, value in sorted(result.f1_by_label.items(), key=lambda kv: kv[1])
        if concerns(name)
    ]
    errors = [
        (true, guess, text)
        for text, true, guess in zip(result.texts, result.labels, result.predicted)
        if true != guess and concerns(true, guess)
    ]
    lines.append("most frequent confusions (true -> predicted):")
    lines += [
        f"  {true} -> {guess}: {count}"
        for (true, guess), count in Counter((true, guess) for true, guess, _ in errors).most_common(15)
    ]
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
    parser.add_argument(
        "--words-only",
        action="store_true",
        help="leave out the meaning vectors (seconds instead of a minute; scores lower)",
    )
    args = parser.parse_args(argv)
    if args.folds < 2:
        parser.error("--folds must be at least 2")
    if not args.nlu.is_dir():
        parser.error(f"no NLU data folder at {args.nlu}")
    warnings.filterwarnings("ignore")
    logging.disable(logging.WARNING)
    texts, labels = load_examples(args.nlu, args.topics)
    if not args.words_only:
        print(f"Encoding {len(texts)} examples with the sentence encoder (about a minute)...", flush=True)
    result = cross_validate(
        texts,
        labels,
        args.folds,
        meaning=not args.words_only,
        safety_net=not args.topics,
        config=classifier_config(topics=args.topics),
    )
    print(report(result, set(filter(None, args.focus.split(","))), args.show))


if __name__ == "__main__":
    main()
