"""Trial cards in the website chat (a real browser and the real Rasa server): a search's trials
as a list, each with its title as a bold heading, its status as a coloured chip that says it
in words, the phase and the nearest place with their labels in bold; after the search the view
stays on the first result, not on "There are N more"; axe-core finds no violation."""

from __future__ import annotations

from typing import Iterator

import pytest

from tests.conftest import ARTIFACTS_DIR
from tests.helpers.axe import axe_violations
from tests.servers import serving_chat_page

pytestmark = pytest.mark.integration

REPLY_TIMEOUT_MS = 60_000
CHIP_KINDS = {"chip-open", "chip-soon", "chip-check", "chip-closed"}


@pytest.fixture(scope="module")
def chat_url(assistant: str) -> Iterator[str]:
    with serving_chat_page(assistant) as url:
        yield url


def open_chat(browser, chat_url: str, width: int = 1000, height: int = 800):  # type: ignore[no-untyped-def]
    context = browser.new_context(viewport={"width": width, "height": height})
    page = context.new_page()
    page.goto(chat_url)
    page.locator(".msg.bot").first.wait_for(timeout=REPLY_TIMEOUT_MS)
    return context, page


def search(page, text: str) -> None:  # type: ignore[no-untyped-def]
    page.fill("#chat-input", text)
    page.press("#chat-input", "Enter")
    page.locator(".msg.bot", has_text="more.").last.wait_for(timeout=REPLY_TIMEOUT_MS)  # "There are 9 more."
    page.wait_for_timeout(300)


def shot(page, name: str) -> None:  # type: ignore[no-untyped-def]
    ARTIFACTS_DIR.mkdir(exist_ok=True)
    page.screenshot(path=str(ARTIFACTS_DIR / f"chat-cards-{name}.png"))


def card_facts(page) -> list[dict]:  # type: ignore[no-untyped-def]
    return page.locator("#chat-log ul.cards > li.card").evaluate_all("""cards => cards.map(card => {
        const title = card.querySelector('h3.card-title'), chip = card.querySelector('.chip');
        return {title: title ? title.textContent : '', weight: title ? getComputedStyle(title).fontWeight : '',
                chip: chip ? chip.textContent : '', kind: chip ? [...chip.classList].find(c => c !== 'chip') : '',
                chipBackground: chip ? getComputedStyle(chip).backgroundColor : '',
                cardBackground: getComputedStyle(card).backgroundColor,
                labels: [...card.querySelectorAll('strong')].map(s => s.textContent.trim()),
                see: card.querySelector('.buttons button').textContent,
                seeTabIndex: card.querySelector('.buttons button').tabIndex};
    })""")


def in_view(page, locator) -> bool:  # type: ignore[no-untyped-def]
    """Whether the element is wholly inside the chat log's visible part."""
    return locator.evaluate("""e => { const log = document.getElementById('chat-log').getBoundingClientRect(),
                                            box = e.getBoundingClientRect();
                                      return box.top >= log.top - 1 && box.bottom <= log.bottom + 1; }""")


def test_a_search_shows_a_list_of_cards_and_the_view_stays_on_the_first_result(browser, chat_url: str) -> None:  # type: ignore[no-untyped-def]
    context, page = open_chat(browser, chat_url)
    search(page, "are there any lutathera trials")
    cards = card_facts(page)
    assert len(cards) == 5 and page.locator("#chat-log ul.cards").count() == 1
    for card in cards:
        assert card["title"] and int(card["weight"]) >= 700
        assert card["chip"].strip() and card["kind"] in CHIP_KINDS, card  # the status in words
        assert card["chipBackground"] != card["cardBackground"]  # and in colour
        assert card["labels"][:2] == ["Status:", "Phase:"] and "Where:" in card["labels"]
        assert card["see"].startswith("See NCT") and card["seeTabIndex"] == 0  # every card's button in the tab order
    first_card = page.locator("#chat-log li.card").first
    more = page.locator(".msg.bot", has_text="more.").last
    assert in_view(page, first_card) and not in_view(page, more)
    heading = page.locator(".msg.bot", has_text="Here are 1 to 5").last
    assert in_view(page, heading)  # the answer's first part, just above the first card
    assert axe_violations(page) == []
    shot(page, "desktop")

    page.reload()  # the history comes back as the same list
    page.locator("#chat-log li.card").first.wait_for(timeout=10_000)
    assert [c["title"] for c in card_facts(page)] == [c["title"] for c in cards]
    context.close()


def test_cards_near_a_place_name_the_nearest_one_and_fit_a_phone(browser, chat_url: str) -> None:  # type: ignore[no-untyped-def]
    context, page = open_chat(browser, chat_url, width=375, height=700)
    search(page, "trials near manchester")
    cards = card_facts(page)
    assert cards and all("Nearest place:" in card["labels"] for card in cards)
    open_now = [card for card in cards if card["chip"] == "Open"]
    assert all(card["kind"] == "chip-open" for card in open_now)
    assert all(card["kind"] == "chip-check" for card in cards if card["chip"] == "Recruiting")  # "may have changed"
    assert in_view(page, page.locator("#chat-log li.card").first.locator("h3"))
    assert page.evaluate("document.documentElement.scrollWidth <= window.innerWidth")
    assert axe_violations(page) == []
    shot(page, "phone")
    context.close()
