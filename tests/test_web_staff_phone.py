"""The staff page on a phone (375 px wide, a real browser against `python -m bot serve`): after a
search the page opens at the results, the results read without sideways scrolling (each row a
block, each cell labelled), the "copy to send" box shows all its text, and an error comes
before the form; axe-core finds no violation."""

from __future__ import annotations

import pytest

from tests.conftest import ARTIFACTS_DIR
from tests.helpers.axe import axe_violations
from tests.helpers.staff_browser import sign_in, staff_url  # noqa: F401 - staff_url is a fixture

pytestmark = pytest.mark.integration

PHONE = {"width": 375, "height": 740}


@pytest.fixture
def phone(browser):  # type: ignore[no-untyped-def]
    context = browser.new_context(viewport=PHONE)
    context.set_default_timeout(15_000)
    yield context.new_page()
    context.close()


def shot(page, name: str) -> None:  # type: ignore[no-untyped-def]
    ARTIFACTS_DIR.mkdir(exist_ok=True)
    page.screenshot(path=str(ARTIFACTS_DIR / f"staff-phone-{name}.png"))


def no_sideways_scrolling(page) -> bool:  # type: ignore[no-untyped-def]
    return page.evaluate("""() => document.documentElement.scrollWidth <= window.innerWidth &&
        [...document.querySelectorAll('.table-wrap')].every(w => w.scrollWidth <= w.clientWidth) &&
        [...document.querySelectorAll('td')].every(td => td.getBoundingClientRect().right <= window.innerWidth)""")


def test_after_a_search_the_results_come_first_and_read_without_sideways_scrolling(phone, staff_url: str) -> None:  # type: ignore[no-untyped-def]  # noqa: F811
    sign_in(phone, staff_url)
    phone.fill("#f-treatment", "Lutathera")
    phone.select_option("#f-status", "all")
    phone.click("button:has-text('Search')")
    phone.locator("table.results-table").wait_for()
    assert phone.url.endswith("#results")
    top = phone.evaluate("document.getElementById('results').getBoundingClientRect().top")
    assert -1 <= top < 50  # the results at the top of the screen, the form above it
    assert no_sideways_scrolling(phone)
    status = phone.locator("table.results-table td.status").first
    assert status.evaluate("td => getComputedStyle(td, '::before').content") == '"Status: "'
    assert phone.locator("table.results-table thead").evaluate("e => e.getBoundingClientRect().right <= 0")
    pager = phone.locator("nav.pager a")
    assert all(href.endswith("#results") for href in pager.evaluate_all("links => links.map(a => a.href)"))
    assert axe_violations(phone) == []
    shot(phone, "results")

    phone.locator("table.results-table td.title a").first.click()
    phone.wait_for_url("**/staff/trials/*")
    phone.click("text=Back to the results")
    phone.locator("table.results-table").wait_for()
    assert phone.url.endswith("#results")  # back at the results, not at the top of the form
    assert -1 <= phone.evaluate("document.getElementById('results').getBoundingClientRect().top") < 50


def test_the_copy_box_shows_all_its_text_and_names_the_drug_from_the_title(phone, staff_url: str) -> None:  # type: ignore[no-untyped-def]  # noqa: F811
    sign_in(phone, staff_url, "staff/trials/NCT07279532")  # a record with no interventions list
    box = phone.locator("textarea#copy-text")
    assert "A phase 2 trial testing surufatinib" in box.input_value()
    assert box.evaluate("t => t.scrollHeight <= t.clientHeight + 1")  # nothing hidden inside the box
    assert box.evaluate("t => t.getBoundingClientRect().right <= window.innerWidth")
    assert no_sideways_scrolling(phone)
    assert axe_violations(phone) == []
    box.scroll_into_view_if_needed()
    shot(phone, "trial-copy-box")


def test_an_error_comes_before_the_form(phone, staff_url: str) -> None:  # type: ignore[no-untyped-def]  # noqa: F811
    sign_in(phone, staff_url, "staff?age=old")
    error = phone.locator(".error-summary[role=alert]")
    assert error.is_visible() and error.evaluate("e => e.getBoundingClientRect().bottom <= window.innerHeight")
    assert phone.locator("#f-age").get_attribute("aria-invalid") == "true"
    assert axe_violations(phone) == []
