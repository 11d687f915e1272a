"""Replies as SMS / WhatsApp bodies (Twilio): buttons become numbered options.

One turn is sent as one body where it fits (fewer messages to pay for and to read): the
replies in order, each followed by its options numbered across the turn, then a hint.
"""

from __future__ import annotations

from typing import List, Sequence, Tuple

from bot.channels.limits import TWILIO_BODY
from bot.channels.options import CHOOSE_HINT, numbered_lines
from bot.channels.replies import Reply
from bot.channels.split import split_text


def sms_bodies(replies: Sequence[Reply], limit: int = TWILIO_BODY) -> Tuple[List[str], List[str]]:
    """(bodies, payloads): the message bodies, each within `limit`, and the payloads of the
    numbered options in order (option 1 is payloads[0])."""
    payloads: List[str] = []
    blocks: List[str] = []
    for reply in replies:
        lines = [reply.text] if reply.text else []
        lines += numbered_lines(reply.buttons, len(payloads) + 1)
        payloads += [b.payload for b in reply.buttons]
        if lines:
            blocks.append("\n".join(lines))
    if payloads:
        blocks.append(CHOOSE_HINT)
    return split_text("\n\n".join(blocks), min(limit, TWILIO_BODY)), payloads
