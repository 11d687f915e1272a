"""The conversation ids the messaging platforms give, by their form.

A conversation is found by its id alone, whatever channel it came through, and the REST
webhook lets its caller choose the id. A caller who sent a REST message as `4242424242` before
that Telegram user first wrote would create the conversation the Telegram user then joins
(with whatever the caller told the assistant about "them"), so a REST sender id may not have
the form of another platform's id:

- Telegram: the chat id, a whole number (negative for groups: `-1001234567890`);
- Messenger: the page-scoped user id, a whole number;
- Slack: the user id (`U024BE7LH`, `W...` on Enterprise Grid), with `_<channel>` and
  `_<thread time>` added when conversations are per channel or per thread;
- SMS and WhatsApp: the phone number (`+44...`, `whatsapp:+44...`); a REST sender id may not
  hold a "+" at all, so these need no form here.

A socket.io connection's own id (used only without session persistence) is random and
short-lived, so it cannot be guessed ahead; a conversation that already holds another
channel's messages is refused to REST whatever its id (components/channels/session_bound_rest.py).
"""

from __future__ import annotations

import re
from typing import Optional

FORMS = {
    "Telegram or Messenger": re.compile(r"-?[0-9]+"),
    "Slack": re.compile(r"[UW][A-Z0-9]{6,}(?:_[A-Z0-9]{6,}(?:_[0-9]+(?:\.[0-9]+)?)?)?"),
}


def platform_of(sender: str) -> Optional[str]:
    """The platform(s) whose conversation ids have the form of `sender`, else None."""
    return next((name for name, form in FORMS.items() if form.fullmatch(sender)), None)
