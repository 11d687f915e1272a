"""scripts/load_bench.py: reading Locust's statistics, the lost/duplicated message check, the
page section, and one short real run of Locust against the bare Rasa bot."""

from __future__ import annotations

import json
from dataclasses import replace
from datetime import datetime, timezone
from pathlib import Path

import pytest

from scripts import load_bench
from scripts.load_bench import (
    ConversationCheck,
    LevelResult,
    SetupResult,
    TrackerUnavailable,
    check_conversations,
    parse_failures,
    parse_stats,
    render_section,
    replace_section,
    user_texts,
)

# Locust 2.47's stats CSV, as written by a real run (two kinds of request, one with no answer yet).
STATS_CSV = """\
Type,Name,Request Count,Failure Count,Median Response Time,Average Response Time,Min Response Time,Max Response Time,Average Content Size,Requests/s,Failures/s,50%,66%,75%,80%,90%,95%,98%,99%,99.9%,99.99%,100%
POST,greet,3,0,13,13.110677333315834,11.202292999996644,15.057312999942951,118.0,0.31410176514045124,0.0,13,13,15,15,15,15,15,15,15,15,15
POST,search,2,1,210,215.5,190.1,241.9,195.0,0.2094,0.1047,210,210,240,240,240,240,240,240,240,240,240
POST,thanks,0,0,0,0.0,0,0,0.0,0.0,0.0,N/A,N/A,N/A,N/A,N/A,N/A,N/A,N/A,N/A,N/A,N/A
,Aggregated,5,1,15,92.06,11.202292999996644,241.9,148.8,0.52,0.1047,15,15,210,210,240,240,240,240,240,240,240
"""
FAILURES_CSV = """\
Method,Name,Error,Occurrences,First Seen,Last Seen
POST,search,no reply,1,2026-11-22T01:00:00Z,2026-11-22T01:00:00Z
POST,details,"status 0 (ReadTimeout(...))",4,2026-11-22T01:00:00Z,2026-11-22T01:00:05Z
"""


def test_parse_stats_reads_every_row_and_the_total(tmp_path: Path) -> None:
    path = tmp_path / "locust_final_stats.csv"
    path.write_text(STATS_CSV)
    stats = parse_stats(path)
    assert set(stats) == {"greet", "search", "thanks", "Aggregated"}
    total = stats["Aggregated"]
    assert (total.requests, total.failures, total.p50, total.p95, total.p99) == (5, 1, 15, 240, 240)
    assert total.rps == pytest.approx(0.52) and total.max == pytest.approx(241.9)
    assert stats["search"].p50 == 210 and stats["search"].failures == 1
    assert stats["thanks"].p95 is None and stats["thanks"].requests == 0  # Locust's N/A


def test_parse_stats_refuses_a_file_without_the_total(tmp_path: Path) -> None:
    path = tmp_path / "other.csv"
    path.write_text(STATS_CSV.rsplit(",Aggregated", 1)[0])
    with pytest.raises(ValueError, match="Aggregated"):
        parse_stats(path)


def test_parse_failures_most_frequent_first_and_missing_file(tmp_path: Path) -> None:
    path = tmp_path / "locust_final_failures.csv"
    path.write_text(FAILURES_CSV)
    assert parse_failures(path) == [("details", "status 0 (ReadTimeout(...))", 4), ("search", "no reply", 1)]
    assert parse_failures(tmp_path / "absent.csv") == []


def _message(text: str, status: object = 200, error: object = None) -> dict:
    return {"kind": "k", "text": text, "status": status, "replies": 1 if status == 200 else 0, "error": error}


def _tracker(*texts: str) -> dict:
    """A tracker as GET /conversations/<id>/tracker returns it: session start, then turns."""
    events: list[dict] = [
        {"event": "action", "name": "action_session_start"},
        {"event": "session_started"},
        {"event": "action", "name": "action_listen"},
    ]
    for text in texts:
        events += [
            {"event": "user", "text": text, "parse_data": {"intent": {"name": "x"}}},
            {"event": "bot", "text": "a reply"},
            {"event": "action", "name": "action_listen"},
        ]
    return {"sender_id": "s", "events": events}


