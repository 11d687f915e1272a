"""TrialNameRouter: a message that names one NCT number, and asks nothing about a part of it,
is about that trial whatever the classifier took it for."""

from __future__ import annotations

from typing import Optional

import pytest
from rasa.nlu.constants import SPACY_DOCS
from rasa.shared.nlu.constants import TEXT
from rasa.shared.nlu.training_data.message import Message

from components.trial_names import TrialNameRouter


def routed(nlp, text: str, intent: str) -> Optional[str]:  # type: ignore[no-untyped-def]
    message = Message(data={TEXT: text, "intent": {"name": intent, "confidence": 0.5}})
    message.set(SPACY_DOCS[TEXT], nlp(text))
    return TrialNameRouter().route(message)


@pytest.mark.parametrize(
    "text, intent",
    [
        ("NCT00326469 lanreotide spain", "inform"),
        ("swog chemo after surgery trial NCT05040360", "search_trials"),
        ("nct 02288377 please", "knowledge"),
        ("the nih gallium one NCT01967537", "nlu_fallback"),
        ("NCT00363051 everolimus phase 2", "nlu_fallback"),  # a phase named as a label, not asked about
        ("nurse gave me 3 numbers: NCT02859064, NCT00326469, NCT03457948", "ask_helpline"),  # several: listed
        ("NCT02859064 and NCT00326469, what are they", "knowledge"),
    ],
)
def test_one_number_shows_that_trial(nlp, text: str, intent: str) -> None:  # type: ignore[no-untyped-def]
    assert routed(nlp, text, intent) == "show_trial"


@pytest.mark.parametrize(
    "text, intent",
    [
        ("NCT06784752 is it randomised", "knowledge"),  # a part of it: the detail answer
        ("NCT06784752 what phase is it", "knowledge"),
        ("NCT03972488 vs NCT02246127", "search_trials"),  # two numbers: a comparison
        ("who can join NCT03972488", "ask_eligibility"),
        ("where does NCT03972488 run", "ask_trial_where"),
        ("lanreotide trials in spain", "search_trials"),
        ("who do i ring about NCT02859064 and NCT00326469?", "ask_helpline"),  # asks who to call
        ("NCT02859064 and NCT00326469, are they randomised", "knowledge"),  # a part of them
    ],
)
def test_other_messages_are_left(nlp, text: str, intent: str) -> None:  # type: ignore[no-untyped-def]
    assert routed(nlp, text, intent) is None


@pytest.mark.parametrize(
    "text, intent, expected",
    [
        ("sunland", "inform", "show_trial"),  # SUNLAND's acronym, though close to the brand Sulanda
        ("the sunland study", "knowledge", "show_trial"),
        ("eus", "knowledge", None),  # a test's own name, though a trial is called EUS too
        ("REMINET lanreotide maintenance", "knowledge", "show_trial"),  # a word or two of what it is, as a label
        ("REMINET results", "knowledge", None),  # a part of it: the detail answer
        ("is REMINET a good idea for my dad", "knowledge", None),
        ("did NETTER-2 work?", "knowledge", "ask_trial_detail"),  # read as a drug's topic: its results asked
        ("did the CLARINET study work", "inform", "ask_trial_detail"),
        (
            "my dad is 67 with a grade 2 NET spread to his liver. what is NETTER-2 and did it work?",
            "ask_eligibility",
            "ask_trial_detail",
        ),
        ("who can join NETTER-2 and did it work", "ask_eligibility", None),  # who can join asked too: left
        ("so was CLARINET actually a success", "inform", "ask_trial_detail"),
    ],
)
def test_a_trials_name_that_only_looks_like_a_drug(
    nlp,
    text: str,
    intent: str,  # type: ignore[no-untyped-def]
    expected: Optional[str],
) -> None:
    assert routed(nlp, text, intent) == expected


@pytest.mark.parametrize(
    "text, intent, expected",
    [
        ("hi, nurse here - NETTER-2 sites in the UK?", "ask_centres", "ask_trial_where"),
        ("which hospitals in the uk have the compete trial", "ask_centres", "ask_trial_where"),
        ("where does netter-2 run in the uk", "search_trials", "ask_trial_where"),
        ("NCT03972488 locations", "nlu_fallback", "ask_trial_where"),
        ("anything like netter-2 near leeds", "search_trials", None),  # others like it: a search
        ("netter-1 vs netter-2 sites", "compare_trials", None),  # two trials
        ("lutathera trials in the uk", "search_trials", None),  # a treatment, not a trial's name
    ],
)
def test_where_a_named_trial_runs(nlp, text: str, intent: str, expected: Optional[str]) -> None:  # type: ignore[no-untyped-def]
    assert routed(nlp, text, intent) == expected


@pytest.mark.parametrize(
    "text, intent, routed_to",
    [
        ("COMPOSE: ki67 range? prior PRRT ok?", "knowledge", "ask_eligibility"),
        ("netter-3 inclusion criteria", "knowledge", "ask_eligibility"),
        ("COMPOSE: ki67 range? prior PRRT ok?", "ask_personal_advice", "ask_eligibility"),
    ],
)
def test_a_question_about_a_trial_named_by_its_acronym_is_about_that_trial(  # type: ignore[no-untyped-def]
    nlp, text: str, intent: str, routed_to: str
) -> None:
    assert routed(nlp, text, intent) == routed_to


def test_a_named_trial_with_nothing_asked_of_it_is_left(nlp) -> None:  # type: ignore[no-untyped-def]
    assert routed(nlp, "is there anything like compose in the uk", "search_trials") is None
