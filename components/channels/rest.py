"""The REST webhook (POST /webhooks/rest/webhook), hardened for the public internet.

Rasa's RestInput, with these differences, and why:
- the body is read up to MAX_BODY_BYTES only (Sanic's own limit is 100 MB) and must be a JSON
  object `{"sender": "...", "message": "..."}`; anything else (not UTF-8, not JSON, nested too
  deep, wrong types, a missing or odd sender id) gets a 400 (413 when too big) with a JSON
  `{"error": ...}` that says what is wrong, never a 5xx or a stack trace;
- a sender id is 1-128 letters, digits and `_ - . :`, so nothing odd becomes a conversation id,
  and not of the form of another platform's ids (bot/channels/platform_ids.py): a caller must
  not create, ahead of a Telegram, Messenger or Slack user, the conversation they will join;
- control characters (except new lines and tabs), bidirectional-override characters and broken
  surrogates are removed from the message: PostgreSQL cannot store a NUL, and text that hides
  what it says must not reach the conversation log or the content-gap report;
- a message longer than MAX_MESSAGE_CHARS gets a kind reply asking for a shorter one, and is
  neither understood nor stored nor even cleaned (see MAX_MESSAGE_CHARS);
- a per-sender rate limit (bot.ratelimit; RATE_LIMIT_PER_MINUTE, REDIS_URL): over it, HTTP 429
  with a Retry-After header and a kind reply in the usual reply format;
- the client's `metadata` and `input_channel` are ignored: Rasa stores metadata with the
  conversation as sent, unbounded, and a caller must not be able to pose as another channel;
- nothing the person wrote, and no sender id, is logged.

Normal messages behave as in RestInput: a JSON list of replies, or with `?stream=true` one JSON
reply per line (RestInput.stream_response).
"""

from __future__ import annotations

import json
import logging
import re
import time
import unicodedata
from asyncio import CancelledError
from dataclasses import dataclass
from typing import Any, Awaitable, Callable, Dict, List, Optional, Text, Union

import rasa.utils.endpoints
from rasa.core.channels.channel import CollectingOutputChannel, InputChannel, UserMessage
from rasa.core.channels.rest import RestInput
from sanic import Blueprint, response
from sanic.exceptions import PayloadTooLarge
from sanic.request import Request
from sanic.response import HTTPResponse, ResponseStream

from bot.channels.platform_ids import platform_of
from bot.ratelimit import RateLimiter, rate_limiter_from_env

logger = logging.getLogger(__name__)

# A long story, not a pasted document: 12,000 characters are about 2,000 words. People write
# their whole history before the question (bot/profile/ reads it: who, tumour, treatments,
# place), so a 10,000-character story is answered, not refused; the classifier reads the first
# 256 word pieces for meaning and the safety patterns read it all.
MAX_MESSAGE_CHARS = 12_000
# Bodies are read no further than this. A pasted document of 100,000 characters still gets the
# kind "too long" reply rather than an error; Sanic's own limit (100 MB) is far too much to hold
# in memory for one request.
MAX_BODY_BYTES = 1024 * 1024
SENDER_ID = re.compile(r"[A-Za-z0-9_.:\-]{1,128}")
_BIDI_CONTROLS = {chr(c) for c in (*range(0x202A, 0x202F), *range(0x2066, 0x206A))}
_KEPT_CONTROLS = {"\n", "\t"}

TOO_LONG_TEXT = (
    f"Sorry, that message is too long for me to read. Please send a shorter one, up to "
    f"{MAX_MESSAGE_CHARS:,} characters. One question at a time works best."
)
RATE_LIMITED_TEXT = "You have sent a lot of messages in a short time. Please wait {wait}, then send your message again."
REPORT_INTERVAL_SECONDS = 60.0  # rate-limit refusals are logged as one count a minute at most
BODY_EXAMPLE = '{"sender": "an id you choose", "message": "your question"}'


class BadRequest(Exception):
    """A request refused with `status` and a message saying what to send instead."""

    def __init__(self, reason: Text, status: int = 400) -> None:
        super().__init__(reason)
        self.reason = reason
        self.status = status


@dataclass(frozen=True)
class Incoming:
    sender: Text
    text: Text

    @property
    def too_long(self) -> bool:
        return len(self.text) > MAX_MESSAGE_CHARS


def clean_text(text: Text) -> Text:
    """The message without control characters (new lines and tabs kept), bidirectional
    overrides or broken surrogate pairs; Windows new lines become plain ones."""
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    kept = []
    for char in text:
        category = unicodedata.category(char)
        if category == "Cs":
            kept.append("\ufffd")
        elif (category == "Cc" and char not in _KEPT_CONTROLS) or char in _BIDI_CONTROLS:
            continue
        else:
            kept.append(char)
    return "".join(kept)


