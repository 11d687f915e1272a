"""WCAG AA contrast (4.5:1 for text) of the colour pairs the chat and staff pages use."""
from __future__ import annotations

import re
from pathlib import Path

import pytest

STATIC = Path(__file__).resolve().parent.parent / "bot" / "web" / "static"


def luminance(hex_colour: str) -> float:
    rgb = [int(hex_colour[i : i + 2], 16) / 255 for i in (1, 3, 5)]
    linear = [c / 12.92 if c <= 0.03928 else ((c + 0.055) / 1.055) ** 2.4 for c in rgb]
    return 0.2126 * linear[0] + 0.7152 * linear[1] + 0.0722 * linear[2]


def contrast(a: str, b: str) -> float:
    high, low = sorted((luminance(a), luminance(b)), reverse=True)
    return (high + 0.05) / (low + 0.05)


def variables(css: str) -> dict[str, str]:
    return {name: value.lower() for name, value in re.findall(r"--([\w-]+):\s*(#[0-9a-fA-F]{6})", css)}


CHAT = variables((STATIC / "chat.css").read_text())
PAIRS = [("ink", "#ffffff"), ("muted", "#ffffff"), ("brand", "#ffffff"), ("ink", "bot-bg"),
         ("user-ink", "user-bg"), ("ink", "focus")]


@pytest.mark.parametrize("text, background", PAIRS)
def test_chat_colours_meet_aa(text: str, background: str) -> None:
    fg = CHAT.get(text, text)
    bg = CHAT.get(background, background)
    assert contrast(fg, bg) >= 4.5, f"{text} on {background}: {contrast(fg, bg):.2f}"


def test_the_check_itself_fails_on_poor_contrast() -> None:
    assert contrast("#777777", "#ffffff") < 4.5 and contrast("#000000", "#ffffff") == pytest.approx(21)
