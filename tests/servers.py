"""Start the real action server and Rasa server for integration tests, and stop them."""

from __future__ import annotations

import json
import os
import subprocess
import sys
import time
import urllib.request
from contextlib import contextmanager
from pathlib import Path
from typing import ContextManager, Iterator, Optional

from bot.deploy.embedded import free_port, running_embedded

__all__ = [
    "free_port",
    "running_assistant",
    "post_json",
    "say",
    "texts",
    "first_button",
    "serving_chat_page",
    "serving_web",
]

# The real action server and Rasa server (SQLite trials); yields Rasa's base URL.
running_assistant = running_embedded


def post_json(url: str, body: object, timeout: float = 60) -> object:
    request = urllib.request.Request(url, data=json.dumps(body).encode(), headers={"Content-Type": "application/json"})
    with urllib.request.urlopen(request, timeout=timeout) as response:
        return json.loads(response.read().decode())


def say(base: str, sender: str, message: str) -> list[dict]:
    return post_json(f"{base}/webhooks/rest/webhook", {"sender": sender, "message": message})  # type: ignore[return-value]


def texts(replies: list[dict]) -> str:
    return "\n".join(r.get("text", "") for r in replies)


def first_button(replies: list[dict]) -> Optional[dict]:
    for reply in replies:
        for button in reply.get("buttons", []) or []:
            return button
    return None


@contextmanager
def serving_web(env: dict[str, str], log: Optional[Path] = None) -> Iterator[str]:
    """`python -m bot serve` (the chat page and the staff page) with `env`: yields its URL once
    /health answers; a server that dies while starting raises with its log."""
    from bot.config import REPO_ROOT

    port = free_port()
    output = open(log, "w") if log else subprocess.DEVNULL
    process = subprocess.Popen(
        [sys.executable, "-m", "bot", "serve", "--port", str(port)],
        cwd=REPO_ROOT,
        env=env,
        stdout=output,
        stderr=subprocess.STDOUT,
        stdin=subprocess.DEVNULL,
    )
    url = f"http://127.0.0.1:{port}/"
    try:
        for _ in range(120):
            try:
                urllib.request.urlopen(url + "health", timeout=1)
                break
            except OSError:
                if process.poll() is not None:
                    raise RuntimeError(log.read_text() if log else "the web server stopped while starting")
                time.sleep(0.25)
        yield url
    finally:
        process.terminate()
        process.wait(timeout=20)
        if log:
            output.close()


def serving_chat_page(rasa_url: str) -> ContextManager[str]:
    """The chat page in front of the Rasa server at `rasa_url`."""
    return serving_web({**os.environ, "RASA_PUBLIC_URL": rasa_url})
