"""Staff sign-in behind our proxy (the real create_app through aiohttp's test server, which the
client reaches over loopback, as nginx on the same machine would): failures are counted per
client address, the one the proxy adds to X-Forwarded-For, so one address that keeps failing
slows or blocks only itself, never every staff member behind the proxy (issue 20). Which peer
is trusted to say so: bot/channels/address.py, tests/test_socketio_channel.py."""

from __future__ import annotations

import time

from aiohttp.test_utils import TestClient

from bot.web.auth import FailureLimiter
from bot.web.login_throttle import ADDRESS_FREE_FAILURES, SLOW_SECONDS
from bot.web.server import create_app
from bot.web.staff import SESSION_COOKIE
from tests.helpers.staff import PASSWORD, TOKEN, USER, run_app, staff_env  # noqa: F401 - staff_env is a fixture

ATTACKER, COLLEAGUE = "203.0.113.9", "198.51.100.7"


def via_proxy(address: str) -> dict[str, str]:
    """The header nginx adds for a client at `address` (an earlier entry is the client's own claim)."""
    return {"X-Forwarded-For": f"10.9.9.9, {address}"}


async def sign_in(client: TestClient, name: str, password: str, address: str) -> tuple[int, dict[str, str], float]:
    started = time.monotonic()
    response = await client.post(
        "/staff/login",
        data={"name": name, "password": password, "next": "/staff"},
        headers=via_proxy(address),
        allow_redirects=False,
    )
    return response.status, dict(response.headers), time.monotonic() - started


def test_one_address_that_keeps_failing_slows_only_itself(staff_env: str) -> None:
    async def scenario(client: TestClient) -> None:
        for n in range(ADDRESS_FREE_FAILURES):  # many names: no account is over its own limit
            assert (await sign_in(client, f"guess-{n}", "wrong password", ATTACKER))[0] == 401
        status, headers, _ = await sign_in(client, "another-guess", "wrong password", ATTACKER)
        assert status == 429 and int(headers["Retry-After"]) >= 1
        status, headers, seconds = await sign_in(client, USER, PASSWORD, COLLEAGUE)
        assert status == 303 and SESSION_COOKIE in headers.get("Set-Cookie", "")
        assert seconds < SLOW_SECONDS  # a colleague behind the same proxy is not slowed

    run_app(create_app(), scenario)


def test_bad_api_tokens_from_one_address_block_only_that_address(staff_env: str) -> None:
    async def scenario(client: TestClient) -> None:
        bad = {"Authorization": "Bearer not-the-token", **via_proxy(ATTACKER)}
        for _ in range(FailureLimiter().limit):
            assert (await client.get("/api/trials", headers=bad)).status == 401
        good = {"Authorization": f"Bearer {TOKEN}"}
        assert (await client.get("/api/trials", headers={**good, **via_proxy(ATTACKER)})).status == 429
        assert (await client.get("/api/trials", headers={**good, **via_proxy(COLLEAGUE)})).status == 200

    run_app(create_app(), scenario)
