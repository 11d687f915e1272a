"""Fuzz the website's socket.io channel on a real Rasa server: well over 2,000 events of odd
sizes, types and encodings through a socket.io client, and malformed engine.io/socket.io
frames through a raw websocket. Nothing may crash or log an error, the odd events stall no one
else, the channel still chats afterwards, and nothing that should be refused is stored.

"Stall no one": REST messages are sent one after another while the fuzz runs, and, in the same
run just before it, while the same connections send ordinary messages only (as many as the
rate limit lets through, which the fuzz's real messages never exceed). Each is timed in a
thread of its own (tests/helpers/stall.py). The odd events may add no more than 2 s to the slowest REST
reply on top of twice the slowest ordinary one: a loaded machine slows both phases alike, and
an event that held the server (a 900,000-character message froze it for 15 s before the
limits) still fails (`stalled`, tested on its own below). Until 2026-12-06 one REST message,
timed in the fuzz's own event loop, had to come back within 2 s; on a loaded machine it
failed, mostly by waiting for this test's loop to finish sending big frames.

Generation is seeded, so every run sends the same events."""

from __future__ import annotations

import asyncio
import json
import random
import time
import urllib.request
from pathlib import Path
from typing import Any, Callable

import pytest
import socketio
import websockets

from components.channels.rest import MAX_MESSAGE_CHARS
from tests.conftest import WEBSITE_API_TOKEN
from tests.helpers.stall import RestProbe, stalled
from tests.server_kinds import Running
from tests.servers import say

pytestmark = pytest.mark.integration

TOKEN = WEBSITE_API_TOKEN
SEED = 20
CONNECTIONS = 8
EVENTS_PER_CONNECTION = 250  # 2,000 structured events
RAW_FRAMES = 400  # and malformed frames on raw websockets
ORDINARY = ["hi", "lutathera trials", "hello", "what is a clinical trial"]
PLANT = "zqxjplanted"


@pytest.fixture(scope="module")
def rasa(website_servers: Running) -> tuple[str, Path]:
    """The website's servers (tests/conftest.py), shared with other modules: the fuzz reads only
    what their log gains while it runs."""
    return website_servers.url, website_servers.rasa_log


def odd_value(rng: random.Random, depth: int = 0) -> Any:
    choices = [
        None,
        True,
        0,
        -1,
        2**63,
        1.5e308,
        "",
        "x" * rng.randint(1, 300),
        [],
        {},
        "\u202e\u0000\ud800" + PLANT,
        "\U0001f600" * rng.randint(1, 50),
        "'; DROP TABLE trials; --",
    ]
    if depth < 3:
        choices += [
            [odd_value(rng, depth + 1) for _ in range(rng.randint(1, 4))],
            {str(rng.randint(0, 9)): odd_value(rng, depth + 1) for _ in range(rng.randint(1, 4))},
        ]
    return rng.choice(choices)


