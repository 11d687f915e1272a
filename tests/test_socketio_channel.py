"""The socket.io channel's guards, piece by piece: the real channel class, the real limiters
(in memory here; Redis in tests/test_ratelimit.py) and the REST webhook's rules. The same
guards against the real Rasa server: tests/test_socketio_limits.py."""

from __future__ import annotations

import asyncio
import logging

import pytest

from bot.channels.address import client_address
from bot.channels.origins import allowed_origins_from_env, exact_origin, origin_checker
from bot.ratelimit import MemoryRateLimiter
from components.channels.rest import MAX_MESSAGE_CHARS
from components.channels.socket_events import Refused, read_message, requested_session_id
from components.channels.socketio_input import GuardedSocketIOInput


def channel(**credentials: object) -> GuardedSocketIOInput:
    made = GuardedSocketIOInput.from_credentials({"session_persistence": True, **credentials})
    assert isinstance(made, GuardedSocketIOInput)
    return made


def test_the_limit_follows_the_connection_and_the_address(monkeypatch: pytest.MonkeyPatch) -> None:
    guarded = channel()
    guarded.connection_limiter, guarded.address_limiter = MemoryRateLimiter(limit=2), MemoryRateLimiter(limit=3)

    async def waits() -> list[object]:
        return [
            await guarded.over_limit(connection, address)
            for connection, address in [("c1", "a"), ("c1", "a"), ("c1", "a"), ("c2", "a"), ("c3", "b")]
        ]

    assert [w is not None for w in asyncio.run(waits())] == [False, False, True, True, False]


def test_without_limits_every_message_goes_through(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("RATE_LIMIT_PER_MINUTE", "0")
    monkeypatch.setenv("RATE_LIMIT_PER_ADDRESS_PER_MINUTE", "0")
    guarded = channel()
    assert guarded.connection_limiter is None and guarded.address_limiter is None
    assert asyncio.run(guarded.over_limit("c", "a")) is None


def test_a_connection_writes_only_into_the_conversation_it_asked_for() -> None:
    guarded = channel()
    assert guarded.sender_for("sid-1", "mine", "mine") == "mine"
    assert guarded.sender_for("sid-1", "mine", None) == "mine"
    for confirmed, asked in (("mine", "theirs"), (None, "theirs")):
        with pytest.raises(Refused):
            guarded.sender_for("sid-1", confirmed, asked)
    assert channel(session_persistence=False).sender_for("sid-1", None, "theirs") == "sid-1"


@pytest.mark.parametrize(
    "data",
    [
        None,
        [1, 2],
        "abc",
        {"session_id": {"a": 1}},
        {"session_id": ["x"]},
        {"session_id": "x" * 129},
        {"session_id": ""},
        {"session_id": "a b"},
    ],
)
def test_an_odd_session_request_gets_a_new_session(data: object) -> None:
    assert requested_session_id(data) is None


def test_a_good_session_request_keeps_its_id() -> None:
    assert requested_session_id({"session_id": "0a1b2c3d-e.f:g_h"}) == "0a1b2c3d-e.f:g_h"


@pytest.mark.parametrize(
    "data",
    [
        None,
        ["hello"],
        "hello",
        42,
        {"message": None},
        {"message": {"text": "hi"}},
        {"message": ["hi"]},
        {"message": "  \u0000 "},
        {"message": "hi", "session_id": {"a": 1}},
        {"message": "hi", "session_id": "x" * 200},
    ],
)
def test_odd_message_events_are_refused(data: object) -> None:
    with pytest.raises(Refused):
        read_message(data)


def test_a_message_is_cleaned_and_client_data_is_not_read() -> None:
    message = read_message(
        {"message": "hi\u202e there\u0000", "session_id": "abc", "customData": {"x": 1}, "metadata": {"y": 2}}
    )
    assert (message.session_id, message.text, message.too_long) == ("abc", "hi there", False)


def test_an_over_long_message_is_marked_too_long_at_the_rest_limit() -> None:
    assert not read_message({"message": "x" * MAX_MESSAGE_CHARS}).too_long
    assert read_message({"message": "x" * (MAX_MESSAGE_CHARS + 1)}).too_long


@pytest.mark.parametrize(
    "pattern",
    [
        "http://localhost:*",
        "*",
        "https://*.charity.example",
        "http://localhost:80/chat",
        "localhost:8080",
        "ftp://charity.example",
        "http://user@charity.example",
        "http://charity.example:port",
    ],
)
def test_origin_patterns_and_non_origins_are_refused(pattern: str) -> None:
    with pytest.raises(ValueError):
        exact_origin(pattern)


def test_configured_origins_match_exactly() -> None:
    allowed = allowed_origins_from_env({"CORS_ORIGINS": "http://127.0.0.1:8080 https://Charity.example/"})
    assert allowed == ("http://127.0.0.1:8080", "https://charity.example")
    is_allowed = origin_checker(allowed)
    assert is_allowed("http://127.0.0.1:8080") and is_allowed("https://charity.example")
    for other in (
        "http://127.0.0.1:8080.evil.example",
        "http://127.0.0.1:8081",
        "http://localhost:8080",
        "https://charity.example.evil.example",
        "null",
        "",
        None,
    ):
        assert not is_allowed(other), other


def test_without_configured_origins_only_pages_on_this_machine_may_connect() -> None:
    is_allowed = origin_checker(())
    for page in ("http://127.0.0.1:8080", "http://localhost:5000", "http://[::1]:8080", "https://localhost"):
        assert is_allowed(page), page
    for other in (
        "http://localhost.evil.example",
        "http://127.0.0.1.evil.example:8080",
        "http://evil.example",
        "http://localhost:8080@evil.example",
        "null",
        "file://",
        None,
    ):
        assert not is_allowed(other), other


def test_the_client_address_is_the_peer_unless_the_peer_is_our_proxy() -> None:
    assert client_address("198.51.100.7", "1.2.3.4") == "198.51.100.7"  # a client cannot choose its address
    assert client_address("127.0.0.1", "1.2.3.4, 198.51.100.7") == "198.51.100.7"  # nginx's entry is last
    assert client_address("127.0.0.1", None) == "127.0.0.1"
    assert client_address("10.0.0.5", "198.51.100.7", frozenset({"10.0.0.5"})) == "198.51.100.7"
    assert client_address(None, None) == "unknown"


def test_library_failures_are_one_warning_line_without_the_frame_or_a_traceback(
    caplog: pytest.LogCaptureFixture,
) -> None:
    from bot.channels.quiet_logger import quiet_library_logger

    quiet = quiet_library_logger()
    with caplog.at_level(logging.DEBUG):
        try:
            raise ValueError("a frame the client sent")
        except ValueError:
            quiet.exception("message async handler error")
        quiet.info("Received packet MESSAGE data %s", "hello")
    assert [(r.levelname, r.getMessage(), r.exc_info) for r in caplog.records] == [
        ("WARNING", "message async handler error (ValueError)", None)
    ]
