"""Measuring the fact extraction against hand labels (tests/data/criteria_labels.yml)."""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml

from bot.config import REPO_ROOT
from bot.eligibility.facts import extract_facts

LABELS_PATH = REPO_ROOT / "tests" / "data" / "criteria_labels.yml"


@dataclass
class Accuracy:
    right: Counter = field(default_factory=Counter)  # field -> labelled values matched
    total: Counter = field(default_factory=Counter)
    misses: list[str] = field(default_factory=list)

    @property
    def overall(self) -> float:
        return sum(self.right.values()) / max(1, sum(self.total.values()))

    def of(self, name: str) -> float:
        return self.right[name] / max(1, self.total[name])

    def __add__(self, other: "Accuracy") -> "Accuracy":
        return Accuracy(self.right + other.right, self.total + other.total, self.misses + other.misses)


def load_labels(path: Path = LABELS_PATH) -> dict[str, dict[str, dict[str, Any]]]:
    """{"trials": {nct_id: {field: value}}, "held_out": {...}}"""
    return yaml.safe_load(path.read_text(encoding="utf-8"))


def normalised(value: Any) -> Any:
    """Labels and extracted values in one form: lists as sorted tuples ([] and null alike)."""
    if isinstance(value, (list, tuple)):
        return tuple(sorted(value)) or None
    if isinstance(value, (int, float)) and not isinstance(value, bool):
        return float(value)
    return value


def measure(labels: dict[str, dict[str, Any]], texts: dict[str, str]) -> Accuracy:
    """Field-by-field agreement of `extract_facts` with `labels` (a list field must match whole)."""
    result = Accuracy()
    for nct_id, expected in labels.items():
        got = extract_facts(texts[nct_id]).as_dict()
        for name, value in expected.items():
            result.total[name] += 1
            if normalised(value) == normalised(got[name]):
                result.right[name] += 1
            else:
                result.misses.append(f"{nct_id} {name}: labelled {value!r}, got {got[name]!r}")
    return result
