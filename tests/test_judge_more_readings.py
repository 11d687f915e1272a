"""More criteria shapes the judge reads (issue 19, session of 2026-12-06): each with real sentences
from the shared corpus or the shipped records where one exists, and the profiles it must never
rule out wrongly. A wrong "does not match" is the worst error, so most tests check that one."""

from __future__ import annotations

from typing import Any, Optional

import pytest

from bot.eligibility.judge import ASK_TEAM, DOES_NOT_MATCH, MATCHES, judge
from bot.eligibility.person import person_from_json
from bot.eligibility.records import TrialRecord
from tests.helpers.judge import trial

NAIVE: dict[str, Any] = {"treatments": []}
CAPTEM: dict[str, Any] = {"treatments": ["capecitabine and temozolomide"]}
PLATINUM: dict[str, Any] = {"treatments": ["cisplatin and etoposide"]}
FOLFIRI: dict[str, Any] = {"treatments": ["carboplatin and etoposide", "FOLFIRI"]}
PRRT_AND_MORE: dict[str, Any] = {"treatments": ["lanreotide", "everolimus", "PRRT"]}


def verdict(record: TrialRecord, field: str, person: dict[str, Any]) -> Optional[str]:
    return judge(record, person_from_json(person)).verdict(field)


# -- recovering from a treatment is never a need to have had one ------------------------------------------
@pytest.mark.parametrize(
    "sentence",
    [
        "Resolved acute effects of any prior therapy to baseline or Grade ≤1 severity",  # NCT03481920
        "Any acute adverse effects of prior therapy must have resolved to ≤ NCI CTCAE (Version 4.0) grade 1 "
        "(excluding alopecia) prior to Day 1 of Cycle 1",  # NCT03404752
        "All adverse events from prior treatment are resolved or stable",  # NCT00297089
    ],
)
def test_recovery_from_a_treatment_asks_for_none(sentence: str) -> None:
    assert verdict(trial([sentence]), "treatments", NAIVE) in (None, MATCHES)


def test_a_heading_asks_for_nothing() -> None:
    assert verdict(trial(["Prior Systemic Therapy"]), "treatments", NAIVE) is None  # NCT01184274


# -- allowances: "either ... or not", "naive or treated", "any number of" ---------------------------------
@pytest.mark.parametrize(
    "sentence",
    [
        # NCT00418028
        "Patients that either have received previous treatment with anthracyclines and/or taxanes or not "
        "(either as advance or in metastatic disease).",
        "Treatment-naïve or having received prior systemic treatments for metastatic melanoma",  # NCT01910181
        "Recurrent ovarian cancer with any number of prior therapies",  # NCT02244502
    ],
)
def test_allowances_never_rule_out(sentence: str) -> None:
    for person in (NAIVE, CAPTEM, PRRT_AND_MORE):
        assert verdict(trial([sentence]), "treatments", person) != DOES_NOT_MATCH


def test_naive_with_the_diaeresis_is_naive() -> None:
    record = trial(["Bevacizumab-naïve - no prior exposure to Bevacizumab"])  # NCT02529072
    assert verdict(record, "treatments", CAPTEM) == MATCHES


def test_no_previous_treatment_with_a_named_drug_names_only_it() -> None:
    record = trial(["No previous treatment with everolimus or sunitinib"])
    assert verdict(record, "treatments", CAPTEM) == MATCHES
    assert verdict(record, "treatments", PRRT_AND_MORE) == DOES_NOT_MATCH


# -- a rule for those on a treatment is not a need for it --------------------------------------------------
@pytest.mark.parametrize(
    "sentence",
    [
        # NCT02101918
        "Patients who are on a somatostatin analogue for control of hormonal syndromes must be on a stable dose "
        "(no change in mg dose of long acting octreotide or lanreotide, changes in dosing interval of +/- 1 week "
        "is allowed) for 2 months prior to date of study entry",
        "Patients receiving somatostatin analogues must be on a stable dose for 3 months",
        "Patients treated with SSA must continue the same dose during the study",
        "If on octreotide, patients must be on a stable dose",
    ],
)
def test_a_rule_for_those_on_a_drug(sentence: str) -> None:
    assert verdict(trial([sentence]), "treatments", NAIVE) != DOES_NOT_MATCH


