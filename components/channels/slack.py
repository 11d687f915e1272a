"""Slack: replies as Block Kit sections with buttons, long answers split within Slack's limits.

Builds on Rasa's SlackInput (its message helpers, conversation ids, and its signing-secret
check: X-Slack-Signature, HMAC-SHA256 of "v0:timestamp:body", timestamps more than 5 minutes
off refused), with these changes:
- a request that fails the check gets 401 (Rasa: 400), and nothing is processed (the check
  is Rasa's, re-written so that a malformed timestamp is a plain refusal, not an error log);
- the url_verification challenge is answered as Slack documents it ({"challenge": ...});
- a repeated event id (Slack's retries keep it) is acknowledged, not answered twice; a retry
  of an event this server never saw (it was down) is answered;
- malformed bodies and unsupported interactions get a 400 or are ignored, never a 500;
- replies go to chat.postMessage at SLACK_API_URL (a local stand-in in the tests) as section
  blocks of at most 3000 characters and an actions block of buttons on the last message.
"""

from __future__ import annotations

import hashlib
import hmac
import json
import logging
import time
from collections import OrderedDict
from typing import Any, Awaitable, Callable, Dict, List, Optional, Text

from rasa.core.channels.channel import InputChannel, UserMessage
from rasa.core.channels.slack import SlackInput
from sanic import Blueprint, response
from sanic.request import Request
from sanic.response import HTTPResponse

from bot.channels.limits import SLACK_SECTION_TEXT, effective_limit
from bot.channels.replies import Reply
from bot.channels.slack import slack_messages
from bot.json_values import object_at
from components.channels.base import (
    BackgroundTurns,
    PlatformAPI,
    TurnOutput,
    json_body,
    refuse,
    run_turn,
    setting,
)

logger = logging.getLogger(__name__)

DEFAULT_API_URL = "https://slack.com/api"
MAX_AGE_SECONDS = 5 * 60


class SlackBlocksOutput(TurnOutput):
    @classmethod
    def name(cls) -> Text:
        return "slack"

    def __init__(
        self,
        token: Text,
        channel: Optional[Text] = None,
        thread_id: Optional[Text] = None,
        api_url: Text = DEFAULT_API_URL,
        max_length: int = SLACK_SECTION_TEXT,
    ) -> None:
        super().__init__()
        self._token = token
        self.slack_channel = channel
        self.thread_id = thread_id
        self.api_url = api_url.rstrip("/")
        self.max_length = max_length
        self.api = PlatformAPI("Slack")

    async def deliver(self, recipient_id: Text, replies: List[Reply]) -> None:
        channel = self.slack_channel or recipient_id
        for reply in replies:
            for body in slack_messages(channel, reply, self.max_length, self.thread_id):
                await self.api.post(
                    f"{self.api_url}/chat.postMessage",
                    "chat.postMessage",
                    json_body=body,
                    headers={"Authorization": f"Bearer {self._token}"},
                )


