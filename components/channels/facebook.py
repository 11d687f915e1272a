"""Facebook Messenger: buttons as quick replies, long answers split within 2000 characters.

Differences from Rasa's FacebookInput, and why:
- the signature is checked on X-Hub-Signature-256 ("sha256=" + HMAC-SHA256 of the raw body with
  FACEBOOK_APP_SECRET), which Meta sends with every event; Rasa checks only the older SHA-1
  X-Hub-Signature, picks the hash function named in the header, and answers a bad signature
  with 200 "not validated". Here a missing or bad signature gets 403 and nothing is processed;
- the verification GET answers 403 to a wrong verify token;
- the replies of a turn are sent together, with all its buttons as quick replies on the last
  message (Messenger only shows quick replies under the newest message);
- every messaging event of a batched delivery is handled (Rasa stops after the first);
- replies go to the Send API at FACEBOOK_API_URL with aiohttp, not the blocking fbmessenger client;
- events are answered with 200 at once and handled in the background, so a slow answer never
  makes Meta retry and deliver the message twice.
"""

from __future__ import annotations

import hashlib
import hmac
import logging
from typing import Any, Awaitable, Callable, Dict, List, Optional, Text, Tuple

from rasa.core.channels.channel import InputChannel, UserMessage
from rasa.core.channels.facebook import FacebookInput
from sanic import Blueprint, response
from sanic.request import Request
from sanic.response import HTTPResponse

from bot.channels.limits import MESSENGER_TEXT, effective_limit
from bot.channels.messenger import messenger_messages
from bot.channels.replies import Reply
from components.channels.base import BackgroundTurns, PlatformAPI, TurnOutput, json_body, refuse, run_turn, setting

logger = logging.getLogger(__name__)

DEFAULT_API_URL = "https://graph.facebook.com/v19.0"
SIGNATURE_HEADER = "X-Hub-Signature-256"


class MessengerQuickRepliesOutput(TurnOutput):
    per_turn = True

    @classmethod
    def name(cls) -> Text:
        return "facebook"

    def __init__(
        self,
        page_access_token: Text,
        api_url: Text = DEFAULT_API_URL,
        max_length: int = MESSENGER_TEXT,
        buffered: bool = False,
    ) -> None:
        super().__init__(buffered)
        self._token = page_access_token
        self.api_url = api_url.rstrip("/")
        self.max_length = max_length
        self.api = PlatformAPI("Messenger")

    async def post(self, body: Dict[Text, Any], what: Text) -> None:
        await self.api.post(f"{self.api_url}/me/messages?access_token={self._token}", what, json_body=body)

    async def typing_on(self, recipient_id: Text) -> None:
        await self.post({"recipient": {"id": recipient_id}, "sender_action": "typing_on"}, "typing_on")

    async def deliver(self, recipient_id: Text, replies: List[Reply]) -> None:
        for body in messenger_messages(recipient_id, replies, self.max_length):
            await self.post(body, "me/messages")


def signature_valid(app_secret: Text, body: bytes, header: Text) -> bool:
    """Whether `header` is "sha256=<hex HMAC-SHA256 of body with app_secret>"."""
    method, _, given = (header or "").partition("=")
    if method != "sha256" or not given:
        return False
    expected = hmac.new(app_secret.encode("utf-8"), body or b"", hashlib.sha256).hexdigest()
    return hmac.compare_digest(expected, given.strip().lower())


def user_inputs(event: Dict[Text, Any]) -> List[Tuple[Text, Text]]:
    """(sender id, text) for each message or button press in a webhook body."""
    found = []
    entries = event.get("entry")
    for entry in entries if isinstance(entries, list) else []:
        messaging = entry.get("messaging") if isinstance(entry, dict) else None
        for item in messaging if isinstance(messaging, list) else []:
            if not isinstance(item, dict) or not isinstance(item.get("sender"), dict):
                continue
            sender = item["sender"].get("id")
            if not isinstance(sender, (str, int)) or isinstance(sender, bool) or not str(sender).strip():
                continue
            text = _text_of(item)
            if text:
                found.append((str(sender), text))
    return found


