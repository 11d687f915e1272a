"""The messaging platforms end to end: the real Rasa server and action server (trained model),
with every platform switched on by environment variables pointing at local stand-ins of the
platform APIs (tests/standins/). Webhook requests are posted in each platform's documented
format and signed as the platform signs them; we check what reaches the stand-in API.
Nothing leaves 127.0.0.1."""

from __future__ import annotations

import json
import re
from dataclasses import dataclass
from pathlib import Path
from typing import Dict, List, Optional

import pytest

from tests.server_kinds import EmbeddedServer, Running
from tests.server_pool import pool_fixture
from tests.servers import say
from tests.standins import GraphAPI, SlackAPI, StandIn, TelegramAPI, TwilioAPI, slack
from tests.standins import facebook as fb
from tests.standins import telegram as tg
from tests.standins import twilio as tw
from tests.standins.http import send

pytestmark = pytest.mark.integration

SECRETS = {
    "TELEGRAM_ACCESS_TOKEN": "123456789:TEST-telegram-token",
    "TELEGRAM_WEBHOOK_URL": "https://bot.example.org/webhooks/telegram/webhook",
    "TELEGRAM_SECRET_TOKEN": "test-secret_token-1",
    "SLACK_BOT_TOKEN": "test-slack-bot-token",
    "SLACK_SIGNING_SECRET": "test-slack-signing-secret",
    "TWILIO_ACCOUNT_SID": "AC" + "0123456789abcdef" * 2,
    "TWILIO_AUTH_TOKEN": "test-twilio-auth-token",
    "TWILIO_SMS_NUMBER": "+447700900001",
    "TWILIO_WHATSAPP_NUMBER": "+14155238886",
    "FACEBOOK_VERIFY_TOKEN": "test-verify-token",
    "FACEBOOK_APP_SECRET": "test-facebook-app-secret",
    "FACEBOOK_PAGE_ACCESS_TOKEN": "test-page-access-token",
}
# Lower limits for two platforms, so that a real long answer (a trial's details, ~1,100
# characters) has to be split; the stand-ins check the platforms' own limits on every call.
SPLIT_LIMIT = 500
PAGE_ID = "104213998765432"
SEARCH = "show me open trials"
DETAIL_MARK = "Last updated on the registry"
NCT = re.compile(r"NCT\d{8}")


@dataclass
class Platforms:
    base: str
    telegram: TelegramAPI
    slack: SlackAPI
    twilio: TwilioAPI
    graph: GraphAPI
    credentials: Path

    def url(self, channel: str) -> str:
        return f"{self.base}/webhooks/{channel}/webhook"

    def standins(self) -> List[StandIn]:
        return [self.telegram, self.slack, self.twilio, self.graph]


APIS = (
    TelegramAPI(SECRETS["TELEGRAM_ACCESS_TOKEN"]),
    SlackAPI(SECRETS["SLACK_BOT_TOKEN"]),
    TwilioAPI(SECRETS["TWILIO_ACCOUNT_SID"], SECRETS["TWILIO_AUTH_TOKEN"]),
    GraphAPI(SECRETS["FACEBOOK_PAGE_ACCESS_TOKEN"]),
)


def start_standins() -> Dict[str, str]:
    """The stand-in APIs, started before the servers; the servers' platform settings."""
    for api in APIS:
        api.start()
    telegram, slack_api, twilio, graph = APIS
    return {
        **SECRETS,
        "TELEGRAM_API_URL": telegram.url,
        "SLACK_API_URL": f"{slack_api.url}/api",
        "TWILIO_API_URL": twilio.url,
        "FACEBOOK_API_URL": f"{graph.url}/{fb.GRAPH_VERSION}",
        "TWILIO_WHATSAPP_MAX_LENGTH": str(SPLIT_LIMIT),
        "FACEBOOK_MAX_LENGTH": str(SPLIT_LIMIT),
    }


def stop_standins() -> None:
    for api in APIS:
        api.stop()


channels_servers = pool_fixture(
    EmbeddedServer("channels", trained_model=True, prepare=start_standins, finish=stop_standins)
)


@pytest.fixture(scope="module")
def platforms(channels_servers: Running) -> Platforms:
    return Platforms(channels_servers.url, *APIS, channels_servers.folder / "credentials.yml")


