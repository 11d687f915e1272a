"""A REST sender id opens no other channel's conversation (against the real Rasa server).

The REST webhook lets the caller choose the sender id, and a conversation is found by its id
alone, whatever channel it came through. So a caller who knew a Telegram chat id, a Slack or
Messenger user id or a socket.io id could write into that person's conversation and read the
answers, which say what the person told the assistant (SMS and WhatsApp ids start with "+",
which a REST sender id may not hold). A website conversation (`web-...`) opens only
with its signed token (tests/test_session_token_servers.py); here: a conversation whose
messages came through any other channel is not continued by REST either. The message starts
a new conversation of its own, as the website's do, and the replies' recipient_id names it.
A conversation begun over REST carries on over REST as before.

Other channels' conversations are planted through Rasa's HTTP API (behind its token), with
the input channel each platform's connector gives its messages."""

from __future__ import annotations

import json
import time
import urllib.error
import urllib.request

import pytest

from tests.conftest import WEBSITE_API_TOKEN
from tests.server_kinds import Running
from tests.servers import post_json, say

pytestmark = pytest.mark.integration

# (the connector's channel name, an id of the shape that platform gives)
OTHER_CHANNELS = [
    ("telegram", "4242424242"),
    ("slack", "U024BE7LH"),
    ("facebook", "1234567890123456"),
    ("socketio", "KxJ3oZ8vQ2mYc1AAAB"),
]
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


@pytest.mark.parametrize("channel, sender", PHONE_CHANNELS)
def test_rest_refuses_a_phone_number_as_its_sender(base: str, channel: str, sender: str) -> None:
    """A "+" is not allowed in a REST sender id, so SMS and WhatsApp conversations are out of reach."""
    plant(base, sender, channel)
    with pytest.raises(urllib.error.HTTPError) as refused:
        say(base, sender, "how old am I and where do I live")
    assert refused.value.code == 400
    assert user_messages(base, sender) == [(PLANTED, channel)]


def test_a_conversation_begun_over_rest_carries_on_over_rest(base: str) -> None:
    sender = f"rest-caller-{time.time_ns()}"
    first, second = say(base, sender, "hello"), say(base, sender, "can i talk to a nurse")
    assert {reply["recipient_id"] for reply in first + second} == {sender}
    assert [text for text, _ in user_messages(base, sender)] == ["hello", "can i talk to a nurse"]
