"""Slack Web API stand-in (chat.postMessage), and Events API / interactivity requests as Slack
sends them, signed with the signing secret.

Formats: https://api.slack.com/apis/events-api (event_callback, url_verification),
https://api.slack.com/reference/interaction-payloads/block-actions,
https://api.slack.com/authentication/verifying-requests-from-slack,
https://api.slack.com/methods/chat.postMessage and https://api.slack.com/reference/block-kit.
"""

from __future__ import annotations

import hashlib
import hmac
import itertools
import json
import time
from typing import Any, Dict, Optional, Tuple
from urllib.parse import urlencode

from tests.standins.server import Call, StandIn

_ids = itertools.count(1)


def _ts() -> str:
    return f"{time.time():.6f}"


class SlackAPI(StandIn):
    name = "slack"

    def __init__(self, token: str) -> None:
        super().__init__()
        self.token = token

    def answer(self, call: Call) -> Tuple[int, Any]:
        if call.path != "/api/chat.postMessage":
            call.problems.append(f"unexpected path {call.path}")
            return 200, {"ok": False, "error": "unknown_method"}
        if call.headers.get("Authorization") != f"Bearer {self.token}":
            call.problems.append("wrong token")
            return 200, {"ok": False, "error": "invalid_auth"}
        body = call.body if isinstance(call.body, dict) else {}
        if not body.get("channel"):
            call.problems.append("no channel")
        blocks = body.get("blocks") or []
        if not body.get("text") and not blocks:
            call.problems.append("no text")
        if len(body.get("text") or "") > 40000:
            call.problems.append("text over 40000")
        if len(blocks) > 50:
            call.problems.append("more than 50 blocks")
        for block in blocks:
            if block.get("type") == "section":
                text = (block.get("text") or {}).get("text") or ""
                if not 1 <= len(text) <= 3000:
                    call.problems.append("section text must be 1-3000 characters")
            elif block.get("type") == "actions":
                elements = block.get("elements") or []
                if not 1 <= len(elements) <= 25:
                    call.problems.append("actions block must have 1-25 elements")
                for element in elements:
                    if not 1 <= len(element["text"]["text"]) <= 75 or len(element.get("value", "")) > 2000:
                        call.problems.append(f"bad button {element}")
            else:
                call.problems.append(f"unexpected block {block.get('type')}")
        if call.problems:
            return 200, {"ok": False, "error": "invalid_blocks"}
        return 200, {
            "ok": True,
            "channel": body["channel"],
            "ts": _ts(),
            "message": {"type": "message", "text": body.get("text"), "bot_id": "B0BOT", "ts": _ts()},
        }


def sign(secret: str, body: bytes, timestamp: Optional[int] = None) -> Dict[str, str]:
    timestamp = int(time.time()) if timestamp is None else timestamp
    base = f"v0:{timestamp}:".encode() + body
    digest = hmac.new(secret.encode(), base, hashlib.sha256).hexdigest()
    return {"X-Slack-Request-Timestamp": str(timestamp), "X-Slack-Signature": f"v0={digest}"}


def message_event(user: str, channel: str, text: str, bot_user: str = "U0BOT") -> bytes:
    """An event_callback for a direct message to the bot (message.im)."""
    ts = _ts()
    return json.dumps(
        {
            "token": "ZZZZZZWSxiZZZ2yIvs3peJ",
            "team_id": "T061EG9R6",
            "api_app_id": "A0MDYCDME",
            "event": {
                "client_msg_id": f"c{next(_ids)}",
                "type": "message",
                "text": text,
                "user": user,
                "ts": ts,
                "team": "T061EG9R6",
                "channel": channel,
                "event_ts": ts,
                "channel_type": "im",
            },
            "type": "event_callback",
            "event_id": f"Ev{next(_ids):08d}",
            "event_time": int(time.time()),
            "authorizations": [
                {
                    "enterprise_id": None,
                    "team_id": "T061EG9R6",
                    "user_id": bot_user,
                    "is_bot": True,
                    "is_enterprise_install": False,
                }
            ],
            "is_ext_shared_channel": False,
        }
    ).encode()


def url_verification(challenge: str) -> bytes:
    return json.dumps(
        {"token": "Jhj5dZrVaK7ZwHHjRyZWjbDl", "challenge": challenge, "type": "url_verification"}
    ).encode()


def block_actions(user: str, channel: str, sent: Dict[str, Any], element: Dict[str, Any]) -> bytes:
    """A block_actions interaction for a click on button `element` of message `sent` (a
    chat.postMessage body we recorded), form-encoded as Slack posts it."""
    ts = _ts()
    payload = {
        "type": "block_actions",
        "user": {"id": user, "username": "alex", "name": "alex", "team_id": "T061EG9R6"},
        "api_app_id": "A0MDYCDME",
        "token": "ZZZZZZWSxiZZZ2yIvs3peJ",
        "container": {"type": "message", "message_ts": ts, "channel_id": channel, "is_ephemeral": False},
        "trigger_id": "13345224609.738474920.8088930838d88f008e0",
        "team": {"id": "T061EG9R6", "domain": "net-trials"},
        "channel": {"id": channel, "name": "directmessage"},
        "message": {
            "type": "message",
            "user": "U0BOT",
            "ts": ts,
            "bot_id": "B0BOT",
            "text": sent.get("text"),
            "blocks": sent.get("blocks"),
        },
        "state": {"values": {}},
        "response_url": "https://hooks.slack.com/actions/T061EG9R6/1/abc",
        "actions": [
            {
                "action_id": element.get("action_id"),
                "block_id": "b1",
                "text": element["text"],
                "value": element["value"],
                "type": "button",
                "action_ts": _ts(),
            }
        ],
    }
    return urlencode({"payload": json.dumps(payload)}).encode()


JSON = {"Content-Type": "application/json"}
FORM = {"Content-Type": "application/x-www-form-urlencoded"}
