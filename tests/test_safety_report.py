"""docs/safety.md gives the held safety lists as counts only: anyone may read the page without
seeing a held message. Failures say how many, never which."""

from __future__ import annotations

from scripts.safety_report import OUTPUT, page, parts, tuned_figures

HELD = [m for name in ("safety_urgent_held.txt", "safety_ordinary_held.txt") for part in parts(name) for m in part]


def held_messages_in(text: str) -> int:
    lowered = text.lower()
    return sum(message.lower() in lowered for message in HELD)


# Each check takes no argument, so a failure's message shows a count, not the text searched.
def held_on_the_page() -> int:
    return held_messages_in(page()[0])


def held_in_the_tuned_figures() -> int:
    return held_messages_in(tuned_figures())


def held_on_the_page_as_written() -> int:
    return held_messages_in(OUTPUT.read_text(encoding="utf-8"))


def held_parts_counted() -> bool:
    return "| held part 3: urgent | 40 |" in page()[0]


def test_the_page_counts_the_held_parts_and_shows_none_of_their_messages() -> None:
    assert held_parts_counted()
    assert held_on_the_page() == 0


def test_the_tuned_figures_show_no_held_message() -> None:
    assert held_in_the_tuned_figures() == 0


def test_the_page_as_written_shows_no_held_message() -> None:
    assert held_on_the_page_as_written() == 0
