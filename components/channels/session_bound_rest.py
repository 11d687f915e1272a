"""The REST webhook, with website conversations bound to their token.

The hardened REST webhook (components/channels/rest.py) lets the caller choose the sender id.
A sender that names a website conversation (`web-...`, bot/channels/session_tokens.py) must
also send that conversation's token, `{"sender": ..., "message": ..., "session_token": ...}`;
without it, or with a forged or expired one, the message starts a new conversation of its own
(the replies' `recipient_id` names it), so an id seen somewhere cannot be used to read or write
someone's website chat. Nor does a sender naming a conversation stored from another channel
(a socket.io connection id...): REST continues only REST conversations. A sender of the
form of a platform's ids (a Telegram chat id, a Slack or Messenger user id) is refused by the
webhook (components/channels/rest.py), so REST can neither reach such a conversation nor
create it before that person first writes.
"""

from __future__ import annotations

import json
import logging
from typing import Any, Dict, Optional, Text
from uuid import uuid4

from rasa.core.channels.channel import InputChannel
from rasa.core.tracker_store import TrackerStore
from rasa.shared.core.events import UserUttered
from sanic.request import Request

from bot.channels.platform_ids import platform_of
from bot.channels.session_tokens import Check, SessionTokens, is_web_session, session_tokens_from_env
from bot.ratelimit import RateLimiter, rate_limiter_from_env
from components.channels.rest import SENDER_ID, HardenedRestInput

logger = logging.getLogger(__name__)

TOKEN_FIELD = "session_token"


def new_sender() -> Text:
    """A new REST conversation's id: random, and never of a platform's id form."""
    return f"rest-{uuid4().hex}"


def bound_body(body: bytes, tokens: SessionTokens) -> bytes:
    """`body` as sent, unless its sender names a website conversation without that
    conversation's valid token: then the same body for a new conversation. A body that is not
    a JSON object is returned as sent, for the webhook to refuse."""
    try:
        data = json.loads(body.decode("utf-8"))
    except (UnicodeDecodeError, ValueError, RecursionError):
        return body
    if not isinstance(data, dict) or not is_web_session(data.get("sender")):
        return body
    if tokens.check(data["sender"], data.get(TOKEN_FIELD)) is Check.VALID:
        return body
    logger.info("REST webhook: a message named a website conversation without its token; it starts a new one")
    return json.dumps({**data, "sender": new_sender()}).encode()


async def unshared_body(body: bytes, store: TrackerStore, channel: Text) -> bytes:
    """`body` as sent, unless its sender names a stored conversation with a message from
    another channel than `channel`: then the same body for a new conversation."""
    try:
        data = json.loads(body.decode("utf-8"))
    except (UnicodeDecodeError, ValueError, RecursionError):
        return body
    sender = data.get("sender") if isinstance(data, dict) else None
    if not isinstance(sender, str) or not SENDER_ID.fullmatch(sender) or platform_of(sender) is not None:
        return body  # for the webhook to refuse
    if is_web_session(sender):
        return body  # a website conversation: bound_body's
    tracker = await store.retrieve(sender)
    channels = {e.input_channel for e in tracker.events if isinstance(e, UserUttered)} if tracker else set()
    if channels <= {None, channel}:
        return body
    logger.info("REST webhook: a message named another channel's conversation; it starts a new one")
    return json.dumps({**data, "sender": new_sender()}).encode()


class SessionBoundRestInput(HardenedRestInput):
    """POST /webhooks/rest/webhook: the hardened webhook, opening a website conversation only
    with its token."""

    def __init__(self, rate_limiter: Optional[RateLimiter] = None, tokens: Optional[SessionTokens] = None) -> None:
        super().__init__(rate_limiter)
        self.tokens = tokens

    @classmethod
    def from_credentials(cls, credentials: Optional[Dict[Text, Any]]) -> InputChannel:
        return cls(rate_limiter_from_env(), session_tokens_from_env())

    async def read_body(self, request: Request) -> bytes:
        body = await super().read_body(request)
        body = body if self.tokens is None else bound_body(body, self.tokens)
        agent = getattr(request.app.ctx, "agent", None)
        return body if agent is None else await unshared_body(body, agent.tracker_store, self.name())
