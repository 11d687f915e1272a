"""The security headers on every response of the web server (pages, files, errors).

The Content-Security-Policy lets the page talk only to itself and to the configured Rasa
server (RASA_PUBLIC_URL, over HTTP and its websocket), never load a <base> or post a form
elsewhere; Permissions-Policy turns off the browser features the pages never use; and the
Server header names no software version. Pages may be framed only by the site itself, except
the chat page made for a charity's own site (`/embed`), which the configured origins may frame.
"""

from __future__ import annotations

from typing import Mapping, Sequence
from urllib.parse import urlsplit

from aiohttp import web

SERVER_NAME = "NET Trials Assistant"
WEBSOCKET_SCHEMES = {"http": "ws", "https": "wss"}
# Only names Chromium knows: it logs a warning for each one it does not ("bluetooth" is one).
UNUSED_FEATURES = (
    "camera",
    "microphone",
    "geolocation",
    "payment",
    "usb",
    "serial",
    "midi",
    "magnetometer",
    "gyroscope",
    "accelerometer",
    "display-capture",
)


def rasa_sources(rasa_url: str) -> list[str]:
    """The Rasa server's origin and its websocket twin, for connect-src."""
    parts = urlsplit(rasa_url)
    if parts.scheme not in WEBSOCKET_SCHEMES or not parts.netloc:
        raise ValueError(f"RASA_PUBLIC_URL must be an http(s):// address, not {rasa_url!r}")
    return [f"{parts.scheme}://{parts.netloc}", f"{WEBSOCKET_SCHEMES[parts.scheme]}://{parts.netloc}"]


def content_security_policy(rasa_url: str, framed_by: Sequence[str] = ()) -> str:
    """`framed_by`: exact origins that may show the page in a frame, besides the site itself."""
    return "; ".join(
        [
            "default-src 'self'",
            "script-src 'self'",
            "style-src 'self'",
            "img-src 'self' data:",
            f"connect-src 'self' {' '.join(rasa_sources(rasa_url))}",
            "object-src 'none'",
            "base-uri 'none'",
            "form-action 'self'",
            " ".join(["frame-ancestors 'self'", *framed_by]),
        ]
    )


def security_headers(rasa_url: str) -> dict[str, str]:
    return {
        "Content-Security-Policy": content_security_policy(rasa_url),
        "Permissions-Policy": ", ".join(f"{feature}=()" for feature in UNUSED_FEATURES),
        "X-Content-Type-Options": "nosniff",
        "Referrer-Policy": "no-referrer",
        "Server": SERVER_NAME,  # set before aiohttp would add its own name and version
    }


def add_security_headers(
    app: web.Application, headers: Mapping[str, str], by_path: Mapping[str, Mapping[str, str]] = {}
) -> None:
    """Send `headers` on every response, errors included (a middleware misses those), with
    `by_path[path]` in place of some of them on the pages it names."""

    async def on_prepare(request: web.Request, response: web.StreamResponse) -> None:
        response.headers.update(headers)
        response.headers.update(by_path.get(request.path, {}))

    app.on_response_prepare.append(on_prepare)  # type: ignore[arg-type]  # aiosignal's Signal type is wrong for mypy
