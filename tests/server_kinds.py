"""The kinds of slow background work the test session's pool (tests/server_pool.py) starts
ahead: how each starts, is hurried when a test waits for it, and stops.

- `EmbeddedServer`: the action server and one Rasa server with fixed settings
  (bot/deploy/embedded.py), run by tests/server_launcher.py in a process of its own, so that no
  test's changes to os.environ reach it.
- `ScriptServer`: a script that runs servers until interrupted (scripts/run.sh).
- `EarlyCommand`: a command whose outcome a test checks (`rasa test`).

Each starts at low priority (`niceness`), so the tests running meanwhile keep their core, and
goes back to normal priority once a test waits for it (where the system allows)."""

from __future__ import annotations

import json
import os
import shutil
import signal
import subprocess
import sys
import threading
import time
from dataclasses import dataclass, field
from pathlib import Path
from typing import Callable, Mapping, Optional

from bot.config import REPO_ROOT
from tests.server_launcher import back_to_normal_priority, descendants


@dataclass
class Running:
    """One started (or starting) piece of work: the servers' URL once they answer, a script's
    environment, or a command's outcome once it has finished; its folder of files and logs."""

    kind: "Kind"
    folder: Path
    process: Optional[subprocess.Popen] = None
    url: str = ""
    env: dict[str, str] = field(default_factory=dict)
    returncode: Optional[int] = None
    niceness: int = 0
    error: str = ""
    stopped: bool = False
    ready: threading.Event = field(default_factory=threading.Event)

    @property
    def rasa_log(self) -> Path:
        return self.folder / "rasa.log"

    @property
    def output(self) -> str:
        return (self.folder / "output.log").read_text(errors="replace")

    def hurry(self) -> None:
        if self.process:
            back_to_normal_priority([self.process.pid, *descendants(self.process.pid)])


@dataclass(frozen=True)
class EmbeddedServer:
    name: str  # its logs' prefix in tests/artifacts/
    extra_env: Mapping[str, str] = field(default_factory=dict)
    enable_api: bool = False
    trained_model: bool = False  # the model for the current data, else the newest in models/
    prepare: Optional[Callable[[], Mapping[str, str]]] = None  # in the tests' process, before it starts: more env
    finish: Optional[Callable[[], None]] = None  # after it stops
    holds_its_place = True  # counts towards the pool's MAX_RUNNING until it stops

    @property
    def fixture(self) -> str:
        return f"{self.name}_servers"

    def start(
        self, run: Running, model: Path, database_url: str, environment: Mapping[str, str], niceness: int
    ) -> None:
        env = dict(self.extra_env)
        if self.prepare:
            env.update(self.prepare())
        request = {
            "model": str(model),
            "database_url": database_url,
            "run_dir": str(run.folder),
            "extra_env": env,
            "enable_api": self.enable_api,
            "niceness": niceness,
        }
        run.process = subprocess.Popen(
            [sys.executable, "-m", "tests.server_launcher"],
            cwd=REPO_ROOT,
            env=dict(environment),
            stdin=subprocess.PIPE,
            stdout=subprocess.PIPE,
            text=True,
        )
        assert run.process.stdin and run.process.stdout
        run.process.stdin.write(json.dumps(request) + "\n")
        run.process.stdin.flush()
        answer = json.loads(run.process.stdout.readline() or '{"error": "the launcher stopped"}')
        run.url, run.error = answer.get("url", ""), answer.get("error", "")

    def stop(self, run: Running) -> None:
        if run.process and run.process.poll() is None:
            assert run.process.stdin
            try:
                run.process.stdin.close()  # the launcher stops its servers
                run.process.wait(timeout=90)
            except (OSError, subprocess.TimeoutExpired):
                run.process.kill()
        if self.finish:
            self.finish()


@dataclass(frozen=True)
class ScriptServer:
    name: str
    command: tuple[str, ...]
    env: Callable[[Mapping[str, str], Path, Path], dict[str, str]]  # (environment, model, folder) -> its env
    ready_text: str  # in its output once its servers answer
    trained_model: bool = False
    start_timeout: float = 600
    holds_its_place = True

    @property
    def fixture(self) -> str:
        return f"{self.name}_script"

    def start(
        self, run: Running, model: Path, database_url: str, environment: Mapping[str, str], niceness: int
    ) -> None:
        run.env = {**self.env(environment, model, run.folder), "DATABASE_URL": database_url}
        output = run.folder / "output.log"
        with open(output, "w") as out:
            run.process = subprocess.Popen(
                ["nice", "-n", str(niceness), *self.command],
                cwd=REPO_ROOT,
                env=run.env,
                stdout=out,
                stderr=subprocess.STDOUT,
                stdin=subprocess.DEVNULL,
                start_new_session=True,
            )
        deadline = time.monotonic() + self.start_timeout
        while self.ready_text not in output.read_text(errors="replace"):
            if run.process.poll() is not None or time.monotonic() > deadline:
                run.error = "it stopped or did not start in time:\n" + output.read_text(errors="replace")[-3000:]
                return
            time.sleep(0.5)

    def stop(self, run: Running) -> None:
        if run.process and run.process.poll() is None:
            os.killpg(run.process.pid, signal.SIGINT)
            try:
                run.process.wait(timeout=60)
            except subprocess.TimeoutExpired:
                os.killpg(run.process.pid, signal.SIGKILL)


@dataclass(frozen=True)
class EarlyCommand:
    name: str
    command: Callable[[Optional[Path], Path], list[str]]  # (model, folder) -> the command line
    trained_model: Optional[bool] = True  # None: it needs no model
    holds_its_place = False  # once finished it holds no memory

    @property
    def fixture(self) -> str:
        return f"{self.name}_run"

    def start(
        self, run: Running, model: Optional[Path], database_url: str, environment: Mapping[str, str], niceness: int
    ) -> None:
        with open(run.folder / "output.log", "w") as output:
            run.process = subprocess.Popen(
                ["nice", "-n", str(niceness), *self.command(model, run.folder)],
                cwd=REPO_ROOT,
                env=dict(environment),
                stdout=output,
                stderr=subprocess.STDOUT,
                stdin=subprocess.DEVNULL,
            )
        run.returncode = run.process.wait()

    def stop(self, run: Running) -> None:
        if run.process and run.process.poll() is None:
            run.process.kill()  # the session ended before its test


Kind = EmbeddedServer | ScriptServer | EarlyCommand


def copy_logs(run: Running, artifacts: Path) -> None:
    artifacts.mkdir(exist_ok=True)
    for log in run.folder.glob("*.log"):
        shutil.copy(log, artifacts / f"{run.kind.name}-{log.name}")
