"""Signed session tokens (bot/channels/session_tokens.py) and the REST webhook's use of them
(components/channels/session_bound_rest.py), piece by piece. Against the real servers:
tests/test_session_token_servers.py."""

from __future__ import annotations

import json
import logging

import pytest

from bot.channels import session_tokens as st
from bot.channels.session_tokens import Check, SessionTokens, open_conversation, refusal_notice
from components.channels.session_bound_rest import bound_body

SECRET = b"k" * 32
NOW = 1_800_000_000.0


class Clock:
    def __init__(self, now: float = NOW) -> None:
        self.now = now

    def __call__(self) -> float:
        return self.now


def tokens(clock: Clock = Clock(), secret: bytes = SECRET, days: int = 7) -> SessionTokens:
    return SessionTokens(secret, days, clock)


def test_a_token_opens_its_own_conversation_until_it_expires() -> None:
    clock = Clock()
    issued = tokens(clock).issue("web-abc")
    assert issued.expires_at == int(NOW) + 7 * 86_400
    assert tokens(clock).check("web-abc", issued.token) is Check.VALID
    clock.now = issued.expires_at - 1
    assert tokens(clock).check("web-abc", issued.token) is Check.VALID
    clock.now = issued.expires_at
    assert tokens(clock).check("web-abc", issued.token) is Check.EXPIRED


def test_a_token_opens_no_other_conversation_and_cannot_be_forged_or_stretched() -> None:
    issued = tokens().issue("web-abc")
    assert tokens().check("web-abd", issued.token) is Check.NOT_VALID
    assert tokens(secret=b"o" * 32).check("web-abc", issued.token) is Check.NOT_VALID
    version, expires, signature = issued.token.split(".")
    later = f"{version}.{int(expires) + 86_400}.{signature}"
    assert tokens().check("web-abc", later) is Check.NOT_VALID
    flipped = signature[:-1] + ("A" if signature[-1] != "A" else "B")
    assert tokens().check("web-abc", f"{version}.{expires}.{flipped}") is Check.NOT_VALID


@pytest.mark.parametrize("odd", ["x", "v1..", "v1.1.", "v2.1." + "a" * 43, ["v1"], {"t": 1}, 7, "v1.9." + "é" * 43])
def test_odd_tokens_are_not_valid_and_no_token_is_missing(odd: object) -> None:
    assert tokens().check("web-abc", odd) is Check.NOT_VALID
    assert tokens().check("web-abc", None) is Check.MISSING
    assert tokens().check("web-abc", "") is Check.MISSING


def test_a_valid_token_resumes_with_a_fresh_token_and_anything_else_starts_a_new_conversation() -> None:
    clock = Clock()
    first = open_conversation(tokens(clock), None, None)
    assert not first.resumed and first.refused is None and st.is_web_session(first.issued.session_id)
    clock.now += 86_400
    again = open_conversation(tokens(clock), first.issued.session_id, first.issued.token)
    assert again.resumed and again.issued.session_id == first.issued.session_id
    assert again.issued.expires_at == first.issued.expires_at + 86_400
    for asked, token, why in (
        (first.issued.session_id, None, Check.MISSING),
        (first.issued.session_id, "v1.1." + "a" * 43, Check.NOT_VALID),
        ("someone-chosen", first.issued.token, Check.NOT_VALID),
    ):
        opened = open_conversation(tokens(clock), asked, token)
        assert not opened.resumed and opened.refused is why
        assert opened.issued.session_id not in (asked, first.issued.session_id)
    clock.now = first.issued.expires_at + 1
    assert open_conversation(tokens(clock), first.issued.session_id, first.issued.token).refused is Check.EXPIRED


def test_the_refusal_is_said_kindly_and_a_new_visitor_is_told_nothing() -> None:
    assert refusal_notice(None, 7) is None
    assert "7 days" in (refusal_notice(Check.EXPIRED, 7) or "")
    for why in (Check.MISSING, Check.NOT_VALID):
        assert "new" in (refusal_notice(why, 7) or "")


def test_the_secret_and_days_come_from_the_environment(caplog: pytest.LogCaptureFixture) -> None:
    made = st.session_tokens_from_env({"CHAT_SESSION_SECRET": "s" * 40, "CHAT_HISTORY_DAYS": "3"})
    assert (made.secret, made.days) == (b"s" * 40, 3)
    for bad in (
        {"CHAT_SESSION_SECRET": "short"},
        {"CHAT_HISTORY_DAYS": "0"},
        {"CHAT_HISTORY_DAYS": "a week"},
        {"CHAT_HISTORY_DAYS": "400"},
    ):
        with pytest.raises(ValueError):
            st.session_tokens_from_env(bad)
    st._secret_for_this_process.cache_clear()
    with caplog.at_level(logging.WARNING):
        first, second = st.session_tokens_from_env({}), st.session_tokens_from_env({})
    assert first.secret == second.secret and len(first.secret) == 32 and first.days == 7
    assert [r.getMessage() for r in caplog.records if "CHAT_SESSION_SECRET" in r.getMessage()] != []


def body(**fields: object) -> bytes:
    return json.dumps({"message": "hello", **fields}).encode()


def test_rest_opens_a_website_conversation_only_with_its_token() -> None:
    issued = tokens().issue("web-abc")
    with_token = body(sender="web-abc", session_token=issued.token)
    assert bound_body(with_token, tokens()) == with_token
    for refused in (
        body(sender="web-abc"),
        body(sender="web-abc", session_token="v1.1." + "a" * 43),
        body(sender="web-abd", session_token=issued.token),
    ):
        rebound = json.loads(bound_body(refused, tokens()))
        assert rebound["sender"] != json.loads(refused)["sender"] and not st.is_web_session(rebound["sender"])
        assert rebound["message"] == "hello"


@pytest.mark.parametrize(
    "sent",
    [body(sender="someone"), b"not json", b"[1]", '{"sender": "web-x"}'.encode("utf-16"), body(sender={"web-": 1})],
)
def test_rest_leaves_other_bodies_as_sent(sent: bytes) -> None:
    assert bound_body(sent, tokens()) == sent
