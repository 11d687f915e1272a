"""Whole-criterion templates for the commonest families still shown in the registry's words (issue 18,
session 21): willing or able to do something, medicines used recently or now, an illness had within a
time or never, pregnancy tests and birth control in more phrasings, and more liver tests. Every case is a
real corpus sentence; each keeps every number, limit, negation, exception and scope, and passes the guards."""

from __future__ import annotations

import pytest

from bot.eligibility.guards import rewrite_problems
from bot.eligibility.plain import TEMPLATE, plain_criteria
from bot.eligibility.templates import write_with_template

CASES = [
    # willing or able to do something, in the registry's words after "to"
    (
        "willing or able to do something",
        "Able to take medications by mouth",
        "You are able to take medicines by mouth.",
    ),
    ("willing or able to do something", "Must be able to undergo MRI imaging", "You are able to undergo MRI imaging."),
    (
        "willing or able to do something",
        "Willing and able to complete questionnaires",
        "You are willing and able to complete questionnaires.",
    ),
    (
        "willing or able to do something",
        "Ability to understand and sign a written informed consent for participation in the trial",
        "You are able to understand and sign a written informed consent for participation in the trial.",
    ),
    (
        "willing or able to do something",
        "Inability to swallow oral medication.",
        "You are not able to swallow oral medicine.",
    ),
    (
        "willing or able to do something",
        "Patients who are unwilling or unable to provide informed consent",
        "You are not willing or not able to provide informed consent.",
    ),
    (
        "willing or able to do something",
        "Unwillingness or inability to comply with the study protocol for any reason",
        "You are not willing or not able to comply with the study protocol for any reason.",
    ),
    (
        "willing or able to do something",
        "inability to stand or sit upright for at least 60 minutes;",
        "You are not able to stand or sit upright for at least 60 minutes.",
    ),
    # medicines used within a time, or now
    (
        "recent medicine use",
        "Use of systemic antibiotics within the 7 days before enrollment.",
        "You used systemic antibiotics within the 7 days before enrollment.",
    ),
    (
        "recent medicine use",
        "Use of leflunomide within 6 months of randomization;",
        "You used leflunomide within 6 months of randomization.",
    ),
    (
        "recent medicine use",
        "have taken any depot antipsychotic within 4 weeks before screening",
        "You took any depot antipsychotic within 4 weeks before screening.",
    ),
    (
        "recent medicine use",
        "Treatment with phlebotomy within 2 weeks of screening visit",
        "You had treatment with phlebotomy within 2 weeks of screening visit.",
    ),
    (
        "recent medicine use",
        "use of oral diabetic agent within 12 weeks",
        "You used an oral diabetic agent within 12 weeks.",
    ),
    (
        "recent medicine use",
        "Treatment with bisphosphonates in the last 6 months.",
        "You had treatment with bisphosphonates in the last 6 months.",
    ),
    ("medicines used now", "Current use of warfarin", "You are now using warfarin."),
    (
        "medicines used now",
        "Current use of rapid acting insulin analog.",
        "You are now using a rapid acting insulin analog.",
    ),
    ("medicines used now", "Concomitant use of beta-blockers", "Alongside the study treatment, you use beta-blockers."),
    # an illness had within a time, or never
    ("recent history of an illness", "History of cancer in the last 5 years", "You had cancer in the last 5 years."),
    (
        "recent history of an illness",
        "History of thromboembolic event within the past 12 months",
        "You had a thromboembolic event within the past 12 months.",
    ),
    (
        "recent history of an illness",
        "Known history of substance abuse within the past 2 years",
        "You are known to have had substance abuse within the past 2 years.",
    ),
    (
        "recent history of an illness",
        "History of stroke or intracranial hemorrhage within 6 months prior to enrollment",
        "You had stroke or intracranial hemorrhage within 6 months before enrollment.",
    ),
    ("no history of an illness", "No history of pulmonary hypertension", "You have never had pulmonary hypertension."),
    (
        "no history of an illness",
        "No known history of dihydropyrimidine dehydrogenase deficiency",
        "You are not known to have had dihydropyrimidine dehydrogenase deficiency.",
    ),
    # pregnancy tests and birth control, more phrasings
    (
        "pregnancy test",
        "For women of childbearing potential, negative pregnancy test",
        "If you are a woman who could become pregnant, you have a negative pregnancy test.",
    ),
    (
        "pregnancy test",
        "Female subjects of childbearing potential must have a negative serum pregnancy test at screening.",
        "If you are a woman who could become pregnant, you have a negative serum pregnancy test at screening.",
    ),
    (
        "pregnancy test",
        "women of child-bearing potential must have a negative pregnancy test (urine) at screening visit;",
        "If you are a woman who could become pregnant, you have a negative urine pregnancy test at screening visit.",
    ),
    (
        "pregnancy test",
        "Women of childbearing potential must have a negative serum pregnancy test performed within 7 days prior to the start of treatment",
        "If you are a woman who could become pregnant, you have a negative serum pregnancy test within 7 days before the start",
    ),
    (
        "birth control",
        "Agree to use an acceptable method of contraception for the duration of the study",
        "You agree to use acceptable birth control for the duration of the study.",
    ),
    (
        "birth control",
        "Patients of child-bearing potential must agree to use an effective form of contraception while on study and for 3 months following completion of study treatment.",
        "If you could become pregnant, you agree to use effective birth control while on study and for 3 months",
    ),
    (
        "birth control",
        "Females of child-bearing potential must use appropriate contraception.",
        "If you are a woman who could become pregnant, you use suitable birth control.",
    ),
    # a diagnosis confirmed in the lab
    (
        "diagnosis confirmed by a lab test",
        "Histologically or cytologically confirmed adenocarcinoma of the colon or rectum.",
        "A lab test of tissue or cells has confirmed that you have adenocarcinoma of the colon or rectum.",
    ),
    (
        "diagnosis confirmed by a lab test",
        "Patients must have a histologically confirmed diagnosis of intracranial glioblastoma multiforme (GBM) or gliosarcoma (GS).",
        "A lab test of tissue has confirmed that you have intracranial glioblastoma multiforme (GBM) or gliosarcoma (GS).",
    ),
    (
        "diagnosis confirmed by a lab test",
        "Histologically confirmed solid tumor",
        "A lab test of tissue has confirmed that you have a solid tumor.",
    ),
    (
        "diagnosis confirmed by a lab test",
        "Pathologically proven stage IB, II or III NSCLC,",
        "A lab test has confirmed that you have stage IB, II or III NSCLC.",
    ),
    # liver tests one at a time, and a pair joined by "or"
    (
        "blood counts and organ function",
        "ALT greater than 5 x ULN at screening",
        "Your ALT is more than 5 times ULN at screening.",
    ),
    ("blood counts and organ function", "AST (SGOT) ≤2.5 x ULN", "Your AST is at most 2.5 times ULN."),
    (
        "blood counts and organ function",
        "Alkaline phosphatase ≤ 2.5 times ULN",
        "Your alkaline phosphatase is at most 2.5 times ULN.",
    ),
    (
        "blood counts and organ function",
        "Alanine aminotransferase (ALT) or aspartate aminotransferase (AST) >2 times upper limit of normal",
        "Your ALT or AST is more than 2 times ULN.",
    ),
    ("blood counts and organ function", "AST/ALT > 3 x ULN", "Your AST or ALT is more than 3 times ULN."),
    ("blood counts and organ function", "AST and ALT ≤ 2.5 x ULN", "Your AST and ALT are at most 2.5 times ULN."),
]