def odd_event(rng: random.Random, session_id: str) -> tuple[str, Any]:
    """One event as a broken or hostile widget might send it."""
    kind = rng.randrange(10)
    if kind == 0:
        return "user_uttered", odd_value(rng)  # not an object at all
    if kind == 1:
        return "user_uttered", {"message": odd_value(rng), "session_id": session_id}
    if kind == 2:
        return "user_uttered", {"message": "hello", "session_id": odd_value(rng)}
    if kind == 3:
        size = rng.choice([MAX_MESSAGE_CHARS + 1, 50_000, 300_000])
        return "user_uttered", {"message": (PLANT + " ") * (size // 12 + 1), "session_id": session_id}
    if kind == 4:
        return "user_uttered", {
            "message": f"hello {PLANT}",
            "session_id": session_id,
            "customData": {PLANT: odd_value(rng)},
            "metadata": {PLANT: 1},
        }
    if kind == 5:
        return "session_request", odd_value(rng)
    if kind == 6:
        return rng.choice(["bot_uttered", "disconnect_me", "", "x" * 200, "session_confirm"]), odd_value(rng)
    if kind == 7:
        return "user_uttered", {
            "message": rng.choice(["hi", "lutathera trials", "\t\n ", "¿qué?", "\u0000"]),
            "session_id": session_id,
        }
    if kind == 8:
        return "user_uttered", {"message": "hello", "session_id": f"{session_id}-not-mine"}
    return "user_uttered", {
        "message": bytes(rng.randrange(256) for _ in range(rng.randint(1, 64))),
        "session_id": session_id,
    }


def raw_frame(rng: random.Random) -> Any:
    return rng.choice(
        [
            "42[",
            "42",
            "4",
            "9",
            "",
            '42["user_uttered"',
            "42{}",
            '42["user_uttered",{"message":1e999}]',
            '451-["user_uttered",{"_placeholder":true,"num":9}]',
            '42/nope,["user_uttered",{}]',
            "2probe",
            "6",
            "1",
            "42" + "[" * 5000 + "]" * 5000,
            "\x00\xff",
            bytes([4, 0, 255]),
            '42["user_uttered",{"message":"' + "\\ud800" * 10 + '"}]',
        ]
    )


def ordinary_event(rng: random.Random, session_id: str) -> tuple[str, Any]:
    """One message as the widget sends it."""
    return "user_uttered", {"message": rng.choice(ORDINARY), "session_id": session_id}


async def fuzz_connection(
    base: str,
    index: int,
    sessions: list[str],
    make_event: Callable[[random.Random, str], tuple[str, Any]] = odd_event,
    address: str = "198.51.100",
) -> None:
    rng = random.Random(SEED + index)
    client = socketio.AsyncClient(reconnection=False)
    confirmed: asyncio.Queue[Any] = asyncio.Queue()
    client.on("session_confirm", confirmed.put_nowait)
    await client.connect(base, headers={"X-Forwarded-For": f"{address}.{index}"}, transports=["websocket"])
    await client.emit("session_request", {"session_id": None})
    session_id = (await asyncio.wait_for(confirmed.get(), 30))["session_id"]
    sessions.append(session_id)
    for _ in range(EVENTS_PER_CONNECTION):
        await client.emit(*make_event(rng, session_id))
    await client.emit("session_clear", odd_value(rng))  # "Clear this chat", with whatever data
    await asyncio.sleep(0.5)
    await client.disconnect()


async def fuzz_raw(base: str) -> int:
    rng = random.Random(SEED)
    url = base.replace("http://", "ws://") + "/socket.io/?EIO=4&transport=websocket"
    sent = 0
    while sent < RAW_FRAMES:
        try:
            async with websockets.connect(url, extra_headers={"X-Forwarded-For": "198.51.100.99"}, max_size=None) as ws:
                await ws.recv()
                await ws.send("40")
                for _ in range(50):
                    await ws.send(raw_frame(rng))
                    sent += 1
        except websockets.ConnectionClosed:
            sent += 1  # the server may close a connection that sent garbage; that is fine
    return sent


def stored_user_events(base: str, session_id: str) -> list[dict]:
    with urllib.request.urlopen(f"{base}/conversations/{session_id}/tracker?token={TOKEN}", timeout=30) as response:
        return [e for e in json.loads(response.read().decode())["events"] if e["event"] == "user"]


async def still_chats(base: str) -> str:
    client = socketio.AsyncClient(reconnection=False)
    replies: asyncio.Queue[dict] = asyncio.Queue()
    client.on("bot_uttered", replies.put_nowait)
    confirmed: asyncio.Queue[Any] = asyncio.Queue()
    client.on("session_confirm", confirmed.put_nowait)
    await client.connect(base, headers={"X-Forwarded-For": "198.51.100.200"}, transports=["websocket"])
    await client.emit("session_request", {"session_id": None})
    session_id = (await asyncio.wait_for(confirmed.get(), 30))["session_id"]
    await client.emit("user_uttered", {"message": "hello", "session_id": session_id})
    reply = await asyncio.wait_for(replies.get(), 60)
    await client.disconnect()
    return reply.get("text", "")


def ordinary_timings(base: str) -> list[float]:
    """REST replies timed while the fuzz's connections send ordinary messages only (from other
    addresses, so the fuzz's own rate limits start afresh)."""
    for text in ORDINARY:  # warm: the first search of a run reads the trials
        say(base, f"rest-warm-{time.time_ns()}", text)

    async def ordinary() -> None:
        connections = (fuzz_connection(base, i, [], ordinary_event, "203.0.113") for i in range(CONNECTIONS))
        await asyncio.gather(*connections)

    with RestProbe(base, "ordinary") as probe:
        asyncio.run(ordinary())
    return probe.timings


def test_stalled_tells_a_held_server_from_a_busy_one() -> None:
    assert not stalled([0.4, 0.6, 0.5], [0.9, 1.4, 3.1])  # busy: 3.1 <= 2 * 0.6 + 2
    assert not stalled([2.5, 3.0], [5.0, 7.9])  # a loaded machine slows both phases
    assert stalled([0.4, 0.6, 0.5], [0.9, 15.0, 1.0])  # one message held everyone for 15 s
    assert stalled([2.5, 3.0], [9.0, 30.0])  # the same, on a loaded machine


def test_thousands_of_odd_events_crash_nothing_stall_nobody_and_store_nothing_refused(rasa: tuple[str, Path]) -> None:
    base, log = rasa
    log_before = len(log.read_text(errors="replace"))
    ordinary = ordinary_timings(base)
    sessions: list[str] = []

    async def fuzz() -> int:
        results = await asyncio.gather(
            *(fuzz_connection(base, i, sessions) for i in range(CONNECTIONS)), fuzz_raw(base)
        )
        return CONNECTIONS * EVENTS_PER_CONNECTION + results[-1]

    with RestProbe(base, "fuzz") as probe:
        events = asyncio.run(fuzz())
    assert events >= 2000 + RAW_FRAMES
    assert not stalled(ordinary, probe.timings), (ordinary, probe.timings)
    assert asyncio.run(still_chats(base))
    time.sleep(2)  # closed websockets are noticed
    written = log.read_text(errors="replace")[log_before:]
    assert "Traceback" not in written and "ERROR" not in written, written[-3000:]
    assert len(sessions) == CONNECTIONS
    for session_id in sessions:
        stored = stored_user_events(base, session_id)
        assert all(len(e.get("text") or "") <= MAX_MESSAGE_CHARS for e in stored)
        assert PLANT not in json.dumps([e.get("metadata") for e in stored])
