"""TrialStore: the one way in and out of the trial database.

It receives its engine from outside (SQLite by default, PostgreSQL in production) and writes
whole batches in one transaction each, so a failure leaves the batch unwritten and nothing
half-updated.
"""

from __future__ import annotations

import datetime as dt
import json
import os
import uuid
import weakref
from dataclasses import dataclass
from typing import Iterable, Mapping, Optional

from sqlalchemy import Table, create_engine, delete, event, func, inspect, select, text, update
from sqlalchemy.engine import Connection, Engine
from sqlalchemy.orm import Session
from sqlalchemy.pool import QueuePool

from bot.config import database_url
from bot.lexicon import Lexicon, default_lexicon
from bot.trials import models
from bot.trials.fulltext import fulltext_for
from bot.trials.lookup import name_words, site_words
from bot.trials.parse import PARSER_VERSION, ParsedTrial
from bot.trials.query import (
    Arm,
    Contact,
    Design,
    Intervention,
    Measure,
    SearchPage,
    Site,
    TrialDetail,
    TrialQuery,
)
from bot.trials.report import DataReport, data_report
from bot.trials.search import search_trials
from bot.trials.tagging import TAGGING_VERSION, document_for, tags_for

LEXICON_VERSION_KEY = "lexicon_version"
PARSER_VERSION_KEY = "parser_version"
DATA_VERSION_KEY = "data_version"  # a new random value whenever trials are added or changed


@dataclass
class BatchResult:
    added: list[str]
    updated: list[str]
    unchanged: list[str]


# Every engine made here, so that a forked process (an action server worker) starts with empty
# pools instead of sharing, and corrupting, the sockets its parent had open.
_ENGINES: "weakref.WeakSet[Engine]" = weakref.WeakSet()


def _forget_inherited_connections() -> None:
    for engine in list(_ENGINES):
        engine.dispose(close=False)  # the parent's connections are left to the parent


os.register_at_fork(after_in_child=_forget_inherited_connections)


def make_engine(url: Optional[str] = None, keep_connections: bool = False) -> Engine:
    """With `keep_connections`, a SQLite engine keeps its connections open between uses (as a
    PostgreSQL one always does) instead of opening the file again for every query: for a
    long-running reader such as the action server. Without it, the last connection to close
    folds the write-ahead log back into the file, so a copy of the file alone is complete."""
    url = url or database_url()
    if url.startswith("postgres://"):
        url = "postgresql://" + url[len("postgres://") :]
    if url.startswith("sqlite"):
        if keep_connections:  # the pool hands each connection to one thread at a time
            engine = create_engine(
                url, future=True, poolclass=QueuePool, connect_args={"timeout": 30, "check_same_thread": False}
            )
        else:
            engine = create_engine(url, future=True, connect_args={"timeout": 30})

        @event.listens_for(engine, "connect")
        def _sqlite_pragmas(dbapi_connection, _record) -> None:
            cursor = dbapi_connection.cursor()
            cursor.execute("PRAGMA journal_mode=WAL")
            cursor.execute("PRAGMA synchronous=NORMAL")
            cursor.close()

    else:
        engine = create_engine(url, future=True, pool_pre_ping=True)
    _ENGINES.add(engine)
    return engine


