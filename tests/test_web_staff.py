"""The staff page in a real browser (Debian's Chromium driven by Playwright) against the real
`python -m bot serve` on a throwaway copy of the shipped trials: axe-core on every page state,
the keyboard, the headers as the browser reads them. Screenshots (and a printed PDF of a
trial) go to tests/artifacts/."""

from __future__ import annotations

import pytest

from tests.conftest import ARTIFACTS_DIR
from tests.helpers.axe import axe_violations
from tests.helpers.staff import HOSTILE_ID, HOSTILE_TITLE
from tests.helpers.staff_browser import TOKEN, sign_in, staff_url  # noqa: F401 - staff_url is a fixture

TIMEOUT_MS = 15_000


@pytest.fixture
def page(browser, staff_url: str):  # type: ignore[no-untyped-def]
    context = browser.new_context(viewport={"width": 1200, "height": 900})
    context.grant_permissions(["clipboard-read", "clipboard-write"], origin=staff_url.rstrip("/"))
    context.set_default_timeout(TIMEOUT_MS)
    page = context.new_page()
    page.dialogs = []  # type: ignore[attr-defined]
    page.on("dialog", lambda dialog: (page.dialogs.append(dialog.message), dialog.dismiss()))  # type: ignore[attr-defined]
    yield page
    context.close()


def shot(page, name: str) -> None:  # type: ignore[no-untyped-def]
    ARTIFACTS_DIR.mkdir(exist_ok=True)
    page.screenshot(path=str(ARTIFACTS_DIR / f"staff-{name}.png"), full_page=True)


def test_refused_without_a_login(page, staff_url: str) -> None:  # type: ignore[no-untyped-def]
    page.goto(staff_url + "staff/trials/NCT07273409")
    assert "/staff/login?next=" in page.url  # sent to the login page, nothing shown
    assert page.locator("h1").inner_text() == "Sign in"
    assert page.locator("text=NCT07273409").count() == 0
    api = page.request.get(staff_url + "api/trials?treatment=Lutathera")
    assert api.status == 401 and api.json()["error"] == "unauthorised"
    page.fill("#login-password", "not-the-token-at-all")
    page.press("#login-password", "Enter")
    page.locator(".error-summary[role=alert]").wait_for()
    assert "not right" in page.locator(".error-summary").inner_text()
    shot(page, "login-refused")
    page.fill("#login-password", TOKEN)
    page.press("#login-password", "Enter")
    page.wait_for_url("**/staff/trials/NCT07273409")  # back where they were going
    assert page.locator("h1").inner_text().startswith("Pancreatic Neuroendocrine Tumour")


