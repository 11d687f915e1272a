"""The general part of a personal question answered by the fact that holds its point (issue 16, session 23),
and a trial view whose record lists no groups saying what its summary compares."""

from __future__ import annotations

from bot.knowledge.facts import answering_fact
from bot.trials.about import compared_line
from bot.trials.query import Arm
from tests.helpers.trial_detail import trial


def test_an_injection_or_tablets_question_gets_how_lanreotide_is_given() -> None:
    fact = answering_fact(
        "the consultant wants him on lanreotide. is that an injection or tablets?", topic="lanreotide"
    )
    assert fact is not None and "injected" in fact.text


def test_a_diabetic_asking_about_octreotide_gets_the_blood_sugar_fact() -> None:
    fact = answering_fact("hubby is type 2 diabetic and starts octreotide. does the octreatide mess with blood sugar?")
    assert fact is not None and fact.id == "ssa_blood_sugar_heart"


def test_prrt_not_for_nec_says_a_scan_must_show_receptors() -> None:
    fact = answering_fact("could a NEC be treated with lutathera?", topic="what_is_prrt")
    assert fact is not None and "scan" in fact.text and "NECs" in fact.text


def test_a_liver_transplant_question_hears_that_the_cancer_often_comes_back() -> None:
    fact = answering_fact("liver transplants for NETs that have spread to the liver. is that a real thing?")
    assert fact is not None and "come back" in fact.text and "rarely" in fact.text


def test_what_a_record_without_groups_compares_is_quoted_from_its_summary() -> None:
    personalised = trial(
        summary="PRRT is common. This trial aims to compare personalized PRRT to non-personalized PRRT."
    )
    assert compared_line(personalised) == (
        'What it compares, in its summary\'s words: "compare personalized PRRT to non-personalized PRRT".'
    )
    scan = trial(
        summary="The aim is to evaluate the performance of Al18F-NOTA-octreotide PET in comparison with 68Ga-DOTA PET."
    )
    said = compared_line(scan)
    assert said is not None and '"Al18F-NOTA-octreotide PET in comparison with 68Ga-DOTA PET"' in said
    grouped = trial(summary=personalised.summary, arms=(Arm("A", "EXPERIMENTAL"),))
    assert compared_line(grouped) is None  # its groups say what it compares
