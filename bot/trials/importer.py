"""Import ClinicalTrials.gov API v2 JSON from files and folders, or records already decoded
(the live API's pages, fetched by `trials sync`: bot/trials/sync.py with bot/trials/ctgov_client.py).

A file may hold one study, a list of studies, or a page {"studies": [...], ...}. Each record
is parsed and validated, then upserted by NCT id in batches of one transaction each. A bad
file or record is reported (file, NCT id, field, reason) and skipped; the rest still land.
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Callable, Iterable, Iterator, Optional

from sqlalchemy.exc import SQLAlchemyError

from bot.trials.merge import merge_records
from bot.trials.parse import ParsedTrial, RecordError, nct_id_of, parse_study
from bot.trials.store import TrialStore

DEFAULT_BATCH_SIZE = 500
Progress = Callable[[int], None]  # called with the number of records just handled
Batch = dict[str, tuple[str, ParsedTrial]]  # NCT id -> (file, parsed record), in order


@dataclass(frozen=True)
class Rejection:
    file: str
    nct_id: Optional[str]
    field: str
    reason: str

    def __str__(self) -> str:
        return f"{self.file}: {self.nct_id or '(no NCT id)'}: {self.field}: {self.reason}"


@dataclass
class ImportReport:
    added: int = 0
    updated: int = 0
    unchanged: int = 0
    rejected: list[Rejection] = field(default_factory=list)
    added_ids: list[str] = field(default_factory=list)  # NCT ids, in the order written
    updated_ids: list[str] = field(default_factory=list)

    @property
    def ok(self) -> bool:
        return not self.rejected

    def summary(self) -> str:
        return f"added {self.added}, updated {self.updated}, unchanged {self.unchanged}, rejected {len(self.rejected)}"

    def as_dict(self) -> dict[str, Any]:
        return {
            "added": self.added,
            "updated": self.updated,
            "unchanged": self.unchanged,
            "rejected": [r.__dict__ for r in self.rejected],
        }


def json_files(paths: Iterable[str | Path]) -> Iterator[Path]:
    """The JSON files named, and those inside the folders named (sorted, recursively)."""
    for raw in paths:
        path = Path(raw)
        if path.is_dir():
            yield from sorted(p for p in path.rglob("*.json") if p.is_file())
        else:
            yield path


def studies_in(data: Any) -> list[Any]:
    """The study records a decoded JSON document holds."""
    if isinstance(data, list):
        return data
    if isinstance(data, dict) and "studies" in data:
        if not isinstance(data["studies"], list):
            raise RecordError("studies", "expected a list of studies")
        return data["studies"]
    if isinstance(data, dict) and "protocolSection" in data:
        return [data]
    raise RecordError("(file)", "not a study, a list of studies or a page of studies")


def count_studies(paths: Iterable[str | Path]) -> int:
    """How many records the files hold (unreadable files count as none)."""
    total = 0
    for path in json_files(paths):
        try:
            total += len(studies_in(json.loads(path.read_text(encoding="utf-8"))))
        except (OSError, ValueError):
            continue
    return total


class Importer:
    def __init__(self, store: TrialStore, batch_size: int = DEFAULT_BATCH_SIZE) -> None:
        self.store = store
        self.batch_size = batch_size

    def import_paths(self, paths: Iterable[str | Path], progress: Optional[Progress] = None) -> ImportReport:
        report = ImportReport()
        batch: Batch = {}
        for path in json_files(paths):
            for label, record in self._records(path, report):
                try:
                    parsed = parse_study(record)
                except RecordError as error:
                    report.rejected.append(
                        Rejection(label, error.nct_id or nct_id_of(record), error.field, error.reason)
                    )
                    _tick(progress)
                    continue
                if parsed.nct_id in batch:  # a second copy: write the first one before it
                    self._flush(batch, report, progress)
                if parsed.compiled_json is not None:
                    parsed = self._merged_with_stored(record, parsed)
                batch[parsed.nct_id] = (label, parsed)
                if len(batch) >= self.batch_size:
                    self._flush(batch, report, progress)
        self._flush(batch, report, progress)
        return report

    def _merged_with_stored(self, record: dict, parsed: ParsedTrial) -> ParsedTrial:
        """A compiled record merged with the stored compiled copy of the same trial, so that
        importing an older or thinner copy never loses the newer status or the fuller parts."""
        stored = self.store.compiled_copy(parsed.nct_id)
        if stored is None:
            return parsed
        try:
            return parse_study(merge_records(stored, record))
        except (RecordError, ValueError):  # a stored copy that no longer parses: the new one wins
            return parsed

    def import_studies(self, studies: Iterable[Any], label: str) -> ImportReport:
        """Import records already decoded (e.g. a page from the live API)."""
        report = ImportReport()
        batch: Batch = {}
        for record in studies:
            try:
                parsed = parse_study(record)
                batch[parsed.nct_id] = (label, parsed)
            except RecordError as error:
                report.rejected.append(Rejection(label, error.nct_id, error.field, error.reason))
        self._flush(batch, report, None)
        return report

    def _records(self, path: Path, report: ImportReport) -> Iterator[tuple[str, Any]]:
        try:
            data = json.loads(path.read_text(encoding="utf-8"))
            records = studies_in(data)
        except FileNotFoundError:
            report.rejected.append(Rejection(str(path), None, "(file)", "no such file or folder"))
            return
        except UnicodeDecodeError:
            report.rejected.append(Rejection(str(path), None, "(file)", "not UTF-8 text"))
            return
        except json.JSONDecodeError as error:
            reason = f"not valid JSON (line {error.lineno}, column {error.colno}: {error.msg})"
            report.rejected.append(Rejection(str(path), None, "(file)", reason))
            return
        except RecordError as error:
            report.rejected.append(Rejection(str(path), None, error.field, error.reason))
            return
        except OSError as error:
            report.rejected.append(Rejection(str(path), None, "(file)", error.strerror or str(error)))
            return
        for record in records:
            yield str(path), record

    def _flush(self, batch: Batch, report: ImportReport, progress: Optional[Progress]) -> None:
        if not batch:
            return
        items = list(batch.values())
        try:
            self._write(items, report)
        except SQLAlchemyError:
            # Find the record the database refused: write one by one, each in its own
            # transaction, so the others still land.
            for item in items:
                try:
                    self._write([item], report)
                except SQLAlchemyError as error:
                    reason = f"the database refused it: {type(getattr(error, 'orig', None) or error).__name__}"
                    report.rejected.append(Rejection(item[0], item[1].nct_id, "(database)", reason))
        _tick(progress, len(batch))
        batch.clear()

    def _write(self, batch: list[tuple[str, ParsedTrial]], report: ImportReport) -> None:
        result = self.store.write_batch([p for _, p in batch])
        report.added += len(result.added)
        report.updated += len(result.updated)
        report.unchanged += len(result.unchanged)
        report.added_ids += result.added
        report.updated_ids += result.updated


def _tick(progress: Optional[Progress], n: int = 1) -> None:
    if progress:
        progress(n)
