"""The action server's workers (components/server/action_server.py): how many, that each worker
answers behind the token with its own database connections, and that none outlives the server."""

from __future__ import annotations

import json
import os
import shutil
import signal
import subprocess
import sys
import time
import urllib.error
import urllib.request
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path
from typing import Iterator

import pytest
from sqlalchemy import text

from bot.config import REPO_ROOT
from bot.deploy.embedded import free_port
from bot.trials.importer import Importer
from bot.trials.store import TrialStore, make_engine
from components.server.action_server import WORKERS_ENV, default_workers, workers_from
from tests.conftest import SAMPLES_DIR

TOKEN = "test-token-for-workers"
START_SECONDS = 120


def test_workers_default_to_the_cores_and_follow_the_variable() -> None:
    assert workers_from({}) == default_workers() >= 1
    assert workers_from({WORKERS_ENV: " 3 "}) == 3
    for wrong in ("0", "-1", "two"):
        with pytest.raises(ValueError, match=WORKERS_ENV):
            workers_from({WORKERS_ENV: wrong})


def test_a_forked_process_does_not_reuse_the_parents_connections(tmp_path: Path) -> None:
    engine = make_engine(f"sqlite:///{tmp_path / 'x.db'}")
    with engine.connect() as connection:
        connection.execute(text("SELECT 1"))
    parent_pool = engine.pool
    read, write = os.pipe()
    pid = os.fork()
    if pid == 0:  # the child: report whether it still holds the parent's pool, then leave at once
        os.write(write, b"same" if engine.pool is parent_pool else b"new")
        os._exit(0)
    os.waitpid(pid, 0)
    assert os.read(read, 8) == b"new"
    assert engine.pool is parent_pool  # the parent keeps its own
    engine.dispose()


def test_kept_connections_see_what_another_connection_writes(empty_store: TrialStore) -> None:
    """The action server's store keeps its SQLite connections; trials imported meanwhile (by
    staff, another process) are found all the same."""
    reader = TrialStore(make_engine(str(empty_store.engine.url), keep_connections=True))
    assert reader.count() == 0
    report = Importer(empty_store).import_paths([SAMPLES_DIR])
    assert report.ok and report.added
    assert reader.count() == empty_store.count() == report.added
    assert reader.engine.pool.checkedin() == 1  # the same connection, kept between queries
    reader.engine.dispose()


def children(pid: int) -> list[int]:
    path = Path(f"/proc/{pid}/task/{pid}/children")
    return [int(p) for p in path.read_text().split()] if path.exists() else []


def alive(pid: int) -> bool:
    try:
        state = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()[0]
    except OSError:
        return False
    return state != "Z"


@pytest.fixture
def two_workers(shipped_db: Path, tmp_path: Path) -> Iterator[tuple[subprocess.Popen, str]]:
    database = tmp_path / "trials.db"
    shutil.copy(shipped_db, database)
    port = free_port()
    env = {
        **os.environ,
        "ACTION_SERVER_TOKEN": TOKEN,
        WORKERS_ENV: "2",
        "DATABASE_URL": f"sqlite:///{database}",
    }
    log = open(tmp_path / "actions.log", "wb")
    server = subprocess.Popen(
        [sys.executable, "-m", "components.server.action_server", "--port", str(port)],
        cwd=REPO_ROOT,
        env=env,
        stdout=log,
        stderr=subprocess.STDOUT,
    )
    url = f"http://127.0.0.1:{port}"
    deadline = time.monotonic() + START_SECONDS
    while len(children(server.pid)) < 2 or not answers(f"{url}/health"):
        assert server.poll() is None and time.monotonic() < deadline, (tmp_path / "actions.log").read_text()[-2000:]
        time.sleep(0.5)
    try:
        yield server, url
    finally:
        if server.poll() is None:
            server.terminate()
            server.wait(timeout=30)
        log.close()


def answers(url: str) -> bool:
    try:
        with urllib.request.urlopen(url, timeout=2):
            return True
    except OSError:
        return False


def call(url: str, action: str, message: str, intent: str, entities: list[dict], token: str = TOKEN) -> int:
    tracker = {
        "sender_id": "workers-test",
        "slots": {},
        "latest_message": {"text": message, "intent": {"name": intent, "confidence": 1.0}, "entities": entities},
        "events": [],
        "paused": False,
        "followup_action": None,
        "active_loop": {},
        "latest_action_name": "action_listen",
    }
    body = json.dumps({"next_action": action, "sender_id": "workers-test", "tracker": tracker, "domain": {}})
    request = urllib.request.Request(
        f"{url}/webhook?token={token}", data=body.encode(), headers={"Content-Type": "application/json"}
    )
    try:
        with urllib.request.urlopen(request, timeout=60) as response:
            replies = json.loads(response.read())["responses"]
            assert replies and replies[0].get("text"), replies
            return response.status
    except urllib.error.HTTPError as error:
        return error.code


def test_two_workers_answer_behind_the_token_and_die_with_the_server(two_workers: tuple[subprocess.Popen, str]) -> None:
    server, url = two_workers
    workers = children(server.pid)
    assert len(workers) == 2
    lanreotide = [{"entity": "treatment", "value": "lanreotide"}]
    assert call(url, "action_search_trials", "trials for lanreotide", "search_trials", lanreotide, token="wrong") == 401
    # Searches from both workers at once, each on its own connections to the trial database.
    with ThreadPoolExecutor(max_workers=8) as pool:
        statuses = list(
            pool.map(
                lambda n: call(url, "action_search_trials", "trials for lanreotide", "search_trials", lanreotide),
                range(24),
            )
        )
    assert statuses == [200] * 24
    server.send_signal(signal.SIGKILL)  # as a crash would: no clean shutdown to stop the workers
    server.wait(timeout=10)
    deadline = time.monotonic() + 10
    while any(alive(pid) for pid in workers) and time.monotonic() < deadline:
        time.sleep(0.2)
    assert not any(alive(pid) for pid in workers)
    assert not answers(f"{url}/health")
