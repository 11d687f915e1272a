"""What a socket.io client sends, read with the REST webhook's own rules
(components/channels/rest.py): the same session id form, message length and cleaning.

Anything else a client puts in an event (`customData`, `metadata`, ...) is never read, so it
never reaches the conversation store.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Optional

from components.channels.rest import MAX_MESSAGE_CHARS, SENDER_ID, clean_text


class Refused(Exception):
    """An event that is ignored; the reason is for the debug log only (never the text)."""


@dataclass(frozen=True)
class SocketMessage:
    session_id: Optional[str]
    text: str

    @property
    def too_long(self) -> bool:
        return len(self.text) > MAX_MESSAGE_CHARS


def valid_session_id(value: object) -> Optional[str]:
    """`value` when it is a session id the REST webhook would take as a sender, else None."""
    return value if isinstance(value, str) and SENDER_ID.fullmatch(value) else None


def requested_session_id(data: object) -> Optional[str]:
    """The valid session id a `session_request` asks for, else None (a new one is made)."""
    return valid_session_id(data.get("session_id")) if isinstance(data, dict) else None


def read_message(data: object) -> SocketMessage:
    """The session id and cleaned text of a user message event; Refused says what is wrong.
    An over-long text is returned as sent (refused by the caller, so not worth cleaning)."""
    if not isinstance(data, dict):
        raise Refused(f"the event is a {type(data).__name__}, not an object")
    message = data.get("message")
    if not isinstance(message, str):
        raise Refused("the message is missing or not a string")
    session_id = data.get("session_id")
    if session_id is not None and valid_session_id(session_id) is None:
        raise Refused("the session id is not 1 to 128 letters, digits, '_', '-', '.' or ':'")
    if len(message) > MAX_MESSAGE_CHARS:
        return SocketMessage(session_id, message)
    text = clean_text(message)
    if not text.strip():
        raise Refused("the message is empty")
    return SocketMessage(session_id, text)
