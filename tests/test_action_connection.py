"""The Rasa server's kept session to the action server (components/server/action_connection.py),
against a real aiohttp server on this machine: calls share connections, concurrent calls each
get their own answer, a server that went away and came back is reached again, and the session
closes with the server."""

from __future__ import annotations

import asyncio
import subprocess
import sys
import uuid
from pathlib import Path
from typing import Any

import aiohttp
import pytest
import rasa.core.run
import yaml
from aiohttp import web
from rasa.core.agent import Agent
from rasa.core.utils import AvailableEndpoints
from rasa.utils.endpoints import EndpointConfig, read_endpoint_config
from sanic import Sanic

from bot.config import REPO_ROOT
from bot.deploy.embedded import free_port
from components.server.action_connection import KeptSessionEndpoint, install, kept_action_endpoint


@pytest.fixture
def installed(monkeypatch: pytest.MonkeyPatch) -> None:
    """install(), undone after the test."""
    monkeypatch.setattr(AvailableEndpoints, "read_endpoints", AvailableEndpoints.__dict__["read_endpoints"])
    monkeypatch.setattr(rasa.core.run, "close_resources", rasa.core.run.close_resources)
    install()


class ActionServer:
    """A webhook that echoes the call's `n` and notes every connection it is called on."""

    def __init__(self, port: int, delay: float = 0.0) -> None:
        self.port, self.delay = port, delay
        self.connections: list[Any] = []
        self.tokens: list[str] = []
        self.runner: web.AppRunner | None = None

    async def webhook(self, request: web.Request) -> web.Response:
        if request.transport not in self.connections:
            self.connections.append(request.transport)
        self.tokens.append(request.query.get("token", ""))
        body = await request.json()
        await asyncio.sleep(self.delay)
        return web.json_response({"events": [], "responses": [{"text": str(body["n"])}]})

    async def start(self) -> None:
        app = web.Application()
        app.router.add_post("/webhook", self.webhook)
        self.runner = web.AppRunner(app)
        await self.runner.setup()
        await web.TCPSite(self.runner, "127.0.0.1", self.port).start()

    async def stop(self) -> None:
        assert self.runner is not None
        await self.runner.cleanup()

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self.port}/webhook"


async def call(endpoint: EndpointConfig, n: int) -> str:
    answer = await endpoint.request(json={"n": n}, method="post")
    return str(answer["responses"][0]["text"])


async def calls_in_turn(endpoint: EndpointConfig, server: ActionServer, count: int) -> list[str]:
    await server.start()
    try:
        return [await call(endpoint, n) for n in range(count)]
    finally:
        if isinstance(endpoint, KeptSessionEndpoint):
            await endpoint.close()
        await server.stop()


def test_calls_in_turn_share_one_connection_where_rasa_opens_one_each() -> None:
    kept_server, rasa_server = ActionServer(free_port()), ActionServer(free_port())
    kept = asyncio.run(calls_in_turn(KeptSessionEndpoint(kept_server.url, token="secret"), kept_server, 20))
    plain = asyncio.run(calls_in_turn(EndpointConfig(rasa_server.url, token="secret"), rasa_server, 20))
    assert kept == plain == [str(n) for n in range(20)]
    assert len(kept_server.connections) == 1
    assert len(rasa_server.connections) == 20
    assert kept_server.tokens == ["secret"] * 20  # Rasa's own request still adds the token


async def concurrent_calls(count: int) -> tuple[list[str], int, list[str], int]:
    server = ActionServer(free_port(), delay=0.2)
    await server.start()
    endpoint = KeptSessionEndpoint(server.url)
    try:
        together = await asyncio.gather(*(call(endpoint, n) for n in range(count)))
        opened = len(server.connections)
        after = await asyncio.gather(*(call(endpoint, n) for n in range(count, 2 * count)))
        return together, opened, after, len(server.connections)
    finally:
        await endpoint.close()
        await server.stop()


def test_concurrent_calls_each_get_their_own_answer_over_kept_connections() -> None:
    together, opened, after, opened_in_all = asyncio.run(concurrent_calls(12))
    assert together == [str(n) for n in range(12)]
    assert after == [str(n) for n in range(12, 24)]
    assert opened == 12  # none waited for another's connection
    assert opened_in_all == 12  # the second round reused them


async def through_a_restart() -> tuple[str, type[BaseException], str, int]:
    port = free_port()
    first = ActionServer(port)
    await first.start()
    endpoint = KeptSessionEndpoint(first.url)
    try:
        before = await call(endpoint, 1)
        await first.stop()
        with pytest.raises(aiohttp.ClientConnectionError) as down:
            await call(endpoint, 2)  # what Rasa turns into the static answer
        again = ActionServer(port)
        await again.start()
        try:
            return before, down.type, await call(endpoint, 3), len(again.connections)
        finally:
            await again.stop()
    finally:
        await endpoint.close()


