"""Where the browser tests' tools and the pages' scripts come from (issue 20): axe-core from the
npm registry, pinned and installed by the set-up (`make browser`, scripts/setup-browser.sh),
never from a CDN; and every script the chat and staff pages load is served by our own web
server (the Content-Security-Policy's `script-src 'self'` enforces it in the browser too,
tests/test_web_headers.py)."""

from __future__ import annotations

import re

import pytest

from bot.config import REPO_ROOT

SETUP = REPO_ROOT / "scripts" / "setup-browser.sh"
PAGES = [
    *(REPO_ROOT / "bot" / "web" / "static").glob("*.html"),
    *(REPO_ROOT / "bot" / "web" / "templates").glob("*.html"),
]
SCRIPT_SRC = re.compile(r"<script\b[^>]*\bsrc=\"([^\"]*)\"", re.IGNORECASE)
REMOTE = re.compile(r"https?:|//|cdn|unpkg|jsdelivr", re.IGNORECASE)


def pinned_axe_version(setup: str) -> str:
    """The axe-core version the set-up installs; fails unless it is pinned and from npm."""
    version = re.search(r"^AXE_VERSION=(\d+\.\d+\.\d+)$", setup, re.MULTILINE)
    assert version, "scripts/setup-browser.sh pins no axe-core version"
    assert re.search(r"npm install [^\n]*\"axe-core@\$AXE_VERSION\"", setup), "axe-core is not installed with npm"
    commands = [line for line in setup.splitlines() if "axe" in line and not line.lstrip().startswith("#")]
    assert not REMOTE.search("\n".join(commands)), "axe-core is fetched from elsewhere"
    return version.group(1)


def test_axe_core_comes_from_the_npm_registry_pinned_and_installed_by_the_set_up() -> None:
    setup = SETUP.read_text()
    version = pinned_axe_version(setup)
    installed = REPO_ROOT / "var" / "node" / "node_modules" / "axe-core" / "axe.min.js"
    assert str(installed.relative_to(REPO_ROOT)) in setup  # where the browser tests read it
    if installed.exists():  # else the browser tests fail, saying to run `make browser`
        assert installed.read_text()[:40].startswith(f"/*! axe v{version}"), (
            "the installed axe-core is not the pinned one"
        )


def test_the_pages_load_only_their_own_scripts() -> None:
    assert PAGES
    for page in PAGES:
        for source in SCRIPT_SRC.findall(page.read_text()):
            assert source.startswith("/") and not REMOTE.search(source), (page.name, source)


def test_the_set_up_check_itself_fails_on_a_cdn_or_an_unpinned_version() -> None:
    good = 'AXE_VERSION=4.14.1\nnpm install --prefix var/node "axe-core@$AXE_VERSION"\n'
    assert pinned_axe_version(good) == "4.14.1"
    for bad in (
        good.replace("4.14.1", "latest"),
        good.replace("npm install --prefix var/node", "curl -O https://cdn.jsdelivr.net/npm/axe-core/axe.min.js"),
        good + "curl -o axe.min.js https://unpkg.com/axe-core\n",
    ):
        with pytest.raises(AssertionError):
            pinned_axe_version(bad)
