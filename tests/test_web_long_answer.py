"""A long answer in the website chat (a real browser and the real Rasa server): a trial's
details read as short parts, one a line, each "Label: ..." with its label in bold, the record's
address a link, and nothing cut off or wider than the chat on a phone (issue 20, "a long answer
is split into readable parts with the labels in bold")."""

from __future__ import annotations

from typing import Iterator

import pytest

from tests.conftest import ARTIFACTS_DIR
from tests.servers import serving_chat_page

pytestmark = pytest.mark.integration

REPLY_TIMEOUT_MS = 60_000
LABELS = ["Status:", "Last updated on the registry:", "Phase:", "Where:", "Who to contact:", "Full record:"]


@pytest.fixture(scope="module")
def chat_url(assistant: str) -> Iterator[str]:
    with serving_chat_page(assistant) as url:
        yield url


def label_facts(answer) -> list[dict]:  # type: ignore[no-untyped-def]
    """Each bold label of the answer: its text, weight, and where its line starts."""
    return answer.evaluate("""m => [...m.querySelectorAll('strong')].map(s => {
        const box = s.getBoundingClientRect(), text = m.getBoundingClientRect();
        return {text: s.textContent.trim(), weight: Number(getComputedStyle(s).fontWeight),
                top: box.top, left: Math.round(box.left - text.left)};
    })""")


def test_a_trials_details_come_in_short_parts_with_their_labels_in_bold_on_a_phone(browser, chat_url: str) -> None:  # type: ignore[no-untyped-def]
    context = browser.new_context(viewport={"width": 375, "height": 700})
    page = context.new_page()
    page.goto(chat_url)
    page.locator(".msg.bot").first.wait_for(timeout=REPLY_TIMEOUT_MS)
    page.fill("#chat-input", "are there any lutathera trials")
    page.press("#chat-input", "Enter")
    see = page.locator(".buttons button", has_text="See NCT").first
    see.wait_for(timeout=REPLY_TIMEOUT_MS)
    see.click()
    answer = page.locator(".msg.bot", has_text="Last updated on the registry").last
    answer.wait_for(timeout=REPLY_TIMEOUT_MS)

    labels = label_facts(answer)
    found = [label["text"] for label in labels]
    assert [label for label in LABELS if label in found] == LABELS, found  # every part labelled, in order
    assert all(label["weight"] >= 700 for label in labels), labels
    tops = [label["top"] for label in labels]
    assert tops == sorted(tops) and len(set(tops)) == len(tops), labels  # one part a line, never run together
    lines = [line for line in answer.inner_text().split("\n") if line.strip()]
    assert len(lines) >= len(LABELS) + 1  # the title, then one line a part
    links = answer.locator("a").evaluate_all("links => links.map(a => [a.getAttribute('href'), a.textContent])")
    assert any(href.startswith("https://clinicaltrials.gov/") for href, _ in links), links  # the full record
    assert all(href in (text, f"https://{text}") or href.startswith("tel:") for href, text in links), links
    assert page.evaluate("document.documentElement.scrollWidth <= window.innerWidth")
    assert answer.evaluate("m => m.scrollWidth <= m.clientWidth")  # no part cut off at the side
    ARTIFACTS_DIR.mkdir(exist_ok=True)
    page.screenshot(path=str(ARTIFACTS_DIR / "chat-long-answer-phone.png"), full_page=True)
    context.close()
