"""The REST webhook, with website conversations bound to their token.

The hardened REST webhook (components/channels/rest.py) lets the caller choose the sender id.
A sender that names a website conversation (`web-...`, bot/channels/session_tokens.py) must
also send that conversation's token, `{"sender": ..., "message": ..., "session_token": ...}`;
without it, or with a forged or expired one, the message starts a new conversation of its own
(the replies' `recipient_id` names it), so an id seen somewhere cannot be used to read or write
someone's website chat.
"""
from __future__ import annotations

import json
import logging
from typing import Any, Dict, Optional, Text
from uuid import uuid4

from rasa.core.channels.channel import InputChannel
from sanic.request import Request

from bot.channels.session_tokens import Check, SessionTokens, is_web_session, session_tokens_from_env
from bot.ratelimit import RateLimiter, rate_limiter_from_env
from components.channels.rest import HardenedRestInput

logger = logging.getLogger(__name__)

TOKEN_FIELD = "session_token"


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
    return json.dumps({**data, "sender": uuid4().hex}).encode()


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
        return body if self.tokens is None else bound_body(body, self.tokens)
