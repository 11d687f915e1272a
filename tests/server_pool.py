"""The integration tests' servers (and slow commands), shared and started ahead.

Each kind (tests/server_kinds.py: settings fixed for the session) runs at most once per
session, however many modules use it: loading the model costs about 40 s of processor time
per Rasa process. When the session starts, the pool reads which kinds the collected tests use,
in the order they run, and starts them one after another in a background thread at low
priority, so that they load while other tests run on the other core. A kind stops once the
last test that uses it has finished, and at most MAX_RUNNING run at once (each Rasa process
holds about 1 GB: up to 3 where memory allows).

A module gets a kind through its session fixture (`pool_fixture`); the pool sees who uses
which kind from the tests' fixture names."""

from __future__ import annotations

import shutil
import threading
from collections import Counter
from pathlib import Path
from typing import Any, Callable, Iterable, Mapping, Optional

import pytest

from tests.server_kinds import Kind, Running, copy_logs

AHEAD_NICENESS = 10  # for work started before any test waits for it
GB_PER_PLACE = 2.5  # a Rasa server and its action server, and room for what the tests start themselves


def places_for_memory(most: int = 3) -> int:
    """How many may run at once in the memory this machine has free (at least one)."""
    try:
        with open("/proc/meminfo") as meminfo:
            free_kb = next(int(line.split()[1]) for line in meminfo if line.startswith("MemAvailable:"))
    except (OSError, StopIteration, ValueError):
        return 1
    return max(1, min(most, int(free_kb / 1024**2 / GB_PER_PLACE)))


MAX_RUNNING = places_for_memory()

KINDS: dict[str, Kind] = {}


def pool_fixture(kind: Kind) -> Any:
    """Register `kind` and return its session fixture (named `kind.fixture`), which gives it as
    `Running`; assign it to that name in a conftest or test module."""
    KINDS[kind.fixture] = kind

    @pytest.fixture(scope="session", name=kind.fixture)
    def running(server_pool: "ServerPool") -> Running:
        return server_pool.get(kind.fixture)

    return running


class ServerPool:
    def __init__(
        self,
        plan: list[list[str]],
        folder: Callable[[str], Path],
        shipped_db: Path,
        model: Callable[[bool], Path],
        artifacts: Path,
        environment: Mapping[str, str],
    ) -> None:
        """`plan`: for each test in run order, the fixtures of kinds it uses. `model` and
        `folder` are called in the tests' thread only; `environment` is what the work starts with."""
        self._users = Counter(name for names in plan for name in names)
        self._order: list[str] = []
        self._folder, self._shipped_db, self._model = folder, shipped_db, model
        self._artifacts, self._environment = artifacts, dict(environment)
        self._runs: dict[str, Running] = {}
        self._models: dict[bool, Path] = {}
        self._next = 0  # the index in _order of the next one to start
        self._running = 0
        self._wanted = ""
        self._closing = False
        self._changed = threading.Condition()
        self._starter: Optional[threading.Thread] = None
        self._stoppers: list[threading.Thread] = []
        for name in dict.fromkeys(name for names in plan for name in names):
            self._plan(name)

    # --- what the fixtures and hooks call ---------------------------------------------------
    def get(self, name: str) -> Running:
        if name not in self._runs:  # asked for outside the plan
            self._users[name] += 1
            self._plan(name)
        run = self._runs[name]
        with self._changed:
            self._wanted = name
            self._changed.notify_all()
        while not run.ready.wait(timeout=0.5):
            run.hurry()  # again and again: its processes may still be starting theirs
        if run.error and run.niceness:  # perhaps too slow at low priority on a busy machine
            run.kind.stop(run)
            run.error = ""
            self._start(run, 0)
        if run.error:
            pytest.fail(f"{name} did not start:\n{run.error}", pytrace=False)
        return run

    def finished(self, names: Iterable[str]) -> None:
        """A test that used these kinds has finished: stop those no later test uses."""
        with self._changed:
            for name in names:
                self._users[name] -= 1
                if self._users[name] == 0 and name in self._runs:
                    stopper = threading.Thread(target=self._stop, args=(self._runs[name],), daemon=True)
                    stopper.start()
                    self._stoppers.append(stopper)
            self._changed.notify_all()

    def close(self) -> None:
        with self._changed:
            self._closing = True
            self._changed.notify_all()
            starting = [run for run in self._runs.values() if run.process and not run.ready.is_set()]
        for run in starting:
            run.kind.stop(run)  # the session ended before its tests
        if self._starter:
            self._starter.join()
        for stopper in self._stoppers:
            stopper.join()
        for run in self._runs.values():
            self._stop(run)

    # --- in the background ------------------------------------------------------------------
    def _plan(self, name: str) -> None:
        kind = KINDS[name]
        if kind.trained_model is not None and kind.trained_model not in self._models:
            self._models[kind.trained_model] = self._model(kind.trained_model)
        with self._changed:
            self._runs[name] = Running(kind, self._folder(kind.name))
            self._order.append(name)
            if not (self._starter and self._starter.is_alive()):
                self._starter = threading.Thread(target=self._start_in_order, name="server-pool", daemon=True)
                self._starter.start()
            self._changed.notify_all()

    def _start_in_order(self) -> None:
        while True:
            with self._changed:
                while True:
                    while self._next < len(self._order) and self._users[self._order[self._next]] <= 0:
                        self._next += 1  # its tests were skipped, or are over
                    if self._closing or self._next >= len(self._order):
                        return
                    name = self._order[self._next]
                    if self._running < MAX_RUNNING or self._wanted == name:
                        break
                    self._changed.wait()
                self._next += 1
                self._running += 1
                niceness = 0 if self._wanted == name else AHEAD_NICENESS
            self._start(self._runs[name], niceness)

    def _start(self, run: Running, niceness: int) -> None:
        run.niceness = niceness
        try:
            db = run.folder / "trials.db"
            shutil.copy(self._shipped_db, db)
            model = self._models.get(run.kind.trained_model)  # type: ignore[arg-type]
            run.kind.start(run, model, f"sqlite:///{db}", self._environment, niceness)
        except Exception as error:  # noqa: BLE001 - shown by get() in the test that needs it
            run.error = repr(error)
        if not run.kind.holds_its_place:
            self._release(run)
        run.ready.set()

    def _stop(self, run: Running) -> None:
        if not run.ready.is_set() and not run.process:
            return  # never started
        run.ready.wait()
        if run.stopped:
            return
        run.kind.stop(run)
        copy_logs(run, self._artifacts)
        self._release(run)

    def _release(self, run: Running) -> None:
        with self._changed:
            if not run.stopped:
                run.stopped = True
                self._running -= 1
                self._changed.notify_all()
