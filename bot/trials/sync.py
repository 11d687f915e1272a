"""`trials sync`: fetch new and changed NET trials from ClinicalTrials.gov into the store.

Each page is imported through the Importer as its own transaction (all or nothing). After each
committed page the position (the next pageToken and the query it belongs to) is saved in the
meta table, so a failed run resumes there. The high-water mark (the newest LastUpdatePostDate
seen) moves only when a sync completes; the next run asks only for records updated since then.
A dry run fetches and compares record hashes, and writes nothing. Every read and write goes
through TrialStore: records through the Importer, hashes and the meta values through the store.
"""

from __future__ import annotations

import json
import math
import re
import sys
from dataclasses import asdict, dataclass, field, replace
from datetime import date
from typing import Any, Callable, Iterable, Optional, TextIO

from bot.progress import ProgressBar
from bot.trials.ctgov_client import CtgovClient, CtgovError, RequestRefused
from bot.trials.importer import Importer, ImportReport, Rejection
from bot.trials.parse import RecordError, parse_study
from bot.trials.store import TrialStore

DEFAULT_QUERY = (
    "neuroendocrine tumor OR neuroendocrine neoplasm OR neuroendocrine carcinoma OR pancreatic neuroendocrine"
)
DEFAULT_PAGE_SIZE = 100
MAX_PAGE_SIZE = 1000  # the API coerces larger sizes down to this
MARKS_KEY = "ctgov_sync_marks"  # JSON {query: "yyyy-mm-dd"}: newest update seen by a completed sync
RESUME_KEY = "ctgov_sync_resume"  # JSON Position: where an unfinished sync goes on
DATE = re.compile(r"^\d{4}(-\d{2}(-\d{2})?)?$")

PageCallback = Callable[[int, Optional[int]], None]  # (page number fetched, pages in all if known)


def parse_since(value: str) -> str:
    """A yyyy-mm-dd date, or ValueError with a message for people."""
    try:
        return date.fromisoformat(value.strip()).isoformat()
    except ValueError:
        raise ValueError(f"expected a date like 2025-01-31, got {value!r}") from None


@dataclass
class SyncOptions:
    query: str = DEFAULT_QUERY  # Essie expression for query.cond
    since: Optional[str] = None  # yyyy-mm-dd: overrides the stored high-water mark
    full: bool = False  # ignore the high-water mark
    page_size: int = DEFAULT_PAGE_SIZE
    max_pages: Optional[int] = None  # stop (resumably) after this many pages
    dry_run: bool = False
    resume: bool = True  # go on from a saved position of the same query


@dataclass
class Position:
    """Where an unfinished sync goes on: saved after every committed page."""

    params: dict[str, str]
    token: Optional[str]  # the pageToken of the next page (None: the first page)
    page: int  # that page's number
    newest: Optional[str] = None  # newest update date committed so far
    total: Optional[int] = None  # records matching, as the first page said
    unreadable: bool = False  # a page could not be read: then the mark must not move


@dataclass
class SyncReport:
    counts: ImportReport = field(default_factory=ImportReport)
    added_ids: list[str] = field(default_factory=list)
    updated_ids: list[str] = field(default_factory=list)
    pages: int = 0  # fetched by this run
    total: Optional[int] = None
    since: Optional[str] = None
    resumed_at_page: Optional[int] = None
    restarted: bool = False  # the saved position had expired: the query was started again
    complete: bool = False
    high_water: Optional[str] = None  # the mark after this run
    error: Optional[str] = None
    notes: list[str] = field(default_factory=list)
    dry_run: bool = False

    @property
    def ok(self) -> bool:
        return self.complete and self.error is None and self.counts.ok

    def add(self, page: ImportReport, added: Iterable[str], updated: Iterable[str]) -> None:
        self.counts.added += page.added
        self.counts.updated += page.updated
        self.counts.unchanged += page.unchanged
        self.counts.rejected += page.rejected
        self.added_ids += added
        self.updated_ids += updated

    def as_dict(self, show: int = 20) -> dict[str, Any]:
        data = {k: v for k, v in asdict(self).items() if k not in {"counts", "added_ids", "updated_ids"}}
        data.update(self.counts.as_dict())
        data["added_ids"] = self.added_ids[:show]
        data["updated_ids"] = self.updated_ids[:show]
        return data

    def lines(self, show: int = 20) -> list[str]:
        what = "Dry run (nothing written)" if self.dry_run else "Sync"
        state = "complete" if self.complete else "NOT complete"
        out = [
            f"{what} {state}: {self.counts.summary()}; {self.pages} page{'' if self.pages == 1 else 's'} fetched"
            + (f" of {self.total} matching records" if self.total is not None else "")
            + "."
        ]
        out.append(f"Asked for records updated since {self.since}." if self.since else "Asked for all records.")
        if self.resumed_at_page:
            out.append(f"Resumed at page {self.resumed_at_page} of an unfinished sync.")
        if self.restarted:
            out.append("The saved position had expired: started the query again.")
        for label, ids in (("added", self.added_ids), ("updated", self.updated_ids)):
            if ids:
                more = f" (and {len(ids) - show} more)" if len(ids) > show else ""
                out.append(f"  {label}: {', '.join(ids[:show])}{more}")
        out += [f"  rejected: {r}" for r in self.counts.rejected]
        out += self.notes
        if self.complete and not self.dry_run:
            out.append(f"Next sync asks for records updated since {self.high_water or 'ever (no dates seen)'}.")
        elif not self.complete and not self.dry_run:
            out.append("Run the sync again to go on from where it stopped.")
        return out


