"""Messaging platforms without a server: splitting, numbered options, each platform's rendering,
the credentials filter, and the connectors' signature checks and request parsing."""

from __future__ import annotations

import hashlib
import hmac
import os
import re
from pathlib import Path

import pytest
import yaml

from bot.channels import credentials as creds
from bot.channels.limits import MAX_USER_TEXT, effective_limit
from bot.channels.messenger import messenger_messages
from bot.channels.options import CHOOSE_HINT, OptionMemory, RedisOptionMemory, chosen_number, option_memory
from bot.channels.replies import Button, Reply, reply_from_message
from bot.channels.slack import escape_mrkdwn, slack_messages
from bot.channels.sms import sms_bodies
from bot.channels.split import split_text, text_length
from bot.channels.telegram import CallbackPayloads, button_title, telegram_messages
from bot.config import REPO_ROOT

PARAGRAPH = (
    "Trials test new treatments. Each one has rules about who can join. "
    "Your specialist team can tell you more about them."
)
SEE = Button("See NCT07273409", '/show_trial{"nct_id":"NCT07273409"}')
MORE = Button("Show more", "/show_more_trials")


# --- splitting -----------------------------------------------------------------------------


def words_kept(parts: list[str], text: str) -> bool:
    return " ".join(parts).split() == text.split()


def test_short_text_is_one_part_and_empty_text_none() -> None:
    assert split_text("  Hello.  ", 10) == ["Hello."]
    assert split_text("", 10) == [] and split_text("   ", 10) == []


def test_split_prefers_paragraphs_then_lines() -> None:
    text = "\n\n".join([PARAGRAPH] * 4)
    parts = split_text(text, 300)
    assert all(len(p) <= 300 for p in parts) and words_kept(parts, text)
    assert all(p.endswith("about them.") for p in parts)  # whole paragraphs
    lines = "\n".join(f"Line {i}: the trial is open." for i in range(40))
    parts = split_text(lines, 200)
    assert all(p.endswith("open.") and len(p) <= 200 for p in parts) and words_kept(parts, lines)


def test_split_at_sentences_then_words_never_mid_word() -> None:
    text = " ".join([PARAGRAPH] * 10)
    parts = split_text(text, 150)
    assert all(len(p) <= 150 and p.endswith(".") for p in parts) and words_kept(parts, text)
    no_stops = " ".join(["neuroendocrine"] * 100)
    parts = split_text(no_stops, 100)
    assert all(len(p) <= 100 for p in parts) and all(set(p.split()) == {"neuroendocrine"} for p in parts)
    assert words_kept(parts, no_stops)


def test_a_word_longer_than_the_limit_is_the_only_thing_cut() -> None:
    link = "https://example.org/" + "x" * 250
    parts = split_text(f"See {link} for more.", 100)
    assert all(len(p) <= 100 for p in parts) and "".join(parts).replace(" ", "") == f"See{link}formore."


def test_sentence_split_keeps_closing_quotes_and_brackets() -> None:
    text = 'He said "it is open." Then (as planned.) it closed. ' * 20
    parts = split_text(text, 120)
    assert all(len(p) <= 120 for p in parts) and words_kept(parts, text)
    assert not any(p.startswith(('"', ")")) for p in parts)


def test_length_counts_utf16_units() -> None:
    assert text_length("a😀") == 3
    parts = split_text("😀 " * 100, 51)
    assert all(text_length(p) <= 51 for p in parts)


# --- numbered options ----------------------------------------------------------------------


@pytest.mark.parametrize(
    "text,number",
    [
        ("2", 2),
        (" 2. ", 2),
        ("#3", 3),
        ("(4)", 4),
        ("1)", 1),
        ("Option 2", 2),
        ("no. 5", 5),
        ("two", None),
        ("2 please", None),
        ("NCT07273409", None),
        ("", None),
        ("12345", None),
    ],
)
def test_chosen_number(text: str, number: int | None) -> None:
    assert chosen_number(text) == number


