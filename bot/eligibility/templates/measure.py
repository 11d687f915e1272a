"""A measurement with a limit, for a test the lab template does not name: "HbA1c ≤ 9.0%", "Body weight
>120 kg", "Fasting triglycerides >500 mg/dL", "Weight >40kg, <100kg" -> "Your HbA1c is at most 9.0%."

The measure's name is the registry's (with the safe swaps, its terms explained beneath); the limit is said in
words and the number and unit are kept exactly. Never a dose ("Prednisone >10 mg": not something you are), a
person ("Patients ..."), an age (the age template's), a time or a name with a verb or a condition in it.
"""

from __future__ import annotations

import re

from bot.eligibility.templates import Template, Words
from bot.eligibility.templates.parts import (
    LIMIT_WORDS,
    NUMBER,
    compile_full,
    is_plural,
    limit,
    registry_slot,
    with_notes,
)

# words that make the name more than the name of a measure: a person, a time, a condition, a verb, a dose
_NOT_A_MEASURE = (
    r"\b(?:patients?|subjects?|participants?|women|men|males?|females?|who|which|that|with|without|no|not|and|or|nor"
    r"|if|unless|except|history|age|aged|years?|old|must|should|may|will|are|is|was|were|be|been|has|have|had|any|all"
    r"|each|prior|previous|within|after|before|during|since|at|on|in|for|by|per|dose|doses|dosing|dosage|daily|day|days"
    r"|week|weeks|month|months|hours?|use|using|received|receiving|taking|than|least|most|more|less|greater|lower|higher"
    r"|over|under|above|below|between|up|to|from|a|an|the|known|prolongation|prolonged|increase|decrease|change|duration"
    r"|weigh|time|number|cumulative|total\s+dose|exposure|score\s+of|grade\s+of|stage|cycles?"
    r"|measurable|disease|lesions?)\b"  # a measure of the illness, not of the person: "Measurable disease ≥ 1 cm"
)
_NAME = (
    r"(?P<name>[A-Za-z][A-Za-z0-9\-'/ ]{0,40}?[A-Za-z0-9](?:\s*\([A-Za-z0-9\-/ ]{1,20}\))?"
    r"(?:\s+(?:levels?|values?|concentrations?))?)"
)
# a unit as registries write it; never a dose ("mg", "mg/m2", "mg/day", "mg/kg": an amount given, not measured)
_DOSE = r"(?:[mµμn]?g|mcg|IU|units?)(?:\s*/\s*(?:m2|m²|day|d|kg|dose|week))?"
_NOT_A_UNIT = rf"{_DOSE}|(?:years?|months?|weeks?|days?|hours?|times|x)"
_UNIT = r"(?:%|[A-Za-zµμ][A-Za-zµμ²³0-9\^\.]{0,12}(?:\s*/\s*[A-Za-zµμ0-9\^²³\.]{1,10}){0,2})"


def _one(i: int) -> str:
    return rf"(?P<limit{i}>{LIMIT_WORDS})\s*(?P<n{i}>{NUMBER})(?:\s*(?P<unit{i}>{_UNIT}))?"


_PATTERN = rf"{_NAME}\s*(?::|=(?![<>≤≥])|\bof\b|\bis\b)?\s*{_one(1)}(?:\s*(?:,|\band\b)\s*{_one(2)})?"


def _value(found: re.Match, i: int) -> str:
    unit = " ".join((found.group(f"unit{i}") or "").split())
    joint = "" if not unit or unit[0] in "%/" else " "
    return f"{limit(found.group(f'limit{i}'))} {found.group(f'n{i}')}{joint}{unit}"


def _measure(found: re.Match, words: Words) -> str:
    units = [found.group(f"unit{i}") for i in (1, 2) if found.group(f"n{i}")]
    if any(unit and re.fullmatch(_NOT_A_UNIT, unit.strip(), re.I) for unit in units):
        return ""  # a dose or a time, not a measure of the person
    if re.search(_NOT_A_MEASURE, found.group("name"), re.I):
        return ""
    name, notes = registry_slot(found.group("name"))
    unit_words = " ".join(unit for unit in units if unit)
    if unit_words:  # "mmHg" is explained beneath too, as in the registry's own words
        notes = " ".join(part for part in (notes, registry_slot(unit_words)[1]) if part)
    name = _lower_first(name)
    verb = "are" if is_plural(name) else "is"  # "levels", "values", "concentrations" too
    value = _value(found, 1)
    if found.group("n2"):
        value += f" and {_value(found, 2)}"
    return with_notes(f"Your {name} {verb} {value}", notes)


def _lower_first(text: str) -> str:
    """ "Body weight" mid-sentence is "body weight"; "HbA1c", "PSA" and "Mayo" keep their capitals."""
    first, *rest = text.split()
    title_case = bool(rest) and rest[0][:1].isupper() and rest[0][1:].islower()  # "Body Mass Index", "Hamilton Scale"
    keep = title_case or first[1:].lower() != first[1:] or first in _NAMES
    # "Ki-67", "Child-Pugh", "C-reactive": a digit, or a capital letter joined by a hyphen, makes it a name (not
    # "Non-fasting")
    keep = keep or any(ch.isdigit() for ch in first) or bool(re.search(r"-[A-Z]|^[A-Z]-", first))
    return text if keep else text[:1].lower() + text[1:]


_NAMES = frozenset({"Mayo", "Karnofsky", "Gleason", "Child-Pugh", "Glasgow", "Krenning", "Lansky", "Charlson"})

TEMPLATES = [Template("a measurement with a limit", compile_full(_PATTERN), _measure)]
