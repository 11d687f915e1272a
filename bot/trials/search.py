"""Trial search: lexicon concepts, filters and the engine's full-text index, ranked.

Ranking: open trials first, then relevance (the concept asked for before broader ones, an
acronym itself before longer ones it starts, then the full-text score), then the most
recently updated.

A treatment or condition name the lexicon does not know is searched as words that must all
be in a record; when they are in none, nothing is listed (SearchPage.unknown_terms and
.suggestions say why), never every trial. Look-ups by name use their own indexes: acronyms
and other ids by key (bot/trials/lookup.py: "netter 2" = "NETTER-2", and "NETTER" starts
NETTER-1, NETTER-2...), sponsors and sites by the words of one name (name_words).

Speed on a registry-sized database (docs/benchmarks.md): the search starts from the trials a
concept, place or phase names (an IN over that child table's index) and checks everything else
per candidate (EXISTS, and the trial's status and date from a covering index), and it returns
the total with the page in one pass. Left to itself, SQLite without statistics would walk every
open trial instead and then count them all again.
"""

from __future__ import annotations

import math
from dataclasses import dataclass, field, replace
from typing import Optional

from sqlalchemy import Table, and_, case, exists, func, literal, or_, select, text
from sqlalchemy.engine import Connection
from sqlalchemy.sql.elements import ColumnElement
from sqlalchemy.sql.selectable import Subquery

from bot.lexicon import ConceptKind, Lexicon
from bot.trials.freshness import recent_cutoff
from bot.trials.fulltext import FullText, query_words
from bot.trials.lookup import filter_words, name_key
from bot.trials.models import NameWord, Site, Trial, TrialAgeGroup, TrialIdentifier, TrialPhase, TrialTag
from bot.trials.nearby import nearest_site
from bot.trials.query import Near, SearchPage, TrialQuery, TrialSummary

TRIALS = Trial.__table__
TAGS = TrialTag.__table__
SITES = Site.__table__
PHASES = TrialPhase.__table__
IDENTIFIERS = TrialIdentifier.__table__
NAME_WORDS = NameWord.__table__
TRIAL_AGE_GROUPS = TrialAgeGroup.__table__
PHASE_CODES = {0: "EARLY_PHASE1", 1: "PHASE1", 2: "PHASE2", 3: "PHASE3", 4: "PHASE4"}
MAX_LIMIT = 200
MIN_PREFIX_KEY = 4  # an acronym typed with this many letters and digits also finds longer ones


@dataclass
class _Plan:
    filters: list[ColumnElement] = field(default_factory=list)  # on the trial's own row
    # "Has a child row like this": (rank, child table, condition). The lowest rank, usually
    # the most selective (an acronym, a concept, then a city, a country, a phase), drives.
    within: list[tuple[int, Table, ColumnElement]] = field(default_factory=list)
    relevance: list[ColumnElement] = field(default_factory=list)
    words: list[str] = field(default_factory=list)  # free text: all, or any one if none has all
    required_words: list[str] = field(default_factory=list)  # of unknown names: always all
    treatment_tags: tuple[str, ...] = ()
    condition_tags: tuple[str, ...] = ()
    unknown: list[tuple[ConceptKind, str]] = field(default_factory=list)
    specific: Optional[ColumnElement] = None  # about the condition named, not only a broader one
    broader_tags: tuple[str, ...] = ()
    hopeless: bool = False  # something asked for cannot match any trial
    nearness: Optional[ColumnElement] = None  # a trial's nearest site to the place asked, for ordering
    near_sites: Optional[Subquery] = None  # within a distance: each trial's nearest site in range, joined


@dataclass(frozen=True)
class _Found:
    ids: list[str]
    total: int
    specific_total: Optional[int] = None


def search_trials(conn: Connection, fulltext: FullText, lexicon: Lexicon, query: TrialQuery) -> SearchPage:
    plan = _plan(lexicon, query)
    limit = max(1, min(query.limit, MAX_LIMIT))
    offset = max(0, query.offset)
    found = _Found([], 0) if plan.hopeless else _run_any_word_if_none(conn, fulltext, plan, limit, offset)
    broader_ids, broader_name = _broader(conn, lexicon, plan, found.ids)
    return SearchPage(
        trials=_summaries(conn, found.ids, query.near),
        total=found.total,
        offset=offset,
        treatment_concepts=plan.treatment_tags,
        condition_concepts=plan.condition_tags,
        unknown_terms=tuple(phrase for _, phrase in plan.unknown),
        suggestions=_suggestions(lexicon, plan),
        specific_total=found.specific_total,
        broader_ids=broader_ids,
        broader_name=broader_name,
        unplaced_total=_unplaced_total(conn, fulltext, lexicon, query)
        if query.country or query.city or query.near
        else 0,
    )


