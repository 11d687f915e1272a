"""The embedded set-up (SQLite trials, Rasa's in-memory tracker store, one Rasa instance and
the action server) started in the background: for the tests and the load benchmark. The action
server is the guarded one `make run` starts (ACTIONS_WORKERS processes, a fresh token each
time)."""

from __future__ import annotations

import os
import secrets
import socket
import sys
from contextlib import contextmanager
from pathlib import Path
from typing import Iterator, Mapping, Optional

import yaml

from bot.channels.credentials import platform_variables, write_filtered_credentials
from bot.deploy.endpoints import ACTION_TOKEN_ENV, action_endpoint
from bot.deploy.entry_points import ACTION_SERVER, RASA_SERVER
from bot.deploy.processes import ManagedProcess, wait_until_ready

START_TIMEOUT = 240


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


@contextmanager
def running_embedded(
    model: Path,
    database_url: str,
    run_dir: Path,
    extra_env: Optional[Mapping[str, str]] = None,
    enable_api: bool = False,
) -> Iterator[str]:
    """Yields the Rasa server's base URL while both servers run. Messaging platforms are on
    only when `extra_env` configures them (never from the calling shell's variables). With
    `enable_api`, Rasa's HTTP API is on; give RASA_AUTH_TOKEN in `extra_env` to guard it."""
    actions_port, rasa_port = free_port(), free_port()
    run_dir.mkdir(parents=True, exist_ok=True)
    endpoints = run_dir / "endpoints.yml"
    # Rasa fills in ${ACTION_SERVER_TOKEN} from its environment: the file holds no secret.
    endpoints.write_text(
        yaml.safe_dump(
            {"action_endpoint": action_endpoint(f"http://127.0.0.1:{actions_port}/webhook")}, sort_keys=False
        )
    )
    env = {k: v for k, v in os.environ.items() if k not in platform_variables()}
    env.update(
        {
            "DATABASE_URL": database_url,
            "TF_CPP_MIN_LOG_LEVEL": "2",
            ACTION_TOKEN_ENV: secrets.token_urlsafe(24),
            **(extra_env or {}),
        }
    )
    credentials = run_dir / "credentials.yml"
    write_filtered_credentials(credentials, env=env)
    for name in platform_variables() - set(extra_env or {}):
        env[name] = ""  # ManagedProcess adds the caller's environment: blank out its platforms
    rasa_args = [
        "run",
        "--model",
        str(model),
        "--interface",
        "127.0.0.1",
        "--port",
        str(rasa_port),
        "--credentials",
        str(credentials),
        "--endpoints",
        str(endpoints),
    ]
    processes = [
        ManagedProcess(
            "action server",
            [sys.executable, "-m", ACTION_SERVER, "--host", "127.0.0.1", "--port", str(actions_port)],
            run_dir / "actions.log",
            f"http://127.0.0.1:{actions_port}/health",
            env=env,
        ),
        ManagedProcess(
            "Rasa",
            [sys.executable, "-m", RASA_SERVER, *rasa_args, *(["--enable-api"] if enable_api else [])],
            run_dir / "rasa.log",
            f"http://127.0.0.1:{rasa_port}/",
            env=env,
        ),
    ]
    try:
        for process in processes:
            process.start()
        wait_until_ready(processes, START_TIMEOUT)
        yield f"http://127.0.0.1:{rasa_port}"
    finally:
        for process in reversed(processes):
            process.stop()
