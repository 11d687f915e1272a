"""The website widget's socket.io channel, guarded like the REST webhook.

Rasa's SocketIOInput, with these differences:
- events are read by `socket_events` with the REST webhook's rules: a session id of 1-128
  letters, digits and `_ - . :` (any other session id in a `session_request` gets a new one);
  a message that is not an object with a string `message` is ignored quietly (Rasa's own
  handler raises on a list and logs a traceback); client `customData`/`metadata` is dropped;
- a message longer than the REST limit gets the same kind reply and is neither understood
  nor stored; frames larger than the REST body limit close the connection;
- a rate limit per connection (RATE_LIMIT_PER_MINUTE) and per client address
  (RATE_LIMIT_PER_ADDRESS_PER_MINUTE, bot/channels/address.py), never per session id, which
  the client chooses; over either, the REST webhook's "please wait" reply;
- a conversation belongs to the browser holding its signed token (bot/channels/session_tokens.py):
  `session_request` resumes a conversation only with its valid token, else starts a new one
  (ids are made by the server), and a connection writes only into the conversation it was
  given; `session_confirm` carries the id, the token, its expiry and why an earlier chat could
  not be opened;
- `session_clear` deletes the connection's conversation from the tracker store
  (components/channels/forget_conversation.py), answered by `session_cleared`;
- browsers may connect only from the exact origins in CORS_ORIGINS (bot/channels/origins.py);
- a closed websocket or a malformed frame is not logged as a server error with a traceback
  (QuietSocketBlueprint, bot/channels/quiet_logger.py).
"""

from __future__ import annotations

import logging
from typing import Any, Awaitable, Callable, Dict, Optional, Text

from rasa.core.channels.channel import InputChannel, UserMessage
from rasa.core.channels.socketio import SocketBlueprint, SocketIOInput, SocketIOOutput
from sanic import Blueprint, Sanic, response
from sanic.request import Request
from sanic.response import HTTPResponse
from socketio import AsyncServer

from bot.channels.address import client_address, trusted_proxies_from_env
from bot.channels.origins import allowed_origins_from_env, origin_checker
from bot.channels.quiet_logger import quiet_library_logger
from bot.channels.session_tokens import (
    Opened,
    SessionTokens,
    open_conversation,
    refusal_notice,
    session_tokens_from_env,
)
from bot.ratelimit import REDIS_PREFIX, RateLimiter, address_rate_limiter_from_env, rate_limiter_from_env
from components.channels.forget_conversation import forget_conversation
from components.channels.rest import MAX_BODY_BYTES, TOO_LONG_TEXT, rate_limited_text
from components.channels.socket_events import Refused, read_message, requested_session_id

logger = logging.getLogger(__name__)

MessageHandler = Callable[[UserMessage], Awaitable[Any]]
ADDRESS_KEY, SESSION_KEY = "address", "session_id"


class QuietSocketBlueprint(SocketBlueprint):
    """Rasa's SocketBlueprint, with the socket.io route marked as one that may end a websocket:
    engine.io's handler returns nothing once a websocket closes, which Sanic otherwise logs as
    "Invalid response type None" with a traceback, for every closed tab. A malformed frame
    (engine.io raises ValueError, an empty one for example) closes that connection only."""

    def register(self, app: Sanic, options: Dict[Text, Any]) -> None:
        sio: AsyncServer = self.ctx.sio

        async def socket_io(request: Request) -> Optional[HTTPResponse]:
            try:
                return await sio.handle_request(request)
            except ValueError as error:
                logger.info("socket.io: a connection sent a malformed frame and was closed (%s)", error)
                request.transport.close()  # type: ignore[attr-defined]  # sanic's TransportProtocol is an asyncio.Transport
                return None

        socket_io.is_websocket = True  # type: ignore[attr-defined]
        self.ctx.app = app  # "Clear this chat" reaches the agent's tracker store through it
        app.add_route(socket_io, f"/{self.ctx.socketio_path.strip('/')}/", methods=["GET", "POST", "OPTIONS"])
        app.enable_websocket()  # as engine.io's own Sanic route does
        Blueprint.register(self, app, options)


