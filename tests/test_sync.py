"""`trials sync`: paging, incremental runs, retries, resuming and dry runs, against a local
stand-in for the ClinicalTrials.gov API v2 (a real HTTP server on 127.0.0.1, real records)."""

from __future__ import annotations

import ast
import copy
import json
import re
import secrets
import sqlite3
import subprocess
import sys
import threading
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import Any, Callable, Iterator, Optional, Union
from urllib.parse import parse_qsl, urlsplit

import pytest

from bot.config import REPO_ROOT
from bot.trials.ctgov_client import CtgovClient, RetryPolicy
from bot.trials.store import TrialStore
from bot.trials.sync import DEFAULT_QUERY, MARKS_KEY, RESUME_KEY, Sync, SyncOptions, SyncReport, _json_meta
from tests.conftest import SAMPLES_DIR

PAGE_SIZE = 3
RANGE = re.compile(r"^AREA\[LastUpdatePostDate\]RANGE\[(\d{4}-\d{2}-\d{2}),MAX\]$")
PER_QUERY = {"pageSize", "pageToken", "countTotal"}  # the only parameters that may change between pages

Canned = tuple[int, dict[str, str], bytes]  # status, headers, body
Trouble = Union[Canned, str, Callable[[dict], Any]]  # an answer, "drop", or a change to the real page


def canned(status: int, body: Union[str, bytes] = b"", content_type: str = "text/plain", **headers: str) -> Canned:
    raw = body.encode() if isinstance(body, str) else body
    return status, {"Content-Type": content_type, **{k.replace("_", "-"): v for k, v in headers.items()}}, raw


class CtgovStandIn:
    """GET /api/v2/studies as ClinicalTrials.gov answers it: its records sorted by update date,
    filtered by filter.advanced, in pages with opaque tokens (400 for a token it does not know or
    for changed parameters). `trouble[page]` lists answers to give instead, one per request."""

    def __init__(self, records: list[dict]) -> None:
        self.records = records
        self.requests: list[dict[str, str]] = []
        self.problems: list[str] = []
        self.tokens: dict[str, tuple[dict[str, str], int, int]] = {}  # token -> (params, offset, page)
        self.trouble: dict[int, list[Trouble]] = {}
        self.server = ThreadingHTTPServer(("127.0.0.1", 0), self._handler())
        threading.Thread(target=self.server.serve_forever, kwargs={"poll_interval": 0.05}, daemon=True).start()

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self.server.server_address[1]}/api/v2"

    def close(self) -> None:
        self.server.shutdown()
        self.server.server_close()

    def record(self, nct_id: str) -> dict:
        return next(r for r in self.records if r["protocolSection"]["identificationModule"]["nctId"] == nct_id)

    def answer(self, path: str, params: dict[str, str]) -> Union[Canned, str]:
        self.requests.append(params)
        if path != "/api/v2/studies":
            return canned(404, "no such endpoint")
        token = params.get("pageToken")
        offset, page = 0, 1
        if token:
            if token not in self.tokens:
                return canned(400, "pageToken is invalid or expired")
            first, offset, page = self.tokens[token]
            if _shared(first) != _shared(params):
                self.problems.append(f"page {page} asked with other parameters: {params} vs {first}")
                return canned(400, "parameters differ from the first page")
        trouble = self.trouble.get(page)
        fix = trouble.pop(0) if trouble else None
        if fix is not None and not callable(fix):
            return fix
        matching = self.matching(params.get("filter.advanced"))
        if matching is None:
            return canned(400, "filter.advanced is not an expression this stand-in knows")
        size = int(params.get("pageSize") or 10)
        body: dict[str, Any] = {"studies": matching[offset : offset + size]}
        if offset + size < len(matching):
            body["nextPageToken"] = new = secrets.token_urlsafe(12)
            self.tokens[new] = (params, offset + size, page + 1)
        if params.get("countTotal") == "true" and not token:
            body["totalCount"] = len(matching)
        if fix is not None:
            body = fix(body)
        return canned(200, json.dumps(body), "application/json")

    def matching(self, advanced: Optional[str]) -> Optional[list[dict]]:
        since = ""
        if advanced:
            found = RANGE.match(advanced)
            if not found:
                return None
            since = found.group(1)
        rows = [(updated(r), r) for r in self.records]
        return [r for day, r in sorted(rows, key=lambda row: row[0]) if day >= since]

    def _handler(self) -> type[BaseHTTPRequestHandler]:
        standin = self

        class Handler(BaseHTTPRequestHandler):
            def do_GET(self) -> None:  # noqa: N802
                url = urlsplit(self.path)
                result = standin.answer(url.path, dict(parse_qsl(url.query)))
                if result == "drop":  # hang up without answering
                    self.close_connection = True
                    return
                status, headers, body = result  # type: ignore[misc]
                self.send_response(status)
                for name, value in {**headers, "Content-Length": str(len(body))}.items():
                    self.send_header(name, value)
                self.end_headers()
                self.wfile.write(body)

            def log_message(self, *args: Any) -> None:
                pass

        return Handler


