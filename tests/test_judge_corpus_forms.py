"""General readings of the criterion forms issue 19 lists (stage alternatives, "not amenable ... or
metastatic", places asked with "or", M0, "resectable or locally advanced", time words that are not a
"no"), each checked on real sentences of the shared corpus (../shared/ctgov/criteria-corpus.jsonl,
never a labelled trial): first that someone who could be in is not ruled out, then that the reading
still rules out the person it should."""

from __future__ import annotations

from typing import Any, Optional

import pytest

from bot.eligibility.judge import ASK_TEAM, DOES_NOT_MATCH, MATCHES, judge
from bot.eligibility.logic import negated
from bot.eligibility.person import person_from_json
from bot.eligibility.records import TrialRecord

LIVER = {"spread": True, "spread_sites": ["liver"]}
NODES_ONLY = {"spread": True, "spread_sites": ["lymph nodes"]}
NOT_SPREAD = {"spread": False}
REMOVABLE = {"spread": False, "resectable": True}
LOCALLY_ADVANCED = {"spread": False, "resectable": False}


def verdict(section: str, criterion: str, field: str, **person: Any) -> Optional[str]:
    other = "inclusion" if section == "exclusion" else "exclusion"
    items = {section: f"* {criterion}", other: "* Pregnancy"}
    text = f"Inclusion Criteria:\n\n{items['inclusion']}\n\nExclusion Criteria:\n\n{items['exclusion']}"
    return judge(TrialRecord("NCT00000000", text, None, None, None), person_from_json(person)).verdict(field)


# -- "not amenable to surgery ... or metastatic": the "not" is about the surgery --------------------------------
@pytest.mark.parametrize(
    "said",
    [
        # corpus NCT02107703, NCT02231749, NCT03131206, NCT02812693
        "Have locally advanced disease not amenable to curative treatment by surgery or metastatic disease.",
        "Advanced (not amenable to curative surgery or radiation therapy) or metastatic (AJCC Stage IV) RCC",
        "Subjects must have a histologically or cytologically confirmed diagnosis of locally advanced (AJCC Stage IIIB) "
        "not amenable to curative therapy or metastatic (AJCC Stage IV) NSCLC",
        "Patient must have histologically or cytologically confirmed diagnosis of stage III melanoma inoperable/not "
        "amenable to local treatment or stage IV melanoma.",
    ],
)
def test_metastatic_after_a_not_amenable_clause_is_asked_for(said: str) -> None:
    assert verdict("inclusion", said, "spread", **LIVER) == MATCHES
    # not spread and removable: no clear way in ("not amenable to curative therapy" may not mean surgery)
    assert verdict("inclusion", said, "spread", **REMOVABLE) in (ASK_TEAM, DOES_NOT_MATCH)


def test_not_eligible_for_surgery_is_about_the_tumour_not_a_rule_out() -> None:
    said = (  # corpus NCT00426127
        "Locally-advanced unresectable disease or be ineligible for neo-adjuvant therapy (Stage III disease, unresectable "
        "and medically unfit for neo-adjuvant treatment or decline chemo radiation treatment) or have metastatic disease."
    )
    assert verdict("inclusion", said, "spread", **LIVER) == MATCHES
    assert verdict("inclusion", said, "spread", **LOCALLY_ADVANCED) != DOES_NOT_MATCH


# -- stages named as alternatives ------------------------------------------------------------------------------
def test_stage_iiib_with_words_between_or_stage_iv_is_either() -> None:
    said = "Stage IIIB with pleural effusion or Stage IV disease by the American Joint Committee on Cancer (AJCC) 6th edition staging criteria."  # corpus NCT01026844
    assert verdict("inclusion", said, "spread", **LIVER) == MATCHES
    assert verdict("inclusion", said, "spread", **LOCALLY_ADVANCED) != DOES_NOT_MATCH


def test_a_lower_stage_named_beside_stage_iv_asks_for_no_spread() -> None:
    said = (  # corpus NCT01222572
        "Histologically or cytologically confirmed stage II or stage III non-small cell lung cancer, or stage IV "
        "non-small cell lung cancer that will be treated with curative intent"
    )
    assert verdict("inclusion", said, "spread", **NOT_SPREAD) != DOES_NOT_MATCH


@pytest.mark.parametrize(
    "said",
    [
        "Advanced cutaneous T-cell lymphoma, stage IB or higher including Sezary Syndrome",  # corpus NCT00127101
        "Stage T2-3, N0-1, M0-1a tumor, as determined by imaging studies and biopsy",  # corpus NCT00493025
    ],
)
def test_a_stage_or_higher_and_m0_or_m1a_allow_spread(said: str) -> None:
    assert verdict("inclusion", said, "spread", **LIVER) != DOES_NOT_MATCH


def test_m0_rules_out_distant_spread_but_nodes_near_the_tumour_are_for_the_team() -> None:
    said = "Surgical resectable (T2-3, N0-1, M0), as determined by Endoscopic Ultra Sound (EUS) and CT scan of neck, thorax and abdomen."  # corpus NCT02120911
    assert verdict("inclusion", said, "spread", **NODES_ONLY) == ASK_TEAM
    assert verdict("inclusion", said, "spread", **LIVER) == DOES_NOT_MATCH
    assert verdict("inclusion", said, "spread", **NOT_SPREAD) == MATCHES


