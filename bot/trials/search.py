"""Trial search: lexicon concepts, filters and the engine's full-text index, ranked.

Ranking: open trials first, then relevance (the concept asked for before broader ones, then
the full-text score), then the most recently updated.

Speed on a registry-sized database (docs/benchmarks.md): the search starts from the trials a
concept, place or phase names (an IN over that child table's index) and checks everything else
per candidate (EXISTS, and the trial's status and date from a covering index), and it returns
the total with the page in one pass. Left to itself, SQLite without statistics would walk every
open trial instead and then count them all again.
"""
from __future__ import annotations

from dataclasses import dataclass, field
from sqlalchemy import Table, and_, case, exists, func, literal, or_, select, text
from sqlalchemy.engine import Connection
from sqlalchemy.sql.elements import ColumnElement

from bot.lexicon import ConceptKind, Lexicon
from bot.trials.fulltext import FullText, query_words
from bot.trials.models import Site, Trial, TrialPhase, TrialTag
from bot.trials.query import SearchPage, TrialQuery, TrialSummary

TRIALS = Trial.__table__
TAGS = TrialTag.__table__
SITES = Site.__table__
PHASES = TrialPhase.__table__
PHASE_CODES = {0: "EARLY_PHASE1", 1: "PHASE1", 2: "PHASE2", 3: "PHASE3", 4: "PHASE4"}
MAX_LIMIT = 200


@dataclass
class _Plan:
    filters: list[ColumnElement] = field(default_factory=list)  # on the trial's own row
    # "Has a child row like this": (rank, child table, condition). The lowest rank, usually
    # the most selective (a concept, then a city, a country, a phase), drives the search.
    within: list[tuple[int, Table, ColumnElement]] = field(default_factory=list)
    relevance: list[ColumnElement] = field(default_factory=list)
    words: list[str] = field(default_factory=list)
    treatment_tags: tuple[str, ...] = ()
    condition_tags: tuple[str, ...] = ()
    unknown: list[str] = field(default_factory=list)


def search_trials(
    conn: Connection, fulltext: FullText, lexicon: Lexicon, query: TrialQuery
) -> SearchPage:
    plan = _plan(lexicon, query)
    limit = max(1, min(query.limit, MAX_LIMIT))
    offset = max(0, query.offset)
    ids, total = _run(conn, fulltext, plan, limit, offset, any_word=False)
    if total == 0 and len(plan.words) > 1:
        ids, total = _run(conn, fulltext, plan, limit, offset, any_word=True)
    return SearchPage(
        trials=_summaries(conn, ids),
        total=total,
        offset=offset,
        treatment_concepts=plan.treatment_tags,
        condition_concepts=plan.condition_tags,
        unknown_terms=tuple(plan.unknown),
    )


def _plan(lexicon: Lexicon, query: TrialQuery) -> _Plan:
    plan = _Plan(words=query_words(query.text) if query.text else [])
    if query.treatment:
        plan.treatment_tags = _concept_filter(plan, lexicon, "treatment", query.treatment)
    if query.condition:
        plan.condition_tags = _concept_filter(plan, lexicon, "condition", query.condition)
    if query.country:
        keys = lexicon.country_aliases(query.country)
        plan.within.append((2, SITES, SITES.c.country_key.in_(keys)))
    if query.city:
        keys = lexicon.city_aliases(query.city)
        plan.within.append((1, SITES, SITES.c.city_key.in_(keys)))
    if query.status == "open":
        plan.filters.append(TRIALS.c.is_open.is_(True))
    elif query.status == "closed":
        plan.filters.append(TRIALS.c.is_open.is_(False))
    else:  # true of every trial, but lets SQLite read status and date from the covering index
        plan.filters.append(TRIALS.c.is_open.in_((True, False)))
    if query.phase is not None:
        code = PHASE_CODES.get(query.phase, f"PHASE{query.phase}")
        plan.within.append((3, PHASES, PHASES.c.phase == code))
    if query.age is not None:
        plan.filters.append(or_(TRIALS.c.min_age_years.is_(None), TRIALS.c.min_age_years <= query.age))
        plan.filters.append(or_(TRIALS.c.max_age_years.is_(None), TRIALS.c.max_age_years >= query.age))
    if query.sex:
        plan.filters.append(
            or_(TRIALS.c.sex.is_(None), TRIALS.c.sex.in_(("ALL", query.sex.upper())))
        )
    return plan


