"""The web server's security headers on every response (the real create_app through aiohttp's
test server): CSP with base-uri, form-action and connect-src only to the configured Rasa
server, a Permissions-Policy, and no software version in the Server header."""

from __future__ import annotations

import pytest

from bot.web.headers import content_security_policy
from tests.helpers.web_responses import directives, responses

RASA = "https://chat.charity.example:5005"


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
