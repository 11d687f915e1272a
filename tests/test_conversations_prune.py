"""Retention: `python -m bot conversations prune` on a real Rasa SQL tracker store (SQLite, and
PostgreSQL when it is reachable): old conversations go whole, recent ones stay untouched."""

from __future__ import annotations

import asyncio
import os
import subprocess
import sys
import time
from pathlib import Path

from rasa.core.tracker_store import SQLTrackerStore
from rasa.shared.core.events import ActionExecuted, BotUttered, UserUttered
from rasa.shared.core.trackers import DialogueStateTracker
from sqlalchemy import create_engine, text

from bot.config import REPO_ROOT
from bot.conversations.prune import SECONDS_PER_DAY, prune_conversations
from tests.conftest import fresh_postgres_database

NOW = time.time()


def conversation(sender: str, days_ago: float, turns: int = 2) -> DialogueStateTracker:
    start = NOW - days_ago * SECONDS_PER_DAY
    events = []
    for turn in range(turns):
        at = start + turn * 60
        events += [
            UserUttered(f"question {turn}", timestamp=at),
            ActionExecuted("action_listen", timestamp=at + 1),
            BotUttered(f"answer {turn}", timestamp=at + 2),
        ]
    return DialogueStateTracker.from_events(sender, events)


def fill(store: SQLTrackerStore) -> None:
    async def save_all() -> None:
        await store.save(conversation("old-1", days_ago=45))
        await store.save(conversation("old-2", days_ago=31, turns=3))
        await store.save(conversation("recent", days_ago=2))
        # Began long ago, still going on yesterday: kept whole.
        long_one = conversation("ongoing", days_ago=60)
        long_one.update(UserUttered("still here", timestamp=NOW - SECONDS_PER_DAY))
        await store.save(long_one)

    asyncio.run(save_all())


def senders(url: str) -> dict[str, int]:
    engine = create_engine(url, future=True)
    with engine.connect() as conn:
        rows = conn.execute(text("SELECT sender_id, count(*) FROM events GROUP BY sender_id")).all()
    engine.dispose()
    return dict(rows)


def check_prune(url: str) -> None:
    engine = create_engine(url, future=True)
    before = senders(url)
    dry = prune_conversations(engine, 30, now=NOW, dry_run=True)
    assert (dry.conversations, dry.events) == (2, before["old-1"] + before["old-2"])
    assert senders(url) == before  # a dry run deletes nothing
    done = prune_conversations(engine, 30, now=NOW)
    assert (done.conversations, done.events) == (2, dry.events)
    assert senders(url) == {"recent": before["recent"], "ongoing": before["ongoing"]}
    assert prune_conversations(engine, 30, now=NOW).conversations == 0  # nothing more to do
    engine.dispose()


def test_prune_on_a_sqlite_tracker_store(tmp_path: Path) -> None:
    path = tmp_path / "tracker.db"
    fill(SQLTrackerStore(dialect="sqlite", db=str(path)))
    check_prune(f"sqlite:///{path}")


def test_prune_on_a_postgresql_tracker_store() -> None:
    with fresh_postgres_database("net_tracker_test") as url:
        engine = create_engine(url, future=True)
        store = SQLTrackerStore(
            dialect="postgresql",
            host=engine.url.host,
            port=engine.url.port,
            db=engine.url.database,
            username=engine.url.username,
        )
        fill(store)
        store.engine.dispose()
        engine.dispose()
        check_prune(url)


def run_cli(*args: str, env: dict[str, str]) -> subprocess.CompletedProcess:
    return subprocess.run(
        [sys.executable, "-m", "bot", "conversations", "prune", *args],
        cwd=REPO_ROOT,
        env={**os.environ, **env},
        capture_output=True,
        text=True,
        timeout=120,
    )


def test_the_command(tmp_path: Path) -> None:
    path = tmp_path / "tracker.db"
    fill(SQLTrackerStore(dialect="sqlite", db=str(path)))
    url = f"sqlite:///{path}"
    dry = run_cli("--dry-run", env={"TRACKER_STORE_URL": url})
    assert dry.returncode == 0 and dry.stdout.startswith("Would delete 2 conversations"), dry.stderr
    done = run_cli("--older-than-days", "30", "--tracker-url", url, env={})
    assert done.returncode == 0 and done.stdout.startswith("Deleted 2 conversations"), done.stderr
    assert set(senders(url)) == {"recent", "ongoing"}
    none = run_cli(env={"TRACKER_STORE_URL": ""})
    assert none.returncode == 2 and "TRACKER_STORE_URL" in none.stderr
    bad = run_cli("--older-than-days", "-3", "--tracker-url", url, env={})
    assert bad.returncode == 2 and "negative" in bad.stderr
    empty = run_cli("--tracker-url", f"sqlite:///{tmp_path / 'empty.db'}", env={})
    assert empty.returncode == 0 and empty.stdout.startswith("Deleted 0 conversations")