def _text_of(item: Dict[Text, Any]) -> Optional[Text]:
    message, postback = item.get("message"), item.get("postback")
    if isinstance(message, dict) and not message.get("is_echo"):
        quick_reply = message.get("quick_reply")
        if isinstance(quick_reply, dict) and isinstance(quick_reply.get("payload"), str) and quick_reply["payload"]:
            return quick_reply["payload"]
        if isinstance(message.get("text"), str) and message["text"].strip():
            return message["text"].strip()
    if isinstance(postback, dict) and isinstance(postback.get("payload"), str) and postback["payload"]:
        return postback["payload"]
    return None


class MessengerQuickRepliesInput(FacebookInput):
    """Messenger webhook at /webhooks/facebook/webhook."""

    @classmethod
    def name(cls) -> Text:
        return "facebook"

    @classmethod
    def from_credentials(cls, credentials: Optional[Dict[Text, Any]]) -> InputChannel:
        needed = ("verify", "secret", "page-access-token")
        if not credentials or not all(setting(credentials, key) for key in needed):
            cls.raise_missing_credentials_exception()
        return cls(
            setting(credentials, "verify"),
            setting(credentials, "secret"),
            setting(credentials, "page-access-token"),
            api_url=setting(credentials, "api_url", DEFAULT_API_URL),
            max_length=effective_limit(setting(credentials, "max_length", MESSENGER_TEXT), MESSENGER_TEXT),
        )

    def __init__(
        self,
        fb_verify: Text,
        fb_secret: Text,
        fb_access_token: Text,
        api_url: Text = DEFAULT_API_URL,
        max_length: int = MESSENGER_TEXT,
    ) -> None:
        super().__init__(fb_verify, fb_secret, fb_access_token)
        self.api_url = api_url
        self.max_length = max_length
        self._turns = BackgroundTurns()

    def get_output_channel(self, buffered: bool = False) -> MessengerQuickRepliesOutput:
        return MessengerQuickRepliesOutput(self.fb_access_token, self.api_url, self.max_length, buffered)

    async def _answer(
        self,
        on_new_message: Callable[[UserMessage], Awaitable[Any]],
        sender: Text,
        text: Text,
        metadata: Optional[Dict[Text, Any]],
    ) -> None:
        output = self.get_output_channel(buffered=True)
        await output.typing_on(sender)
        await run_turn(
            on_new_message, UserMessage(text, output, sender, input_channel=self.name(), metadata=metadata), "Messenger"
        )

    async def _answer_all(
        self,
        on_new_message: Callable[[UserMessage], Awaitable[Any]],
        inputs: List[Tuple[Text, Text]],
        metadata: Optional[Dict[Text, Any]],
    ) -> None:
        for sender, text in inputs:  # in order: one person's messages must not overtake each other
            await self._answer(on_new_message, sender, text, metadata)

    def blueprint(self, on_new_message: Callable[[UserMessage], Awaitable[Any]]) -> Blueprint:
        fb_webhook = Blueprint("fb_webhook", __name__)

        @fb_webhook.route("/", methods=["GET"])
        async def health(_: Request) -> HTTPResponse:
            return response.json({"status": "ok"})

        @fb_webhook.route("/webhook", methods=["GET"])
        async def token_verification(request: Request) -> HTTPResponse:
            token = request.args.get("hub.verify_token") or ""
            challenge = request.args.get("hub.challenge") or ""
            if request.args.get("hub.mode") == "subscribe" and hmac.compare_digest(
                token.encode(), self.fb_verify.encode()
            ):
                return response.text(challenge)
            return refuse(403, "Wrong verify token.", "Messenger")

        @fb_webhook.route("/webhook", methods=["POST"])
        async def webhook(request: Request) -> HTTPResponse:
            if not signature_valid(self.fb_secret, request.body, request.headers.get(SIGNATURE_HEADER, "")):
                return refuse(403, f"Missing or invalid {SIGNATURE_HEADER}.", "Messenger")
            event = json_body(request)
            if event is None:
                return refuse(400, "Expected a JSON object.", "Messenger")
            inputs = user_inputs(event)
            if inputs:
                self._turns.start(self._answer_all(on_new_message, inputs, self.get_metadata(request)))
            return response.text("EVENT_RECEIVED")

        return fb_webhook
