"""How a trial's treatments are given, from the record's own words: "is it tablets or a drip?",
"does this one involve tablets?", "is it an injection?".

Each drug-like intervention's name and description (and the groups' lines) are searched for a
way of giving it (orally, capsule, intravenous, infusion, subcutaneous...), said in plain words
("by mouth", "as a drip into a vein"). A treatment whose record says nothing is said to be
unsaid, never guessed from what the drug usually is.
"""

from __future__ import annotations

import re
from typing import Optional

from bot.trials.query import Intervention, TrialDetail

_ROUTES: tuple[tuple[str, re.Pattern[str]], ...] = (
    ("by mouth", re.compile(r"\b(?:oral(?:ly)?|by\s+mouth|p\.?o\.?|tablets?|capsules?|pills?|per\s+os)\b", re.I)),
    ("as a drip into a vein", re.compile(r"\b(?:intravenous(?:ly)?|i\.?v\.?|infusions?|infused)\b", re.I)),
    (
        "as an injection under the skin",
        re.compile(r"\b(?:subcutaneous(?:ly)?|s\.?c\.?|sq|deep\s+subcutaneous)\b", re.I),
    ),
    ("as an injection into a muscle", re.compile(r"\b(?:intramuscular(?:ly)?|i\.?m\.?)\b", re.I)),
    (
        "into the liver's blood supply",
        re.compile(r"\b(?:intra-?arterial(?:ly)?|hepatic\s+arter\w*|embolis\w*|emboliz\w*)\b", re.I),
    ),
)
_FORM = re.compile(r"\b(tablets?|capsules?)\b", re.I)
_GIVEN_KINDS = {"DRUG", "BIOLOGICAL", "RADIATION", "COMBINATION_PRODUCT", "GENETIC", ""}


def routes_of(text: str) -> list[str]:
    """The ways of giving a text names, in plain words."""
    return [words for words, pattern in _ROUTES if pattern.search(text or "")]


def how_given(trial: TrialDetail) -> Optional[str]:
    """One line per drug-like treatment saying how the record says it is given; None when the
    record names no such treatment."""
    treatments = [
        i for i in trial.interventions if (i.kind or "").upper() in _GIVEN_KINDS and "placebo" not in i.name.lower()
    ]
    if not treatments:
        return None
    lines = [_line(treatment, trial) for treatment in treatments[:4]]
    return "How the record says each treatment is given:\n" + "\n".join(f"- {line}" for line in lines)


def _line(treatment: Intervention, trial: TrialDetail) -> str:
    own = " ".join(filter(None, [treatment.name, treatment.description]))
    arms = " ".join(a.description or "" for a in trial.arms if treatment.name.lower() in (a.description or "").lower())
    routes = routes_of(own) or routes_of(arms)
    if not routes:
        return f"{treatment.name}: the record does not say how it is given."
    form = _FORM.search(own) or _FORM.search(arms)
    shape = f" ({form.group(1).lower()})" if form and routes[0] == "by mouth" else ""
    return f"{treatment.name}: {' or '.join(routes)}{shape}."
