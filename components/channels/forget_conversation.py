"""Delete one conversation from Rasa's tracker store, for the widget's "Clear this chat".

Rasa 3.6's tracker stores can save and read a conversation but not delete one, so this goes to
the store underneath: the in-memory store (`make run`, the tests), the SQL store (production's
PostgreSQL) and Redis. The wrappers Rasa puts around a store (fail-safe, awaitable) are looked
through, and the fail-safe store's in-memory fallback is cleared too.
"""

from __future__ import annotations

import logging
from typing import Iterator

from rasa.core.tracker_store import InMemoryTrackerStore, RedisTrackerStore, SQLTrackerStore, TrackerStore

logger = logging.getLogger(__name__)


def _stores(store: TrackerStore) -> Iterator[TrackerStore]:
    """`store` and the stores it wraps (FailSafeTrackerStore, AwaitableTrackerStore)."""
    inner = getattr(store, "_tracker_store", None)
    fallback = getattr(store, "_fallback_tracker_store", None)
    if inner is None:
        yield store
        return
    yield from _stores(inner)
    if fallback is not None:
        yield from _stores(fallback)


def _delete(store: TrackerStore, sender_id: str) -> bool:
    if isinstance(store, InMemoryTrackerStore):
        store.store.pop(sender_id, None)
    elif isinstance(store, SQLTrackerStore):
        with store.session_scope() as session:
            session.query(store.SQLEvent).filter(store.SQLEvent.sender_id == sender_id).delete()
            session.commit()
    elif isinstance(store, RedisTrackerStore):
        store.red.delete(store.key_prefix + sender_id)
    else:
        logger.warning(
            "Clear this chat: a %s cannot delete conversations; the conversation is kept until "
            "the store's own retention removes it",
            type(store).__name__,
        )
        return False
    return True


def forget_conversation(store: TrackerStore, sender_id: str) -> bool:
    """Delete every stored event of `sender_id`; False when some store could not."""
    return all([_delete(inner, sender_id) for inner in _stores(store)])