class GuardedSocketIOInput(SocketIOInput):
    connection_limiter: Optional[RateLimiter] = None
    address_limiter: Optional[RateLimiter] = None
    trusted_proxies: frozenset[str] = frozenset()
    allowed_origins: tuple[str, ...] = ()
    tokens: Optional[SessionTokens] = None

    @classmethod
    def name(cls) -> Text:
        return "socketio"

    @classmethod
    def from_credentials(cls, credentials: Optional[Dict[Text, Any]]) -> InputChannel:
        channel = super().from_credentials(credentials)
        assert isinstance(channel, GuardedSocketIOInput)
        channel.connection_limiter = rate_limiter_from_env(prefix=f"{REDIS_PREFIX}connection:")
        channel.address_limiter = address_rate_limiter_from_env()
        channel.trusted_proxies = trusted_proxies_from_env()
        channel.allowed_origins = allowed_origins_from_env()
        channel.tokens = session_tokens_from_env()
        return channel

    def confirmation(self, opened: Opened) -> Dict[str, Any]:
        """What `session_confirm` tells the widget (Rasa's own widget reads `session_id`)."""
        assert self.tokens is not None
        notice = refusal_notice(opened.refused, self.tokens.days)
        return {
            "session_id": opened.issued.session_id,
            "session_token": opened.issued.token,
            "expires_at": opened.issued.expires_at,
            "keep_days": self.tokens.days,
            "resumed": opened.resumed,
            **({"notice": notice} if notice else {}),
        }

    async def over_limit(self, connection: str, address: str) -> Optional[int]:
        """Seconds to wait when the connection or its address is over its limit, else None."""
        waits = []
        for limiter, key in ((self.connection_limiter, connection), (self.address_limiter, address)):
            if limiter is not None:
                decision = await limiter.hit(key)
                if not decision.allowed:
                    waits.append(decision.retry_after)
        return max(waits) if waits else None

    def address_of(self, environ: Dict[str, Any]) -> str:
        request = environ.get("sanic.request")
        peer = getattr(request, "ip", None) or environ.get("REMOTE_ADDR")
        return client_address(peer, environ.get("HTTP_X_FORWARDED_FOR"), self.trusted_proxies)

    def blueprint(self, on_new_message: MessageHandler) -> Blueprint:
        quiet = quiet_library_logger()
        sio = AsyncServer(
            async_mode="sanic",
            cors_allowed_origins=origin_checker(self.allowed_origins),
            max_http_buffer_size=MAX_BODY_BYTES,
            logger=quiet,
            engineio_logger=quiet,
        )
        webhook = QuietSocketBlueprint(sio, self.socketio_path, "socketio_webhook", __name__)
        self.sio = sio  # Rasa's get_output_channel reads it
        namespace = self.namespace

        @webhook.route("/", methods=["GET"])
        async def health(_: Request) -> HTTPResponse:
            return response.json({"status": "ok"})

        @sio.on("connect", namespace=namespace)
        async def connect(sid: Text, environ: Dict[str, Any], auth: object = None) -> bool:
            await sio.save_session(sid, {ADDRESS_KEY: self.address_of(environ)}, namespace=namespace)
            return True

        @sio.on("session_request", namespace=namespace)
        async def session_request(sid: Text, data: object = None) -> None:
            assert self.tokens is not None
            token = data.get("session_token") if isinstance(data, dict) else None
            opened = open_conversation(self.tokens, requested_session_id(data), token)
            await self.join(sid, opened.issued.session_id)
            await sio.emit("session_confirm", self.confirmation(opened), room=sid, namespace=namespace)

        @sio.on("session_clear", namespace=namespace)
        async def session_clear(sid: Text, data: object = None) -> None:
            session = await sio.get_session(sid, namespace=namespace)
            session_id = session.get(SESSION_KEY)
            if session_id is None or await self.over_limit(sid, session.get(ADDRESS_KEY, "")) is not None:
                await sio.emit("session_cleared", {"cleared": False}, room=sid, namespace=namespace)
                return
            try:
                cleared = forget_conversation(webhook.ctx.app.ctx.agent.tracker_store, session_id)
            except Exception as error:  # noqa: BLE001 - the person is told it was not deleted
                logger.warning("Clear this chat: the tracker store failed (%s)", type(error).__name__)
                cleared = False
            # Every tab holding this conversation forgets it, not only the one that asked.
            room = session_id if self.session_persistence else sid
            await sio.emit("session_cleared", {"cleared": cleared}, room=room, namespace=namespace)
            await self.join(sid, None)

        @sio.on(self.user_message_evt, namespace=namespace)
        async def handle_message(sid: Text, data: object = None) -> None:
            session = await sio.get_session(sid, namespace=namespace)
            try:
                message = read_message(data)
                sender = self.sender_for(sid, session.get(SESSION_KEY), message.session_id)
            except Refused as refused:
                logger.debug("socket.io: an event was ignored: %s", refused)
                return
            output = SocketIOOutput(sio, self.bot_message_evt)
            wait = await self.over_limit(sid, session.get(ADDRESS_KEY, ""))
            if wait is not None:
                await output.send_text_message(sid, rate_limited_text(wait))
                return
            if message.too_long:
                logger.info("socket.io: a %s-character message was not passed on", len(message.text))
                await output.send_text_message(sid, TOO_LONG_TEXT)
                return
            await on_new_message(UserMessage(message.text, output, sender, input_channel=self.name()))

        return webhook

    async def join(self, sid: str, session_id: Optional[str]) -> None:
        """Make `session_id` the connection's conversation (None: none), leaving the one it had,
        so its replies reach this connection and no other conversation's do."""
        async with self.sio.session(sid, namespace=self.namespace) as session:
            previous = session.get(SESSION_KEY)
            session[SESSION_KEY] = session_id
        if self.session_persistence and previous is not None:
            self.sio.leave_room(sid, previous, namespace=self.namespace)
        if self.session_persistence and session_id is not None:
            self.sio.enter_room(sid, session_id, namespace=self.namespace)

    def sender_for(self, sid: str, confirmed: Optional[str], asked: Optional[str]) -> str:
        """The conversation a message goes to: with session persistence, the one this
        connection asked for (a message for any other is Refused); else the connection's own."""
        if not self.session_persistence:
            return sid
        if confirmed is None:
            raise Refused("a message before any session_request")
        if asked is not None and asked != confirmed:
            raise Refused("a message for another conversation than this connection's")
        return confirmed
