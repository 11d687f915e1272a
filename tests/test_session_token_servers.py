"""A website conversation belongs to the browser holding its signed token: against the real Rasa
server, over socket.io and the REST webhook (bot/channels/session_tokens.py,
components/channels/session_bound_rest.py and socketio_input.py), and "Clear this chat" deletes it from the tracker store."""

from __future__ import annotations

import asyncio
import json
import time
import urllib.request
from typing import Any, Optional

import pytest

from bot.channels.session_tokens import SessionTokens
from tests.conftest import WEBSITE_API_TOKEN, WEBSITE_HISTORY_DAYS, WEBSITE_SESSION_SECRET
from tests.helpers.widget import Widget
from tests.server_kinds import Running
from tests.servers import post_json

pytestmark = pytest.mark.integration

API_TOKEN = WEBSITE_API_TOKEN
SECRET = WEBSITE_SESSION_SECRET
DAYS = WEBSITE_HISTORY_DAYS


@pytest.fixture(scope="module")
def base(website_servers: Running) -> str:
    """The website's servers (tests/conftest.py), shared with other modules; each test here
    uses its own client address, so the rate limits of one do not reach another."""
    return website_servers.url


def user_texts(base: str, session_id: str) -> list[str]:
    url = f"{base}/conversations/{session_id}/tracker?token={API_TOKEN}"
    with urllib.request.urlopen(url, timeout=30) as response:
        tracker = json.loads(response.read().decode())
    return [event.get("text") or "" for event in tracker["events"] if event["event"] == "user"]


def rest(base: str, sender: str, message: str, token: Optional[str] = None) -> list[dict]:
    body = {"sender": sender, "message": message, **({"session_token": token} if token else {})}
    return post_json(f"{base}/webhooks/rest/webhook", body)  # type: ignore[return-value]


async def until_quiet(widget: Widget, quiet: float = 3.0) -> None:
    """Wait for the first reply, then until no more come for `quiet` seconds."""
    await widget.reply()
    while not await widget.silent_for(quiet):
        pass


def test_a_second_client_with_the_same_session_id_gets_nothing_and_cannot_write_into_it(base: str) -> None:
    async def scenario() -> tuple[str, dict, bool, bool, bool]:
        async with Widget(base, "203.0.113.31") as owner, Widget(base, "203.0.113.32") as other:
            mine = await owner.start_session()
            await other.start_session(mine)  # the id alone
            without_token = dict(other.confirmation)
            await other.start_session(mine, "v1.9999999999." + "A" * 43)  # a forged token
            await owner.send({"message": "are there any lutathera trials", "session_id": mine})
            await until_quiet(owner)
            other_heard_nothing = await other.silent_for(3.0)
            await other.send({"message": "planted by someone else", "session_id": mine})
            ignored = await other.silent_for(3.0) and await owner.silent_for(1.0)
            return mine, without_token, other.confirmation["session_id"] != mine, other_heard_nothing, ignored

    mine, without_token, forged_refused, other_heard_nothing, ignored = asyncio.run(scenario())
    assert without_token["session_id"] != mine and without_token["resumed"] is False
    assert "could not open your earlier chat" in without_token["notice"]
    assert forged_refused and other_heard_nothing and ignored
    assert user_texts(base, mine) == ["are there any lutathera trials"]


def test_the_token_resumes_the_conversation_after_a_reload_with_a_fresh_expiry(base: str) -> None:
    async def scenario() -> tuple[str, dict, dict]:
        async with Widget(base, "203.0.113.33") as first_tab:
            session_id = await first_tab.start_session()
            first = dict(first_tab.confirmation)
            await first_tab.send({"message": "hello", "session_id": session_id})
            await until_quiet(first_tab)
        time.sleep(1.1)
        async with Widget(base, "203.0.113.33") as reloaded:
            await reloaded.start_session(session_id, first["session_token"])
            again = dict(reloaded.confirmation)
            await reloaded.send({"message": "are there any lutathera trials", "session_id": session_id})
            await until_quiet(reloaded)
        return session_id, first, again

    session_id, first, again = asyncio.run(scenario())
    assert first["keep_days"] == DAYS and first["expires_at"] - time.time() == pytest.approx(DAYS * 86_400, abs=30)
    assert again["session_id"] == session_id and again["resumed"] is True and "notice" not in again
    assert again["expires_at"] > first["expires_at"]
    assert user_texts(base, session_id) == ["hello", "are there any lutathera trials"]


def test_an_expired_token_is_refused_kindly(base: str) -> None:
    async def scenario() -> tuple[str, dict]:
        async with Widget(base, "203.0.113.34") as widget:
            session_id = await widget.start_session()
            long_ago = SessionTokens(SECRET.encode(), DAYS, clock=lambda: time.time() - (DAYS + 1) * 86_400)
            await widget.start_session(session_id, long_ago.issue(session_id).token)
            return session_id, dict(widget.confirmation)

    session_id, confirmation = asyncio.run(scenario())
    assert confirmation["session_id"] != session_id and confirmation["resumed"] is False
    assert f"not used for {DAYS} days" in confirmation["notice"]


def test_rest_writes_into_a_website_conversation_only_with_its_token(base: str) -> None:
    async def open_one() -> tuple[str, str]:
        async with Widget(base, "203.0.113.35") as widget:
            session_id = await widget.start_session()
            return session_id, widget.confirmation["session_token"]

    session_id, token = asyncio.run(open_one())
    refused = rest(base, session_id, "hello from a stranger")
    forged = rest(base, session_id, "hello from a forger", token="v1.9999999999." + "A" * 43)
    allowed = rest(base, session_id, "hello from the owner", token=token)
    assert refused and forged and allowed
    assert {r["recipient_id"] for r in refused + forged}.isdisjoint({session_id})
    assert {r["recipient_id"] for r in allowed} == {session_id}
    assert user_texts(base, session_id) == ["hello from the owner"]


def test_clear_this_chat_deletes_the_conversation_from_the_server_and_every_tab_forgets_it(base: str) -> None:
    async def scenario() -> tuple[str, list[Any], bool, list[str]]:
        async with Widget(base, "203.0.113.36") as widget, Widget(base, "203.0.113.36") as other_tab:
            cleared: asyncio.Queue[Any] = asyncio.Queue()
            widget.client.on("session_cleared", cleared.put_nowait)
            other_tab.client.on("session_cleared", cleared.put_nowait)
            session_id = await widget.start_session()
            await other_tab.start_session(session_id, widget.confirmation["session_token"])
            await widget.send({"message": "my private question", "session_id": session_id})
            await until_quiet(widget)
            stored_before = user_texts(base, session_id)
            await widget.client.emit("session_clear", {})
            results = [await asyncio.wait_for(cleared.get(), 30) for _ in range(2)]
            await widget.send({"message": "after clearing", "session_id": session_id})
            return session_id, results, await widget.silent_for(3.0), stored_before

    session_id, results, silent_after, stored_before = asyncio.run(scenario())
    assert stored_before == ["my private question"]
    assert results == [{"cleared": True}] * 2 and silent_after
    assert user_texts(base, session_id) == []
