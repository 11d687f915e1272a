"""Support first, for someone in despair who also asks a question ("we're in despair, chemo
stopped working. what else is there?"): a kind word and people to talk to in their country,
before the answer. Not the crisis reply: nothing in the message says they may harm themselves."""

from __future__ import annotations

import re
from datetime import datetime
from typing import Optional

from bot.contacts.book import DEFAULT_COUNTRY, ContactBook
from bot.contacts.present import helpline_text
from bot.personal.feelings import acknowledgement, shows_despair, shows_feeling
from bot.text import is_question

# The safety net's mark on despair with a question, which action_distress answers: support, then the question
SUPPORT_FIRST = "support_first"
OPENING = "I'm so sorry. This is a very hard time, and it makes sense to feel this way."
MAX_LINES = 2
# In the pre-screen, distress stops the form (data/rules/prescreen.yml) and the question waits
AFTER_THE_FORM = "I have stopped the trial questions for now. Ask me your question again whenever you are ready."
# Plain fear with no question (bot/personal/plain_fear.py): no answer follows, an invitation does
WHEN_READY = "When you feel ready, I can help with questions about NETs, tests, treatments or trials."
_CLAUSE_END = re.compile(r"(?<=[.!?,;])\s+|\s+-\s+")
_AND = re.compile(r"\s+and\s+", re.I)


def support_answer(
    book: ContactBook, country: Optional[str], now: datetime, answer_follows: bool = True, ending: str = AFTER_THE_FORM
) -> str:
    """The kind word, up to two lines for emotional support in the person's country (UK if not
    known), the emergency number, and a pointer to the answer that follows (or, when none follows,
    `ending`: in the pre-screen, which stops, an invitation to ask again)."""
    code = country or DEFAULT_COUNTRY
    lines = [h for h in book.helplines_for(code, "emotional_support") if h.phone or h.sms][:MAX_LINES]
    text = [OPENING, "You don't have to face this alone."]
    if lines:
        text.append("If it feels like too much, you can talk to someone:")
        text += [f"- {helpline_text(line, now)}" for line in lines]
    else:
        text.append("Your specialist team or NET nurse can help you find support near you.")
    text.append(f"If anyone is in danger now, call {book.number_to_call(code)}.")
    text.append("Now to your question." if answer_follows else ending)
    return "\n".join(text)


def gave_support(bot_texts: list[str]) -> bool:
    """The last thing said was this support: what follows needs no second kind sentence."""
    return bool(bot_texts) and bot_texts[-1].startswith(OPENING)


def kind_word(text: Optional[str], said: list[str]) -> Optional[str]:
    """One sentence that meets a feeling the message shows; None when it shows none, or when the
    support just given has met it already (no second kind sentence)."""
    if not shows_feeling(text) or gave_support(said):
        return None
    return acknowledgement(said, text)


def the_question(text: str) -> str:
    """The message without the clauses that tell the feeling, once the support has met it ("we're in
    despair, she's 58, chemo stopped working. what else is there?" -> "she's 58, chemo stopped
    working. what else is there?"), so the answer after it adds no second kind word. The whole
    message when nothing else is left to ask."""
    clauses = [_without_the_feeling(c) for c in _CLAUSE_END.split(text.strip()) if c]
    kept = " ".join(c for c in clauses if c)
    return kept if kept and is_question(kept) else text


def _without_the_feeling(clause: str) -> str:
    """The clause without its parts joined by "and" that tell the feeling ("her NET has spread and i cant stop
    crying" -> "her NET has spread"), so what it tells of the illness stays for the answer."""
    body = clause.rstrip(".!?,;")
    kept = " and ".join(p for p in _AND.split(body) if not (shows_despair(p) or shows_feeling(p)))
    return kept + clause[len(body) :] if kept else ""
