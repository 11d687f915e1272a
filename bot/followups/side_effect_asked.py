"""A question whether something is a side effect of a treatment it names ("is a sore mouth normal on
everolimus, its really bad today", "does sutent raise BP", "is that from the capecitabine"), whatever intent
it was taken for: the single fact about that treatment's side effects that answers it, so that the answer
is that fact and the line handing back to their team, not a read-back of the treatment noted."""

from __future__ import annotations

import re
from typing import Optional

from bot.knowledge.facts import Fact, answering_fact
from bot.knowledge.names import find_treatments, treatment_ids
from bot.personal.own_situation import asks_what_their_own_is_from
from bot.text import is_question

# "is X normal on Y", "does Y cause X", "a side effect of Y", "is it from the Y", "X with Y, is that normal"
_ASKS_IF_CAUSED = re.compile(
    r"\b(?:normal|common|usual|expected|typical|to\s+be\s+expected)\s+(?:with|on|after|from|for|when)\b"
    r"|\bside[\s-]?effects?\b|\breactions?\s+to\b"
    r"|\b(?:does|do|can|could|will|would)\s+(?:it|that|this|they|[\w-]+)\s+(?:cause|give|make|raise|bring\s+on|lead\s+to)\b"
    r"|\b(?:from|caused\s+by|due\s+to|down\s+to|because\s+of)\s+(?:the\s+|her\s+|his\s+|my\s+|their\s+)?[\w-]+\s*[?.!]?\s*$",
    re.I,
)


def side_effect_fact(text: Optional[str]) -> Optional[Fact]:
    """The side-effect fact of the treatment the question names, when the question asks whether something
    comes from it; None otherwise (no treatment named, no such question, or no fact of that treatment)."""
    text = text or ""
    if not is_question(text) or not (_ASKS_IF_CAUSED.search(text) or asks_what_their_own_is_from(text)):
        return None
    mentions = [mention for mention in find_treatments(text) if not mention.guessed]
    named = {mention.treatment.id for mention in mentions} | {kind for m in mentions for kind in m.treatment.part_of}
    fact = answering_fact(text) if named else None
    if fact is None or not named & treatment_ids(fact.text):
        return None
    return fact