def test_option_memory_picks_forgets_and_expires() -> None:
    now = [0.0]
    memory = OptionMemory(ttl_seconds=60, max_senders=2, clock=lambda: now[0])
    memory.remember("+44 1", ["/a", "/b"])
    assert memory.resolve("+44 1", "2") == "/b"
    assert memory.resolve("+44 1", "3") == "3" and memory.resolve("+44 2", "1") == "1"
    assert memory.resolve("+44 1", "hello") == "hello"
    memory.remember("+44 1", [])
    assert memory.resolve("+44 1", "1") == "1"
    memory.remember("a", ["/x"]), memory.remember("b", ["/y"]), memory.remember("c", ["/z"])
    assert memory.offered("a") == () and memory.offered("c") == ("/z",)  # oldest dropped
    now[0] = 61
    assert memory.resolve("c", "1") == "1"


def test_redis_option_memory_is_shared_between_instances() -> None:
    """Two Rasa instances behind nginx: the options shown by one are picked on the other."""
    import redis

    client = redis.Redis.from_url("redis://127.0.0.1:6379/3")
    try:
        client.ping()
    except redis.RedisError:
        pytest.fail("Redis is not running on 127.0.0.1:6379: run `make services`")
    first, second = option_memory({"REDIS_URL": "redis://127.0.0.1:6379/3"}), RedisOptionMemory(client)
    sender = f"+44 7700 {os.getpid()}"
    first.remember(sender, ["/a", "/b"])
    assert second.resolve(sender, "2") == "/b"
    assert 0 < client.ttl(RedisOptionMemory.PREFIX + sender) <= 3600
    second.remember(sender, [])
    assert first.resolve(sender, "1") == "1"


def test_option_memory_without_redis_url_stays_in_the_process() -> None:
    assert type(option_memory({})) is OptionMemory


def test_redis_option_memory_falls_back_to_the_process_when_redis_is_down() -> None:
    import redis

    memory = RedisOptionMemory(redis.Redis(host="127.0.0.1", port=1, socket_connect_timeout=0.2))
    memory.remember("+44 1", ["/a", "/b"])
    assert memory.resolve("+44 1", "1") == "/a"


# --- Rasa messages as replies --------------------------------------------------------------


def test_reply_from_message() -> None:
    reply = reply_from_message(
        {
            "text": "Hi",
            "buttons": [
                {"title": "A", "payload": "/a"},
                {"title": "Site", "url": "https://x.org"},
                "junk",
                {"title": 5, "payload": "/b"},
            ],
            "image": "https://x.org/i.png",
        }
    )
    assert reply == Reply("Hi\nSite: https://x.org\nhttps://x.org/i.png", (Button("A", "/a"),))
    assert reply_from_message({"quick_replies": [{"title": "Q", "payload": "/q"}]}) == Reply("", (Button("Q", "/q"),))
    assert reply_from_message({"custom": {"x": 1}}) is None and reply_from_message({"text": None}) is None


# --- Telegram ------------------------------------------------------------------------------


def test_telegram_inline_keyboard_on_the_last_part() -> None:
    text = "\n\n".join([PARAGRAPH] * 60)
    messages = telegram_messages(42, Reply(text, (SEE, MORE)), limit=4096)
    assert len(messages) > 1 and all(text_length(m["text"]) <= 4096 for m in messages)
    assert all("reply_markup" not in m for m in messages[:-1])
    assert messages[-1]["reply_markup"] == {
        "inline_keyboard": [
            [{"text": "See NCT07273409", "callback_data": '/show_trial{"nct_id":"NCT07273409"}'}],
            [{"text": "Show more", "callback_data": "/show_more_trials"}],
        ]
    }
    assert all(m["chat_id"] == 42 for m in messages)


