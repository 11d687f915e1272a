"""Sign-in cookies ended by signing out. A cookie is signed, not stored, so without this a copy
taken before sign-out would still work until it expires; the server remembers each ended
cookie (a hash of it, never the cookie) until the time it would have expired anyway.

Kept in the web server's memory: after a restart, cookies signed with a random
STAFF_SESSION_SECRET are void anyway; with a fixed secret, an ended cookie would work again
until it expires (at most SESSION_SECONDS).
"""

from __future__ import annotations

import hashlib
import time
from dataclasses import dataclass, field
from typing import Callable, Dict


def _digest(cookie: str) -> str:
    return hashlib.sha256(cookie.encode()).hexdigest()


@dataclass
class EndedSessions:
    clock: Callable[[], float] = time.time
    _until: Dict[str, float] = field(default_factory=dict)

    def end(self, cookie: str, expires: float) -> None:
        self._forget_expired()
        self._until[_digest(cookie)] = expires

    def ended(self, cookie: str) -> bool:
        return _digest(cookie) in self._until

    def _forget_expired(self) -> None:
        now = self.clock()
        for key in [key for key, until in self._until.items() if until < now]:
            del self._until[key]
