"""`make bench`, second part: realistic patient conversations under load, through the REST channel.

For each set-up (a bare Rasa bot as the baseline, the assistant on SQLite as one instance, and
the PostgreSQL cluster once bot/deploy provides it) and each number of simulated users, runs
Locust headless with scripts/load/locustfile.py, reads its CSV statistics (requests per second,
p50/p95/p99, errors), then reads every conversation's tracker back from the Rasa HTTP API and
compares its user messages with what the simulated users sent (none lost, none duplicated).
Writes its own section of docs/benchmarks.md and leaves the other sections alone. A
measurement, not a test: nothing fails when a target is missed, the page just says so.

    .venv/bin/python -m scripts.load_bench [--levels 1,10,20,50,100] [--seconds 35]
        [--setups bare,sqlite,postgres] [--ramp 5] [--min-wait 1] [--max-wait 3]

Locust runs from its own venv (.venv-load, scripts/setup-load.sh). RASA_AUTH_TOKEN, when set,
is sent as `?token=` to the tracker API (and given to the servers this script starts).
"""

from __future__ import annotations

import argparse
import csv
import json
import math
import os
import shlex
import subprocess
import sys
import urllib.error
import urllib.parse
import urllib.request
from collections import Counter
from contextlib import contextmanager
from dataclasses import dataclass, field
from datetime import datetime, timezone
from pathlib import Path
from typing import Callable, ContextManager, Iterator, Optional

from bot.config import REPO_ROOT
from scripts import bench
from scripts.bench import machine_and_command

SECTION = "conversations-under-load"
LOCUSTFILE = REPO_ROOT / "scripts" / "load" / "locustfile.py"
LOCUST = REPO_ROOT / ".venv-load" / "bin" / "locust"
BARE_BOT_DIR = REPO_ROOT / "scripts" / "load" / "bare_bot"
WORK_DIR = REPO_ROOT / "var" / "bench" / "load"
RASA = Path(sys.executable).with_name("rasa")
DEFAULT_LEVELS = (1, 10, 20, 50, 100)
DEFAULT_SECONDS, DEFAULT_RAMP = 35, 5
START_TIMEOUT = 240
# Targets of issue 7.
CORRECTNESS_USERS = 50  # 0 errors and no lost or duplicated message at this many users
LATENCY_USERS, LATENCY_P95_MS = 20, 300.0  # p95 at this many users


# -- Locust's statistics ---------------------------------------------------------------------
@dataclass
class RequestStats:
    """One row of Locust's <prefix>_stats.csv (times in ms; None where Locust wrote N/A)."""

    name: str
    requests: int
    failures: int
    rps: float
    p50: Optional[float]
    p95: Optional[float]
    p99: Optional[float]
    max: Optional[float]


def _number(value: str) -> Optional[float]:
    value = (value or "").strip()
    if not value or value.upper() == "N/A":
        return None
    return float(value)


def parse_stats(path: Path) -> dict[str, RequestStats]:
    """Locust's stats CSV (<prefix>_stats.csv, or the locustfile's <prefix>_final_stats.csv) by
    request name; the total is under "Aggregated"."""
    rows: dict[str, RequestStats] = {}
    with open(path, newline="", encoding="utf-8") as handle:
        for row in csv.DictReader(handle):
            rows[row["Name"]] = RequestStats(
                name=row["Name"],
                requests=int(row["Request Count"]),
                failures=int(row["Failure Count"]),
                rps=_number(row["Requests/s"]) or 0.0,
                p50=_number(row["50%"]),
                p95=_number(row["95%"]),
                p99=_number(row["99%"]),
                max=_number(row["Max Response Time"]),
            )
    if "Aggregated" not in rows:
        raise ValueError(f"{path}: no Aggregated row; is this Locust's _stats.csv?")
    return rows


def parse_failures(path: Path) -> list[tuple[str, str, int]]:
    """Locust's <prefix>_failures.csv: (request name, error, occurrences), most frequent first."""
    if not path.exists():
        return []
    with open(path, newline="", encoding="utf-8") as handle:
        rows = [(r["Name"], r["Error"], int(r["Occurrences"])) for r in csv.DictReader(handle)]
    return sorted(rows, key=lambda r: -r[2])