class Sync:
    def __init__(
        self,
        store: TrialStore,
        client: CtgovClient,
        options: Optional[SyncOptions] = None,
        on_page: Optional[PageCallback] = None,
    ) -> None:
        self.store = store
        self.client = client
        self.options = options or SyncOptions()
        self.on_page = on_page

    def run(self) -> SyncReport:
        opts = self.options
        report = SyncReport(dry_run=opts.dry_run, high_water=self._mark())
        report.since = opts.since or (None if opts.full else report.high_water)
        params = query_params(opts.query, report.since)
        position = self._saved_position(params)
        report.resumed_at_page = position.page if position.token else None
        writer = _Preview(self.store) if opts.dry_run else _Writer(self.store)
        while not report.complete and (opts.max_pages is None or report.pages < opts.max_pages):
            page = self._fetch(params, position, report)
            if page is None:
                break
            position = self._take(page, position, writer, report)
            if self.on_page:
                self.on_page(position.page - 1, _pages(position.total, opts.page_size))
        return report

    def _fetch(self, params: dict[str, str], position: Position, report: SyncReport) -> Any:
        """The next page, or None when it cannot be had (report.error says why)."""
        try:
            return self.client.studies(self._page_params(params, position.token))
        except RequestRefused as error:
            resuming = position.token and report.resumed_at_page and not report.pages and not report.restarted
            if error.status == 400 and resuming:  # the saved token expired: start the query again
                position.token, position.page, report.restarted = None, 1, True
                return self._fetch(params, position, report)
            report.error = str(error)
        except CtgovError as error:
            report.error = str(error)
        return None

    def _take(self, page: Any, position: Position, writer: "_Writer | _Preview", report: SyncReport) -> Position:
        """Import one page (one transaction), save where to go on, and return that position."""
        report.pages += 1
        if position.token is None and isinstance(page, dict) and isinstance(page.get("totalCount"), int):
            position.total = page["totalCount"]
        report.total = position.total
        label = f"page {position.page}"
        studies, problem = studies_of(page, label)
        result, added, updated = writer.apply(studies, label)
        if problem:
            result.rejected.insert(0, problem)
        report.add(result, added, updated)
        token = page.get("nextPageToken") if isinstance(page, dict) else None
        following = replace(
            position,
            token=token,
            page=position.page + 1,
            unreadable=position.unreadable or bool(problem),
            newest=_newest(position.newest, newest_update(studies, skip={r.nct_id for r in result.rejected})),
        )
        report.complete = not token
        if not self.options.dry_run:
            self._save(following, report)
        return following

    def _page_params(self, params: dict[str, str], token: Optional[str]) -> dict[str, str]:
        extra = {"pageSize": str(self.options.page_size)}
        extra.update({"pageToken": token} if token else {"countTotal": "true"})
        return {**params, **extra}

    # -- the store's meta table ----------------------------------------------------------
    def _marks(self) -> dict[str, str]:
        return _json_meta(self.store, MARKS_KEY) or {}

    def _mark(self) -> Optional[str]:
        return self._marks().get(self.options.query)

    def _saved_position(self, params: dict[str, str]) -> Position:
        saved = None if self.options.dry_run or not self.options.resume else _json_meta(self.store, RESUME_KEY)
        if isinstance(saved, dict) and saved.get("params") == params:
            try:
                return Position(**saved)
            except TypeError:  # saved by another version: start again
                pass
        return Position(params, None, 1)

    def _save(self, position: Position, report: SyncReport) -> None:
        """After a committed page: the position; after the last page, the new mark instead
        (the position removed and the mark moved in one transaction)."""
        if not report.complete:
            self.store.write_meta({RESUME_KEY: json.dumps(asdict(position))})
            return
        done: dict[str, Optional[str]] = {RESUME_KEY: None}
        if position.unreadable:  # ask for the same records again next time
            report.notes.append("A page could not be read: the high-water mark stays where it was.")
        else:
            marks = self._marks()
            report.high_water = _newest(marks.get(self.options.query), position.newest)
            if report.high_water:
                marks[self.options.query] = report.high_water
                done[MARKS_KEY] = json.dumps(marks, sort_keys=True)
        self.store.write_meta(done)


