"""`python -m components.server.action_server`: the action server for production.

Unlike `rasa run actions` (which listens on every network interface and answers anyone), it
listens on ACTIONS_HOST (127.0.0.1 by default) and runs an action only when the request
carries ACTION_SERVER_TOKEN, which only the Rasa servers are given (endpoints `token:`;
Rasa sends it as `?token=`). `/health` stays open and says nothing private.

It runs ACTIONS_WORKERS processes (default: one per processor core this process may use), so
one slow search no longer holds up every other reply. The actions package is imported and
warmed once, before the workers are forked: they share its caches; each opens its own
database connections.
"""

from __future__ import annotations

import argparse
import ctypes
import hmac
import logging
import os
import signal
from typing import Mapping, Optional, Sequence

from rasa_sdk.endpoint import create_app
from sanic import Sanic, response
from sanic.request import Request
from sanic.response import HTTPResponse

TOKEN_ENV = "ACTION_SERVER_TOKEN"
WORKERS_ENV = "ACTIONS_WORKERS"
OPEN_PATHS = {"/health"}
_PR_SET_PDEATHSIG = 1  # linux/prctl.h

logger = logging.getLogger(__name__)


def create_guarded_app(token: str) -> Sanic:
    if not token:
        raise ValueError(f"{TOKEN_ENV} is empty: the action server would answer anyone")
    app = create_app("actions", cors_origins=None)  # no browser ever calls it
    main_pid = os.getpid()

    @app.middleware("request")
    async def require_token(request: Request) -> Optional[HTTPResponse]:
        if request.path in OPEN_PATHS:
            return None
        given = request.args.get("token", "")
        if not hmac.compare_digest(given.encode(), token.encode()):
            return response.json({"error": "This server only answers the assistant's Rasa servers."}, status=401)
        return None

    @app.listener("before_server_start")
    async def start_worker(*_: object) -> None:
        if os.getpid() != main_pid:  # a forked worker (bot/trials/store.py drops inherited connections)
            _die_with_parent(main_pid)

    return app


def _die_with_parent(parent: int) -> None:
    """A forked worker stops when the main process dies, even by SIGKILL, so that no orphan
    keeps answering on the port (they share it)."""
    try:
        ctypes.CDLL(None, use_errno=True).prctl(_PR_SET_PDEATHSIG, signal.SIGTERM)
    except (OSError, AttributeError):  # not Linux: Sanic's own shutdown still stops the workers
        return
    if os.getppid() != parent:  # the parent died before prctl took effect
        os._exit(0)


def default_workers() -> int:
    try:
        return max(1, len(os.sched_getaffinity(0)))
    except AttributeError:  # not Linux
        return os.cpu_count() or 1


def workers_from(env: Mapping[str, str]) -> int:
    value = env.get(WORKERS_ENV, "").strip()
    if not value:
        return default_workers()
    try:
        workers = int(value)
    except ValueError:
        raise ValueError(f"{WORKERS_ENV} must be a whole number, not {value!r}") from None
    if workers < 1:
        raise ValueError(f"{WORKERS_ENV} must be 1 or more")
    return workers


def main(argv: Optional[Sequence[str]] = None) -> int:
    parser = argparse.ArgumentParser(
        prog="python -m components.server.action_server", description=__doc__.split("\n\n")[1]
    )
    parser.add_argument("--host", default=os.environ.get("ACTIONS_HOST", "127.0.0.1"))
    parser.add_argument("--port", type=int, default=int(os.environ.get("ACTIONS_PORT", "5055")))
    parser.add_argument("--workers", type=int, help=f"processes (default: {WORKERS_ENV}, else one per core)")
    args = parser.parse_args(argv)
    token = os.environ.get(TOKEN_ENV, "")
    if not token:
        parser.error(f"set {TOKEN_ENV} (the Rasa servers' endpoints file must carry the same token)")
    try:
        workers = args.workers if args.workers is not None else workers_from(os.environ)
    except ValueError as error:
        parser.error(str(error))
    if workers < 1:
        parser.error("--workers must be 1 or more")
    logging.basicConfig(level=logging.INFO, format="%(asctime)s %(levelname)s %(name)s - %(message)s")
    app = create_guarded_app(token)
    logger.info("Action server on %s:%s, %d worker(s)", args.host, args.port, workers)
    app.run(host=args.host, port=args.port, workers=workers, access_log=False, motd=False)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
