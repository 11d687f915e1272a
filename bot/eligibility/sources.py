"""Where criteria texts come from for testing and reporting: the shipped trial records and the
shared corpus of 3,869 real registry texts (../shared/ctgov/criteria-corpus.jsonl, 12 MB, so
it is read in place rather than copied into the repository)."""

from __future__ import annotations

import json
from dataclasses import dataclass
from pathlib import Path
from typing import Optional

from bot.config import REPO_ROOT, SHIPPED_TRIALS_DIR

CORPUS_PATH = REPO_ROOT.parent / "shared" / "ctgov" / "criteria-corpus.jsonl"


@dataclass(frozen=True)
class CriteriaText:
    nct_id: str
    criteria: str
    phase: Optional[str] = None
    conditions: tuple[str, ...] = ()


def shipped_criteria(folder: Path = SHIPPED_TRIALS_DIR) -> list[CriteriaText]:
    """The shipped trial records (CT.gov API v2 JSON) that have a criteria text."""
    found = []
    for path in sorted(folder.glob("*.json")):
        study = json.loads(path.read_text(encoding="utf-8"))
        protocol = study.get("protocolSection", {})
        text = protocol.get("eligibilityModule", {}).get("eligibilityCriteria")
        if text and text.strip():
            found.append(CriteriaText(protocol["identificationModule"]["nctId"], text))
    return found


def corpus_criteria(path: Path = CORPUS_PATH) -> list[CriteriaText]:
    """The shared corpus, one text per line (fields nct_id, phase, conditions, criteria)."""
    texts = []
    with path.open(encoding="utf-8") as lines:
        for line in lines:
            row = json.loads(line)
            texts.append(
                CriteriaText(row["nct_id"], row["criteria"], row.get("phase"), tuple(row.get("conditions", ())))
            )
    return texts
