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


# A story told with no pronoun: a reading of their own ("BP 168/100 this morning", "temp 38.4"), or
# time on a treatment ("on sutent 4 months", "3 weeks into captem", "started lanreotide in may").
_TOLD_WITHOUT_PRONOUN = re.compile(
    r"\b(?:bp|blood\s+pressure|temp|temperature|sugars?|glucose|pulse|heart\s+rate|weight)\s+(?:is\s+|was\s+|of\s+|at\s+)?"
    r"\d+(?:[.,/]\d+)?"
    r"|(?:^|[.!?,;]\s*)(?:been\s+|now\s+|currently\s+)?on\s+[\w-]+\s+(?:for\s+)?(?:\d+|a|an|two|three|few|six)\s*"
    r"(?:days?|wks?|weeks?|mths?|months?|yrs?|years?)\b"
    r"|\b(?:\d+|a|two|three|few|six)\s+(?:days?|wks?|weeks?|months?|mths?|cycles?)\s+(?:into|on)\s+[\w-]+"
    r"|(?:^|[.!?,;]\s*)(?:just\s+)?(?:started|finished|stopped)\s+(?:on\s+)?[\w-]+\s+(?:\d+|a|two|three|few)\s+"
    r"(?:days?|wks?|weeks?|months?|mths?)\s+ago\b",
    re.I,
)


def about_their_own_situation(text: Optional[str]) -> bool:
    return bool(_OWN.search(text or "") or _TOLD_WITHOUT_PRONOUN.search(text or ""))


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


# "is high blood pressure normal with it?", "is a sore mouth normal on everolimus", "is that from the capecitabine"
_IS_IT_FROM = re.compile(
    r"\b(?:is|are)\s+(?:\w+\s+){1,3}?(?:normal|common|usual|expected)\s+(?:with|on|after|from|for)\b"
    r"|\b(?:is|are|could)\s+(?:that|this|these|those)\s+(?:be\s+)?(?:from|caused\s+by|due\s+to|down\s+to)\s+"
    r"(?:the\s+|her\s+|his\s+|my\s+|their\s+)?[\w-]+",
    re.I,
)


def asks_what_their_own_is_from(text: Optional[str]) -> bool:
    """Something in their own body asked about as to be expected or caused by a treatment: how the general
    answer applies to them is for their team (said after the knowledge answer, not routed on)."""
    plain = (text or "").replace("’", "'")
    return asks_if_their_own_is_expected(plain) or (
        about_their_own_situation(plain) and bool(_IS_IT_FROM.search(plain))
    )
