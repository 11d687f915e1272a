"""Replies as Telegram Bot API sendMessage bodies: buttons become an inline keyboard."""

from __future__ import annotations

import hashlib
from collections import OrderedDict
from typing import Any, Dict, List, Optional, Union

from bot.channels.limits import TELEGRAM_CALLBACK_DATA_BYTES, TELEGRAM_TEXT
from bot.channels.replies import Reply
from bot.channels.split import split_text

ChatId = Union[int, str]
_KEY_PREFIX = "#p:"


class CallbackPayloads:
    """Button payloads as callback_data. Telegram allows 1-64 bytes; a longer payload travels
    as a short key and is kept here (in memory, most recent `size`)."""

    def __init__(self, size: int = 5000) -> None:
        self.size = size
        self._long: "OrderedDict[str, str]" = OrderedDict()

    def data_for(self, payload: str) -> str:
        if len(payload.encode("utf-8")) <= TELEGRAM_CALLBACK_DATA_BYTES and not payload.startswith(_KEY_PREFIX):
            return payload
        key = _KEY_PREFIX + hashlib.sha256(payload.encode("utf-8")).hexdigest()[:24]
        self._long[key] = payload
        self._long.move_to_end(key)
        while len(self._long) > self.size:
            self._long.popitem(last=False)
        return key

    def payload_for(self, data: str) -> Optional[str]:
        """The payload for callback_data; None for a key this process no longer knows."""
        if data.startswith(_KEY_PREFIX):
            return self._long.get(data)
        return data


def telegram_messages(
    chat_id: ChatId, reply: Reply, limit: int = TELEGRAM_TEXT, callbacks: Optional[CallbackPayloads] = None
) -> List[Dict[str, Any]]:
    """sendMessage bodies for one reply: the text split within `limit`, with the buttons as an
    inline keyboard (one button a row) on the last part. Plain text: no parse_mode."""
    callbacks = callbacks or CallbackPayloads()
    parts = split_text(reply.text, min(limit, TELEGRAM_TEXT)) or (["Please choose:"] if reply.buttons else [])
    messages: List[Dict[str, Any]] = [{"chat_id": chat_id, "text": part} for part in parts]
    if reply.buttons and messages:
        messages[-1]["reply_markup"] = {
            "inline_keyboard": [
                [{"text": button.title, "callback_data": callbacks.data_for(button.payload)}]
                for button in reply.buttons
            ]
        }
    return messages


def button_title(reply_markup: Any, data: str) -> Optional[str]:
    """The title of the inline button carrying `data`, from the message's reply_markup."""
    rows = reply_markup.get("inline_keyboard") if isinstance(reply_markup, dict) else None
    for row in rows if isinstance(rows, list) else []:
        for button in row if isinstance(row, list) else []:
            if isinstance(button, dict) and button.get("callback_data") == data and isinstance(button.get("text"), str):
                return button["text"]
    return None
