"""Replies as Slack chat.postMessage bodies: text in section blocks, buttons in an actions block."""

from __future__ import annotations

from typing import Any, Dict, List, Optional

from bot.channels.limits import (
    SLACK_ACTIONS_ELEMENTS,
    SLACK_BLOCKS,
    SLACK_BUTTON_TEXT,
    SLACK_BUTTON_VALUE,
    SLACK_MESSAGE_TEXT,
    SLACK_SECTION_TEXT,
)
from bot.channels.replies import Reply
from bot.channels.split import split_text, text_length


def escape_mrkdwn(text: str) -> str:
    """Slack's three control characters, escaped as its docs ask."""
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")


def _shorten(text: str, limit: int) -> str:
    return text if len(text) <= limit else text[: limit - 1].rstrip() + "…"


def slack_messages(
    channel: str, reply: Reply, section_limit: int = SLACK_SECTION_TEXT, thread_ts: Optional[str] = None
) -> List[Dict[str, Any]]:
    """chat.postMessage bodies for one reply. The text is split within `section_limit` per
    section block; blocks are grouped so a message stays within 50 blocks and 40,000
    characters; the buttons (at most 25 a block) go on the last message."""
    parts = split_text(escape_mrkdwn(reply.text), min(section_limit, SLACK_SECTION_TEXT))
    buttons = [b for b in reply.buttons if len(b.payload) <= SLACK_BUTTON_VALUE]
    actions = [
        {
            "type": "actions",
            "elements": [
                {
                    "type": "button",
                    "text": {"type": "plain_text", "text": _shorten(b.title, SLACK_BUTTON_TEXT), "emoji": True},
                    "value": b.payload,
                    "action_id": f"choice_{start + i}",
                }
                for i, b in enumerate(buttons[start : start + SLACK_ACTIONS_ELEMENTS])
            ],
        }
        for start in range(0, len(buttons), SLACK_ACTIONS_ELEMENTS)
    ]
    groups: List[List[str]] = []
    for part in parts:
        group = groups[-1] if groups else None
        if (
            group is not None
            and len(group) < SLACK_BLOCKS - len(actions)
            and text_length("\n\n".join(group + [part])) <= SLACK_MESSAGE_TEXT
        ):
            group.append(part)
        else:
            groups.append([part])
    if not groups and actions:
        groups.append([])
    messages = []
    for index, group in enumerate(groups):
        blocks: List[Dict[str, Any]] = [{"type": "section", "text": {"type": "mrkdwn", "text": part}} for part in group]
        if index == len(groups) - 1:
            blocks.extend(actions)
        message: Dict[str, Any] = {
            "channel": channel,
            "text": "\n\n".join(group) or "Please choose:",
            "blocks": blocks,
        }
        if thread_ts:
            message["thread_ts"] = thread_ts
        messages.append(message)
    return messages