# -- lost and duplicated messages ------------------------------------------------------------
@dataclass
class ConversationCheck:
    """What the trackers kept, compared with what the simulated users sent."""

    senders: int = 0
    sent: int = 0
    answered: int = 0  # acknowledged with a proper reply
    lost: int = 0  # answered, yet missing from the tracker
    duplicated: int = 0  # in the tracker more often than sent
    out_of_order: int = 0  # conversations whose tracker has the messages in another order
    unanswered_kept: int = 0  # errors or cut-off requests that still reached the tracker (not a loss)
    unavailable: Optional[str] = None  # why the trackers could not be read
    examples: list[str] = field(default_factory=list)

    @property
    def ok(self) -> bool:
        return self.unavailable is None and not (self.lost or self.duplicated or self.out_of_order)


def user_texts(tracker: dict) -> list[str]:
    """The user messages of a tracker (Rasa's GET /conversations/<id>/tracker), in order."""
    return [(e.get("text") or "").strip() for e in tracker.get("events", []) if e.get("event") == "user"]


def _is_subsequence(items: list[str], within: list[str]) -> bool:
    remaining = iter(within)
    return all(any(item == candidate for candidate in remaining) for item in items)


def compare_conversation(sent: list[dict], kept: list[str], check: ConversationCheck, sender: str) -> None:
    """Adds one conversation to `check`. A message answered with status 200 must be in the
    tracker once; one that failed or was cut off may be there (Rasa may have handled it) or not,
    but never more often than it was sent."""
    check.senders += 1
    check.sent += len(sent)
    texts = [str(m["text"]).strip() for m in sent]
    answered = Counter(str(m["text"]).strip() for m in sent if m.get("status") == 200 and not m.get("error"))
    check.answered += sum(answered.values())
    all_sent, in_tracker = Counter(texts), Counter(kept)
    for text in all_sent.keys() | in_tracker.keys():
        lost = max(0, answered[text] - in_tracker[text])
        duplicated = max(0, in_tracker[text] - all_sent[text])
        check.lost += lost
        check.duplicated += duplicated
        check.unanswered_kept += max(0, min(in_tracker[text], all_sent[text]) - answered[text])
        if (lost or duplicated) and len(check.examples) < 5:
            check.examples.append(
                f"{sender}: {text!r} sent {all_sent[text]}, answered {answered[text]}, "
                f"in the tracker {in_tracker[text]}"
            )
    once: list[str] = []
    seen: Counter[str] = Counter()  # the tracker's messages, duplicates aside, for the order
    for text in kept:
        seen[text] += 1
        if seen[text] <= all_sent[text]:
            once.append(text)
    if not _is_subsequence(once, texts):
        check.out_of_order += 1
        if len(check.examples) < 5:
            check.examples.append(f"{sender}: tracker order {kept} differs from sent order {texts}")


class TrackerUnavailable(Exception):
    pass


def fetch_tracker(base_url: str, sender: str, token: Optional[str] = None, timeout: float = 30) -> dict:
    query = {"include_events": "ALL"}
    if token:
        query["token"] = token
    url = f"{base_url}/conversations/{urllib.parse.quote(sender, safe='')}/tracker?{urllib.parse.urlencode(query)}"
    try:
        with urllib.request.urlopen(url, timeout=timeout) as response:
            return json.loads(response.read().decode())
    except urllib.error.HTTPError as error:
        if error.code in (401, 403, 404, 405):
            raise TrackerUnavailable(
                f"GET /conversations/<id>/tracker answered {error.code}: the Rasa server runs without "
                "--enable-api" + (" or the token differs" if error.code in (401, 403) else "")
            ) from error
        raise


def check_conversations(sent_log: Path, get_tracker: Callable[[str], dict]) -> ConversationCheck:
    """Compares every sender in Locust's sent log with the tracker `get_tracker` returns."""
    senders: dict[str, list[dict]] = json.loads(sent_log.read_text(encoding="utf-8"))["senders"]
    check = ConversationCheck()
    for sender, sent in sorted(senders.items()):
        try:
            tracker = get_tracker(sender)
        except TrackerUnavailable as error:
            return ConversationCheck(
                senders=len(senders), sent=sum(len(s) for s in senders.values()), unavailable=str(error)
            )
        compare_conversation(sent, user_texts(tracker), check, sender)
    return check


