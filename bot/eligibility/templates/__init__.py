"""Whole-criterion templates: a recogniser for a common kind of criterion and a sentence in
our own plain words that keeps its every number, limit, negation, exception and scope.

A template writes the criterion as one sentence, then any explanation of its terms as
sentences of their own ("Your QTc is at most 470 ms. The QTc is ..."): the first is the
criterion, the others are shown beneath it (`Written.notes`).

A template may refuse a criterion its pattern matched by writing nothing (`about_you`: a rest that could not
follow "you"); the next template is tried.

A template is tried first; when none fits, the registry's own words are shown, with only safe
swaps (`bot.eligibility.registry_words`). Both go through the guards (`bot.eligibility.guards`)
before anyone sees them.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Callable, Optional

from bot.eligibility.guards.language import split_sentences
from bot.eligibility.templates.parts import NOTES_AFTER

Words = Callable[[str], str]  # the glossary rewrite of a fragment ("hypertension" -> "high blood pressure")


@dataclass(frozen=True)
class Template:
    family: str
    pattern: re.Pattern  # must match the whole criterion, its end punctuation removed
    # the sentence, then its notes (`parts.with_notes` puts them on a line of their own)
    write: Callable[[re.Match, Words], str]
    lead_in: bool = True  # may write an item ending in ":" (False: it heads a list, "Prior therapy:")


@dataclass(frozen=True)
class Written:
    family: str
    sentence: str  # the criterion
    notes: tuple[str, ...] = ()  # the template's own explanations of its terms


_END = re.compile(r"[\s.;,:]+$")
_BULLET = re.compile(r"^[•·*]\s*")  # a bullet the splitter left on the item


def templates() -> list[Template]:
    from bot.eligibility.templates import (
        about_you,
        age,
        allergy,
        bmi,
        brain,
        comply,
        consent,
        diagnosis,
        drug_interactions,
        heart,
        heart_pump,
        history,
        infection,
        labs,
        life,
        measurable,
        measure,
        medicine_use,
        more_rules,
        other_cancer,
        other_trial,
        performance,
        pregnancy,
        prior_treatment,
        qtc,
        uncontrolled,
    )

    return [
        *life.TEMPLATES,
        *performance.TEMPLATES,
        *measurable.TEMPLATES,
        *pregnancy.TEMPLATES,
        *age.TEMPLATES,
        *labs.TEMPLATES,
        *qtc.TEMPLATES,
        *consent.TEMPLATES,
        *allergy.TEMPLATES,
        *uncontrolled.TEMPLATES,
        *prior_treatment.TEMPLATES,
        *other_trial.TEMPLATES,
        *brain.TEMPLATES,
        *comply.TEMPLATES,
        *infection.TEMPLATES,
        *heart.TEMPLATES,
        *heart_pump.TEMPLATES,
        *other_cancer.TEMPLATES,
        *drug_interactions.TEMPLATES,
        *medicine_use.TEMPLATES,
        *more_rules.TEMPLATES,
        *history.TEMPLATES,
        *bmi.TEMPLATES,
        *measure.TEMPLATES,
        *diagnosis.TEMPLATES,
        *comply.GENERAL,
        *about_you.TEMPLATES,
    ]


_ALL: list[Template] = []


def write_with_template(criterion: str, words: Words) -> Optional[Written]:
    """The criterion in a template's words, or None when no template fits it."""
    if not _ALL:
        _ALL.extend(templates())
    text = _BULLET.sub("", _END.sub("", " ".join(criterion.split())))
    heads_a_list = criterion.rstrip().endswith(":")
    for template in _ALL:
        if heads_a_list and not template.lead_in:
            continue
        found = template.pattern.fullmatch(text)
        if found:
            written = template.write(found, words)
            if not written.strip():  # the template saw more to the item than it can say
                continue
            said, _, beneath = written.partition(NOTES_AFTER)
            sentence, *notes = split_sentences(_sentence(said))
            return Written(template.family, sentence, tuple(notes + split_sentences(" ".join(beneath.split()))))
    return None


def _sentence(text: str) -> str:
    text = " ".join(text.split())
    return text[:1].upper() + text[1:]
