"""A general question asked beside a request for trials: "is temozolomide taken by mouth? and are there any
trials near Bristol", "any trials in Manchester? also can you have PRRT twice". The general part is answered
from the single facts (bot/knowledge/facts.py), or said plainly not to be held, or else with the nearest topic's
answer of the treatment it names ("what are the side effects of PRRT?": bot/knowledge/nearest_topic.py), before
the trials, in whichever order the two were asked; a treatment named only in that question does not narrow the
search, even when nothing we hold answers it ("is capecitabine a tablet? also are there trials in Sydney")."""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Optional

from bot.advice import asks_personal_advice
from bot.knowledge.facts import Fact, answering_fact, content_stems, treatments_of
from bot.knowledge.names import find_treatments, treatment_ids
from bot.knowledge.nearest_topic import nearest_topic, nearest_topic_text
from bot.knowledge.not_held import not_held, plainly_unheld
from bot.profile.trial_request import asks_for_trials
from bot.text import is_question

# Where one question ends and the next begins: an end mark, or "and" / "also" / "plus" before a question word
_BREAK = re.compile(
    r"\?+\s*|[.;!]\s+|\n+|,?\s+(?:and\s+also|and|also|plus)\s+(?=(?:is|are|can|could|do|does|did|how|what|when|where|"
    r"which|who|why|will|would|should|any|anything)\b)",
    re.I,
)
_LEADING_JOIN = re.compile(r"^(?:and|also|plus|oh|ok|so)\s+", re.I)
# "what about everolimus?", "anything with lutathera": a wish for its trials, not a question about it
_A_WISH = re.compile(r"^\W*(?:and\s+)?(?:(?:what|how)\s+about|any|anything)\b", re.I)
_ABOUT_TRIALS = re.compile(r"\b(?:trials?|studies|study|research)\b", re.I)


@dataclass(frozen=True)
class Beside:
    """One general question of the message, where it stands in it, and its answer (None: we hold none)."""

    question: str
    start: int
    end: int
    answer: Optional[str]


def _pieces(text: str) -> list[tuple[str, int]]:
    """The message's clauses, each with where it starts."""
    pieces, at = [], 0
    for found in [*_BREAK.finditer(text), None]:
        end = found.start() if found else len(text)
        piece = text[at:end]
        lead = len(piece) - len(piece.lstrip())
        pieces.append((piece.strip(), at + lead))
        at = found.end() if found else len(text)
    return [(p, s) for p, s in pieces if p]


def answer_of(question: str) -> Optional[str]:
    """A general question's answer from what we hold: the fact that answers it, or plainly that we hold
    nothing on its exact point and who can tell, or else the answer of the nearest topic of the treatment
    it names ("what are the side effects of PRRT?": no one fact holds them all); None when none can be said."""
    unheld = not_held(question)
    if unheld is not None:
        return unheld.text
    fact = answering_fact(question)
    if fact is not None and not _about_what_is_named(fact, question):
        fact = None  # "how is PRRT given": not how PEN-221 was given in its study
    if fact is not None:
        return fact.text
    topic = None if _A_WISH.match(question) else nearest_topic_text(question)  # not "what about everolimus?"
    return plainly_unheld(question) or topic


def _about_what_is_named(fact: Fact, question: str) -> bool:
    """False when the question names treatments or tests and the fact names none of them and is not of their
    nearest topic (PEN-221's drip is no answer to "how is PRRT given?")."""
    about, named = treatments_of(fact), treatment_ids(question)
    return not named or bool(about & named) or fact.topic == nearest_topic(question)


def questions_beside(text: Optional[str]) -> list[Beside]:
    """The general questions of a message that also asks for trials, each with its answer; a question about a
    treatment it names that nothing we hold answers ("is capecitabine a tablet?") too, with no answer, so that
    the treatment does not narrow the search. [] when the message asks for no trials. A question of the
    person's own care is left to the search's own answer (bot/advice.py)."""
    text = text or ""
    pieces = _pieces(text)
    if len(pieces) < 2 or not any(asks_for_trials(p) for p, _ in pieces):
        return []
    found = []
    for piece, start in pieces:
        question = _LEADING_JOIN.sub("", piece)
        if not is_question(question) or _ABOUT_TRIALS.search(question) or asks_for_trials(question):
            continue
        if asks_personal_advice(question):
            continue
        answer = answer_of(f"{question}?")
        if answer or asks_of_a_treatment(question):
            found.append(Beside(question, start, start + len(piece), answer))
    return found


def general_questions_beside(text: Optional[str]) -> list[Beside]:
    """The general questions beside a request for trials that we can answer (`questions_beside`)."""
    return [beside for beside in questions_beside(text) if beside.answer]


def asks_of_a_treatment(question: str) -> bool:
    """ "is capecitabine a tablet": the question names a treatment and asks something of it; not "what about
    everolimus" (only the name: a wish for its trials)."""
    named = [m for m in find_treatments(question) if not m.guessed]
    names = {word for m in named for word in m.typed.split()}
    return bool(named) and bool(set(content_stems(question)) - set(content_stems(" ".join(names))))


def within_answered(start: int, end: int, answered: list[Beside]) -> bool:
    """Whether the words at start:end (an entity's span) belong to a question already answered."""
    return any(b.start <= start and end <= b.end for b in answered)