class TrialStore:
    def __init__(self, engine: Engine, lexicon: Optional[Lexicon] = None) -> None:
        self.engine = engine
        self.lexicon = lexicon or default_lexicon()
        self.fulltext = fulltext_for(engine)

    @classmethod
    def from_url(cls, url: Optional[str] = None) -> "TrialStore":
        return cls(make_engine(url))

    # -- schema ------------------------------------------------------------------------
    def create_schema(self) -> None:
        with self.engine.begin() as conn:
            models.Base.metadata.create_all(conn)
            _add_missing_columns(conn)
            for table in models.Base.metadata.sorted_tables:  # indexes added after a database was made
                for index in table.indexes:
                    index.create(conn, checkfirst=True)
            self.fulltext.create(conn)
        if self.count() == 0 and self.meta(PARSER_VERSION_KEY) is None:
            self.mark_parser_version()  # a new database: every trial will be read by this parser

    def count(self) -> int:
        with self.engine.connect() as conn:
            return conn.execute(select(func.count()).select_from(models.Trial.__table__)).scalar_one()

    # -- writing -----------------------------------------------------------------------
    def write_batch(self, batch: list[ParsedTrial]) -> BatchResult:
        """Upsert a batch by NCT id in one transaction; unchanged records are not rewritten."""
        result = BatchResult([], [], [])
        if not batch:
            return result
        by_id = {p.nct_id: p for p in batch}  # a later copy of the same id wins
        with self.engine.begin() as conn:
            known = _record_hashes(conn, list(by_id))
            changed = []
            for nct_id, parsed in by_id.items():
                if nct_id not in known:
                    result.added.append(nct_id)
                elif known[nct_id] != parsed.trial["record_hash"]:
                    result.updated.append(nct_id)
                else:
                    result.unchanged.append(nct_id)
                    continue
                changed.append(parsed)
            self._delete(conn, result.updated)
            self._insert(conn, changed)
            if changed:
                _set_meta(conn, DATA_VERSION_KEY, uuid.uuid4().hex)
        return result

    def _delete(self, conn: Connection, nct_ids: list[str]) -> None:
        if not nct_ids:
            return
        self.fulltext.delete(conn, nct_ids)
        for table in models.CHILD_TABLES:
            conn.execute(delete(table).where(table.c.nct_id.in_(nct_ids)))
        conn.execute(delete(models.Trial.__table__).where(models.Trial.nct_id.in_(nct_ids)))

    def _insert(self, conn: Connection, parsed: list[ParsedTrial]) -> None:
        if not parsed:
            return
        rows: dict[str, list[dict]] = {t.name: [] for t in models.CHILD_TABLES}
        for p in parsed:
            nct = p.nct_id
            rows["trial_phases"] += [{"nct_id": nct, "phase": ph} for ph in p.phases]
            rows["conditions"] += [
                {"nct_id": nct, "position": i, "name": name, "is_keyword": kw}
                for i, (name, kw) in enumerate(p.conditions)
            ]
            for i, item in enumerate(p.interventions):
                rows["interventions"].append(
                    {
                        "nct_id": nct,
                        "position": i,
                        "kind": item["kind"],
                        "name": item["name"],
                        "description": item["description"],
                    }
                )
                rows["intervention_other_names"] += [
                    {"nct_id": nct, "intervention_position": i, "position": j, "name": name}
                    for j, name in enumerate(item["other_names"])
                ]
            rows["sites"] += [{"nct_id": nct, **site} for site in p.sites]
            rows["contacts"] += [{"nct_id": nct, "position": i, **contact} for i, contact in enumerate(p.contacts)]
            rows["trial_identifiers"] += [
                {"nct_id": nct, "position": i, **identifier} for i, identifier in enumerate(p.identifiers)
            ]
            rows["collaborators"] += [
                {"nct_id": nct, "position": i, "name": name} for i, name in enumerate(p.collaborators)
            ]
            rows["name_words"] += _name_word_rows(p)
            rows["trial_age_groups"] += [{"nct_id": nct, "age_group": g} for g in p.age_groups]
            rows["arm_groups"] += [{"nct_id": nct, **arm} for arm in p.arm_groups]
            rows["outcomes"] += [{"nct_id": nct, **outcome} for outcome in p.outcomes]
            if p.compiled_json is not None:
                rows["compiled_records"].append({"nct_id": nct, "record_json": p.compiled_json})
        _insert_rows(conn, models.Trial.__table__, [p.trial for p in parsed])
        for table in models.CHILD_TABLES:
            if rows[table.name]:
                _insert_rows(conn, table, rows[table.name])
        self._index(conn, parsed)

    def _index(self, conn: Connection, parsed: list[ParsedTrial]) -> None:
        """Write the concept tags and the full-text documents of freshly written trials."""
        tag_rows, docs = [], []
        for p in parsed:
            tags = tags_for(p.text_for, self.lexicon)
            tag_rows += [{"nct_id": p.nct_id, "tag": tag} for tag in sorted(tags)]
            docs.append((p.nct_id, *document_for(p, tags, self.lexicon)))
        if tag_rows:
            _insert_rows(conn, models.TrialTag.__table__, tag_rows)
        self.fulltext.replace(conn, docs)

    def reindex(self, batch_size: int = 1000) -> int:
        """Re-tag and re-index every stored trial (after the lexicon changed)."""
        ids = list(self.iter_ids())
        tags = models.TrialTag.__table__
        for start in range(0, len(ids), batch_size):
            chunk = ids[start : start + batch_size]
            with Session(self.engine) as session, session.begin():
                trials = session.scalars(select(models.Trial).where(models.Trial.nct_id.in_(chunk))).all()
                conn = session.connection()
                conn.execute(delete(tags).where(tags.c.nct_id.in_(chunk)))
                self._index(conn, [_parsed_from_model(t) for t in trials])
        return len(ids)

    # -- lexicon changes ---------------------------------------------------------------
    def stored_lexicon_version(self) -> Optional[str]:
        return self.meta(LEXICON_VERSION_KEY)

    @property
    def tagging_version(self) -> str:
        """What the stored tags depend on: the lexicon and the tagging rules."""
        return f"{self.lexicon.version}+tagging{TAGGING_VERSION}"

    def tags_outdated(self) -> bool:
        return self.stored_lexicon_version() != self.tagging_version

    def mark_lexicon_version(self) -> None:
        with self.engine.begin() as conn:
            _set_meta(conn, LEXICON_VERSION_KEY, self.tagging_version)

    # -- parser changes ----------------------------------------------------------------
    def parser_outdated(self) -> bool:
        """True when stored trials were read by an older parser (bot.trials.parse.PARSER_VERSION):
        importing their records again stores what the parser reads now."""
        return self.count() > 0 and self.meta(PARSER_VERSION_KEY) != PARSER_VERSION

    def mark_parser_version(self) -> None:
        with self.engine.begin() as conn:
            _set_meta(conn, PARSER_VERSION_KEY, PARSER_VERSION)

    def data_version(self) -> str:
        """Changes whenever trials are added or changed (for caches of what is stored)."""
        return self.meta(DATA_VERSION_KEY) or ""

    # -- the meta table (versions above; `trials sync`'s position and high-water mark) ----
    def meta(self, key: str) -> Optional[str]:
        with self.engine.connect() as conn:
            return conn.execute(select(models.Meta.value).where(models.Meta.key == key)).scalar_one_or_none()

    def write_meta(self, values: Mapping[str, Optional[str]]) -> None:
        """Set each key's value (None removes the key), all in one transaction."""
        with self.engine.begin() as conn:
            for key, value in values.items():
                _set_meta(conn, key, value)

    # -- reading -----------------------------------------------------------------------
    def search(self, query: TrialQuery) -> SearchPage:
        with self.engine.connect() as conn:
            return search_trials(conn, self.fulltext, self.lexicon, query)

    def get(self, nct_id: str) -> Optional[TrialDetail]:
        return next(iter(self.get_many([nct_id])), None)

    def get_many(self, nct_ids: Iterable[str]) -> list[TrialDetail]:
        """The stored trials of `nct_ids`, in that order (unknown ids left out): one query per
        related table for all of them, where `get` for each costs one per table per trial."""
        wanted = list(dict.fromkeys(i.strip().upper() for i in nct_ids))
        if not wanted:
            return []
        with Session(self.engine) as session:
            rows = session.execute(select(models.Trial).where(models.Trial.nct_id.in_(wanted))).scalars().all()
            found = {row.nct_id: _detail(row) for row in rows}
        return [found[i] for i in wanted if i in found]

    def record_hashes(self, nct_ids: Iterable[str]) -> dict[str, str]:
        """The stored record hash of each of `nct_ids` that is stored (to tell new, changed
        and unchanged records apart without writing)."""
        wanted = list(nct_ids)
        if not wanted:
            return {}
        with self.engine.connect() as conn:
            return _record_hashes(conn, wanted)

    def compiled_copy(self, nct_id: str) -> Optional[dict]:
        """The stored whole record of a compiled trial (models.CompiledRecord), if there is one."""
        with self.engine.connect() as conn:
            stored = conn.execute(
                select(models.CompiledRecord.record_json).where(models.CompiledRecord.nct_id == nct_id)
            ).scalar_one_or_none()
        return json.loads(stored) if stored else None

    def iter_ids(self) -> Iterable[str]:
        with self.engine.connect() as conn:
            yield from conn.execute(select(models.Trial.nct_id).order_by(models.Trial.nct_id)).scalars()

    def stored_ids(self, nct_ids: Iterable[str]) -> list[str]:
        """Those of `nct_ids` that are stored, sorted (ids as given: not tidied)."""
        return sorted(self.record_hashes(set(nct_ids)))

    def data_report(self, today: Optional[dt.date] = None) -> DataReport:
        """What the database holds (`python -m bot trials report`), counted on the store's own connection."""
        with self.engine.connect() as conn:
            return data_report(conn, today)

    def vocabulary(self) -> dict[str, list[str]]:
        """Names people may type that the records use: for the spaCy entity ruler."""
        with self.engine.connect() as conn:

            def distinct(column) -> list[str]:
                return sorted(v for v in conn.execute(select(column).distinct()).scalars() if v)

            return {
                "treatment": distinct(models.Intervention.name) + distinct(models.InterventionOtherName.name),
                "condition": distinct(models.Condition.name),
                "country": distinct(models.Site.country),
                "city": distinct(models.Site.city),
            }

    def names(self) -> dict[str, list[str]]:
        """Names trials can be looked up by (bot/trials/lookup.py), each once: "acronym",
        "id" (other ids), "sponsor" (lead sponsors and collaborators), "site" (facilities),
        and "place" (the sites' cities, states and countries)."""
        ids = models.TrialIdentifier
        with self.engine.connect() as conn:

            def distinct(column, *where) -> list[str]:
                return sorted(v for v in conn.execute(select(column).where(*where).distinct()).scalars() if v)

            return {
                "acronym": distinct(ids.value, ids.kind == "acronym"),
                "id": distinct(ids.value, ids.kind != "acronym"),
                "sponsor": sorted({*distinct(models.Trial.sponsor), *distinct(models.Collaborator.name)}),
                "site": distinct(models.Site.facility),
                "place": sorted(
                    {*distinct(models.Site.city), *distinct(models.Site.state), *distinct(models.Site.country)}
                ),
            }