def rest_text(platforms: Platforms, sender: str, message: str) -> str:
    return "\n".join(r.get("text", "") for r in say(platforms.base, sender, message))


FEEDBACK = "Was this helpful?"  # asked after a trial's details; its options differ by platform


def assert_split_well(parts: List[str], whole: str, limit: int) -> None:
    """Every part within the limit, nothing lost, no word cut in two (up to the feedback question)."""
    assert len(parts) > 1, "expected the answer to be split"
    assert all(len(part) <= limit for part in parts), [len(p) for p in parts]
    assert " ".join(parts).split(FEEDBACK)[0].split() == whole.split(FEEDBACK)[0].split()


def no_rejections(platforms: Platforms) -> None:
    for api in platforms.standins():
        assert not api.rejected(), f"{api.name}: {[(c.method, c.problems) for c in api.rejected()]}"


# --- configuration -------------------------------------------------------------------------


def test_every_configured_platform_is_in_the_filtered_credentials(platforms: Platforms) -> None:
    text = platforms.credentials.read_text()
    for name in (
        "TelegramInlineInput",
        "SlackBlocksInput",
        "TwilioNumberedInput",
        "TwilioWhatsAppInput",
        "MessengerQuickRepliesInput",
        "SessionBoundRestInput:",
        "GuardedSocketIOInput:",
    ):
        assert name in text
    for secret in SECRETS.values():
        if "test" in secret:
            assert secret not in text, "a secret was written to disk"
    assert "PANTODON" in rest_text(platforms, "rest-still-works", "tell me about NCT07273409")


# --- Telegram ------------------------------------------------------------------------------


def telegram_post(platforms: Platforms, update: Dict, secret: Optional[str] = SECRETS["TELEGRAM_SECRET_TOKEN"]) -> int:
    status, _ = send(platforms.url("telegram"), json.dumps(update).encode(), tg.headers(secret))
    return status


def test_telegram_webhook_is_registered_with_the_secret_token(platforms: Platforms) -> None:
    calls = platforms.telegram.wait_for(lambda calls: [c for c in calls if c.method == "setWebhook"], timeout=30)
    assert calls[0].body["url"] == SECRETS["TELEGRAM_WEBHOOK_URL"]
    assert calls[0].body["secret_token"] == SECRETS["TELEGRAM_SECRET_TOKEN"]


def test_telegram_search_has_inline_keyboards_and_a_press_opens_the_trial(platforms: Platforms) -> None:
    chat = 7100001
    assert telegram_post(platforms, tg.message_update(chat, SEARCH)) == 200
    sent = [c.body for c in platforms.telegram.calls("sendMessage") if c.body["chat_id"] == chat]
    cards = [b for b in sent if "reply_markup" in b and "See NCT" in json.dumps(b["reply_markup"])]
    assert 1 <= len(cards) <= 5
    button = cards[1]["reply_markup"]["inline_keyboard"][0][0]
    assert button["text"].startswith("See NCT") and button["callback_data"].startswith("/show_trial")
    assert any(
        row[0]["text"] == "Show more" for b in sent for row in b.get("reply_markup", {}).get("inline_keyboard", [])
    )

    nct_id = NCT.search(button["text"]).group()
    assert telegram_post(platforms, tg.callback_update(chat, cards[1], button["callback_data"])) == 200
    assert platforms.telegram.calls("answerCallbackQuery")
    detail = [
        c.body["text"]
        for c in platforms.telegram.calls("sendMessage")
        if c.body["chat_id"] == chat and DETAIL_MARK in c.body["text"]
    ]
    assert detail and nct_id in detail[-1]
    no_rejections(platforms)


def test_telegram_updates_without_the_secret_token_are_refused(platforms: Platforms) -> None:
    before = len(platforms.telegram.calls())
    assert telegram_post(platforms, tg.message_update(7100002, "hello"), secret=None) == 403
    assert telegram_post(platforms, tg.message_update(7100002, "hello"), secret="wrong") == 403
    platforms.telegram.quiet_for(1.5)
    assert len(platforms.telegram.calls()) == before


# --- Slack ---------------------------------------------------------------------------------


def slack_post(platforms: Platforms, body: bytes, content_type: Dict[str, str], **signing: object) -> int:
    headers = {**content_type, **slack.sign(SECRETS["SLACK_SIGNING_SECRET"], body, **signing)}  # type: ignore[arg-type]
    status, _ = send(platforms.url("slack"), body, headers)
    return status


