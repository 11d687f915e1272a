"""Telegram: buttons as an inline keyboard, long answers split within 4096 characters.

Differences from Rasa's TelegramInput, and why:
- no getMe call to the Bot API for every update (Rasa compares the bot's user name, which proves
  nothing about who sent the request); instead, when TELEGRAM_SECRET_TOKEN is set, the secret is
  registered with setWebhook and every update must carry it in X-Telegram-Bot-Api-Secret-Token;
- the webhook is registered after the server has started, and a failure is logged, not fatal;
- button presses are acknowledged with answerCallbackQuery (the button stops spinning);
- replies go through the Bot API at TELEGRAM_API_URL (a local stand-in in the tests);
- a malformed update gets a 400, never a stack trace.
"""

from __future__ import annotations

import hmac
import logging
from typing import Any, Awaitable, Callable, Dict, List, Optional, Text

from rasa.core.channels.channel import InputChannel, UserMessage
from rasa.core.channels.telegram import TelegramInput
from sanic import Blueprint, response
from sanic.request import Request
from sanic.response import HTTPResponse

from bot.channels.limits import TELEGRAM_TEXT, effective_limit
from bot.channels.locale import country_from_language, locale_metadata
from bot.channels.replies import Reply
from bot.channels.telegram import CallbackPayloads, button_title, telegram_messages
from bot.json_values import object_at
from components.channels.base import (
    PlatformAPI,
    TurnOutput,
    json_body,
    refuse,
    run_turn,
    setting,
)

logger = logging.getLogger(__name__)

DEFAULT_API_URL = "https://api.telegram.org"
SECRET_HEADER = "X-Telegram-Bot-Api-Secret-Token"
START_TEXT = "hello"  # what Telegram's "Start" button (/start) is taken to mean


class TelegramInlineOutput(TurnOutput):
    @classmethod
    def name(cls) -> Text:
        return "telegram"

    def __init__(
        self,
        access_token: Text,
        api_url: Text = DEFAULT_API_URL,
        max_length: int = TELEGRAM_TEXT,
        callbacks: Optional[CallbackPayloads] = None,
    ) -> None:
        super().__init__()
        self._token = access_token
        self.api_url = api_url.rstrip("/")
        self.max_length = max_length
        self.callbacks = callbacks or CallbackPayloads()
        self.api = PlatformAPI("Telegram")

    def method_url(self, method: Text) -> Text:
        return f"{self.api_url}/bot{self._token}/{method}"

    async def call(self, method: Text, body: Dict[Text, Any]) -> Optional[Dict[Text, Any]]:
        return await self.api.post(self.method_url(method), method, json_body=body)

    async def deliver(self, recipient_id: Text, replies: List[Reply]) -> None:
        chat_id: Any = int(recipient_id) if recipient_id.lstrip("-").isdigit() else recipient_id
        for reply in replies:
            for body in telegram_messages(chat_id, reply, self.max_length, self.callbacks):
                await self.call("sendMessage", body)