def _concept_filter(plan: _Plan, lexicon: Lexicon, kind: ConceptKind, phrase: str) -> tuple[str, ...]:
    """Filter by the concepts a phrase names; an unknown phrase is searched as text instead."""
    tags = lexicon.resolve(kind, phrase)
    if not tags:
        plan.unknown.append(phrase)
        plan.words.extend(query_words(phrase))
        return ()
    weights = lexicon.expand(tags)
    plan.within.append((0, TAGS, TAGS.c.tag.in_(list(weights))))
    broader = [tag for tag, weight in weights.items() if weight < 2]
    if broader:
        plan.relevance.append(case((_tag_exists(list(tags)), 2), else_=1))
    return tags


def _tag_exists(tags: list[str]) -> ColumnElement:
    return exists().where(and_(TAGS.c.nct_id == TRIALS.c.nct_id, TAGS.c.tag.in_(tags)))


def _within(plan: _Plan) -> list[ColumnElement]:
    """The child-table filters: the first drives (IN), the others are checked per trial (EXISTS)."""
    ordered = sorted(plan.within, key=lambda item: item[0])
    return [
        TRIALS.c.nct_id.in_(select(table.c.nct_id).where(condition))
        if i == 0
        else exists().where(and_(table.c.nct_id == TRIALS.c.nct_id, condition))
        for i, (_, table, condition) in enumerate(ordered)
    ]


def _run(
    conn: Connection, fulltext: FullText, plan: _Plan, limit: int, offset: int, any_word: bool
) -> tuple[list, int]:
    source = TRIALS
    relevance = list(plan.relevance)
    params: dict = {}
    if plan.words:
        sql, params = fulltext.match_sql(plan.words, any_word)
        matches = text(sql).columns(nct_id=TRIALS.c.nct_id.type, score=Trial.min_age_years.type)
        matches = matches.subquery("fts")
        source = TRIALS.join(matches, matches.c.nct_id == TRIALS.c.nct_id)
        relevance.append(matches.c.score)
    where = and_(literal(True), *_within(plan), *plan.filters)
    ordering = [TRIALS.c.is_open.desc(), *[r.desc() for r in relevance]]
    ordering += [TRIALS.c.last_update.desc().nullslast(), TRIALS.c.nct_id]
    # Only the ids: filtering and ordering then read indexes, not whole trial rows. When
    # something narrows the search, the total comes with the page (one pass over the candidates).
    narrowed = bool(plan.words or plan.within)
    total_column = [func.count().over().label("total")] if narrowed else []
    page = (
        select(TRIALS.c.nct_id, *total_column)
        .select_from(source)
        .where(where)
        .order_by(*ordering)
        .limit(limit)
        .offset(offset)
    )
    rows = conn.execute(page, params).all()
    if offset == 0 and len(rows) < limit:
        total = len(rows)
    elif narrowed and rows:
        total = rows[0].total
    else:
        total = conn.execute(
            select(func.count()).select_from(source).where(where), params
        ).scalar_one()
    return [row.nct_id for row in rows], total


def _summaries(conn: Connection, ids: list[str]) -> list[TrialSummary]:
    if not ids:
        return []
    trials = {
        row.nct_id: row
        for row in conn.execute(
            select(TRIALS.c.nct_id, TRIALS.c.title, TRIALS.c.status, TRIALS.c.last_update).where(
                TRIALS.c.nct_id.in_(ids)
            )
        )
    }
    rows = [trials[nct_id] for nct_id in ids]
    phases: dict[str, list[str]] = {i: [] for i in ids}
    for nct_id, phase in conn.execute(
        select(PHASES.c.nct_id, PHASES.c.phase).where(PHASES.c.nct_id.in_(ids)).order_by(PHASES.c.phase)
    ):
        phases[nct_id].append(phase)
    places: dict[str, tuple[dict, dict]] = {i: ({}, {}) for i in ids}
    for nct_id, city, country in conn.execute(
        select(SITES.c.nct_id, SITES.c.city, SITES.c.country)
        .where(SITES.c.nct_id.in_(ids))
        .order_by(SITES.c.nct_id, SITES.c.position)
    ):
        if country:
            places[nct_id][0][country] = None
        if city:
            places[nct_id][1][city] = None
    return [
        TrialSummary(
            nct_id=row.nct_id,
            title=row.title,
            status=row.status,
            phases=tuple(phases[row.nct_id]),
            countries=tuple(places[row.nct_id][0]),
            cities=tuple(places[row.nct_id][1]),
            last_updated=row.last_update,
        )
        for row in rows
    ]