def test_search_lutathera_open_a_trial_copy_and_print(page, staff_url: str) -> None:  # type: ignore[no-untyped-def]
    sign_in(page, staff_url)
    page.fill("#f-treatment", "Lutathera")
    page.select_option("#f-status", "all")
    page.click("button:has-text('Search')")
    table = page.locator("table.results-table")
    table.wait_for()
    assert "trials found" in page.locator(".results-summary").inner_text()
    rows = table.locator("tbody tr")
    assert rows.count() >= 5
    assert "NCT03691064" in table.inner_text()
    headers = table.locator("thead th").all_inner_texts()
    assert headers == ["Trial number", "Title", "Status", "Phase", "Where", "Last updated"]
    shot(page, "results")

    page.emulate_media(media="print")  # printing a results list leaves out the form and the navigation
    assert page.locator("form.search-form").is_hidden()
    assert page.locator(".staff-nav").is_hidden()
    assert table.is_visible()
    page.emulate_media(media="screen")
    assert page.locator("form.search-form").is_visible()

    rows.filter(has_text="NCT03691064").locator("a").click()
    page.wait_for_url("**/staff/trials/NCT03691064?back=*")
    for heading in ("Copy to send", "Contacts", "Sites", "Who the trial is for", "Questions to ask"):
        assert page.locator("h2", has_text=heading).is_visible(), heading
    inclusion = page.locator("table.criteria-inclusion")
    assert inclusion.locator("thead th").all_inner_texts() == ["In the record's words", "In plain English"]
    first_row = inclusion.locator("tbody tr").first
    original, plain = first_row.locator("td.original").inner_text(), first_row.locator("td.plain").inner_text()
    assert original and plain and original != plain
    assert page.locator("table.criteria-exclusion tbody tr").count() >= 1
    assert page.locator(".questions ul").nth(0).locator("li").count() >= 3
    assert page.locator(".questions ul").nth(1).locator("li").count() >= 3
    assert "record gives no contact details" in page.locator("section", has_text="Contacts").last.inner_text()

    copy_box = page.locator("textarea#copy-text")
    assert copy_box.get_attribute("readonly") is not None
    text = copy_box.input_value()
    assert "https://clinicaltrials.gov/study/NCT03691064" in text and "Only the trial team can say" in text
    assert len(text.split()) <= 120
    button = page.locator("button.copy-button")
    assert button.is_visible()
    button.click()
    page.locator(".copy-status", has_text="Copied").wait_for()
    assert page.evaluate("navigator.clipboard.readText()") == text
    shot(page, "trial")

    page.emulate_media(media="print")
    for hidden in (".staff-nav", ".back-link", ".copy-block", ".print-button", ".skip-link"):
        assert page.locator(hidden).is_hidden(), hidden
    for shown in ("h1", "table.criteria-inclusion", ".questions", ".facts"):
        assert page.locator(shown).first.is_visible(), shown
    shot(page, "trial-print")
    page.pdf(path=str(ARTIFACTS_DIR / "staff-trial-print.pdf"), format="A4")
    page.emulate_media(media="screen")

    page.click("text=Back to the results")
    page.wait_for_url("**/staff?treatment=Lutathera&status=all#results")  # back at the results, not the form
    assert page.input_value("#f-treatment") == "Lutathera"


def test_axe_finds_no_violation_on_any_staff_page(page, staff_url: str) -> None:  # type: ignore[no-untyped-def]
    """WCAG 2.2 AA and best practice: the login page (and its error), the search, its results,
    a trial, each printed too, and a page that says something went wrong."""
    found = {}
    page.goto(staff_url + "staff/login")
    found["login"] = axe_violations(page)
    page.fill("#login-password", "not-the-token-at-all")
    page.press("#login-password", "Enter")
    page.locator(".error-summary[role=alert]").wait_for()
    found["login refused"] = axe_violations(page)
    sign_in(page, staff_url)
    found["search"] = axe_violations(page)
    page.goto(staff_url + "staff?age=old")
    found["search error"] = axe_violations(page)
    page.goto(staff_url + "staff?treatment=Lutathera&status=all#results")
    page.locator("table.results-table").wait_for()
    found["results"] = axe_violations(page)
    page.emulate_media(media="print")
    found["results printed"] = axe_violations(page)
    page.emulate_media(media="screen")
    page.locator("table.results-table td.title a").first.click()
    page.wait_for_url("**/staff/trials/*")
    found["trial"] = axe_violations(page)
    page.emulate_media(media="print")
    found["trial printed"] = axe_violations(page)
    page.emulate_media(media="screen")
    page.goto(staff_url + "staff/trials/NCT99999999")
    found["trial not found"] = axe_violations(page)
    assert {state: violations for state, violations in found.items() if violations} == {}
    assert len(found) == 9


def test_the_browser_reads_the_headers_without_a_complaint(page, staff_url: str) -> None:  # type: ignore[no-untyped-def]
    """Chromium logs each Permissions-Policy feature it does not know, and each page part the
    Content-Security-Policy blocks, on the console: the staff and chat pages give none."""
    complaints: list[str] = []
    page.on("console", lambda message: complaints.append(message.text))
    for path in ("staff/login", "", "embed"):
        page.goto(staff_url + path)
        page.wait_for_load_state("load")
    assert [c for c in complaints if "Permissions-Policy" in c or "Content Security Policy" in c] == [], complaints


