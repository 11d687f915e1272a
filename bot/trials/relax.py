"""When a search finds nothing, drop one wish at a time until something is found, and say which
were dropped: "I found no open trials at The Christie. Counting closed trials too, I found 1."
Never "try fewer words" when a wider search would have found something. The steps and their
words are shared by the keyword search (`keyword_steps`) and the fitting search
(bot/profile/fit.py), which orders them its own way."""
from __future__ import annotations

from dataclasses import dataclass, replace
from typing import Callable, Optional

from bot.trials.present import about_words, asked_for
from bot.trials.query import SearchPage, TrialQuery

@dataclass(frozen=True)
class Step:
    words: str  # what dropping it means, in plain words
    has: Callable[[TrialQuery], bool]
    without: Callable[[TrialQuery], TrialQuery]


CLOSED_TOO = Step("counting closed trials too", lambda q: q.status == "open", lambda q: replace(q, status="all"))
PLACE = Step("leaving out the place", lambda q: bool(q.country or q.city or q.near),
             lambda q: replace(q, country=None, city=None, near=None))
# "Nothing within 100 km of Leeds": the nearest ones, however far (nearest first).
FARTHER = Step("looking further away", lambda q: bool(q.near and q.near.within_km is not None),
               lambda q: replace(q, near=replace(q.near, within_km=None)) if q.near else q)
PHASE = Step("leaving out the phase", lambda q: q.phase is not None, lambda q: replace(q, phase=None))
AGE_GROUP = Step("leaving out the age group", lambda q: q.age_group is not None, lambda q: replace(q, age_group=None))
TREATMENT = Step("leaving out the kind of treatment", lambda q: q.treatment is not None, lambda q: replace(q, treatment=None))


def names_trials(query: TrialQuery) -> bool:
    return bool(query.acronym or query.sponsor or query.site)


def keyword_steps(query: TrialQuery) -> tuple[Step, ...]:
    """A patient is helped more by open trials elsewhere; a look-up of a named trial, sponsor or
    site by closed ones of that name first. The words asked for are never dropped."""
    if names_trials(query):
        return (CLOSED_TOO, FARTHER, PLACE, PHASE, AGE_GROUP)
    return (FARTHER, PLACE, PHASE, AGE_GROUP, CLOSED_TOO)


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
    steps = " and ".join(relaxed.dropped)
    found = f"{page.total} trial" + ("" if page.total == 1 else "s")
    here = f" Here are {page.offset + 1} to {page.offset + len(page.trials)}." if page.total > 1 else ""
    return f"I found no {kind}{about_words(asked_for(asked))}. {steps[:1].upper() + steps[1:]}, I found {found}.{here}"