def test_on_a_stable_dose_asks_for_the_drug() -> None:
    record = trial(["Patients must be on a stable dose of octreotide LAR for at least 3 months"])
    assert verdict(record, "treatments", NAIVE) == DOES_NOT_MATCH
    assert verdict(record, "treatments", {"treatments": ["octreotide"]}) == ASK_TEAM  # how long, the team knows


# -- groups the text marks only with a label, or not at all -------------------------------------------------
def test_a_group_label_without_a_colon_is_a_heading() -> None:
    text = (
        "Inclusion Criteria:\n\nGroup A (primary treatment)\n\n- Histologically confirmed NET\n- No prior PRRT\n\n"
        "Group B (maintenance)\n\n- Previously treated with lutetium-177 octreotate with benefit\n\n"
        "Exclusion Criteria:\n\n- Pregnancy"
    )
    record = TrialRecord("NCT00000000", text, None, None, None)
    assert verdict(record, "treatments", NAIVE) != DOES_NOT_MATCH
    assert verdict(record, "treatments", PRRT_AND_MORE) != DOES_NOT_MATCH


def test_a_treatment_asked_for_and_ruled_out_is_two_groups() -> None:
    record = trial(["No prior PRRT", "Prior treatment with lutetium-177 octreotate with stable disease or response"])
    assert not judge(record, person_from_json(NAIVE)).excluded
    assert not judge(record, person_from_json(PRRT_AND_MORE)).excluded
    washout = trial(["Prior treatment with lutetium-177 octreotate"], ["PRRT within 6 months before inclusion"])
    assert verdict(washout, "treatments", NAIVE) == DOES_NOT_MATCH  # a wait after it is no clash


# -- treatments by class and by name ----------------------------------------------------------------------
def test_drug_groups_by_their_class_names() -> None:
    anthracyclines = trial(exclusion=["Prior treatment with anthracyclines"])  # NCT00626704
    assert verdict(anthracyclines, "treatments", CAPTEM) == MATCHES
    alkylating = trial(exclusion=["Have received more than 6 cycles of therapy containing an alkylating agent"])
    assert verdict(alkylating, "treatments", CAPTEM) == ASK_TEAM  # temozolomide is one; how many cycles, the team knows
    assert verdict(alkylating, "treatments", PLATINUM) == MATCHES
    angiogenesis = trial(exclusion=["Prior anti-angiogenic therapy"])
    assert verdict(angiogenesis, "treatments", {"treatments": ["sunitinib"]}) == DOES_NOT_MATCH
    assert verdict(trial(exclusion=["Prior treatment with a rapalog"]), "treatments", PRRT_AND_MORE) == DOES_NOT_MATCH


def test_a_regimen_counts_only_whole() -> None:
    folfox = trial(["Patients who progress after 1st line therapy with FOLFOX/AVASTIN"])  # NCT00717990
    assert verdict(folfox, "treatments", FOLFIRI) == ASK_TEAM  # 5-FU in both: the team must say
    assert verdict(folfox, "treatments", CAPTEM) != DOES_NOT_MATCH
    folfirinox = trial(exclusion=["Prior treatment with FOLFIRINOX"])
    assert verdict(folfirinox, "treatments", FOLFIRI) == ASK_TEAM
    captem = trial(exclusion=["Prior treatment with CAPTEM"])
    assert verdict(captem, "treatments", CAPTEM) == DOES_NOT_MATCH
    assert verdict(captem, "treatments", PLATINUM) == MATCHES


