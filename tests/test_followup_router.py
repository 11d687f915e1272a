"""FollowUpRouter: which messages become questions about the trial in focus."""

from __future__ import annotations

from typing import Optional

import pytest
from rasa.shared.nlu.training_data.message import Message

from bot.text import is_question
from bot.trials.mentions import asks_if_it_would_exclude
from components.followup_router import FollowUpRouter


def routed(text: str, intent: str) -> Optional[str]:
    message = Message(data={"text": text, "intent": {"name": intent, "confidence": 0.9}})
    return FollowUpRouter().route(message)


@pytest.mark.parametrize(
    "text, target",
    [
        ("im 82 is that too old", "ask_trial_detail"),
        ("my dad is 74 would he be too old", "ask_trial_detail"),
        ("shes 17, is there a lower age limit?", "ask_trial_detail"),
        ("Mum is 81 and still drives herself everywhere lol. Is there a cut off age?", "ask_trial_detail"),
        ("she had PRRT 2 years ago, does that rule her out", "ask_personal_advice"),
        ("he had everolimus, would that stop him joining?", "ask_personal_advice"),
        ("ive got type 2 diabetes does that exclude me", "ask_personal_advice"),
        ("had a whipple last year can i still take part?", "ask_personal_advice"),
        # facts without a question stay facts, for the profile
        ("im 82", None),
        ("she had PRRT in 2023 and it stopped working", None),
        ("shes 45 and had a whipple", None),
        ("she is 80 and was too old for the last one", None),
        ("it keeps growing", None),
        ("I live in leeds, my mum has a NET in her liver", None),
    ],
)
def test_a_question_behind_a_fact_is_moved(text: str, target: Optional[str]) -> None:
    assert routed(text, "inform") == target


@pytest.mark.parametrize(
    "text, moved",
    [
        ("is there a placebo", True),
        ("is it randomised", True),
        ("are people put in groups at random", True),
        ("how many people are taking part", True),
        ("whats the phase", True),
        ("are there results yet", True),
        ("what is a placebo", False),
        ("what does phase 3 mean", False),
        ("is there a placebo in trials", False),
        ("is there a cure", False),
        ("how long could my husband live without any treatment", False),
        ("so is it a computer that picks whether you get the octreotide or not? or does the doctor decide", True),
        ("why did they pull the plug on it", True),
    ],
)
def test_yes_no_questions_that_only_fit_one_trial(text: str, moved: bool) -> None:
    assert (routed(text, "knowledge") == "ask_trial_detail") is moved


def test_a_question_whether_it_keeps_them_out_is_never_a_topic() -> None:
    assert routed("he had lutathera back in 2022 does that rule him out", "knowledge") == "ask_personal_advice"
    assert routed("can a gallium scan rule out spread?", "knowledge") is None


def test_a_design_question_read_as_who_can_join_is_moved_but_age_is_not() -> None:
    assert routed("do they randomly pick who gets the chemo", "ask_eligibility") == "ask_trial_detail"
    assert routed("how many people can join this trial", "ask_eligibility") == "ask_trial_detail"
    assert routed("can women join this one", "ask_eligibility") is None
    assert routed("who can join this study", "ask_eligibility") is None


def test_whom_to_talk_to_about_the_trial_is_its_team() -> None:
    assert routed("who do i talk to about this one", "ask_helpline") == "ask_trial_contacts"
    assert routed("can i speak to someone about the trial", "ask_helpline") == "ask_trial_contacts"
    assert routed("can i talk to a nurse", "ask_helpline") is None
    assert routed("i need to talk to someone about my scan", "ask_helpline") is None


def test_an_unsure_classifier_does_not_stop_a_trial_question() -> None:
    assert routed("what does phase 3 actually mean for this one", "nlu_fallback") == "ask_trial_detail"


def test_other_intents_are_not_moved_by_the_fact_rule() -> None:
    assert routed("she had PRRT 2 years ago, does that rule her out", "search_trials") is None
    assert routed("how long would I be on it?", "knowledge") == "ask_trial_detail"


@pytest.mark.parametrize(
    "text, asked",
    [
        ("is that too old", True),
        ("im 82 is that too old", True),
        ("any trials near leeds", True),
        ("wud he be ok", True),
        ("what about lanreotide.", True),
        ("ok. does it matter", True),
        ("im 82", False),
        ("she had PRRT in 2023", False),
        ("she is 80 and was too old", False),
        ("my mum does it is what she said", False),
    ],
)
def test_questions_without_a_question_mark(text: str, asked: bool) -> None:
    assert is_question(text) is asked


@pytest.mark.parametrize(
    "text, excludes",
    [
        ("does that rule her out", True),
        ("would it rule my dad out", True),
        ("can a scan rule out spread", False),
        ("does diabetes exclude me", True),
        ("would that stop him joining", True),
        ("can i still take part", True),
        ("is he disqualified", True),
        ("would it count against me", True),
        ("does that mean she can't do it", True),
        ("it keeps growing", False),
        ("does it matter which hospital", False),
        ("the scans are a problem", False),
        ("she stopped the tablets", False),
    ],
)
def test_only_words_about_being_kept_out(text: str, excludes: bool) -> None:
    assert asks_if_it_would_exclude(text) is excludes


@pytest.mark.parametrize(
    "text, intent, target",
    [
        ("what are the different arms?", "compare_trials", "ask_trial_detail"),
        ("netter-2 vs clarinet, what are the arms", "compare_trials", None),  # two things: the comparison
        (
            "so there's a chance i'd get a dummy capsule instead of the sutent?",
            "ask_personal_advice",
            "ask_trial_detail",
        ),
        ("why was it stopped early? was it unsafe??", "out_of_scope", "ask_trial_detail"),
        ("what is the weather like", "out_of_scope", None),
    ],
)
def test_trial_questions_the_classifier_read_as_something_else(text: str, intent: str, target: Optional[str]) -> None:
    assert routed(text, intent) == target


@pytest.mark.parametrize(
    "text, intent, expected",
    [
        ("we're in swansea, which hospital on the list is nearest", "inform", "ask_trial_where"),
        ("Wir wohnen in Mannheim. Welches Zentrum ist am nächsten?", "search_trials", "ask_trial_where"),
        ("abito a Brindisi, qual è il centro più vicino?", "out_of_scope", "ask_trial_where"),
        ("cual es el hospital mas cerca", "out_of_scope", "ask_trial_where"),
        ("closest site to allentown PA?", "find_centres", "ask_trial_where"),
        ("where is the nearest NET specialist centre to leeds", "find_centres", None),  # the NET centres
        ("any trials at the nearest hospital to me", "search_trials", None),  # a search
    ],
)
def test_the_nearest_site_of_the_trial(text: str, intent: str, expected: Optional[str]) -> None:
    assert routed(text, intent) == expected


@pytest.mark.parametrize(
    "text, intent, expected",
    [
        ("what questions should i ask the oncologist about trials", "knowledge", "ask_trial_questions"),
        ("what should i ask the research nurse", "ask_helpline", "ask_trial_questions"),
        ("any tips on what to ask at mums appointment about the study", "knowledge", "ask_trial_questions"),
        ("what questions do they ask you before a trial", "knowledge", None),  # what they ask: a topic
        ("what is a trial", "knowledge", None),
    ],
)
def test_questions_to_take_along(text: str, intent: str, expected: Optional[str]) -> None:
    assert routed(text, intent) == expected


def test_a_question_naming_the_trial_by_number_is_about_it() -> None:
    assert routed("NCT06787014 sorry. how many people do they want", "nlu_fallback") == "ask_trial_detail"
