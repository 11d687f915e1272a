"""scripts/parse_snapshot.py's comparison: a changed label, entity or confidence beyond the
tolerance is a difference; float rounding within it is not."""

from __future__ import annotations

import json
from pathlib import Path

from scripts.parse_snapshot import compare, differences

PARSE = {
    "intent": ["knowledge", 0.91],
    "ranking": [["knowledge", 0.91], ["ask_helpline", 0.05]],
    "topic": [["knowledge/prrt", 0.8]],
    "entities": [["treatment", "prrt", 8, 12]],
}


def _changed(path: list, value: object) -> dict:
    copy = json.loads(json.dumps(PARSE))
    target = copy
    for step in path[:-1]:
        target = target[step]
    target[path[-1]] = value
    return copy


def test_rounding_within_the_tolerance_is_no_difference() -> None:
    assert not list(differences(PARSE, _changed(["ranking", 1, 1], 0.05 + 4e-7), 1e-6))


def test_labels_entities_and_large_moves_are_differences() -> None:
    assert list(differences(PARSE, _changed(["intent", 0], "inform"), 1e-6))
    assert list(differences(PARSE, _changed(["topic", 0, 1], 0.8 + 2e-6), 1e-6))
    assert list(differences(PARSE, _changed(["entities"], []), 1e-6))


def test_compare_fails_on_a_difference_or_a_missing_text(tmp_path: Path) -> None:
    before, after = tmp_path / "before.json", tmp_path / "after.json"
    before.write_text(json.dumps({"what is prrt": PARSE, "bye": PARSE}))
    after.write_text(json.dumps({"what is prrt": PARSE, "bye": PARSE}))
    assert compare(before, after, 1e-6) == 0
    after.write_text(json.dumps({"what is prrt": _changed(["intent", 1], 0.5), "bye": PARSE}))
    assert compare(before, after, 1e-6) == 1
    after.write_text(json.dumps({"what is prrt": PARSE}))
    assert compare(before, after, 1e-6) == 1
