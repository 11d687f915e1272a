"""The website chat page in a real browser (Debian's Chromium driven by Playwright) talking to
the real Rasa server over socket.io. Screenshots go to tests/artifacts/."""

from __future__ import annotations

from typing import Iterator

import pytest

from tests.conftest import ARTIFACTS_DIR
from tests.servers import serving_chat_page

pytestmark = pytest.mark.integration

REPLY_TIMEOUT_MS = 60_000


@pytest.fixture(scope="module")
def chat_url(assistant: str) -> Iterator[str]:
    with serving_chat_page(assistant) as url:
        yield url


@pytest.fixture
def page(browser, chat_url: str, request: pytest.FixtureRequest):  # type: ignore[no-untyped-def]
    context = browser.new_context(viewport={"width": 1000, "height": 800})
    page = context.new_page()
    page.dialogs = []  # type: ignore[attr-defined]
    page.on("dialog", lambda dialog: (page.dialogs.append(dialog.message), dialog.dismiss()))  # type: ignore[attr-defined]
    page.goto(chat_url)
    yield page
    ARTIFACTS_DIR.mkdir(exist_ok=True)
    page.screenshot(path=str(ARTIFACTS_DIR / f"chat-{request.node.name}.png"), full_page=True)
    context.close()


def bot_messages(page) -> list[str]:  # type: ignore[no-untyped-def]
    return page.locator(".msg.bot").all_inner_texts()


def wait_for_bot_text(page, text: str) -> None:  # type: ignore[no-untyped-def]
    page.locator(".msg.bot", has_text=text).first.wait_for(timeout=REPLY_TIMEOUT_MS)


def send(page, text: str) -> None:  # type: ignore[no-untyped-def]
    page.fill("#chat-input", text)
    page.press("#chat-input", "Enter")


def test_greets_searches_opens_a_trial_and_keeps_history_after_reload(page) -> None:  # type: ignore[no-untyped-def]
    wait_for_bot_text(page, "0808 800 4040")  # the greeting says how to reach a person
    log = page.locator("#chat-log")
    assert log.get_attribute("role") == "log" and log.get_attribute("aria-live") == "polite"
    send(page, "are there any lutathera trials")
    wait_for_bot_text(page, "Status:")
    see = page.locator(".buttons button", has_text="See NCT").first
    see.wait_for(timeout=REPLY_TIMEOUT_MS)
    chosen = see.inner_text().removeprefix("See ")
    see.click()
    wait_for_bot_text(page, f"({chosen})")
    wait_for_bot_text(page, "Last updated on the registry")
    before = page.locator(".msg").count()
    page.reload()
    page.locator(".msg").nth(before - 1).wait_for(timeout=10_000)
    assert page.locator(".msg").count() >= before
    assert any(f"({chosen})" in m for m in bot_messages(page))
    send(page, "show more")  # the same Rasa conversation carries on after the reload
    wait_for_bot_text(page, "Here are 6 to")


def test_usable_by_keyboard_alone_with_visible_focus(page) -> None:  # type: ignore[no-untyped-def]
    wait_for_bot_text(page, "0808 800 4040")
    page.keyboard.press("Tab")  # the skip link comes first
    assert page.evaluate("document.activeElement.className") == "skip-link"
    page.keyboard.press("Enter")
    page.locator("#chat-input").focus()
    page.keyboard.type("can i talk to a nurse")
    page.keyboard.press("Enter")
    wait_for_bot_text(page, "Cancer Research UK information nurses")
    # Tab from the input reaches the Send button, with a visible focus outline.
    page.locator("#chat-input").focus()
    page.keyboard.press("Tab")
    assert page.evaluate("document.activeElement.textContent") == "Send"
    outline = page.evaluate("getComputedStyle(document.activeElement).outlineStyle")
    assert outline not in ("none", "")
    # A reply button can be reached and pressed with the keyboard.
    button = page.locator(".buttons button").last
    button.focus()
    label = button.inner_text()
    page.keyboard.press("Enter")
    page.locator(".msg.user", has_text=label).last.wait_for(timeout=REPLY_TIMEOUT_MS)


def test_html_in_a_message_is_shown_literally_and_never_runs(page) -> None:  # type: ignore[no-untyped-def]
    wait_for_bot_text(page, "0808 800 4040")
    hostile = "<img src=x onerror=alert(1)>"
    send(page, hostile)
    user = page.locator(".msg.user").last
    user.wait_for()
    assert user.inner_text().endswith(hostile)
    page.wait_for_timeout(1500)
    assert page.locator("#chat-log img").count() == 0
    assert page.dialogs == []  # type: ignore[attr-defined]


def test_fits_a_phone_screen_and_text_can_be_enlarged(browser, chat_url: str) -> None:  # type: ignore[no-untyped-def]
    context = browser.new_context(viewport={"width": 360, "height": 740}, device_scale_factor=2)
    page = context.new_page()
    page.goto(chat_url)
    wait_for_bot_text(page, "0808 800 4040")
    assert page.evaluate("document.documentElement.scrollWidth <= window.innerWidth")
    page.evaluate("document.documentElement.style.fontSize = '200%'")
    assert page.evaluate("document.documentElement.scrollWidth <= window.innerWidth")
    ARTIFACTS_DIR.mkdir(exist_ok=True)
    page.screenshot(path=str(ARTIFACTS_DIR / "chat-phone-200-percent.png"), full_page=True)
    context.close()
