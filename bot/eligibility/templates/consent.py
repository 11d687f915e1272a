"""Consent: "Able to give written informed consent", "Signed informed consent", "Unable to consent"."""

from __future__ import annotations

import re

from bot.eligibility.templates import Template, Words
from bot.eligibility.templates.parts import WHO, compile_full, words_after

_EXPLAIN = "Consent means you agree to take part after the study has been explained to you."
_CONSENT = r"(?P<written>(?:written|signed|signed\s+and\s+dated|voluntary|signed\s+written|written\s+signed)\s+)?(?:voluntary\s+)?informed\s+consent(?P<form>\s+(?:form|document)(?:\s*\(ICF\))?)?"
# "prior to any study procedures": when the consent is given, kept in the sentence
_BEFORE = r"(?P<before>\s+(?:prior\s+to|before)\s+[a-z][^;,()]{2,80})?"
_EVERYDAY = {"provide": "give"}  # "able to give consent": the shorter, everyday verb
_UNDERSTAND = r"(?P<understand>(?:read,?\s+)?understand(?:,?\s+and)?\s+(?:the\s+study\s+and\s+)?)?"


def _able(found: re.Match, words: Words) -> str:
    willing = "willing and " if found.group("willing") or found.group("willing_after") else ""
    understand = "understand and " if found.group("understand") else ""
    verb = _EVERYDAY.get(found.group("verb").lower(), found.group("verb").lower())
    return f"You are {willing}able to {understand}{verb} {_object(found, verb)}{_before(found, words)}. {_EXPLAIN}"


def _before(found: re.Match, words: Words) -> str:
    return words_after(words, found.group("before"))


def _object(found: re.Match, verb: str) -> str:
    written = " ".join((found.group("written") or "").lower().replace("voluntary", "").split())
    form = " form" if found.group("form") else ""
    if verb == "sign" and not form:
        form = " form"
    return f"{'a ' if form else ''}{written + ' ' if written else ''}consent{form}"


def _unable(found: re.Match, words: Words) -> str:
    verb = _EVERYDAY.get(found.group("verb").lower(), found.group("verb").lower())
    not_willing = "not willing or not able" if found.group("unwilling") else "not able"
    return f"You are {not_willing} to {verb} {_object(found, verb)}. {_EXPLAIN}"


def _given(found: re.Match, words: Words) -> str:
    written = " ".join((found.group("written") or "").lower().split())
    if "signed" in written or found.group("form"):
        return f"You have signed a {'written ' if 'written' in written else ''}consent form{_before(found, words)}. {_EXPLAIN}"
    return f"You have given {written + ' ' if written else ''}consent{_before(found, words)}. {_EXPLAIN}"


def _able_and_willing(found: re.Match, words: Words) -> str:
    return f"You are able to understand and willing to sign {_object(found, 'sign')}. {_EXPLAIN}"


def _gives(found: re.Match, words: Words) -> str:
    verb = found.group("verb").lower().rstrip("s")
    return f"You {verb} {_object(found, verb)}{_before(found, words)}. {_EXPLAIN}"


TEMPLATES = [
    Template(
        "consent",
        compile_full(
            rf"(?:{WHO}?(?:must\s+have\s+|has\s+|have\s+)?)?(?:the\s+)?ability\s+to\s+understand\s+and\s+(?:the\s+)?willingness\s+to\s+sign\s+"
            rf"(?:a\s+)?{_CONSENT}"
        ),
        _able_and_willing,
    ),
    Template(
        "consent",
        compile_full(rf"(?:{WHO}?(?:must\s+)?)?(?P<verb>provides?|gives?|signs?)\s+(?:a\s+)?{_CONSENT}{_BEFORE}"),
        _gives,
    ),
    Template(
        "consent",
        compile_full(
            rf"(?:{WHO}?(?:must\s+be\s+|is\s+|are\s+)?)?(?P<willing>willing\s+(?:and|&)\s+)?(?:able|ability|capable)(?P<willing_after>\s+(?:and|&)\s+willing)?"
            rf"\s+to\s+{_UNDERSTAND}(?P<verb>give|provide|sign)\s+(?:a\s+)?{_CONSENT}{_BEFORE}"
        ),
        _able,
    ),
    Template(
        "consent",
        compile_full(
            rf"(?:{WHO}?(?:is\s+|are\s+)?)?(?:(?P<unwilling>unwilling\s+or\s+unable|unable\s+or\s+unwilling)|unable|inability|not\s+able)\s+to\s+"
            rf"(?P<verb>give|provide|sign)\s+(?:a\s+)?{_CONSENT}"
        ),
        _unable,
    ),
    Template(
        "consent",
        compile_full(rf"(?:provision\s+of\s+)?(?:a\s+)?{_CONSENT}(?:\s+(?:obtained|given|provided))?{_BEFORE}"),
        _given,
    ),
]
