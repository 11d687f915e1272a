"""When a search finds nothing, drop one wish at a time until something is found, and say which
were dropped: "I found no open trials at The Christie. Counting closed trials too, I found 1."
Never "try fewer words" when a wider search would have found something. The steps and their
words are shared by the keyword search (`keyword_steps`) and the fitting search
(bot/profile/fit.py), which orders them its own way."""

from __future__ import annotations

from dataclasses import dataclass, replace
from typing import Callable, Optional

from bot.geo import find_place
from bot.trials.nearby import near
from bot.trials.present import about_words, asked_for
from bot.trials.query import SearchPage, TrialQuery


@dataclass(frozen=True)
class Step:
    words: str  # what dropping it means, in plain words
    has: Callable[[TrialQuery], bool]
    without: Callable[[TrialQuery], TrialQuery]
    done: str = ""  # the same, said as done ("left out the place"), for a widening of several steps


CLOSED_TOO = Step(
    "counting closed trials too",
    lambda q: q.status == "open",
    lambda q: replace(q, status="all"),
    "counted closed trials too",
)
PLACE = Step(
    "leaving out the place",
    lambda q: bool(q.country or q.city or q.near),
    lambda q: replace(q, country=None, city=None, near=None),
    "left out the place",
)


def _around_the_country(query: TrialQuery) -> TrialQuery:
    """ "Any trials in Norway?" with none there: the nearest ones abroad, nearest first (from the
    country's capital), before every trial in the world."""
    place = find_place(query.country or "", fuzzy=False)
    if place is None or place.kind != "country":
        return query
    return replace(query, country=None, near=near(place, None))


NEIGHBOURS = Step(
    "looking in the nearest countries",
    lambda q: bool(q.country and not q.near and not q.city) and _around_the_country(q) != q,
    _around_the_country,
    "looked in the nearest countries",
)
# "Nothing within 100 km of Leeds": the nearest ones, however far (nearest first).
FARTHER = Step(
    "looking further away",
    lambda q: bool(q.near and q.near.within_km is not None),
    lambda q: replace(q, near=replace(q.near, within_km=None)) if q.near else q,
    "looked further away",
)
PHASE = Step(
    "leaving out the phase", lambda q: q.phase is not None, lambda q: replace(q, phase=None), "left out the phase"
)
AGE_GROUP = Step(
    "leaving out the age group",
    lambda q: q.age_group is not None,
    lambda q: replace(q, age_group=None),
    "left out the age group",
)
TREATMENT = Step(
    "leaving out the kind of treatment",
    lambda q: q.treatment is not None,
    lambda q: replace(q, treatment=None),
    "left out the kind of treatment",
)
_DONE = {step.words: step.done for step in (CLOSED_TOO, PLACE, NEIGHBOURS, FARTHER, PHASE, AGE_GROUP, TREATMENT)}


def names_trials(query: TrialQuery) -> bool:
    return bool(query.acronym or query.sponsor or query.site)


def keyword_steps(query: TrialQuery) -> tuple[Step, ...]:
    """A patient is helped more by open trials elsewhere; a look-up of a named trial, sponsor or
    site by closed ones of that name first. The words asked for are never dropped."""
    if names_trials(query):
        return (CLOSED_TOO, FARTHER, PLACE, PHASE, AGE_GROUP)
    if query.phase is not None:  # "surufatinib phase 3 trials": the phase was asked for, "open" was not
        return (FARTHER, NEIGHBOURS, PLACE, CLOSED_TOO, PHASE, AGE_GROUP)
    return (FARTHER, NEIGHBOURS, PLACE, PHASE, AGE_GROUP, CLOSED_TOO)


@dataclass(frozen=True)
class Relaxed:
    page: SearchPage
    query: TrialQuery  # the search that found `page`
    dropped: tuple[str, ...]  # in words, in the order they were dropped


def search_relaxed(
    search: Callable[[TrialQuery], SearchPage], query: TrialQuery, steps: Optional[tuple[Step, ...]] = None
) -> Relaxed:
    """The first search that finds something, widening one step at a time (`steps`, by default
    `keyword_steps`). A name we do not know is never widened away: the answer says it is
    unknown instead."""
    page, dropped = search(query), []
    for step in steps if steps is not None else keyword_steps(query):
        if page.trials or page.unknown_terms:
            break
        if step.has(query):
            query = step.without(query)
            dropped.append(step.words)
            page = search(query)
    return Relaxed(page, query, tuple(dropped))


def relaxed_heading(asked: TrialQuery, relaxed: Relaxed) -> Optional[str]:
    """ "I found no open trials at The Christie. Counting closed trials too, I found 2. Here
    are 1 to 2." None when nothing had to be dropped."""
    if not relaxed.dropped or not relaxed.page.trials:
        return None
    page = relaxed.page
    kind = "open trials" if asked.status == "open" else "trials"
    found = f"{page.total} trial" + ("" if page.total == 1 else "s")
    here = f" Here are {page.offset + 1} to {page.offset + len(page.trials)}." if page.total > 1 else ""
    return f"I found no {kind}{about_words(asked_for(asked))}. {found_after(relaxed.dropped, found)}{here}"


def found_after(dropped: tuple[str, ...], found: str) -> str:
    """ "Leaving out the place, I found 3 trials." for one step; for several, one long gerund
    line is hard to follow: "So I looked further away and left out the place. That found 3 trials." """
    if len(dropped) == 1:
        return f"{dropped[0][:1].upper() + dropped[0][1:]}, I found {found}."
    done = [_DONE.get(step, step) for step in dropped]
    return f"So I {', '.join(done[:-1])} and {done[-1]}. That found {found}."
