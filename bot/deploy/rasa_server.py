"""`python -m bot.deploy.rasa_server run ...`: Rasa's own command line, with the static
answers for when the action server is down (components/action_fallbacks.py) switched on.
Every way we start Rasa (make run, the production stack, the tests) goes through here.

RASA_AUTH_TOKEN, when set, becomes Rasa's `--auth-token` inside this process, so the token
never shows in the process list the way a command-line argument would.
"""
from __future__ import annotations

import os
import sys

from components.action_fallbacks import install

TOKEN_ENV = "RASA_AUTH_TOKEN"


def with_auth_token(argv: list[str], token: str) -> list[str]:
    """argv with `--auth-token=<token>` added to a `run` that has none.

    One `--opt=value` argument, not two: a generated token can start with "-" (one in 64
    does), and argparse would take a separate "-..." for an option and refuse to start.
    """
    given = any(arg == "--auth-token" or arg.startswith("--auth-token=") for arg in argv)
    if not token or argv[1:2] != ["run"] or given:
        return argv
    return [*argv, f"--auth-token={token}"]


def main() -> None:
    install()
    sys.argv = with_auth_token(sys.argv, os.environ.get(TOKEN_ENV, "").strip())
    from rasa.__main__ import main as rasa_main

    sys.argv[0] = "rasa"
    rasa_main()


if __name__ == "__main__":
    main()
