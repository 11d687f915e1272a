"""What the platform connectors share: the output channel that collects a turn's replies, the
HTTP client for the platform APIs, and safe handling of webhook requests."""

from __future__ import annotations

import asyncio
import json
import logging
from typing import Any, Awaitable, Callable, Dict, List, Optional, Set, Text

import aiohttp
from rasa.core.channels.channel import OutputChannel, UserMessage
from sanic import response
from sanic.request import Request
from sanic.response import HTTPResponse

from bot.channels.limits import MAX_USER_TEXT
from bot.channels.replies import Reply, reply_from_message

logger = logging.getLogger(__name__)

API_TIMEOUT = aiohttp.ClientTimeout(total=15)


def setting(credentials: Optional[Dict[Text, Any]], key: Text, default: Any = None) -> Any:
    """A credentials value, stripped; `default` when absent or empty."""
    value = (credentials or {}).get(key)
    if value is None or (isinstance(value, str) and not value.strip()):
        return default
    return value.strip() if isinstance(value, str) else value


def refuse(status: int, reason: Text, platform: Text) -> HTTPResponse:
    """A short plain-text refusal; the reason is logged, never a stack trace returned."""
    logger.warning("%s webhook refused (%s): %s", platform, status, reason)
    return response.text(reason, status=status)


def json_body(request: Request) -> Optional[Dict[Text, Any]]:
    """The request body as a JSON object, or None (not JSON, or not an object)."""
    try:
        body = json.loads(request.body or b"")
    except (ValueError, UnicodeDecodeError):
        return None
    return body if isinstance(body, dict) else None


class PlatformAPI:
    """Posts to one platform's HTTP API. Failures are logged (without tokens) and never raised:
    a platform being down must not break the conversation."""

    def __init__(self, platform: Text) -> None:
        self.platform = platform

    async def post(
        self,
        url: Text,
        what: Text,
        *,
        json_body: Any = None,
        data: Any = None,
        headers: Optional[Dict[Text, Text]] = None,
        auth: Optional[aiohttp.BasicAuth] = None,
    ) -> Optional[Dict[Text, Any]]:
        """POST and return the decoded JSON answer, or None on any failure."""
        try:
            async with aiohttp.ClientSession(timeout=API_TIMEOUT) as session:
                async with session.post(url, json=json_body, data=data, headers=headers, auth=auth) as answer:
                    text = await answer.text()
                    try:
                        decoded = json.loads(text) if text else {}
                    except ValueError:
                        decoded = {}
                    if answer.status >= 400 or (isinstance(decoded, dict) and decoded.get("ok") is False):
                        logger.error("%s API %s failed: HTTP %s %s", self.platform, what, answer.status, text[:300])
                        return None
                    return decoded if isinstance(decoded, dict) else {}
        except (aiohttp.ClientError, asyncio.TimeoutError, OSError) as error:
            logger.error("%s API %s failed: %s", self.platform, what, type(error).__name__)
            return None


class TurnOutput(OutputChannel):
    """An output channel that turns Rasa's messages into `Reply`s for `deliver`.

    Platforms that need the whole turn at once (numbered options across the turn, quick replies
    on the last message) set `per_turn`; the webhook then creates the channel with
    `buffered=True` and calls `flush` once Rasa has answered. Created any other way (Rasa's own
    `trigger_intent` path, say) the channel delivers each message at once.
    """

    per_turn = False

    def __init__(self, buffered: bool = False) -> None:
        super().__init__()
        self._buffered = buffered and self.per_turn
        self._pending: List[Reply] = []

    async def send_response(self, recipient_id: Text, message: Dict[Text, Any]) -> None:
        reply = reply_from_message(message)
        if reply is None:
            if message.get("custom"):
                logger.debug("%s: custom payload not sent", self.name())
            return
        if self._buffered:
            self._pending.append(reply)
        else:
            await self.deliver(str(recipient_id), [reply])

    async def send_text_message(self, recipient_id: Text, text: Text, **kwargs: Any) -> None:
        await self.send_response(recipient_id, {"text": text})

    async def send_text_with_buttons(
        self, recipient_id: Text, text: Text, buttons: List[Dict[Text, Any]], **kwargs: Any
    ) -> None:
        await self.send_response(recipient_id, {"text": text, "buttons": buttons})

    async def flush(self, recipient_id: Text) -> None:
        replies, self._pending = self._pending, []
        await self.deliver(str(recipient_id), replies)

    async def deliver(self, recipient_id: Text, replies: List[Reply]) -> None:
        raise NotImplementedError


async def run_turn(
    on_new_message: Callable[[UserMessage], Awaitable[Any]], message: UserMessage, platform: Text
) -> None:
    """Let Rasa handle one message, then send what it said; errors are logged, not raised.
    Text longer than MAX_USER_TEXT is cut there."""
    output = message.output_channel
    if message.text and len(message.text) > MAX_USER_TEXT:
        logger.info("%s: a %s-character message was cut to %s", platform, len(message.text), MAX_USER_TEXT)
        message.text = message.text[:MAX_USER_TEXT]
    try:
        await on_new_message(message)
    except Exception:  # noqa: BLE001 - one failed message must not take the webhook down
        logger.exception("%s: failed to handle a message", platform)
    finally:
        if isinstance(output, TurnOutput) and output._buffered:
            try:
                await output.flush(message.sender_id)
            except Exception:  # noqa: BLE001
                logger.exception("%s: failed to send the reply", platform)


class BackgroundTurns:
    """Runs turns after the webhook has answered (Slack wants an answer within 3 seconds),
    keeping a reference to each task until it ends."""

    def __init__(self) -> None:
        self._tasks: Set[asyncio.Task] = set()

    def start(self, turn: Awaitable[Any]) -> None:
        task = asyncio.ensure_future(turn)
        self._tasks.add(task)
        task.add_done_callback(self._tasks.discard)
