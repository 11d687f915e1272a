"""The chat on a charity's own site (static/widget.js, one script tag) in a real browser: a
floating button that opens the chat in a frame, with the name, colours and helpline from the
tag's attributes; usable by keyboard alone (Escape closes, the focus goes back to the button);
on a phone the open chat covers the page and is modal (the page behind inert, Tab kept inside);
axe-core finds no WCAG 2.2 AA or best-practice violation with it closed and open, on a desktop
and on a phone. The charity's page comes from a small server of its own on another port (a
page on a public address may not load scripts from this machine); the chat comes from
`python -m bot serve`, which lets only that origin frame it. Also: the suggested first
questions on the empty chat."""

from __future__ import annotations

import os
import threading
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Iterator

import pytest
from playwright.sync_api import expect

from bot.web.server import create_app
from tests.conftest import ARTIFACTS_DIR
from tests.helpers.axe import AXE_TAGS, axe_script
from tests.helpers.web_responses import directives, responses
from tests.servers import free_port, serving_web

pytestmark = pytest.mark.integration

REPLY_TIMEOUT_MS = 60_000
SHOTS = ARTIFACTS_DIR
PAGES: dict[str, str] = {}  # the charity's pages by path, set by each test


class CharityPage(BaseHTTPRequestHandler):
    def do_GET(self) -> None:  # noqa: N802 - the standard library's name
        body = PAGES.get(self.path.split("?")[0], "").encode()
        self.send_response(200 if body else 404)
        self.send_header("Content-Type", "text/html; charset=utf-8")
        self.end_headers()
        self.wfile.write(body)

    def log_message(self, *args: object) -> None:
        pass


@pytest.fixture(scope="module")
def charity() -> Iterator[str]:
    server = ThreadingHTTPServer(("127.0.0.1", free_port()), CharityPage)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    yield f"http://127.0.0.1:{server.server_address[1]}"
    server.shutdown()


@pytest.fixture(scope="module")
def chat_url(assistant: str, charity: str) -> Iterator[str]:
    with serving_web({**os.environ, "RASA_PUBLIC_URL": assistant, "CHAT_EMBED_ORIGINS": charity}) as url:
        yield url


def charity_page(chat_url: str, attributes: str) -> str:
    return f"""<!doctype html>
<html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<title>Support for people with NETs</title></head>
<body><header><p><a href="/about">About us</a></p></header>
<main><h1>Support for people with NETs</h1><p>Our nurses are here to help.</p></main>
<script src="{chat_url}static/widget.js" async {attributes}></script>
</body></html>"""


def open_charity_page(browser, chat_url: str, charity: str, attributes: str, viewport: dict[str, int]):  # type: ignore[no-untyped-def]
    path = f"/page-{len(PAGES)}"
    PAGES[path] = charity_page(chat_url, attributes)
    context = browser.new_context(viewport=viewport)
    page = context.new_page()
    page.dialogs = []  # type: ignore[attr-defined]
    page.on("dialog", lambda dialog: (page.dialogs.append(dialog.message), dialog.dismiss()))  # type: ignore[attr-defined]
    page.goto(charity + path)
    the_button(page).wait_for(timeout=10_000)
    return context, page


def the_button(page):  # type: ignore[no-untyped-def]
    """The floating button, inside the widget's shadow root (Playwright's CSS pierces it)."""
    return page.locator("#net-chat-widget button.launcher")


def the_panel(page):  # type: ignore[no-untyped-def]
    return page.locator("#net-chat-widget .panel")


def chat_frame(page):  # type: ignore[no-untyped-def]
    return page.frame_locator("#net-chat-widget iframe")


def focused_in_widget(page) -> str:  # type: ignore[no-untyped-def]
    """What has the focus: "launcher", "frame" or something else on the charity's page."""
    return page.evaluate("""() => {
        const host = document.getElementById('net-chat-widget');
        if (document.activeElement !== host) return document.activeElement ? document.activeElement.tagName : '';
        const inner = host.shadowRoot.activeElement;
        return inner ? (inner.classList.contains('launcher') ? 'launcher' : inner.tagName.toLowerCase()) : '';
    }""")


def page_link_takes_focus(page) -> bool:  # type: ignore[no-untyped-def]
    """Whether the charity's own link can take the focus (not when a modal chat makes it inert)."""
    return page.evaluate(
        "() => { const link = document.querySelector('header a'); link.focus();"
        " const took = document.activeElement === link; link.blur(); return took; }"
    )


def is_modal(page) -> bool:  # type: ignore[no-untyped-def]
    return the_panel(page).evaluate("panel => panel.matches(':modal')")


