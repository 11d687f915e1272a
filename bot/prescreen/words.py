"""The pre-screen's small pieces of wording, shared by the checklist, its messages and the
places a trial runs: a list in words, grades, countries, and where a trial runs."""

from __future__ import annotations

from typing import Iterable, Optional

from bot.geo import gazetteer
from bot.geo.countries import spoken_name
from bot.lexicon import Lexicon, default_lexicon
from bot.trials.query import TrialDetail
from bot.tumour_terms import grade_number


def words_list(items: Iterable[str], joiner: str = "and") -> str:
    items = list(items)
    return items[0] if len(items) == 1 else ", ".join(items[:-1]) + f" {joiner} " + items[-1] if items else ""


def grade_words(grades: Iterable[int | str]) -> str:
    return "grade " + words_list([str(grade_number(g)) for g in grades], "or")


def country_name(code: str, lexicon: Optional[Lexicon] = None) -> str:
    """The name ClinicalTrials.gov uses for a country code ("GB" -> "United Kingdom")."""
    lexicon = lexicon or default_lexicon()
    known = next((p.name for p in lexicon.places if p.code == code), None)
    return known or gazetteer().countries.name(code)  # a country no trial runs in ("CO" -> "Colombia")


_WITH_THE = ("United ", "Netherlands", "Czech Republic", "Philippines", "Republic of")


def country_words(name: str) -> str:
    """A country's name as it reads in a sentence: "the United Kingdom", "France", "South Korea"."""
    name = spoken_name(name)
    return f"the {name}" if name.startswith(_WITH_THE) else name


def where_words(trial: TrialDetail, most: int = 3) -> str:
    """ "France, Spain and the United Kingdom", or the cities when no country is given."""
    names = [country_words(c) for c in trial.countries] or list(dict.fromkeys(s.city for s in trial.sites if s.city))
    return words_list(names[:most]) + (" and more" if len(names) > most else "") if names else ""