def query_params(query: str, since: Optional[str]) -> dict[str, str]:
    """The parameters every page of one sync shares (the API wants them the same)."""
    params = {"format": "json", "query.cond": query, "sort": "LastUpdatePostDate:asc"}
    if since:
        params["filter.advanced"] = f"AREA[LastUpdatePostDate]RANGE[{since},MAX]"
    return params


def studies_of(page: Any, label: str) -> tuple[list[Any], Optional[Rejection]]:
    """The studies of a page, or none and why the page cannot be read."""
    if not isinstance(page, dict):
        return [], Rejection(label, None, "(page)", f"expected a JSON object, found {type(page).__name__}")
    studies = page.get("studies")
    if studies is None:
        return [], Rejection(label, None, "studies", "missing: the page holds no studies list")
    if not isinstance(studies, list):
        return [], Rejection(label, None, "studies", f"expected a list, found {type(studies).__name__}")
    return studies, None


def newest_update(studies: Iterable[Any], skip: Iterable[Optional[str]] = ()) -> Optional[str]:
    """The newest LastUpdatePostDate of the records (partial dates count as their first day)."""
    skipped, newest = set(skip), None
    for study in studies:
        try:
            ident = study["protocolSection"]["identificationModule"].get("nctId")
            value = study["protocolSection"]["statusModule"]["lastUpdatePostDateStruct"]["date"]
        except (KeyError, TypeError, AttributeError):
            continue
        if ident in skipped or not isinstance(value, str) or not DATE.match(value):
            continue
        newest = _newest(newest, (value + "-01-01")[:10] if len(value) == 4 else (value + "-01")[:10])
    return newest


class _Writer:
    """Imports a page through the Importer (one transaction)."""

    def __init__(self, store: TrialStore) -> None:
        self.importer = Importer(store)

    def apply(self, studies: list[Any], label: str) -> tuple[ImportReport, list[str], list[str]]:
        report = self.importer.import_studies(studies, label)
        return report, report.added_ids, report.updated_ids


class _Preview:
    """What importing pages would change, found by comparing record hashes; writes nothing."""

    def __init__(self, store: TrialStore) -> None:
        self.store = store
        self.seen: dict[str, str] = {}  # NCT id -> hash, as if the earlier pages were written

    def apply(self, studies: list[Any], label: str) -> tuple[ImportReport, list[str], list[str]]:
        report = ImportReport()
        parsed: dict[str, str] = {}
        for record in studies:
            try:
                trial = parse_study(record)
                parsed[trial.nct_id] = trial.trial["record_hash"]
            except RecordError as error:
                report.rejected.append(Rejection(label, error.nct_id, error.field, error.reason))
        known = {**self.store.record_hashes(i for i in parsed if i not in self.seen), **self.seen}
        added, updated = [], []
        for nct_id, digest in parsed.items():
            if nct_id not in known:
                added.append(nct_id)
            elif known[nct_id] != digest:
                updated.append(nct_id)
            else:
                report.unchanged += 1
        report.added, report.updated = len(added), len(updated)
        self.seen.update(parsed)
        return report, added, updated


class PageProgress:
    """Pages fetched (of how many, when the API said) on standard error."""

    def __init__(self, stream: TextIO = sys.stderr) -> None:
        self.stream = stream
        self.bar: Optional[ProgressBar] = None

    def __call__(self, page: int, pages: Optional[int]) -> None:
        if pages is None:
            self.stream.write(f"Fetched page {page}\n")
            self.stream.flush()
            return
        if self.bar is None:  # a resumed sync counts the pages left from where it goes on
            label = "Syncing pages" + (f" from page {page}" if page > 1 else "")
            self.bar = ProgressBar(max(pages - page + 1, 1), label, self.stream)
        self.bar.advance()

    def close(self) -> None:
        if self.bar:
            self.bar.close()


def _pages(total: Optional[int], page_size: int) -> Optional[int]:
    return None if total is None else max(1, math.ceil(total / page_size))


def _newest(a: Optional[str], b: Optional[str]) -> Optional[str]:
    return max(filter(None, (a, b)), default=None)


def _json_meta(store: TrialStore, key: str) -> Any:
    value = store.meta(key)
    try:
        return json.loads(value) if value else None
    except ValueError:
        return None
