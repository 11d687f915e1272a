"""Merge folders of compiled trial records (one `NCTxxxxxxxx.json` each) into a target folder.

Used to fold `../shared/trials-extra/` into the shipped `data/trials/`. A record new to the
target is copied; one already there is merged with it (`bot.trials.merge`). Each file is written
to a temporary name and renamed, so an interrupted run leaves every file whole. A file that is
not a readable record is reported and left alone.
"""

from __future__ import annotations

import json
import os
import tempfile
from dataclasses import dataclass, field
from pathlib import Path
from typing import Iterable

from bot.trials.importer import json_files
from bot.trials.merge import merge_records
from bot.trials.parse import RecordError, nct_id_of, parse_study


@dataclass
class MergeReport:
    added: list[str] = field(default_factory=list)
    merged: list[str] = field(default_factory=list)
    unchanged: list[str] = field(default_factory=list)
    rejected: list[str] = field(default_factory=list)  # "path: reason"

    def summary(self) -> str:
        return (
            f"{len(self.added)} added, {len(self.merged)} merged, {len(self.unchanged)} unchanged, "
            f"{len(self.rejected)} rejected"
        )


def merge_folders(target: Path, sources: Iterable[str | Path]) -> MergeReport:
    report = MergeReport()
    target.mkdir(parents=True, exist_ok=True)
    for path in json_files(sources):
        record = _read_record(path, report)
        if record is None:
            continue
        nct_id = nct_id_of(record) or ""
        destination = target / f"{nct_id}.json"
        if not destination.exists():
            _write(destination, record)
            report.added.append(nct_id)
            continue
        current = _read_record(destination, report)
        if current is None:
            continue
        merged = merge_records(current, record)
        if merged == current:
            report.unchanged.append(nct_id)
            continue
        _write(destination, merged)
        report.merged.append(nct_id)
    return report


def _read_record(path: Path, report: MergeReport) -> dict | None:
    try:
        record = json.loads(path.read_text(encoding="utf-8"))
        parse_study(record)  # only records the importer would take are merged
    except (OSError, UnicodeDecodeError, json.JSONDecodeError) as error:
        report.rejected.append(f"{path}: cannot be read ({error})")
        return None
    except RecordError as error:
        report.rejected.append(f"{path}: {error}")
        return None
    if not isinstance(record.get("x-source"), dict):
        report.rejected.append(f"{path}: not a compiled record (no x-source); import it instead")
        return None
    return record


def _write(destination: Path, record: dict) -> None:
    text = json.dumps(record, indent=2, ensure_ascii=False) + "\n"
    handle, temporary = tempfile.mkstemp(dir=destination.parent, suffix=".tmp")
    try:
        with os.fdopen(handle, "w", encoding="utf-8") as out:
            out.write(text)
        os.replace(temporary, destination)
    except BaseException:
        Path(temporary).unlink(missing_ok=True)
        raise
