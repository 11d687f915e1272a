"""Which web pages may talk to the assistant from a browser: exact origins, never patterns.

An origin is `scheme://host[:port]`, compared whole. A pattern such as `http://localhost:*` is
refused: the CORS library Rasa uses matches patterns as a prefix, so it would let
`http://localhost.evil.example` in.

    CORS_ORIGINS   the allowed origins, separated by spaces (Rasa's `--cors` sets it too,
                   components/server/rasa_server.py). Unset: only pages on this machine
                   (http(s)://localhost, 127.0.0.1 or [::1], any port), for development.
"""

from __future__ import annotations

import os
from typing import Callable, Mapping, Optional, Sequence
from urllib.parse import urlsplit

ORIGINS_ENV = "CORS_ORIGINS"
LOOPBACK_HOSTS = {"localhost", "127.0.0.1", "::1"}
WEB_SCHEMES = {"http", "https"}
_PATTERN_CHARACTERS = set("*?\\[]()^$|+")


def exact_origin(text: str) -> str:
    """`text` as an exact origin (lower case, no trailing slash); ValueError when it is a
    pattern or not an origin at all."""
    candidate = text.strip().rstrip("/")
    if _PATTERN_CHARACTERS & set(candidate):
        raise ValueError(f"{text!r} is a pattern; give exact origins such as http://127.0.0.1:8080")
    try:
        parts = urlsplit(candidate)
        parts.port  # noqa: B018 - raises ValueError on a port that is not a number
    except ValueError:
        raise ValueError(f"{text!r} is not an origin such as https://charity.example") from None
    if (
        parts.scheme not in WEB_SCHEMES
        or not parts.hostname
        or parts.username
        or parts.password
        or parts.path
        or parts.query
        or parts.fragment
    ):
        raise ValueError(f"{text!r} is not an origin such as https://charity.example (scheme and host only)")
    return candidate.lower()


def allowed_origins_from_env(env: Optional[Mapping[str, str]] = None) -> tuple[str, ...]:
    """The configured origins (checked with `exact_origin`), or () when none are set."""
    env = os.environ if env is None else env
    return tuple(exact_origin(origin) for origin in env.get(ORIGINS_ENV, "").split())


def is_loopback_page(origin: str) -> bool:
    try:
        parts = urlsplit(origin)
        parts.port  # noqa: B018
    except ValueError:
        return False
    return (
        parts.scheme in WEB_SCHEMES
        and parts.hostname in LOOPBACK_HOSTS
        and not (parts.username or parts.password or parts.path.strip("/") or parts.query)
    )


def origin_checker(allowed: Sequence[str]) -> Callable[[Optional[str]], bool]:
    """A test for a request's Origin: one of `allowed` exactly, or, when none are
    configured, a page on this machine."""
    exact = {origin.lower() for origin in allowed}

    def is_allowed(origin: Optional[str]) -> bool:
        if not origin:
            return False
        if exact:
            return origin.strip().lower() in exact
        return is_loopback_page(origin.strip())

    return is_allowed
