"""The web server: the website chat page, and the staff lookup page with its JSON API.

`python -m bot serve` runs it. The chat page talks to the Rasa server's socket.io channel
directly; this server only serves files and its own small APIs.
"""
from __future__ import annotations

import json
import os
from pathlib import Path

from aiohttp import web

from bot.web.headers import add_security_headers, security_headers
from bot.web.staff import setup_staff

STATIC_DIR = Path(__file__).parent / "static"
DEFAULT_PORT = 8080


def chat_config() -> dict[str, str]:
    return {
        "socketUrl": os.environ.get("RASA_PUBLIC_URL", "http://localhost:5005"),
        "socketPath": "/socket.io/",
    }


async def chat_page(request: web.Request) -> web.FileResponse:
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
    add_security_headers(app, security_headers(chat_config()["socketUrl"]))
    app.router.add_get("/", chat_page)
    app.router.add_get("/config.js", config_script)
    app.router.add_get("/health", health)
    app.router.add_get("/favicon.ico", no_icon)
    app.router.add_static("/static/", STATIC_DIR, show_index=False)
    setup_staff(app)  # the staff page and JSON API, behind a login
    return app


def serve(host: str = "127.0.0.1", port: int = DEFAULT_PORT) -> None:
    web.run_app(create_app(), host=host, port=port, print=lambda *_: None)
