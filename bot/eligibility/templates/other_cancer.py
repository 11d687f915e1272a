"""Another cancer: "Other malignancy within 5 years, except basal cell carcinoma", "Second primary cancer"."""

from __future__ import annotations

import re

from bot.eligibility.templates import Template, Words
from bot.eligibility.templates.parts import NUMBER, TIME_UNIT, WHO, compile_full

_CANCER = r"(?:malignanc(?:y|ies)|cancers?|malignant\s+(?:disease|tumou?rs?|neoplasms?)|primary\s+(?:malignancy|cancer|tumou?r))"
_WITHIN = (
    rf"(?P<within>within|in\s+the\s+(?:last|past)|within\s+the\s+(?:last|past|previous))\s+(?P<n>{NUMBER})\s*(?P<unit>{TIME_UNIT})"
    r"(?P<before>\s+(?:before|prior\s+to|of)\s+[a-z][^;,()]{2,60})?"
)
_EXCEPT = (
    r"(?:\s*[,;(]?\s*(?P<except>except(?:\s+for)?|other\s+than|excluding|with\s+the\s+exception\s+of|apart\s+from)\s+"
    r"(?P<exceptions>[^;()]{3,200}?)\)?)?"
)


def _other_cancer(found: re.Match, words: Words) -> str:
    when = ""
    if found.group("n"):
        within = " ".join(found.group("within").lower().split())
        before = " " + words(found.group("before").strip()) if found.group("before") else ""
        when = f" {within} {found.group('n')} {found.group('unit')}{before}"
    exceptions = ""
    if found.group("except"):
        exceptions = f", except {words(found.group('exceptions'))}"
        if found.group("except").lower().startswith("other"):
            exceptions = f", other than {words(found.group('exceptions'))}"
    had = "have another active" if found.group("active") else "have had another"
    return f"You {had} cancer{when}{exceptions}."


TEMPLATES = [
    Template(
        "another cancer",
        compile_full(
            rf"(?:{WHO}?(?:with\s+)?)?(?:(?:a\s+)?(?:history\s+of|diagnosis\s+of|prior|previous)\s+)?(?:(?:any|an?)\s+)?"
            rf"(?:(?:other|another|second|additional|concurrent)\s+)(?P<active>active\s+)?(?:(?:invasive|primary)\s+)?{_CANCER}"
            rf"(?:\s+(?:diagnosed|treated))?(?:\s+{_WITHIN})?{_EXCEPT}"
        ),
        _other_cancer,
    ),
]
