"""A country in our sentences: the record's name for a country code, and the name as it reads
in a sentence ("the United Kingdom"). Shared by the trials, the pre-screen, the profile and the search."""

from __future__ import annotations

from typing import Optional

from bot.geo.countries import spoken_name
from bot.geo.gazetteer import gazetteer
from bot.lexicon import Lexicon, default_lexicon


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