# -- one level of users ----------------------------------------------------------------------
@dataclass
class LevelResult:
    users: int
    seconds: int
    stats: dict[str, RequestStats]
    failures: list[tuple[str, str, int]]
    check: ConversationCheck
    load: float  # 1-minute load average at the end of the level
    locust_exit: int

    @property
    def total(self) -> RequestStats:
        return self.stats["Aggregated"]


def load_average() -> float:
    try:
        return os.getloadavg()[0]
    except OSError:
        return float("nan")


def locust_command(
    base_url: str,
    users: int,
    seconds: int,
    ramp: int,
    prefix: Path,
    sent_log: Path,
    run_id: str,
    min_wait: float,
    max_wait: float,
    reply_timeout: float,
) -> list[str]:
    rate = max(1, math.ceil(users / max(ramp, 1)))
    return [
        str(LOCUST),
        "-f",
        str(LOCUSTFILE),
        "--headless",
        "-u",
        str(users),
        "-r",
        str(rate),
        "-t",
        f"{seconds}s",
        "--host",
        base_url,
        "--csv",
        str(prefix),
        "--only-summary",
        "--stop-timeout",
        str(int(reply_timeout) + 5),
        "--loglevel",
        "WARNING",
        "--sent-log",
        str(sent_log),
        "--run-id",
        run_id,
        "--min-wait",
        str(min_wait),
        "--max-wait",
        str(max_wait),
        "--reply-timeout",
        str(reply_timeout),
    ]


def run_level(
    base_url: str,
    users: int,
    seconds: int,
    ramp: int,
    folder: Path,
    run_id: str,
    min_wait: float = 1.0,
    max_wait: float = 3.0,
    reply_timeout: float = 30.0,
    token: Optional[str] = None,
) -> LevelResult:
    """Locust headless at `users` for `seconds`, then the tracker check of every conversation."""
    folder.mkdir(parents=True, exist_ok=True)
    prefix, sent_log = folder / "locust", folder / "sent.json"
    for old in folder.glob("locust*"):
        old.unlink()
    sent_log.unlink(missing_ok=True)
    if not LOCUST.exists():
        raise SystemExit(f"{LOCUST} is missing: run `bash scripts/setup-load.sh` first.")
    command = locust_command(
        base_url, users, seconds, ramp, prefix, sent_log, run_id, min_wait, max_wait, reply_timeout
    )
    with open(folder / "locust.log", "w", encoding="utf-8") as log:
        exit_code = subprocess.run(
            command,
            cwd=REPO_ROOT,
            stdout=log,
            stderr=subprocess.STDOUT,
            stdin=subprocess.DEVNULL,
            timeout=seconds + reply_timeout + 120,
        ).returncode
    stats_file = Path(f"{prefix}_final_stats.csv")  # written by the locustfile once every user stopped
    if not stats_file.exists() or not sent_log.exists():
        tail = (folder / "locust.log").read_text(encoding="utf-8")[-3000:]
        raise RuntimeError(f"Locust wrote no statistics (exit {exit_code}); its log ends:\n{tail}")
    load = load_average()
    check = check_conversations(sent_log, lambda sender: fetch_tracker(base_url, sender, token))
    return LevelResult(
        users,
        seconds,
        parse_stats(stats_file),
        parse_failures(Path(f"{prefix}_final_failures.csv")),
        check,
        load,
        exit_code,
    )


def warm_up(base_url: str, run_id: str) -> None:
    """One conversation with every kind of message before measuring, so that first-use costs
    (loading, caches: the first "who can join" of a trial takes seconds) are not counted."""

    def say(text: str) -> list[dict]:
        body = json.dumps({"sender": f"{run_id}-warmup", "message": text}).encode()
        request = urllib.request.Request(
            f"{base_url}/webhooks/rest/webhook", data=body, headers={"Content-Type": "application/json"}
        )
        with urllib.request.urlopen(request, timeout=120) as response:
            return json.loads(response.read().decode() or "[]")

    say("hello")
    replies = say("any open trials for pancreatic net")
    payload = next(
        (
            b.get("payload")
            for r in replies
            for b in (r.get("buttons") or [])
            if str(b.get("payload", "")).startswith("/show_trial")
        ),
        "tell me about NCT07273409",
    )
    for text in (payload, "who can join", "what is PRRT", "can I talk to a nurse", "thank you", "bye"):
        say(text)


