"""The chat widget's privacy and comfort features in a real browser (Debian's Chromium driven by
Playwright) talking to the real Rasa server: the privacy notice, "Clear this chat", expiring
history, links, the typing indicator, messages that could not be sent or wait for the
connection, and used buttons. axe-core (installed from the npm registry by the set-up into
var/node) checks each state for WCAG 2.2 AA and best-practice violations.

Some tests stand between the page and the server with Playwright's websocket routing: to hold
the server's answers back, or to keep the connection from opening."""

from __future__ import annotations

import json
import time
import urllib.request
from typing import Any, Callable, Iterator

import pytest
from playwright.sync_api import expect

from tests.conftest import ARTIFACTS_DIR, WEBSITE_API_TOKEN, WEBSITE_HISTORY_DAYS
from tests.helpers.axe import axe_violations
from tests.server_kinds import Running
from tests.servers import serving_chat_page

pytestmark = pytest.mark.integration

API_TOKEN = WEBSITE_API_TOKEN
KEEP_DAYS = WEBSITE_HISTORY_DAYS
REPLY_TIMEOUT_MS = 60_000
STORE_KEY = "net-trials-chat-v2"


@pytest.fixture(scope="module")
def rasa(website_servers: Running) -> str:
    """The website's servers (tests/conftest.py), shared with other modules."""
    return website_servers.url


@pytest.fixture(scope="module")
def chat_url(rasa: str) -> Iterator[str]:
    with serving_chat_page(rasa) as url:
        yield url


@pytest.fixture
def context(browser, request: pytest.FixtureRequest):  # type: ignore[no-untyped-def]
    context = browser.new_context(viewport={"width": 1000, "height": 800})
    yield context
    ARTIFACTS_DIR.mkdir(exist_ok=True)
    for index, page in enumerate(context.pages):
        page.screenshot(path=str(ARTIFACTS_DIR / f"chat-widget-{request.node.name}-{index}.png"), full_page=True)
    context.close()


def open_page(context, chat_url: str):  # type: ignore[no-untyped-def]
    page = context.new_page()
    page.dialogs = []  # type: ignore[attr-defined]
    page.on("dialog", lambda dialog: (page.dialogs.append(dialog.message), dialog.dismiss()))  # type: ignore[attr-defined]
    page.goto(chat_url)
    return page


def wait_for_bot_text(page, text: str) -> None:  # type: ignore[no-untyped-def]
    page.locator(".msg.bot", has_text=text).first.wait_for(timeout=REPLY_TIMEOUT_MS)


def send(page, text: str) -> None:  # type: ignore[no-untyped-def]
    page.fill("#chat-input", text)
    page.press("#chat-input", "Enter")


def stored(page) -> dict:  # type: ignore[no-untyped-def]
    return json.loads(page.evaluate(f"window.localStorage.getItem('{STORE_KEY}') || 'null'") or "null")


def user_texts(base: str, session_id: str) -> list[str]:
    url = f"{base}/conversations/{session_id}/tracker?token={API_TOKEN}"
    with urllib.request.urlopen(url, timeout=30) as response:
        tracker = json.loads(response.read().decode())
    return [event.get("text") or "" for event in tracker["events"] if event["event"] == "user"]


def stored_on_server(base: str, session_id: str, expected: list[str], timeout: float = 20.0) -> None:
    """Wait until the server's tracker store holds `expected` as the conversation's user messages."""
    deadline = time.monotonic() + timeout
    while (found := user_texts(base, session_id)) != expected and time.monotonic() < deadline:
        time.sleep(0.5)
    assert found == expected


Frame = Any  # a websocket message as Playwright gives it: str or bytes


def route_socket(page, on_open: Callable[[Any], None]) -> None:  # type: ignore[no-untyped-def]
    """Send the page's socket.io websocket through `on_open(route)` (Playwright's WebSocketRoute)."""
    page.route_web_socket("**/socket.io/**", on_open)


class Holding:
    """Passes the websocket on both ways, except the server's answers while `holding`."""

    def __init__(self) -> None:
        self.holding = False

    def __call__(self, route) -> None:  # type: ignore[no-untyped-def]
        server = route.connect_to_server()

        def from_server(message: Frame) -> None:
            answer = isinstance(message, str) and (message.startswith('42["bot_uttered"') or message.startswith("43"))
            if not (self.holding and answer):
                route.send(message)

        server.on_message(from_server)


# --- Privacy ---------------------------------------------------------------------------------


