"""Replies as Messenger Send API bodies: buttons become quick replies.

Messenger shows quick replies only under the newest message, and removes them when the next one
arrives. So the replies of one turn are sent together: every text in order, split within the
limit, and all the turn's buttons as quick replies on the last message. When buttons had to
move there from earlier messages (one "See NCT..." per search result), they are numbered, and
each message shows its own numbered options, so a quick reply can be matched to its message.
"""

from __future__ import annotations

from typing import Any, Dict, List, Sequence

from bot.channels.limits import (
    MESSENGER_QUICK_REPLIES,
    MESSENGER_QUICK_REPLY_PAYLOAD,
    MESSENGER_QUICK_REPLY_TITLE,
    MESSENGER_TEXT,
)
from bot.channels.replies import Button, Reply
from bot.channels.split import split_text


def _title(text: str) -> str:
    limit = MESSENGER_QUICK_REPLY_TITLE
    return text if len(text) <= limit else text[: limit - 1].rstrip() + "…"


def turn_buttons(replies: Sequence[Reply], most: int = MESSENGER_QUICK_REPLIES) -> List[Button]:
    """The turn's buttons in order, each payload once, at most `most`."""
    seen, buttons = set(), []
    for reply in replies:
        for button in reply.buttons:
            if button.payload not in seen and len(button.payload) <= MESSENGER_QUICK_REPLY_PAYLOAD:
                seen.add(button.payload)
                buttons.append(button)
    return buttons[:most]


def messenger_messages(
    recipient_id: str, replies: Sequence[Reply], limit: int = MESSENGER_TEXT
) -> List[Dict[str, Any]]:
    buttons = turn_buttons(replies)
    numbers = {b.payload: i + 1 for i, b in enumerate(buttons)} if any(r.buttons for r in replies[:-1]) else {}
    texts = []
    for reply in replies:
        lines = [reply.text] if reply.text else []
        lines += [f"{numbers[b.payload]}. {b.title}" for b in reply.buttons if b.payload in numbers]
        texts += split_text("\n".join(lines), min(limit, MESSENGER_TEXT))
    if buttons and not texts:
        texts = ["Please choose:"]
    messages: List[Dict[str, Any]] = [
        {"recipient": {"id": recipient_id}, "messaging_type": "RESPONSE", "message": {"text": text}} for text in texts
    ]
    if buttons:
        messages[-1]["message"]["quick_replies"] = [
            {
                "content_type": "text",
                "payload": b.payload,
                "title": _title(f"{numbers[b.payload]}. {b.title}" if numbers else b.title),
            }
            for b in buttons
        ]
    return messages