def test_slack_search_has_button_blocks_and_a_click_opens_the_trial(platforms: Platforms) -> None:
    user, channel = "U0ALEX001", "D0ALEX001"
    assert slack_post(platforms, slack.message_event(user, channel, SEARCH), slack.JSON) == 200

    def turn(calls: list) -> list:
        mine = [c.body for c in calls if c.method == "chat.postMessage" and c.body.get("channel") == channel]
        return mine if any("Show more" in json.dumps(b) for b in mine) else []

    sent = platforms.slack.wait_for(turn)
    cards = [b for b in sent if "See NCT" in json.dumps(b.get("blocks"))]
    assert 1 <= len(cards) <= 5
    blocks = cards[0]["blocks"]
    assert [b["type"] for b in blocks] == ["section", "actions"]
    assert blocks[0]["text"]["type"] == "mrkdwn" and "Status:" in blocks[0]["text"]["text"]
    element = blocks[1]["elements"][0]
    assert element["type"] == "button" and element["value"].startswith("/show_trial")
    nct_id = NCT.search(element["text"]["text"]).group()

    assert slack_post(platforms, slack.block_actions(user, channel, cards[0], element), slack.FORM) == 200
    detail = platforms.slack.wait_for(
        lambda calls: [
            c.body
            for c in calls
            if c.method == "chat.postMessage"
            and DETAIL_MARK in c.body.get("text", "")
            and c.body.get("channel") == channel
        ]
    )
    assert nct_id in detail[-1]["text"]
    no_rejections(platforms)


def test_slack_requests_with_a_bad_missing_or_old_signature_are_refused(platforms: Platforms) -> None:
    body = slack.message_event("U0ALEX002", "D0ALEX002", "hello")
    before = len(platforms.slack.calls())
    assert send(platforms.url("slack"), body, slack.JSON)[0] == 401
    bad = {**slack.JSON, **slack.sign("not-the-secret", body)}
    assert send(platforms.url("slack"), body, bad)[0] == 401
    assert slack_post(platforms, body, slack.JSON, timestamp=1_600_000_000) == 401  # replayed
    tampered = {**slack.JSON, **slack.sign(SECRETS["SLACK_SIGNING_SECRET"], body)}
    assert send(platforms.url("slack"), body.replace(b"hello", b"hi!!!"), tampered)[0] == 401
    platforms.slack.quiet_for(2)
    assert len(platforms.slack.calls()) == before


def test_slack_retries_are_not_answered_twice(platforms: Platforms) -> None:
    channel = "D0ALEX003"
    body = slack.message_event("U0ALEX003", channel, "hello")
    assert slack_post(platforms, body, slack.JSON) == 200
    retry = {
        **slack.JSON,
        **slack.sign(SECRETS["SLACK_SIGNING_SECRET"], body),
        "X-Slack-Retry-Num": "1",
        "X-Slack-Retry-Reason": "http_timeout",
    }
    assert send(platforms.url("slack"), body, retry)[0] == 200
    platforms.slack.wait_for(lambda calls: [c for c in calls if c.body.get("channel") == channel])
    platforms.slack.quiet_for(2)
    once = len(say(platforms.base, "slack-compare", "hello"))
    assert len([c for c in platforms.slack.calls() if c.body.get("channel") == channel]) == once


def test_slack_url_verification_is_answered(platforms: Platforms) -> None:
    body = slack.url_verification("3eZbrw1aBm2rZgRNFdxV2595E9CY3gmdALWMmHkvFXO7tYXAYM8P")
    headers = {**slack.JSON, **slack.sign(SECRETS["SLACK_SIGNING_SECRET"], body)}
    status, text = send(platforms.url("slack"), body, headers)
    assert status == 200 and json.loads(text) == {"challenge": "3eZbrw1aBm2rZgRNFdxV2595E9CY3gmdALWMmHkvFXO7tYXAYM8P"}


# --- Messenger -----------------------------------------------------------------------------


def messenger_post(platforms: Platforms, body: bytes) -> int:
    return send(platforms.url("facebook"), body, fb.signed_headers(SECRETS["FACEBOOK_APP_SECRET"], body))[0]


