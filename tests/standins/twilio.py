"""Twilio Messages API stand-in, and incoming SMS / WhatsApp webhooks as Twilio posts them,
signed with X-Twilio-Signature.

Formats: https://www.twilio.com/docs/messaging/guides/webhook-request,
https://www.twilio.com/docs/usage/security#validating-requests,
https://www.twilio.com/docs/messaging/api/message-resource (create: To, From, Body <= 1600).
"""

from __future__ import annotations

import base64
import itertools
import uuid
from typing import Any, Dict, Tuple
from urllib.parse import urlencode

from twilio.request_validator import RequestValidator

from tests.standins.server import Call, StandIn

_ids = itertools.count(1)


class TwilioAPI(StandIn):
    name = "twilio"

    def __init__(self, account_sid: str, auth_token: str) -> None:
        super().__init__()
        self.account_sid, self.auth_token = account_sid, auth_token

    def answer(self, call: Call) -> Tuple[int, Any]:
        if call.path != f"/2010-04-01/Accounts/{self.account_sid}/Messages.json":
            call.problems.append(f"unexpected path {call.path}")
            return 404, {"code": 20404, "message": "The requested resource was not found", "status": 404}
        expected = "Basic " + base64.b64encode(f"{self.account_sid}:{self.auth_token}".encode()).decode()
        if call.headers.get("Authorization") != expected:
            call.problems.append("wrong credentials")
            return 401, {"code": 20003, "message": "Authenticate", "status": 401}
        body = call.body if isinstance(call.body, dict) else {}
        if not body.get("To"):
            call.problems.append("no To")
            return 400, {"code": 21604, "message": "A 'To' phone number is required.", "status": 400}
        if not body.get("From"):
            call.problems.append("no From")
            return 400, {"code": 21603, "message": "A 'From' phone number is required.", "status": 400}
        text = body.get("Body") or ""
        if not text or len(text.encode("utf-16-le")) // 2 > 1600:
            call.problems.append("Body must be 1-1600 characters")
            return 400, {
                "code": 21617,
                "message": "The concatenated message body exceeds the 1600 character limit.",
                "status": 400,
            }
        return 201, {
            "sid": f"SM{uuid.uuid4().hex}",
            "account_sid": self.account_sid,
            "to": body["To"],
            "from": body["From"],
            "body": text,
            "status": "queued",
            "num_segments": "1",
            "direction": "outbound-api",
            "api_version": "2010-04-01",
        }


def sms_params(account_sid: str, sender: str, to: str, text: str) -> Dict[str, str]:
    sid = f"SM{next(_ids):032x}"
    return {
        "ToCountry": "GB",
        "ToState": "",
        "SmsMessageSid": sid,
        "NumMedia": "0",
        "ToCity": "",
        "FromZip": "",
        "SmsSid": sid,
        "FromState": "",
        "SmsStatus": "received",
        "FromCity": "",
        "Body": text,
        "FromCountry": "GB",
        "To": to,
        "ToZip": "",
        "NumSegments": "1",
        "MessageSid": sid,
        "AccountSid": account_sid,
        "From": sender,
        "ApiVersion": "2010-04-01",
    }


def whatsapp_params(account_sid: str, sender: str, to: str, text: str) -> Dict[str, str]:
    sid = f"SM{next(_ids):032x}"
    return {
        "SmsMessageSid": sid,
        "NumMedia": "0",
        "ProfileName": "Alex",
        "MessageType": "text",
        "SmsSid": sid,
        "WaId": sender.split("+")[-1],
        "SmsStatus": "received",
        "Body": text,
        "To": to,
        "NumSegments": "1",
        "ReferralNumMedia": "0",
        "MessageSid": sid,
        "AccountSid": account_sid,
        "From": sender,
        "ApiVersion": "2010-04-01",
    }


def signed(auth_token: str, url: str, params: Dict[str, str]) -> Tuple[bytes, Dict[str, str]]:
    """The form body and headers Twilio would send for `params` to `url`."""
    signature = RequestValidator(auth_token).compute_signature(url, params)
    return urlencode(params).encode(), {
        "Content-Type": "application/x-www-form-urlencoded",
        "X-Twilio-Signature": signature,
        "I-Twilio-Idempotency-Token": str(uuid.uuid4()),
    }
