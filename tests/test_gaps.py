"""The content-gap log: personal details removed before storage; the staff report."""

from __future__ import annotations

import subprocess
import sys
from datetime import datetime, timedelta, timezone

import pytest
from sqlalchemy import inspect, select

from bot.config import REPO_ROOT
from bot.gaps import ContentGap, GapLog
from bot.redact import redact
from bot.trials.store import TrialStore, make_engine


@pytest.mark.parametrize(
    "text, expected",
    [
        ("call me on 07700 900123 please", "call me on [phone] please"),
        ("my number is +44 20 7946 0958", "my number is [phone]"),
        ("US: 1-800-422-6237", "US: [phone]"),
        ("email jo.bloggs+net@example.co.uk", "email [email]"),
        ("I live in SW1A 1AA", "I live in [postcode]"),
        ("postcode m1 1ae near manchester", "postcode [postcode] near manchester"),
        ("dob 03/04/1960", "dob [date]"),
        ("born on 3rd March 1960", "born on [date]"),
        ("born March 3, 1960", "born [date]"),
        ("birthday 1960-04-03", "birthday [date]"),
    ],
)
def test_personal_details_are_removed(text: str, expected: str) -> None:
    assert redact(text) == expected


@pytest.mark.parametrize(
    "text",
    [
        "is there a phase 3 trial for 67 year olds",
        "NCT07273409 everolimus 10 mg",
        "lanreotide 120 mg every 28 days",
        "Ki-67 under 20%",
    ],
)
def test_ordinary_numbers_are_kept(text: str) -> None:
    assert redact(text) == text


def test_log_stores_only_redacted_text_and_reports_most_frequent(tmp_path) -> None:  # type: ignore[no-untyped-def]
    engine = make_engine(f"sqlite:///{tmp_path}/gaps.db")
    log = GapLog(engine)
    now = datetime.now(timezone.utc)
    for _ in range(3):
        log.record("fallback", "Can I get PRRT on the NHS? my email is a@b.com", when=now)
    log.record("fallback", "can i get prrt on the nhs?  my email is x@y.org", when=now)
    log.record("unhelpful", "what is everolimus", answer="utter_knowledge/everolimus", when=now)
    log.record("fallback", "old question", when=now - timedelta(days=40))
    log.record("fallback", "   ")  # nothing to store
    with engine.connect() as conn:
        stored = conn.execute(select(ContentGap.text)).scalars().all()
    assert len(stored) == 6 and not any("@" in t for t in stored)
    top = log.most_frequent(limit=5, days=30)
    assert (top[0].count, top[0].kind) == (4, "fallback") and "[email]" in top[0].text
    assert [g.text for g in top][1:] == ["what is everolimus"]


def test_report_gaps_command(tmp_path) -> None:  # type: ignore[no-untyped-def]
    url = f"sqlite:///{tmp_path}/gaps.db"
    GapLog(make_engine(url)).record("fallback", "phone me on 07700 900123 about trials")
    result = subprocess.run(
        [sys.executable, "-m", "bot", "report", "gaps"],
        cwd=REPO_ROOT,
        env={"DATABASE_URL": url, "PATH": "/usr/bin:/bin"},
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert result.returncode == 0, result.stderr
    assert "phone me on [phone] about trials" in result.stdout and "07700" not in result.stdout


def test_the_gap_log_keeps_its_own_schema_beside_the_trials(tmp_path) -> None:  # type: ignore[no-untyped-def]
    """One database may hold both, but making the trial schema does not make the gap table
    (bot.gaps is imported above), and the log makes it on first use."""
    engine = make_engine(f"sqlite:///{tmp_path}/both.db")
    TrialStore(engine).create_schema()
    assert "content_gaps" not in inspect(engine).get_table_names()
    GapLog(engine).record("fallback", "is there a trial near Leeds")
    assert {"content_gaps", "trials"} <= set(inspect(engine).get_table_names())
    assert [g.text for g in GapLog(engine).most_frequent()] == ["is there a trial near Leeds"]