def _unplaced_total(conn: Connection, fulltext: FullText, lexicon: Lexicon, query: TrialQuery) -> int:
    """Trials that match everything but the place and list no places at all: a place filter
    must not hide them without a word."""
    plan = _plan(lexicon, replace(query, country=None, city=None, near=None))
    if plan.hopeless:
        return 0
    # site_count is kept by the parser; a row stored before it was (NULL) is checked the slow way.
    plan.filters.append(
        or_(
            TRIALS.c.site_count == 0,
            and_(TRIALS.c.site_count.is_(None), ~exists().where(SITES.c.nct_id == TRIALS.c.nct_id)),
        )
    )
    return _run_any_word_if_none(conn, fulltext, plan, 1, 0).total


def _run_any_word_if_none(conn: Connection, fulltext: FullText, plan: _Plan, limit: int, offset: int) -> _Found:
    """Free words all in a record; when no record has them all, any one of them."""
    found = _run(conn, fulltext, plan, limit, offset, any_word=False)
    if found.total == 0 and len(plan.words) > 1:
        found = _run(conn, fulltext, plan, limit, offset, any_word=True)
    return found


def _plan(lexicon: Lexicon, query: TrialQuery) -> _Plan:
    plan = _Plan(words=query_words(query.text) if query.text else [])
    if query.treatment:
        plan.treatment_tags = _concept_filter(plan, lexicon, "treatment", query.treatment)
    if query.condition:
        plan.condition_tags = _concept_filter(plan, lexicon, "condition", query.condition)
    _name_filters(plan, query)
    if query.country:
        keys = lexicon.country_aliases(query.country)
        plan.within.append((2, SITES, SITES.c.country_key.in_(keys)))
    if query.city:
        keys = lexicon.city_aliases(query.city)
        plan.within.append((1, SITES, SITES.c.city_key.in_(keys)))
    if query.near:
        _near_filter(plan, query.near)
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
        plan.filters.append(or_(TRIALS.c.sex.is_(None), TRIALS.c.sex.in_(("ALL", query.sex.upper()))))
    if query.age_group:
        plan.within.append((4, TRIAL_AGE_GROUPS, TRIAL_AGE_GROUPS.c.age_group == query.age_group))
    return plan


def _concept_filter(plan: _Plan, lexicon: Lexicon, kind: ConceptKind, phrase: str) -> tuple[str, ...]:
    """Filter by the concepts a phrase names. A phrase the lexicon does not know is searched
    as words that must all be in a record (a phrase with no searchable word matches nothing)."""
    tags = lexicon.resolve(kind, phrase)
    if not tags:
        plan.unknown.append((kind, phrase))
        words = query_words(phrase)
        plan.required_words.extend(words)
        plan.hopeless = plan.hopeless or not words
        return ()
    weights = lexicon.expand(tags)
    plan.within.append((0, TAGS, TAGS.c.tag.in_(list(weights))))
    broader = tuple(tag for tag, weight in weights.items() if weight < 2)
    if broader:
        specific = _tag_exists(list(tags))
        plan.relevance.append(case((specific, 2), else_=1))
        if kind == "condition":
            plan.specific, plan.broader_tags = specific, broader
    return tags


def _name_filters(plan: _Plan, query: TrialQuery) -> None:
    """Acronym or id, sponsor and site: each from its own index."""
    if query.acronym:
        key = name_key(query.acronym)
        _add(plan, -1, IDENTIFIERS, _identifier_condition(key) if key else None)
        if _finds_longer(key):  # the acronym itself before those it starts
            plan.relevance.append(case((_identifier_exists(key), 2), else_=1))
    if query.site:
        _add(plan, 1, NAME_WORDS, _name_condition("site", query.site))
    if query.sponsor:
        _add(plan, 2, NAME_WORDS, _name_condition("sponsor", query.sponsor))


def _add(plan: _Plan, rank: int, table: Table, condition: Optional[ColumnElement]) -> None:
    if condition is None:
        plan.hopeless = True
    else:
        plan.within.append((rank, table, condition))


def _finds_longer(key: str) -> bool:
    """A key typed long enough, with a letter, also finds the keys it starts ("netter")."""
    return len(key) >= MIN_PREFIX_KEY and any(c.isalpha() for c in key)


