"""The website's socket.io channel against the real Rasa server: the REST webhook's guards
(size, session id, rate per connection and per address, exact origins, no client metadata).

Every client comes from 127.0.0.1, a trusted proxy, so each test names its own client address
in X-Forwarded-For, as nginx does; that keeps the per-address counts of the tests apart."""

from __future__ import annotations

import asyncio
import json
import time
import urllib.request
from pathlib import Path
from typing import Any

import pytest
import socketio

from tests.helpers.stall import stalled, timed_say
from tests.helpers.widget import PAGE_ORIGIN, Widget
from tests.server_kinds import EmbeddedServer, Running
from tests.server_pool import pool_fixture
from tests.servers import say, texts

pytestmark = pytest.mark.integration

TOKEN = "socketio-limits-test-token"
PER_CONNECTION, PER_ADDRESS = 4, 6


# Its own servers: limits this low would stop the other modules' tests.
socketio_limits_servers = pool_fixture(
    EmbeddedServer(
        "socketio_limits",
        enable_api=True,
        extra_env={
            "RASA_AUTH_TOKEN": TOKEN,
            "CORS_ORIGINS": PAGE_ORIGIN,
            "RATE_LIMIT_PER_MINUTE": str(PER_CONNECTION),
            "RATE_LIMIT_PER_ADDRESS_PER_MINUTE": str(PER_ADDRESS),
        },
    )
)


@pytest.fixture(scope="module")
def rasa(socketio_limits_servers: Running) -> tuple[str, Path]:
    return socketio_limits_servers.url, socketio_limits_servers.rasa_log


def user_events(base: str, session_id: str) -> list[dict]:
    url = f"{base}/conversations/{session_id}/tracker?token={TOKEN}"
    with urllib.request.urlopen(url, timeout=30) as response:
        tracker = json.loads(response.read().decode())
    return [event for event in tracker["events"] if event["event"] == "user"]


def test_a_huge_message_gets_the_kind_reply_is_not_stored_and_does_not_slow_others(rasa: tuple[str, Path]) -> None:
    base, _ = rasa

    async def scenario() -> tuple[str, float]:
        async with Widget(base, "203.0.113.1") as widget:
            session_id = await widget.start_session()
            await widget.send({"message": "lutathera " * 90_000, "session_id": session_id})
            rest_seconds = await asyncio.to_thread(timed_say, base, "huge")
            return await widget.reply(), rest_seconds

    ordinary = [timed_say(base, "before-huge") for _ in range(3)]  # this machine's pace, now
    reply, rest_seconds = asyncio.run(scenario())
    assert "too long" in reply
    assert not stalled(ordinary, [rest_seconds]), (ordinary, rest_seconds)  # slowed by 2 s at most


def test_a_huge_message_is_not_stored(rasa: tuple[str, Path]) -> None:
    base, _ = rasa

    async def scenario() -> str:
        async with Widget(base, "203.0.113.2") as widget:
            session_id = await widget.start_session()
            await widget.send({"message": "x" * 20_000, "session_id": session_id})
            await widget.reply()
            return session_id

    assert user_events(base, asyncio.run(scenario())) == []


def test_odd_session_ids_get_a_new_one_and_odd_events_and_the_close_log_no_error(rasa: tuple[str, Path]) -> None:
    base, log = rasa
    log_before = log.read_text(errors="replace")

    async def scenario() -> list[Any]:
        async with Widget(base, "203.0.113.3") as widget:
            given = [await widget.start_session(odd) for odd in ({"a": 1}, [1, 2], "x" * 129, "bad id!")]
            for event in (["hello"], {"message": {"text": "hi"}}, "hello", None, {"session_id": given[0]}):
                await widget.send(event)
            assert await widget.silent_for(2.0)
            return given

    given = asyncio.run(scenario())
    assert all(isinstance(s, str) and s.startswith("web-") and len(s) == 36 for s in given) and len(set(given)) == 4
    time.sleep(2)  # the server notices the closed websocket
    written = log.read_text(errors="replace")[len(log_before) :]
    assert "Traceback" not in written and "ERROR" not in written, written[-3000:]


def test_client_custom_data_and_metadata_are_not_stored(rasa: tuple[str, Path]) -> None:
    base, _ = rasa

    async def scenario() -> str:
        async with Widget(base, "203.0.113.4") as widget:
            session_id = await widget.start_session()
            await widget.send(
                {
                    "message": "hello",
                    "session_id": session_id,
                    "customData": {"planted": "x" * 1000},
                    "metadata": {"planted": "y"},
                }
            )
            await widget.reply()
            return session_id

    stored = user_events(base, asyncio.run(scenario()))
    assert stored and "planted" not in json.dumps(stored)


def test_changing_the_session_id_does_not_escape_the_limit_of_a_connection(rasa: tuple[str, Path]) -> None:
    base, _ = rasa

    async def scenario() -> list[str]:
        replies = []
        async with Widget(base, "203.0.113.5") as widget:
            for _ in range(PER_CONNECTION + 1):
                session_id = await widget.start_session()  # a new conversation each time
                await widget.send({"message": "hello", "session_id": session_id})
                replies.append(await widget.reply())
                await widget.silent_for(0.5)  # the rest of the answer
        return replies

    replies = asyncio.run(scenario())
    assert all("wait" not in r for r in replies[:PER_CONNECTION])
    assert "Please wait" in replies[-1]


def test_new_connections_from_one_address_share_its_limit_and_others_are_not_affected(rasa: tuple[str, Path]) -> None:
    base, _ = rasa

    async def one_message(address: str) -> str:
        async with Widget(base, address) as widget:
            session_id = await widget.start_session()
            await widget.send({"message": "hello", "session_id": session_id})
            return await widget.reply()

    async def scenario() -> tuple[list[str], str]:
        replies = [await one_message("203.0.113.6") for _ in range(PER_ADDRESS + 1)]
        return replies, await one_message("203.0.113.7")

    replies, other = asyncio.run(scenario())
    assert all("wait" not in r for r in replies[:PER_ADDRESS])
    assert "Please wait" in replies[-1]
    assert "wait" not in other


def test_a_message_for_another_conversation_than_the_connections_is_ignored(rasa: tuple[str, Path]) -> None:
    base, _ = rasa

    async def scenario() -> bool:
        async with Widget(base, "203.0.113.8") as widget:
            await widget.start_session()
            await widget.send({"message": "hello", "session_id": "someone-elses-conversation"})
            return await widget.silent_for(3.0)

    assert asyncio.run(scenario())
    assert user_events(base, "someone-elses-conversation") == []


@pytest.mark.parametrize(
    "origin", ["http://127.0.0.1:8080.evil.example", "http://localhost.evil.example", "http://127.0.0.1:8081", "null"]
)
def test_a_page_from_another_origin_cannot_connect(rasa: tuple[str, Path], origin: str) -> None:
    base, _ = rasa

    async def scenario() -> None:
        async with Widget(base, "203.0.113.9", origin=origin):
            pass

    with pytest.raises(socketio.exceptions.ConnectionError):
        asyncio.run(scenario())


def test_the_configured_page_origin_can_connect(rasa: tuple[str, Path]) -> None:
    base, _ = rasa

    async def scenario() -> str:
        async with Widget(base, "203.0.113.10", origin=PAGE_ORIGIN) as widget:
            session_id = await widget.start_session()
            await widget.send({"message": "hello", "session_id": session_id})
            return await widget.reply()

    assert asyncio.run(scenario())
    assert texts(say(base, "rest-still-works", "hello"))
