"""The profile as the pre-screen's answers: for checking trials, and for pre-filling its form so
it asks only what it does not know yet."""
from __future__ import annotations

from typing import Optional

from bot.eligibility.facts import TREATMENTS
from bot.lexicon import Lexicon, default_lexicon
from bot.prescreen.answers import PERSON_SITES, Answers, Grade, fact_treatment_name
from bot.profile.model import Profile


def fact_treatments(profile: Profile, lexicon: Optional[Lexicon] = None) -> tuple[str, ...]:
    """Treatments had, as the criteria facts name them ("lanreotide" -> "somatostatin analogue")."""
    lexicon = lexicon or default_lexicon()
    names = {fact_treatment_name(lexicon, f"treatment:{t.id}") for t in profile.treatments}
    return tuple(name for name in TREATMENTS if name in names)


def as_answers(profile: Profile, lexicon: Optional[Lexicon] = None) -> Answers:
    """Treatments are "not known" (None) unless some were named: a story that names none has
    not said there were none."""
    treatments = fact_treatments(profile, lexicon)
    return Answers(
        age=profile.age,
        sex=profile.sex,
        site=profile.site if profile.site in PERSON_SITES else None,
        grades=profile.grades or ((3,) if profile.tumour_type == "NEC" else ()),  # every NEC is grade 3
        ki67=profile.ki67,
        spread=profile.spread,
        functioning=profile.functioning,
        treatments=treatments or None,
        place=profile.place.country,
    )


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