def test_yttrium_labelled_peptides_are_prrt() -> None:
    record = trial(exclusion=["Prior treatment with lutetium-177 or yttrium-90 labelled peptides"])
    assert verdict(record, "treatments", PRRT_AND_MORE) == DOES_NOT_MATCH
    assert verdict(record, "treatments", {"treatments": ["SIRT"]}) == MATCHES
    assert verdict(trial(exclusion=["Prior 90Y-DOTATOC"]), "treatments", PRRT_AND_MORE) == DOES_NOT_MATCH


# -- hormones ---------------------------------------------------------------------------------------------
def test_functioning_or_not_is_everyone() -> None:
    record = trial(["Functional or nonfunctional tumor"])
    for person in ({"functioning": True, "syndrome": "insulinoma"}, {"functioning": False}, {}):
        assert verdict(record, "functioning", person) == MATCHES


def test_a_syndrome_spared_by_an_exclusion_is_not_asked_for() -> None:
    record = trial(exclusion=["Functioning tumours (except carcinoid syndrome)"])
    assert verdict(record, "syndrome", {"functioning": False}) != DOES_NOT_MATCH
    assert not judge(record, person_from_json({"functioning": True, "syndrome": "carcinoid syndrome"})).excluded
    assert judge(record, person_from_json({"functioning": True, "syndrome": "insulinoma"})).excluded


def test_only_is_firm_for_hormones() -> None:
    record = trial(["Non-functional tumours only"])
    assert verdict(record, "functioning", {"functioning": False}) == MATCHES
    assert verdict(record, "functioning", {"functioning": True, "syndrome": "gastrinoma"}) == DOES_NOT_MATCH


# -- grade and kind of tumour -----------------------------------------------------------------------------
def test_any_grade_takes_every_grade() -> None:
    record = trial(["Histologically confirmed NET of any grade"])
    for grade in (1, 2, 3):
        assert verdict(record, "grade", {"grade": grade}) == MATCHES
    assert verdict(trial(["Any grade 3 neuroendocrine neoplasm"]), "grade", {"grade": 1}) == DOES_NOT_MATCH


def test_a_carcinoma_under_who_2010_is_grade_3() -> None:
    record = trial(["Neuroendocrine carcinoma according to WHO 2010"])
    assert verdict(record, "differentiation", {"differentiation": "NET", "grade": 1}) == DOES_NOT_MATCH
    assert verdict(record, "differentiation", {"differentiation": "NET", "grade": 3}) == ASK_TEAM  # then a NEC too
    assert verdict(record, "differentiation", {"differentiation": "NET"}) == ASK_TEAM
    assert verdict(record, "differentiation", {"differentiation": "NEC"}) == MATCHES


# -- whether it can be removed ------------------------------------------------------------------------------
@pytest.mark.parametrize(
    "sentence", ["Patients in whom complete resection is not possible", "Surgery with curative intent is not feasible"]
)
def test_surgery_not_possible(sentence: str) -> None:
    assert verdict(trial([sentence]), "resectable", {"resectable": True}) == DOES_NOT_MATCH
    assert verdict(trial([sentence]), "resectable", {"resectable": False}) == MATCHES


def test_surgery_not_indicated_is_no_clear_no() -> None:
    # a small NET may be watched, not operated on, though it could be removed
    assert verdict(trial(["Surgery not indicated"]), "resectable", {"resectable": True}) != DOES_NOT_MATCH


def test_borderline_resectable_or_unresectable() -> None:
    # NCT01739439
    record = trial(
        [
            "For the expansion phase, patients must have borderline resectable or locally advanced / unresectable "
            "pancreatic cancer; these are defined as follows:"
        ]
    )
    assert verdict(record, "resectable", {"resectable": True}) == ASK_TEAM
    assert verdict(trial(["Borderline resectable or unresectable"]), "resectable", {"resectable": False}) == MATCHES