def test_a_server_that_went_away_fails_the_call_and_is_reached_again_when_back() -> None:
    before, failure, after, connections = asyncio.run(through_a_restart())
    assert (before, after) == ("1", "3")
    assert issubclass(failure, aiohttp.ClientConnectionError)
    assert connections == 1


async def closed_session() -> tuple[bool, bool, str]:
    server = ActionServer(free_port())
    await server.start()
    endpoint = KeptSessionEndpoint(server.url)
    try:
        await call(endpoint, 1)
        session = endpoint.kept_session()
        await endpoint.close()
        reopened = await call(endpoint, 2)
        return session.closed, server.connections[0].is_closing(), reopened
    finally:
        await endpoint.close()
        await server.stop()


def test_close_ends_the_session_and_its_connection_and_a_later_call_opens_a_new_one() -> None:
    closed, connection_closed, reopened = asyncio.run(closed_session())
    assert closed and connection_closed and reopened == "2"


def test_each_event_loop_gets_its_own_session() -> None:
    endpoint = KeptSessionEndpoint("http://127.0.0.1:1/webhook")

    async def session_and_close() -> aiohttp.ClientSession:
        session = endpoint.kept_session()
        assert endpoint.kept_session() is session
        await endpoint.close()
        return session

    assert asyncio.run(session_and_close()) is not asyncio.run(session_and_close())


def test_the_endpoints_file_gives_rasa_a_kept_action_endpoint(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, installed: None
) -> None:
    monkeypatch.setenv("ACTION_SERVER_TOKEN", "from-the-environment")
    endpoints_file = tmp_path / "endpoints.yml"
    endpoints_file.write_text(
        yaml.safe_dump(
            {
                "action_endpoint": {
                    "url": "http://127.0.0.1:5055/webhook",
                    "token": "${ACTION_SERVER_TOKEN}",
                    "enable_selective_domain": True,
                }
            }
        )
    )
    plain = read_endpoint_config(str(endpoints_file), endpoint_type="action_endpoint")
    kept = AvailableEndpoints.read_endpoints(str(endpoints_file)).action
    assert not isinstance(plain, KeptSessionEndpoint) and isinstance(kept, KeptSessionEndpoint)
    assert kept == plain and kept.token == "from-the-environment"
    assert kept.kwargs == plain.kwargs == {"enable_selective_domain": True}
    assert rasa.core.run.close_resources.__module__ == "components.server.action_connection"


def test_no_action_endpoint_stays_none_and_a_kept_one_is_kept_as_is() -> None:
    assert kept_action_endpoint(AvailableEndpoints()).action is None
    kept = KeptSessionEndpoint("http://127.0.0.1:5055/webhook")
    assert kept_action_endpoint(AvailableEndpoints(action=kept)).action is kept


async def session_after_shutdown() -> bool:
    server = ActionServer(free_port())
    await server.start()
    endpoint = KeptSessionEndpoint(server.url)
    app = Sanic(f"shutdown-{uuid.uuid4().hex}")
    app.ctx.agent = Agent(action_endpoint=endpoint)
    try:
        await call(endpoint, 1)
        session = endpoint.kept_session()
        await rasa.core.run.close_resources(app, asyncio.get_running_loop())
        return session.closed
    finally:
        await server.stop()


def test_rasas_shutdown_closes_the_kept_session(installed: None) -> None:
    assert asyncio.run(session_after_shutdown())


def test_the_rasa_server_every_set_up_starts_installs_it() -> None:
    """`python -m components.server.rasa_server` (make run, production, the tests) installs the
    kept session before Rasa reads its endpoints: stopped here by a refused --cors, after the installs."""
    script = (
        "import sys\n"
        "from rasa.core.utils import AvailableEndpoints\n"
        "from components.server import rasa_server\n"
        "sys.argv = ['rasa_server', 'run', '--cors', 'http://localhost:*']\n"
        "try:\n"
        "    rasa_server.main()\n"
        "except SystemExit:\n"
        "    print(AvailableEndpoints.read_endpoints.__func__.__module__)\n"
    )
    done = subprocess.run([sys.executable, "-c", script], cwd=REPO_ROOT, capture_output=True, text=True, timeout=300)
    assert done.stdout.split()[-1:] == ["components.server.action_connection"], done.stderr[-2000:]
