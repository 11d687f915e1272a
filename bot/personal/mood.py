"""A question about one's own low mood ("i feel so low since the diagnosis. is it normal to feel
this flat?"): what is known about NETs and emotional health, and who can help, not a topic
about questionnaires. Thoughts of harm are the SafetyNet's and never reach this."""

from __future__ import annotations

import re
from functools import lru_cache
from typing import Iterable, Optional

from bot.knowledge.facts import read_facts
from bot.personal.feelings import first_unsaid, low_mood_of
from bot.text import is_question

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
# Low mood told of someone else ("mum has been so low"): who can help them
HAND_BACK_FOR_ANOTHER = (
    "Their team, NET nurse or GP can help with low mood too, so it is worth raising at any appointment.",
    "It is worth telling their team, NET nurse or GP how they have been. They can help.",
)


# "should i tell the nurse or is that silly": the answer says who to tell, so not a decision left unanswered
_ASKS_TO_TELL = re.compile(
    r"\b(?:should|shall|do|can)\s+(?:i|we)\s+(?:tell|mention\s+it\s+to|say\s+something\s+to|bring\s+it\s+up\s+with|talk\s+to)"
    r"\s+(?:the|my|our|her|his|a)\s+(?:nurse|team|gp|doctor|specialist|consultant)\b",
    re.I,
)


def without_asking_whom_to_tell(text: str) -> str:
    """The message without "should i tell the nurse", which the mood answer itself answers."""
    return _ASKS_TO_TELL.sub(" ", text)


def asks_about_own_mood(text: Optional[str]) -> bool:
    """True when the person tells of their own low mood ("i feel so low", "is it normal to feel this
    flat?"), or of someone close's and asks about it ("mum has been so low, is that normal with NETs")."""
    plain = (text or "").replace("’", "'")
    return bool(_OWN_MOOD.search(plain)) or (low_mood_of(plain) is not None and is_question(plain))


@lru_cache(maxsize=1)
def _emotional_health() -> Optional[str]:
    return next((fact.text for fact in read_facts() if fact.id == EMOTIONAL_HEALTH_FACT), None)


def mood_answer(already_said: Iterable[str], text: Optional[str] = None) -> list[str]:
    """The emotional-health fact (when the facts file holds it) and who can help, in words not used
    before: the person's own team, or for someone else's low mood, theirs."""
    fact = _emotional_health()
    whose = low_mood_of(text)
    options = HAND_BACK if whose is None or whose.startswith(("i", "we")) else HAND_BACK_FOR_ANOTHER
    return ([fact] if fact else []) + [first_unsaid(options, already_said)]