def _shared(params: dict[str, str]) -> dict[str, str]:
    return {k: v for k, v in params.items() if k not in PER_QUERY}


def updated(record: dict) -> str:
    return record["protocolSection"]["statusModule"]["lastUpdatePostDateStruct"]["date"]


def nct(record: dict) -> str:
    return record["protocolSection"]["identificationModule"]["nctId"]


SAMPLES = sorted((json.loads(p.read_text()) for p in SAMPLES_DIR.glob("*.json")), key=updated)
NEWEST = updated(SAMPLES[-1])  # 2023-12-14


@pytest.fixture
def standin() -> Iterator[CtgovStandIn]:
    server = CtgovStandIn(copy.deepcopy(SAMPLES))
    yield server
    server.close()


def sync(
    store: TrialStore,
    standin: CtgovStandIn,
    attempts: int = 3,
    sleep: Optional[Callable[[float], None]] = None,
    **options: Any,
) -> SyncReport:
    client = CtgovClient(
        standin.url, RetryPolicy(attempts=attempts, base_delay=0.001), timeout=5, sleep=sleep or (lambda seconds: None)
    )
    return Sync(store, client, SyncOptions(page_size=PAGE_SIZE, **options)).run()


def stored(store: TrialStore) -> set[str]:
    return set(store.iter_ids())


def mark(store: TrialStore) -> Optional[str]:
    return (_json_meta(store, MARKS_KEY) or {}).get(DEFAULT_QUERY)


def touch(record: dict, day: str, summary: str) -> None:
    """What the registry does when a record changes: new text, new update date."""
    record["protocolSection"]["statusModule"]["lastUpdatePostDateStruct"]["date"] = day
    record["protocolSection"].setdefault("descriptionModule", {})["briefSummary"] = summary


def test_full_sync_pages_through_everything(empty_store: TrialStore, standin: CtgovStandIn) -> None:
    report = sync(empty_store, standin)
    assert report.complete and report.ok and report.error is None
    assert (report.pages, report.total, report.counts.added, report.counts.updated) == (3, 9, 9, 0)
    assert sorted(report.added_ids) == sorted(map(nct, SAMPLES)) and stored(empty_store) == set(report.added_ids)
    first, *rest = standin.requests
    assert first["query.cond"] == DEFAULT_QUERY and first["countTotal"] == "true" and first["pageSize"] == "3"
    assert "filter.advanced" not in first and "pageToken" not in first
    assert all(r["pageToken"] for r in rest) and len(rest) == 2 and not standin.problems
    assert mark(empty_store) == report.high_water == NEWEST
    assert _json_meta(empty_store, RESUME_KEY) is None


def test_second_run_asks_only_for_what_changed(empty_store: TrialStore, standin: CtgovStandIn) -> None:
    sync(empty_store, standin)
    changed = standin.records[0]  # the oldest record, now updated
    touch(changed, "2024-03-01", "Revised summary.")
    standin.requests.clear()
    report = sync(empty_store, standin)
    assert standin.requests[0]["filter.advanced"] == f"AREA[LastUpdatePostDate]RANGE[{NEWEST},MAX]"
    assert report.since == NEWEST and report.complete
    assert (report.counts.added, report.counts.updated, report.counts.unchanged) == (0, 1, 1)
    assert report.updated_ids == [nct(changed)] and report.pages == 1
    assert empty_store.get(nct(changed)).summary == "Revised summary."
    assert mark(empty_store) == "2024-03-01"
    standin.requests.clear()
    sync(empty_store, standin, full=True)  # --full ignores the mark
    assert "filter.advanced" not in standin.requests[0]
    standin.requests.clear()
    sync(empty_store, standin, since="2020-01-01")  # --since overrides it
    assert standin.requests[0]["filter.advanced"] == "AREA[LastUpdatePostDate]RANGE[2020-01-01,MAX]"


