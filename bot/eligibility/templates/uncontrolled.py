"""Uncontrolled illness: "Uncontrolled hypertension", "Poorly controlled diabetes"."""

from __future__ import annotations

import re

from bot.eligibility.templates import Template, Words
from bot.eligibility.templates.parts import WHO, compile_full, is_plural

# one illness only: "uncontrolled A or B" leaves unclear whether B must be uncontrolled too
_ILLNESS = (
    r"(?P<what>(?!.*\b(?:or|and|including|such|defined|as|with|that|which|during|at|in|on|before|after|within|while|despite)\b)"
    r"[A-Za-z][A-Za-z'\- ]{2,50})"
)  # nor a time or place the "not under control" would wrongly attach to


def _uncontrolled(found: re.Match, words: Words) -> str:
    what = words(found.group("what"))
    verb = "are" if is_plural(what) else "is"
    how = "well controlled" if found.group("how").lower().startswith("poorly") else "under control"
    return f"{what[:1].upper() + what[1:]} that {verb} not {how}."


TEMPLATES = [
    Template(
        "uncontrolled illness",
        compile_full(
            rf"(?:{WHO}?(?:with\s+)?)?(?:(?:any|an?)\s+)?(?:(?:known|active|current)\s+)?(?P<how>uncontrolled|poorly\s+controlled)\s+{_ILLNESS}"
        ),
        _uncontrolled,
    ),
]


# The common cancer-trial item, word for word with small variations: "Uncontrolled intercurrent illness
# including, but not limited to, ongoing or active infection, symptomatic congestive heart failure,
# unstable angina pectoris, cardiac arrhythmia, or psychiatric illness/social situations that would
# limit compliance with study requirements".
_INTERCURRENT = (
    r"(?:{who}?(?:with\s+)?)?(?:an?\s+)?uncontrolled\s+intercurrent\s+illness(?:es)?,?\s+including,?\s+but\s+not\s+limited\s+to,?\s+"
    r"(?:(?P<serious>serious\s+)?(?:ongoing\s+or\s+active|ongoing|active)\s+)?infection,\s+symptomatic\s+congestive\s+heart\s+failure,\s+"
    r"unstable\s+angina(?:\s+pectoris)?,\s+(?:cardiac\s+)?arrhythmias?,?\s+or\s+psychiatric\s+illness\s*/\s*social\s+situations?\s+"
    r"that\s+would\s+limit\s+compliance\s+with\s+(?:the\s+)?study\s+requirements"
).format(who=WHO)


def _intercurrent(found: re.Match, words: Words) -> str:
    infection = "a serious active infection" if found.group("serious") else "an active infection"
    return (
        f"An illness not under control, such as {infection}, heart failure with symptoms, {words('unstable angina')},"
        " uneven heartbeat, or a mental health or social problem that makes the study hard to follow."
    )


TEMPLATES.append(Template("uncontrolled illness", compile_full(_INTERCURRENT), _intercurrent))