def axe_everywhere(page) -> list[dict]:  # type: ignore[no-untyped-def]
    """axe-core's violations on the page and in every frame it shows, each frame checked in
    itself (axe does not talk to a frame from another origin)."""
    script = axe_script()
    violations = []
    for frame in page.frames:
        frame.evaluate(script)
        results = frame.evaluate(
            "tags => axe.run(document, {iframes: false, runOnly: {type: 'tag', values: tags}})", AXE_TAGS
        )
        violations += [
            {"frame": frame.url, "id": v["id"], "nodes": [n["target"] for n in v["nodes"]]}
            for v in results["violations"]
        ]
    return violations


def shot(page, name: str) -> None:  # type: ignore[no-untyped-def]
    SHOTS.mkdir(exist_ok=True)
    page.screenshot(path=str(SHOTS / f"widget-{name}.png"))


def wait_for_greeting(page) -> None:  # type: ignore[no-untyped-def]
    chat_frame(page).locator(".msg.bot").first.wait_for(timeout=REPLY_TIMEOUT_MS)


ATTRIBUTES = (
    'data-name="Ask about NET trials" data-colour="#005eb8" '
    'data-helpline="0808 808 0000" data-helpline-hours="Monday to Friday, 9am to 5pm"'
)


def test_one_script_tag_gives_a_button_that_opens_the_chat_and_the_keyboard_alone_works_it(
    browser, chat_url: str, charity: str
) -> None:  # type: ignore[no-untyped-def]
    context, page = open_charity_page(browser, chat_url, charity, ATTRIBUTES, {"width": 1200, "height": 860})
    button = the_button(page)
    assert button.inner_text() == "Ask about NET trials"
    assert button.get_attribute("aria-expanded") == "false" and the_panel(page).is_hidden()
    assert page.locator("#net-chat-widget iframe").count() == 0  # nothing connects until it is opened
    assert axe_everywhere(page) == []
    shot(page, "desktop-closed")

    page.keyboard.press("Tab")  # the charity's own link first
    page.keyboard.press("Tab")
    assert focused_in_widget(page) == "launcher"
    page.keyboard.press("Enter")
    the_panel(page).wait_for()
    assert button.get_attribute("aria-expanded") == "true"
    frame = chat_frame(page)
    expect(frame.locator("h1")).to_have_text("Ask about NET trials")  # once embed.js has run
    intro = frame.locator("#chat-intro")
    assert "0808 808 0000" in intro.inner_text() and "Monday to Friday, 9am to 5pm" in intro.inner_text()
    assert intro.locator("a").get_attribute("href") == "tel:08088080000"
    header = frame.locator(".page-header").evaluate("e => getComputedStyle(e).backgroundColor")
    assert header == "rgb(0, 94, 184)"
    wait_for_greeting(page)
    frame.locator("#chat-input").wait_for()
    page.wait_for_function("() => document.getElementById('net-chat-widget').shadowRoot.activeElement")
    page.keyboard.type("can i talk to a nurse")  # the focus is in the message box
    page.keyboard.press("Enter")
    frame.locator(".msg.bot", has_text="Cancer Research UK information nurses").wait_for(timeout=REPLY_TIMEOUT_MS)
    assert axe_everywhere(page) == []
    shot(page, "desktop-open")
    assert not is_modal(page) and page_link_takes_focus(page)  # beside the page, not over it
    page.bring_to_front()
    frame.locator("#chat-input").press("Escape")  # from inside the chat
    the_panel(page).wait_for(state="hidden")
    assert focused_in_widget(page) == "launcher" and button.get_attribute("aria-expanded") == "false"

    page.keyboard.press("Enter")  # open again: the conversation is still there
    the_panel(page).wait_for()
    assert frame.locator(".msg.user", has_text="can i talk to a nurse").count() == 1
    page.bring_to_front()  # a headless page can lose the window's focus on a busy machine (CI, twice)
    frame.locator("#chat-close").press("Enter")  # the chat's own Close button, focused, then Enter
    the_panel(page).wait_for(state="hidden")
    assert focused_in_widget(page) == "launcher"
    assert page.dialogs == []  # type: ignore[attr-defined]
    context.close()