def _add_missing_columns(conn: Connection) -> None:
    """Columns added to the models after a database was made (all nullable): the parser
    version changes with them, so `trials init` then fills them by loading the records again."""
    inspector = inspect(conn)
    for table in models.Base.metadata.sorted_tables:
        present = {c["name"] for c in inspector.get_columns(table.name)}
        for column in table.columns:
            if column.name not in present and column.nullable:
                kind = column.type.compile(dialect=conn.dialect)
                conn.execute(text(f'ALTER TABLE {table.name} ADD COLUMN "{column.name}" {kind}'))


def _insert_rows(conn: Connection, table: Table, rows: list[dict]) -> None:
    """Insert rows that all have the same keys. On SQLite straight through the driver's
    executemany: SQLAlchemy's handling of each row's parameters cost more than SQLite's own
    work (docs/benchmarks.md). Other engines keep SQLAlchemy's batched inserts."""
    if conn.dialect.name != "sqlite":
        conn.execute(table.insert(), rows)
        return
    compiled = table.insert().compile(dialect=conn.dialect, column_keys=list(rows[0]))
    names = compiled.positiontup or list(rows[0])
    conn.exec_driver_sql(str(compiled), [tuple(row[name] for name in names) for row in rows])


def _record_hashes(conn: Connection, nct_ids: list[str]) -> dict[str, str]:
    query = select(models.Trial.nct_id, models.Trial.record_hash).where(models.Trial.nct_id.in_(nct_ids))
    return {nct_id: digest for nct_id, digest in conn.execute(query).all()}


