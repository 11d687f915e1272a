"""Measure the profile reader and the fitting search on the labelled development set.

tests/data/understanding/dev_tune.jsonl (tuned on) and dev_held.jsonl (never tuned on): each
item has the user's turns, the profile a careful reader keeps after them and, for searches,
trials that must be in the top five ("should") and clear mismatches that must not ("must_not").

Field accuracy counts, for each field, the items where the expected or the read profile has
that field (a field both leave out says nothing) and how many of those agree exactly.
"""

from __future__ import annotations

import json
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Iterable, Optional

from bot.profile.fit import find_fitting, with_lookups
from bot.profile.model import Profile
from bot.profile.read import for_search, update
from bot.trials.store import TrialStore

DEV_DIR = Path(__file__).resolve().parents[2] / "tests" / "data" / "understanding"
PARTS = {"tuned on": "dev_tune.jsonl", "held aside": "dev_held.jsonl"}
TOP = 5
# The fields a profile has, as the development set writes them (nested ones as "wants.phase").
FIELDS = (
    "about",
    "age",
    "sex",
    "site",
    "tumour_type",
    "grades",
    "ki67",
    "spread",
    "spread_to",
    "size_mm",
    "functioning",
    "syndrome",
    "inherited",
    "treatments",
    "wants.treatment",
    "wants.avoid",
    "wants.phase",
    "wants.status",
    "wants.age_group",
    "place.city",
    "place.region",
    "place.country",
    "place.travel_km",
)


@dataclass
class FieldScore:
    right: int = 0
    counted: int = 0

    @property
    def accuracy(self) -> Optional[float]:
        return self.right / self.counted if self.counted else None


@dataclass
class PartScore:
    items: int = 0
    fields: dict[str, FieldScore] = field(default_factory=lambda: {f: FieldScore() for f in FIELDS})
    searches: int = 0
    searches_right: int = 0
    misses: list[str] = field(default_factory=list)  # "id field: expected X, read Y"
    search_misses: list[str] = field(default_factory=list)


def load(path: Path) -> list[dict]:
    with path.open(encoding="utf-8") as lines:
        return [json.loads(line) for line in lines if line.strip()]


def read_turns(turns: Iterable[str]) -> Profile:
    profile = Profile()
    for turn in turns:
        profile = update(profile, turn)
    return profile


def _value(data: dict, name: str) -> Any:
    value: Any = data
    for part in name.split("."):
        value = value.get(part) if isinstance(value, dict) else None
    return _canonical(name, value)


def _canonical(name: str, value: Any) -> Any:
    if value in (None, [], {}):
        return None
    if name == "treatments":
        return sorted((t["id"], t.get("outcome")) for t in value)
    if isinstance(value, list):
        return sorted(value, key=str)
    if isinstance(value, float) and value.is_integer():
        return int(value)
    if name == "place.city" and isinstance(value, str):
        return value.lower()
    return value


def score_profile(item: dict, read: Profile, score: PartScore) -> None:
    expected, got = item.get("profile") or {}, read.as_dict()
    for name in FIELDS:
        want, have = _value(expected, name), _value(got, name)
        if want is None and have is None:
            continue
        counted = score.fields[name]
        counted.counted += 1
        if _same(name, want, have):
            counted.right += 1
        else:
            score.misses.append(f"{item['id']} {name}: expected {want!r}, read {have!r}")


def _same(name: str, want: Any, have: Any) -> bool:
    if name == "place.travel_km" and want is not None and have is not None:
        return abs(float(want) - float(have)) <= 2
    return want == have


def score_search(item: dict, read: Profile, store: TrialStore, score: PartScore) -> None:
    expected = item.get("search")
    if expected is None:
        return
    last = (item.get("turns") or [""])[-1]
    result = find_fitting(store, with_lookups(for_search(read, last), last, store))
    top = [f.trial.nct_id for f in (result.fits + result.set_aside)[:TOP]]
    shown = [f.trial.nct_id for f in result.fits[:TOP]]
    missing = [i for i in expected.get("should", []) if i not in top]
    wrong = [i for i in expected.get("must_not", []) if i in shown]
    score.searches += 1
    if not missing and not wrong:
        score.searches_right += 1
    else:
        score.search_misses.append(f"{item['id']}: missing {missing}, mismatches shown {wrong}")


def evaluate(
    store: Optional[TrialStore], parts: dict[str, str] = PARTS, folder: Path = DEV_DIR
) -> dict[str, PartScore]:
    scores = {}
    for part, file_name in parts.items():
        score = PartScore()
        for item in load(folder / file_name):
            read = read_turns(item.get("turns") or [])
            score.items += 1
            score_profile(item, read, score)
            if store is not None:
                score_search(item, read, store, score)
        scores[part] = score
    return scores


def kinds(folder: Path = DEV_DIR) -> dict[str, Counter]:
    return {part: Counter(i.get("kind", "?") for i in load(folder / name)) for part, name in PARTS.items()}