class SlackBlocksInput(SlackInput):
    """Slack Events API and interactivity webhook at /webhooks/slack/webhook."""

    @classmethod
    def name(cls) -> Text:
        return "slack"

    @classmethod
    def from_credentials(cls, credentials: Optional[Dict[Text, Any]]) -> InputChannel:
        if not credentials or not setting(credentials, "slack_token"):
            cls.raise_missing_credentials_exception()
        return cls(
            slack_token=setting(credentials, "slack_token"),
            slack_channel=setting(credentials, "slack_channel"),
            slack_signing_secret=setting(credentials, "slack_signing_secret", ""),
            use_threads=bool(setting(credentials, "use_threads", False)),
            conversation_granularity=setting(credentials, "conversation_granularity", "sender"),
            api_url=setting(credentials, "api_url", DEFAULT_API_URL),
            max_length=effective_limit(setting(credentials, "max_length", SLACK_SECTION_TEXT), SLACK_SECTION_TEXT),
        )

    def __init__(
        self,
        slack_token: Text,
        slack_channel: Optional[Text] = None,
        slack_signing_secret: Text = "",
        use_threads: bool = False,
        conversation_granularity: Text = "sender",
        api_url: Text = DEFAULT_API_URL,
        max_length: int = SLACK_SECTION_TEXT,
    ) -> None:
        super().__init__(
            slack_token,
            slack_channel,
            use_threads=use_threads,
            slack_signing_secret=slack_signing_secret,
            conversation_granularity=conversation_granularity,
        )
        self.api_url = api_url
        self.max_length = max_length
        self._turns = BackgroundTurns()
        self._seen_events: "OrderedDict[str, None]" = OrderedDict()

    def get_output_channel(self, channel: Optional[Text] = None, thread_id: Optional[Text] = None) -> SlackBlocksOutput:
        return SlackBlocksOutput(
            self.slack_token, channel or self.slack_channel, thread_id, self.api_url, self.max_length
        )

    def is_request_from_slack_authentic(self, request: Request) -> bool:
        """X-Slack-Signature is "v0=" + HMAC-SHA256("v0:<timestamp>:<body>") with the signing
        secret, and the timestamp is within 5 minutes (no replays)."""
        timestamp = request.headers.get("X-Slack-Request-Timestamp", "")
        signature = request.headers.get("X-Slack-Signature", "")
        if not (timestamp.isdigit() and len(timestamp) <= 12 and signature.isascii() and signature):
            return False
        if abs(time.time() - int(timestamp)) > MAX_AGE_SECONDS:
            return False
        base = b"v0:" + timestamp.encode() + b":" + (request.body or b"")
        digest = hmac.new(self.slack_signing_secret.encode("utf-8"), base, hashlib.sha256).hexdigest()
        return hmac.compare_digest(f"v0={digest}".encode(), signature.encode())

    def _first_time(self, event_id: Any) -> bool:
        if not isinstance(event_id, str) or not event_id:
            return True
        if event_id in self._seen_events:
            return False
        self._seen_events[event_id] = None
        while len(self._seen_events) > 1000:
            self._seen_events.popitem(last=False)
        return True

    def _start_turn(
        self,
        on_new_message: Callable[[UserMessage], Awaitable[Any]],
        text: Text,
        sender: Text,
        channel: Optional[Text],
        thread_id: Optional[Text],
        metadata: Dict[Text, Any],
    ) -> None:
        conversation_id = self._get_conversation_id(sender, channel, thread_id)
        output = self.get_output_channel(channel, thread_id if self.use_threads else None)
        message = UserMessage(text, output, conversation_id, input_channel=self.name(), metadata=metadata)
        self._turns.start(run_turn(on_new_message, message, "Slack"))

    def _event(self, body: Dict[Text, Any], on_new_message: Callable[[UserMessage], Awaitable[Any]]) -> HTTPResponse:
        if body.get("type") == "url_verification":
            return response.json({"challenge": str(body.get("challenge", ""))})
        event = body.get("event")
        if not isinstance(event, dict) or not self._first_time(body.get("event_id")):
            return response.text("ignored")
        text, sender, channel = event.get("text"), event.get("user"), event.get("channel")
        if not (isinstance(text, str) and isinstance(sender, str) and sender and isinstance(channel, str)):
            return response.text("ignored")
        if not self._is_user_message(body):
            return response.text("ignored")
        thread_id = event.get("thread_ts") or event.get("ts")
        authorizations = body.get("authorizations")
        users = (
            [a.get("user_id") for a in authorizations if isinstance(a, dict) and isinstance(a.get("user_id"), str)][:1]
            if isinstance(authorizations, list)
            else []
        )
        if isinstance(body.get("authed_users"), list):
            users = [u for u in body["authed_users"] if isinstance(u, str)]
        thread = thread_id if isinstance(thread_id, str) else None
        metadata = {"out_channel": channel, "thread_id": thread, "users": users}
        if not self._is_supported_channel(body, metadata):
            return response.text("channel not supported")
        self._start_turn(on_new_message, self._sanitize_user_message(text, users), sender, channel, thread, metadata)
        return response.text("")

    def _interaction(self, request: Request, on_new_message: Callable[[UserMessage], Awaitable[Any]]) -> HTTPResponse:
        try:
            payload = json.loads(request.form.get("payload") or "")
        except (ValueError, TypeError):
            payload = None
        if not isinstance(payload, dict):
            return refuse(400, "Expected a Slack interaction payload.", "Slack")
        actions = payload.get("actions")
        user = object_at(payload, "user")
        channel = object_at(payload, "channel")
        if not (
            isinstance(actions, list)
            and actions
            and isinstance(actions[0], dict)
            and isinstance(user.get("id"), str)
            and self._is_interactive_message(payload)
        ):
            return response.text("ignored")
        try:
            text = self._get_interactive_response(actions[0])
        except (AttributeError, IndexError, KeyError, TypeError):
            text = None
        if not isinstance(text, str) or not text:
            return response.text("ignored")  # e.g. a link button: nothing to answer
        message = object_at(payload, "message")
        thread_id = message.get("thread_ts") or message.get("ts")
        out_channel = channel.get("id") if isinstance(channel.get("id"), str) else None
        thread = thread_id if isinstance(thread_id, str) else None
        metadata = {"out_channel": out_channel, "thread_id": thread, "users": [user["id"]]}
        self._start_turn(on_new_message, text, user["id"], out_channel, thread, metadata)
        return response.text("")

    def blueprint(self, on_new_message: Callable[[UserMessage], Awaitable[Any]]) -> Blueprint:
        slack_webhook = Blueprint("slack_webhook", __name__)

        @slack_webhook.route("/", methods=["GET"])
        async def health(_: Request) -> HTTPResponse:
            return response.json({"status": "ok"})

        @slack_webhook.route("/webhook", methods=["POST"])
        async def webhook(request: Request) -> HTTPResponse:
            if not self.is_request_from_slack_authentic(request):
                return refuse(401, "Missing or invalid X-Slack-Signature.", "Slack")
            content_type = (request.headers.get("content-type") or "").split(";")[0].strip().lower()
            if content_type == "application/json":
                body = json_body(request)
                if body is None:
                    return refuse(400, "Expected a JSON object.", "Slack")
                return self._event(body, on_new_message)
            if content_type == "application/x-www-form-urlencoded":
                return self._interaction(request, on_new_message)
            return refuse(415, "Unsupported content type.", "Slack")

        return slack_webhook