def _set_meta(conn: Connection, key: str, value: Optional[str]) -> None:
    meta = models.Meta.__table__
    if value is None:
        conn.execute(delete(meta).where(meta.c.key == key))
    elif conn.execute(update(meta).where(meta.c.key == key).values(value=value)).rowcount == 0:
        conn.execute(meta.insert(), {"key": key, "value": value})


def _name_word_rows(parsed: ParsedTrial) -> list[dict]:
    """name_words rows: the lead sponsor (position 0), collaborators (1..), sites (their position)."""
    named = [("sponsor", 0, parsed.trial.get("sponsor"), name_words)]
    named += [("sponsor", i, name, name_words) for i, name in enumerate(parsed.collaborators, start=1)]
    named += [("site", site["position"], site["facility"], site_words) for site in parsed.sites]
    return [
        {"kind": kind, "word": word, "nct_id": parsed.nct_id, "position": position}
        for kind, position, name, words_of in named
        if name
        for word in words_of(name)
    ]


def _parsed_from_model(trial: models.Trial) -> ParsedTrial:
    """The parts of a stored trial that tagging and the full-text index read."""
    fields = ("nct_id", "title", "acronym", "official_title", "summary", "sponsor")
    return ParsedTrial(
        nct_id=trial.nct_id,
        trial={name: getattr(trial, name) for name in fields},
        conditions=[(c.name, c.is_keyword) for c in trial.conditions],
        interventions=[{"name": i.name, "other_names": [o.name for o in i.other_names]} for i in trial.interventions],
    )