# -- the set-ups -----------------------------------------------------------------------------
def bare_model() -> Path:
    """The bare bot's model in var/bench/, trained only when scripts/load/bare_bot/ changed
    (named by the same hash of config, domain and data as bot/modelcache.py uses)."""
    from bot.modelcache import inputs_hash

    name = f"bare-{inputs_hash(BARE_BOT_DIR)}"
    target = WORK_DIR.parent / f"{name}.tar.gz"
    if target.exists():
        return target
    target.parent.mkdir(parents=True, exist_ok=True)
    print(f"Training the bare Rasa bot: {target.name}", flush=True)
    env = {**os.environ, "TF_CPP_MIN_LOG_LEVEL": "2", "SQLALCHEMY_SILENCE_UBER_WARNING": "1"}
    result = subprocess.run(
        [
            str(RASA),
            "train",
            "--config",
            "config.yml",
            "--domain",
            "domain.yml",
            "--data",
            "data",
            "--out",
            str(target.parent),
            "--fixed-model-name",
            name,
        ],
        cwd=BARE_BOT_DIR,
        env=env,
        capture_output=True,
        text=True,
    )
    if result.returncode != 0 or not target.exists():
        raise RuntimeError(
            f"training the bare bot failed (exit {result.returncode}):\n{result.stdout[-3000:]}{result.stderr[-3000:]}"
        )
    return target


@contextmanager
def bare_bot(folder: Path, model: Optional[Path] = None) -> Iterator[str]:
    """(a) Rasa with the bare bot's model (not the assistant's `model`): Rasa's own REST channel,
    no action server, run from the bot's folder so that no file of the assistant is picked up.
    Started like the assistant's Rasa, so RASA_AUTH_TOKEN guards its API the same way."""
    from bot.deploy.embedded import free_port
    from bot.deploy.entry_points import RASA_SERVER
    from bot.deploy.processes import ManagedProcess, wait_until_ready

    port = free_port()
    base = f"http://127.0.0.1:{port}"
    rasa = ManagedProcess(
        "bare Rasa bot",
        [
            sys.executable,
            "-m",
            RASA_SERVER,
            "run",
            "--model",
            str(bare_model()),
            "--interface",
            "127.0.0.1",
            "--port",
            str(port),
            "--credentials",
            "credentials.yml",
            "--enable-api",
        ],
        folder / "rasa.log",
        f"{base}/",
        env={"TF_CPP_MIN_LOG_LEVEL": "2", "PYTHONPATH": str(REPO_ROOT)},
        cwd=BARE_BOT_DIR,
    )
    rasa.start()
    try:
        wait_until_ready([rasa], START_TIMEOUT)
        yield base
    finally:
        rasa.stop()


@contextmanager
def sqlite_one_instance(folder: Path, model: Optional[Path] = None) -> Iterator[str]:
    """(b) The assistant as `make run` starts it: one Rasa server (in-memory tracker store) and
    one action server, the shipped trials in a fresh SQLite file. Rasa's HTTP API is on for the
    tracker check (behind RASA_AUTH_TOKEN when it is set)."""
    from bot.config import SHIPPED_TRIALS_DIR
    from bot.deploy.embedded import running_embedded
    from bot.modelcache import ensure_model
    from bot.trials.importer import Importer
    from bot.trials.store import TrialStore, make_engine

    db = folder / "trials.db"
    for old in folder.glob("trials.db*"):
        old.unlink()
    store = TrialStore(make_engine(f"sqlite:///{db}"))
    store.create_schema()
    report = Importer(store).import_paths([SHIPPED_TRIALS_DIR])
    store.engine.dispose()
    if not report.ok:
        raise RuntimeError(f"importing the shipped trials failed: {report.summary()}")
    with running_embedded(model or ensure_model(quiet=True), f"sqlite:///{db}", folder, enable_api=True) as base:
        yield base


