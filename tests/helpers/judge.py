"""A trial record made from criteria sentences, and one field's verdict for a person, for the judge's tests."""

from __future__ import annotations

from typing import Any, Iterable, Optional

from bot.eligibility.judge import judge
from bot.eligibility.person import person_from_json
from bot.eligibility.records import TrialRecord


def trial(
    inclusion: Iterable[str] = (),
    exclusion: Iterable[str] = (),
    min_age: Optional[int] = None,
    max_age: Optional[int] = None,
    sex: Optional[str] = None,
) -> TrialRecord:
    text = "Inclusion Criteria:\n\n" + "\n".join(f"* {c}" for c in inclusion)
    text += "\n\nExclusion Criteria:\n\n" + "\n".join(f"* {c}" for c in exclusion)
    return TrialRecord("NCT00000000", text, min_age, max_age, sex)


def verdict(record: TrialRecord, field: str, **person: Any) -> Optional[str]:
    return judge(record, person_from_json(person)).verdict(field)
