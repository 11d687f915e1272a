""" "Clear this chat" on the server: one conversation deleted from Rasa's real tracker stores
(SQL on an SQLite file, as production's PostgreSQL store works; in memory, as `make run` and the
tests; both behind the fail-safe wrapper Rasa's agent puts around them), the others kept."""

from __future__ import annotations

import asyncio
from pathlib import Path

import pytest
from rasa.core.tracker_store import FailSafeTrackerStore, InMemoryTrackerStore, SQLTrackerStore, TrackerStore
from rasa.shared.core.domain import Domain
from rasa.shared.core.events import UserUttered
from rasa.shared.core.trackers import DialogueStateTracker

from components.channels.forget_conversation import forget_conversation


def saved(store: TrackerStore, sender_id: str, text: str) -> None:
    tracker = DialogueStateTracker(sender_id, slots=[])
    tracker.update(UserUttered(text))
    asyncio.run(store.save(tracker))


def user_texts(store: TrackerStore, sender_id: str) -> list[str]:
    tracker = asyncio.run(store.retrieve(sender_id))
    return [] if tracker is None else [e.text for e in tracker.events if isinstance(e, UserUttered)]


@pytest.mark.parametrize("kind", ["sql", "memory"])
def test_one_conversation_is_deleted_and_the_others_are_kept(kind: str, tmp_path: Path) -> None:
    domain = Domain.empty()
    inner: TrackerStore = (
        SQLTrackerStore(domain, dialect="sqlite", db=str(tmp_path / "conversations.db"))
        if kind == "sql"
        else InMemoryTrackerStore(domain)
    )
    store = FailSafeTrackerStore(inner)
    saved(store, "web-mine", "my private question")
    saved(store, "web-theirs", "their question")
    assert user_texts(store, "web-mine") == ["my private question"]
    assert forget_conversation(store, "web-mine")
    assert user_texts(store, "web-mine") == []
    assert user_texts(store, "web-theirs") == ["their question"]
    assert forget_conversation(store, "web-never-there")
