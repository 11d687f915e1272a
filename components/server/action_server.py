"""`python -m components.server.action_server`: the action server for production.

Unlike `rasa run actions` (which listens on every network interface and answers anyone), it
listens on ACTIONS_HOST (127.0.0.1 by default) and runs an action only when the request
carries ACTION_SERVER_TOKEN, which only the Rasa servers are given (endpoints `token:`;
Rasa sends it as `?token=`). `/health` stays open and says nothing private.
"""

from __future__ import annotations

import argparse
import hmac
import logging
import os
from typing import Optional, Sequence

from rasa_sdk.endpoint import create_app
from sanic import Sanic, response
from sanic.request import Request
from sanic.response import HTTPResponse

TOKEN_ENV = "ACTION_SERVER_TOKEN"
OPEN_PATHS = {"/health"}


def create_guarded_app(token: str) -> Sanic:
    if not token:
        raise ValueError(f"{TOKEN_ENV} is empty: the action server would answer anyone")
    app = create_app("actions", cors_origins=None)  # no browser ever calls it

    @app.middleware("request")
    async def require_token(request: Request) -> Optional[HTTPResponse]:
        if request.path in OPEN_PATHS:
            return None
        given = request.args.get("token", "")
        if not hmac.compare_digest(given.encode(), token.encode()):
            return response.json({"error": "This server only answers the assistant's Rasa servers."}, status=401)
        return None

    return app


def main(argv: Optional[Sequence[str]] = None) -> int:
    parser = argparse.ArgumentParser(
        prog="python -m components.server.action_server", description=__doc__.split("\n\n")[1]
    )
    parser.add_argument("--host", default=os.environ.get("ACTIONS_HOST", "127.0.0.1"))
    parser.add_argument("--port", type=int, default=int(os.environ.get("ACTIONS_PORT", "5055")))
    args = parser.parse_args(argv)
    token = os.environ.get(TOKEN_ENV, "")
    if not token:
        parser.error(f"set {TOKEN_ENV} (the Rasa servers' endpoints file must carry the same token)")
    logging.basicConfig(level=logging.INFO, format="%(asctime)s %(levelname)s %(name)s - %(message)s")
    app = create_guarded_app(token)
    app.run(host=args.host, port=args.port, workers=1, access_log=False, motd=False)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