@contextmanager
def postgres_two_instances(folder: Path, model: Optional[Path] = None) -> Iterator[str]:
    """(c) `make prod`'s set-up: two Rasa instances behind nginx sharing a PostgreSQL tracker
    store and Redis locks and rate limit, the guarded action server, trials in PostgreSQL.
    Both databases are made afresh for each run (PostgreSQL at BENCH_POSTGRES_URL's server)."""
    from bot.deploy.embedded import free_port
    from bot.deploy.settings import ProductionSettings
    from bot.deploy.stack import ProductionStack, drop_database_if_exists
    from bot.modelcache import ensure_model

    server = os.environ.get("BENCH_POSTGRES_URL", "postgresql://postgres@127.0.0.1:5432").rstrip("/")
    settings = ProductionSettings(
        database_url=f"{server}/net_trials_bench",
        tracker_store_url=f"{server}/net_trials_bench_conversations",
        run_dir=folder,
        public_port=free_port(),
        rasa_ports=(free_port(), free_port()),
        actions_port=free_port(),
    )
    for url in (settings.database_url, settings.tracker_store_url):
        drop_database_if_exists(url)
    os.environ["RASA_AUTH_TOKEN"] = settings.rasa_auth_token  # the runner reads the trackers with it
    with ProductionStack(settings, model or ensure_model(quiet=True), web_port=None) as stack:
        yield stack.public_url


@dataclass
class Setup:
    title: str
    # (folder for its logs and files, the assistant's model or None for the current one)
    #   -> a context manager yielding the base URL of the REST channel and of Rasa's HTTP API,
    #      which takes RASA_AUTH_TOKEN from the environment (read after the set-up started)
    start: Optional[Callable[[Path, Optional[Path]], ContextManager[str]]]


# name -> how to start it.
SETUPS: dict[str, Setup] = {
    "bare": Setup("bare Rasa bot", bare_bot),
    "sqlite": Setup("SQLite, one instance", sqlite_one_instance),
    "postgres": Setup("PostgreSQL, two Rasa instances behind nginx", postgres_two_instances),
}


@dataclass
class SetupResult:
    key: str
    title: str
    levels: list[LevelResult]
    load_before: float
    skipped: Optional[str] = None  # why it was not measured at all
    problem: Optional[str] = None  # why it stopped before the last level


def run_setup(
    key: str,
    levels: list[int],
    seconds: int,
    ramp: int,
    min_wait: float,
    max_wait: float,
    reply_timeout: float,
    stamp: str,
    model: Optional[Path] = None,
) -> SetupResult:
    setup = SETUPS[key]
    if setup.start is None:
        return SetupResult(key, setup.title, [], load_average(), skipped="no set-up to start yet (bot/deploy)")
    folder = WORK_DIR / key
    folder.mkdir(parents=True, exist_ok=True)
    print(f"{setup.title}: starting", flush=True)
    result = SetupResult(key, setup.title, [], load_average())
    try:
        with setup.start(folder, model) as base:
            warm_up(base, f"{stamp}-{key}")
            result.load_before = load_average()
            token = os.environ.get("RASA_AUTH_TOKEN", "").strip() or None  # read once the set-up started
            _run_levels(result, base, levels, seconds, ramp, min_wait, max_wait, reply_timeout, stamp, token)
    except Exception as error:  # noqa: BLE001 - the other set-ups still run; the page says what failed
        result.problem = f"{type(error).__name__}: {str(error).strip()[-600:]}"
        print(f"{setup.title}: stopped: {result.problem}", file=sys.stderr, flush=True)
        if not result.levels:
            result.skipped = f"it failed ({result.problem})"
    return result


def _run_levels(
    result: SetupResult,
    base: str,
    levels: list[int],
    seconds: int,
    ramp: int,
    min_wait: float,
    max_wait: float,
    reply_timeout: float,
    stamp: str,
    token: Optional[str],
) -> None:
    folder, key = WORK_DIR / result.key, result.key
    for users in levels:
        level = run_level(
            base,
            users,
            seconds,
            ramp,
            folder / f"u{users}",
            f"{stamp}-{key}-u{users}",
            min_wait,
            max_wait,
            reply_timeout,
            token,
        )
        result.levels.append(level)
        t, c = level.total, level.check
        checked = "trackers not checked" if c.unavailable else f"lost {c.lost}, duplicated {c.duplicated}"
        print(
            f"{result.title}: {users:>3} users  {t.requests:>5} requests  {t.rps:5.1f}/s  "
            f"p50 {_ms(t.p50)}  p95 {_ms(t.p95)}  p99 {_ms(t.p99)} ms  errors {t.failures}  {checked}  "
            f"load {level.load:.1f}",
            flush=True,
        )


