"""When a search finds nothing, drop one wish at a time (open only, then the place, then the
phase, then the age group) until something is found, and say which were dropped: "No open
trial lists The Christie. Counting closed ones, I found 2." Never "try fewer words" when a
wider search would have found something."""
from __future__ import annotations

from dataclasses import dataclass, replace
from typing import Callable, Optional

from bot.trials.present import about_words, asked_for
from bot.trials.query import SearchPage, TrialQuery

Step = tuple[str, Callable[[TrialQuery], bool], Callable[[TrialQuery], TrialQuery]]  # words, has it, without it
_CLOSED_TOO: Step = ("counting closed trials too", lambda q: q.status == "open", lambda q: replace(q, status="all"))
_PLACE: Step = ("leaving out the place", lambda q: bool(q.country or q.city), lambda q: replace(q, country=None, city=None))
_PHASE: Step = ("leaving out the phase", lambda q: q.phase is not None, lambda q: replace(q, phase=None))
_AGE_GROUP: Step = ("leaving out the age group", lambda q: q.age_group is not None, lambda q: replace(q, age_group=None))


def _steps(query: TrialQuery) -> tuple[Step, ...]:
    """A patient is helped more by open trials elsewhere; a look-up of a named trial, sponsor or
    site by closed ones of that name first."""
    if query.acronym or query.sponsor or query.site:
        return (_CLOSED_TOO, _PLACE, _PHASE, _AGE_GROUP)
    return (_PLACE, _PHASE, _AGE_GROUP, _CLOSED_TOO)


@dataclass(frozen=True)
class Relaxed:
    page: SearchPage
    query: TrialQuery  # the search that found `page`
    dropped: tuple[str, ...]  # in words, in the order they were dropped


def search_relaxed(search: Callable[[TrialQuery], SearchPage], query: TrialQuery) -> Relaxed:
    """The first search that finds something, widening one step at a time. A name we do not
    know is never widened away: the answer says it is unknown instead."""
    page, dropped = search(query), []
    for words, has, without in _steps(query):
        if page.trials or page.unknown_terms:
            break
        if has(query):
            query = without(query)
            dropped.append(words)
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
