"""Trial records as the judge reads them, from ClinicalTrials.gov JSON files (the report and
tests; the CLI reads the database)."""

from __future__ import annotations

import json
from dataclasses import dataclass
from pathlib import Path
from typing import Optional

from bot.config import SHIPPED_TRIALS_DIR
from bot.trials.parse import parse_study


@dataclass(frozen=True)
class TrialRecord:
    nct_id: str
    criteria: Optional[str]
    min_age_years: Optional[float]
    max_age_years: Optional[float]
    sex: Optional[str]
    title: Optional[str] = None


def record_from_study(study: dict) -> TrialRecord:
    t = parse_study(study).trial
    return TrialRecord(
        t["nct_id"], t.get("criteria"), t.get("min_age_years"), t.get("max_age_years"), t.get("sex"), t.get("title")
    )


def shipped_record(nct_id: str, folder: Path = SHIPPED_TRIALS_DIR) -> Optional[TrialRecord]:
    path = folder / f"{nct_id}.json"
    return record_from_study(json.loads(path.read_text(encoding="utf-8"))) if path.is_file() else None
