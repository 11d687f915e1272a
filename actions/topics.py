"""The knowledge topic a message touches, whatever its intent: the topic selector's choice
when it is confident, else the topic of a treatment or test the message names."""

from __future__ import annotations

import re
from typing import Any, Optional

from rasa_sdk import Tracker

from actions.profile import message_text
from bot.profile.message import KNOWLEDGE_TOPICS
from bot.profile.read import read_message
from bot.profile.treatments import named_ids
from bot.profile.wording import readable
from bot.text import normalize

# The topic selector's confidence above which its topic is the question's general part: below
# it, a topic named by a treatment in the message is used, else nothing general is answered.
TOPIC_CONFIDENCE = 0.5


def bot_texts(tracker: Tracker) -> list[str]:
    """Everything the assistant has said in this conversation."""
    return [e.get("text") or "" for e in tracker.events if e.get("event") == "bot"]


def classifier_said_knowledge(tracker: Tracker) -> bool:
    """The classifier's own first choice was a knowledge topic (a router then changed the
    intent: components/followup_router.py, components/feeling_router.py)."""
    ranking = tracker.latest_message.get("intent_ranking") or []
    return len(ranking) > 1 and ranking[1].get("name") == "knowledge" and ranking[0].get("confidence") == 1.0


def _selector_choice(tracker: Tracker) -> tuple[str, float]:
    """The topic selector's knowledge response key ("knowledge/whipple") and its confidence."""
    chosen = ((tracker.latest_message.get("response_selector") or {}).get("knowledge") or {}).get("response") or {}
    return str(chosen.get("intent_response_key") or ""), float(chosen.get("confidence") or 0)


def _put_right(response: str, text: str, responses: dict[str, Any]) -> str:
    return (
        _not_the_one_they_had(response, text, responses)
        or _net_treatment_for_a_nec(response, text, responses)
        or response
    )


def selected_topic(tracker: Tracker, domain: dict[str, Any]) -> Optional[str]:
    """The knowledge response for a message classified `knowledge`: the topic selector's choice
    whatever its confidence (what utter_knowledge would send), put right where the message names
    the treatment it is really about; else the topic of a treatment or test it names."""
    key, _ = _selector_choice(tracker)
    responses = domain.get("responses") or {}
    text = message_text(tracker) or ""
    if key.startswith("knowledge/") and "utter_" + key in responses:
        return _put_right("utter_" + key, text, responses)
    return named_topic(text, responses)


def general_topic(tracker: Tracker, domain: dict[str, Any], least: float = 0.0) -> Optional[str]:
    """The knowledge response that answers the general part of the message, if one does: the
    topic selector's, when it is sure (or at least `least` sure) or the classifier chose a
    knowledge topic itself."""
    key, confidence = _selector_choice(tracker)
    responses = domain.get("responses") or {}
    sure = confidence >= TOPIC_CONFIDENCE or (least and confidence >= least) or classifier_said_knowledge(tracker)
    text = message_text(tracker) or ""
    if key.startswith("knowledge/") and sure and "utter_" + key in responses:
        return _put_right("utter_" + key, text, responses)
    named = named_topic(text, responses)
    return _put_right(named, text, responses) if named else None  # the one to come, not the one had


def named_topic(text: str, responses: dict[str, Any]) -> Optional[str]:
    """The knowledge answer of the first treatment or test the message names, if there is one."""
    found = (knowledge_response(concept, responses) for concept in named_ids(readable(text)))
    return next((response for response in found if response), None)


def _not_the_one_they_had(response: str, text: str, responses: dict[str, Any]) -> Optional[str]:
    """ "Had the lanreotide jab for a year ... sunitinib is next ... what side effects should I look
    out for?": a story names a treatment had and one to come; the question is about the one to
    come, not the one the topic selector matched first."""
    named = named_ids(readable(text))
    if len(named) < 2:
        return None
    had = {treatment.id for treatment in read_message(text).treatments}
    answers = {concept: knowledge_response(concept, responses) for concept in named}
    if not any(answer == response and concept in had for concept, answer in answers.items()):
        return None
    return next((answer for concept, answer in answers.items() if answer and concept not in had), None)


# Treatments used for NETs and not for NECs (the net_or_nec answer says so)
_NET_ONLY_ANSWERS = {
    f"utter_knowledge/{topic}"
    for topic in (
        "somatostatin_analogues",
        "lanreotide",
        "octreotide",
        "ssa_injections",
        "what_is_prrt",
        "prrt_how_given",
        "prrt_side_effects",
        "prrt_home_safety",
    )
}
_WHY_NOT_OFFERED = re.compile(
    r"\b(?:why|isn t|aren t|wasn t|not being|not offered|offer\w*|suitable|work for|(?:can|could) (?:she|he|i|they|we) (?:have|get))\b"
)


def _net_treatment_for_a_nec(response: str, text: str, responses: dict[str, Any]) -> Optional[str]:
    """ "Mum has NEC (G3, small cell). Why isn't she being offered the lanreotide injections?": the
    general part is why NETs and NECs are treated differently, not how the injections are given."""
    if response not in _NET_ONLY_ANSWERS or "utter_knowledge/net_or_nec" not in responses:
        return None
    if read_message(text).tumour_type != "NEC" or not _WHY_NOT_OFFERED.search(normalize(text)):
        return None
    return "utter_knowledge/net_or_nec"


def knowledge_response(concept: Optional[str], responses: dict[str, Any]) -> Optional[str]:
    """The knowledge answer written for a treatment or test id, if the domain has it."""
    topic = KNOWLEDGE_TOPICS.get(concept or "")
    response = f"utter_knowledge/{topic}" if topic else None
    return response if response in responses else None


def topic_of(response: Optional[str]) -> Optional[str]:
    """ "utter_knowledge/whipple" -> "whipple" (the topic id the single facts name)."""
    return response.removeprefix("utter_knowledge/") if response and response.startswith("utter_knowledge/") else None


def response_text(domain: dict[str, Any], response: Optional[str]) -> str:
    """The words of a response in the domain (its first variant), "" when there is none."""
    variants = (domain.get("responses") or {}).get(response or "") or [{}]
    return str(variants[0].get("text") or "")
