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


def main() -> None:
    install()
    token = os.environ.get(TOKEN_ENV, "").strip()
    if token and sys.argv[1:2] == ["run"] and "--auth-token" not in sys.argv:
        sys.argv += ["--auth-token", token]
    from rasa.__main__ import main as rasa_main

    sys.argv[0] = "rasa"
    rasa_main()


if __name__ == "__main__":
    main()
