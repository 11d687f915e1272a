"""Helplines, opening hours (fixed clock), emergency numbers and centres from contacts.yml."""

from __future__ import annotations

from datetime import datetime
from zoneinfo import ZoneInfo

import pytest
import yaml

from bot.contacts.book import CONTACTS_FILE, default_contacts
from bot.contacts.present import (
    centres_answer,
    crisis_answer,
    emergency_answer,
    helplines_answer,
    open_now_text,
)

LONDON = ZoneInfo("Europe/London")
BOOK = default_contacts()
CRUK = next(h for h in BOOK.helplines if h.id == "cruk_nurses")


def at(text: str, tz: ZoneInfo = LONDON) -> datetime:
    return datetime.fromisoformat(text).replace(tzinfo=tz)


@pytest.mark.parametrize(
    "moment, expected",
    [
        ("2026-11-18 11:00", "Open now, until 5pm."),  # Wednesday daytime
        ("2026-11-18 19:30", "Closed now. It opens tomorrow at 9am."),  # evening
        ("2026-11-21 12:00", "Closed now. It opens on Monday at 9am."),  # Saturday
        ("2026-11-22 23:59", "Closed now. It opens tomorrow at 9am."),  # Sunday night
        ("2026-11-18 09:00", "Open now, until 5pm."),  # the minute of opening
        ("2026-11-18 08:59", "Closed now. It opens today at 9am."),
        ("2026-11-18 16:59", "Open now, until 5pm."),
        ("2026-11-18 17:00", "Closed now. It opens tomorrow at 9am."),  # the minute of closing
        ("2026-11-20 17:00", "Closed now. It opens on Monday at 9am."),  # Friday closing
    ],
)
def test_nurse_line_open_now_with_a_fixed_clock(moment: str, expected: str) -> None:
    assert open_now_text(CRUK, at(moment)) == expected


def test_time_zone_of_the_line_is_used() -> None:
    # 10:30 in New York is 15:30 in London: the UK line is open.
    assert open_now_text(CRUK, at("2026-11-18 10:30", ZoneInfo("America/New_York"))).startswith("Open now")
    # 06:00 in Stockholm is 05:00 in London: closed, opens today at 9am London time.
    assert open_now_text(CRUK, at("2026-11-18 06:00", ZoneInfo("Europe/Stockholm"))) == (
        "Closed now. It opens today at 9am."
    )


def test_summer_time_is_handled() -> None:
    # 08:30 UTC on a July weekday is 09:30 in London (BST): open.
    assert open_now_text(CRUK, at("2026-07-15 08:30", ZoneInfo("UTC"))).startswith("Open now")


def test_uk_helpline_answer_names_the_nurses_with_hours() -> None:
    text = helplines_answer(BOOK, "GB", at("2026-11-18 11:00"))
    assert "Cancer Research UK information nurses. Call free on 0808 800 4040." in text
    assert "Monday to Friday, 9am to 5pm" in text and "Open now" in text
    assert "call 111" in text and "call 999" in text


def test_us_and_unknown_countries() -> None:
    us = helplines_answer(BOOK, "US", at("2026-11-18 11:00"))
    assert "1-800-422-6237" in us and "call 911" in us
    fr = helplines_answer(BOOK, "FR", at("2026-11-18 11:00"))
    assert "UK lines" in fr and "call 112" in fr


@pytest.mark.parametrize(
    "country, number", [("GB", "999"), (None, "999"), ("SE", "112"), ("FR", "112"), ("IE", "112"), ("US", "911")]
)
def test_emergency_numbers(country: str, number: str) -> None:
    assert f"Call {number} now" in emergency_answer(BOOK, country)


@pytest.mark.parametrize("country", ["AU", "NZ", "IN", "CA"])
def test_a_country_without_a_checked_number_is_never_given_the_uk_999(country: str) -> None:
    now = at("2026-11-18 03:00")
    for text in (
        emergency_answer(BOOK, country),
        crisis_answer(BOOK, country, now),
        helplines_answer(BOOK, country, now),
    ):
        assert "999" not in text and "your local emergency number" in text, text
    assert "Call your local emergency number now" in emergency_answer(BOOK, country)
    assert "checked crisis line" in crisis_answer(BOOK, country, now)


def test_crisis_lines() -> None:
    uk = crisis_answer(BOOK, "GB", at("2026-11-18 03:00"))
    assert "116 123" in uk and "call 999" in uk and "text SHOUT to 85258" in uk
    us = crisis_answer(BOOK, "US", at("2026-11-18 03:00"))
    assert "988" in us and "call 911" in us


def test_centres_by_city_and_country() -> None:
    manchester = centres_answer(BOOK, "GB", "Manchester")
    assert "The Christie" in manchester and "Royal Free" not in manchester
    assert "specialist team or their GP" in manchester
    leeds = centres_answer(BOOK, "GB", "Leeds")
    assert "don't know of a NET specialist centre in Leeds" in leeds and "Royal Free" in leeds
    sweden = centres_answer(BOOK, "SE", None)
    assert "Akademiska" in sweden and "Karolinska" in sweden
    assert "Karolinska" in centres_answer(BOOK, "SE", "Stockholm")


def test_unverified_values_are_never_shown() -> None:
    raw = yaml.safe_load(CONTACTS_FILE.read_text())
    unverified = [h for h in raw["helplines"] if h.get("phone") is None]
    assert unverified
    for entry in unverified:
        line = next(h for h in BOOK.helplines if h.id == entry["id"])
        assert line.phone is None
    ncuk = next(h for h in BOOK.helplines if h.id == "ncuk")
    from bot.contacts.present import helpline_text

    text = helpline_text(ncuk, at("2026-11-18 11:00"))
    assert "see their website" in text and "0800 434 6476" not in text  # the 2014 number
    # no centre without a verified website gets one invented
    royal_free = centres_answer(BOOK, "GB", "London")
    assert "Royal Free Hospital (London). For contact details, see their website." in royal_free
