"""The per-sender rate limit: the memory backend, and the Redis backend on the real server at
127.0.0.1:6379 (skipped only when no Redis answers there)."""

from __future__ import annotations

import asyncio
import logging
import socket
import uuid
from typing import Awaitable, Callable, List, TypeVar

import pytest

from bot.ratelimit import (
    DEFAULT_PER_MINUTE,
    Decision,
    MemoryRateLimiter,
    RedisRateLimiter,
    per_minute_from_env,
    rate_limiter_from_env,
)

REDIS_URL = "redis://127.0.0.1:6379/0"
T = TypeVar("T")


def run(make: Callable[[], Awaitable[T]]) -> T:
    return asyncio.run(make())  # type: ignore[arg-type]


class Clock:
    def __init__(self) -> None:
        self.now = 1000.0

    def __call__(self) -> float:
        return self.now


async def hits(limiter, sender: str, count: int) -> List[Decision]:  # type: ignore[no-untyped-def]
    return [await limiter.hit(sender) for _ in range(count)]


# --- settings ------------------------------------------------------------------------------


def test_settings_default_off_and_invalid() -> None:
    assert per_minute_from_env({}) == DEFAULT_PER_MINUTE == 20
    assert per_minute_from_env({"RATE_LIMIT_PER_MINUTE": " 5 "}) == 5
    assert rate_limiter_from_env({"RATE_LIMIT_PER_MINUTE": "0"}) is None
    limiter = rate_limiter_from_env({"RATE_LIMIT_PER_MINUTE": "3"})
    assert isinstance(limiter, MemoryRateLimiter) and limiter.limit == 3 and limiter.window == 60
    for bad in ("-1", "lots", "2.5"):
        with pytest.raises(ValueError, match="RATE_LIMIT_PER_MINUTE"):
            rate_limiter_from_env({"RATE_LIMIT_PER_MINUTE": bad})


def test_redis_url_picks_the_redis_backend() -> None:
    async def make() -> RedisRateLimiter:
        limiter = rate_limiter_from_env({"REDIS_URL": REDIS_URL})
        assert isinstance(limiter, RedisRateLimiter)
        await limiter.close()  # never connected: closing is still fine
        return limiter

    assert run(make).limit == DEFAULT_PER_MINUTE


# --- memory --------------------------------------------------------------------------------


def test_memory_allows_the_limit_then_refuses_until_the_window_ends() -> None:
    clock = Clock()
    limiter = MemoryRateLimiter(3, window=60, clock=clock)
    assert [d.allowed for d in run(lambda: hits(limiter, "ann", 4))] == [True, True, True, False]
    clock.now += 20
    refused = run(lambda: limiter.hit("ann"))
    assert not refused.allowed and refused.retry_after == 40
    assert run(lambda: limiter.hit("bob")).allowed, "senders are counted apart"
    clock.now += 40  # the window that began at ann's first message is over
    assert [d.allowed for d in run(lambda: hits(limiter, "ann", 4))] == [True, True, True, False]


def test_memory_retry_after_is_at_least_one_second() -> None:
    clock = Clock()
    limiter = MemoryRateLimiter(1, window=60, clock=clock)
    run(lambda: limiter.hit("ann"))
    clock.now += 59.9
    assert run(lambda: limiter.hit("ann")) == Decision(False, 1)


def test_memory_forgets_the_senders_seen_longest_ago_when_full() -> None:
    clock = Clock()
    limiter = MemoryRateLimiter(1, window=60, max_senders=100, clock=clock)

    async def fill() -> None:
        await limiter.hit("first")
        for n in range(500):
            await limiter.hit(f"sender-{n}")

    run(fill)
    assert len(limiter) == 100
    assert run(lambda: limiter.hit("first")).allowed, "evicted, so counted afresh"
    assert not run(lambda: limiter.hit("sender-499")).allowed, "the most recent are kept"


def test_memory_rejects_nonsense_settings() -> None:
    with pytest.raises(ValueError):
        MemoryRateLimiter(0)
    with pytest.raises(ValueError):
        MemoryRateLimiter(5, window=0)


# --- Redis ---------------------------------------------------------------------------------


def redis_reachable() -> bool:
    try:
        with socket.create_connection(("127.0.0.1", 6379), timeout=1) as sock:
            sock.sendall(b"PING\r\n")
            return sock.recv(16).startswith(b"+PONG")
    except OSError:
        return False


needs_redis = pytest.mark.skipif(not redis_reachable(), reason="no Redis server at 127.0.0.1:6379")


