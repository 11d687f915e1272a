"""The content-gap log: questions the assistant could not answer, and answers marked
unhelpful, stored with personal details removed, for staff to review."""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass
from datetime import datetime, timedelta, timezone
from typing import Literal, Optional

from sqlalchemy import Column, DateTime, Integer, String, Text, insert, select
from sqlalchemy.engine import Engine
from sqlalchemy.orm import registry

from bot.redact import redact
from bot.text import normalize

GapKind = Literal["fallback", "unhelpful"]
MAX_TEXT = 1000
# The gap log's own schema: it may share a database with the trials, never their metadata, so
# creating the trial schema (`TrialStore.create_schema`) does not make this table.
_registry = registry()


@_registry.mapped
class ContentGap:
    __tablename__ = "content_gaps"

    id = Column(Integer, primary_key=True, autoincrement=True)
    created_at = Column(DateTime(timezone=True), nullable=False, index=True)
    kind = Column(String(20), nullable=False)
    text = Column(Text, nullable=False)  # redacted
    answer = Column(String(120))  # the response or action that was judged unhelpful


@dataclass(frozen=True)
class GapCount:
    text: str
    kind: str
    count: int
    last_seen: datetime


class GapLog:
    def __init__(self, engine: Engine) -> None:
        self.engine = engine
        _registry.metadata.create_all(engine)

    def record(self, kind: GapKind, text: str, answer: Optional[str] = None, when: Optional[datetime] = None) -> None:
        clean = redact(" ".join((text or "").split()))[:MAX_TEXT]
        if not clean:
            return
        with self.engine.begin() as conn:
            conn.execute(
                insert(ContentGap),
                {
                    "created_at": when or datetime.now(timezone.utc),
                    "kind": kind,
                    "text": clean,
                    "answer": (answer or "")[:120] or None,
                },
            )

    def most_frequent(self, limit: int = 20, days: Optional[int] = None) -> list[GapCount]:
        query = select(ContentGap.kind, ContentGap.text, ContentGap.created_at)
        if days:
            query = query.where(ContentGap.created_at >= datetime.now(timezone.utc) - timedelta(days=days))
        counts: Counter[tuple[str, str]] = Counter()
        example: dict[tuple[str, str], str] = {}
        last: dict[tuple[str, str], datetime] = {}
        with self.engine.connect() as conn:
            for kind, text, created in conn.execute(query):
                key = (kind, normalize(text))
                counts[key] += 1
                example.setdefault(key, text)
                last[key] = max(last.get(key, created), created)
        return [GapCount(example[k], k[0], n, last[k]) for k, n in counts.most_common(limit)]
