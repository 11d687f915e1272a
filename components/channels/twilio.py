"""SMS and WhatsApp through Twilio: buttons become numbered options, and "2" picks the second.

Differences from Rasa's TwilioInput, and why:
- every request must carry a valid X-Twilio-Signature (HMAC-SHA1 of the URL and the form
  fields with TWILIO_AUTH_TOKEN, checked with twilio's RequestValidator), else 403 and nothing
  is processed. Behind a proxy, set TWILIO_PUBLIC_URL to the origin Twilio calls
  (https://bot.example.org) so the URL checked is the one Twilio signed;
- the whole turn is sent as one body where it fits (split within the limit otherwise), with
  the options numbered across the turn; the payloads are remembered per sender IN MEMORY
  (lost on restart, not shared between server processes: see bot/channels/options.py);
- replies are posted to the Messages API at TWILIO_API_URL with aiohttp, not the blocking
  twilio client (which would stall the server while it waits);
- the webhook answers with an empty TwiML <Response/>; errors are logged, never returned.

WhatsApp is the same connector at /webhooks/twilio_whatsapp/webhook, sending from
"whatsapp:<TWILIO_WHATSAPP_NUMBER>". Twilio caps a body at 1600 characters on WhatsApp too.
"""

from __future__ import annotations

import logging
from typing import Any, Awaitable, Callable, Dict, List, Optional, Text
from urllib.parse import parse_qs, urlsplit

import aiohttp
from rasa.core.channels.channel import InputChannel, UserMessage
from rasa.core.channels.twilio import TwilioInput
from sanic import Blueprint, response
from sanic.request import Request, RequestParameters
from sanic.response import HTTPResponse
from twilio.request_validator import RequestValidator

from bot.channels.limits import TWILIO_BODY, TWILIO_WHATSAPP_BODY, effective_limit
from bot.channels.locale import country_from_phone, locale_metadata
from bot.channels.options import OptionMemory, option_memory
from bot.channels.replies import Reply
from bot.channels.sms import sms_bodies
from components.channels.base import PlatformAPI, TurnOutput, refuse, run_turn, setting

logger = logging.getLogger(__name__)

DEFAULT_API_URL = "https://api.twilio.com"
EMPTY_TWIML = '<?xml version="1.0" encoding="UTF-8"?><Response></Response>'


class TwilioNumberedOutput(TurnOutput):
    per_turn = True

    @classmethod
    def name(cls) -> Text:
        return "twilio"

    def __init__(
        self,
        account_sid: Text,
        auth_token: Text,
        twilio_number: Text,
        memory: OptionMemory,
        api_url: Text = DEFAULT_API_URL,
        max_length: int = TWILIO_BODY,
        buffered: bool = False,
    ) -> None:
        super().__init__(buffered)
        self.account_sid = account_sid
        self._auth_token = auth_token
        self.twilio_number = twilio_number
        self.memory = memory
        self.api_url = api_url.rstrip("/")
        self.max_length = max_length
        self.api = PlatformAPI("Twilio")

    async def deliver(self, recipient_id: Text, replies: List[Reply]) -> None:
        bodies, payloads = sms_bodies(replies, self.max_length)
        self.memory.remember(recipient_id, payloads)
        url = f"{self.api_url}/2010-04-01/Accounts/{self.account_sid}/Messages.json"
        auth = aiohttp.BasicAuth(self.account_sid, self._auth_token)
        for body in bodies:
            await self.api.post(
                url, "Messages.json", data={"To": recipient_id, "From": self.twilio_number, "Body": body}, auth=auth
            )


class TwilioWhatsAppOutput(TwilioNumberedOutput):
    @classmethod
    def name(cls) -> Text:
        return "twilio_whatsapp"