def test_failure_half_way_then_resume(empty_store: TrialStore, standin: CtgovStandIn) -> None:
    standin.trouble[3] = [canned(500, "Internal Server Error")] * 3
    report = sync(empty_store, standin, attempts=3)
    assert not report.complete and "failed 3 times" in report.error and "HTTP 500" in report.error
    page_1_2, page_3 = {nct(r) for r in SAMPLES[:6]}, {nct(r) for r in SAMPLES[6:]}
    assert stored(empty_store) == page_1_2 and not stored(empty_store) & page_3
    assert mark(empty_store) is None  # the mark moves only when a sync completes
    saved = _json_meta(empty_store, RESUME_KEY)
    assert saved["page"] == 3 and saved["newest"] == updated(SAMPLES[5])
    standin.requests.clear()
    again = sync(empty_store, standin)
    assert standin.requests[0]["pageToken"] == saved["token"] and again.resumed_at_page == 3
    assert again.complete and again.counts.added == 3 and stored(empty_store) == page_1_2 | page_3
    assert mark(empty_store) == NEWEST and _json_meta(empty_store, RESUME_KEY) is None


def test_expired_token_starts_the_query_again(empty_store: TrialStore, standin: CtgovStandIn) -> None:
    standin.trouble[2] = ["drop"] * 2  # the connection drops, beyond the retry budget
    report = sync(empty_store, standin, attempts=2)
    assert "no answer" in report.error and stored(empty_store) == {nct(r) for r in SAMPLES[:3]}
    standin.tokens.clear()  # the saved token expires
    standin.requests.clear()
    again = sync(empty_store, standin)
    assert [("pageToken" in r) for r in standin.requests] == [True, False, True, True]
    assert again.restarted and again.complete
    assert (again.counts.added, again.counts.unchanged) == (6, 3) and len(stored(empty_store)) == 9
    assert mark(empty_store) == NEWEST


def test_max_pages_stops_resumably(empty_store: TrialStore, standin: CtgovStandIn) -> None:
    report = sync(empty_store, standin, max_pages=1)
    assert report.pages == 1 and not report.complete and report.error is None and mark(empty_store) is None
    rest = sync(empty_store, standin)
    assert rest.resumed_at_page == 2 and rest.pages == 2 and rest.counts.added == 6 and mark(empty_store) == NEWEST


def test_429_is_retried_after_the_time_asked(empty_store: TrialStore, standin: CtgovStandIn) -> None:
    standin.trouble[1] = [canned(429, "Too Many Requests", Retry_After="2"), canned(503, "busy")]
    waits: list[float] = []
    report = sync(empty_store, standin, attempts=3, sleep=waits.append)
    assert report.complete and report.counts.added == 9
    assert waits[0] == 2.0 and 0 < waits[1] <= 0.002 and len(standin.requests) == 5


def test_backoff_doubles_with_jitter_up_to_a_cap() -> None:
    policy = RetryPolicy(base_delay=1, max_delay=5, max_retry_after=30)
    for retry, ceiling in [(1, 1), (2, 2), (3, 4), (4, 5), (9, 5)]:
        assert all(ceiling / 2 <= policy.delay(retry) <= ceiling for _ in range(20))
    assert policy.delay(1, retry_after=3600) == 30


def test_other_4xx_is_not_retried(empty_store: TrialStore, standin: CtgovStandIn) -> None:
    standin.trouble[1] = [canned(403, "Forbidden")]
    report = sync(empty_store, standin, attempts=5)
    assert len(standin.requests) == 1 and "HTTP 403" in report.error and "Forbidden" in report.error


@pytest.mark.parametrize(
    "answer, message",
    [
        (canned(200, "<html>Maintenance</html>", "text/html"), "text/html, not JSON"),
        (canned(200, '{"studies": [', "application/json"), "not valid JSON"),
    ],
)
def test_answers_that_are_not_json_stop_the_sync(
    empty_store: TrialStore, standin: CtgovStandIn, answer: Canned, message: str
) -> None:
    standin.trouble[2] = [answer] * 3
    report = sync(empty_store, standin, attempts=3)
    assert message in report.error and not report.complete and len(stored(empty_store)) == 3


def test_bad_pages_and_records_are_rejected_and_the_sync_goes_on(
    empty_store: TrialStore, standin: CtgovStandIn
) -> None:
    def bad_record(page: dict) -> dict:
        page["studies"][0]["protocolSection"]["eligibilityModule"]["sex"] = "SOMETIMES"
        return page

    standin.trouble[1] = [bad_record]
    standin.trouble[2] = [lambda page: {k: v for k, v in page.items() if k != "studies"}]
    report = sync(empty_store, standin)
    assert report.complete and not report.ok and report.pages == 3
    record, page = report.counts.rejected
    assert record.nct_id == nct(SAMPLES[0]) and record.field.endswith("sex") and "SOMETIMES" in record.reason
    assert (page.file, page.field) == ("page 2", "studies") and "missing" in page.reason
    assert stored(empty_store) == {nct(r) for r in SAMPLES[1:3] + SAMPLES[6:]}
    assert mark(empty_store) is None  # a page went unread: ask for the same records next time


