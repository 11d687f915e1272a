"""Rasa without its version banners: `/` says the assistant is running (health checks need
only the 200) and `/version` is not found. A version number tells an attacker which known
flaws to try; nothing of ours reads it. `install()` before Rasa builds its app."""

from __future__ import annotations

from typing import Optional

import rasa.server
from sanic import Sanic, response
from sanic.request import Request
from sanic.response import HTTPResponse

RUNNING_TEXT = "The NET Trials Assistant is running."
HIDDEN_PATHS = {"/version"}


def add_quiet_root_route(app: Sanic) -> None:
    """Rasa's `add_root_route`, called by every app Rasa builds, without the version."""

    @app.get("/")
    async def running(_: Request) -> HTTPResponse:
        return response.text(RUNNING_TEXT)

    @app.middleware("request")
    async def hide_version(request: Request) -> Optional[HTTPResponse]:
        if request.path in HIDDEN_PATHS:
            return response.json({"error": "Not found"}, status=404)
        return None


def install() -> None:
    rasa.server.add_root_route = add_quiet_root_route