def messenger_texts(platforms: Platforms, psid: str) -> List[dict]:
    return [
        c.body["message"]
        for c in platforms.graph.calls("messages")
        if c.body.get("recipient", {}).get("id") == psid and "message" in c.body
    ]


def test_messenger_turn_ends_with_quick_replies_and_a_tap_opens_the_trial(platforms: Platforms) -> None:
    psid = "6785432109876501"
    assert messenger_post(platforms, fb.text_event(psid, PAGE_ID, SEARCH)) == 200
    platforms.graph.wait_for(lambda calls: any("quick_replies" in m for m in messenger_texts(platforms, psid)))
    sent = messenger_texts(platforms, psid)
    assert [i for i, m in enumerate(sent) if "quick_replies" in m] == [len(sent) - 1], "only the last has them"
    replies = sent[-1]["quick_replies"]
    see = [r for r in replies if re.match(r"\d\. See NCT", r["title"])]
    assert 1 <= len(see) <= 5 and replies[-1]["title"].endswith(". Show more")
    assert all(r["content_type"] == "text" and r["payload"].startswith("/") for r in replies)
    assert see[0]["title"] in sent[1]["text"]  # each result names its option
    nct_id = NCT.search(see[0]["title"]).group()

    count = len(sent)
    assert messenger_post(platforms, fb.quick_reply_event(psid, PAGE_ID, see[0]["title"], see[0]["payload"])) == 200

    def detail(calls: list) -> List[dict]:  # the trial's details, then "Was this helpful?"
        new = messenger_texts(platforms, psid)[count:]
        return new if new and new[-1]["text"] == FEEDBACK else []

    parts = platforms.graph.wait_for(detail)
    assert DETAIL_MARK in parts[0]["text"]
    whole = rest_text(platforms, "messenger-compare", see[0]["payload"])
    assert nct_id in whole
    assert_split_well([m["text"] for m in parts], whole, SPLIT_LIMIT)
    no_rejections(platforms)


def test_messenger_events_with_a_bad_or_missing_signature_are_refused(platforms: Platforms) -> None:
    body = fb.text_event("6785432109876502", PAGE_ID, "hello")
    good = fb.signed_headers(SECRETS["FACEBOOK_APP_SECRET"], body)
    before = len(platforms.graph.calls())
    url = platforms.url("facebook")
    assert send(url, body, {"Content-Type": "application/json"})[0] == 403
    assert send(url, body, fb.signed_headers("not-the-secret", body))[0] == 403
    sha1_only = {k: v for k, v in good.items() if k != "X-Hub-Signature-256"}
    assert send(url, body, sha1_only)[0] == 403  # Meta always sends the SHA-256 signature
    assert send(url, body.replace(b"hello", b"hullo"), good)[0] == 403
    platforms.graph.quiet_for(2)
    assert len(platforms.graph.calls()) == before


def test_messenger_webhook_verification(platforms: Platforms) -> None:
    query = "hub.mode=subscribe&hub.challenge=1158201444&hub.verify_token="
    assert send(platforms.url("facebook") + "?" + query + SECRETS["FACEBOOK_VERIFY_TOKEN"], None, method="GET") == (
        200,
        "1158201444",
    )
    assert send(platforms.url("facebook") + "?" + query + "wrong", None, method="GET")[0] == 403


# --- Twilio SMS and WhatsApp ---------------------------------------------------------------


def twilio_post(platforms: Platforms, channel: str, params: Dict[str, str]) -> int:
    url = platforms.url(channel)
    body, headers = tw.signed(SECRETS["TWILIO_AUTH_TOKEN"], url, params)
    status, text = send(url, body, headers)
    assert "<Response" in text or status >= 400
    return status


def bodies_to(platforms: Platforms, number: str) -> List[dict]:
    return [c.body for c in platforms.twilio.calls("Messages.json") if c.body.get("To") == number]