@pytest.mark.parametrize(
    "said",
    [
        "Have chronic kidney disease Stage 4 and higher or history of renal transplantation.",  # corpus NCT02561078
        "Patients with severe diabetic complications (proliferative diabetic retinopathy, stage 4 nephropathy, or "
        "serious diabetic neuropathy)",  # corpus NCT02220920
    ],
)
def test_the_stage_of_another_illness_is_not_spread(said: str) -> None:
    assert verdict("exclusion", said, "spread", **LIVER) is None


def test_a_non_functioning_kidney_is_not_a_non_functioning_tumour() -> None:
    said = (  # corpus NCT00600210
        "Patients must have IB2 and IIA tumors greater than 4 cm in diameter, IIB, IIIB without hydronephrosis or "
        "non-functioning kidney, and IVA without invasion to the bladder or rectum"
    )
    assert verdict("inclusion", said, "functioning", functioning=False) is None
    assert verdict("inclusion", "Non-functioning pancreatic NET", "functioning", functioning=True) == DOES_NOT_MATCH


def test_not_eligible_for_a_part_of_the_study_is_still_a_rule_out() -> None:
    said = (  # corpus NCT03300609
        "patients with complete response (CR) and those who are candidates for resection will not be eligible for "
        "randomization to maintenance therapy"
    )
    assert verdict("inclusion", said, "resectable", resectable=False) != DOES_NOT_MATCH


# -- places asked for with "or" ----------------------------------------------------------------------------------
def test_liver_or_bone_metastases_is_either_place() -> None:
    for said in ("Patients must have liver or bone metastases", "Patients must have liver and/or bone metastases"):
        assert verdict("inclusion", said, "spread", **LIVER) == MATCHES, said
        assert verdict("inclusion", said, "spread", **NOT_SPREAD) == DOES_NOT_MATCH, said


@pytest.mark.parametrize(
    "said",
    [
        # corpus NCT02425306, NCT02568839, NCT02482753
        "Patients must have adequate cutaneous, subcutaneous, soft tissue, or nodal metastases of melanoma readily "
        "accessible for biopsy",
        "Primary breast cancer >20mm in diameter and/or verified lymph node metastases",
        "The disease condition is inoperable, stage III or stage IV, at least one measurable lesion or simple bone "
        "metastases with no measurable lesions;",
    ],
)
def test_a_place_offered_beside_another_way_in_is_never_a_clear_no(said: str) -> None:
    assert verdict("inclusion", said, "spread", **LIVER) != DOES_NOT_MATCH


# -- resectable or locally advanced ---------------------------------------------------------------------------------
def test_resectable_or_locally_advanced_takes_one_that_cannot_be_removed_too() -> None:
    said = "Women presenting with large resectable or locally advanced breast cancer (T2 ≥3 cm, T3, or T4, and/or LN positive)"  # corpus NCT00314977
    assert verdict("inclusion", said, "resectable", **LOCALLY_ADVANCED) != DOES_NOT_MATCH
    # "resectable" alone still rules out a tumour that cannot be removed
    said = "Tumor must be resectable and without evidence of regional or distal spread after adequate staging procedure."  # corpus NCT02275286
    assert verdict("inclusion", said, "resectable", **LOCALLY_ADVANCED) == DOES_NOT_MATCH


# -- NET or NEC: a non-small cell lung cancer is not a small cell carcinoma -------------------------------------------
@pytest.mark.parametrize(
    ("section", "said"),
    [
        ("exclusion", "Patients with squamous non-small cell lung carcinoma."),  # corpus NCT01202032
        ("inclusion", "Histologically confirmed non-small cell lung cancer (NSCLC)"),  # corpus NCT00088556
    ],
)
def test_non_small_cell_lung_cancer_says_nothing_of_net_or_nec(section: str, said: str) -> None:
    for differentiation in ("NET", "NEC"):
        assert verdict(section, said, "differentiation", differentiation=differentiation) is None


# -- time words that are not a "no" ----------------------------------------------------------------------------------
def test_no_sooner_than_is_a_time_not_a_no() -> None:
    said = (  # corpus NCT03043664, the note after "Prior somatostatin analogue therapy."
        "(Patients should receive the first dose of study drug no sooner than 4 weeks from the last dose of "
        "somatostatin analogue.)"
    )
    assert not negated(said, said.index("somatostatin"))
    assert negated("No prior somatostatin analogue", len("No prior "))


def test_previously_untreated_with_named_treatments_is_those_at_any_time() -> None:
    said = "Patients must be previously untreated with chemotherapy or radiation therapy"  # corpus NCT01954732
    assert verdict("inclusion", said, "treatments", treatments=["capecitabine and temozolomide"]) == DOES_NOT_MATCH
    assert verdict("inclusion", said, "treatments", treatments=["lanreotide"]) == MATCHES


def test_tumour_types_a_trial_may_include_are_examples() -> None:
    said = (  # corpus NCT02614456
        "These tumor types may include but may not be limited to: RCC, UC, melanoma, non small cell lung cancer (NSCLC), "
        "small cell lung cancer, squamous cell cancer of the head and neck (SCCHN), ovarian carcinoma"
    )
    assert verdict("inclusion", said, "differentiation", differentiation="NET") != DOES_NOT_MATCH
    assert verdict("inclusion", "Small cell lung cancer", "differentiation", differentiation="NET") == DOES_NOT_MATCH