def _check(tmp_path: Path, senders: dict[str, list[dict]], trackers: dict[str, dict]) -> ConversationCheck:
    log = tmp_path / "sent.json"
    log.write_text(json.dumps({"run_id": "t", "senders": senders}))
    return check_conversations(log, trackers.__getitem__)


def test_user_texts_keeps_only_user_messages_in_order() -> None:
    assert user_texts(_tracker("hello", '/show_trial{"nct_id":"NCT07273409"}')) == [
        "hello",
        '/show_trial{"nct_id":"NCT07273409"}',
    ]


def test_every_answered_message_kept_once_is_clean(tmp_path: Path) -> None:
    sent = [_message("hello"), _message("what is PRRT"), _message("bye")]
    check = _check(
        tmp_path, {"a": sent, "b": sent[:1]}, {"a": _tracker("hello", "what is PRRT", "bye"), "b": _tracker("hello")}
    )
    assert check.ok and (check.senders, check.sent, check.answered) == (2, 4, 4)
    assert (check.lost, check.duplicated, check.out_of_order, check.unanswered_kept) == (0, 0, 0, 0)


def test_lost_duplicated_and_out_of_order_are_counted(tmp_path: Path) -> None:
    senders = {
        "lost": [_message("hello"), _message("what is PRRT")],
        "twice": [_message("hello"), _message("thanks")],
        "swapped": [_message("hello"), _message("bye")],
    }
    trackers = {
        "lost": _tracker("hello"),
        "twice": _tracker("hello", "thanks", "thanks"),
        "swapped": _tracker("bye", "hello"),
    }
    check = _check(tmp_path, senders, trackers)
    assert (check.lost, check.duplicated, check.out_of_order) == (1, 1, 1)
    assert not check.ok
    assert any("'what is PRRT' sent 1, answered 1, in the tracker 0" in e for e in check.examples)


def test_a_message_without_a_proper_answer_may_or_may_not_be_kept(tmp_path: Path) -> None:
    senders = {
        "timed-out-but-handled": [_message("hello"), _message("search", 0, "status 0 (ReadTimeout)")],
        "cut-off-never-arrived": [_message("hello"), _message("bye", None)],
        "error-twice": [_message("hello", 500, "status 500")],
    }
    trackers = {
        "timed-out-but-handled": _tracker("hello", "search"),
        "cut-off-never-arrived": _tracker("hello"),
        "error-twice": _tracker("hello", "hello"),
    }
    check = _check(tmp_path, senders, trackers)
    assert (check.answered, check.lost, check.unanswered_kept) == (2, 0, 2)
    assert check.duplicated == 1  # kept twice though sent once, answered or not


def test_tracker_api_closed_is_reported_not_counted(tmp_path: Path) -> None:
    def closed(sender: str) -> dict:
        raise TrackerUnavailable("GET /conversations/<id>/tracker answered 404")

    log = tmp_path / "sent.json"
    log.write_text(json.dumps({"run_id": "t", "senders": {"a": [_message("hello")]}}))
    check = check_conversations(log, closed)
    assert check.unavailable and not check.ok and check.lost == 0 and check.sent == 1


def test_replace_section_leaves_the_other_benchmarks_alone() -> None:
    page = (
        "# Benchmarks\n\nIntro.\n\n<!-- bench:registry-scale -->\n## Registry\nfigures\n"
        "<!-- /bench:registry-scale -->\n"
    )
    first = replace_section(
        page, "<!-- bench:conversations-under-load -->\nA\n<!-- /bench:conversations-under-load -->\n"
    )
    assert first.startswith(page.rstrip("\n")) and first.endswith("A\n<!-- /bench:conversations-under-load -->\n")
    second = replace_section(
        first, "<!-- bench:conversations-under-load -->\nB\n<!-- /bench:conversations-under-load -->\n"
    )
    assert "A\n" not in second.split("registry-scale -->\n", 2)[-1] and "\nB\n" in second
    assert second.count("bench:registry-scale") == 2 and "figures" in second
    assert replace_section("", "S\n").startswith("# Benchmarks")


