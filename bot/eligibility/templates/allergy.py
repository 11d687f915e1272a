"""Allergy: "Known hypersensitivity to any component of the study drug", "History of allergy to X"."""
from __future__ import annotations

import re

from bot.eligibility.templates import Template, Words
from bot.eligibility.templates.parts import WHO, compile_full

_KIND = {"allergy": "an allergy", "allergies": "allergies", "hypersensitivity": "a strong reaction (hypersensitivity)",
         "allergic reaction": "an allergic reaction", "allergic reactions": "allergic reactions",
         "hypersensitivity reaction": "a strong reaction (hypersensitivity)",
         "hypersensitivity reactions": "strong reactions (hypersensitivity)"}
_REACTION = r"(?P<kind>allerg(?:y|ies)|hypersensitivity(?:\s+reactions?)?|allergic\s+reactions?)"


def _allergy(found: re.Match, words: Words) -> str:
    kind = _KIND[" ".join(found.group("kind").lower().split())]
    severe = found.group("severe")
    if severe:
        kind = re.sub(r"^an? ", "", kind)
        kind = f"a {severe.lower()} {kind}" if not kind.endswith("s") else f"{severe.lower()} {kind}"
    known = (found.group("known") or "").lower()
    to = words(found.group("to"))
    if known.startswith("history") or known in ("previous", "prior"):
        return f"You have had {kind} to {to}."
    return f"You have {'a known ' + kind.removeprefix('a ').removeprefix('an ') if known else kind} to {to}."


TEMPLATES = [
    Template("allergy", compile_full(
        rf"(?:{WHO}?(?:with\s+)?(?:a\s+)?)?(?:(?P<known>known|documented|(?:a\s+)?history\s+of|previous|prior)\s+)?"
        rf"(?:(?:a|an)\s+)?(?P<severe>severe|serious)?\s*{_REACTION}\s+to\s+(?P<to>[^;:()\[\]]{{3,120}})"), _allergy),
]
