"""Measure the NLU model and write docs/nlu-report.md.

    .venv/bin/python -m scripts.nlu_report            # 5-fold cross-validation (make nlu-report)
    .venv/bin/python -m scripts.nlu_report --folds 3  # quicker, for a first look

Runs `rasa test nlu --cross-validation` on data/nlu with config.yml, then reads Rasa's
intent and response-selection reports. Targets (issue 3): intent macro F1 >= 0.95 and
response-selection accuracy >= 0.95. Takes tens of minutes on 2 cores, so it is not in CI.
"""

from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
import time
from datetime import date
from pathlib import Path

from bot.config import REPO_ROOT
from bot.modelcache import rasa_executable

OUTPUT = REPO_ROOT / "docs" / "nlu-report.md"
RESULTS = REPO_ROOT / "results" / "nlu-cv"
TARGET = 0.95
WEAKEST_SHOWN = 12


def run_cross_validation(folds: int, out: Path) -> float:
    command = [
        rasa_executable(),
        "test",
        "nlu",
        "--nlu",
        "data/nlu",
        "--config",
        "config.yml",
        "--cross-validation",
        "--folds",
        str(folds),
        "--out",
        str(out),
        "--no-plot",
    ]
    env = {**os.environ, "TF_CPP_MIN_LOG_LEVEL": "2", "SQLALCHEMY_SILENCE_UBER_WARNING": "1"}
    print(f"Cross-validating the NLU model with {folds} folds (this takes a while)...", flush=True)
    started = time.monotonic()
    result = subprocess.run(command, cwd=REPO_ROOT, env=env)
    if result.returncode != 0:
        sys.exit(f"rasa test nlu failed (exit {result.returncode})")
    return time.monotonic() - started


def weakest(report: dict, score: str) -> list[tuple[str, float, int]]:
    rows = [
        (name, values[score], values["support"])
        for name, values in report.items()
        if isinstance(values, dict) and "support" in values and name not in ("macro avg", "weighted avg", "micro avg")
    ]
    return sorted(rows, key=lambda row: row[1])[:WEAKEST_SHOWN]


def table(rows: list[tuple[str, float, int]], score: str) -> str:
    lines = [f"| label | {score} | examples |", "|---|---|---|"]
    lines += [f"| {name} | {value:.3f} | {support} |" for name, value, support in rows]
    return "\n".join(lines)


def verdict(value: float) -> str:
    return "meets the target" if value >= TARGET else "below the target"


def write_report(out: Path, folds: int, seconds: float) -> str:
    intents = json.loads((out / "intent_report.json").read_text())
    responses = json.loads((out / "response_selection_report.json").read_text())
    intent_f1 = intents["macro avg"]["f1-score"]
    response_accuracy = responses.get("accuracy", responses.get("micro avg", {}).get("f1-score", 0.0))
    text = f"""# NLU report

Measured on {date.today().isoformat()} with `make nlu-report` (`python -m scripts.nlu_report`):
`rasa test nlu --cross-validation --folds {folds}` over `data/nlu` with `config.yml`.
The run took {seconds / 60:.0f} minutes on this machine. Every example is tested once, by a
model that did not see it in training.

| measure | value | target | result |
|---|---|---|---|
| intent macro F1 | {intent_f1:.3f} | >= {TARGET} | {verdict(intent_f1)} |
| response selection accuracy (knowledge topics) | {response_accuracy:.3f} | >= {TARGET} | {verdict(response_accuracy)} |

## Weakest intents (F1)

{table(weakest(intents, "f1-score"), "F1")}

## Weakest knowledge topics (F1)

{table(weakest(responses, "f1-score"), "F1")}

The full reports, with every error, are in `results/nlu-cv/` after a run (not committed).
"""
    OUTPUT.write_text(text, encoding="utf-8")
    return f"intent macro F1 {intent_f1:.3f}, response selection accuracy {response_accuracy:.3f}"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--folds", type=int, default=5, help="number of folds (default 5)")
    args = parser.parse_args()
    if args.folds < 2:
        parser.error("--folds must be 2 or more")
    seconds = run_cross_validation(args.folds, RESULTS)
    print(f"{write_report(RESULTS, args.folds, seconds)}; written to {OUTPUT}")


if __name__ == "__main__":
    main()