def test_telegram_long_payloads_travel_as_keys() -> None:
    callbacks = CallbackPayloads()
    long_payload = "what is the difference between a pancreatic net and pancreatic cancer"
    message = telegram_messages(1, Reply("Pick", (Button("Difference", long_payload),)), callbacks=callbacks)[0]
    data = message["reply_markup"]["inline_keyboard"][0][0]["callback_data"]
    assert len(data.encode()) <= 64 and data != long_payload
    assert callbacks.payload_for(data) == long_payload
    assert CallbackPayloads().payload_for(data) is None  # e.g. after a restart...
    assert button_title(message["reply_markup"], data) == "Difference"  # ...the title is used instead
    assert callbacks.payload_for("/greet") == "/greet"


# --- Slack ---------------------------------------------------------------------------------


def test_slack_sections_and_buttons() -> None:
    [message] = slack_messages("D1", Reply("Status: open <b> & more", (SEE, MORE)))
    assert message["channel"] == "D1" and message["text"] == "Status: open &lt;b&gt; &amp; more"
    section, actions = message["blocks"]
    assert section == {"type": "section", "text": {"type": "mrkdwn", "text": "Status: open &lt;b&gt; &amp; more"}}
    assert [e["value"] for e in actions["elements"]] == [SEE.payload, MORE.payload]
    assert len({e["action_id"] for e in actions["elements"]}) == 2
    assert escape_mrkdwn("a<b>&c") == "a&lt;b&gt;&amp;c"


def test_slack_long_text_is_split_into_blocks_and_messages() -> None:
    text = "\n\n".join([PARAGRAPH] * 800)  # ~100,000 characters
    buttons = tuple(Button(f"Option {i}", f"/o{i}") for i in range(30))
    messages = slack_messages("C1", Reply(text, buttons), thread_ts="1.2")
    assert len(messages) >= 3
    for message in messages:
        sections = [b for b in message["blocks"] if b["type"] == "section"]
        assert len(message["blocks"]) <= 50 and len(message["text"]) <= 40000
        assert all(len(b["text"]["text"]) <= 3000 for b in sections)
        assert message["thread_ts"] == "1.2"
    assert all(b["type"] == "section" for m in messages[:-1] for b in m["blocks"])
    actions = [b for b in messages[-1]["blocks"] if b["type"] == "actions"]
    assert [len(a["elements"]) for a in actions] == [25, 5]
    texts = [b["text"]["text"] for m in messages for b in m["blocks"] if b["type"] == "section"]
    assert words_kept(texts, text)


# --- Messenger -----------------------------------------------------------------------------


def test_messenger_quick_replies_on_the_turns_last_message() -> None:
    greeting = messenger_messages("psid1", [Reply("Hello.", (SEE, MORE))])
    assert greeting == [
        {
            "recipient": {"id": "psid1"},
            "messaging_type": "RESPONSE",
            "message": {
                "text": "Hello.",
                "quick_replies": [
                    {"content_type": "text", "payload": SEE.payload, "title": "See NCT07273409"},
                    {"content_type": "text", "payload": MORE.payload, "title": "Show more"},
                ],
            },
        }
    ]
    replies = [
        Reply("I found 2 trials."),
        Reply("Trial one", (SEE,)),
        Reply("Trial two", (SEE, Button("A very long button title indeed", "/x"))),
        Reply("There are more.", (MORE,)),
    ]
    messages = messenger_messages("psid1", replies)
    assert [m["message"]["text"] for m in messages] == [
        "I found 2 trials.",
        "Trial one\n1. See NCT07273409",
        "Trial two\n1. See NCT07273409\n2. A very long button title indeed",
        "There are more.\n3. Show more",
    ]
    assert all("quick_replies" not in m["message"] for m in messages[:-1])
    quick = messages[-1]["message"]["quick_replies"]
    assert [q["payload"] for q in quick] == [SEE.payload, "/x", MORE.payload]  # each payload once
    assert [q["title"] for q in quick] == ["1. See NCT07273409", "2. A very long butt…", "3. Show more"]
    assert all(q["content_type"] == "text" and len(q["title"]) <= 20 for q in quick)


