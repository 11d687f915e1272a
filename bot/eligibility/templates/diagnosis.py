"""A diagnosis confirmed in the lab: "Histologically or cytologically confirmed adenocarcinoma of the pancreas",
"Patients must have histologically confirmed non-small cell lung cancer (NSCLC)"."""

from __future__ import annotations

import re

from bot.eligibility.templates import Template, Words
from bot.eligibility.templates.parts import WHO, compile_full, registry_slot, with_notes

_HOW = {
    "histologically": "a lab test of tissue",
    "histologically or cytologically": "a lab test of tissue or cells",
    "cytologically or histologically": "a lab test of tissue or cells",
    "histologically and/or cytologically": "a lab test of tissue or cells",
    "histologically and cytologically": "lab tests of tissue and cells",
    "cytologically": "a lab test of cells",
    "pathologically": "a lab test",
}
_ADVERB = r"(?:histologically|histologically\s+(?:or|and/or|and)\s+cytologically|cytologically\s+or\s+histologically|cytologically|pathologically)"
# the illness, with no clause, condition or second requirement after it; short bracketed names allowed
_NOT_IN_ILLNESS = (
    r"\b(?:which|who|whom|that|whose|where|will|must|should|is|are|was|were|be|been|unless|except|if|without|but"
    r"|previously|treated|refractory|after|prior|following|eligible|allowed|required|by|per|according)\b"
)
_ILLNESS = rf"(?P<what>(?!{_NOT_IN_ILLNESS})[A-Za-z0-9](?:(?!{_NOT_IN_ILLNESS})(?:[^;:.()\[\]]|\([A-Za-z0-9'\- ]{{2,12}}\))){{2,110}})"


_ONE_TUMOUR = re.compile(r"^[^,]*\btumou?r$", re.I)
_DETERMINER = re.compile(r"^(?:a|an|the|any|one|some|your)\b", re.I)


def _confirmed(found: re.Match, words: Words) -> str:
    how = _HOW[" ".join(found.group("how").lower().split())]
    what, notes = registry_slot(found.group("what"))
    what = what if what[1:2].isupper() else what[:1].lower() + what[1:]
    if _ONE_TUMOUR.search(what) and not _DETERMINER.match(what):
        what = "a " + what  # "a solid tumour", but "breast cancer"
    return with_notes(f"{how[:1].upper() + how[1:]} has confirmed that you have {what}", notes)


TEMPLATES = [
    Template(
        "diagnosis confirmed by a lab test",
        compile_full(
            rf"(?:{WHO}?(?:must\s+have\s+|should\s+have\s+|with\s+|have\s+|has\s+)?)?(?:an?\s+)?(?P<how>{_ADVERB})\s+"
            rf"(?:confirmed|proven|documented|verified),?\s+(?:diagnosis\s+of\s+)?{_ILLNESS}"
        ),
        _confirmed,
    ),
]
