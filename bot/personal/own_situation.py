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
