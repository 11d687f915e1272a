"""CompareRouter: which messages ask to set two named things side by side."""

from __future__ import annotations

from typing import Optional

import pytest
from rasa.nlu.constants import SPACY_DOCS
from rasa.shared.nlu.constants import TEXT
from rasa.shared.nlu.training_data.message import Message

from components.compare_router import CompareRouter


def routed(nlp, text: str, intent: str = "knowledge") -> Optional[str]:  # type: ignore[no-untyped-def]
    message = Message(data={TEXT: text, "intent": {"name": intent, "confidence": 0.6}})
    message.set(SPACY_DOCS[TEXT], nlp(text))
    return CompareRouter().route(message)


@pytest.mark.parametrize(
    "text, intent",
    [
        ("insulinoma vs gastrinoma", "inform"),
        ("whats the difference between a glucagonoma and a vipoma", "knowledge"),
        ("octreotide scan v gallium pet, whats the diff", "knowledge"),
        ("compare lanreotide with everolimus please", "search_trials"),
        ("clarinet vs netter-2", "search_trials"),
        ("how does NCT03972488 differ from NCT02246127", "show_trial"),
        ("whipple versus distal pancreatectomy", "nlu_fallback"),
        ("jämför de två första tack", "out_of_scope"),
        ("carcinoid syndrome vs carcinoid crisis?", "knowledge"),
        ("whipple vs taking out the whole pancreas, what's the difference for diabetes afterwards", "knowledge"),
        ("difference between the first two?", "knowledge"),
        ("compare 1 and 3", "nlu_fallback"),
        ("cabaten v the dana farber cabo + nivolumab trial", "search_trials"),  # one trial, one described
        ("CLARINET and PROMID - what did each trial actually test?", "ask_trial_detail"),  # one stored, one not
        ("E2211 and SEQTOR - what did each one actually compare?", "show_trial"),
        ("our son has MEN1. SANO and PRIME both came up. what does each of them try?", "knowledge"),
        ("netter-2 and compete, are both still recruiting?", "ask_trial_detail"),
    ],
)
def test_two_named_things_set_side_by_side(nlp, text: str, intent: str) -> None:  # type: ignore[no-untyped-def]
    assert routed(nlp, text, intent) == "compare_trials"


@pytest.mark.parametrize(
    "text, intent",
    [
        ("trials comparing everolimus and prrt", "search_trials"),
        ("lutathera vs everolimus trial", "search_trials"),
        ("does the order of chemo and everolimus make a difference", "knowledge"),
        ("lanreotide or octreotide trials near me", "search_trials"),  # no word asking to compare
        ("what is the difference between a NET and normal pancreatic cancer", "knowledge"),  # one named
        ("should i have lanreotide or prrt, whats the difference for me", "ask_personal_advice"),
        ("my chest hurts, is it the lanreotide vs the everolimus", "emergency"),
        ("the first two were fine", "inform"),  # no word asking to compare
        ("does CLARINET give each group the same dose", "ask_trial_detail"),  # one trial, nothing beside it
        ("is NETTER-2 randomised and is there a placebo", "ask_trial_detail"),  # both sides about one trial
        ("i was on CLARINET, is NETTER-2 open to both men and women", "ask_trial_detail"),  # "both" not of the two
    ],
)
def test_searches_single_topics_and_safety_are_not_moved(nlp, text: str, intent: str) -> None:  # type: ignore[no-untyped-def]
    assert routed(nlp, text, intent) is None
