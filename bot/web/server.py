"""The web server: the website chat page, and the staff lookup page with its JSON API.

`python -m bot serve` runs it. The chat page talks to the Rasa server's socket.io channel
directly; this server only serves files and its own small APIs.

A charity puts the chat on its own site with one script tag (static/widget.js): a floating
button that opens the chat page in a frame, at /embed. Only the sites named in
CHAT_EMBED_ORIGINS (exact origins, separated by spaces) may frame it.
"""

from __future__ import annotations

import json
import os
from pathlib import Path

from aiohttp import web

from bot.channels.origins import exact_origin
from bot.web.headers import add_security_headers, content_security_policy, security_headers
from bot.web.staff import setup_staff

STATIC_DIR = Path(__file__).parent / "static"
DEFAULT_PORT = 8080
EMBED_PATH = "/embed"
EMBED_ORIGINS_ENV = "CHAT_EMBED_ORIGINS"


def chat_config() -> dict[str, str]:
    return {
        "socketUrl": os.environ.get("RASA_PUBLIC_URL", "http://localhost:5005"),
        "socketPath": "/socket.io/",
    }


def embed_origins() -> list[str]:
    """The sites that may show the chat in a frame; ValueError for one that is not an exact origin."""
    return [exact_origin(origin) for origin in os.environ.get(EMBED_ORIGINS_ENV, "").split()]


async def chat_page(request: web.Request) -> web.FileResponse:
    """The full page at /, and the same page framed on a charity's site at /embed (static/embed.js
    tells them apart)."""
    return web.FileResponse(STATIC_DIR / "chat.html")


async def config_script(request: web.Request) -> web.Response:
    body = "window.NET_CHAT_CONFIG = " + json.dumps(chat_config()) + ";\n"
    return web.Response(text=body, content_type="application/javascript")


async def no_icon(request: web.Request) -> web.Response:
    return web.Response(status=204)


async def health(request: web.Request) -> web.Response:
    return web.json_response({"status": "ok"})


def create_app() -> web.Application:
    app = web.Application(client_max_size=64 * 1024)
    rasa_url = chat_config()["socketUrl"]
    framed = {"Content-Security-Policy": content_security_policy(rasa_url, framed_by=embed_origins())}
    add_security_headers(app, security_headers(rasa_url), by_path={EMBED_PATH: framed})
    app.router.add_get("/", chat_page)
    app.router.add_get(EMBED_PATH, chat_page)
    app.router.add_get("/config.js", config_script)
    app.router.add_get("/health", health)
    app.router.add_get("/favicon.ico", no_icon)
    app.router.add_static("/static/", STATIC_DIR, show_index=False)
    setup_staff(app)  # the staff page and JSON API, behind a login
    return app


def serve(host: str = "127.0.0.1", port: int = DEFAULT_PORT) -> None:
    web.run_app(create_app(), host=host, port=port, print=lambda *_: None)
