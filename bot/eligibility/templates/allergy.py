"""Allergy: "Known hypersensitivity to any component of the study drug", "History of allergy to X"."""

from __future__ import annotations

import re

from bot.eligibility.templates import Template, Words
from bot.eligibility.templates.parts import WHO, compile_full, registry_slot, with_notes

_KIND = {
    "allergy": "an allergy",
    "allergies": "allergies",
    "hypersensitivity": "a strong reaction (hypersensitivity)",
    "allergic reaction": "an allergic reaction",
    "allergic reactions": "allergic reactions",
    "hypersensitivity reaction": "a strong reaction (hypersensitivity)",
    "hypersensitivity reactions": "strong reactions (hypersensitivity)",
}
_ONE_REACTION = r"(?:allerg(?:y|ies)|hypersensitivit(?:y|ies)(?:\s+reactions?)?|allergic\s+reactions?)"
# "allergy or hypersensitivity": two words for one thing, written as one
_REACTION = rf"(?P<kind>{_ONE_REACTION}(?:\s*(?:or|and/or|/)\s*{_ONE_REACTION})?)"


def _kind(written: str) -> str:
    """ "allergy or hypersensitivity" -> "an allergy"; "hypersensitivity" -> "a strong reaction (hypersensitivity)"."""
    written = " ".join(written.lower().split())
    if written in _KIND:
        return _KIND[written]
    plural = written.endswith(("ies", "reactions"))
    return "allergies" if plural else "an allergy"


def _allergy(found: re.Match, words: Words) -> str:
    kind = _kind(found.group("kind"))
    severe = found.group("severe")
    if severe:
        kind = re.sub(r"^an? ", "", kind)
        kind = f"a {severe.lower()} {kind}" if not kind.endswith("s") else f"{severe.lower()} {kind}"
    known = (found.group("known") or "").lower()
    to = words(found.group("to"))
    if known.startswith("history") or known in ("previous", "prior"):
        return f"You have had {kind} to {to}."
    if known:
        bare = kind.removeprefix("a ").removeprefix("an ")
        kind = f"a known {bare}" if bare != kind else f"known {kind}"  # "known allergies": no "a"
    return f"You have {kind} to {to}."


TEMPLATES = [
    Template(
        "allergy",
        compile_full(
            rf"(?:{WHO}?(?:with\s+)?(?:a\s+)?)?(?:(?P<known>known|documented|(?:a\s+)?history\s+of|previous|prior)\s+)?"
            rf"(?:(?:a|an)\s+)?(?P<severe>severe|serious)?\s*{_REACTION}\s+to\s+(?P<to>[^;:()\[\]]{{3,120}})"
        ),
        _allergy,
    ),
]


def _similar(found: re.Match, words: Words) -> str:
    """The common cancer-trial item: "History of allergic reactions attributed to compounds of similar chemical or
    biologic composition to X [or other agents used in the study]"."""
    to, notes = registry_slot(found.group("to"))
    had = "You are known to have had" if found.group("known") else "You have had"
    reactions = "allergic reactions" if found.group("reactions").lower().endswith("s") else "an allergic reaction"
    if found.group("similar"):
        # not "like X": a cut at "like" would make it a list of examples (`short_sentences`)
        return with_notes(f"{had} {reactions} to medicines similar in chemical or biological make-up to {to}", notes)
    return with_notes(f"{had} {reactions} to {to}", notes)


_TO = r"(?P<to>(?!.*\b(?:unless|except|if|within|who|which|that)\b)[A-Za-z0-9][^;:\[\]]{0,160}?[A-Za-z0-9)])"
TEMPLATES.insert(
    0,
    Template(
        "allergy",
        compile_full(
            rf"(?:{WHO}?(?:with\s+|who\s+(?:has|have)\s+)?)?(?:(?:a|any)\s+)?(?P<known>known\s+)?(?:prior\s+)?history\s+of\s+allergic\s+(?P<reactions>reactions?)\s+"
            r"(?:attributed|attributable)\s+to\s+(?P<similar>(?:compounds?|agents?|drugs?)\s+of\s+similar\s+chemical\s+or\s+biologic(?:al)?\s+"
            rf"composition\s+(?:to|as)\s+)?{_TO}"
        ),
        _similar,
    ),
)
