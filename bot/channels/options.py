"""Numbered options for platforms without buttons (SMS, WhatsApp through Twilio).

The bot's buttons are shown as "1. Title" lines, numbered across everything the bot says in
one turn; the payloads are remembered for that person, and a reply of just "2" sends the second
payload as if the button had been pressed.

`OptionMemory` keeps this in the server's memory: it is lost on restart, and each Rasa server
process has its own. `RedisOptionMemory` keeps it in Redis instead, shared by every instance
behind the load balancer; `option_memory()` picks it when REDIS_URL is set.
"""

from __future__ import annotations

import json
import logging
import os
import re
import time
from collections import OrderedDict
from typing import TYPE_CHECKING, Callable, Iterable, List, Optional, Sequence, Tuple

if TYPE_CHECKING:
    import redis

from bot.channels.replies import Button

CHOOSE_HINT = "Reply with a number to choose."

# "2", " 2. ", "#2", "(2)", "2)", "option 2", "no. 2"
_CHOICE = re.compile(r"^\s*(?:option\s*|number\s*|no\.?\s*|#)?\(?\s*(\d{1,3})\s*[.)]?\s*$", re.IGNORECASE)


def numbered_lines(buttons: Sequence[Button], first: int) -> List[str]:
    return [f"{first + i}. {button.title}" for i, button in enumerate(buttons)]


def chosen_number(text: str) -> Optional[int]:
    match = _CHOICE.match(text or "")
    return int(match.group(1)) if match else None


class OptionMemory:
    """The last numbered options shown to each sender (most recent `max_senders`, for `ttl`)."""

    def __init__(
        self, ttl_seconds: float = 3600.0, max_senders: int = 10000, clock: Callable[[], float] = time.monotonic
    ) -> None:
        self.ttl = ttl_seconds
        self.max_senders = max_senders
        self._clock = clock
        self._options: "OrderedDict[str, Tuple[float, Tuple[str, ...]]]" = OrderedDict()

    def remember(self, sender: str, payloads: Iterable[str]) -> None:
        """Replace what `sender` was last offered (an empty list forgets it)."""
        payloads = tuple(payloads)
        self._options.pop(sender, None)
        if payloads:
            self._options[sender] = (self._clock(), payloads)
            while len(self._options) > self.max_senders:
                self._options.popitem(last=False)

    def offered(self, sender: str) -> Tuple[str, ...]:
        entry = self._options.get(sender)
        if entry is None:
            return ()
        when, payloads = entry
        if self._clock() - when > self.ttl:
            del self._options[sender]
            return ()
        return payloads

    def resolve(self, sender: str, text: str) -> str:
        """The payload `text` picks ("2" -> the second option), else `text` unchanged."""
        number = chosen_number(text)
        payloads = self.offered(sender)
        if number is not None and 1 <= number <= len(payloads):
            return payloads[number - 1]
        return text


class RedisOptionMemory(OptionMemory):
    """The same memory in Redis (expiring after `ttl`), so "2" works whichever Rasa instance
    receives it. If Redis fails, the process's own memory stands in until it is back."""

    PREFIX = "net_trials:options:"

    def __init__(self, client: "redis.Redis", ttl_seconds: float = 3600.0) -> None:
        super().__init__(ttl_seconds=ttl_seconds)
        self.client = client

    def remember(self, sender: str, payloads: Iterable[str]) -> None:
        payloads = tuple(payloads)
        super().remember(sender, payloads)
        try:
            if payloads:
                self.client.set(self.PREFIX + sender, json.dumps(payloads), ex=int(self.ttl))
            else:
                self.client.delete(self.PREFIX + sender)
        except Exception as error:  # noqa: BLE001 - any Redis failure: keep the local copy
            logging.getLogger(__name__).warning("Option memory: Redis unavailable (%s)", type(error).__name__)

    def offered(self, sender: str) -> Tuple[str, ...]:
        try:
            raw = self.client.get(self.PREFIX + sender)
        except Exception as error:  # noqa: BLE001
            logging.getLogger(__name__).warning("Option memory: Redis unavailable (%s)", type(error).__name__)
            return super().offered(sender)
        return tuple(json.loads(raw)) if raw else ()


def option_memory(env: Optional[dict] = None) -> OptionMemory:
    """Redis-backed when REDIS_URL is set (several Rasa instances), else in this process."""
    url = (env if env is not None else os.environ).get("REDIS_URL", "").strip()
    if not url:
        return OptionMemory()
    import redis

    return RedisOptionMemory(redis.Redis.from_url(url, socket_timeout=2, socket_connect_timeout=2))
