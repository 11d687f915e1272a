"""Staff sign-in under attack, through the real create_app and aiohttp's test server: failures
counted per account and per address with back-off and Retry-After, a correct sign-in let
through an address that is over its limit (slowly), and sign-out that ends the session on the
server."""

from __future__ import annotations

import time

import pytest
from aiohttp.test_utils import TestClient

from bot.web.login_throttle import ACCOUNT_FREE_FAILURES, ADDRESS_FREE_FAILURES, SLOW_SECONDS, FailureCount
from bot.web.server import create_app
from bot.web.staff import SESSION_COOKIE
from tests.helpers.staff import PASSWORD, TOKEN, USER, run_app, staff_env  # noqa: F401 - staff_env is a fixture

ADDRESS_ATTEMPTS = ADDRESS_FREE_FAILURES  # enough to fill an address's free failures


async def sign_in(client: TestClient, name: str, password: str) -> tuple[int, dict[str, str], float]:
    started = time.monotonic()
    response = await client.post(
        "/staff/login", data={"name": name, "password": password, "next": "/staff"}, allow_redirects=False
    )
    return response.status, dict(response.headers), time.monotonic() - started


def test_failures_from_one_address_do_not_lock_out_a_correct_sign_in(staff_env: str) -> None:
    names = [f"guess-{n}" for n in range(ADDRESS_ATTEMPTS)]  # many accounts: no account is over its limit

    async def scenario(client: TestClient) -> None:
        for name in names:
            assert (await sign_in(client, name, "wrong password"))[0] == 401
        status, headers, _ = await sign_in(client, "another-guess", "wrong password")
        assert status == 429 and int(headers["Retry-After"]) >= 1
        status, headers, seconds = await sign_in(client, USER, PASSWORD)
        assert status == 303 and SESSION_COOKIE in headers.get("Set-Cookie", "")
        assert seconds >= SLOW_SECONDS  # let through, but slowly

    run_app(create_app(), scenario)


def test_an_account_that_keeps_failing_waits_and_others_do_not(staff_env: str) -> None:
    async def scenario(client: TestClient) -> None:
        for _ in range(ACCOUNT_FREE_FAILURES):
            assert (await sign_in(client, USER, "wrong password"))[0] == 401
        response = await client.post(
            "/staff/login", data={"name": USER.upper(), "password": PASSWORD}, allow_redirects=False
        )  # no guess is checked meanwhile, not even a right one
        assert response.status == 429 and int(response.headers["Retry-After"]) >= 1
        assert "Try again in" in await response.text()
        assert (await sign_in(client, "", TOKEN))[0] == 303  # the staff token is another account

    run_app(create_app(), scenario)


def test_a_cookie_copied_before_sign_out_is_refused_after(staff_env: str) -> None:
    async def scenario(client: TestClient) -> None:
        status, headers, _ = await sign_in(client, USER, PASSWORD)
        assert status == 303
        cookie = client.session.cookie_jar.filter_cookies(client.make_url("/"))[SESSION_COOKIE].value
        copied = {"Cookie": f"{SESSION_COOKIE}={cookie}"}
        assert (await client.get("/staff", headers=copied, allow_redirects=False)).status == 200
        assert (await client.post("/staff/logout", allow_redirects=False)).status == 303
        client.session.cookie_jar.clear()
        assert (await client.get("/staff", headers=copied, allow_redirects=False)).status == 303  # to the login page
        assert (await client.get("/api/trials", headers=copied)).status == 401
        status, _, _ = await sign_in(client, USER, PASSWORD)  # signing in again works
        assert status == 303 and (await client.get("/staff", allow_redirects=False)).status == 200

    run_app(create_app(), scenario)


def test_the_wait_doubles_after_the_free_failures_and_ends_with_the_window() -> None:
    now = [1000.0]
    count = FailureCount(free=2, window=600, max_wait=60, clock=lambda: now[0])
    waits = []
    for _ in range(9):
        count.failed("a")
        waits.append(count.wait("a"))
    assert waits == [0, 1, 2, 4, 8, 16, 32, 60, 60]
    assert count.wait("b") == 0
    now[0] += 601
    assert count.wait("a") == 0
    count.failed("a")
    count.forget("a")
    assert count.wait("a") == 0


@pytest.mark.parametrize("name", ["nurse.jo", " Nurse.Jo "])
def test_an_account_is_one_whatever_its_case_and_spaces(name: str) -> None:
    from bot.web.login_throttle import LoginThrottle

    throttle = LoginThrottle(accounts=FailureCount(free=0), addresses=FailureCount(free=100))
    throttle.failed("nurse.jo", "198.51.100.1")
    assert throttle.account_wait(name) >= 1
