"""The nearest knowledge topic to a general question that names a treatment or test, read from its words
alone (no Rasa): "what are the side effects of PRRT?" -> prrt_side_effects, "how is PRRT given" ->
prrt_how_given, "what does everolimus do" -> everolimus. For a question asked beside a request for trials
(bot/followups/beside_search.py) that no single fact answers: the topic's own text answers it, where a
button would only ask the person to ask again."""

from __future__ import annotations

from functools import lru_cache
from pathlib import Path
from typing import Optional

import yaml

from bot.knowledge.facts import content_stems
from bot.knowledge.names import find_treatments
from bot.profile.message import KNOWLEDGE_TOPICS

RESPONSES_FILE = Path(__file__).resolve().parents[2] / "data" / "nlu" / "knowledge_responses.yml"
RESPONSE_PREFIX = "utter_knowledge/"
# Words of a topic's name that say nothing of what it answers ("what_is_prrt")
_NAME_ONLY = frozenset({"what", "is", "a", "and", "of"})
# Words that ask what a treatment or test itself is or how it goes, which its own topic answers
# ("how is the gallium scan done", "what does TACE involve", "how does everolimus work")
_ABOUT_ITSELF = frozenset({"done", "involve", "work"})


@lru_cache(maxsize=1)
def topic_texts() -> dict[str, str]:
    """Each knowledge topic's answer (its first variant), by topic id ("prrt_side_effects")."""
    responses = yaml.safe_load(RESPONSES_FILE.read_text(encoding="utf-8"))["responses"]
    return {
        key.removeprefix(RESPONSE_PREFIX): str(variants[0].get("text") or "").strip()
        for key, variants in responses.items()
        if key.startswith(RESPONSE_PREFIX) and variants
    }


def nearest_topic(question: Optional[str]) -> Optional[str]:
    """The topic of the first treatment or test the question names, or the one of its family whose name's
    other words the question asks about ("side effects of PRRT": prrt_side_effects); None when it names
    none with a topic of its own."""
    scored = _scored_topic(question)
    return scored[1] if scored else None


@lru_cache(maxsize=64)  # asked twice for one question beside a search (`nearest_topic`, `nearest_topic_text`)
def _scored_topic(question: Optional[str]) -> Optional[tuple[int, str]]:
    """`nearest_topic` with how many of the question's words its name shares (0: the treatment's own topic,
    which no word of the question chose)."""
    texts = topic_texts()
    own = next(
        (
            topic
            for m in find_treatments(question or "")
            if not m.guessed
            for tid in (m.treatment.id, *m.treatment.part_of)
            for topic in (tid, KNOWLEDGE_TOPICS.get(tid))
            if topic in texts
        ),
        None,
    )
    if own is None:
        return None
    asked = set(content_stems(question or ""))
    named = set(own.split("_")) - _NAME_ONLY
    family = [topic for topic in texts if named & set(topic.split("_"))]
    scored = [(len(asked & set(content_stems(" ".join(set(t.split("_")) - named)))), t) for t in family]
    best = max(scored, default=(0, own), key=lambda pair: pair[0])
    return best if best[0] else (0, own)


def nearest_topic_text(question: Optional[str]) -> Optional[str]:
    """The answer of the nearest topic (`nearest_topic`) when it speaks to the question: a topic its words
    chose ("side effects of PRRT"), or the treatment's own when the question asks nothing but what it is
    ("what does everolimus do"). None for "is PRRT safe if I'm pregnant?": the general text of PRRT does
    not answer it."""
    scored = _scored_topic(question)
    if scored is None:
        return None
    score, topic = scored
    if not score and _asks_more_than_the_name(question or ""):
        return None
    return topic_texts().get(topic)


def _asks_more_than_the_name(question: str) -> bool:
    """Whether the question has words of its own beside the treatments' and tests' names it types."""
    names = " ".join(m.typed for m in find_treatments(question) if not m.guessed)
    return bool(set(content_stems(question)) - set(content_stems(names)) - _ABOUT_ITSELF)