def test_the_privacy_notice_comes_before_the_first_message_with_the_servers_days_and_no_axe_violation(
    context, chat_url: str
) -> None:  # type: ignore[no-untyped-def]
    page = open_page(context, chat_url)
    wait_for_bot_text(page, "0808 800 4040")
    notice = page.locator("#chat-notice")
    assert notice.is_visible() and notice.get_attribute("open") is not None
    assert page.evaluate(
        "!!(document.querySelector('#chat-notice').compareDocumentPosition("
        "document.querySelector('#chat-log')) & Node.DOCUMENT_POSITION_FOLLOWING)"
    )
    text = notice.inner_text()
    assert f"for {KEEP_DAYS} days" in " ".join(text.split())
    assert "do not type your name" in text and "Clear this chat" in text
    assert axe_violations(page) == []
    send(page, "hello")
    page.locator(".msg.user", has_text="hello").wait_for()
    assert notice.get_attribute("open") is None  # folded away once the chat has started
    notice.locator("summary").click()
    assert notice.get_attribute("open") is not None  # and can be read again


def test_clear_this_chat_removes_it_from_the_browser_and_the_server(context, chat_url: str, rasa: str) -> None:  # type: ignore[no-untyped-def]
    page = open_page(context, chat_url)
    wait_for_bot_text(page, "0808 800 4040")
    send(page, "are there any lutathera trials")
    wait_for_bot_text(page, "Status:")
    old = stored(page)
    stored_on_server(rasa, old["sessionId"], ["/greet", "are there any lutathera trials"])  # saved after replying
    page.click("#chat-clear")
    page.locator("#chat-status", has_text="deleted from this browser and from our server").wait_for(timeout=30_000)
    wait_for_bot_text(page, "0808 800 4040")  # a new chat starts with the greeting
    assert page.locator(".msg.user").count() == 0
    new = stored(page)
    assert new["sessionId"] != old["sessionId"] and "lutathera" not in json.dumps(new)
    assert user_texts(rasa, old["sessionId"]) == []


def test_stored_history_expires(context, chat_url: str) -> None:  # type: ignore[no-untyped-def]
    page = open_page(context, chat_url)
    wait_for_bot_text(page, "0808 800 4040")
    send(page, "can i talk to a nurse")
    wait_for_bot_text(page, "Cancer Research UK information nurses")
    kept = stored(page)
    assert kept["expiresAt"] - time.time() == pytest.approx(KEEP_DAYS * 86_400, abs=60)
    page.evaluate(f"""() => {{ const s = JSON.parse(localStorage.getItem('{STORE_KEY}'));
                              s.expiresAt = Math.floor(Date.now() / 1000) - 1;
                              localStorage.setItem('{STORE_KEY}', JSON.stringify(s)); }}""")
    page.reload()
    page.locator("#chat-status", has_text="deleted from this browser").wait_for(timeout=10_000)
    wait_for_bot_text(page, "0808 800 4040")
    assert page.locator(".msg.user").count() == 0
    assert stored(page)["sessionId"] != kept["sessionId"]


def tab_to(page, selector: str, key: str = "Tab", most: int = 40) -> None:  # type: ignore[no-untyped-def]
    """Press `key` until the element matching `selector` has the focus, as someone with a
    keyboard alone would; fails if it is never reached."""
    for _ in range(most):
        page.keyboard.press(key)
        if page.evaluate("s => document.activeElement && document.activeElement.matches(s)", selector):
            return
    pytest.fail(f"{selector} was not reached with {key}")


def test_the_notice_a_suggestion_and_clear_this_chat_work_by_keyboard_alone(context, chat_url: str) -> None:  # type: ignore[no-untyped-def]
    page = open_page(context, chat_url)
    wait_for_bot_text(page, "0808 800 4040")
    notice = page.locator("#chat-notice")
    tab_to(page, "#chat-notice summary")
    page.keyboard.press("Enter")
    assert notice.get_attribute("open") is None
    page.keyboard.press("Enter")
    assert notice.get_attribute("open") is not None
    tab_to(page, "#chat-suggestions li:last-child button")  # "What do you do with my data?"
    page.keyboard.press("Enter")
    page.locator(".msg.user", has_text="What do you do with my data?").wait_for()
    assert page.evaluate("document.activeElement.id") == "chat-input"
    wait_for_bot_text(page, "Here is what happens to what you type")  # it gets an answer
    tab_to(page, "#chat-clear")
    outline = page.evaluate("getComputedStyle(document.activeElement).outlineStyle")
    assert outline not in ("none", "")
    page.keyboard.press("Enter")
    page.locator("#chat-status", has_text="deleted from this browser and from our server").wait_for(timeout=30_000)
    assert page.evaluate("document.activeElement.id") == "chat-input"  # ready for a new chat
    assert page.locator(".msg.user").count() == 0


# --- Links -----------------------------------------------------------------------------------


def test_phone_numbers_and_web_addresses_become_safe_links(context, chat_url: str) -> None:  # type: ignore[no-untyped-def]
    page = open_page(context, chat_url)
    wait_for_bot_text(page, "0808 800 4040")
    assert page.locator('.msg.bot a[href="tel:08088004040"]').count() >= 1
    send(
        page,
        "see https://www.nhs.uk/conditions/. or www.example.org, not javascript:alert(1) "
        'or "https://evil.example/"><img src=x onerror=alert(2)> and NCT07273409',
    )
    user = page.locator(".msg.user").last
    user.wait_for()
    hrefs = user.locator("a").evaluate_all("links => links.map(a => a.getAttribute('href'))")
    assert hrefs == ["https://www.nhs.uk/conditions/", "https://www.example.org", "https://evil.example/"]
    assert user.inner_text().endswith("and NCT07273409")
    page.wait_for_timeout(1500)
    assert page.locator("#chat-log img").count() == 0 and page.dialogs == []  # type: ignore[attr-defined]


