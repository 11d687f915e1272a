"""Start the real action server and Rasa server for integration tests, and stop them."""
from __future__ import annotations

import json
import os
import socket
import subprocess
import time
import urllib.request
from contextlib import contextmanager
from pathlib import Path
from typing import Iterator, Optional

from bot.channels.credentials import platform_variables, write_filtered_credentials
from bot.config import REPO_ROOT

VENV_BIN = Path(os.sys.executable).parent
START_TIMEOUT = 240


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def _ready(url: str) -> bool:
    try:
        with urllib.request.urlopen(url, timeout=2) as response:
            return response.status == 200
    except OSError:
        return False


def post_json(url: str, body: object, timeout: float = 60) -> object:
    request = urllib.request.Request(
        url, data=json.dumps(body).encode(), headers={"Content-Type": "application/json"}
    )
    with urllib.request.urlopen(request, timeout=timeout) as response:
        return json.loads(response.read().decode())


@contextmanager
def running_assistant(model: Path, database_url: str, log_dir: Path,
                      extra_env: Optional[dict[str, str]] = None) -> Iterator[str]:
    """Yields the Rasa server's base URL while both servers run. Messaging platforms are on
    only when `extra_env` configures them (never from the calling shell's variables)."""
    actions_port, rasa_port = free_port(), free_port()
    endpoints = log_dir / "endpoints.yml"
    endpoints.write_text(f"action_endpoint:\n  url: http://127.0.0.1:{actions_port}/webhook\n")
    env = {k: v for k, v in os.environ.items() if k not in platform_variables()}
    env.update({"DATABASE_URL": database_url, "TF_CPP_MIN_LOG_LEVEL": "2", **(extra_env or {})})
    credentials = log_dir / "credentials.yml"
    write_filtered_credentials(credentials, env=env)
    processes: list[subprocess.Popen] = []
    logs = []
    try:
        for name, args in (
            ("actions", ["run", "actions", "--actions", "actions", "--port", str(actions_port)]),
            ("rasa", ["run", "--model", str(model), "--interface", "127.0.0.1", "--port", str(rasa_port),
                      "--credentials", str(credentials), "--endpoints", str(endpoints)]),
        ):
            log = open(log_dir / f"{name}.log", "w")
            logs.append(log)
            processes.append(
                subprocess.Popen([str(VENV_BIN / "rasa"), *args], cwd=REPO_ROOT, env=env,
                                 stdout=log, stderr=subprocess.STDOUT, stdin=subprocess.DEVNULL)
            )
        base = f"http://127.0.0.1:{rasa_port}"
        deadline = time.monotonic() + START_TIMEOUT
        while not (_ready(f"{base}/") and _ready(f"http://127.0.0.1:{actions_port}/health")):
            dead = [p for p in processes if p.poll() is not None]
            if dead or time.monotonic() > deadline:
                tails = "".join((log_dir / f"{n}.log").read_text()[-2000:] for n in ("actions", "rasa"))
                raise RuntimeError(f"the servers did not start:\n{tails}")
            time.sleep(1)
        yield base
    finally:
        for process in processes:
            process.terminate()
        for process in processes:
            try:
                process.wait(timeout=30)
            except subprocess.TimeoutExpired:
                process.kill()
        for log in logs:
            log.close()


def say(base: str, sender: str, message: str) -> list[dict]:
    return post_json(f"{base}/webhooks/rest/webhook", {"sender": sender, "message": message})  # type: ignore[return-value]


def texts(replies: list[dict]) -> str:
    return "\n".join(r.get("text", "") for r in replies)


def first_button(replies: list[dict]) -> Optional[dict]:
    for reply in replies:
        for button in reply.get("buttons", []) or []:
            return button
    return None
