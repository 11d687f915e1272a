"""The judge's verdicts in plain words for people: which topic a field is, and why a criterion
does not fit what they said. Short sentences; never says who can join."""

from __future__ import annotations

from typing import Iterable, Optional

from bot.eligibility.judge import Judged
from bot.eligibility.logic import EXCLUDES, REQUIRES

TOPIC_OF = {
    "age": "age",
    "sex": "sex",
    "site": "where it started",
    "grade": "grade",
    "ki67": "Ki-67",
    "differentiation": "kind of tumour",
    "spread": "spread",
    "resectable": "surgery",
    "functioning": "hormones",
    "syndrome": "hormones",
    "men1": "inherited condition",
    "vhl": "inherited condition",
    "treatments": "past treatment limits",
}
FIELDS_OF_TOPIC: dict[str, tuple[str, ...]] = {}
for _field, _topic in TOPIC_OF.items():
    FIELDS_OF_TOPIC[_topic] = (*FIELDS_OF_TOPIC.get(_topic, ()), _field)
FIELDS_OF_TOPIC["past treatment needed"] = ("treatments",)
GENERIC_MISMATCH = "One of its rules does not fit what you said. The trial team can explain it."

_TREATMENT_WORDS = {
    "PRRT": "PRRT (radioactive treatment)",
    "somatostatin analogue": "a somatostatin analogue (like lanreotide)",
    "everolimus": "everolimus (an mTOR inhibitor)",
    "sunitinib": "sunitinib",
    "targeted therapy": "a targeted drug",
}


def _names(kinds: Iterable[str]) -> str:
    names = [_TREATMENT_WORDS.get(k, k) for k in sorted(kinds)]
    return names[0] if len(names) == 1 else ", ".join(names[:-1]) + " or " + names[-1]


def mismatch_reason(check: Judged) -> str:
    """Why a criterion does not fit: from what was read of it, else a plain pointer to it."""
    return specific_mismatch_reason(check) or GENERIC_MISMATCH


def specific_mismatch_reason(check: Judged) -> Optional[str]:
    """Why a criterion does not fit, from what was read of it; None when only the pointer fits."""
    fact = check.facts[0] if check.facts else None
    if check.field == "treatments" and fact is not None and fact.treatments & {"lines", "lines of chemotherapy"}:
        what = "chemotherapy treatments" if "lines of chemotherapy" in fact.treatments else "cancer treatments"
        if fact.mode == EXCLUDES and fact.low is not None:
            return f"It rules out people who have had more than {fact.low:g} {what}."
        if fact.high is not None:
            return f"It is for people who have had at most {fact.high:g} {what}."
        if fact.low is not None:
            return f"It is for people who have had at least {fact.low:g} {what}."
    if check.field == "treatments" and fact is not None and fact.treatments:
        if fact.mode == EXCLUDES:
            return f"It rules out people who have had {_names(fact.treatments)}."
        if fact.mode == REQUIRES:
            return f"It asks for people who have had {_names(fact.treatments)} before."
    if check.field == "differentiation" and fact is not None:
        nec = "NEC" in fact.values
        if (fact.mode == REQUIRES) == nec:
            return "It is for NEC, a faster-growing kind of tumour. You said yours is a NET."
        return "It is for well-differentiated NETs. You said yours is a NEC."
    if check.field in ("men1", "vhl") and fact is not None:
        name = "MEN1" if check.field == "men1" else "VHL"
        return f"It is for people with {name}." if fact.mode == REQUIRES else f"It rules out people with {name}."
    if check.field == "resectable" and fact is not None:
        return (
            "It is for NETs that cannot be taken out by surgery."
            if fact.flag is False
            else "It is for NETs that can be taken out by surgery."
        )
    return None
