"""Rules kept elsewhere: "Other protocol-defined inclusion/exclusion criteria may apply",
"Additional criteria may apply", "Further exclusion criteria apply"."""

from __future__ import annotations

import re

from bot.eligibility.templates import Template, Words
from bot.eligibility.templates.parts import compile_full

_MORE = r"(?:other|additional|further|more)"
_DEFINED = r"(?:(?:study[- ]|protocol[- ]?)?(?:defined|specific)\s+)?"
_KIND = r"(?:(?:inclusion|exclusion|eligibility)(?:\s*/\s*|\s+and(?:/or)?\s+|\s+or\s+)?)*\s*"


def _more_rules(found: re.Match, words: Words) -> str:
    may = "may " if found.group("may") else ""
    return f"The study {'may have' if may else 'has'} other rules too, in its full plan."


TEMPLATES = [
    Template(
        "other rules in the study plan",
        compile_full(rf"(?:note\s*:\s*)?{_MORE}\s+{_DEFINED}{_KIND}criteria\s+(?P<may>may\s+)?apply"),
        _more_rules,
    ),
]


def _not_all(found: re.Match, words: Words) -> str:
    return "The list above may not hold every point that matters for taking part in the trial."


# A sponsor's closing note: "The above information is not intended to contain all considerations
# relevant to a patient's potential participation in a clinical trial."
TEMPLATES.append(
    Template(
        "other rules in the study plan",
        compile_full(
            r"the\s+above\s+information\s+(?:is|was)\s+not\s+intended\s+to\s+contain\s+all\s+considerations\s+relevant\s+to\s+"
            r"an?\s+(?:patient|participant|subject)'?s'?\s+potential\s+participation\s+in\s+(?:a|this)\s+clinical\s+(?:trial|study)"
        ),
        _not_all,
    )
)
