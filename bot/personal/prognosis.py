"""A question about how long someone may live ("survival rate with liver mets", "is it terminal?",
"how long has dad got?"). No figure we hold can answer it for one person, and a figure for a
group read as theirs would mislead, so the answer says so plainly and names who can talk it
through; the only general answer kept beside it is one about the illness itself (its stage or
grade), never a treatment's.
"""

from __future__ import annotations

import re
from typing import Iterable, Optional

from bot.personal.feelings import first_unsaid

_WHO = r"(?:i|he|she|they|we|you|people|someone|my\s+\w+|mum|mom|dad)"
_PROGNOSIS = re.compile(
    r"\bsurviv(?:al|e|ing)\b|\blife\s+expectancy\b|\bprognosis\b|\boutlook\b|\bterminal\b"
    r"|\bhow\s+long\s+(?:\w+\s+){0,3}?(?:to\s+live|left|got\s+left)\b"
    rf"|\bhow\s+long\s+(?:has|have|does|do|will|would|can|could)\s+{_WHO}\s+(?:\w+\s+)?(?:got|live|last|survive)\b"
    rf"|\b(?:will|is|am|are)\s+{_WHO}\s+(?:going\s+to\s+)?(?:die|dying)\b|\bchances?\s+of\s+(?:living|surviving|a\s+cure)\b"
    r"|\bis\s+(?:it|this|that)\s+(?:curable|a\s+death\s+sentence)\b|\bdeath\s+sentence\b"
    r"|\bis\s+(?:it|this|that)\s+(?:the\s+end|the\s+beginning\s+of\s+the\s+end|it)\b(?:\s+for\s+\w+)?\s*\?",  # "is that the end?"
    re.I,
)
# Answers about the illness itself can stand beside it: "is stage 4 terminal?" is also "what
# does stage 4 mean?". A treatment's answer cannot: it is beside the point.
CONTEXT_TOPICS = frozenset({"stage", "grade", "net_or_nec", "what_is_pnet", "functioning"})
# A transplant's survival figures answer a question about the transplant: that is not this.
_ABOUT_A_TREATMENTS_RESULTS = re.compile(r"\bafter\s+(?:a\s+|the\s+)?(?:liver\s+)?transplant", re.I)
# A trial's measures ("progression-free survival") are terms to explain, not this question
_TRIAL_MEASURE = re.compile(r"\b(?:progression[- ]?free|overall|disease[- ]?free)\s+survival\b", re.I)

NO_FIGURE = (
    "No figure can say how long one person will live. Figures for groups of people cannot tell "
    "how it will go for you or someone you love. Your specialist team knows the details and can "
    "talk this through with you. A NET nurse can help too.",
    "I can't give a survival figure for one person, and a figure for a group could mislead. The "
    "team who know the scans and results are the right people to talk it through, when you feel "
    "ready. A NET nurse can help you plan what to ask.",
)


def asks_prognosis(text: Optional[str]) -> bool:
    """True when the message asks how long someone may live or whether they will survive."""
    plain = _TRIAL_MEASURE.sub(" ", (text or "").replace("’", "'"))
    return bool(_PROGNOSIS.search(plain)) and not _ABOUT_A_TREATMENTS_RESULTS.search(plain)


def no_figure(already_said: Iterable[str]) -> str:
    return first_unsaid(NO_FIGURE, already_said)