def test_sms_shows_numbered_options_and_2_picks_the_second(platforms: Platforms) -> None:
    phone = "+447700900123"
    sid = SECRETS["TWILIO_ACCOUNT_SID"]
    assert twilio_post(platforms, "twilio", tw.sms_params(sid, phone, SECRETS["TWILIO_SMS_NUMBER"], SEARCH)) == 200
    sent = bodies_to(platforms, phone)
    assert sent and all(b["From"] == SECRETS["TWILIO_SMS_NUMBER"] for b in sent)
    text = "\n".join(b["Body"] for b in sent)
    options = dict(re.findall(r"^(\d+)\. (.+)$", text, re.MULTILINE))
    assert options["1"].startswith("See NCT") and options["2"].startswith("See NCT")
    assert options[str(len(options))] == "Show more"
    assert "Reply with a number" in text
    second = NCT.search(options["2"]).group()

    count = len(sent)
    assert twilio_post(platforms, "twilio", tw.sms_params(sid, phone, SECRETS["TWILIO_SMS_NUMBER"], "2")) == 200
    reply = "\n".join(b["Body"] for b in bodies_to(platforms, phone)[count:])
    assert DETAIL_MARK in reply and f"({second})" in reply
    assert NCT.search(reply).group() == second
    no_rejections(platforms)


def test_whatsapp_long_answer_is_split_within_the_limit(platforms: Platforms) -> None:
    phone = "whatsapp:+447700900456"
    to = "whatsapp:" + SECRETS["TWILIO_WHATSAPP_NUMBER"]
    params = tw.whatsapp_params(SECRETS["TWILIO_ACCOUNT_SID"], phone, to, "tell me about NCT07273409")
    assert twilio_post(platforms, "twilio_whatsapp", params) == 200
    sent = bodies_to(platforms, phone)
    assert all(b["From"] == to for b in sent)
    whole = rest_text(platforms, "whatsapp-compare", "tell me about NCT07273409")
    assert "PANTODON" in whole and len(whole) > SPLIT_LIMIT
    assert_split_well([b["Body"] for b in sent], whole, SPLIT_LIMIT)
    no_rejections(platforms)


def test_twilio_requests_with_a_bad_or_missing_signature_are_refused(platforms: Platforms) -> None:
    url = platforms.url("twilio")
    params = tw.sms_params(SECRETS["TWILIO_ACCOUNT_SID"], "+447700900999", SECRETS["TWILIO_SMS_NUMBER"], "hello")
    body, headers = tw.signed(SECRETS["TWILIO_AUTH_TOKEN"], url, params)
    before = len(platforms.twilio.calls())
    unsigned = {k: v for k, v in headers.items() if k != "X-Twilio-Signature"}
    assert send(url, body, unsigned)[0] == 403
    assert send(url, body, {**headers, "X-Twilio-Signature": "bm90IGEgc2lnbmF0dXJl"})[0] == 403
    assert send(url, body.replace(b"hello", b"hullo"), headers)[0] == 403  # body changed after signing
    other_url = platforms.url("twilio_whatsapp")
    assert send(other_url, *tw.signed(SECRETS["TWILIO_AUTH_TOKEN"], url, params))[0] == 403  # signed for another URL
    _, wrong = tw.signed("not-the-token", url, params)
    assert send(url, body, wrong)[0] == 403
    platforms.twilio.quiet_for(1.5)
    assert len(platforms.twilio.calls()) == before


# --- hostile input -------------------------------------------------------------------------