def _identifier_condition(key: str) -> ColumnElement:
    exact = IDENTIFIERS.c.key == key
    if not _finds_longer(key):
        return exact
    # Keys are letters and digits only, so every key starting `key` sorts below this one.
    after = key[:-1] + chr(ord(key[-1]) + 1)
    return or_(exact, and_(IDENTIFIERS.c.key > key, IDENTIFIERS.c.key < after))


def _identifier_exists(key: str) -> ColumnElement:
    return exists().where(and_(IDENTIFIERS.c.nct_id == TRIALS.c.nct_id, IDENTIFIERS.c.key == key))


def _name_condition(kind: str, typed: str) -> Optional[ColumnElement]:
    """Every filter word in one name of this kind; the longest word drives."""
    words = sorted(filter_words(kind, typed), key=len, reverse=True)
    if not words:
        return None
    condition = and_(NAME_WORDS.c.kind == kind, NAME_WORDS.c.word == words[0])
    for word in words[1:]:
        same_name = NAME_WORDS.alias()
        condition = and_(
            condition,
            exists().where(
                and_(
                    same_name.c.kind == kind,
                    same_name.c.word == word,
                    same_name.c.nct_id == NAME_WORDS.c.nct_id,
                    same_name.c.position == NAME_WORDS.c.position,
                )
            ),
        )
    return condition


def _suggestions(lexicon: Lexicon, plan: _Plan) -> tuple[str, ...]:
    names = [name for kind, phrase in plan.unknown for name in lexicon.suggest(kind, phrase)]
    return tuple(dict.fromkeys(names))


def _broader(conn: Connection, lexicon: Lexicon, plan: _Plan, ids: list[str]) -> tuple[tuple[str, ...], Optional[str]]:
    """The listed trials found only through a broader condition, and the plain name of the
    narrowest broader condition all of them are about (None when they share none)."""
    if plan.specific is None or not ids:
        return (), None
    asked, broader = set(plan.condition_tags), set(plan.broader_tags)
    tags: dict[str, set[str]] = {nct_id: set() for nct_id in ids}
    for nct_id, tag in conn.execute(
        select(TAGS.c.nct_id, TAGS.c.tag).where(TAGS.c.nct_id.in_(ids), TAGS.c.tag.in_(asked | broader))
    ):
        tags[nct_id].add(tag)
    only_broader = tuple(nct_id for nct_id in ids if not tags[nct_id] & asked)
    shared: Optional[set[str]] = None
    for nct_id in only_broader:
        covered = {b for tag in tags[nct_id] for b in (tag, *lexicon.broader(tag))} & broader
        shared = covered if shared is None else shared & covered
    if not shared:
        return only_broader, None
    narrowest = max(plan.broader_tags, key=lambda tag: (tag in shared, len(lexicon.broader(tag))))
    return only_broader, lexicon.plain_name(narrowest)


def _tag_exists(tags: list[str]) -> ColumnElement:
    return exists().where(and_(TAGS.c.nct_id == TRIALS.c.nct_id, TAGS.c.tag.in_(tags)))


KM_PER_DEGREE = 111.2  # of latitude, and of longitude at the equator


def _near_filter(plan: _Plan, near: Near) -> None:
    """Sites within `near.within_km` (a box the index can use, then the circle), and the
    nearest site's squared distance for ordering. Distances here are in degrees of latitude on
    a flat map around the place (longitude scaled by the cosine of its latitude): close enough
    to rank and to cut at a few hundred km, and plain arithmetic on SQLite and PostgreSQL. The
    distances shown are computed exactly (bot.geo.distance_km)."""
    squeeze = max(math.cos(math.radians(near.latitude)), 0.05)
    squared = (SITES.c.latitude - near.latitude) * (SITES.c.latitude - near.latitude) + (
        (SITES.c.longitude - near.longitude) * squeeze
    ) * ((SITES.c.longitude - near.longitude) * squeeze)
    placed = SITES.c.latitude.isnot(None)
    if near.within_km is None:  # the nearest, however far: small databases only (the chat's widening)
        plan.nearness = select(func.min(squared)).where(SITES.c.nct_id == TRIALS.c.nct_id, placed).scalar_subquery()
        return
    # One pass over the sites in a box the (latitude, longitude) index reads, then the circle;
    # each trial once, with its nearest site's distance to order by.
    reach = near.within_km / KM_PER_DEGREE
    box = and_(
        SITES.c.latitude.between(near.latitude - reach, near.latitude + reach),
        SITES.c.longitude.between(near.longitude - reach / squeeze, near.longitude + reach / squeeze),
    )
    plan.near_sites = (
        select(SITES.c.nct_id, func.min(squared).label("nearness"))
        .where(placed, box, squared <= reach * reach)
        .group_by(SITES.c.nct_id)
        .subquery("near_sites")
    )
    plan.nearness = plan.near_sites.c.nearness


