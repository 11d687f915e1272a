"""A socket.io client speaking as the website widget (chat.js) does, for the tests against the
real Rasa server."""

from __future__ import annotations

import asyncio
from typing import Any, Optional

import socketio

PAGE_ORIGIN = "http://127.0.0.1:8080"
REPLY_TIMEOUT = 60.0


class Widget:
    """A socket.io client speaking as chat.js does, from `address`."""

    def __init__(self, base: str, address: str, origin: Optional[str] = PAGE_ORIGIN) -> None:
        self.base = base
        self.headers = {"X-Forwarded-For": address, **({"Origin": origin} if origin else {})}
        self.client = socketio.AsyncClient(reconnection=False)
        self.replies: asyncio.Queue[dict] = asyncio.Queue()
        self.confirmed: asyncio.Queue[Any] = asyncio.Queue()
        self.client.on("bot_uttered", self.replies.put_nowait)
        self.client.on("session_confirm", self.confirmed.put_nowait)

    async def __aenter__(self) -> "Widget":
        await self.client.connect(self.base, headers=self.headers, transports=["websocket"])
        return self

    async def __aexit__(self, *_: object) -> None:
        await self.client.disconnect()

    async def start_session(self, session_id: object = None, token: object = None) -> Any:
        """The session id the server confirms (the whole confirmation is `self.confirmation`)."""
        await self.client.emit("session_request", {"session_id": session_id, "session_token": token})
        self.confirmation = await asyncio.wait_for(self.confirmed.get(), REPLY_TIMEOUT)
        return self.confirmation["session_id"]

    async def send(self, event: Any) -> None:
        await self.client.emit("user_uttered", event)

    async def reply(self, timeout: float = REPLY_TIMEOUT) -> str:
        return (await asyncio.wait_for(self.replies.get(), timeout)).get("text", "")

    async def silent_for(self, seconds: float) -> bool:
        try:
            await asyncio.wait_for(self.replies.get(), seconds)
        except asyncio.TimeoutError:
            return True
        return False