def _hostile_requests() -> List[tuple]:
    tg_secret = tg.headers(SECRETS["TELEGRAM_SECRET_TOKEN"])
    slack_signed = lambda body, ctype=slack.JSON: (body, {**ctype, **slack.sign(SECRETS["SLACK_SIGNING_SECRET"], body)})  # noqa: E731
    fb_signed = lambda body: (body, fb.signed_headers(SECRETS["FACEBOOK_APP_SECRET"], body))  # noqa: E731
    huge = "a" * 200_000
    cases = [
        ("telegram", b"not json", tg_secret),
        ("telegram", b"[1, 2, 3]", tg_secret),
        ("telegram", b'{"message": "x"}', tg_secret),
        ("telegram", b'{"message": {"chat": {"id": {"a": 1}}, "text": "hi"}}', tg_secret),
        ("telegram", b'{"message": {"chat": {"id": 5}, "text": ["hi"]}}', tg_secret),
        ("telegram", b'{"callback_query": {"data": 5, "message": []}}', tg_secret),
        ("telegram", b'{"callback_query": {"data": "#p:unknown", "message": {"chat": {"id": 5}}}}', tg_secret),
        ("telegram", json.dumps({"update_id": 1, "message": {"chat": {"id": 5}, "text": huge}}).encode(), tg_secret),
        ("telegram", b"\xff\xfe\x00", {**tg_secret, "Content-Type": "text/plain"}),
        ("slack", *slack_signed(b"not json")),
        ("slack", *slack_signed(b"[]")),
        ("slack", *slack_signed(b'{"event": []}')),
        ("slack", *slack_signed(b'{"type": "event_callback", "event": {"type": "message", "text": ["x"], "user": 1}}')),
        (
            "slack",
            *slack_signed(
                b'{"type": "event_callback", "event": {"type": "message", "text": "x", "user": "U1", '
                b'"channel": "D1", "channel_type": "im"}, "authorizations": "nope"}'
            ),
        ),
        ("slack", *slack_signed(b"payload=not+json", slack.FORM)),
        ("slack", *slack_signed(b"nothing=here", slack.FORM)),
        ("slack", *slack_signed(b'payload={"actions": "x", "user": {"id": "U1"}}', slack.FORM)),
        ("slack", *slack_signed(b'payload={"actions": [{"type": "button"}], "user": {"id": "U1"}}', slack.FORM)),
        ("slack", *slack_signed(b"<xml/>", {"Content-Type": "text/xml"})),
        ("slack", b"{}", {**slack.JSON, "X-Slack-Request-Timestamp": "abc", "X-Slack-Signature": "v0=zz"}),
        ("slack", b"{}", {**slack.JSON, "X-Slack-Request-Timestamp": "9" * 400, "X-Slack-Signature": "x"}),
        ("facebook", *fb_signed(b"[]")),
        ("facebook", *fb_signed(b"not json")),
        ("facebook", *fb_signed(b'{"object": "page", "entry": "x"}')),
        ("facebook", *fb_signed(b'{"entry": [{"messaging": [{"sender": {"id": [1]}, "message": {"text": "hi"}}]}]}')),
        ("facebook", *fb_signed(b'{"entry": [{"messaging": [{"sender": {"id": "1"}, "message": {"text": 5}}]}]}')),
        ("facebook", b"{}", {"Content-Type": "application/json", "X-Hub-Signature-256": "md5=abc"}),
        ("facebook", b"{}", {"Content-Type": "application/json", "X-Hub-Signature-256": "sha256"}),
        ("facebook", b"{}", {"Content-Type": "application/json", "X-Hub-Signature": "new=abc"}),
        ("twilio", b"", {"Content-Type": "application/x-www-form-urlencoded", "X-Twilio-Signature": "x"}),
        ("twilio", b"From=%2B44&Body=hi", {"Content-Type": "application/x-www-form-urlencoded"}),
        ("twilio", b"\xff\xfe", {"Content-Type": "application/x-www-form-urlencoded", "X-Twilio-Signature": "\u00e9"}),
        ("twilio_whatsapp", b'{"Body": "hi"}', {"Content-Type": "application/json", "X-Twilio-Signature": "abc"}),
    ]
    return cases


@pytest.mark.parametrize("index", range(len(_hostile_requests())))
def test_hostile_requests_never_get_a_server_error_or_a_stack_trace(platforms: Platforms, index: int) -> None:
    channel, body, headers = _hostile_requests()[index]
    status, text = send(platforms.url(channel), body, headers)
    assert status < 500, (status, text[:300])
    assert "Traceback" not in text and 'File "' not in text


def test_hostile_twilio_signed_garbage_is_harmless(platforms: Platforms) -> None:
    url = platforms.url("twilio")
    for params in (
        {},
        {"From": "+447700900777"},
        {"Body": "hi"},
        {"From": "+447700900777", "Body": "   "},
        {"From": "+447700900777", "Body": "x" * 5000, "NumMedia": "abc"},
    ):
        body, headers = tw.signed(SECRETS["TWILIO_AUTH_TOKEN"], url, params)
        status, text = send(url, body, headers)
        assert status < 500 and "Traceback" not in text
    no_rejections(platforms)


def test_the_servers_still_answer_after_the_hostile_requests(platforms: Platforms) -> None:
    assert "PANTODON" in rest_text(platforms, "after-hostile", "tell me about NCT07273409")
    for channel in ("telegram", "slack", "twilio", "twilio_whatsapp", "facebook"):
        status, _ = send(f"{platforms.base}/webhooks/{channel}/", None, method="GET")
        assert status == 200