def test_dry_run_writes_nothing(empty_store: TrialStore, standin: CtgovStandIn) -> None:
    sync(empty_store, standin, max_pages=2)
    touch(standin.records[0], "2024-02-02", "Changed.")
    path = Path(empty_store.engine.url.database)
    before = dump(path)
    report = sync(empty_store, standin, dry_run=True, full=True)
    assert dump(path) == before
    assert report.dry_run and report.complete and report.pages == 3
    assert (report.counts.added, report.counts.updated, report.counts.unchanged) == (3, 1, 5)
    assert report.updated_ids == [nct(standin.records[0])]
    assert "pageToken" not in standin.requests[-3]  # a dry run does not take over the saved position


def test_the_sync_reads_and_writes_only_through_the_store() -> None:
    """TrialStore is the one way in and out of the trial database: sync.py imports no table."""
    tree = ast.parse((REPO_ROOT / "bot" / "trials" / "sync.py").read_text())
    imported = {alias.name for node in ast.walk(tree) if isinstance(node, ast.Import) for alias in node.names}
    imported |= {node.module or "" for node in ast.walk(tree) if isinstance(node, ast.ImportFrom)}
    assert not {name for name in imported if name.startswith(("sqlalchemy", "bot.trials.models"))}


def test_the_store_keeps_meta_values_and_tells_stored_hashes(empty_store: TrialStore, standin: CtgovStandIn) -> None:
    empty_store.write_meta({RESUME_KEY: '{"page": 2}', MARKS_KEY: "{}"})
    empty_store.write_meta({RESUME_KEY: None, MARKS_KEY: '{"q": "2024-01-01"}'})
    assert empty_store.meta(RESUME_KEY) is None and empty_store.meta(MARKS_KEY) == '{"q": "2024-01-01"}'
    assert empty_store.record_hashes([]) == {}
    sync(empty_store, standin, max_pages=1)
    first = nct(standin.records[0])
    hashes = empty_store.record_hashes([first, "NCT00000000"])
    assert list(hashes) == [first] and len(hashes[first]) > 8


def dump(path: Path) -> list[str]:
    with sqlite3.connect(path) as conn:
        return list(conn.iterdump())


# -- the command line -------------------------------------------------------------------------


def cli(*args: str, db: Path, **env: str) -> subprocess.CompletedProcess:
    return subprocess.run(
        [sys.executable, "-m", "bot", "trials", "sync", *args],
        cwd=REPO_ROOT,
        capture_output=True,
        text=True,
        env={"DATABASE_URL": f"sqlite:///{db}", "PATH": "/usr/bin:/bin", "CTGOV_BACKOFF": "0.001", **env},
        timeout=60,
    )


def test_cli_sync_json(standin: CtgovStandIn, tmp_path: Path) -> None:
    db = tmp_path / "trials.db"
    result = cli("--base-url", standin.url, "--page-size", "3", "--json", db=db)
    assert result.returncode == 0, result.stderr
    data = json.loads(result.stdout)
    assert (data["added"], data["updated"], data["unchanged"], data["rejected"]) == (9, 0, 0, [])
    assert data["complete"] and data["pages"] == 3 and len(data["added_ids"]) == 9
    assert "Syncing pages" in result.stderr and "Traceback" not in result.stderr
    again = cli("--page-size", "3", db=db, CTGOV_BASE_URL=standin.url)  # the base URL from the environment
    assert again.returncode == 0 and "unchanged 1" in again.stdout and f"since {NEWEST}" in again.stdout


def test_cli_gives_up_with_exit_1(standin: CtgovStandIn, tmp_path: Path) -> None:
    standin.trouble[2] = [canned(503, "Service Unavailable")] * 2
    result = cli("--base-url", standin.url, "--page-size", "3", "--attempts", "2", db=tmp_path / "t.db")
    assert result.returncode == 1 and "Traceback" not in result.stderr
    assert "error: ClinicalTrials.gov" in result.stderr and "giving up" in result.stderr and "HTTP 503" in result.stderr
    assert "retrying" in result.stderr and "Run the sync again" in result.stdout


def test_cli_help_and_bad_options(tmp_path: Path) -> None:
    helped = cli("--help", db=tmp_path / "t.db")
    assert helped.returncode == 0 and "--since" in helped.stdout and "--dry-run" in helped.stdout
    for args, message in [
        (["--since", "31/01/2025"], "expected a date like 2025-01-31"),
        (["--page-size", "5000"], "1000 or less"),
        (["--full", "--since", "2025-01-01"], "not allowed with"),
    ]:
        result = cli(*args, db=tmp_path / "t.db")
        assert result.returncode == 2 and message in result.stderr and "Traceback" not in result.stderr