def test_page_section_shows_every_level_and_the_targets(tmp_path: Path) -> None:
    path = tmp_path / "stats.csv"
    path.write_text(STATS_CSV)
    stats = parse_stats(path)
    clean = ConversationCheck(senders=3, sent=5, answered=4)
    levels = [LevelResult(users, 30, stats, [("search", "no reply", 1)], clean, 1.5, 1) for users in (20, 50)]
    slower = [LevelResult(20, 30, {**stats, "Aggregated": replace(stats["Aggregated"], p50=150.0)}, [], clean, 2.0, 0)]
    results = [
        SetupResult("bare", "bare Rasa bot", levels, 0.7),
        SetupResult("sqlite", "SQLite, one instance", slower, 0.9, problem="RuntimeError: Locust crashed"),
        SetupResult("postgres", "PostgreSQL, two Rasa instances behind nginx", [], 0.7, skipped="no set-up"),
    ]
    page = render_section(
        results, {"CPU": "test"}, "cmd", datetime(2026, 11, 22, tzinfo=timezone.utc), 30, 5, 1, 3, 30, "Locust 2.47.0"
    )
    assert page.startswith("<!-- bench:conversations-under-load -->") and page.endswith(
        "<!-- /bench:conversations-under-load -->\n"
    )
    assert "| 20 | 5 | 3 | 0.5 | 15 | 240 | 240 | 242 | 1 | 0 | 0 | 1.5 |" in page
    assert "| search | 240 | 240 |" in page  # p95 by kind
    assert (
        "| 0 errors, none lost or duplicated at 50 users | bare Rasa bot | 1 errors, 0 lost, 0 duplicated | **no** |"
        in page
    )
    assert "| p95 ≤ 300 ms at 20 users | bare Rasa bot | 240 ms | yes |" in page
    assert "Not measured: no set-up." in page
    assert "**Stopped after 20 users**: RuntimeError: Locust crashed" in page
    assert "| 0 errors, none lost or duplicated at 50 users | SQLite, one instance | not run at that level | |" in page
    assert "- *SQLite, one instance*: 10× at 20 users." in page
    assert "0.7 as *bare Rasa bot* started; 0.9 as *SQLite, one instance* started" in page


@pytest.mark.integration
def test_a_short_real_run_against_the_bare_bot(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """Two simulated patients for 8 s against the bare bot, the tracker API behind a token."""
    if not load_bench.LOCUST.exists():
        pytest.fail("Locust is missing: run `bash scripts/setup-load.sh` (it makes .venv-load)")
    monkeypatch.setenv("RASA_AUTH_TOKEN", "load-test-token")
    with load_bench.bare_bot(tmp_path) as base:
        load_bench.warm_up(base, "smoke")
        level = load_bench.run_level(
            base,
            2,
            8,
            1,
            tmp_path / "u2",
            "smoke-u2",
            min_wait=0.5,
            max_wait=1.5,
            reply_timeout=20,
            token="load-test-token",
        )
        with pytest.raises(TrackerUnavailable):  # the tracker API is closed without the token
            load_bench.fetch_tracker(base, "smoke-u2-u1-c1")
    total, check = level.total, level.check
    log = (tmp_path / "u2" / "locust.log").read_text()[-2000:]
    assert total.requests >= 4 and total.failures == 0 and level.failures == [], (total, level.failures, log)
    assert total.p95 is not None and total.rps > 0
    assert check.ok and check.senders >= 2 and check.lost == 0 and check.duplicated == 0, check
    # Locust counts answered requests; a request still in flight when the run stops is in the sent
    # log without an answer (at most one per simulated user).
    assert check.answered == total.requests and 0 <= check.sent - check.answered <= 2, (check, total)
    kinds = set(level.stats) - {"Aggregated"}
    assert kinds and kinds <= {
        "greet",
        "search",
        "details",
        "who can join",
        "knowledge",
        "helpline",
        "thanks",
        "goodbye",
    }