def test_on_a_phone_the_open_chat_fills_the_screen_and_hard_to_read_colours_are_corrected(
    browser, chat_url: str, charity: str
) -> None:  # type: ignore[no-untyped-def]
    attributes = 'data-name="NET chat" data-colour="#ffd200" data-text-colour="#ffffff"'  # white on yellow: unreadable
    context, page = open_charity_page(browser, chat_url, charity, attributes, {"width": 375, "height": 667})
    button = the_button(page)
    assert button.evaluate("b => getComputedStyle(b).color") == "rgb(0, 0, 0)"  # black on yellow instead
    assert axe_everywhere(page) == []
    shot(page, "phone-closed")
    button.focus()
    page.keyboard.press("Enter")
    wait_for_greeting(page)
    box = the_panel(page).bounding_box()
    assert box == {"x": 0, "y": 0, "width": 375, "height": 667}
    frame = chat_frame(page)
    assert frame.locator("html").evaluate("e => e.scrollWidth <= e.clientWidth")
    # It covers the page, so it is modal: the page behind (and the hidden button) is inert, and
    # Tab goes round the chat, stopping only at the browser's own controls on the way ("BODY":
    # nothing on the page has the focus), as in any modal dialog; never on the page behind.
    assert is_modal(page) and not page_link_takes_focus(page)
    frame.locator("#chat-input").focus()
    places = []
    for _ in range(25):
        page.keyboard.press("Tab")
        places.append(focused_in_widget(page))
    assert set(places) == {"iframe", "BODY"} and "BODY,BODY" not in ",".join(places), places
    # brand-coloured text on white falls back to the default dark colour (yellow on white is unreadable)
    assert frame.locator("#chat-clear").evaluate("e => getComputedStyle(e).color") == "rgb(46, 26, 107)"
    assert axe_everywhere(page) == []
    shot(page, "phone-open")
    page.keyboard.press("Escape")
    the_panel(page).wait_for(state="hidden")
    assert focused_in_widget(page) == "launcher"
    assert page_link_takes_focus(page)  # the page is back
    context.close()


def test_text_in_the_attributes_and_the_address_is_never_html(browser, chat_url: str, charity: str) -> None:  # type: ignore[no-untyped-def]
    hostile = (
        'data-name="&lt;img src=x onerror=alert(1)&gt;" data-colour="red;background:url(x)" '
        'data-helpline="&lt;b&gt;0800&lt;/b&gt;"'
    )
    context, page = open_charity_page(browser, chat_url, charity, hostile, {"width": 1000, "height": 800})
    assert the_button(page).inner_text() == "<img src=x onerror=alert(1)>"
    the_button(page).click()
    frame = chat_frame(page)
    expect(frame.locator("h1")).to_have_text("<img src=x onerror=alert(1)>")
    assert "0800" not in frame.locator("#chat-intro").inner_text()  # not a phone number: the usual helpline
    assert page.locator("#net-chat-widget img").count() == 0 and frame.locator("img").count() == 0
    page.wait_for_timeout(500)
    assert page.dialogs == []  # type: ignore[attr-defined]
    context.close()


def test_suggested_first_questions_on_the_empty_chat(browser, chat_url: str) -> None:  # type: ignore[no-untyped-def]
    context = browser.new_context(viewport={"width": 1000, "height": 800})
    page = context.new_page()
    page.goto(chat_url)
    page.locator(".msg.bot").first.wait_for(timeout=REPLY_TIMEOUT_MS)
    suggestions = page.locator("#chat-suggestions")
    assert suggestions.is_visible()
    assert suggestions.locator("h3").inner_text() == "Questions you could start with"
    assert suggestions.locator("button").count() >= 3
    suggestions.locator("button", has_text="What is a clinical trial?").click()
    page.locator(".msg.user", has_text="What is a clinical trial?").wait_for()
    assert suggestions.is_hidden()
    assert page.evaluate("document.activeElement.id") == "chat-input"
    page.locator(".msg.bot").nth(1).wait_for(timeout=REPLY_TIMEOUT_MS)
    assert "trial" in page.locator(".msg.bot").nth(1).inner_text().lower()
    page.reload()
    page.locator(".msg.user").first.wait_for(timeout=10_000)
    assert suggestions.is_hidden()  # the chat has started: they stay away
    page.click("#chat-clear")
    page.locator("#chat-status", has_text="deleted").wait_for(timeout=30_000)
    assert suggestions.is_visible()
    context.close()


def test_only_the_configured_sites_may_frame_the_chat_and_only_at_embed(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("CHAT_EMBED_ORIGINS", "https://www.netcharity.example http://127.0.0.1:8000")
    (page_status, page), (embed_status, embed), (_, loader) = responses(["/", "/embed", "/static/widget.js"])
    assert page_status == embed_status == 200
    assert directives(page["Content-Security-Policy"])["frame-ancestors"] == ["'self'"]
    assert directives(embed["Content-Security-Policy"])["frame-ancestors"] == [
        "'self'",
        "https://www.netcharity.example",
        "http://127.0.0.1:8000",
    ]
    assert loader["Content-Type"].endswith("javascript")
    monkeypatch.setenv("CHAT_EMBED_ORIGINS", "https://*.netcharity.example")  # a pattern: refused
    with pytest.raises(ValueError):
        create_app()
