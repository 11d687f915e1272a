"""Another trial: "Participation in another clinical trial within 30 days before enrolment",
"Patients may not be receiving any other investigational agents"."""

from __future__ import annotations

import re

from bot.eligibility.templates import Template, Words
from bot.eligibility.templates.parts import NUMBER, TIME_UNIT, WHEN, WHO, compile_full, when_words, words_after

_WHICH = r"(?P<which>another|any\s+other|an(?:other)?|any)\s+"
_KIND = r"(?:(?:clinical|interventional|investigational|therapeutic)\s+)*(?:trial|study)"
_WITH = r"(?P<with>\s+(?:with|of|involving|using)\s+(?:an?\s+)?investigational\s+(?:drug|agent|product|medicinal\s+product|device|treatment)s?)?"
_WHEN = (
    rf"(?:\s+(?P<within>within|in\s+the\s+(?:last|past)|during\s+the\s+(?:last|past))\s+(?P<n>{NUMBER})\s*(?P<unit>{TIME_UNIT})"
    r"(?P<before>\s+(?:before|prior\s+to|of|from)\s+[a-z][^;,()]{2,80})?)?"
)


def _other_trial(found: re.Match, words: Words) -> str:
    which = " ".join(found.group("which").lower().split())
    which = "another" if which in ("an", "another") else which
    with_ = (
        " of a study drug or device"
        if found.group("with") and "device" in found.group("with").lower()
        else " of a study drug"
        if found.group("with")
        else ""
    )
    if not found.group("n"):
        return f"You are taking part in {which} trial{with_}."
    before = words_after(words, found.group("before"))
    within = " ".join(found.group("within").lower().split())
    return f"You took part in {which} trial{with_} {within} {found.group('n')} {found.group('unit')}{before}."


def _other_study_drugs(found: re.Match, words: Words) -> str:
    any_ = "any " if found.group("any") else ""
    drugs = f"{any_}other study drugs{' or treatments' if found.group('therapy') else ''}"
    if found.group("n"):
        return f"You used {drugs}{when_words(found, words)}."
    return f"You are {'not ' if found.group('negated') else ''}taking {drugs}."


_STUDY_DRUGS = (
    r"(?P<any>any\s+)?other\s+(?:investigational|experimental|study)\s+(?:agents?|drugs?|medications?|medicines?|products?)"
    r"(?P<therapy>\s+or\s+(?:therap(?:y|ies)|treatments?))?"
)
TEMPLATES = [
    Template(
        "another trial",
        compile_full(
            rf"(?:{WHO}?(?:who\s+are\s+|are\s+|is\s+)?(?P<negated>(?:may|must|should)\s+not\s+be\s+|not\s+)?(?:currently\s+)?)?"
            rf"(?:receiving|taking|using|use\s+of)\s+{_STUDY_DRUGS}(?:\s+{WHEN})?"
        ),
        _other_study_drugs,
    ),
    Template(
        "another trial",
        compile_full(
            rf"(?:{WHO}?(?:who\s+(?:have|has)\s+)?)?(?:(?:current|concurrent|previous|prior|recent)\s+)?(?:participation|participating|enrol(?:l)?ment|taking\s+part)"
            rf"\s+in\s+{_WHICH}{_KIND}{_WITH}{_WHEN}"
        ),
        _other_trial,
    ),
]
