"""WCAG AA contrast of every colour the chat and staff style sheets use, read from the sheets
themselves, so a new chip, button or hover state is checked without being listed here:

- a rule that sets a text colour and a background: that pair, 4.5:1;
- a rule that sets only a text colour: where it will sit is not known here, so it must read on
  every background of its sheet on the other side of mid-grey (dark text on each light one,
  the page's white included; light text on each dark one), 4.5:1; and light text must be one
  the sheet already sets on a dark background of its own (a pale grey meant for the white page
  would otherwise pass as text for the dark header);
- a focus ring: its outline against the halo around it (box-shadow), or white, 3:1 (non-text).

axe-core checks the pages as drawn in the browser tests too; this catches what those pages do
not show at the time (a chip of another status, a hover state, a printed page)."""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path
from typing import Optional

import pytest

STATIC = Path(__file__).resolve().parent.parent / "bot" / "web" / "static"
SHEETS = ("chat.css", "staff.css")
TEXT_RATIO, NON_TEXT_RATIO = 4.5, 3.0
WHITE, BLACK = "#ffffff", "#000000"
NAMED = {"white": WHITE, "black": BLACK, "#fff": WHITE, "#000": BLACK}


def luminance(hex_colour: str) -> float:
    rgb = [int(hex_colour[i : i + 2], 16) / 255 for i in (1, 3, 5)]
    linear = [c / 12.92 if c <= 0.03928 else ((c + 0.055) / 1.055) ** 2.4 for c in rgb]
    return 0.2126 * linear[0] + 0.7152 * linear[1] + 0.0722 * linear[2]


def contrast(a: str, b: str) -> float:
    high, low = sorted((luminance(a), luminance(b)), reverse=True)
    return (high + 0.05) / (low + 0.05)


def is_light(colour: str) -> bool:
    return contrast(colour, BLACK) > contrast(colour, WHITE)


@dataclass(frozen=True)
class Rule:
    selector: str
    declarations: dict[str, str]


def rules(css: str) -> list[Rule]:
    """Every innermost `selector { declarations }` block, inside @media blocks too."""
    css = re.sub(r"/\*.*?\*/", "", css, flags=re.S)
    found = []
    for selector, body in re.findall(r"([^{}]+)\{([^{}]*)\}", css):
        pairs = (part.split(":", 1) for part in body.split(";") if ":" in part)
        found.append(Rule(" ".join(selector.split()), {k.strip().lower(): v.strip() for k, v in pairs}))
    return found


class Palette:
    """Colour values as #rrggbb, custom properties (`var(--x)`) resolved."""

    def __init__(self, sheet_rules: list[Rule]) -> None:
        self.variables = {
            name[2:]: value
            for rule in sheet_rules
            for name, value in rule.declarations.items()
            if name.startswith("--")
        }

    def colour(self, value: Optional[str]) -> Optional[str]:
        """The first colour in `value`; None for none, inherit, currentColor and the like."""
        if not value:
            return None
        for token in re.findall(r"var\(--[\w-]+\)|#[0-9a-fA-F]{3,6}\b|\b(?:white|black)\b", value):
            if token.startswith("var("):
                return self.colour(self.variables.get(token[6:-1]))
            token = NAMED.get(token.lower(), token.lower())
            if len(token) == 4:
                token = "#" + "".join(c * 2 for c in token[1:])
            return token if len(token) == 7 else None
        return None


def background_of(rule: Rule, palette: Palette) -> Optional[str]:
    return palette.colour(rule.declarations.get("background-color") or rule.declarations.get("background"))


def failures(css: str) -> list[tuple[str, str]]:
    """Each colour use in `css` that does not meet its ratio: (selector, what is wrong)."""
    sheet = rules(css)
    palette = Palette(sheet)
    backgrounds = {WHITE} | {bg for rule in sheet if (bg := background_of(rule, palette))}
    inks_on_dark = {
        text
        for rule in sheet
        if (text := palette.colour(rule.declarations.get("color")))
        and (bg := background_of(rule, palette))
        and not is_light(bg)
    }
    found = []
    for rule in sheet:
        text, background = palette.colour(rule.declarations.get("color")), background_of(rule, palette)
        if text and background:
            on = [background]
        elif text:
            on = sorted(bg for bg in backgrounds if is_light(bg) != is_light(text))
            if is_light(text) and text not in inks_on_dark:
                found.append((rule.selector, f"light text {text} with no background, and never set on a dark one"))
        else:
            on = []
        found += [
            (rule.selector, f"text {text} on {bg} is {contrast(text, bg):.2f}:1")
            for bg in on
            if text and contrast(text, bg) < TEXT_RATIO
        ]
        ring = palette.colour(rule.declarations.get("outline"))
        if ring:
            halo = palette.colour(rule.declarations.get("box-shadow")) or WHITE
            if contrast(ring, halo) < NON_TEXT_RATIO:
                found.append((rule.selector, f"focus ring {ring} next to {halo} is {contrast(ring, halo):.2f}:1"))
    return found


def pairs_checked(css: str) -> set[str]:
    """The selectors whose text colour and background are checked as a pair."""
    sheet = rules(css)
    palette = Palette(sheet)
    return {
        rule.selector
        for rule in sheet
        if palette.colour(rule.declarations.get("color")) and background_of(rule, palette)
    }


@pytest.mark.parametrize("sheet", SHEETS)
def test_every_colour_a_sheet_uses_meets_aa(sheet: str) -> None:
    assert failures((STATIC / sheet).read_text()) == []


def test_the_chips_buttons_and_hover_states_are_among_the_pairs_read() -> None:
    chat, staff = (pairs_checked((STATIC / sheet).read_text()) for sheet in SHEETS)
    assert {
        ".chip-open",
        ".chip-soon",
        ".chip-check",
        ".chip-closed",
        ".msg.user",
        ".msg.bot",
        ".page-header",
        ".buttons button:hover, .suggestions button:hover",
        ".send",
        ".try-again",
    } <= chat
    assert {".primary:hover, .copy-button:hover, .print-button:hover", ".skip-link:focus"} <= staff


def test_the_check_itself_fails_on_poor_contrast() -> None:
    assert contrast("#777777", WHITE) < 4.5 and contrast(BLACK, WHITE) == pytest.approx(21)
    poor = """:root { --pale: #999; --brand: #2e1a6b; }
        .chip-new { background: #ffe9a8; color: #b38600; }   /* a new chip, too pale */
        .hint { color: var(--pale); }                          /* on the white page */
        .bar { background: var(--brand); color: #fff; }
        .link { color: #5a4a9b; }                              /* dark text: reads on every light background */
        @media (max-width: 40rem) { .btn:hover { background: var(--brand); color: #3a2a7b; } }
        :focus-visible { outline: 3px solid #f4f4f4; }"""
    found = failures(poor)
    assert {selector for selector, _ in found} == {".chip-new", ".hint", ".btn:hover", ":focus-visible"}, found