class TwilioNumberedInput(TwilioInput):
    """Twilio SMS webhook at /webhooks/twilio/webhook."""

    platform_max = TWILIO_BODY
    output_class = TwilioNumberedOutput

    @classmethod
    def name(cls) -> Text:
        return "twilio"

    @classmethod
    def from_credentials(cls, credentials: Optional[Dict[Text, Any]]) -> InputChannel:
        needed = ("account_sid", "auth_token", "twilio_number")
        if not credentials or not all(setting(credentials, key) for key in needed):
            cls.raise_missing_credentials_exception()
        return cls(
            account_sid=setting(credentials, "account_sid"),
            auth_token=setting(credentials, "auth_token"),
            twilio_number=setting(credentials, "twilio_number"),
            public_url=setting(credentials, "public_url"),
            api_url=setting(credentials, "api_url", DEFAULT_API_URL),
            max_length=effective_limit(setting(credentials, "max_length", cls.platform_max), cls.platform_max),
        )

    def __init__(
        self,
        account_sid: Text,
        auth_token: Text,
        twilio_number: Text,
        public_url: Optional[Text] = None,
        api_url: Text = DEFAULT_API_URL,
        max_length: int = TWILIO_BODY,
    ) -> None:
        super().__init__(account_sid, auth_token, self.sender_number(twilio_number), debug_mode=False)
        self.public_url = public_url.rstrip("/") if public_url else None
        self.api_url = api_url
        self.max_length = max_length
        self.validator = RequestValidator(auth_token)
        self.memory = option_memory()

    @staticmethod
    def sender_number(number: Text) -> Text:
        return number.strip()

    def get_output_channel(self, buffered: bool = False) -> TwilioNumberedOutput:
        return self.output_class(
            self.account_sid, self.auth_token, self.twilio_number, self.memory, self.api_url, self.max_length, buffered
        )

    def signed_url(self, request: Request) -> Text:
        """The URL Twilio signed: the request's own, or under TWILIO_PUBLIC_URL behind a proxy."""
        if not self.public_url:
            return request.url
        parts = urlsplit(request.url)
        return self.public_url + parts.path + (f"?{parts.query}" if parts.query else "")

    @staticmethod
    def form(request: Request) -> RequestParameters:
        """The form fields, blank ones included: Twilio signs those too (Sanic's request.form
        drops them)."""
        try:
            return RequestParameters(parse_qs(request.body.decode("utf-8"), keep_blank_values=True))
        except (UnicodeDecodeError, ValueError):
            return RequestParameters()

    def _authentic(self, request: Request, form: RequestParameters) -> bool:
        signature = request.headers.get("X-Twilio-Signature", "")
        if not signature:
            return False
        try:
            return bool(self.validator.validate(self.signed_url(request), form, signature))
        except Exception:  # noqa: BLE001 - a malformed request is simply not authentic
            logger.debug("Twilio signature check failed", exc_info=True)
            return False

    def blueprint(self, on_new_message: Callable[[UserMessage], Awaitable[Any]]) -> Blueprint:
        twilio_webhook = Blueprint(f"{self.name()}_webhook", __name__)
        platform = "Twilio WhatsApp" if self.name() != "twilio" else "Twilio"

        @twilio_webhook.route("/", methods=["GET"])
        async def health(_: Request) -> HTTPResponse:
            return response.json({"status": "ok"})

        @twilio_webhook.route("/webhook", methods=["POST"])
        async def message(request: Request) -> HTTPResponse:
            form = self.form(request)
            if not self._authentic(request, form):
                return refuse(403, "Missing or invalid X-Twilio-Signature.", platform)
            sender, body = form.get("From"), form.get("Body")
            if not sender or not isinstance(body, str) or not body.strip():
                return response.text(EMPTY_TWIML, content_type="text/xml")  # e.g. a picture only
            text = self.memory.resolve(sender, body.strip().replace("¡", "@"))  # carriers garble @
            output = self.get_output_channel(buffered=True)
            user_message = UserMessage(
                text, output, sender, input_channel=self.name(), metadata=locale_metadata(country_from_phone(sender))
            )
            await run_turn(on_new_message, user_message, platform)
            return response.text(EMPTY_TWIML, content_type="text/xml")

        return twilio_webhook


class TwilioWhatsAppInput(TwilioNumberedInput):
    """WhatsApp through Twilio, webhook at /webhooks/twilio_whatsapp/webhook."""

    platform_max = TWILIO_WHATSAPP_BODY

    @classmethod
    def name(cls) -> Text:
        return "twilio_whatsapp"

    @staticmethod
    def sender_number(number: Text) -> Text:
        number = number.strip()
        return number if number.startswith("whatsapp:") else f"whatsapp:{number}"

    output_class = TwilioWhatsAppOutput