def test_contacts_and_sites_tables(page, staff_url: str) -> None:  # type: ignore[no-untyped-def]
    sign_in(page, staff_url, "staff/trials/NCT07273409")
    sites = page.locator("section", has=page.locator("h2#sites-title")).locator("tbody tr")
    assert sites.count() == 2
    assert "Gothenburg" in sites.nth(0).inner_text() and "Open" in sites.nth(0).inner_text()
    page.goto(staff_url + "staff/trials/NCT04324502")
    contact = page.locator("section", has=page.locator("h2#contacts-title")).locator("tbody tr").first
    assert "Raj Srirajaskanthan" in contact.inner_text()
    assert contact.locator("a[href^='tel:']").inner_text() == "0203 299 3255"
    assert contact.locator("a[href^='mailto:']").inner_text() == "r.srirajaskanthan@nhs.net"
    page.click("button:has-text('Sign out')")
    page.wait_for_url("**/staff/login")
    page.goto(staff_url + "staff")
    assert "/staff/login" in page.url


def test_record_text_is_shown_literally_and_never_runs(page, staff_url: str) -> None:  # type: ignore[no-untyped-def]
    sign_in(page, staff_url, "staff?text=Hostile&status=all")
    assert HOSTILE_TITLE in page.locator("table.results-table").inner_text()
    page.click(f"a[href^='/staff/trials/{HOSTILE_ID}']")
    page.wait_for_url(f"**/staff/trials/{HOSTILE_ID}*")
    assert page.locator("h1").inner_text() == HOSTILE_TITLE
    assert HOSTILE_TITLE in page.locator("textarea#copy-text").input_value()
    assert "</textarea><script>alert(4)</script>" in page.locator("table.criteria-exclusion").inner_text()
    assert page.locator("main script, main img, main svg, main b, main i").count() == 0
    assert page.locator("script").count() == 1  # only /static/staff.js
    page.wait_for_timeout(300)
    assert page.dialogs == []  # type: ignore[attr-defined]
    shot(page, "hostile-record")


def test_usable_by_keyboard_with_visible_focus(page, staff_url: str) -> None:  # type: ignore[no-untyped-def]
    page.goto(staff_url + "staff/login")
    page.keyboard.press("Tab")
    assert page.evaluate("document.activeElement.className") == "skip-link"
    page.keyboard.press("Tab")
    assert page.evaluate("document.activeElement.id") == "login-password"
    page.keyboard.type(TOKEN)
    page.keyboard.press("Enter")
    page.wait_for_url("**/staff")
    page.locator("#f-treatment").focus()
    page.keyboard.type("lutathera")
    page.keyboard.press("Enter")
    page.locator("table.results-table").wait_for()
    link = page.locator("table.results-table a").first
    link.focus()
    outline = page.evaluate("getComputedStyle(document.activeElement).outlineStyle")
    assert outline not in ("none", "")
    page.keyboard.press("Enter")
    page.wait_for_url("**/staff/trials/*")
    page.locator("button.copy-button").focus()
    page.keyboard.press("Enter")
    page.locator(".copy-status", has_text="Copied").wait_for()
    # Every form control has a label.
    page.goto(staff_url + "staff")
    unlabelled = page.evaluate(
        "Array.from(document.querySelectorAll('input:not([type=hidden]), select, textarea'))"
        ".filter(e => !e.labels || e.labels.length === 0).map(e => e.id)"
    )
    assert unlabelled == []


def test_works_without_javascript_and_on_a_phone(browser, staff_url: str) -> None:  # type: ignore[no-untyped-def]
    context = browser.new_context(viewport={"width": 360, "height": 740}, java_script_enabled=False)
    page = context.new_page()
    sign_in(page, staff_url, "staff?treatment=Lutathera")
    assert page.locator("table.results-table tbody tr").count() >= 1
    page.goto(staff_url + "staff/trials/NCT07273409")
    assert page.locator("textarea#copy-text").is_visible()
    assert page.locator("button.copy-button").is_hidden()  # no button that would do nothing
    shot(page, "phone-no-js")
    context.close()
    context = browser.new_context(viewport={"width": 360, "height": 740})
    page = context.new_page()
    sign_in(page, staff_url, "staff/trials/NCT07273409")
    page.evaluate("document.documentElement.style.fontSize = '200%'")
    assert page.evaluate("document.documentElement.scrollWidth <= window.innerWidth")
    shot(page, "phone-200-percent")
    context.close()
