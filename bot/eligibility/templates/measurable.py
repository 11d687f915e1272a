"""Measurable disease: "At least one measurable lesion per RECIST 1.1", "Measurable disease"."""

from __future__ import annotations

import re

from bot.eligibility.templates import Template, Words
from bot.eligibility.templates.parts import LEAD, compile_full

_COUNT = r"(?P<count>at\s+least\s+one|one\s+or\s+more|≥\s*1|>=\s*1|at\s+least\s+1)\s+"
_WHAT = r"(?P<what>(?:radiologically\s+|radiographically\s+)?measurable\s+(?P<noun>disease|lesions?|tumou?rs?|sites?\s+of\s+disease))"
_RECIST = (
    r"(?:,?\s+(?:as\s+defined\s+by|according\s+to|per|by|using|based\s+on|as\s+per|defined\s+by|as\s+assessed\s+by)\s+"
    r"(?:the\s+)?(?:(?:modified\s+)?Response\s+Evaluation\s+Criteria\s+in\s+Solid\s+Tumou?rs\s*)?\(?RECIST\)?"
    r"(?:\s*(?:v|version|criteria\s+version|guidelines?\s+version)?\.?\s*(?P<version>1\.[01]))?(?:\s+(?:criteria|guidelines))?)?"
)
_EXPLAIN = "RECIST is a set of rules doctors use to measure tumours on scans."
_COUNT_WORDS = {"at least one": "at least one", "one or more": "one or more"}


def _measurable(found: re.Match, words: Words) -> str:
    count = found.group("count")
    if count:
        count = _COUNT_WORDS.get(" ".join(count.lower().split()), "at least 1")
        subject = f"You have {count} tumour that can be measured on scans"
        if count == "one or more":
            subject = "You have one or more tumours that can be measured on scans"
    else:
        plural = found.group("noun").lower().endswith("s") and not found.group("noun").lower().startswith("site")
        subject = (
            "You have tumours that can be measured on scans"
            if plural
            else "You have cancer that can be measured on scans"
        )
    recist = ""
    if "recist" in found.group().lower():
        version = found.group("version")
        recist = (
            f", using the RECIST {version} rules. {_EXPLAIN}" if version else f", using the RECIST rules. {_EXPLAIN}"
        )
    return subject + (recist or ".")


TEMPLATES = [
    Template("measurable disease", compile_full(rf"{LEAD}(?:{_COUNT})?{_WHAT}{_RECIST}"), _measurable),
]