# -- the page --------------------------------------------------------------------------------
def _ms(value: Optional[float]) -> str:
    return "n/a" if value is None else f"{value:,.0f}"


def _level(result: SetupResult, users: int) -> Optional[LevelResult]:
    return next((level for level in result.levels if level.users == users), None)


def _setup_table(result: SetupResult) -> list[str]:
    lines = [f"### {result.title}", ""]
    if result.skipped:
        return lines + [f"Not measured: {result.skipped}.", ""]
    if result.problem:
        lines += [f"**Stopped after {result.levels[-1].users} users**: {result.problem}", ""]
    lines += [
        "| Users | Requests | Conversations | Requests/s | p50 (ms) | p95 (ms) | p99 (ms) | Max (ms) "
        "| Errors | Lost | Duplicated | Load |",
        "|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|",
    ]
    for level in result.levels:
        t, c = level.total, level.check
        lost, dup = ("not checked", "not checked") if c.unavailable else (f"{c.lost}", f"{c.duplicated}")
        lines.append(
            f"| {level.users} | {t.requests:,} | {c.senders:,} | {t.rps:.1f} | {_ms(t.p50)} | {_ms(t.p95)} "
            f"| {_ms(t.p99)} | {_ms(t.max)} | {t.failures:,} | {lost} | {dup} | {level.load:.1f} |"
        )
    kinds = sorted({name for level in result.levels for name in level.stats if name != "Aggregated"})
    if kinds:
        lines += [
            "",
            "p95 (ms) by kind of message:",
            "",
            "| Message | " + " | ".join(f"{level.users} users" for level in result.levels) + " |",
            "|---|" + "---:|" * len(result.levels),
        ]
        for kind in kinds:
            cells = [_ms(level.stats[kind].p95) if kind in level.stats else "" for level in result.levels]
            lines.append(f"| {kind} | " + " | ".join(cells) + " |")
    notes = []
    for level in result.levels:
        c = level.check
        if c.unavailable:
            notes.append(f"{level.users} users: trackers not checked ({c.unavailable}).")
        elif c.out_of_order:
            notes.append(f"{level.users} users: {c.out_of_order} conversations with messages out of order.")
        if c.unanswered_kept:
            notes.append(
                f"{level.users} users: {c.unanswered_kept} messages that got no proper reply were "
                "still handled (they are in the tracker)."
            )
        for name, error, count in level.failures[:3]:
            notes.append(f"{level.users} users: {count} × `{name}`: {error.strip()[:160]}")
        for example in c.examples[:3]:
            notes.append(f"{level.users} users: {example}")
    if notes:
        lines += ["", *[f"- {note}" for note in notes]]
    return lines + [""]


def _targets(results: list[SetupResult]) -> list[str]:
    lines = ["### Targets", "", "| Target | Set-up | Measured | Met |", "|---|---|---|---|"]
    for result in results:
        if result.skipped:
            continue
        level = _level(result, CORRECTNESS_USERS)
        if level is None:
            lines.append(
                f"| 0 errors, none lost or duplicated at {CORRECTNESS_USERS} users | {result.title} "
                "| not run at that level | |"
            )
        else:
            c = level.check
            measured = f"{level.total.failures} errors, " + (
                "trackers not checked"
                if c.unavailable
                else f"{c.lost} lost, {c.duplicated} duplicated"
                + (f", {c.out_of_order} out of order" if c.out_of_order else "")
            )
            met = level.total.failures == 0 and c.ok
            lines.append(
                f"| 0 errors, none lost or duplicated at {CORRECTNESS_USERS} users | {result.title} "
                f"| {measured} | {'yes' if met else '**no**'} |"
            )
    for result in results:
        if result.skipped:
            continue
        level = _level(result, LATENCY_USERS)
        if level is None or level.total.p95 is None:
            lines.append(
                f"| p95 ≤ {LATENCY_P95_MS:.0f} ms at {LATENCY_USERS} users | {result.title} | not run at that level | |"
            )
        else:
            met = level.total.p95 <= LATENCY_P95_MS
            lines.append(
                f"| p95 ≤ {LATENCY_P95_MS:.0f} ms at {LATENCY_USERS} users | {result.title} "
                f"| {_ms(level.total.p95)} ms | {'yes' if met else '**no**'} |"
            )
    return lines


