"""Rate limits: at most `limit` messages from one sender (a REST sender id, a socket.io
connection, a client address) in a fixed window of `window` seconds, the window starting at
the sender's first message.

Two backends, one idea:
- `RedisRateLimiter` (when `REDIS_URL` is set): the count lives in Redis, so several Rasa
  instances behind a load balancer share it. Each sender has one key, created with its expiry
  and incremented in one MULTI transaction, so a key can never be left without an expiry.
  Keys hold a hash of the sender id, never the id itself. If Redis cannot be reached the
  message is allowed (fail open) and a warning is logged, without the sender id or the text:
  the limiter protects the assistant, it must never be the reason it stops answering.
- `MemoryRateLimiter` otherwise: a bounded in-process table; when it is full the sender that
  was seen longest ago is forgotten.

    RATE_LIMIT_PER_MINUTE   messages a sender may send per minute (default 20; 0 turns it off)
    RATE_LIMIT_PER_ADDRESS_PER_MINUTE   messages one client address may send per minute over
                            all its conversations and connections (default 120, for people
                            sharing an address; 0 turns it off)
    REDIS_URL               redis://host:6379/0, shared by every Rasa instance (optional)
"""

from __future__ import annotations

import asyncio
import hashlib
import logging
import math
import os
import time
from collections import OrderedDict
from dataclasses import dataclass
from typing import Callable, Mapping, Optional, Protocol, Tuple

logger = logging.getLogger(__name__)

PER_MINUTE_ENV = "RATE_LIMIT_PER_MINUTE"
PER_ADDRESS_ENV = "RATE_LIMIT_PER_ADDRESS_PER_MINUTE"
DEFAULT_PER_MINUTE = 20
DEFAULT_PER_ADDRESS_PER_MINUTE = 120
WINDOW_SECONDS = 60
MAX_SENDERS = 10_000
REDIS_PREFIX = "net-trials:ratelimit:"
REDIS_TIMEOUT_SECONDS = 0.5
WARNING_INTERVAL_SECONDS = 60.0


@dataclass(frozen=True)
class Decision:
    allowed: bool
    retry_after: int = 0  # whole seconds until the sender may send again (0 when allowed)


ALLOWED = Decision(True)


class RateLimiter(Protocol):
    limit: int
    window: int

    async def hit(self, sender: str) -> Decision:
        """Count one message from `sender` and say whether it may go through."""

    async def close(self) -> None:
        """Release connections (nothing to do for the memory backend)."""


def _retry_after(seconds: float) -> int:
    return max(1, math.ceil(seconds))


class MemoryRateLimiter:
    """Counts in this process only; at most `max_senders` senders are remembered."""

    def __init__(
        self,
        limit: int,
        window: int = WINDOW_SECONDS,
        max_senders: int = MAX_SENDERS,
        clock: Callable[[], float] = time.monotonic,
    ) -> None:
        if limit < 1 or window < 1 or max_senders < 1:
            raise ValueError("limit, window and max_senders must be at least 1")
        self.limit, self.window, self.max_senders = limit, window, max_senders
        self._clock = clock
        self._windows: "OrderedDict[str, Tuple[float, int]]" = OrderedDict()  # sender -> (start, count)

    def __len__(self) -> int:
        return len(self._windows)

    async def hit(self, sender: str) -> Decision:
        now = self._clock()
        start, count = self._windows.pop(sender, (now, 0))
        if now - start >= self.window:
            start, count = now, 0
        count += 1
        self._windows[sender] = (start, count)  # (re)inserted last: the most recently seen
        while len(self._windows) > self.max_senders:
            self._windows.popitem(last=False)
        if count <= self.limit:
            return ALLOWED
        return Decision(False, _retry_after(start + self.window - now))

    async def close(self) -> None:
        return None


class RedisRateLimiter:
    """Counts in Redis, shared by every process that uses the same server and prefix."""

    def __init__(
        self,
        url: str,
        limit: int,
        window: int = WINDOW_SECONDS,
        prefix: str = REDIS_PREFIX,
        timeout: float = REDIS_TIMEOUT_SECONDS,
        clock: Callable[[], float] = time.monotonic,
    ) -> None:
        import redis.asyncio as redis_asyncio

        if limit < 1 or window < 1:
            raise ValueError("limit and window must be at least 1")
        self.limit, self.window, self.prefix = limit, window, prefix
        self._client = redis_asyncio.from_url(url, socket_timeout=timeout, socket_connect_timeout=timeout)
        self._clock = clock
        self._last_warning: Optional[float] = None

    def key(self, sender: str) -> str:
        digest = hashlib.sha256(sender.encode("utf-8", "surrogatepass")).hexdigest()[:32]
        return f"{self.prefix}{digest}"

    async def hit(self, sender: str) -> Decision:
        from redis.exceptions import RedisError

        key = self.key(sender)
        try:
            async with self._client.pipeline(transaction=True) as pipe:
                pipe.set(key, 0, ex=self.window, nx=True)
                pipe.incr(key)
                pipe.ttl(key)
                _, count, ttl = await pipe.execute()
        except (RedisError, OSError, asyncio.TimeoutError) as error:
            self._warn(error)
            return ALLOWED
        if int(count) <= self.limit:
            return ALLOWED
        return Decision(False, _retry_after(ttl if int(ttl) > 0 else self.window))

    def _warn(self, error: BaseException) -> None:
        """One warning a minute at most while Redis is down; never the sender or the text."""
        now = self._clock()
        if self._last_warning is None or now - self._last_warning >= WARNING_INTERVAL_SECONDS:
            self._last_warning = now
            logger.warning(
                "Rate limit not applied: Redis is unreachable (%s); messages are let through", type(error).__name__
            )

    async def close(self) -> None:
        await self._client.close()
        await self._client.connection_pool.disconnect()


def per_minute_from_env(
    env: Mapping[str, str], variable: str = PER_MINUTE_ENV, default: int = DEFAULT_PER_MINUTE
) -> int:
    raw = env.get(variable, "").strip()
    if not raw:
        return default
    try:
        value = int(raw)
    except ValueError:
        value = -1
    if value < 0:
        raise ValueError(f"{variable} must be a whole number, 0 or more (got {raw!r})")
    return value


def rate_limiter_from_env(
    env: Optional[Mapping[str, str]] = None,
    variable: str = PER_MINUTE_ENV,
    default: int = DEFAULT_PER_MINUTE,
    prefix: str = REDIS_PREFIX,
) -> Optional[RateLimiter]:
    """The limiter the settings ask for, or None when `variable` is 0. Each kind of sender
    needs its own Redis `prefix`, so that their counts never mix."""
    env = os.environ if env is None else env
    limit = per_minute_from_env(env, variable, default)
    if limit == 0:
        return None
    url = env.get("REDIS_URL", "").strip()
    if url:
        return RedisRateLimiter(url, limit, prefix=prefix)
    return MemoryRateLimiter(limit)


def address_rate_limiter_from_env(env: Optional[Mapping[str, str]] = None) -> Optional[RateLimiter]:
    """The per-address limiter (RATE_LIMIT_PER_ADDRESS_PER_MINUTE), or None when it is 0."""
    return rate_limiter_from_env(env, PER_ADDRESS_ENV, DEFAULT_PER_ADDRESS_PER_MINUTE, f"{REDIS_PREFIX}address:")
