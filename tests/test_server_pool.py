"""The test session's server pool (tests/server_pool.py) with stand-in kinds that only record
what happens: each kind starts once and ahead, in the order the tests use them, stops after
its last test, never more than MAX_RUNNING at once, and a failed start fails only its tests."""

from __future__ import annotations

import tempfile
import threading
import time
from dataclasses import dataclass, field
from pathlib import Path
from typing import Callable, Optional

import pytest

from tests import server_pool
from tests.server_kinds import Running
from tests.server_pool import ServerPool


@dataclass
class Journal:
    events: list[str] = field(default_factory=list)
    running: int = 0
    most_running: int = 0
    lock: threading.Lock = field(default_factory=threading.Lock)

    def note(self, event: str, change: int = 0) -> None:
        with self.lock:
            self.events.append(event)
            self.running += change
            self.most_running = max(self.most_running, self.running)


@dataclass(frozen=True)
class Recorded:
    name: str
    journal: Journal
    fails: bool = False
    trained_model: Optional[bool] = None
    holds_its_place = True

    @property
    def fixture(self) -> str:
        return f"{self.name}_servers"

    def start(self, run: Running, model: Optional[Path], database_url: str, environment: dict, niceness: int) -> None:
        self.journal.note(f"start {self.name} at {niceness}", +1)
        time.sleep(0.05)
        if self.fails:
            raise RuntimeError(f"{self.name} cannot start")
        run.url = f"http://{self.name}"

    def stop(self, run: Running) -> None:
        self.journal.note(f"stop {self.name}", -1)


def wait_for(condition: Callable[[], bool], seconds: float = 5) -> None:
    deadline = time.monotonic() + seconds
    while not condition() and time.monotonic() < deadline:
        time.sleep(0.01)


def make_pool(
    plan: list[list[str]],
    journal: Journal,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    failing: frozenset[str] = frozenset(),
) -> ServerPool:
    for name in {name for names in plan for name in names}:
        kind = Recorded(name.removesuffix("_servers"), journal, fails=name in failing)
        monkeypatch.setitem(server_pool.KINDS, name, kind)
    shipped = tmp_path / "shipped.db"
    shipped.write_text("")
    return ServerPool(
        plan,
        lambda name: Path(tempfile.mkdtemp(prefix=name, dir=tmp_path)),
        shipped,
        lambda trained: tmp_path,
        tmp_path / "artifacts",
        {},
    )


def test_each_kind_starts_once_ahead_in_order_and_stops_after_its_last_test(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    journal = Journal()
    plan = [["a_servers"], [], ["a_servers", "b_servers"], ["b_servers"]]
    pool = make_pool(plan, journal, tmp_path, monkeypatch)
    wait_for(lambda: "start a at" in " ".join(journal.events))  # before any test asks for it
    assert pool.get("a_servers").url == "http://a"
    pool.finished(plan[0])
    pool.finished(plan[1])
    assert pool.get("b_servers").url == "http://b" and pool.get("a_servers").url == "http://a"
    pool.finished(plan[2])
    wait_for(lambda: "stop a" in journal.events)
    assert "stop a" in journal.events and "stop b" not in journal.events, "a's last test is over, b's is not"
    pool.finished(plan[3])
    pool.close()
    starts = [event for event in journal.events if event.startswith("start")]
    assert [start.split(" at ")[0] for start in starts] == ["start a", "start b"]
    assert starts[0] == f"start a at {server_pool.AHEAD_NICENESS}", "started before any test asked for it"
    assert journal.events.count("stop a") == 1 and journal.events.count("stop b") == 1


def test_no_more_than_max_running_at_once(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    journal = Journal()
    names = [f"k{index}_servers" for index in range(server_pool.MAX_RUNNING + 2)]
    plan = [[name] for name in names]
    pool = make_pool(plan, journal, tmp_path, monkeypatch)
    for name, names_used in zip(names, plan):
        assert pool.get(name).url == f"http://{name.removesuffix('_servers')}"
        pool.finished(names_used)
    pool.close()
    assert journal.most_running <= server_pool.MAX_RUNNING
    assert journal.running == 0 and len([e for e in journal.events if e.startswith("start")]) == len(names)


def test_a_kind_that_cannot_start_fails_its_tests_only(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    journal = Journal()
    plan = [["broken_servers"], ["fine_servers"]]
    pool = make_pool(plan, journal, tmp_path, monkeypatch, failing=frozenset({"broken_servers"}))
    with pytest.raises(pytest.fail.Exception, match="broken cannot start"):
        pool.get("broken_servers")
    pool.finished(plan[0])
    assert pool.get("fine_servers").url == "http://fine"
    pool.finished(plan[1])
    pool.close()


def test_a_kind_whose_tests_were_all_skipped_is_not_started_and_blocks_nothing(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    journal = Journal()
    names = [f"k{index}_servers" for index in range(server_pool.MAX_RUNNING + 2)]
    plan = [[name] for name in names]
    monkeypatch.setattr(server_pool, "MAX_RUNNING", 1)
    pool = make_pool(plan, journal, tmp_path, monkeypatch)
    pool.get(names[0])
    pool.finished(plan[1])  # skipped: its fixture was never asked for
    pool.finished(plan[0])
    for name, names_used in zip(names[2:], plan[2:]):
        pool.get(name)
        pool.finished(names_used)
    pool.close()
    assert not [event for event in journal.events if event.startswith("start k1")]
    assert journal.running == 0
