"""How often staff sign-ins may fail: counted per account and per client address, with a wait
that doubles after each failure beyond the free ones.

- An account (a staff name, or the staff token) that keeps failing waits before its next try;
  no password is checked for it meanwhile, so guessing one account stays slow.
- An address that keeps failing (many staff behind one proxy, or someone trying many names)
  is slowed, not locked: its sign-ins are answered after SLOW_SECONDS, a correct one gets in,
  a wrong one is refused with the wait. So a colleague's typos or an attacker on the same
  network never lock the whole team out.
"""

from __future__ import annotations

import math
import time
from collections import OrderedDict, deque
from dataclasses import dataclass, field
from typing import Callable, Deque

WINDOW_SECONDS = 15 * 60
ACCOUNT_FREE_FAILURES = 5
ADDRESS_FREE_FAILURES = 20
MAX_WAIT_SECONDS = 15 * 60
SLOW_SECONDS = 2.0
MAX_KEYS = 10_000


@dataclass
class FailureCount:
    """Failures per key in the last `window` seconds; from the `free`-th on, each one sets a
    wait before the next try, doubling each time (1 s, 2 s, 4 s, ... up to `max_wait`)."""

    free: int
    window: float = WINDOW_SECONDS
    max_wait: float = MAX_WAIT_SECONDS
    clock: Callable[[], float] = time.monotonic
    _failures: "OrderedDict[str, Deque[float]]" = field(default_factory=OrderedDict)

    def failed(self, key: str) -> None:
        self._recent(key).append(self.clock())
        self._failures.move_to_end(key)
        while len(self._failures) > MAX_KEYS:  # the longest quiet are forgotten first
            self._failures.popitem(last=False)

    def forget(self, key: str) -> None:
        self._failures.pop(key, None)

    def wait(self, key: str) -> int:
        """Whole seconds before `key` may try again (0: now)."""
        times = self._recent(key)
        beyond = len(times) - self.free
        if beyond < 0:
            return 0
        backoff = min(2.0**beyond, self.max_wait)
        return max(0, math.ceil(times[-1] + backoff - self.clock()))

    def _recent(self, key: str) -> Deque[float]:
        times = self._failures.setdefault(key, deque())
        while times and times[0] <= self.clock() - self.window:
            times.popleft()
        return times


@dataclass
class LoginThrottle:
    accounts: FailureCount = field(default_factory=lambda: FailureCount(ACCOUNT_FREE_FAILURES))
    addresses: FailureCount = field(default_factory=lambda: FailureCount(ADDRESS_FREE_FAILURES))
    slow_seconds: float = SLOW_SECONDS

    @staticmethod
    def account_key(name: str) -> str:
        return name.strip().casefold()

    def account_wait(self, name: str) -> int:
        return self.accounts.wait(self.account_key(name))

    def address_wait(self, address: str) -> int:
        return self.addresses.wait(address)

    def failed(self, name: str, address: str) -> None:
        self.accounts.failed(self.account_key(name))
        self.addresses.failed(address)

    def succeeded(self, name: str) -> None:
        self.accounts.forget(self.account_key(name))