def _against_bare(results: list[SetupResult]) -> list[str]:
    """One line per set-up: its p50 against the bare bot's, at the levels both ran."""
    bare = next((r for r in results if r.key == "bare" and r.levels), None)
    if bare is None:
        return []
    lines = []
    for result in results:
        if result is bare or not result.levels:
            continue
        ratios = []
        for level in result.levels:
            base = _level(bare, level.users)
            if base and base.total.p50 and level.total.p50:
                ratio = level.total.p50 / base.total.p50
                ratios.append(f"{ratio:.1f}× at {level.users}" if ratio < 10 else f"{ratio:.0f}× at {level.users}")
        if ratios:
            lines.append(f"- *{result.title}*: {', '.join(ratios)} users.")
    return (
        [
            "",
            "Median reply time against the bare Rasa bot's at the same number of users (what the "
            "assistant's own work costs: spaCy, its policies, the actions and the database, and the queue "
            "that builds when a server cannot keep up):",
            "",
            *lines,
        ]
        if lines
        else []
    )


def render_section(
    results: list[SetupResult],
    machine_info: dict[str, str],
    command: str,
    when: datetime,
    seconds: int,
    ramp: int,
    min_wait: float,
    max_wait: float,
    reply_timeout: float,
    locust_version: str,
) -> str:
    lines = [
        f"<!-- bench:{SECTION} -->",
        "## Conversations under load",
        "",
        f"Written by `make bench` (scripts/load_bench.py) on {when:%Y-%m-%d %H:%M} UTC. "
        f"Everything between the `bench:{SECTION}` markers is replaced on the next run.",
        "",
        "### What runs",
        "",
        f"Simulated patients ({locust_version}, `scripts/load/locustfile.py`) post to the REST channel "
        "(`/webhooks/rest/webhook`) as a chat page would. Each holds one conversation after another, "
        'each under a new sender id: a greeting, a trial search ("trials for lanreotide in the UK", '
        '"any open trials for pancreatic net"), the first trial\'s details through the payload of its '
        '"See NCT..." button, "who can join", a knowledge question ("what is PRRT", "what is a '
        f'placebo"), the nurse helpline, thanks and goodbye, in four orders, pausing {min_wait:g}-{max_wait:g} s '
        f"before every message. Each level of users runs {seconds} s, users starting over the first "
        f"{ramp} s. A reply is an error when its status is not 200, its body is not a JSON list or the "
        f"list is empty, or none comes within {reply_timeout:g} s. Afterwards every conversation's tracker "
        "is read back (`GET /conversations/<id>/tracker`) and its user messages compared with what was "
        "sent: *lost* is a message answered yet missing from the tracker, *duplicated* one kept more often "
        "than it was sent. Percentiles are Locust's (it rounds times above 100 ms to two significant "
        "digits); *Requests/s* counts from the first to the last request of the level; *Load* is the "
        "machine's 1-minute load average at the end of the level.",
        "",
        "The set-ups: the **bare Rasa bot** (`scripts/load/bare_bot/`: whitespace tokens, word counts, "
        "logistic regression, rules, no custom actions) shows what Rasa itself costs per message here; "
        "**SQLite, one instance** is the assistant as `make run` starts it (one Rasa server, one action "
        f"server of {action_workers()} worker processes (`ACTIONS_WORKERS`), the shipped trials in SQLite); "
        "**PostgreSQL, two Rasa instances behind nginx** is the production shape, with the same action "
        "server. Locust runs on the same machine and takes some of its processor.",
        "",
        *machine_and_command(
            machine_info,
            "; ".join(f"{r.load_before:.1f} as *{r.title}* started" for r in results if not r.skipped),
            "make bench   # runs the line below with the defaults, after scripts/bench.py",
            command,
        ),
    ]
    for result in results:
        lines += _setup_table(result)
    lines += _targets(results) + _against_bare(results)
    lines.append(f"<!-- /bench:{SECTION} -->")
    return "\n".join(lines) + "\n"


