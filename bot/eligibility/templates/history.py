"""Past illness and treatment: "History of stroke", "Known history of HIV", "Prior treatment with X"."""

from __future__ import annotations

import re

from bot.eligibility.templates import Template, Words
from bot.eligibility.templates.parts import WHO, compile_full

# one thing, with no list, aside or time limit the template could misread
_SHORT = r"(?P<what>(?!.*\b(?:within|during|prior|before|after|since|until|unless|except|in\s+the\s+(?:last|past))\b)[A-Za-z0-9][^,;:()\[\]]{2,60})"


# who has the history: "Patients with", "Has", "Subject has", "Patients who have"
_HAS = rf"(?:{WHO}?(?:with\s+|who\s+(?:has|have)\s+|(?:has|have)\s+)?)?"

# illnesses one has "a" of: "You have had a stroke", but "You have had diabetes"
_COUNTABLE = (
    "stroke",
    "heart attack",
    "transplant",
    "seizure",
    "blood clot",
    "reaction",
    "fracture",
    "bleed",
    "operation",
    "hole in the gut",
)
_DETERMINER = re.compile(r"^(?:a|an|the|any|some|one|two|more|several|multiple|other)\b", re.I)


def _history(found: re.Match, words: Words) -> str:
    had = "You are known to have had" if found.group("known") else "You have had"
    what = _lower_first(words(found.group("what")))
    if what.lower().endswith(_COUNTABLE) and not _DETERMINER.match(what):
        what = ("an " if what[:1].lower() in "aeiou" else "a ") + what
    return f"{had} {what}."


def _prior_treatment(found: re.Match, words: Words) -> str:
    return f"You have had treatment with {_lower_first(words(found.group('what')))} in the past."


def _lower_first(text: str) -> str:
    """ "Stroke" mid-sentence is "stroke"; "HIV" and "Crohn's disease" keep their capitals."""
    first = text.split(" ", 1)[0]
    return (
        text if first[1:2].isupper() or first[1:].lower() != first[1:] or "'" in first else text[:1].lower() + text[1:]
    )


TEMPLATES = [
    Template(
        "history of an illness",
        compile_full(
            rf"{_HAS}(?:a\s+|any\s+)?(?P<known>known\s+|documented\s+)?(?:(?:prior|previous|past)\s+)?(?:medical\s+)?history\s+of\s+{_SHORT}"
        ),
        _history,
    ),
    Template(
        "earlier treatment",
        compile_full(rf"(?:{WHO}?(?:with\s+)?)?(?:prior|previous)\s+(?:treatment|therapy)\s+with\s+{_SHORT}"),
        _prior_treatment,
    ),
]
