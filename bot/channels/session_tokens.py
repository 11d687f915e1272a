"""Signed session tokens: a website conversation belongs to the browser that holds its token.

The server makes every website conversation id (`web-` and 32 random hex digits) and gives the
widget a token with it: the id and an expiry time, signed with HMAC-SHA256. A request that
names a website conversation without its valid token starts a new conversation, so knowing an
id (from a log, a screen or a guess) grants nothing. The token says nothing secret itself, and
the conversation id is never derived from it.

    CHAT_SESSION_SECRET  the signing key, 32+ random characters, the same for every Rasa
                         instance (a reload may reach another one). Unset: a random key for
                         this process, with a warning; conversations then cannot be resumed
                         after a restart. Production must set it.
    CHAT_HISTORY_DAYS    how long a website conversation can be resumed after the browser last
                         connected (the token's life), and how long the widget keeps its copy
                         (default 7, 1 to 365)
"""

from __future__ import annotations

import base64
import functools
import hashlib
import hmac
import logging
import os
import re
import secrets
import time
from dataclasses import dataclass
from enum import Enum
from typing import Callable, Mapping, Optional
from uuid import uuid4

logger = logging.getLogger(__name__)

SECRET_ENV = "CHAT_SESSION_SECRET"
DAYS_ENV = "CHAT_HISTORY_DAYS"
DEFAULT_DAYS = 7
MAX_DAYS = 365
MIN_SECRET_CHARS = 32
SECONDS_PER_DAY = 86_400
WEB_PREFIX = "web-"
VERSION = "v1"
_TOKEN = re.compile(rf"{VERSION}\.(\d{{1,12}})\.([A-Za-z0-9_-]{{43}})")


class Check(Enum):
    VALID = "valid"
    MISSING = "missing"  # no token: a new visitor, or a client that never had one
    EXPIRED = "expired"  # ours, but older than CHAT_HISTORY_DAYS
    NOT_VALID = "not valid"  # forged, damaged, or for another conversation


@dataclass(frozen=True)
class Issued:
    session_id: str
    token: str
    expires_at: int  # Unix time, seconds


def new_session_id() -> str:
    return WEB_PREFIX + uuid4().hex


def is_web_session(sender: object) -> bool:
    """True when `sender` names a website conversation, which only its token opens."""
    return isinstance(sender, str) and sender.startswith(WEB_PREFIX)


@dataclass(frozen=True)
class SessionTokens:
    secret: bytes
    days: int = DEFAULT_DAYS
    clock: Callable[[], float] = time.time

    def issue(self, session_id: str) -> Issued:
        expires_at = int(self.clock()) + self.days * SECONDS_PER_DAY
        return Issued(session_id, f"{VERSION}.{expires_at}.{self._signature(session_id, expires_at)}", expires_at)

    def check(self, session_id: str, token: object) -> Check:
        if token is None or token == "":
            return Check.MISSING
        parsed = _TOKEN.fullmatch(token) if isinstance(token, str) else None
        if parsed is None:
            return Check.NOT_VALID
        expires_at = int(parsed.group(1))
        if not hmac.compare_digest(parsed.group(2), self._signature(session_id, expires_at)):
            return Check.NOT_VALID
        return Check.VALID if self.clock() < expires_at else Check.EXPIRED

    def _signature(self, session_id: str, expires_at: int) -> str:
        digest = hmac.new(self.secret, f"{VERSION}|{session_id}|{expires_at}".encode(), hashlib.sha256).digest()
        return base64.urlsafe_b64encode(digest).decode().rstrip("=")


def history_days(env: Mapping[str, str]) -> int:
    text = env.get(DAYS_ENV, "").strip()
    if not text:
        return DEFAULT_DAYS
    try:
        days = int(text)
    except ValueError:
        raise ValueError(f"{DAYS_ENV} must be a whole number of days, not {text!r}") from None
    if not 1 <= days <= MAX_DAYS:
        raise ValueError(f"{DAYS_ENV} must be between 1 and {MAX_DAYS}, not {days}")
    return days


@functools.lru_cache(maxsize=1)
def _secret_for_this_process() -> bytes:
    logger.warning(
        "%s is not set: website conversations are signed with a random key made for this run, so "
        "they cannot be resumed after a restart or on another Rasa instance. Set it in production.",
        SECRET_ENV,
    )
    return secrets.token_bytes(32)


def session_tokens_from_env(env: Optional[Mapping[str, str]] = None) -> SessionTokens:
    """The tokens of this process. Every channel in one process gets the same key, so a token
    the website got over socket.io also opens the conversation through the REST webhook."""
    env = os.environ if env is None else env
    text = env.get(SECRET_ENV, "").strip()
    if text and len(text) < MIN_SECRET_CHARS:
        raise ValueError(f"{SECRET_ENV} is too short: use at least {MIN_SECRET_CHARS} random characters")
    return SessionTokens(text.encode() if text else _secret_for_this_process(), history_days(env))


@dataclass(frozen=True)
class Opened:
    issued: Issued
    resumed: bool
    refused: Optional[Check] = None  # why the conversation asked for was not opened


def open_conversation(tokens: SessionTokens, asked_id: Optional[str], token: object) -> Opened:
    """The conversation asked for when `token` is its valid token (with a fresh token, so it
    lasts CHAT_HISTORY_DAYS from now), else a new one; `refused` says why when one was asked for."""
    if asked_id is None:
        return Opened(tokens.issue(new_session_id()), resumed=False)
    check = tokens.check(asked_id, token) if is_web_session(asked_id) else Check.NOT_VALID
    if check is Check.VALID:
        return Opened(tokens.issue(asked_id), resumed=True)
    return Opened(tokens.issue(new_session_id()), resumed=False, refused=check)


def refusal_notice(refused: Optional[Check], days: int) -> Optional[str]:
    """What the person is told when their earlier chat could not be opened."""
    if refused is None:
        return None
    if refused is Check.EXPIRED:
        return f"Your earlier chat was not used for {days} days, so it has been closed. This is a new chat."
    return "I could not open your earlier chat, so this is a new one."