def _within(plan: _Plan) -> list[ColumnElement]:
    """The child-table filters: the first drives (IN), the others are checked per trial (EXISTS)."""
    ordered = sorted(plan.within, key=lambda item: item[0])
    return [
        TRIALS.c.nct_id.in_(select(table.c.nct_id).where(condition))
        if i == 0
        else exists().where(and_(table.c.nct_id == TRIALS.c.nct_id, condition))
        for i, (_, table, condition) in enumerate(ordered)
    ]


def _run(conn: Connection, fulltext: FullText, plan: _Plan, limit: int, offset: int, any_word: bool) -> _Found:
    source = TRIALS
    relevance = list(plan.relevance)
    params: dict = {}
    if plan.words or plan.required_words:
        sql, params = fulltext.match_sql(plan.words, any_word, plan.required_words)
        matches = text(sql).columns(nct_id=TRIALS.c.nct_id.type, score=Trial.min_age_years.type)
        matches = matches.subquery("fts")
        source = TRIALS.join(matches, matches.c.nct_id == TRIALS.c.nct_id)
        relevance.append(matches.c.score)
    if plan.near_sites is not None:
        source = source.join(plan.near_sites, plan.near_sites.c.nct_id == TRIALS.c.nct_id)
    where = and_(literal(True), *_within(plan), *plan.filters)
    # Open trials whose status was confirmed in the last year come before those it may have
    # changed for (bot.trials.freshness); near a place, the nearest come first.
    recent = case((TRIALS.c.status_as_of >= recent_cutoff(), 1), else_=0)
    ordering = [TRIALS.c.is_open.desc()]
    if plan.nearness is not None:  # "near Bristol": the nearest first, then as any search
        ordering.append(plan.nearness.asc().nullslast())
    ordering += [recent.desc(), *[r.desc() for r in relevance]]
    ordering += [TRIALS.c.last_update.desc().nullslast(), TRIALS.c.nct_id]
    # Only the ids: filtering and ordering then read indexes, not whole trial rows. When
    # something narrows the search, the total comes with the page (one pass over the candidates),
    # and so does the number about the condition named itself when broader ones count too.
    narrowed = bool(plan.words or plan.required_words or plan.within or plan.near_sites is not None)
    columns = [func.count().over().label("total")] if narrowed else []
    if plan.specific is not None:
        columns.append(func.sum(case((plan.specific, 1), else_=0)).over().label("specific"))
    page = (
        select(TRIALS.c.nct_id, *columns)
        .select_from(source)
        .where(where)
        .order_by(*ordering)
        .limit(limit)
        .offset(offset)
    )
    rows = conn.execute(page, params).all()
    specific_total = int(rows[0].specific) if rows and plan.specific is not None else None
    if offset == 0 and len(rows) < limit:
        total = len(rows)
        specific_total = specific_total if rows or plan.specific is None else 0
    elif narrowed and rows:
        total = rows[0].total
    else:
        total = conn.execute(select(func.count()).select_from(source).where(where), params).scalar_one()
    return _Found([row.nct_id for row in rows], total, specific_total)


def _summaries(conn: Connection, ids: list[str], near: Optional[Near] = None) -> list[TrialSummary]:
    if not ids:
        return []
    trials = {
        row.nct_id: row
        for row in conn.execute(
            select(TRIALS.c.nct_id, TRIALS.c.title, TRIALS.c.status, TRIALS.c.last_update, TRIALS.c.status_as_of).where(
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
    sites: dict[str, list] = {i: [] for i in ids}
    for site in conn.execute(
        select(SITES.c.nct_id, SITES.c.facility, SITES.c.city, SITES.c.country, SITES.c.latitude, SITES.c.longitude)
        .where(SITES.c.nct_id.in_(ids))
        .order_by(SITES.c.nct_id, SITES.c.position)
    ):
        if site.country:
            places[site.nct_id][0][site.country] = None
        if site.city:
            places[site.nct_id][1][site.city] = None
        sites[site.nct_id].append(site)
    return [
        TrialSummary(
            nct_id=row.nct_id,
            title=row.title,
            status=row.status,
            phases=tuple(phases[row.nct_id]),
            countries=tuple(places[row.nct_id][0]),
            cities=tuple(places[row.nct_id][1]),
            last_updated=row.last_update,
            status_as_of=row.status_as_of,
            nearest_site=nearest_site(sites[row.nct_id], near) if near else None,
        )
        for row in rows
    ]