def action_workers() -> int:
    """How many processes the set-ups' action servers run (ACTIONS_WORKERS, else one per core)."""
    from components.server.action_server import workers_from

    return workers_from(os.environ)


def replace_section(document: str, section: str) -> str:
    """docs/benchmarks.md with this benchmark's section replaced; the others untouched."""
    return bench.replace_section(document, section, SECTION)


def locust_version() -> str:
    try:
        out = subprocess.run([str(LOCUST), "--version"], capture_output=True, text=True, timeout=60).stdout
        return " ".join(out.split()[:2]).replace("locust", "Locust") or "Locust"
    except OSError:
        return "Locust"


def main(argv: Optional[list[str]] = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m scripts.load_bench", description=__doc__.split("\n\n")[0])
    parser.add_argument(
        "--levels", default=",".join(map(str, DEFAULT_LEVELS)), help="numbers of simulated users, comma-separated"
    )
    parser.add_argument("--seconds", type=int, default=DEFAULT_SECONDS, help="duration of each level")
    parser.add_argument("--ramp", type=int, default=DEFAULT_RAMP, help="seconds over which the users start")
    parser.add_argument("--setups", default=",".join(SETUPS), help=f"which set-ups: {', '.join(SETUPS)}")
    parser.add_argument("--min-wait", type=float, default=1.0, help="shortest pause before a message (s)")
    parser.add_argument("--max-wait", type=float, default=3.0, help="longest pause before a message (s)")
    parser.add_argument("--reply-timeout", type=float, default=30.0, help="seconds before a reply is an error")
    parser.add_argument(
        "--model",
        type=Path,
        help="the assistant's model (default: the one for the current data, trained first if missing)",
    )
    parser.add_argument("--output", type=Path, default=REPO_ROOT / "docs" / "benchmarks.md")
    args = parser.parse_args(argv)
    try:
        levels = [int(v) for v in args.levels.split(",") if v.strip()]
    except ValueError:
        parser.error("--levels takes whole numbers, comma-separated")
    keys = [k.strip() for k in args.setups.split(",") if k.strip()]
    if not levels or min(levels) < 1 or args.seconds < 5 or not keys or set(keys) - set(SETUPS):
        parser.error(f"--levels must be at least 1, --seconds at least 5, --setups among {', '.join(SETUPS)}")
    if not 0 <= args.min_wait <= args.max_wait:
        parser.error("--min-wait must be between 0 and --max-wait")
    if args.model and not args.model.exists():
        parser.error(f"--model {args.model}: no such file")
    if not LOCUST.exists():
        print(f"{LOCUST} is missing: run `bash scripts/setup-load.sh` first.", file=sys.stderr)
        return 2

    stamp = datetime.now(timezone.utc).strftime("%Y%m%d%H%M%S")
    WORK_DIR.mkdir(parents=True, exist_ok=True)
    results = [
        run_setup(
            key, levels, args.seconds, args.ramp, args.min_wait, args.max_wait, args.reply_timeout, stamp, args.model
        )
        for key in keys
    ]
    command = shlex.join(
        [
            ".venv/bin/python",
            "-m",
            "scripts.load_bench",
            "--levels",
            ",".join(map(str, levels)),
            "--seconds",
            str(args.seconds),
            "--ramp",
            str(args.ramp),
            "--setups",
            ",".join(keys),
            *(["--model", str(args.model)] if args.model else []),
        ]
    )
    section = render_section(
        results,
        bench.machine(WORK_DIR),
        command,
        datetime.now(timezone.utc),
        args.seconds,
        args.ramp,
        args.min_wait,
        args.max_wait,
        args.reply_timeout,
        locust_version(),
    )
    bench.write_section(args.output, section, SECTION)
    print(f"written: {args.output}")
    return 1 if any(r.problem for r in results) else 0


if __name__ == "__main__":
    raise SystemExit(main())
