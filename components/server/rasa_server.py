"""`python -m components.server.rasa_server run ...`: Rasa's own command line, with the static
answers for when the action server is down (components/action_fallbacks.py) switched on.
Every way we start Rasa (make run, the production stack, the tests) goes through here.

RASA_AUTH_TOKEN, when set, becomes Rasa's `--auth-token` inside this process, so the token
never shows in the process list the way a command-line argument would.

`--cors` takes exact origins only (bot/channels/origins.py): a pattern such as
`http://localhost:*` stops the start with an explanation. The same origins become
CORS_ORIGINS in this process, so the website's socket.io channel allows the same pages.
Rasa's version banners are off (components/server/banners.py). Its calls to the action server
share one kept HTTP session (components/server/action_connection.py).
"""

from __future__ import annotations

import os
import sys

from bot.channels.origins import ORIGINS_ENV, exact_origin
from components.action_fallbacks import install
from components.server import action_connection, banners

TOKEN_ENV = "RASA_AUTH_TOKEN"
CORS_OPTION = "--cors"


def with_auth_token(argv: list[str], token: str) -> list[str]:
    """argv with `--auth-token=<token>` added to a `run` that has none.

    One `--opt=value` argument, not two: a generated token can start with "-" (one in 64
    does), and argparse would take a separate "-..." for an option and refuse to start.
    """
    given = any(arg == "--auth-token" or arg.startswith("--auth-token=") for arg in argv)
    if not token or argv[1:2] != ["run"] or given:
        return argv
    return [*argv, f"--auth-token={token}"]


def with_exact_origins(argv: list[str]) -> tuple[list[str], list[str]]:
    """argv with each `--cors` value written as an exact origin, and those origins.
    ValueError names a value that is a pattern or not an origin."""
    checked: list[str] = []
    origins: list[str] = []
    in_cors = False
    for arg in argv:
        if arg.startswith(f"{CORS_OPTION}="):
            origin = exact_origin(arg.split("=", 1)[1])
            origins.append(origin)
            checked.append(f"{CORS_OPTION}={origin}")
            in_cors = False
        elif arg == CORS_OPTION:
            checked.append(arg)
            in_cors = True
        elif in_cors and not arg.startswith("-"):
            origins.append(exact_origin(arg))
            checked.append(origins[-1])
        else:
            checked.append(arg)
            in_cors = False
    return checked, origins


def main() -> None:
    install()
    action_connection.install()
    banners.install()
    try:
        argv, origins = with_exact_origins(sys.argv)
    except ValueError as error:
        sys.exit(f"{CORS_OPTION}: {error}")
    if origins:
        os.environ[ORIGINS_ENV] = " ".join(origins)
    sys.argv = with_auth_token(argv, os.environ.get(TOKEN_ENV, "").strip())
    from rasa.__main__ import main as rasa_main

    sys.argv[0] = "rasa"
    rasa_main()


if __name__ == "__main__":
    main()
