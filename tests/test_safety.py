"""The safety net on the measured lists: no urgent message missed, almost no false alarms."""
from __future__ import annotations

from pathlib import Path

from bot.safety import check_message

DATA = Path(__file__).parent / "data"


def lines(name: str) -> list[str]:
    return [l.strip() for l in (DATA / name).read_text(encoding="utf-8").splitlines() if l.strip()]


URGENT = lines("safety_urgent.txt")
ORDINARY = lines("safety_ordinary.txt")


def test_the_lists_are_big_enough_and_ordinary_ones_mention_the_risky_words() -> None:
    assert len(URGENT) >= 40 and len(ORDINARY) >= 100
    risky = ("pain", "blood", "sugar", "breath", "dying", "die", "hypo", "crisis", "bleed", "flush", "collapse")
    assert sum(any(w in o.lower() for w in risky) for o in ORDINARY) >= 100


def test_no_urgent_message_is_missed() -> None:
    assert [m for m in URGENT if check_message(m) is None] == []


def test_false_alarms_at_most_two_percent() -> None:
    alarms = [m for m in ORDINARY if check_message(m) is not None]
    assert len(alarms) / len(ORDINARY) <= 0.02, alarms


def test_emergency_wins_over_distress_and_kinds_are_right() -> None:
    assert check_message("I want to die and I can't breathe").kind == "emergency"
    assert check_message("i want to kill myself").kind == "distress"
    assert check_message("my mum has collapsed").reason == "collapse"


def test_odd_input_is_safe() -> None:
    for text in ["", None, "x" * 100_000, "\x00\x01", "🙂" * 50, "CHEST PAIN!!!"]:
        check_message(text)  # no exception
    assert check_message("MY CHEST HURTS").kind == "emergency"
    assert check_message("I can’t breathe").kind == "emergency"  # curly apostrophe