@pytest.fixture
def prefix() -> str:
    return f"test-ratelimit-{uuid.uuid4().hex}:"


@needs_redis
def test_redis_counts_per_sender_and_expires_keys(prefix: str) -> None:
    async def scenario() -> None:
        limiter = RedisRateLimiter(REDIS_URL, 3, window=5, prefix=prefix)
        try:
            assert [d.allowed for d in await hits(limiter, "ann", 4)] == [True, True, True, False]
            refused = await limiter.hit("ann")
            assert not refused.allowed and 1 <= refused.retry_after <= 5
            assert (await limiter.hit("bob")).allowed
            client = limiter._client
            keys = sorted(k.decode() for k in await client.keys(f"{prefix}*"))
            assert keys == sorted([limiter.key("ann"), limiter.key("bob")])
            assert not any("ann" in k or "bob" in k for k in keys), "sender ids are hashed"
            for key in keys:
                assert 0 < await client.ttl(key) <= 5, "every key expires"
            await client.delete(*keys)
        finally:
            await limiter.close()

    run(scenario)


@needs_redis
def test_redis_is_shared_by_several_instances(prefix: str) -> None:
    async def scenario() -> None:
        first = RedisRateLimiter(REDIS_URL, 4, window=30, prefix=prefix)
        second = RedisRateLimiter(REDIS_URL, 4, window=30, prefix=prefix)
        try:
            decisions = await asyncio.gather(*(limiter.hit("shared") for limiter in (first, second) * 3))
            assert sorted(d.allowed for d in decisions) == [False, False, True, True, True, True]
            await first._client.delete(first.key("shared"))
        finally:
            await first.close()
            await second.close()

    run(scenario)


@needs_redis
def test_redis_window_ends(prefix: str) -> None:
    async def scenario() -> None:
        limiter = RedisRateLimiter(REDIS_URL, 1, window=1, prefix=prefix)
        try:
            assert [d.allowed for d in await hits(limiter, "ann", 2)] == [True, False]
            await asyncio.sleep(1.2)
            assert (await limiter.hit("ann")).allowed
            await limiter._client.delete(limiter.key("ann"))
        finally:
            await limiter.close()

    run(scenario)


def test_unreachable_redis_fails_open_and_logs_no_sender(caplog: pytest.LogCaptureFixture) -> None:
    with socket.socket() as sock:  # a port with nothing listening
        sock.bind(("127.0.0.1", 0))
        port = sock.getsockname()[1]
    clock = Clock()

    async def scenario() -> List[Decision]:
        limiter = RedisRateLimiter(f"redis://127.0.0.1:{port}/0", 1, timeout=0.2, clock=clock)
        try:
            return await hits(limiter, "private-sender-id", 5)
        finally:
            await limiter.close()

    with caplog.at_level(logging.WARNING, logger="bot.ratelimit"):
        decisions = run(scenario)
    assert all(d.allowed for d in decisions), "fail open"
    warnings = [r.getMessage() for r in caplog.records if r.name == "bot.ratelimit"]
    assert len(warnings) == 1, "one warning a minute, not one per message"
    assert "Redis is unreachable" in warnings[0] and "private-sender-id" not in warnings[0]


def test_the_per_address_limit_has_its_own_setting_and_its_own_redis_keys() -> None:
    from bot.ratelimit import DEFAULT_PER_ADDRESS_PER_MINUTE, address_rate_limiter_from_env

    limiter = address_rate_limiter_from_env({})
    assert isinstance(limiter, MemoryRateLimiter) and limiter.limit == DEFAULT_PER_ADDRESS_PER_MINUTE
    assert address_rate_limiter_from_env({"RATE_LIMIT_PER_ADDRESS_PER_MINUTE": "0"}) is None
    assert address_rate_limiter_from_env({"RATE_LIMIT_PER_MINUTE": "0"}) is not None
    shared = address_rate_limiter_from_env({"REDIS_URL": "redis://127.0.0.1:1/0"})
    assert isinstance(shared, RedisRateLimiter) and shared.key("1.2.3.4") != RedisRateLimiter(
        "redis://127.0.0.1:1/0", 5
    ).key("1.2.3.4")
    with pytest.raises(ValueError, match="RATE_LIMIT_PER_ADDRESS_PER_MINUTE"):
        address_rate_limiter_from_env({"RATE_LIMIT_PER_ADDRESS_PER_MINUTE": "many"})