# --- Waiting, failing, retrying ----------------------------------------------------------------


def test_the_typing_indicator_is_in_the_conversation_and_says_when_it_is_taking_longer(context, chat_url: str) -> None:  # type: ignore[no-untyped-def]
    page = context.new_page()
    holding = Holding()
    route_socket(page, holding)
    page.goto(chat_url)
    wait_for_bot_text(page, "0808 800 4040")
    holding.holding = True
    send(page, "hello")
    typing = page.locator("#chat-log .typing")
    typing.wait_for(timeout=5_000)
    assert "typing" in typing.inner_text()
    page.locator("#chat-log .typing", has_text="taking longer than usual").wait_for(timeout=12_000)
    assert page.locator("#chat-log").get_attribute("aria-live") == "polite"
    assert axe_violations(page) == []


def test_a_message_that_could_not_be_sent_says_so_and_can_be_tried_again(context, chat_url: str) -> None:  # type: ignore[no-untyped-def]
    page = context.new_page()
    routes: list[Any] = []
    state = {"refuse": False}

    def on_open(route) -> None:  # type: ignore[no-untyped-def]
        if state["refuse"]:
            route.close()
            return
        routes.append(route)
        route.connect_to_server()

    route_socket(page, on_open)
    page.goto(chat_url)
    wait_for_bot_text(page, "0808 800 4040")
    state["refuse"] = True
    routes[-1].close()  # the connection drops, and reconnecting fails for now
    page.locator("#chat-status", has_text="Can't reach the assistant").wait_for(timeout=15_000)
    send(page, "can i talk to a nurse")
    failed = page.locator(".msg.user", has_text="can i talk to a nurse").last
    failed.locator(".delivery", has_text="Not sent").wait_for(timeout=5_000)
    assert axe_violations(page) == []
    state["refuse"] = False
    expect(page.locator("#chat-status")).to_have_text("", timeout=30_000)  # connected again
    page.locator("#chat-input").focus()
    tab_to(page, ".msg.user .try-again", key="Shift+Tab")  # by keyboard: back from the message box
    page.keyboard.press("Enter")
    wait_for_bot_text(page, "Cancer Research UK information nurses")
    assert failed.locator(".delivery").count() == 0


def test_a_message_typed_before_the_connection_is_ready_is_sent_once_it_is(context, chat_url: str) -> None:  # type: ignore[no-untyped-def]
    page = context.new_page()
    waiting: list[Any] = []
    route_socket(page, lambda route: waiting.append(route))  # opened, not yet connected to the server
    page.goto(chat_url)
    send(page, "can i talk to a nurse")
    early = page.locator(".msg.user", has_text="can i talk to a nurse")
    early.locator(".delivery", has_text="Waiting for the connection").wait_for(timeout=5_000)
    assert waiting, "the page opened no websocket"
    waiting[0].connect_to_server()
    wait_for_bot_text(page, "Cancer Research UK information nurses")
    assert early.locator(".delivery").count() == 0
    assert page.locator(".msg.user").count() == 1


# --- Buttons ---------------------------------------------------------------------------------


def test_used_buttons_leave_the_tab_order_and_axe_passes_with_trial_cards(context, chat_url: str) -> None:  # type: ignore[no-untyped-def]
    page = open_page(context, chat_url)
    wait_for_bot_text(page, "0808 800 4040")
    send(page, "are there any lutathera trials")
    wait_for_bot_text(page, "Status:")
    see = page.locator(".buttons button", has_text="See NCT").first
    see.wait_for(timeout=REPLY_TIMEOUT_MS)
    assert axe_violations(page) == []
    rows_before = page.locator(".buttons").count()
    see.click()
    wait_for_bot_text(page, "Last updated on the registry")
    # the trial's own bubble has no buttons; wait for the row of the message after it
    page.wait_for_function(
        "n => document.querySelectorAll('.buttons').length > n", arg=rows_before, timeout=REPLY_TIMEOUT_MS
    )
    rows = page.locator(".buttons")
    tab_indexes = rows.evaluate_all("rows => rows.map(r => [...r.querySelectorAll('button')].map(b => b.tabIndex))")
    assert all(i == -1 for row in tab_indexes[:-1] for i in row) and len(tab_indexes) >= 2
    assert all(i == 0 for i in tab_indexes[-1])
    page.locator("#chat-input").focus()
    page.keyboard.press("Shift+Tab")  # back from the message box: the newest answer's last button
    assert page.evaluate("[...document.querySelectorAll('.buttons')].pop().contains(document.activeElement)")
