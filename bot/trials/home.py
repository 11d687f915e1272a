"""Where a trial that lists no places most likely runs: its sponsor's town.

Compiled records sometimes have no location list although the sponsor's name says where the
trial is run from ("Lund University Hospital"). Used only to rank such a trial by distance
beside trials that list their places; it is never shown as a place of the trial.
"""

from __future__ import annotations

from functools import lru_cache
from typing import Optional

from bot.geo import find_place
from bot.trials.lookup import GENERIC_WORDS, NAME_STOPWORDS
from bot.trials.query import Site, TrialDetail

_PLACE_KINDS = ("city", "region", "country")
MIN_PLACE_WORD = 4  # shorter capitalised words in a name are initials more often than towns


def sponsor_home(trial: TrialDetail) -> Optional[Site]:
    """A site at the town, region or country the sponsor's name gives, for a record with no
    places; None when it lists places or the name gives none."""
    if trial.sites or not trial.sponsor:
        return None
    return _home_of(trial.sponsor)


@lru_cache(maxsize=256)
def _home_of(sponsor: str) -> Optional[Site]:
    for word in sponsor.replace(",", " ").split():
        if not _may_be_a_place(word):
            continue
        place = find_place(word, fuzzy=False)
        if place is not None and place.kind in _PLACE_KINDS:
            city = place.name if place.kind == "city" else None
            return Site(
                facility=sponsor,
                city=city,
                state=place.state,
                country=place.country,
                status=None,
                latitude=place.lat,
                longitude=place.lon,
            )
    return None


def _may_be_a_place(word: str) -> bool:
    """A capitalised word that is not a generic word of names ("University", "Hospital")."""
    lower = word.lower()
    return (
        word[:1].isupper()
        and len(word) >= MIN_PLACE_WORD
        and word.isalpha()
        and lower not in GENERIC_WORDS
        and lower not in NAME_STOPWORDS
    )
