"""A follow-up that narrows the question before it to one point, without asking it again: "like food wise"
after "i have the gallium scan AND a 24hr urine for 5-HIAA. do i need to prepare for either", "and food?",
"cost wise?", "what about alcohol?". The point is put back into the question it narrows, and that question
is asked of each treatment or test it named, so each one's fact on the point answers it, or it is said
plainly that we hold none."""

from __future__ import annotations

import re
from typing import Optional

from bot.knowledge.facts import answering_fact, asking_sentences
from bot.knowledge.names import find_treatments, treatment_ids
from bot.knowledge.not_held import WHO_CAN_TELL, not_held

# "like food wise", "cost-wise?", "and money wise", "what about diet wise": a word, then "wise"
_WISE = re.compile(
    r"^\W*(?:(?:and|so|ok|okay|but|like|i\s+mean|what\s+about|how\s+about)\s+)*"
    r"(?P<point>[a-z]+(?:\s+[a-z]+)?)[\s-]*wise\s*[?.!]*\s*$",
    re.I,
)
# "and food?", "what about alcohol", "how about the cost?": a point people often narrow a question to
_POINTS = (
    r"food|foods|diet|eating|meals?|drinks?|drinking|alcohol|coffee|fasting|costs?|money|price|paying|travel"
    r"|travelling|traveling|flying|driving|work|working|exercise|sport|sex|pain|sleep|hair"
)
_AND_POINT = re.compile(
    rf"^\W*(?:(?:and|so|ok|okay|but)\s+)?(?:(?:and\s+)?(?:what|how)\s+about\s+|and\s+)(?:the\s+)?(?P<point>{_POINTS})"
    r"\s*[?.!]*\s*$",
    re.I,
)
_NOT_A_POINT = frozenset({"other", "like", "the", "this", "that"})


def narrowing_point(text: Optional[str]) -> Optional[str]:
    """The point a short follow-up narrows the question before it to ("like food wise": "food"); None when
    the message is not such a follow-up."""
    found = _WISE.match(text or "") or _AND_POINT.match(text or "")
    if found is None:
        return None
    point = found["point"].lower()
    return None if point in _NOT_A_POINT or find_treatments(point) else point


def narrowed(earlier: str, point: str) -> str:
    """The question before, asked again on the point alone: "do i need to prepare for either, food?"."""
    return f"{' '.join(asking_sentences(earlier)).strip().rstrip('?.!')}, {point}?"


def narrowed_answers(earlier: str, point: str) -> list[str]:
    """Each treatment or test the question before named, with its fact on the point ("Gallium scan: One US
    hospital says there is no need to fast ..."), or plainly that we hold none on it; the question's own fact
    when it named one thing or none. [] when it named nothing and no fact answers it."""
    question = narrowed(earlier, point)
    named = list({m.treatment.id: m for m in find_treatments(earlier) if not m.guessed}.values())
    if len(named) < 2:
        unheld = not_held(question)
        fact = None if unheld else answering_fact(question)
        return [unheld.text] if unheld else [fact.text] if fact else []
    lines = []
    for mention in named:
        fact = answering_fact(f"{question} ({mention.typed})") or answering_fact(
            f"what about {point} with {mention.typed}?"
        )
        about = treatment_ids(f"{fact.text} {fact.topic.replace('_', ' ')}") if fact else set()
        if fact is None or not about & {mention.treatment.id, *mention.treatment.part_of}:
            lines.append(f"{mention.treatment.name}: the information I hold does not cover {point}.")
        else:  # not a fact about the other one
            lines.append(f"{mention.treatment.name}: {fact.text}")
    if any(line.endswith(f"does not cover {point}.") for line in lines):
        lines.append(WHO_CAN_TELL)
    return lines