@pytest.mark.parametrize("family, text, expected", CASES)
def test_common_families_on_corpus_phrasings(family: str, text: str, expected: str) -> None:
    written = write_with_template(text, str)
    assert written is not None, text
    assert written.family == family
    assert written.sentence.startswith(expected), written.sentence
    assert rewrite_problems(text, written.sentence, written.sentence) == []


@pytest.mark.parametrize(
    "text",
    [
        # a second ask or a judge joined on: "able to" must not swallow it
        "Ability to understand and willingness to grant informed consent",
        "Pregnant, lactating or unwilling to use contraception.",
        # an exception, a condition or a reason the sentence would carry wrongly
        "Inability to take oral medication unless a feeding tube is in place",
        "Concomitant use of antithrombotic agents with the exception of platelet inhibitors.",
        "Current use of steroids, except inhaled steroids",
        # a time on "now" or "alongside": which comes first is not to be guessed
        "Concurrent use of other anti-cancer agents or treatments within the past 28 days.",
        "Concomitant use of CYP3A4 strong inducers within 2 weeks of trial medications.",
        # a second thing had, not a medicine used
        "Subject has used any investigational drugs or donated blood within 30 days prior to study drug administration.",
        "Subject has taken another investigational product or taken part in a clinical trial within 30 days prior to Screening.",
        "Current use of illicit drugs or current evidence of alcohol abuse.",
        "Current use of certain medications may exclude participation in this study.",
        "Concurrent use of any of the following agents and therapies:",
        # a lead-in, a second history, a judge, or a time joined to more
        "History of any one or more of the following cardiovascular conditions within the past 6 months:",
        "Has a history of drug abuse or a history of alcohol abuse within the past 2 years.",
        "History of drug abuse as assessed by the investigator within the last 2 years.",
        "Patient has a history of acute pancreatitis within 1 year of screening or a past medical history of chronic pancreatitis",
        "Any history of epilepsy as evidenced by one or more seizures in the last 12 months.",
        "No history of or active brain metastases",
        "History of regular alcohol consumption within 6 months of the study defined as:",
        # a test with a second limit or a second ask
        "Women of childbearing potential must have negative serum pregnancy test ≤72 hours and not >7 days prior to starting study drug.",
        "Females of childbearing potential must have a negative pregnancy test and use appropriate birth control throughout the study.",
        "Adults of reproductive potential must agree to use effective contraception or be sterile",
        "Women of childbearing potential must use a highly effective form of birth control from Visit 1 until 16 weeks after"
        " their last dose, and negative serum pregnancy test result at Visit 1.",
        "No history of using an experimental NNRTI",
        # a scope alone is often a lead-in to the items below it
        "Women of childbearing potential",
        "For women of childbearing potential:",
        # a diagnosis with a clause, a condition or a second requirement after it
        "Histologically or cytologically confirmed melanoma, previously treated with chemotherapy or IL-2",
        "Patients must have histologically confirmed non-small cell lung cancer (NSCLC) which is accessible to biopsy.",
        "Histologically proven NHL, and for which intensive chemotherapy is considered treatment-of-choice.",
        "Histologically or cytologically confirmed small cell lung cancer (SCLC). Mixed histology will not be eligible.",
        "Histologically confirmed diagnosis by pathologic review",
        # an exception on a liver test
        "AST and ALT: <3 xUNL except liver infiltration",
    ],
)
def test_more_to_it_is_not_forced_into_a_template(text: str) -> None:
    """No family's own sentence; at most the registry's words said to "you" (session 22: "Subject has used ..."
    -> "You have used ..."), which keep the whole item."""
    written = write_with_template(text, str)
    assert written is None or written.family == "about you (the registry's words)", written


def test_the_slot_keeps_the_registry_words_and_explains_them() -> None:
    plain = plain_criteria("Exclusion Criteria:\n- Inability to undergo a lumbar puncture")
    item = plain.exclusion[0]
    assert item.how == TEMPLATE and item.family == "willing or able to do something"
    assert "lumbar puncture" in item.sentence
    assert any("lumbar puncture" in note.lower() for note in item.notes)
