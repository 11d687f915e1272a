"""Medicines that change how the body breaks down the study drug: "Use of strong CYP3A4 inhibitors"."""

from __future__ import annotations

import re

from bot.eligibility.templates import Template, Words
from bot.eligibility.templates.parts import WHEN, WHO, compile_full, when_words

_ENZYME = (
    r"(?P<enzyme>cytochrome\s+P\s?450\s+(?:3A4|CYP\s?3A4?)(?:\s*\(CYP\s?3A4?\))?|CYP\s?3A4?(?:/5)?"
    r"|CYP\s?3A4?\s*\(?:cytochrome\s+P\s?450\s+3A4\))"
)
_KIND = r"(?P<kind>inhibitors?|inducers?|inhibitors?\s+(?:or|and|and/or)\s+inducers?|inducers?\s+(?:or|and|and/or)\s+inhibitors?)"
_STRENGTH = (
    r"(?P<strength>strong|potent|moderate|moderate\s+(?:or|to|and/or)\s+strong|strong\s+(?:or|and/or)\s+moderate)"
)
_ACTION = {"inhibitor": "slow down", "inducer": "speed up"}


def _interaction(found: re.Match, words: Words) -> str:
    strength = f"{' '.join(found.group('strength').lower().split())} " if found.group("strength") else ""
    kind = " ".join(found.group("kind").lower().split())
    when = when_words(found, words) if found.group("within") else ""
    verb = "need" if found.group("need") else "have taken" if when else "take"
    action = " or ".join(plain for name, plain in _ACTION.items() if name in kind)
    enzyme = " ".join(found.group("enzyme").split())
    return (
        f"You {verb} {strength}{enzyme} {kind}{when}: medicines that {action} a protein, mostly in the liver, "
        "that breaks down many other medicines."
    )


TEMPLATES = [
    Template(
        "drug interactions (CYP3A4)",
        compile_full(
            rf"(?:{WHO}?(?:who\s+(?:are|is)\s+)?)?(?:(?P<need>(?:requires?|requiring)(?:\s+(?:treatment\s+with|use\s+of))?|need\s+for)\s+|"
            r"(?:(?:concomitant|concurrent|current|ongoing|chronic)\s+)?(?:use\s+of|treatment\s+with|taking|receiving|using|administration\s+of)\s+)?"
            rf"(?:(?:any|medications?|drugs?|agents?)\s+(?:that\s+are\s+)?)?{_STRENGTH}?\s*{_ENZYME}\s+{_KIND}(?:\s+{WHEN})?"
        ),
        _interaction,
    ),
]
