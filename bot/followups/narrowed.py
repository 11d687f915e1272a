"""A follow-up that narrows the question before it to one point, without asking it again: "like food wise"
after "i have the gallium scan AND a 24hr urine for 5-HIAA. do i need to prepare for either", "and food?",
"cost wise?", "what about alcohol?". The point is put back into the question it narrows, and that question
is asked of each treatment or test it named, so each one's fact on the point answers it, or it is said
plainly that we hold none."""

from __future__ import annotations

import re
from typing import Optional

from bot.knowledge.facts import Fact, answering_fact, asking_sentences, content_stems, default_index, treatments_of
from bot.knowledge.names import find_treatments
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
# Points said in other words by the facts that speak to them ("no need to fast" speaks to food)
_KIN = {
    "food": "eat diet fast meal",
    "foods": "eat diet fast meal",
    "diet": "food eat meal",
    "eating": "food diet fast meal",
    "meal": "food eat diet",
    "meals": "food eat diet",
    "drink": "alcohol drinking",
    "drinks": "alcohol drinking",
    "fasting": "fast food eat",
    "cost": "costs money price pay free charge",
    "costs": "cost money price pay free charge",
    "money": "cost price pay free charge",
    "price": "cost money pay",
    "paying": "cost money pay price",
    "travel": "travelling fly flying holiday abroad",
    "travelling": "travel fly flying holiday abroad",
    "traveling": "travel fly flying holiday abroad",
    "flying": "fly flight travel airport",
    "working": "work job",
    "work": "working job",
}
# Shortest stem that is compared by its start ("travel" in "travelling")
_PREFIX_AT_LEAST = 4


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
    when it named one thing or none. A fact that does not speak to the point is not its answer ("and alcohol?"
    after "can i fly after PRRT?" is not answered by the airport card). [] when it named nothing and no fact
    answers it."""
    question = narrowed(earlier, point)
    named = list({m.treatment.id: m for m in find_treatments(earlier) if not m.guessed}.values())
    if len(named) < 2:
        unheld = not_held(question)
        if unheld:
            return [unheld.text]
        fact = _on_point(answering_fact(question), point)
        if fact is not None:
            return [fact.text]
        return [f"The information I hold does not cover {point} here.", WHO_CAN_TELL] if named else []
    found_for: dict[str, list[str]] = {}  # a fact's text -> the names it answers for, in the order named
    missing: list[str] = []
    for mention in named:
        own = {mention.treatment.id, *mention.treatment.part_of}
        others = {i for m in named if m is not mention for i in (m.treatment.id, *m.treatment.part_of)} - own
        candidates = [
            found
            for asked in (
                f"{question} ({mention.typed})",
                f"{point} before {mention.typed}?",
                f"what about {point} with {mention.typed}?",
                f"{point} with {mention.typed}?",
                *(f"{kin} with {mention.typed}?" for kin in _KIN.get(point, "").split()[:1]),  # "diet": "food"
            )
            for found in _facts_on_point(asked, point)
            if treatments_of(found) & own
        ]
        # its own fact before one shared with the other side ("creon" and "lanreotide": not the SSA fact twice)
        fact = next((f for f in candidates if not treatments_of(f) & others), candidates[0] if candidates else None)
        if fact is None:
            missing.append(mention.treatment.name)
        elif mention.treatment.name not in found_for.setdefault(fact.text, []):
            found_for[fact.text].append(mention.treatment.name)
    # one fact that speaks to both ("and food wise?" after creon with lanreotide) is said once, for both
    lines = [f"{_and(names)}: {text}" for text, names in found_for.items()]
    lines += [f"{name}: the information I hold does not cover {point}." for name in missing]
    return [*lines, WHO_CAN_TELL] if missing else lines


# "... can tell you.", "Your specialist team can tell you ...": a line that already says who can answer
_WHO_CAN = re.compile(r"\bcan\s+(?:tell|advise|talk|explain)\b", re.I)


def hands_back(lines: list[str]) -> bool:
    """Whether the narrowed answer already says who can tell them, so no second hand-back follows it."""
    return bool(lines) and bool(_WHO_CAN.search(lines[-1]))


def _facts_on_point(asked: str, point: str) -> list[Fact]:
    """The fact that answers, then the next best four, each when it speaks to the point."""
    first = answering_fact(asked)
    runners = [m.fact for m in default_index().scored(asked)[:5] if first is None or m.fact.id != first.id]
    return [f for f in (_on_point(fact, point) for fact in [first, *runners][:5]) if f is not None]


def _and(names: list[str]) -> str:
    return names[0] if len(names) == 1 else f"{', '.join(names[:-1])} and {names[-1]}"


def _on_point(fact: Optional[Fact], point: str) -> Optional[Fact]:
    """The fact when its text or people's words speak to the point (or a word of its kin), else None."""
    if fact is None:
        return None
    held = set(content_stems(" ".join([fact.text, *fact.words])))
    wanted = set(content_stems(f"{point} {_KIN.get(point, '')}"))
    return fact if any(_same_word(w, h) for w in wanted for h in held) else None


def _same_word(one: str, other: str) -> bool:
    """The same stem, or one the start of the other when both are long enough ("travel", "travell")."""
    if one == other:
        return True
    short, long_ = sorted((one, other), key=len)
    return len(short) >= _PREFIX_AT_LEAST and long_.startswith(short)
