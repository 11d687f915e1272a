"""The country a channel hints at (calling code, app language), used only when the person has
not said where they are."""

from __future__ import annotations

import pytest

from actions.safety import ActionDistress
from bot.channels.locale import country_from_language, country_from_phone, locale_metadata
from bot.profile.read import read_message
from tests.helpers.actions import run, tracker


@pytest.mark.parametrize(
    ("number", "country"),
    [
        ("+447700900123", "GB"),
        ("whatsapp:+46701234567", "SE"),
        ("+353 87 123 4567", "IE"),
        ("+12025550123", None),
        ("07700900123", None),
        ("whatsapp:bob", None),
        ("", None),
        (None, None),
        ("+999", None),
    ],
)
def test_calling_codes(number: object, country: object) -> None:
    assert country_from_phone(number) == country


@pytest.mark.parametrize(
    ("tag", "country"), [("en-GB", "GB"), ("en_us", "US"), ("sv", "SE"), ("en", None), ("", None), ("x" * 50, None)]
)
def test_language_settings(tag: str, country: object) -> None:
    assert country_from_language(tag) == country


def _crisis(metadata: object, slots: dict) -> str:
    crisis = tracker("i cant go on", intent="distress", slots=slots)
    crisis.latest_message["metadata"] = metadata
    _, messages = run(ActionDistress(), crisis)
    return messages[0]["text"]


def test_the_channel_hint_is_used_only_when_the_person_said_nothing() -> None:
    assert "988" in _crisis(locale_metadata("US"), {})  # e.g. an app set to en-US
    said_uk = {"profile": read_message("we live in Leeds").as_dict()}
    assert "116 123" in _crisis(locale_metadata("US"), said_uk) and "988" not in _crisis(locale_metadata("US"), said_uk)
    assert "116 123" in _crisis({"country": "<script>"}, {})  # a malformed hint is ignored: the UK's lines
