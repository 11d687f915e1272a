"""Messenger Send API stand-in (Graph API me/messages), and webhook events as Meta posts them,
signed with the app secret.

Formats: https://developers.facebook.com/docs/messenger-platform/webhooks (messages,
messaging_postbacks), https://developers.facebook.com/docs/messenger-platform/send-messages
(text limit 2000), .../send-messages/quick-replies (13 at most, title 20 characters),
https://developers.facebook.com/docs/graph-api/webhooks/getting-started (X-Hub-Signature-256).
"""

from __future__ import annotations

import hashlib
import hmac
import itertools
import json
import time
from typing import Any, Dict, Tuple

from tests.standins.server import Call, StandIn

GRAPH_VERSION = "v19.0"
_ids = itertools.count(1)


class GraphAPI(StandIn):
    name = "messenger"

    def __init__(self, page_access_token: str) -> None:
        super().__init__()
        self.token = page_access_token

    def answer(self, call: Call) -> Tuple[int, Any]:
        if call.path != f"/{GRAPH_VERSION}/me/messages":
            call.problems.append(f"unexpected path {call.path}")
            return 404, {"error": {"message": "Unknown path", "type": "OAuthException", "code": 803}}
        if call.query.get("access_token") != self.token:
            call.problems.append("wrong access token")
            return 400, {"error": {"message": "Invalid OAuth access token.", "type": "OAuthException", "code": 190}}
        body = call.body if isinstance(call.body, dict) else {}
        recipient = (body.get("recipient") or {}).get("id")
        if not recipient:
            call.problems.append("no recipient")
        if "sender_action" in body:
            if body["sender_action"] not in ("typing_on", "typing_off", "mark_seen"):
                call.problems.append("bad sender_action")
        else:
            message = body.get("message") or {}
            text = message.get("text")
            if body.get("messaging_type") not in ("RESPONSE", "UPDATE", "MESSAGE_TAG"):
                call.problems.append("bad messaging_type")
            if not isinstance(text, str) or not 1 <= len(text) <= 2000:
                call.problems.append("text must be 1-2000 characters")
            replies = message.get("quick_replies")
            if replies is not None:
                if not 1 <= len(replies) <= 13:
                    call.problems.append("1-13 quick replies")
                for reply in replies:
                    if (
                        reply.get("content_type") != "text"
                        or not 1 <= len(reply.get("title", "")) <= 20
                        or not 1 <= len(reply.get("payload", "")) <= 1000
                    ):
                        call.problems.append(f"bad quick reply {reply}")
        if call.problems:
            return 400, {"error": {"message": "; ".join(call.problems), "type": "OAuthException", "code": 100}}
        if "sender_action" in body:
            return 200, {"recipient_id": recipient}
        return 200, {"recipient_id": recipient, "message_id": f"m_{next(_ids)}"}


def _messaging(psid: str, page_id: str, **event: Any) -> bytes:
    now = int(time.time() * 1000)
    return json.dumps(
        {
            "object": "page",
            "entry": [
                {
                    "id": page_id,
                    "time": now,
                    "messaging": [{"sender": {"id": psid}, "recipient": {"id": page_id}, "timestamp": now, **event}],
                }
            ],
        }
    ).encode()


def text_event(psid: str, page_id: str, text: str) -> bytes:
    return _messaging(psid, page_id, message={"mid": f"m_in{next(_ids)}", "text": text})


def quick_reply_event(psid: str, page_id: str, title: str, payload: str) -> bytes:
    return _messaging(
        psid, page_id, message={"mid": f"m_in{next(_ids)}", "text": title, "quick_reply": {"payload": payload}}
    )


def postback_event(psid: str, page_id: str, title: str, payload: str) -> bytes:
    return _messaging(psid, page_id, postback={"mid": f"m_in{next(_ids)}", "title": title, "payload": payload})


def signed_headers(app_secret: str, body: bytes) -> Dict[str, str]:
    """Headers as Meta sends them: both the SHA-256 and the older SHA-1 signature."""
    sha256 = hmac.new(app_secret.encode(), body, hashlib.sha256).hexdigest()
    sha1 = hmac.new(app_secret.encode(), body, hashlib.sha1).hexdigest()
    return {
        "Content-Type": "application/json",
        "X-Hub-Signature-256": f"sha256={sha256}",
        "X-Hub-Signature": f"sha1={sha1}",
    }
