"""The profile as the pre-screen's answers: for checking trials, and for pre-filling its form so
it asks only what it does not know yet."""

from __future__ import annotations

from dataclasses import replace
from typing import Optional

from bot.eligibility.facts import TREATMENTS
from bot.lexicon import Lexicon, default_lexicon
from bot.prescreen.answers import Answers, Grade, fact_treatment_name
from bot.profile.model import Profile
from bot.tumour_terms import PERSON_SITES


def fact_treatments(profile: Profile, lexicon: Optional[Lexicon] = None) -> tuple[str, ...]:
    """Treatments had, as the criteria facts name them ("lanreotide" -> "somatostatin analogue")."""
    lexicon = lexicon or default_lexicon()
    names = {fact_treatment_name(lexicon, f"treatment:{t.id}") for t in profile.treatments}
    return tuple(name for name in TREATMENTS if name in names)


def prescreen_values(profile: Profile, lexicon: Optional[Lexicon] = None) -> dict[str, str]:
    """The `ps_` slot values the profile already answers, in the form's own formats."""
    values = {
        "ps_age": str(profile.age) if profile.age is not None else None,
        "ps_sex": profile.sex,
        "ps_site": profile.site if profile.site in PERSON_SITES else None,
        "ps_grade": Grade(profile.grades, profile.ki67).value if profile.grades else None,
        "ps_spread": {True: "yes", False: "no"}.get(profile.spread) if profile.spread is not None else None,
        "ps_functioning": profile.functioning,
        "ps_treatments": ", ".join(fact_treatments(profile, lexicon)) or None,
        "ps_place": profile.place.country,
    }
    return {slot: value for slot, value in values.items() if value}


def as_answers(profile: Profile, lexicon: Optional[Lexicon] = None) -> Answers:
    """The profile as the pre-screen's answers, through the form's own slot values (one
    mapping to keep). Treatments are "not known" unless some were named: a story that names
    none has not said there were none. A NEC with no grade said is grade 3 (every NEC is)."""
    # from_slots, not from_values, on purpose for now: it also drops a country outside the lexicon (issue 22 G6)
    answers = Answers.from_slots(prescreen_values(profile, lexicon))
    if not answers.grades and profile.tumour_type == "NEC":
        answers = replace(answers, grades=(3,))
    return answers
