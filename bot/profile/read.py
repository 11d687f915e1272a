"""One message -> what it tells us about the person; a conversation's profile, updated by it.

    profile = Profile.from_dict(slot_value)
    profile = update(profile, "sorry, she's 68 not 58")

Everything here is our own rules over the lexicon (no network, no Rasa), fast enough for every
message (docs/benchmarks.md). A story is read in full; only the first MAX_CHARS characters of a
very long one count.
"""
from __future__ import annotations

import re
from dataclasses import replace
from functools import lru_cache
from typing import Optional

from bot.lexicon import Lexicon, default_lexicon
from bot.profile.model import Lookup, Profile, Wants
from bot.profile.person import read_person
from bot.profile.place import read_place
from bot.profile.treatments import named_ids, read_treatments, treatment_group
from bot.profile.tumour import read_tumour
from bot.profile.wishes import read_age_group, read_status
from bot.profile.wording import readable
from bot.trials.nct import find_nct_candidate
from bot.trials.understand import phase_number, refers_back

_NOT_TREATMENTS_HAD = {"scan_tracer"}  # a scan is a test, not a treatment had


def read_message(text: Optional[str], lexicon: Optional[Lexicon] = None) -> Profile:
    """What one message says; an empty profile for an empty or unreadable one."""
    return _read(text or "", lexicon or default_lexicon())


# One message is read by several steps of one turn (the slot mappings, the search, the
# understanding of an unplaced message): read once, shared (a Profile cannot be changed).
@lru_cache(maxsize=64)
def _read(text: str, lexicon: Lexicon) -> Profile:
    plain = readable(text)
    if not plain.strip():
        return Profile()
    person = read_person(plain)
    treatments = read_treatments(plain, lexicon)
    had = tuple(t for t in treatments.had if treatment_group(lexicon, t.id) not in _NOT_TREATMENTS_HAD)
    return replace(
        read_tumour(plain),
        about=person.about,
        age=person.age,
        sex=person.sex,
        treatments=had,
        wants=Wants(
            treatment=treatments.wanted,
            avoid=treatments.avoided,
            phase=phase_number(plain),
            status=read_status(plain),
            age_group=read_age_group(plain),
        ),
        place=read_place(plain, lexicon),
        lookup=Lookup(nct_id=find_nct_candidate(plain)),
        topic=(named_ids(plain, lexicon) or (None,))[-1],
    )


def update(profile: Profile, text: Optional[str], lexicon: Optional[Lexicon] = None) -> Profile:
    """The profile after one more message."""
    return profile.merged(read_message(text, lexicon))


_TRIALS_OF_IT = re.compile(r"\b(?:trials?|studies|study)\s+(?:of|for|with|on|using|testing|into)\s+(?:it|them|this|that|these|those)\b", re.I)
_SHORT = 10  # words: "any trials of it?", "is that on the NHS?"


def _points_back(text: str) -> bool:
    """ "Is there a trial of it in the UK?", or a short follow-up that says "it"; not a story
    that happens to say "its" ("its in his lymph nodes")."""
    return bool(_TRIALS_OF_IT.search(text)) or (len(text.split()) <= _SHORT and refers_back(text))


def for_search(profile: Profile, text: Optional[str], lexicon: Optional[Lexicon] = None) -> Profile:
    """The conversation's profile as one message searches with it: that message's wishes (if
    any) in place of older ones ("what about immunotherapy?" after a PRRT search), the topic
    when it points back ("is there a trial of it?"), and its look-up names only."""
    latest = read_message(text, lexicon)
    wanted = latest.wants.treatment
    if not wanted and profile.topic and _points_back(text or ""):
        wanted = (profile.topic,)
    if wanted:
        profile = replace(profile, wants=replace(profile.wants, treatment=wanted))
    return replace(profile, lookup=latest.lookup)


