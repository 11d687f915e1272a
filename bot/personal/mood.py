"""A question about one's own low mood ("i feel so low since the diagnosis. is it normal to feel
this flat?"): what is known about NETs and emotional health, and who can help, not a topic
about questionnaires. Thoughts of harm are the SafetyNet's and never reach this."""

from __future__ import annotations

import re
from functools import lru_cache
from typing import Iterable, Optional

from bot.knowledge.facts import read_facts
from bot.personal.feelings import first_unsaid

EMOTIONAL_HEALTH_FACT = "emotional_health"  # data/knowledge/facts.yml, knowledge-facts.md section 10
_LOW = r"(?:low|flat|down|sad|depressed|miserable|numb|empty|tearful|weepy|anxious|on edge|like this|this way)"
_OWN_MOOD = re.compile(
    rf"\b(?:i|i'?m|im|i am|i'?ve been|ive been|we|we'?re|we are)\s+(?:\w+\s+){{0,2}}?(?:feel|feeling|felt)\s+(?:so\s+|really\s+|very\s+|this\s+|a\s+bit\s+)?{_LOW}\b"
    rf"|\b(?:normal|common|usual|ok|okay)\s+to\s+(?:feel|be\s+feeling|be)\s+(?:so\s+|this\s+|really\s+|a\s+bit\s+)?{_LOW}\b"
    r"|\b(?:i'?m|im|i am|i'?ve been|ive been)\s+(?:so\s+|really\s+|very\s+|quite\s+)?(?:low|depressed|down)\b(?!\s+(?:to|on|with|in|at|the)\b)",
    re.I,
)
HAND_BACK = (
    "You can tell your team, NET nurse or GP how you feel at any appointment. They can help.",
    "It is worth raising how you feel with your team, NET nurse or GP, whenever you feel ready.",
)


def asks_about_own_mood(text: Optional[str]) -> bool:
    """True when the person tells of their own low mood ("i feel so low", "is it normal to feel this
    flat?")."""
    return bool(_OWN_MOOD.search((text or "").replace("’", "'")))


@lru_cache(maxsize=1)
def _emotional_health() -> Optional[str]:
    return next((fact.text for fact in read_facts() if fact.id == EMOTIONAL_HEALTH_FACT), None)


def mood_answer(already_said: Iterable[str]) -> list[str]:
    """The emotional-health fact (when the facts file holds it) and who can help, in words not used before."""
    fact = _emotional_health()
    return ([fact] if fact else []) + [first_unsaid(HAND_BACK, already_said)]
