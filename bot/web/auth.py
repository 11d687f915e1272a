"""Who may use the staff page and the staff API: settings from the environment, password
hashes, bearer tokens and the signed login cookie.

Nothing is open by default: with neither STAFF_TOKEN nor STAFF_USERS set, staff access is
"not set up" and every staff page and API call is refused. No secret is ever stored in the
repository.

    STAFF_TOKEN           a long random token: `Authorization: Bearer <token>` for the API,
                          and accepted as the password on the login page (no name needed)
    STAFF_USERS           name:pbkdf2_sha256$<iterations>$<salt>$<base64 hash>,... (comma-separated)
    STAFF_SESSION_SECRET  the key that signs the login cookie (HMAC-SHA256); when unset a
                          random one is made at start, so logins end when the server restarts

A password hash for STAFF_USERS: `python -m bot.web.auth hash-password` (asks for the password).
"""

from __future__ import annotations

import base64
import hashlib
import hmac
import json
import os
import secrets
import sys
import time
from collections import deque
from dataclasses import dataclass, field
from typing import Mapping, Optional

HASH_ALGORITHM = "pbkdf2_sha256"
DEFAULT_ITERATIONS = 600_000
MIN_ITERATIONS = 1_000
MAX_ITERATIONS = 10_000_000
MIN_TOKEN_LENGTH = 16
SESSION_COOKIE = "net_staff_session"
SESSION_SECONDS = 8 * 60 * 60  # one working shift
TOKEN_USER = "staff token"  # the name shown for someone who logged in with STAFF_TOKEN


@dataclass(frozen=True)
class StaffSettings:
    token: Optional[str]
    users: Mapping[str, str]  # name -> "pbkdf2_sha256$iterations$salt$hash"
    session_secret: bytes
    problems: tuple[str, ...] = ()  # settings that were ignored, and why (for the log, never shown)

    @property
    def enabled(self) -> bool:
        return bool(self.token or self.users)

    @classmethod
    def from_env(cls, env: Optional[Mapping[str, str]] = None) -> "StaffSettings":
        env = os.environ if env is None else env
        problems: list[str] = []
        token = env.get("STAFF_TOKEN", "").strip() or None
        if token is not None and len(token) < MIN_TOKEN_LENGTH:
            problems.append(f"STAFF_TOKEN is ignored: it must have at least {MIN_TOKEN_LENGTH} characters")
            token = None
        users = parse_users(env.get("STAFF_USERS", ""), problems)
        secret_text = env.get("STAFF_SESSION_SECRET", "").strip()
        if secret_text:
            secret = secret_text.encode()
            if len(secret_text) < MIN_TOKEN_LENGTH:
                problems.append(f"STAFF_SESSION_SECRET is short: use at least {MIN_TOKEN_LENGTH} random characters")
        else:
            secret = secrets.token_bytes(32)
        return cls(token=token, users=users, session_secret=secret, problems=tuple(problems))


def parse_users(text: str, problems: Optional[list[str]] = None) -> dict[str, str]:
    """ "name:hash,name:hash" -> {name: hash}; entries that are not well formed are skipped
    (and named in `problems`, without their hash)."""
    problems = problems if problems is not None else []
    users: dict[str, str] = {}
    for entry in (e.strip() for e in text.replace("\n", ",").split(",")):
        if not entry:
            continue
        name, _, encoded = entry.partition(":")
        name = name.strip()
        if not name or not _parse_hash(encoded.strip()):
            problems.append(
                f"STAFF_USERS: the entry for {name or '(no name)'!r} is ignored: expected "
                f"name:{HASH_ALGORITHM}$iterations$salt$hash"
            )
            continue
        users[name] = encoded.strip()
    return users


def hash_password(password: str, iterations: int = DEFAULT_ITERATIONS, salt: Optional[str] = None) -> str:
    salt = salt or secrets.token_hex(12)
    digest = hashlib.pbkdf2_hmac("sha256", password.encode(), salt.encode(), iterations)
    return f"{HASH_ALGORITHM}${iterations}${salt}${base64.b64encode(digest).decode()}"


def verify_password(password: str, encoded: str) -> bool:
    parsed = _parse_hash(encoded)
    if parsed is None:
        return False
    iterations, salt, expected = parsed
    digest = hashlib.pbkdf2_hmac("sha256", password.encode(), salt.encode(), iterations)
    return hmac.compare_digest(digest, expected)


def _parse_hash(encoded: str) -> Optional[tuple[int, str, bytes]]:
    parts = encoded.split("$")
    if len(parts) != 4 or parts[0] != HASH_ALGORITHM or not parts[2]:
        return None
    try:
        iterations = int(parts[1])
        expected = base64.b64decode(parts[3], validate=True)
    except ValueError:
        return None
    if not MIN_ITERATIONS <= iterations <= MAX_ITERATIONS or len(expected) < 16:
        return None
    return iterations, parts[2], expected


def check_token(settings: StaffSettings, presented: Optional[str]) -> bool:
    if not settings.token or not presented:
        return False
    return hmac.compare_digest(presented.encode(), settings.token.encode())