# -- advanced: spread, or grown too far to be removed -------------------------------------------------------
@pytest.mark.parametrize(
    "sentence",
    [
        "Well-differentiated advanced/metastatic pancreatic islet cell tumor",  # NCT00428597
        "Endocrine tumour in the intestine or pancreas and with locally advanced or metastatic disease",  # CLARINET
        "Advanced histologically confirmed well differentiated pancreatic neuroendocrine tumor",  # NCT01628913
    ],
)
def test_advanced_is_not_a_tumour_taken_out_that_had_not_spread(sentence: str) -> None:
    record = trial([sentence])
    assert judge(record, person_from_json({"spread": False, "treatments": ["removed during a colonoscopy"]})).excluded
    # one said to be removable is not advanced, unless "locally advanced" is a way in; one that cannot be removed is
    removable = judge(record, person_from_json({"spread": False, "resectable": True})).excluded
    assert removable == ("locally advanced" not in sentence)
    assert not judge(record, person_from_json({"spread": False, "resectable": False})).excluded
    assert not judge(record, person_from_json({"spread": False})).excluded
    assert not judge(record, person_from_json({"spread": True})).excluded


def test_advanced_in_an_exception_is_no_rule() -> None:
    record = trial(
        [
            "Failure or contra-indication of all standard therapies, except for the patients with advanced renal cell "
            "carcinoma, enrolled at the recommended dose who will be naïve of previous lines of therapy while metastatic."
        ]
    )  # ctgov NCT01334073
    assert not judge(record, person_from_json({"spread": True, "resectable": False})).excluded


def test_advanced_or_recurrent_may_be_a_removed_tumour_come_back() -> None:
    record = trial(["Diagnosis of advanced or recurrent cancer"])  # NCT00474916
    assert not judge(record, person_from_json({"spread": False, "treatments": ["Whipple"]})).excluded


def test_a_setting_of_treatment_is_not_the_stage() -> None:
    # NCT02658084
    record = trial(
        ["Prior treatment with a taxane, in the neoadjuvant, adjuvant, locally advanced or metastatic setting."]
    )
    assert verdict(record, "spread", {"spread": False, "resectable": True}) is None


def test_an_age_not_allowed() -> None:
    # NCT02246127
    record = trial(exclusion=["For administrative matters (insurance) patients ≥ 95 are not allowed during the trial."])
    assert verdict(record, "age", {"age": 85}) == MATCHES
    assert verdict(record, "age", {"age": 95}) == DOES_NOT_MATCH
    assert verdict(trial(["Patients over 75 years are not eligible"]), "age", {"age": 75}) == MATCHES


def test_a_grade_3_net_is_not_a_carcinoma_named_by_its_look() -> None:
    g3_net = {"differentiation": "NET", "grade": 3, "ki67": 30}
    record = trial(["Pathologically confirmed poorly differentiated neuroendocrine carcinomas."])  # NCT02457273
    assert verdict(record, "differentiation", g3_net) == DOES_NOT_MATCH
    assert verdict(trial(["High-grade neuroendocrine carcinoma"]), "differentiation", g3_net) == ASK_TEAM


def test_cohorts_asking_alike_keep_each_others_doubts() -> None:
    # NCT02687958: a GEP NEC by its grade (WHO 2010) or a large cell lung NEC by its look
    record = trial(
        [
            "Histological / cytological diagnosis of GEP Neuroendocrine Carcinoma (NEC) with Ki67< 55% (WHO 2010)",
            "Histological/cytological diagnosis of large-cells neuroendocrine carcinoma of the lung with Ki67 <55%;",
        ]
    )
    assert not judge(record, person_from_json({"differentiation": "NET", "grade": 3, "site": "pancreas"})).excluded
    assert verdict(record, "differentiation", {"differentiation": "NET", "grade": 1}) == DOES_NOT_MATCH


def test_a_kind_named_as_an_exception_in_an_exclusion_is_not_asked_for() -> None:
    # NCT00316186
    record = trial(
        exclusion=[
            "Severe medical problems other than the diagnosis of SCLC that would limit the ability of the subject to "
            "follow study plan or that would expose the subject to extreme risk."
        ]
    )
    assert verdict(record, "differentiation", {"differentiation": "NET", "grade": 1}) != DOES_NOT_MATCH
