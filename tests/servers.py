"""Start the real action server and Rasa server for integration tests, and stop them."""
from __future__ import annotations

import json
import urllib.request
from typing import Optional

from bot.deploy.embedded import free_port, running_embedded

__all__ = ["free_port", "running_assistant", "post_json", "say", "texts", "first_button"]

# The real action server and Rasa server (SQLite trials); yields Rasa's base URL.
running_assistant = running_embedded


def post_json(url: str, body: object, timeout: float = 60) -> object:
    request = urllib.request.Request(
        url, data=json.dumps(body).encode(), headers={"Content-Type": "application/json"}
    )
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
