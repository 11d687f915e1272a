"""axe-core in a Playwright page: the accessibility checks the browser tests run (WCAG 2.2 AA and best practice)."""

from __future__ import annotations

import pytest
from playwright.sync_api import Page

from bot.config import VAR_DIR

AXE = VAR_DIR / "node" / "node_modules" / "axe-core" / "axe.min.js"
AXE_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa", "best-practice"]


def axe_script() -> str:
    """axe-core's script, or the test fails saying how to install it."""
    if not AXE.exists():
        pytest.fail(f"axe-core is missing ({AXE}): run `make browser`, which installs it from the npm registry")
    return AXE.read_text()


def axe_violations(page: Page) -> list[dict]:
    """axe-core's violations of WCAG 2.2 AA and best practice on the page as it is now."""
    page.evaluate(axe_script())
    results = page.evaluate("tags => axe.run(document, {runOnly: {type: 'tag', values: tags}})", AXE_TAGS)
    return [{"id": v["id"], "nodes": [n["target"] for n in v["nodes"]]} for v in results["violations"]]
