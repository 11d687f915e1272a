"""Telegram Bot API stand-in, and updates as Telegram posts them to a webhook.

Formats: https://core.telegram.org/bots/api (Update, Message, CallbackQuery, sendMessage,
InlineKeyboardMarkup, setWebhook, answerCallbackQuery).
"""

from __future__ import annotations

import itertools
import time
from typing import Any, Dict, Optional, Tuple

from tests.standins.server import Call, StandIn

SECRET_HEADER = "X-Telegram-Bot-Api-Secret-Token"
_ids = itertools.count(1000)


def _utf16(text: str) -> int:
    return len(text.encode("utf-16-le")) // 2


class TelegramAPI(StandIn):
    name = "telegram"

    def __init__(self, token: str) -> None:
        super().__init__()
        self.token = token

    def answer(self, call: Call) -> Tuple[int, Any]:
        prefix, _, method = call.path.strip("/").partition("/")
        if prefix != f"bot{self.token}":
            call.problems.append("wrong bot token")
            return 401, {"ok": False, "error_code": 401, "description": "Unauthorized"}
        body = call.body if isinstance(call.body, dict) else {}
        if method == "sendMessage":
            text = body.get("text")
            if body.get("chat_id") in (None, ""):
                call.problems.append("no chat_id")
            if not isinstance(text, str) or not 1 <= _utf16(text) <= 4096:
                call.problems.append("text must be 1-4096 characters")
            markup = body.get("reply_markup")
            if markup is not None:
                rows = markup.get("inline_keyboard") if isinstance(markup, dict) else None
                if not isinstance(rows, list):
                    call.problems.append("reply_markup without inline_keyboard")
                for row in rows or []:
                    for button in row:
                        data = button.get("callback_data", "")
                        if not button.get("text") or not 1 <= len(data.encode()) <= 64:
                            call.problems.append(f"bad inline button {button}")
            if call.problems:
                return 400, {"ok": False, "error_code": 400, "description": "Bad Request: " + "; ".join(call.problems)}
            return 200, {
                "ok": True,
                "result": {
                    "message_id": next(_ids),
                    "date": int(time.time()),
                    "from": {"id": 1, "is_bot": True, "first_name": "NET Trials", "username": "net_trials_bot"},
                    "chat": {"id": body["chat_id"], "type": "private"},
                    "text": text,
                    **({"reply_markup": markup} if markup else {}),
                },
            }
        if method in ("setWebhook", "answerCallbackQuery", "deleteWebhook"):
            return 200, {"ok": True, "result": True}
        call.problems.append(f"unexpected method {method}")
        return 404, {"ok": False, "error_code": 404, "description": "Not Found"}


def _user(chat_id: int) -> Dict[str, Any]:
    return {"id": chat_id, "is_bot": False, "first_name": "Alex", "language_code": "en"}


def message_update(chat_id: int, text: str) -> Dict[str, Any]:
    """An Update with a private-chat text message."""
    return {
        "update_id": next(_ids),
        "message": {
            "message_id": next(_ids),
            "from": _user(chat_id),
            "chat": {"id": chat_id, "first_name": "Alex", "type": "private"},
            "date": int(time.time()),
            "text": text,
        },
    }


def callback_update(chat_id: int, sent: Dict[str, Any], data: str) -> Dict[str, Any]:
    """An Update for a press on an inline button of `sent` (a sendMessage body we recorded)."""
    return {
        "update_id": next(_ids),
        "callback_query": {
            "id": str(next(_ids)),
            "from": _user(chat_id),
            "message": {
                "message_id": next(_ids),
                "from": {"id": 1, "is_bot": True, "first_name": "NET Trials", "username": "net_trials_bot"},
                "chat": {"id": chat_id, "first_name": "Alex", "type": "private"},
                "date": int(time.time()),
                "text": sent.get("text", ""),
                "reply_markup": sent.get("reply_markup"),
            },
            "chat_instance": "-7368191612829357321",
            "data": data,
        },
    }


def headers(secret: Optional[str]) -> Dict[str, str]:
    found = {"Content-Type": "application/json"}
    if secret is not None:
        found[SECRET_HEADER] = secret
    return found
