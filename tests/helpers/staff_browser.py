"""The staff page served for the browser tests (`python -m bot serve` on a throwaway copy of the
shipped trials, with the hostile trial added), and signing in there with the token."""

from __future__ import annotations

import os
import shutil
from pathlib import Path
from typing import Iterator

import pytest
from playwright.sync_api import Page

from bot.trials.store import TrialStore, make_engine
from tests.conftest import ARTIFACTS_DIR
from tests.helpers.staff import add_hostile_trial
from tests.servers import serving_web

TOKEN = "browser-test-token-0123456789"


@pytest.fixture(scope="module")
def staff_url(shipped_db: Path, tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    """The staff site's base address; its log is copied to tests/artifacts/ afterwards."""
    folder = tmp_path_factory.mktemp("staff-web")
    db = folder / "trials.db"
    shutil.copy(shipped_db, db)
    store = TrialStore(make_engine(f"sqlite:///{db}"))
    add_hostile_trial(store)
    store.engine.dispose()
    env = {
        **os.environ,
        "DATABASE_URL": f"sqlite:///{db}",
        "STAFF_TOKEN": TOKEN,
        "STAFF_SESSION_SECRET": "browser-session-secret-0123456789",
    }
    env.pop("STAFF_USERS", None)
    with serving_web(env, folder / "web.log") as base:
        yield base
    ARTIFACTS_DIR.mkdir(exist_ok=True)
    shutil.copy(folder / "web.log", ARTIFACTS_DIR / "staff-web.log")


def sign_in(page: Page, staff_url: str, target: str = "staff") -> None:
    """Signed in with the token, then on `target` (a path under the staff site)."""
    page.goto(staff_url + target)
    page.fill("#login-password", TOKEN)
    page.press("#login-password", "Enter")
    page.wait_for_url(lambda url: "/staff/login" not in url)
