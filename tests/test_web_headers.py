"""The web server's security headers on every response (the real create_app through aiohttp's
test server): CSP with base-uri, form-action and connect-src only to the configured Rasa
server, a Permissions-Policy, and no software version in the Server header."""

from __future__ import annotations

import asyncio
from concurrent.futures import ThreadPoolExecutor

import pytest
from aiohttp.test_utils import TestClient, TestServer

from bot.web.headers import content_security_policy
from bot.web.server import create_app

RASA = "https://chat.charity.example:5005"


def responses(paths: list[str]) -> list[tuple[int, dict[str, str]]]:
    async def main() -> list[tuple[int, dict[str, str]]]:
        async with TestClient(TestServer(create_app())) as client:
            found = []
            for path in paths:
                response = await client.get(path, allow_redirects=False)
                found.append((response.status, dict(response.headers)))
            return found

    # in a thread of its own: a browser test earlier in the session may keep a loop running here
    with ThreadPoolExecutor(max_workers=1) as pool:
        return pool.submit(asyncio.run, main()).result()


def directives(policy: str) -> dict[str, list[str]]:
    parts = (part.split() for part in policy.split(";") if part.strip())
    return {name: values for name, *values in parts}


def test_every_response_carries_the_headers_and_no_server_version(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("RASA_PUBLIC_URL", RASA)
    for status, headers in responses(
        ["/", "/config.js", "/static/chat.js", "/health", "/no-such-page", "/staff/login"]
    ):
        policy = directives(headers["Content-Security-Policy"])
        assert policy["base-uri"] == ["'none'"] and policy["form-action"] == ["'self'"], status
        assert policy["connect-src"] == ["'self'", RASA, "wss://chat.charity.example:5005"]
        assert "camera=()" in headers["Permissions-Policy"] and "geolocation=()" in headers["Permissions-Policy"]
        assert "aiohttp" not in headers.get("Server", "") and "Python" not in headers.get("Server", "")


def test_connect_src_names_no_other_server() -> None:
    policy = directives(content_security_policy("http://127.0.0.1:5005"))
    assert policy["connect-src"] == ["'self'", "http://127.0.0.1:5005", "ws://127.0.0.1:5005"]
    assert not any(value in ("ws:", "wss:", "http:", "https:", "*") or "*" in value for value in policy["connect-src"])


@pytest.mark.parametrize("url", ["localhost:5005", "javascript:alert(1)", ""])
def test_a_rasa_address_that_is_not_http_is_refused(url: str) -> None:
    with pytest.raises(ValueError):
        content_security_policy(url)