def parse_body(body: bytes) -> Incoming:
    """The sender and the cleaned text of a webhook body; BadRequest says what is wrong."""
    if not body or not body.strip():
        raise BadRequest(f"The body is empty. Send a JSON object: {BODY_EXAMPLE}")
    try:
        decoded = body.decode("utf-8")
    except UnicodeDecodeError:
        raise BadRequest("The body is not valid UTF-8 text.") from None
    try:
        data = json.loads(decoded)
    except (ValueError, RecursionError):
        raise BadRequest(f"The body is not valid JSON. Send a JSON object: {BODY_EXAMPLE}") from None
    if not isinstance(data, dict):
        raise BadRequest(f"The body must be a JSON object: {BODY_EXAMPLE}")
    sender = data.get("sender")
    if sender is None:
        raise BadRequest(f'"sender" is missing. Send a JSON object: {BODY_EXAMPLE}')
    if not isinstance(sender, str) or not SENDER_ID.fullmatch(sender):
        raise BadRequest('"sender" must be a string of 1 to 128 letters, digits, "_", "-", "." or ":".')
    platform = platform_of(sender)
    if platform is not None:
        raise BadRequest(
            f'"sender" has the form of a {platform} id, which REST may not use. Add a prefix, such as "rest-".'
        )
    message = data.get("message")
    if message is None:
        raise BadRequest(f'"message" is missing. Send a JSON object: {BODY_EXAMPLE}')
    if not isinstance(message, str):
        raise BadRequest('"message" must be a string.')
    if len(message) > MAX_MESSAGE_CHARS:
        return Incoming(sender, message)  # refused by the caller, so not worth cleaning
    text = clean_text(message)
    if not text.strip():
        raise BadRequest('"message" is empty.')
    return Incoming(sender, text)


def rate_limited_text(seconds: int) -> Text:
    return RATE_LIMITED_TEXT.format(wait=f"{seconds} second" if seconds == 1 else f"{seconds} seconds")


def bot_reply(sender: Text, text: Text) -> Dict[Text, Any]:
    """One reply in the shape CollectingOutputChannel gives Rasa's replies."""
    return {"recipient_id": sender, "text": text}


def error_response(error: BadRequest) -> HTTPResponse:
    return response.json({"error": error.reason}, status=error.status)


class HardenedRestInput(RestInput):
    """POST /webhooks/rest/webhook, refusing what a public endpoint must not take."""

    @classmethod
    def name(cls) -> Text:
        return "rest"

    @classmethod
    def from_credentials(cls, credentials: Optional[Dict[Text, Any]]) -> InputChannel:
        return cls(rate_limiter_from_env())

    def __init__(self, rate_limiter: Optional[RateLimiter] = None) -> None:
        self.rate_limiter = rate_limiter
        self._limited = 0
        self._last_report = float("-inf")

    def note_rate_limited(self) -> None:
        """Count a refusal; log the count (never who) at most once a minute, so a flood shows
        in the log without flooding it."""
        self._limited += 1
        now = time.monotonic()
        if now - self._last_report >= REPORT_INTERVAL_SECONDS:
            logger.warning("REST webhook: %s message(s) refused by the rate limit since the last report", self._limited)
            self._limited, self._last_report = 0, now

    async def read_body(self, request: Request) -> bytes:
        """The request body, read no further than MAX_BODY_BYTES."""
        if request.stream is not None:
            request.stream.request_max_size = MAX_BODY_BYTES
        try:
            await request.receive_body()
        except PayloadTooLarge:
            raise BadRequest(f"The body is larger than {MAX_BODY_BYTES // (1024 * 1024)} MB.", status=413) from None
        return request.body or b""

    async def over_limit(self, sender: Text) -> Optional[int]:
        """Seconds to wait when `sender` is over the rate limit, else None."""
        if self.rate_limiter is None:
            return None
        decision = await self.rate_limiter.hit(sender)
        return None if decision.allowed else decision.retry_after

    @staticmethod
    def replies(
        messages: List[Dict[Text, Any]], stream: bool, status: int = 200, headers: Optional[Dict[Text, Text]] = None
    ) -> HTTPResponse:
        """Replies as RestInput gives them: a JSON list, or one JSON object per line."""
        if stream:
            lines = "".join(json.dumps(m) + "\n" for m in messages)
            return response.text(lines, status=status, headers=headers, content_type="text/event-stream")
        return response.json(messages, status=status, headers=headers)

    async def handle(self, on_new_message: Callable[[UserMessage], Awaitable[Any]], incoming: Incoming) -> HTTPResponse:
        """Rasa's answer to one message, as RestInput collects it; a failure is logged (without
        the text) and the replies so far are returned."""
        collector = CollectingOutputChannel()
        try:
            await on_new_message(UserMessage(incoming.text, collector, incoming.sender, input_channel=self.name()))
        except CancelledError:
            logger.error("REST: a message timed out")
        except Exception:  # noqa: BLE001 - one failed message must not take the webhook down
            logger.exception("REST: failed to handle a message")
        return response.json(collector.messages)

    def blueprint(self, on_new_message: Callable[[UserMessage], Awaitable[Any]]) -> Blueprint:
        webhook = Blueprint(f"custom_webhook_{type(self).__name__}", __name__)

        @webhook.route("/", methods=["GET"])
        async def health(request: Request) -> HTTPResponse:
            return response.json({"status": "ok"})

        @webhook.route("/webhook", methods=["POST"], stream=True)
        async def receive(request: Request) -> Union[ResponseStream, HTTPResponse]:
            stream = rasa.utils.endpoints.bool_arg(request, "stream", default=False)
            try:
                incoming = parse_body(await self.read_body(request))
            except BadRequest as error:
                logger.info("REST webhook refused a request (%s): %s", error.status, error.reason)
                return error_response(error)
            wait = await self.over_limit(incoming.sender)
            if wait is not None:
                self.note_rate_limited()
                reply = bot_reply(incoming.sender, rate_limited_text(wait))
                return self.replies([reply], stream, status=429, headers={"Retry-After": str(wait)})
            if incoming.too_long:
                logger.info("REST webhook: a %s-character message was not passed on", len(incoming.text))
                return self.replies([bot_reply(incoming.sender, TOO_LONG_TEXT)], stream)
            if stream:
                return response.stream(
                    self.stream_response(on_new_message, incoming.text, incoming.sender, self.name(), None),
                    content_type="text/event-stream",
                )
            return await self.handle(on_new_message, incoming)

        return webhook