def test_messenger_split_and_at_most_13_quick_replies() -> None:
    buttons = tuple(Button(f"B{i}", f"/b{i}") for i in range(20))
    messages = messenger_messages("p", [Reply("\n".join([PARAGRAPH] * 40), buttons)])
    assert len(messages) > 1 and all(len(m["message"]["text"]) <= 2000 for m in messages)
    assert len(messages[-1]["message"]["quick_replies"]) == 13
    assert messenger_messages("p", [Reply("", (SEE,))])[0]["message"]["text"]  # never empty text


# --- SMS / WhatsApp ------------------------------------------------------------------------


def test_sms_numbers_options_across_the_turn() -> None:
    replies = [
        Reply("I found 2 trials."),
        Reply("Trial one\nStatus: open", (Button("See NCT00000001", "/s1"),)),
        Reply("Trial two", (Button("See NCT00000002", "/s2"),)),
        Reply("There are more.", (MORE,)),
    ]
    bodies, payloads = sms_bodies(replies)
    assert payloads == ["/s1", "/s2", "/show_more_trials"]
    assert bodies == [
        "I found 2 trials.\n\nTrial one\nStatus: open\n1. See NCT00000001\n\nTrial two\n"
        f"2. See NCT00000002\n\nThere are more.\n3. Show more\n\n{CHOOSE_HINT}"
    ]
    assert sms_bodies([Reply("Hello.")]) == (["Hello."], [])


def test_sms_long_turn_is_split_within_the_limit() -> None:
    replies = [Reply(PARAGRAPH * 3, (Button(f"See NCT0000000{i}", f"/s{i}"),)) for i in range(1, 10)]
    bodies, payloads = sms_bodies(replies, limit=1600)
    assert len(bodies) > 1 and all(len(b) <= 1600 for b in bodies) and len(payloads) == 9
    numbered = re.findall(r"^(\d)\. See NCT0000000(\d)$", "\n".join(bodies), re.MULTILINE)
    assert numbered == [(str(i), str(i)) for i in range(1, 10)]


def test_effective_limit() -> None:
    assert effective_limit("500", 1600) == 500 and effective_limit(99999, 1600) == 1600
    assert effective_limit("10", 1600) == 100 and effective_limit("lots", 1600) == 1600
    assert MAX_USER_TEXT >= 4096


# --- credentials ---------------------------------------------------------------------------

SOURCE = """\
rest:
socketio:
  session_persistence: true
some.module.ChatInput:
  token: ${CHAT_TOKEN}
  secret: ${CHAT_SECRET}
  api_url: ${CHAT_API_URL:-https://api.chat.example}
  channel: ${CHAT_CHANNEL:-}
other.module.PagerInput:
  key: ${PAGER_KEY}
"""


@pytest.fixture
def source(tmp_path: Path) -> Path:
    path = tmp_path / "credentials.yml"
    path.write_text(SOURCE)
    return path


def test_platforms_with_unset_variables_are_left_out(source: Path, tmp_path: Path) -> None:
    out = tmp_path / "run" / "credentials.yml"
    found = creds.write_filtered_credentials(out, source, env={"CHAT_TOKEN": "t"})
    written = yaml.safe_load(out.read_text())
    assert list(written) == ["rest", "socketio"]  # CHAT_SECRET and PAGER_KEY unset: both off
    assert [(p.name, p.missing) for p in found] == [
        ("some.module.ChatInput", ["CHAT_SECRET"]),
        ("other.module.PagerInput", ["PAGER_KEY"]),
    ]
    assert "ChatInput: off (not set: CHAT_SECRET)" in creds.summary(found)
    creds.write_filtered_credentials(out, source, env={"CHAT_TOKEN": "t", "CHAT_SECRET": "  ", "PAGER_KEY": "k"})
    assert list(yaml.safe_load(out.read_text())) == ["rest", "socketio", "other.module.PagerInput"]  # blank = unset


