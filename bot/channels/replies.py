"""One bot message as text plus buttons, whatever Rasa put in it."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any, Mapping, Optional, Tuple


@dataclass(frozen=True)
class Button:
    title: str
    payload: str


@dataclass(frozen=True)
class Reply:
    text: str
    buttons: Tuple[Button, ...] = ()


def reply_from_message(message: Mapping[str, Any]) -> Optional[Reply]:
    """A Rasa bot message (`text`, `buttons` or `quick_replies`, `image`, `attachment`,
    `elements`) as a Reply; None when there is nothing a person could read.

    Buttons without a payload (link buttons) become "title: url" lines, images and attachments
    their link, so nothing is silently dropped. `custom` payloads are platform-specific and are
    not sent (nothing in this assistant uses them).
    """
    lines = [_text(message.get("text"))]
    buttons = []
    for raw in list(message.get("quick_replies") or []) + list(message.get("buttons") or []):
        if not isinstance(raw, Mapping):
            continue
        title, payload = _text(raw.get("title")), _text(raw.get("payload"))
        if title and payload:
            buttons.append(Button(title, payload))
        elif title and _text(raw.get("url")):
            lines.append(f"{title}: {_text(raw.get('url'))}")
    for key in ("image", "attachment"):
        if _text(message.get(key)):
            lines.append(_text(message.get(key)))
    for element in message.get("elements") or []:
        if isinstance(element, Mapping):
            lines.append(" - ".join(t for t in (_text(element.get("title")), _text(element.get("subtitle"))) if t))
    text = "\n".join(line for line in lines if line)
    if not text and not buttons:
        return None
    return Reply(text, tuple(buttons))


def _text(value: Any) -> str:
    return value.strip() if isinstance(value, str) else ""
