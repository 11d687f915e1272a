"""Whether a question is asked about someone's own situation ("my dad only has one kidney...",
"im on lanreotide, do I...") rather than about NETs in general ("what is PRRT?")."""

from __future__ import annotations

import re
from typing import Optional

_OWN = re.compile(
    r"\b(?:i|i'm|im|i've|ive|i'd|me|my|mine|myself|we|we're|our|us|he|he's|hes|she|she's|shes|his|her|him|"
    r"mum|mom|mam|dad|wife|husband|hubby|partner|son|daughter|brother|sister|nan|gran|grandad|grandma|grandpa|"
    r"auntie|aunt|uncle|friend)\b",
    re.I,
)


def about_their_own_situation(text: Optional[str]) -> bool:
    return bool(_OWN.search(text or ""))


# "her mouth is full of ulcers, is that normal?": whether something in their own body is to be expected
_IS_IT_EXPECTED = re.compile(
    r"\b(?:is|are)\s+(?:that|this|these|those|it|they)\s+(?:\w+\s+)?(?:normal|common|usual|expected|to be expected"
    r"|a\s+(?:common\s+|known\s+|usual\s+)?side[\s-]?effect|from\s+(?:the|her|his|my)\s+(?:tablets|pills|drug|treatment|injections?|jabs?))\b"
    r"|\bshould\s+(?:i|we|he|she|they)\s+(?:be\s+)?(?:worried|concerned)\b",
    re.I,
)


def asks_if_their_own_is_expected(text: Optional[str]) -> bool:
    """True when they tell of something in their own (or their person's) body and ask whether it is
    to be expected: the general part can be said, how it applies to them is for their team."""
    plain = (text or "").replace("’", "'")
    return about_their_own_situation(plain) and bool(_IS_IT_EXPECTED.search(plain))
