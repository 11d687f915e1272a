"""Whether a server was held up, judged against its own pace in the same run (the socket.io
fuzz and the huge-message test): REST messages timed while something odd is sent, compared
with REST messages timed while only ordinary things are.

A fixed limit ("answered within 2 s") fails on a loaded machine, where an ordinary reply may
itself take seconds; a limit relative to a baseline from the same run slows with the machine,
and a server held for 15 s by one message still fails it."""

from __future__ import annotations

import threading
import time

from tests.servers import say

PROBES = 5  # REST messages timed at least, one after another, while a phase runs
REST_SECONDS = 2.0  # what the odd events may add to the slowest REST reply
LOAD_FACTOR = 2.0  # how much slower than the ordinary phase the odd one may run anyway


def stalled(ordinary: list[float], odd: list[float]) -> bool:
    """Whether REST replies timed during the odd phase were held up by more than its share of
    the machine: more than REST_SECONDS over LOAD_FACTOR times the slowest ordinary reply."""
    return max(odd) > LOAD_FACTOR * max(ordinary) + REST_SECONDS


def timed_say(base: str, name: str) -> float:
    """Seconds a REST "hello" from a new sender takes to be answered."""
    started = time.monotonic()
    say(base, f"rest-during-{name}-{time.time_ns()}", "hello")
    return time.monotonic() - started


class RestProbe:
    """REST messages sent one after another while a phase runs (at least PROBES), each timed in
    a thread of its own: timed in an event loop that is busy sending big frames, a reply would
    wait for that loop, which is the test's own delay, not the server's."""

    def __init__(self, base: str, name: str) -> None:
        self.base, self.name = base, name
        self.timings: list[float] = []
        self._done = threading.Event()
        self._thread = threading.Thread(target=self._run, daemon=True)

    def _run(self) -> None:
        while not self._done.is_set() or len(self.timings) < PROBES:
            self.timings.append(timed_say(self.base, self.name))
            time.sleep(0.2)

    def __enter__(self) -> RestProbe:
        self._thread.start()
        return self

    def __exit__(self, *_: object) -> None:
        self._done.set()
        self._thread.join(timeout=300)
