"""The staff page's sign-in settings for tests, a trial whose every text tries to run as HTML, and
one scenario run against an aiohttp app through its test server."""

from __future__ import annotations

import asyncio
import json
from typing import Any, Awaitable, Callable

import pytest
from aiohttp import web
from aiohttp.test_utils import TestClient, TestServer

from bot.config import SHIPPED_TRIALS_DIR
from bot.trials.importer import Importer
from bot.trials.store import TrialStore
from bot.web import auth

TOKEN = "test-token-0123456789abcdef"
PASSWORD = "a nurse's long password"
USER = "nurse.jo"
FAST_HASH = auth.hash_password(PASSWORD, iterations=auth.MIN_ITERATIONS)
HOSTILE_ID = "NCT99990001"
HOSTILE_TITLE = '<script>alert("title")</script> Hostile <b>bold</b> trial'


def hostile_study() -> dict[str, Any]:
    """A shipped record whose every text tries to run as HTML."""
    study = json.loads((SHIPPED_TRIALS_DIR / "NCT07273409.json").read_text())
    study.pop("x-source", None)
    protocol = study["protocolSection"]
    protocol["identificationModule"] = {
        "nctId": HOSTILE_ID,
        "briefTitle": HOSTILE_TITLE,
        "acronym": "<img src=x onerror=alert(2)>",
    }
    protocol["eligibilityModule"]["eligibilityCriteria"] = (
        "Inclusion Criteria:\n* <img src=x onerror=alert(3)> adults\n"
        "Exclusion Criteria:\n* </textarea><script>alert(4)</script> pregnancy"
    )
    protocol["contactsLocationsModule"] = {
        "centralContacts": [
            {
                "name": "<i>Dr</i> Evil",
                "role": "CONTACT",
                "phone": "+44 20 7946 0000",
                "email": 'x@example.org"><script>alert(5)</script>',
            }
        ],
        "locations": [
            {"facility": "<svg onload=alert(6)>", "status": "RECRUITING", "city": "London", "country": "United Kingdom"}
        ],
    }
    return study


def add_hostile_trial(store: TrialStore) -> None:
    report = Importer(store).import_studies([hostile_study()], "hostile")
    assert report.ok and report.added == 1, report.summary()


@pytest.fixture
def staff_env(database_url_env: str, monkeypatch: pytest.MonkeyPatch) -> str:
    """Staff access set up (the token, one user, a session secret) over a throwaway trial database."""
    monkeypatch.setenv("STAFF_TOKEN", TOKEN)
    monkeypatch.setenv("STAFF_USERS", f"{USER}:{FAST_HASH}")
    monkeypatch.setenv("STAFF_SESSION_SECRET", "session-secret-for-tests-only-0123")
    return database_url_env


Scenario = Callable[[TestClient], Awaitable[Any]]


def run_app(app: web.Application, scenario: Scenario) -> Any:
    """The scenario's result, with a test client of `app` on a server of its own."""

    async def main() -> Any:
        async with TestClient(TestServer(app)) as client:
            return await scenario(client)

    return asyncio.run(main())
