"""A REST sender id opens no other channel's conversation (against the real Rasa server).

The REST webhook lets the caller choose the sender id, and a conversation is found by its id
alone, whatever channel it came through. So a caller who knew a Telegram chat id, a Slack or
Messenger user id or a socket.io id could write into that person's conversation and read the
answers, which say what the person told the assistant; and one who sent first, as an id a
platform will give, would create the conversation that person then joins, with whatever the
caller told the assistant about "them". So a REST sender id of a platform's id form (a whole
number for Telegram and Messenger, `U...` for Slack: bot/channels/platform_ids.py) is refused
with a 400, as a phone number is (SMS and WhatsApp ids start with "+", which a REST sender id
may not hold), whether that conversation exists yet or not. A website conversation (`web-...`)
opens only with its signed token (tests/test_session_token_servers.py); a conversation whose
messages came through any other channel (a socket.io connection id) is not continued by REST
either: the message starts a new conversation of its own, as the website's do, and the
replies' recipient_id names it. A conversation begun over REST carries on over REST as before.

Other channels' conversations are planted through Rasa's HTTP API (behind its token), with
the input channel each platform's connector gives its messages."""

from __future__ import annotations

import json
import time
import urllib.error
import urllib.request

import pytest

from bot.channels.platform_ids import platform_of
from tests.conftest import WEBSITE_API_TOKEN
from tests.server_kinds import Running
from tests.servers import post_json, say

pytestmark = pytest.mark.integration

# (the connector's channel name, an id of the shape that platform gives)
PLATFORM_FORMS = [
    ("telegram", "4242424242"),
    ("telegram", "-1001234567890"),  # a group
    ("slack", "U024BE7LH"),
    ("slack", "W01ABCDEFGH_C024BE91L_1700000000.000100"),  # per thread
    ("facebook", "1234567890123456"),
]
OTHER_CHANNELS = [("socketio", "KxJ3oZ8vQ2mYc1AAAB")]
PHONE_CHANNELS = [("twilio_whatsapp", "whatsapp:+447700900123"), ("twilio", "+447700900124")]
PLANTED = "I am 67 and I live in Leeds"


@pytest.fixture(scope="module")
def base(website_servers: Running) -> str:
    """The website's servers (tests/conftest.py), shared with other modules."""
    return website_servers.url


def tracker_url(base: str, sender: str, part: str = "") -> str:
    return f"{base}/conversations/{urllib.request.quote(sender, safe=':+')}/tracker{part}?token={WEBSITE_API_TOKEN}"


def plant(base: str, sender: str, channel: str) -> None:
    """A conversation with one message from `channel`, as its connector would store it."""
    event = {
        "event": "user",
        "text": PLANTED,
        "timestamp": time.time(),
        "input_channel": channel,
        "parse_data": {"text": PLANTED, "intent": {"name": "greet", "confidence": 1.0}, "entities": []},
    }
    post_json(tracker_url(base, sender, "/events"), [event])


def user_messages(base: str, sender: str) -> list[tuple[str, str]]:
    with urllib.request.urlopen(tracker_url(base, sender), timeout=30) as response:
        events = json.loads(response.read().decode())["events"]
    return [(e.get("text") or "", e.get("input_channel") or "") for e in events if e["event"] == "user"]


@pytest.mark.parametrize("channel, sender", OTHER_CHANNELS)
def test_rest_cannot_write_into_or_read_another_channels_conversation(base: str, channel: str, sender: str) -> None:
    plant(base, sender, channel)
    assert user_messages(base, sender) == [(PLANTED, channel)]
    replies = say(base, sender, "how old am I and where do I live")
    assert replies and sender not in {reply["recipient_id"] for reply in replies}  # a new conversation
    assert "Leeds" not in json.dumps(replies)
    assert user_messages(base, sender) == [(PLANTED, channel)]  # nothing written into theirs


def refused_reason(base: str, sender: str) -> str:
    """The webhook's 400 reason for a message from `sender` (fails if it is not refused)."""
    with pytest.raises(urllib.error.HTTPError) as refused:
        say(base, sender, "how old am I and where do I live")
    assert refused.value.code == 400
    return str(json.loads(refused.value.read().decode())["error"])


@pytest.mark.parametrize("channel, sender", PHONE_CHANNELS + PLATFORM_FORMS)
def test_rest_refuses_a_platforms_id_as_its_sender(base: str, channel: str, sender: str) -> None:
    """A "+" is not allowed in a REST sender id, nor a platform's id form, so SMS, WhatsApp,
    Telegram, Messenger and Slack conversations are out of reach."""
    plant(base, sender, channel)
    refused_reason(base, sender)
    assert user_messages(base, sender) == [(PLANTED, channel)]


def fresh_platform_ids() -> list[str]:
    """Ids of each platform's form that no conversation has yet."""
    n = time.time_ns() % 10**12
    return [str(n), f"-100{n}", f"U0{n}", f"W0{n}_C0{n}_{n}.000100", f"1{n:015d}"]


def test_rest_cannot_create_a_platforms_conversation_before_that_person_writes(base: str) -> None:
    for sender in fresh_platform_ids():
        assert user_messages(base, sender) == []
        assert "form of a" in refused_reason(base, sender), sender
        assert user_messages(base, sender) == [], sender  # nothing waits there for the platform's user


def test_platform_id_forms() -> None:
    """Ids a REST client would choose are not taken for a platform's."""
    for sender in [sender for _, sender in PLATFORM_FORMS] + fresh_platform_ids():
        assert platform_of(sender) is not None, sender
    for ordinary in ["rest-4242", "me", "prod-history", "u024be7lh", "User1234567", "4242a", "-", "1.5", "U12"]:
        assert platform_of(ordinary) is None, ordinary


def test_a_conversation_begun_over_rest_carries_on_over_rest(base: str) -> None:
    sender = f"rest-caller-{time.time_ns()}"
    first, second = say(base, sender, "hello"), say(base, sender, "can i talk to a nurse")
    assert {reply["recipient_id"] for reply in first + second} == {sender}
    assert [text for text, _ in user_messages(base, sender)] == ["hello", "can i talk to a nurse"]
