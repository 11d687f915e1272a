"""The website widget's socket.io channel, with the same per-sender rate limit as the REST
webhook (bot/ratelimit.py: RATE_LIMIT_PER_MINUTE, shared through Redis when REDIS_URL is set).
A sender over the limit gets a kind "please wait" message instead of an answer."""
from __future__ import annotations

from typing import Any, Awaitable, Callable, Dict, Optional, Text

from rasa.core.channels.channel import InputChannel, UserMessage
from rasa.core.channels.socketio import SocketIOInput
from sanic import Blueprint

from bot.ratelimit import RateLimiter, rate_limiter_from_env
from components.channels.rest import rate_limited_text

MessageHandler = Callable[[UserMessage], Awaitable[Any]]


class RateLimitedSocketIOInput(SocketIOInput):
    rate_limiter: Optional[RateLimiter] = None

    @classmethod
    def name(cls) -> Text:
        return "socketio"

    @classmethod
    def from_credentials(cls, credentials: Optional[Dict[Text, Any]]) -> InputChannel:
        channel = super().from_credentials(credentials)
        channel.rate_limiter = rate_limiter_from_env()  # type: ignore[attr-defined]
        return channel

    def blueprint(self, on_new_message: MessageHandler) -> Blueprint:
        return super().blueprint(self.limited(on_new_message))

    def limited(self, on_new_message: MessageHandler) -> MessageHandler:
        async def handle(message: UserMessage) -> None:
            if self.rate_limiter is not None:
                decision = await self.rate_limiter.hit(message.sender_id or "")
                if not decision.allowed:
                    await message.output_channel.send_text_message(
                        message.sender_id, rate_limited_text(decision.retry_after))
                    return
            await on_new_message(message)

        return handle
