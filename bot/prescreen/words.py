"""The pre-screen's small pieces of wording, shared by the checklist and its messages: grades,
and where a trial runs in one line."""

from __future__ import annotations

from typing import Iterable

from bot.geo.country_words import country_words
from bot.trials.query import TrialDetail
from bot.tumour_terms import grade_number
from bot.words_list import words_list


def grade_words(grades: Iterable[int | str]) -> str:
    return "grade " + words_list([str(grade_number(g)) for g in grades], "or")


def where_words(trial: TrialDetail, most: int = 3) -> str:
    """ "France, Spain and the United Kingdom", or the cities when no country is given."""
    names = [country_words(c) for c in trial.countries] or list(dict.fromkeys(s.city for s in trial.sites if s.city))
    return words_list(names[:most]) + (" and more" if len(names) > most else "") if names else ""
