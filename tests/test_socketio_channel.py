"""The socket.io channel's rate limit, through the real channel class, Rasa's UserMessage and
output channel, and the real limiter (in memory here; Redis in tests/test_ratelimit.py)."""
from __future__ import annotations

import asyncio

from rasa.core.channels.channel import CollectingOutputChannel, UserMessage

from bot.ratelimit import MemoryRateLimiter
from components.channels.socketio import RateLimitedSocketIOInput


def test_a_sender_over_the_limit_is_asked_to_wait_and_others_are_not_affected() -> None:
    channel = RateLimitedSocketIOInput.from_credentials({"user_message_evt": "user_uttered",
                                                         "bot_message_evt": "bot_uttered"})
    assert isinstance(channel, RateLimitedSocketIOInput)
    channel.rate_limiter = MemoryRateLimiter(limit=2)
    understood: list[str] = []

    async def on_new_message(message: UserMessage) -> None:
        understood.append(f"{message.sender_id}: {message.text}")

    handle = channel.limited(on_new_message)
    output = CollectingOutputChannel()

    async def conversation() -> None:
        for text in ("one", "two", "three"):
            await handle(UserMessage(text, output, "widget-a", input_channel="socketio"))
        await handle(UserMessage("hello", output, "widget-b", input_channel="socketio"))

    asyncio.run(conversation())
    assert understood == ["widget-a: one", "widget-a: two", "widget-b: hello"]
    assert len(output.messages) == 1 and output.messages[0]["recipient_id"] == "widget-a"
    assert "wait" in output.messages[0]["text"]


def test_without_a_limit_every_message_goes_through(monkeypatch) -> None:  # type: ignore[no-untyped-def]
    monkeypatch.setenv("RATE_LIMIT_PER_MINUTE", "0")
    channel = RateLimitedSocketIOInput.from_credentials({})
    assert channel.rate_limiter is None  # type: ignore[attr-defined]