def check_login(settings: StaffSettings, name: str, password: str) -> Optional[str]:
    """The user name for a correct name and password (or, with no name, the staff token);
    None otherwise. An unknown name costs as much time as a known one."""
    name = name.strip()
    if not name:
        return TOKEN_USER if check_token(settings, password) else None
    encoded = settings.users.get(name)
    if encoded is None:
        known = next((_parse_hash(e) for e in settings.users.values()), None)
        hashlib.pbkdf2_hmac("sha256", password.encode(), b"dummy", known[0] if known else DEFAULT_ITERATIONS)
        return None
    return name if verify_password(password, encoded) else None


# -- the login cookie ---------------------------------------------------------------------
def _credential_tag(settings: StaffSettings, user: str) -> Optional[str]:
    """Ties a session to the credential it was made with: changing a password or the token,
    or removing a user, ends their sessions."""
    credential = settings.token if user == TOKEN_USER else settings.users.get(user)
    if not credential:
        return None
    return hmac.new(settings.session_secret, credential.encode(), hashlib.sha256).hexdigest()[:32]


def make_session(settings: StaffSettings, user: str, now: Optional[float] = None) -> str:
    tag = _credential_tag(settings, user)
    if tag is None:
        raise ValueError(f"no credential for {user!r}")
    expires = int((now if now is not None else time.time()) + SESSION_SECONDS)
    # "s": each sign-in's cookie differs, so signing out ends that one (bot/web/ended_sessions.py)
    fields = {"u": user, "exp": expires, "c": tag, "s": secrets.token_urlsafe(9)}
    payload = _b64(json.dumps(fields, separators=(",", ":")).encode())
    return payload + "." + _sign(settings, payload)


def read_session(settings: StaffSettings, value: Optional[str], now: Optional[float] = None) -> Optional[str]:
    """The user a cookie value was made for, if it is genuine, unexpired and still valid."""
    if not value or value.count(".") != 1:
        return None
    payload, signature = value.split(".")
    if not hmac.compare_digest(signature.encode(), _sign(settings, payload).encode()):
        return None
    try:
        data = json.loads(_unb64(payload))
        user, expires, tag = str(data["u"]), int(data["exp"]), str(data["c"])
    except (ValueError, KeyError, TypeError):
        return None
    if expires < (now if now is not None else time.time()):
        return None
    expected = _credential_tag(settings, user)
    if expected is None or not hmac.compare_digest(tag.encode(), expected.encode()):
        return None
    return user


def _sign(settings: StaffSettings, payload: str) -> str:
    return _b64(hmac.new(settings.session_secret, payload.encode(), hashlib.sha256).digest())


def _b64(data: bytes) -> str:
    return base64.urlsafe_b64encode(data).decode().rstrip("=")


def _unb64(text: str) -> bytes:
    return base64.urlsafe_b64decode(text + "=" * (-len(text) % 4))


# -- slowing down guessing ----------------------------------------------------------------
@dataclass
class FailureLimiter:
    """At most `limit` failed logins or bad tokens per client address in `window` seconds."""

    limit: int = 20
    window: float = 10 * 60
    _failures: dict[str, deque] = field(default_factory=dict)

    def blocked(self, client: str, now: Optional[float] = None) -> bool:
        return len(self._recent(client, now)) >= self.limit

    def failed(self, client: str, now: Optional[float] = None) -> None:
        self._recent(client, now).append(now if now is not None else time.monotonic())
        if len(self._failures) > 10_000:  # forget the quiet ones so memory stays small
            for key in [k for k, v in self._failures.items() if not v][:5_000]:
                del self._failures[key]

    def _recent(self, client: str, now: Optional[float]) -> deque:
        now = now if now is not None else time.monotonic()
        times = self._failures.setdefault(client, deque())
        while times and times[0] <= now - self.window:
            times.popleft()
        return times


def main(argv: Optional[list[str]] = None) -> int:
    """`python -m bot.web.auth hash-password [--iterations N]`: print a STAFF_USERS hash."""
    import argparse
    import getpass

    parser = argparse.ArgumentParser(prog="python -m bot.web.auth")
    commands = parser.add_subparsers(dest="command", required=True)
    p = commands.add_parser("hash-password", help="print a password hash for STAFF_USERS")
    p.add_argument("--iterations", type=int, default=DEFAULT_ITERATIONS)
    args = parser.parse_args(argv)
    if not MIN_ITERATIONS <= args.iterations <= MAX_ITERATIONS:
        parser.error(f"--iterations must be {MIN_ITERATIONS} to {MAX_ITERATIONS}")
    if sys.stdin.isatty():
        password = getpass.getpass("Password: ")
        if password != getpass.getpass("Again: "):
            print("The two passwords differ.", file=sys.stderr)
            return 2
    else:
        password = sys.stdin.readline().rstrip("\n")
    if len(password) < 10:
        print("Use a password of at least 10 characters.", file=sys.stderr)
        return 2
    print(hash_password(password, args.iterations))
    return 0


if __name__ == "__main__":
    sys.exit(main())
