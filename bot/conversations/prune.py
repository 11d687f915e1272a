"""Retention: delete conversations whose last message is older than N days.

Works on the `events` table of Rasa's SQL tracker store (one row per event, with the sender
and a Unix timestamp). A conversation is deleted whole, in one transaction, only when its
newest event is older than the cut-off, so a conversation still going on is never cut short.
"""

from __future__ import annotations

import time
from dataclasses import dataclass
from typing import Optional

from sqlalchemy import Column, Float, Integer, MetaData, String, Table, func, inspect, select
from sqlalchemy.engine import Engine

DEFAULT_DAYS = 30
SECONDS_PER_DAY = 86_400

# The columns of Rasa's SQLTrackerStore that retention needs (rasa/core/tracker_store.py).
_metadata = MetaData()
EVENTS = Table(
    "events",
    _metadata,
    Column("id", Integer, primary_key=True),
    Column("sender_id", String(255)),
    Column("timestamp", Float),
)


@dataclass(frozen=True)
class PruneReport:
    conversations: int
    events: int
    cutoff: float  # Unix time: conversations last active before this are deleted
    dry_run: bool

    def summary(self) -> str:
        verb = "Would delete" if self.dry_run else "Deleted"
        when = time.strftime("%Y-%m-%d %H:%M UTC", time.gmtime(self.cutoff))
        return f"{verb} {self.conversations} conversations ({self.events} events) last active before {when}."


def prune_conversations(
    engine: Engine, older_than_days: int = DEFAULT_DAYS, now: Optional[float] = None, dry_run: bool = False
) -> PruneReport:
    """Delete (or, with `dry_run`, count) the conversations idle for more than the given days."""
    if older_than_days < 0:
        raise ValueError("older_than_days must be 0 or more")
    cutoff = (time.time() if now is None else now) - older_than_days * SECONDS_PER_DAY
    if not inspect(engine).has_table("events"):
        return PruneReport(0, 0, cutoff, dry_run)
    last_seen = func.max(EVENTS.c.timestamp)
    idle = select(EVENTS.c.sender_id).group_by(EVENTS.c.sender_id).having(last_seen < cutoff)
    with engine.begin() as conn:
        senders = [row[0] for row in conn.execute(idle)]
        counted = select(func.count()).select_from(EVENTS).where(EVENTS.c.sender_id.in_(idle))
        events = conn.execute(counted).scalar_one()
        if not dry_run and senders:
            conn.execute(EVENTS.delete().where(EVENTS.c.sender_id.in_(idle)))
    return PruneReport(len(senders), events, cutoff, dry_run)
