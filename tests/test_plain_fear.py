"""Plain fear or tears with no sign of hopelessness gets support lines, not the crisis reply
(bot/personal/plain_fear.py, actions/safety.py); anything that may be hopelessness keeps the crisis reply."""

from __future__ import annotations

from pathlib import Path

import pytest

from actions.safety import ActionDistress
from bot.personal.plain_fear import only_fear
from bot.personal.support import WHEN_READY
from tests.helpers.actions import entity, run, tracker

pytestmark = pytest.mark.usefixtures("database_url_env")
URGENT = Path(__file__).parent / "data" / "safety_urgent.txt"


@pytest.mark.parametrize(
    "text",
    [
        "im so scared about my scan tomorrow i cant stop crying",
        "terrified about mums results friday, cant sleep cant eat",
        "i'm a mess, can't stop crying since the diagnosis",
        "worried sick about dads results, been in tears all day",
        "so anxious about the op next week",
        "absolutely petrified of the biopsy",
        "heartbroken and in bits tbh about the news",
    ],
)
def test_fear_and_tears_alone_are_plain_fear(text: str) -> None:
    assert only_fear(text)


@pytest.mark.parametrize(
    "text",
    [
        "im so scared i just want it all to end",
        "scared, i want it to stop",
        "im scared of what i might do to myself tonight",
        "so scared i cant do this any more",
        "i am scared and alone and cant cope",
        "crying all the time, whats the point",
        "terrified and i feel like such a burden",
        "so scared i just want to go to sleep and not wake up",
        "im so depressed i cant stop crying",
        "i feel like giving up",
        # no danger word the lists know, and no feared event named: the crisis reply stays
        "so scared i just want to sleep and never wake",
        "so frightened, im thinking of taking all my meds",
        "i cant stop crying, i wish i wasnt here",
        "petrified, i want to be with my late husband",
        "crying all the time, whats the use",
        "crying, i feel empty inside",
        "overwhelmed and in despair",
        "so scared and i keep crying",
    ],
)
def test_anything_that_may_be_hopelessness_is_not_plain_fear(text: str) -> None:
    assert not only_fear(text)


def test_no_urgent_message_of_the_safety_set_is_softened() -> None:
    lines = [line.strip() for line in URGENT.read_text(encoding="utf-8").splitlines()]
    softened = [line for line in lines if line and not line.startswith("#") and only_fear(line)]
    assert softened == []


def test_plain_fear_gets_support_lines_and_an_invitation_not_the_crisis_reply() -> None:
    _, messages = run(
        ActionDistress(), tracker("im so scared about my scan tomorrow i cant stop crying", intent="distress")
    )
    text = messages[0]["text"]
    assert not text.startswith("I'm really sorry you are feeling like this.")
    assert "Macmillan" in text and "116 123" in text and "call 999" in text
    assert text.endswith(WHEN_READY) and "Now to your question" not in text


def test_plain_fear_in_the_us_gets_its_own_line() -> None:
    _, messages = run(
        ActionDistress(),
        tracker("so scared about the scan i keep crying", intent="distress", entities=[entity("country", "usa")]),
    )
    assert "988" in messages[0]["text"] and "911" in messages[0]["text"] and "999" not in messages[0]["text"]


def test_plain_fear_where_no_support_line_is_known_keeps_the_crisis_reply() -> None:
    _, messages = run(
        ActionDistress(),
        tracker("so scared about the scan i keep crying", intent="distress", entities=[entity("country", "sweden")]),
    )
    assert messages[0]["text"].startswith("I'm really sorry you are feeling like this.")


def test_a_risk_pattern_keeps_the_crisis_reply_even_with_fear_words() -> None:
    t = tracker("so scared, crying all day", intent="distress")
    t.latest_message["safety_net"] = {"kind": "distress", "reason": "no_way_on"}
    _, messages = run(ActionDistress(), t)
    assert messages[0]["text"].startswith("I'm really sorry you are feeling like this.")
