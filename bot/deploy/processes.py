"""Start, watch and stop the stack's server processes, each with its own log file."""

from __future__ import annotations

import os
import signal
import subprocess
import time
import urllib.request
from dataclasses import dataclass, field
from pathlib import Path
from typing import Iterable, Optional

from bot.config import REPO_ROOT


class StartError(RuntimeError):
    """A server stopped while starting, or did not answer in time."""


@dataclass
class ManagedProcess:
    name: str
    command: list[str]
    log_path: Path
    ready_url: str
    env: dict[str, str] = field(default_factory=dict)  # added to this process's environment
    cwd: Path = REPO_ROOT
    popen: Optional[subprocess.Popen] = None

    def start(self) -> None:
        self.log_path.parent.mkdir(parents=True, exist_ok=True)
        with open(self.log_path, "a") as log:
            self.popen = subprocess.Popen(
                self.command,
                cwd=self.cwd,
                env={**os.environ, **self.env},
                stdout=log,
                stderr=subprocess.STDOUT,
                stdin=subprocess.DEVNULL,
                start_new_session=True,  # Ctrl-C in the terminal reaches the stack, which stops us in order
            )

    @property
    def pid(self) -> Optional[int]:
        return self.popen.pid if self.popen else None

    def alive(self) -> bool:
        return self.popen is not None and self.popen.poll() is None

    def ready(self) -> bool:
        return self.alive() and answers(self.ready_url)

    def stop(self, timeout: float = 30) -> None:
        if not self.alive():
            return
        assert self.popen is not None
        self.popen.send_signal(signal.SIGTERM)
        try:
            self.popen.wait(timeout=timeout)
        except subprocess.TimeoutExpired:
            self.kill()

    def kill(self) -> None:
        """Die at once, as a crash would (no clean shutdown)."""
        if self.alive():
            assert self.popen is not None
            self.popen.kill()
            self.popen.wait(timeout=30)

    def log_tail(self, characters: int = 2000) -> str:
        try:
            return self.log_path.read_text(errors="replace")[-characters:]
        except OSError:
            return ""


def answers(url: str) -> bool:
    try:
        with urllib.request.urlopen(url, timeout=2) as response:
            return response.status == 200
    except OSError:
        return False


def wait_until_ready(processes: Iterable[ManagedProcess], timeout: float) -> None:
    waiting = list(processes)
    deadline = time.monotonic() + timeout
    while waiting:
        for process in list(waiting):
            if not process.alive():
                raise StartError(f"{process.name} stopped while starting. Its log ends:\n{process.log_tail()}")
            if process.ready():
                waiting.remove(process)
        if waiting and time.monotonic() > deadline:
            names = ", ".join(p.name for p in waiting)
            raise StartError(
                f"{names} did not answer within {timeout:.0f} s. Log of {waiting[0].name}:\n{waiting[0].log_tail()}"
            )
        if waiting:
            time.sleep(0.5)