def test_a_configured_platform_keeps_placeholders_and_optional_defaults(source: Path, tmp_path: Path) -> None:
    out = tmp_path / "filtered.yml"
    creds.write_filtered_credentials(out, source, env={"CHAT_TOKEN": "t0k3n-value", "CHAT_SECRET": "s3cr3t-value"})
    written = yaml.safe_load(out.read_text())
    assert written["some.module.ChatInput"] == {
        "token": "${CHAT_TOKEN}",
        "secret": "${CHAT_SECRET}",
        "api_url": "https://api.chat.example",
    }
    assert "-value" not in out.read_text()  # no secret on disk
    creds.write_filtered_credentials(
        out,
        source,
        env={"CHAT_TOKEN": "tok", "CHAT_SECRET": "sec", "CHAT_API_URL": "http://127.0.0.1:9", "CHAT_CHANNEL": "C1"},
    )
    written = yaml.safe_load(out.read_text())
    assert written["some.module.ChatInput"]["api_url"] == "${CHAT_API_URL}"
    assert written["some.module.ChatInput"]["channel"] == "${CHAT_CHANNEL}"


def test_rasa_reads_the_filtered_file_with_the_values(
    source: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    import rasa.shared.utils.io

    env = {"CHAT_TOKEN": "tok:1$2", "CHAT_SECRET": "s e c", "CHAT_API_URL": "http://127.0.0.1:9"}
    for name, value in env.items():
        monkeypatch.setenv(name, value)
    out = tmp_path / "filtered.yml"
    creds.write_filtered_credentials(out, source, env=env)
    read = rasa.shared.utils.io.read_config_file(out)
    assert read["some.module.ChatInput"] == {"token": "tok:1$2", "secret": "s e c", "api_url": "http://127.0.0.1:9"}


def test_the_project_credentials_hold_no_secret_and_every_platform_is_off_without_variables() -> None:
    found = creds.platforms(env={})
    assert {p.name.rsplit(".", 1)[-1] for p in found} == {
        "TelegramInlineInput",
        "SlackBlocksInput",
        "TwilioNumberedInput",
        "TwilioWhatsAppInput",
        "MessengerQuickRepliesInput",
    }
    assert all(not p.enabled for p in found)
    assert list(creds.filtered_credentials(env={})) == [
        "components.channels.session_bound_rest.SessionBoundRestInput",
        "components.channels.socketio_input.GuardedSocketIOInput",
    ]
    for name, settings in creds.read_source().items():
        for key, value in (settings or {}).items():
            if not name.endswith("SocketIOInput") and key not in ("use_threads",):
                assert isinstance(value, str) and value.startswith("${"), (name, key, value)
    readme = (REPO_ROOT / "README.md").read_text()
    missing = [v for v in sorted(creds.platform_variables()) if f"`{v}`" not in readme]
    assert not missing, f"not documented in README.md: {missing}"


def test_credentials_command(tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture) -> None:
    for name in creds.platform_variables():
        monkeypatch.delenv(name, raising=False)
    monkeypatch.setenv("SLACK_BOT_TOKEN", "xoxb-1")
    monkeypatch.setenv("SLACK_SIGNING_SECRET", "s")
    out = tmp_path / "c.yml"
    assert creds.main([str(out)]) == 0
    assert "SlackBlocksInput: on" in capsys.readouterr().out
    assert "components.channels.slack.SlackBlocksInput" in yaml.safe_load(out.read_text())
    assert creds.main([str(out), "--source", str(tmp_path / "missing.yml")]) == 2


# --- connectors ----------------------------------------------------------------------------


def test_messenger_signature_check() -> None:
    from components.channels.facebook import signature_valid

    body = b'{"object":"page"}'
    good = "sha256=" + hmac.new(b"secret", body, hashlib.sha256).hexdigest()
    assert signature_valid("secret", body, good)
    assert signature_valid("secret", body, good.upper().replace("SHA256", "sha256"))
    assert not signature_valid("other", body, good)
    assert not signature_valid("secret", body + b" ", good)
    sha1 = "sha1=" + hmac.new(b"secret", body, hashlib.sha1).hexdigest()
    for header in (sha1, "", "sha256=", "md5=abc", "sha256", good.replace("sha256", "new")):
        assert not signature_valid("secret", body, header)


def test_messenger_events_are_read_safely() -> None:
    from components.channels.facebook import user_inputs

    event = {
        "object": "page",
        "entry": [
            {
                "messaging": [
                    {"sender": {"id": "1"}, "message": {"text": " hi "}},
                    {"sender": {"id": "2"}, "message": {"text": "See X", "quick_reply": {"payload": "/x"}}},
                    {"sender": {"id": "3"}, "postback": {"title": "A", "payload": "/a"}},
                    {"sender": {"id": "4"}, "message": {"text": "echo", "is_echo": True}},
                    {"sender": {"id": "5"}, "delivery": {"mids": []}},
                    {"sender": {"id": ["x"]}, "message": {"text": "bad"}},
                    "junk",
                ]
            },
            {"messaging": "junk"},
            "junk",
        ],
    }
    assert user_inputs(event) == [("1", "hi"), ("2", "/x"), ("3", "/a")]
    assert user_inputs({"entry": "x"}) == [] and user_inputs({}) == []


def test_twilio_checks_the_url_twilio_signed() -> None:
    from types import SimpleNamespace

    from twilio.request_validator import RequestValidator

    from components.channels.twilio import TwilioNumberedInput, TwilioWhatsAppInput

    channel = TwilioNumberedInput("AC1", "token", "+441", public_url="https://bot.example.org/")
    request = SimpleNamespace(url="http://10.0.0.5:5005/webhooks/twilio/webhook?x=1")
    assert channel.signed_url(request) == "https://bot.example.org/webhooks/twilio/webhook?x=1"
    params = {"From": "+447700900123", "Body": "2"}
    signature = RequestValidator("token").compute_signature(
        "https://bot.example.org/webhooks/twilio/webhook?x=1", params
    )
    assert channel.validator.validate(channel.signed_url(request), params, signature)
    assert TwilioWhatsAppInput("AC1", "t", "+14155238886").twilio_number == "whatsapp:+14155238886"
    assert TwilioWhatsAppInput("AC1", "t", "whatsapp:+1415").twilio_number == "whatsapp:+1415"


def test_telegram_updates_are_read_safely() -> None:
    from components.channels.telegram import START_TEXT, TelegramInlineInput

    channel = TelegramInlineInput("1:x", secret_token="s")
    assert channel._message_text({"message": {"chat": {"id": 5}, "text": "/start"}}) == (5, START_TEXT, None)
    assert channel._message_text({"message": {"chat": {"id": 5}, "text": "/bot any trials?"}}) == (
        5,
        "any trials?",
        None,
    )
    assert channel._message_text({"edited_message": {"chat": {"id": 5}, "text": "hi"}}) == (5, "hi", None)
    assert channel._message_text({"callback_query": {"id": "9", "data": "/greet", "message": {"chat": {"id": 5}}}}) == (
        5,
        "/greet",
        "9",
    )
    for update in (
        {},
        {"message": "x"},
        {"message": {"chat": {"id": 5}}},
        {"message": {"chat": 5, "text": ["x"]}},
        {"callback_query": {"data": 5}},
        {"callback_query": {"data": "#p:gone", "message": {}}},
        {"channel_post": {"chat": {"id": 5}, "text": "hi"}},
    ):
        found = channel._message_text(update)
        assert found is None or found[0] is None
