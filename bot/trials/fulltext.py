"""Full-text search with each engine's own index: SQLite FTS5, PostgreSQL tsvector + GIN.

One document per trial: a title part and a body part (summary, conditions, interventions and
their other names, sponsor). The rest of the code sees only `FullText`.
"""

from __future__ import annotations

import re
from typing import Callable, Iterable, Protocol, Sequence

from sqlalchemy import text
from sqlalchemy.engine import Connection, Engine

from bot.text import normalize

# Words that only make a text query stricter without saying what it is about.
STOPWORDS = frozenset(
    "a an and any are about at be can do does for from have i in is it me my of on or "
    "our please show tell the there this to trial trials study studies what which with you".split()
)


def query_words(query: str) -> list[str]:
    return [w for w in normalize(query).split() if w not in STOPWORDS][:12]


def rowid_of(nct_id: str) -> int:
    return int(nct_id[3:])


def _expression(
    words: Sequence[str],
    any_word: bool,
    required: Sequence[str],
    term: Callable[[str], str],
    and_op: str,
    or_op: str,
) -> str:
    """required words all, and the other words all (or any one of them when any_word)."""
    terms = [term(w) for w in required if w]
    optional = [term(w) for w in words if w]
    if optional:
        joined = (or_op if any_word else and_op).join(optional)
        terms.append(f"({joined})" if terms and len(optional) > 1 else joined)
    return and_op.join(terms)


class FullText(Protocol):
    def create(self, conn: Connection) -> None: ...

    def replace(self, conn: Connection, docs: Iterable[tuple[str, str, str]]) -> None:
        """Index (nct_id, title, body) documents, replacing any earlier ones."""

    def delete(self, conn: Connection, nct_ids: list[str]) -> None: ...

    def match_sql(self, words: list[str], any_word: bool, required: Sequence[str] = ()) -> tuple[str, dict]:
        """SQL selecting (nct_id, score) of trials with every required word and all the words
        (any one of them when any_word); higher score is better."""


class SqliteFullText:
    def create(self, conn: Connection) -> None:
        conn.execute(
            text(
                "CREATE VIRTUAL TABLE IF NOT EXISTS trial_fts USING fts5("
                "title, body, tokenize = 'unicode61 remove_diacritics 2')"
            )
        )

    def delete(self, conn: Connection, nct_ids: list[str]) -> None:
        if nct_ids:
            conn.execute(
                text("DELETE FROM trial_fts WHERE rowid = :rowid"),
                [{"rowid": rowid_of(n)} for n in nct_ids],
            )

    def replace(self, conn: Connection, docs: Iterable[tuple[str, str, str]]) -> None:
        rows = [{"rowid": rowid_of(n), "title": t, "body": b} for n, t, b in docs]
        if rows:
            self.delete(conn, [f"NCT{r['rowid']:08d}" for r in rows])
            conn.execute(
                text("INSERT INTO trial_fts (rowid, title, body) VALUES (:rowid, :title, :body)"),
                rows,
            )

    def match_sql(self, words: list[str], any_word: bool, required: Sequence[str] = ()) -> tuple[str, dict]:
        expression = _expression(
            words, any_word, required, lambda w: f'"{w}"*' if len(w) >= 4 else f'"{w}"', " AND ", " OR "
        )
        # bm25 is lower for better matches; title hits count three times as much.
        sql = (
            "SELECT printf('NCT%08d', rowid) AS nct_id, -bm25(trial_fts, 3.0, 1.0) AS score "
            "FROM trial_fts WHERE trial_fts MATCH :fts_query"
        )
        return sql, {"fts_query": expression}


class PostgresFullText:
    def create(self, conn: Connection) -> None:
        conn.execute(
            text(
                "CREATE TABLE IF NOT EXISTS trial_fts ("
                " nct_id VARCHAR(11) PRIMARY KEY REFERENCES trials(nct_id),"
                " document TSVECTOR NOT NULL)"
            )
        )
        conn.execute(text("CREATE INDEX IF NOT EXISTS ix_trial_fts_document ON trial_fts USING GIN (document)"))

    def delete(self, conn: Connection, nct_ids: list[str]) -> None:
        if nct_ids:
            conn.execute(text("DELETE FROM trial_fts WHERE nct_id = ANY(:ids)"), {"ids": list(nct_ids)})

    def replace(self, conn: Connection, docs: Iterable[tuple[str, str, str]]) -> None:
        rows = [{"nct_id": n, "title": t, "body": b} for n, t, b in docs]
        if rows:
            self.delete(conn, [r["nct_id"] for r in rows])
            conn.execute(
                text(
                    "INSERT INTO trial_fts (nct_id, document) VALUES (:nct_id,"
                    " setweight(to_tsvector('english', :title), 'A')"
                    " || setweight(to_tsvector('english', :body), 'B'))"
                ),
                rows,
            )

    def match_sql(self, words: list[str], any_word: bool, required: Sequence[str] = ()) -> tuple[str, dict]:
        def safe(found: Sequence[str]) -> list[str]:
            return [re.sub(r"[^0-9a-z]", "", w) for w in found]

        expression = _expression(safe(words), any_word, safe(required), lambda w: f"{w}:*", " & ", " | ")
        sql = (
            "SELECT nct_id, ts_rank(document, to_tsquery('english', :fts_query)) AS score "
            "FROM trial_fts WHERE document @@ to_tsquery('english', :fts_query)"
        )
        return sql, {"fts_query": expression or "''"}


def fulltext_for(engine: Engine) -> FullText:
    if engine.dialect.name == "sqlite":
        return SqliteFullText()
    if engine.dialect.name == "postgresql":
        return PostgresFullText()
    raise ValueError(f"No full-text index for the {engine.dialect.name} database engine")
