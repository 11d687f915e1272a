"""What kind of trial the person wants, beyond the treatment: phase, status, age group; and how
many separate questions one message asks."""
from __future__ import annotations

import re
from typing import Optional


_ALL_STATUSES = re.compile(
    r"\b(?:closed|finished|completed|old|past|ended)\s+(?:ones?|trials?|studies)?\s*(?:too|as\s+well|also)\b"
    r"|\b(?:incl(?:uding|\.)?|inc|plus|and|with|even)\s+(?:the\s+)?(?:closed|finished|completed|past|old)\b"
    r"|\b(?:any|all)\s+(?:statuse?s?|status)\b|\bopen\s+(?:or|and|\+|/)\s+closed\b|\bclosed\s+(?:or|and|/)\s+open\b"
    r"|\bwhether\s+(?:open|recruiting)\s+or\s+not\b|\bever\s+(?:been\s+)?(?:run|done)\b|(?:^|\s)[-–:(]\s*all\)?\s*$|\ball\s+of\s+them\b",
    re.I,
)
_CLOSED_ONLY = re.compile(
    r"\b(?:closed|finished|completed|past|ended|old)\s+(?:[\w-]+\s+){0,3}?(?:trials?|studies|ones)\b(?!\s*(?:too|as\s+well|also))", re.I
)
_OPEN_ONLY = re.compile(
    r"\b(?:open|recruiting|currently\s+recruiting|still\s+recruiting|taking\s+(?:people|patients))\b(?!\s+(?:to|up|about|with|minded))", re.I
)
_OPEN_FILTER = re.compile(r"\bopen\s+(?:[\w-]+\s+){0,3}?(?:trials?|studies|ones)\b|\bonly\s+open\b|\bopen\s+only\b", re.I)
_AGE_GROUPS = (
    ("teen", re.compile(r"\bteen\w*|\badolescen\w*|\byoung\s+people\b|\b1[3-7]\s*(?:-|to)\s*1[7-9]\b|\bunder\s+18s?\b", re.I)),
    ("child", re.compile(r"\b(?:for|in)\s+(?:kids|children|child|babies|young\s+children)\b|\bpa?ediatric\b|\bchildren'?s\b", re.I)),
    ("older adult", re.compile(r"\b(?:for|in)\s+(?:older\s+(?:adults|people|patients)|the\s+elderly|elderly|over\s+(?:65|70|75|80)s?|pensioners)\b", re.I)),
    ("adult", re.compile(r"\b(?:for|in)\s+adults\s+only\b|\badult\s+(?:trials?|only)\b", re.I)),
)
_ASKING = "what|how|is|are|can|could|do|does|where|when|which|would|will|who|why|should"  # words a question starts with


def read_status(text: str) -> Optional[str]:
    """ "all", "closed", or "open" when said outright ("open prrt trials"); None when not said."""
    if _ALL_STATUSES.search(text):
        return "all"
    if _CLOSED_ONLY.search(text) and not _OPEN_ONLY.search(text):
        return "closed"
    return "open" if _OPEN_FILTER.search(text) else None  # "is it still recruiting?" asks, it does not filter


def read_age_group(text: str) -> Optional[str]:
    return next((group for group, pattern in _AGE_GROUPS if pattern.search(text)), None)


_QUESTION_BREAK = re.compile(rf"\?+\s*|[.;!]\s+|(?:,\s*(?:and\s+|also\s+)?|(?<!\s)\s+(?:and|also|plus)\s+)(?=(?:{_ASKING})\b)", re.I)
_QUESTION_WORD = re.compile(rf"(?:{_ASKING}|any)\b", re.I)
_ABOUT_TRIALS = re.compile(r"\b(?:trials?|studies|study|research)\b", re.I)


def split_questions(text: str) -> list[str]:
    """The separate questions of one message, in order ("what is prrt and are there trials
    near me" -> ["what is prrt", "are there trials near me"]); statements are left out."""
    pieces = [p.strip(" ,") for p in _QUESTION_BREAK.split(text or "")]
    return [p for p in pieces if len(p.split()) >= 2 and _QUESTION_WORD.match(p)]


def other_questions(text: str) -> list[str]:
    """The questions of a message that are not about finding trials (for a search's answer)."""
    questions = split_questions(text)
    return [q for q in questions if not _ABOUT_TRIALS.search(q)] if len(questions) > 1 else []
