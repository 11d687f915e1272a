"""A small progress bar for long jobs, on standard error."""

from __future__ import annotations

import sys
import time
from typing import TextIO

REDRAW_SECONDS = 0.5


class ProgressBar:
    def __init__(self, total: int, label: str, stream: TextIO = sys.stderr, width: int = 30) -> None:
        self.total = max(total, 1)
        self.label = label
        self.stream = stream
        self.width = width
        self.done = 0
        self.started = time.monotonic()
        self._last_draw = 0.0
        # On a terminal, redraw one line; in a log file, a new line every few seconds.
        self._interactive = stream.isatty()

    def advance(self, n: int = 1) -> None:
        self.done += n
        now = time.monotonic()
        interval = REDRAW_SECONDS if self._interactive else 5.0
        if now - self._last_draw >= interval:
            self._last_draw = now
            self._draw(now)

    def close(self) -> None:
        self._draw(time.monotonic())
        if self._interactive:
            self.stream.write("\n")
        self.stream.flush()

    def _draw(self, now: float) -> None:
        fraction = min(self.done / self.total, 1.0)
        filled = int(self.width * fraction)
        rate = self.done / max(now - self.started, 1e-9)
        line = (
            f"{self.label} [{'#' * filled}{'.' * (self.width - filled)}] "
            f"{self.done:,}/{self.total:,} ({fraction:.0%}) {rate:,.0f}/s"
        )
        self.stream.write(("\r" + line) if self._interactive else (line + "\n"))
        self.stream.flush()
