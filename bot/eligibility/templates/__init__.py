"""Whole-criterion templates: a recogniser for a common kind of criterion and a sentence in
our own plain words that keeps its every number, limit, negation, exception and scope.

A template is tried first; when none fits, the glossary rewrite does the work. Both go
through the guards (`bot.eligibility.guards`) before anyone sees them.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Callable, Optional

Words = Callable[[str], str]  # the glossary rewrite of a fragment ("hypertension" -> "high blood pressure")


@dataclass(frozen=True)
class Template:
    family: str
    pattern: re.Pattern  # must match the whole criterion, its end punctuation removed
    write: Callable[[re.Match, Words], str]


@dataclass(frozen=True)
class Written:
    family: str
    sentence: str


_END = re.compile(r"[\s.;,:]+$")


def templates() -> list[Template]:
    from bot.eligibility.templates import (
        age, allergy, brain, comply, consent, drug_interactions, heart, history, infection, labs, life, measurable,
        other_cancer, other_trial, performance, pregnancy, prior_treatment, qtc, uncontrolled,
    )

    return [
        *life.TEMPLATES, *performance.TEMPLATES, *measurable.TEMPLATES, *pregnancy.TEMPLATES, *age.TEMPLATES,
        *labs.TEMPLATES, *qtc.TEMPLATES, *consent.TEMPLATES, *allergy.TEMPLATES, *uncontrolled.TEMPLATES,
        *prior_treatment.TEMPLATES, *other_trial.TEMPLATES, *brain.TEMPLATES, *comply.TEMPLATES, *infection.TEMPLATES, *heart.TEMPLATES, *other_cancer.TEMPLATES,
        *drug_interactions.TEMPLATES, *history.TEMPLATES,
    ]


_ALL: list[Template] = []


def write_with_template(criterion: str, words: Words) -> Optional[Written]:
    """The criterion in a template's words, or None when no template fits it."""
    if not _ALL:
        _ALL.extend(templates())
    text = _END.sub("", " ".join(criterion.split()))
    for template in _ALL:
        found = template.pattern.fullmatch(text)
        if found:
            return Written(template.family, _sentence(template.write(found, words)))
    return None


def _sentence(text: str) -> str:
    text = " ".join(text.split())
    return text[:1].upper() + text[1:]