def _detail(trial: models.Trial) -> TrialDetail:
    sites = tuple(Site(s.facility, s.city, s.state, s.country, s.status, s.latitude, s.longitude) for s in trial.sites)
    facility_by_position = {s.position: s.facility for s in trial.sites}
    return TrialDetail(
        nct_id=trial.nct_id,
        title=trial.title,
        official_title=trial.official_title,
        acronym=trial.acronym,
        status=trial.status,
        phases=tuple(p.phase for p in trial.phases),
        study_type=trial.study_type,
        start_date=trial.start_date,
        completion_date=trial.completion_date,
        last_updated=trial.last_update,
        status_as_of=trial.status_as_of,
        design=Design(
            trial.allocation, trial.intervention_model, trial.masking, trial.masked_who, trial.primary_purpose
        ),
        arms=tuple(Arm(a.label, a.kind, a.description, a.interventions) for a in trial.arm_groups),
        measures=tuple(Measure(o.kind, o.measure, o.time_frame) for o in trial.outcomes),
        has_results=trial.has_results,
        results_first_posted=trial.results_first_posted,
        why_stopped=trial.why_stopped,
        enrollment=trial.enrollment,
        sponsor=trial.sponsor,
        summary=trial.summary,
        description=trial.description,
        conditions=tuple(c.name for c in trial.conditions if not c.is_keyword),
        keywords=tuple(c.name for c in trial.conditions if c.is_keyword),
        interventions=tuple(
            Intervention(i.kind, i.name, tuple(o.name for o in i.other_names), i.description)
            for i in trial.interventions
        ),
        criteria=trial.criteria,
        min_age_years=trial.min_age_years,
        max_age_years=trial.max_age_years,
        sex=trial.sex,
        healthy_volunteers=trial.healthy_volunteers,
        sites=sites,
        contacts=tuple(
            Contact(
                c.name,
                c.role,
                " ext. ".join(filter(None, [c.phone, c.phone_ext])) or None,
                c.email,
                facility_by_position.get(c.site_position) if c.kind == "site" else None,
            )
            for c in trial.contacts
        ),
        source=json.loads(trial.source_json) if trial.source_json else {},
        other_ids=tuple(i.value for i in trial.identifiers if i.kind != "acronym"),
        collaborators=tuple(c.name for c in trial.collaborators),
    )