class TelegramInlineInput(TelegramInput):
    """Telegram webhook at /webhooks/telegram/webhook."""

    @classmethod
    def name(cls) -> Text:
        return "telegram"

    @classmethod
    def from_credentials(cls, credentials: Optional[Dict[Text, Any]]) -> InputChannel:
        if not credentials or not setting(credentials, "access_token"):
            cls.raise_missing_credentials_exception()
        return cls(
            access_token=setting(credentials, "access_token"),
            webhook_url=setting(credentials, "webhook_url"),
            secret_token=setting(credentials, "secret_token"),
            api_url=setting(credentials, "api_url", DEFAULT_API_URL),
            max_length=effective_limit(setting(credentials, "max_length", TELEGRAM_TEXT), TELEGRAM_TEXT),
        )

    def __init__(
        self,
        access_token: Text,
        webhook_url: Optional[Text] = None,
        secret_token: Optional[Text] = None,
        api_url: Text = DEFAULT_API_URL,
        max_length: int = TELEGRAM_TEXT,
    ) -> None:
        super().__init__(access_token, None, webhook_url, debug_mode=False)
        self.secret_token = secret_token
        self.api_url = api_url
        self.max_length = max_length
        self.callbacks = CallbackPayloads()
        if not secret_token:
            logger.warning(
                "Telegram: TELEGRAM_SECRET_TOKEN is not set, so the webhook cannot tell "
                "Telegram's requests from anyone else's. Set it in production."
            )

    def get_output_channel(self) -> TelegramInlineOutput:
        return TelegramInlineOutput(self.access_token, self.api_url, self.max_length, self.callbacks)

    async def register_webhook(self) -> None:
        if not self.webhook_url:
            logger.info("Telegram: no webhook URL set; not registering the webhook.")
            return
        body: Dict[Text, Any] = {
            "url": self.webhook_url,
            "allowed_updates": ["message", "edited_message", "callback_query"],
        }
        if self.secret_token:
            body["secret_token"] = self.secret_token
        if await self.get_output_channel().call("setWebhook", body) is not None:
            logger.info("Telegram: webhook registered.")

    def _authentic(self, request: Request) -> bool:
        if not self.secret_token:
            return True
        given = request.headers.get(SECRET_HEADER, "")
        return hmac.compare_digest(given.encode(), self.secret_token.encode())

    def _message_text(self, update: Dict[Text, Any]) -> Optional[tuple]:
        """(chat id, text, callback query id) for an update we answer, else None."""
        query = update.get("callback_query")
        if isinstance(query, dict):
            data = query.get("data")
            message = object_at(query, "message")
            chat = object_at(message, "chat")
            sender = object_at(query, "from")
            chat_id = chat.get("id", sender.get("id"))
            if not isinstance(data, str) or not data:
                return None
            text = self.callbacks.payload_for(data) or button_title(message.get("reply_markup"), data)
            return (chat_id, text, query.get("id")) if text else None
        for key in ("message", "edited_message"):
            message = object_at(update, key)
            if message:
                chat = object_at(message, "chat")
                text = message.get("text")
                if not isinstance(text, str) or not text.strip():
                    return None
                if text.startswith("/bot"):  # group chats with privacy mode: "/bot question"
                    text = text[len("/bot") :].strip()
                if text.split("@", 1)[0] == "/start":
                    text = START_TEXT
                return (chat.get("id"), text, None)
        return None

    def blueprint(self, on_new_message: Callable[[UserMessage], Awaitable[Any]]) -> Blueprint:
        telegram_webhook = Blueprint("telegram_webhook", __name__)

        @telegram_webhook.listener("after_server_start")
        async def register(app: Any, loop: Any) -> None:
            app.add_task(self.register_webhook())

        @telegram_webhook.route("/", methods=["GET"])
        async def health(_: Request) -> HTTPResponse:
            return response.json({"status": "ok"})

        @telegram_webhook.route("/webhook", methods=["POST"])
        async def message(request: Request) -> HTTPResponse:
            if not self._authentic(request):
                return refuse(403, "Missing or wrong secret token.", "Telegram")
            update = json_body(request)
            if update is None:
                return refuse(400, "Expected a Telegram Update (a JSON object).", "Telegram")
            output = self.get_output_channel()
            found = self._message_text(update)
            if found is None:
                return response.text("ignored")
            chat_id, text, query_id = found
            if not isinstance(chat_id, (int, str)) or isinstance(chat_id, bool) or not str(chat_id).strip():
                return refuse(400, "The update has no chat id.", "Telegram")
            if query_id:
                await output.call("answerCallbackQuery", {"callback_query_id": str(query_id)})
            user_message = UserMessage(
                text,
                output,
                str(chat_id),
                input_channel=self.name(),
                metadata=locale_metadata(country_from_language(_language_code(update))),
            )
            await run_turn(on_new_message, user_message, "Telegram")
            return response.text("success")

        return telegram_webhook


def _language_code(update: Dict[Text, Any]) -> Optional[Text]:
    """The sender's app language ("en-GB", "sv"), from a message or a button press."""
    for key in ("message", "edited_message", "callback_query"):
        item = update.get(key)
        sender = item.get("from") if isinstance(item, dict) else None
        if isinstance(sender, dict) and isinstance(sender.get("language_code"), str):
            return sender["language_code"]
    return None
