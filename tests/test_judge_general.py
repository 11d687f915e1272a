"""General readings of the judge (bot/eligibility/judge.py and its readers), checked on real criteria
sentences from trials nobody labelled (data/trials/ outside tests/data/fit/, and the shared corpus
../shared/ctgov/criteria-corpus.jsonl) or from the tuned part: never from the held-aside trials.

The worst error is a wrong "does not match", so most tests check that someone who could be in is
not ruled out, and then that the reading still rules out the person it should."""

from __future__ import annotations

from typing import Any, Optional

import pytest

from bot.eligibility.judge import ASK_TEAM, DOES_NOT_MATCH, MATCHES, judge
from bot.eligibility.person import person_from_json
from bot.eligibility.records import TrialRecord

LOCALLY_ADVANCED = {"spread": False, "resectable": False}  # grown round the vessels, not spread
LIVER = {"spread": True, "spread_sites": ["liver"]}
NOT_SPREAD = {"spread": False}


def verdict(section: str, criterion: str, field: str, **person: Any) -> Optional[str]:
    other = "inclusion" if section == "exclusion" else "exclusion"
    items = {section: f"* {criterion}", other: "* Pregnancy"}
    text = f"Inclusion Criteria:\n\n{items['inclusion']}\n\nExclusion Criteria:\n\n{items['exclusion']}"
    return judge(TrialRecord("NCT00000000", text, None, None, None), person_from_json(person)).verdict(field)


# -- spread: where the tumour started is not where it spread --------------------------------------------
def test_a_lung_cancer_that_is_metastatic_is_not_lung_metastases() -> None:
    said = (
        "Participants must have known HIV infection and histologically confirmed non-small cell lung cancer that is "
        "metastatic or unresectable; patients will be eligible regardless of tumor EGFR mutation status"
    )  # corpus NCT00667953
    assert verdict("inclusion", said, "spread", **LIVER) == MATCHES
    assert verdict("inclusion", said, "spread", **LOCALLY_ADVANCED) != DOES_NOT_MATCH  # "or unresectable"
    assert verdict("inclusion", said, "spread", **NOT_SPREAD) == ASK_TEAM  # removable or not: unsaid


def test_a_scan_named_before_metastatic_lesions_is_not_bone_metastases() -> None:
    said = (
        "Subject has metastatic prostate cancer documented by positive bone scan (for bone disease) or metastatic lesions "
        "on computed tomography (CT) or magnetic resonance imaging (MRI) scan (for soft tissue)."
    )  # corpus NCT02677896
    assert verdict("inclusion", said, "spread", **LIVER) == MATCHES
    assert verdict("inclusion", said, "spread", **NOT_SPREAD) == DOES_NOT_MATCH


def test_spread_named_as_a_condition_is_never_asked_for() -> None:
    for said in (  # corpus NCT02655952, NCT00176241, NCT01799161
        "For patients with liver metastasis adequate hepatic function is defined by AST <= 5 x ULN and ALT <= 5 ULN.",
        "All patients with pulmonary metastasis must have an FEV1 of > 1000 ml/min obtained within 28 days prior to "
        "registration & must have PFTs with DLCO.",
        "Brain metastasis if present and treated must be stable by CT scan or MRI for at least 4 weeks after treatment.",
    ):
        for person in (NOT_SPREAD, LIVER, LOCALLY_ADVANCED):
            assert verdict("inclusion", said, "spread", **person) != DOES_NOT_MATCH, said
    # the place itself, asked for plainly, still is (NCT02693067, a shipped trial nobody labelled)
    asked = "NET tumors metastatic to the liver that are not amenable at the time of enrolment to resection, transplant or other potentially curative therapy."
    assert verdict("inclusion", asked, "spread", spread=True, spread_sites=["lymph nodes"]) == DOES_NOT_MATCH


def test_stage_i_or_stages_ii_to_iv_is_every_stage() -> None:
    said = (
        "Female subjects more than 18 years of age with newly diagnosed high-risk FIGO Stage I (grade 3, or aneuploid grade 1 "
        "or 2) or Stages II-IV epithelial ovarian, primary peritoneal and fallopian tube cancer"
    )  # corpus NCT01253681
    assert verdict("inclusion", said, "spread", **LIVER) != DOES_NOT_MATCH


def test_metastasis_m0_is_no_spread() -> None:
    said = "Pancreatic cancer surgical staging: Tumor (T) 1-3, Lymph Node (LN) N0-1, Metastasis (M) 0."  # corpus NCT01783054
    assert verdict("inclusion", said, "spread", **NOT_SPREAD) == MATCHES
    assert verdict("inclusion", said, "spread", **LIVER) == DOES_NOT_MATCH


# -- allowances ---------------------------------------------------------------------------------------
def test_an_allowance_in_brackets_allows_only_what_it_names() -> None:
    had_lutathera = "and who were treated with Lutathera (regardless of the quantity and number of doses administered and whatever the reasons for ending)."
    assert verdict("inclusion", had_lutathera, "treatments", treatments=["lanreotide"]) == DOES_NOT_MATCH  # NCT03691064
    assert verdict("inclusion", had_lutathera, "treatments", treatments=["Lutathera"]) != DOES_NOT_MATCH
    before = "Previous cytotoxic chemotherapy, or targeted therapy, or biotherapy for NEC (prior Somatostatin analogs (SSAs) are allowed)"
    assert verdict("exclusion", before, "treatments", treatments=["lanreotide"]) == MATCHES  # tuned trial NCT02215447
    assert verdict("exclusion", before, "treatments", treatments=["capecitabine and temozolomide"]) != MATCHES


def test_an_allowance_is_met_by_someone_who_said_nothing() -> None:
    said = "Previous treatment with somatostatin (SS) analogues is allowed."  # tuned trial NCT02246127
    assert verdict("inclusion", said, "treatments") == MATCHES
    assert verdict("inclusion", said, "treatments", treatments=["lanreotide"]) == MATCHES


def test_either_way_allows_everyone() -> None:
    # no trial nobody labelled writes these shapes: the sentences are ours, in the registries' usual words
    assert (
        verdict(
            "inclusion",
            "Well-differentiated NET, with or without carcinoid syndrome",
            "syndrome",
            syndrome="carcinoid syndrome",
        )
        == MATCHES
    )
    assert (
        verdict("inclusion", "Both resectable and unresectable disease are eligible", "resectable", resectable=True)
        == MATCHES
    )
    assert (
        verdict(
            "inclusion",
            "Well-differentiated or poorly differentiated neuroendocrine neoplasm",
            "differentiation",
            differentiation="NEC",
        )
        == MATCHES
    )


# -- whether it can be removed --------------------------------------------------------------------------
def test_not_amenable_to_resection_with_words_between() -> None:
    said = (
        "Histologically or cytologically confirmed, or clinically diagnosed based on currently accepted standards, NET tumors "
        "metastatic to the liver that are not amenable at the time of enrolment to resection, transplant or other potentially curative therapy."
    )
    assert verdict("inclusion", said, "resectable", resectable=False) == MATCHES  # NCT02693067
    assert verdict("inclusion", said, "resectable", resectable=True) == DOES_NOT_MATCH


def test_no_curative_resection_rules_out_a_removable_tumour() -> None:
    said = "No curatively resectable disease;"  # NCT02248012 (tuned; the corpus form NCT02236910 quotes was also a held trial's)
    assert verdict("inclusion", said, "resectable", resectable=True) == DOES_NOT_MATCH
    assert verdict("inclusion", said, "resectable", resectable=False) == MATCHES


def test_one_who_refuses_surgery_may_join_though_it_could_be_removed() -> None:
    said = "Patients who may have high burden of disease ie large lesions, who are non-surgical candidates or who refuse surgery."
    assert verdict("inclusion", said, "resectable", resectable=False) == MATCHES  # corpus NCT02639117
    assert verdict("inclusion", said, "resectable", resectable=True) == ASK_TEAM


# -- hormones -------------------------------------------------------------------------------------------
def test_a_condition_on_functioning_tumours_asks_only_about_them() -> None:
    said = "Patients with functioning NET should have cover by somatostatin analog"  # NCT02749331
    assert verdict("inclusion", said, "functioning", functioning=False) == MATCHES
    assert verdict("inclusion", said, "functioning", syndrome="carcinoid syndrome") == ASK_TEAM


# -- NET or NEC -----------------------------------------------------------------------------------------
def test_poorly_differentiated_as_who_2010_defined_it_may_take_a_g3_net() -> None:
    said = (
        "Diagnosed with poorly differentiated (as defined by the World Health Organisation in 2010, Ki 67 ≥20%) extra-pulmonary "
        "neuroendocrine carcinoma (NEC grade 3, confirmed by histology)."
    )  # tuned trial NCT03837977
    assert (
        verdict("inclusion", said, "differentiation", differentiation="NET") == ASK_TEAM
    )  # grade unsaid: may be a G3 NET
    assert verdict("inclusion", said, "differentiation", differentiation="NEC") == MATCHES
    assert verdict("inclusion", said, "differentiation", differentiation="NET", grade=2) == DOES_NOT_MATCH


# -- age --------------------------------------------------------------------------------------------------
def test_the_commonest_age_sentences_are_clear_limits() -> None:
    for said in (
        "Male or female patients ≥18 years of age.",  # corpus NCT00112372: "or" between the sexes is no alternative age
        "Subjects must be 18 years of age.",  # corpus NCT00251433
        "18 years old or older",  # corpus NCT01231581
        "Patients ≥18 year-old",  # corpus NCT01484080
        "Male/female subjects aged greater than or equal to (>=) 18 years",  # corpus NCT01085331
        "Adult patients (≥ 18 yrs).",
    ):  # NCT01860742, a shipped trial nobody labelled
        assert verdict("inclusion", said, "age", age=16) == DOES_NOT_MATCH, said
        assert verdict("inclusion", said, "age", age=40) == MATCHES, said
    assert verdict("inclusion", "Age 18-75", "age", age=80) == DOES_NOT_MATCH  # corpus NCT00351195
    assert verdict("inclusion", "Age 18-75", "age", age=60) == MATCHES


def test_an_age_that_is_not_the_persons_own_limit_is_never_a_no() -> None:
    for section, said in (
        (
            "inclusion",
            "The patient has Karnofsky or Lansky performance status of 60 or greater. Patients older than 16 years "
            "of age will be scored according to the Karnofsky",
        ),  # corpus NCT01088984: which scale, by age
        ("exclusion", "Donor age <10 years"),  # corpus NCT00114777
        (
            "inclusion",
            "postmenopausal, defined as: having had bilateral oophorectomy; aged more than 60 years; or aged 55-59 years "
            "with an intact uterus and amenorrheic for at least 12 months",
        ),
    ):  # corpus NCT00904423: alternative ages
        for age in (12, 30, 57):
            assert verdict(section, said, "age", age=age) != DOES_NOT_MATCH, (said, age)


# -- examples: what comes before "including" / "such as" is the rule -------------------------------------
def test_the_rule_before_its_examples_is_firm() -> None:
    said = (
        "Adults with biopsy-proven advanced, unresectable or metastatic, well-to-moderately differentiated (or low grade) "
        "neuroendocrine carcinoma, including typical carcinoid, pancreatic islet cell and other well-to-moderately "
        "differentiated neuroendocrine carcinomas."
    )  # NCT02318784, a shipped trial nobody labelled
    assert verdict("inclusion", said, "differentiation", differentiation="NEC", ki67=70) == DOES_NOT_MATCH
    assert verdict("inclusion", said, "grade", grade=2) == MATCHES
    # "(or low grade)" only glosses how the cells look: a well-differentiated grade 3 NET may be what they mean
    assert verdict("inclusion", said, "grade", grade=3, differentiation="NET") == ASK_TEAM


def test_which_lesions_count_is_no_treatment_asked_for() -> None:
    said = (
        "Lesions that have had external beam radiotherapy (EBRT) or loco-regional therapies such as radiofrequency (RF) ablation "
        "or liver embolization must show evidence of progressive disease based on RECIST 1.1 to be deemed a target lesion."
    )  # NCT02678780
    assert verdict("inclusion", said, "treatments", treatments=[]) != DOES_NOT_MATCH
    assert verdict("inclusion", said, "treatments", treatments=["lanreotide"]) != DOES_NOT_MATCH


def test_after_standard_therapy_asks_when_other_treatment_was_had() -> None:
    said = (
        "Documented progression after standard therapy such as long acting octreotide or lanreotide (SS-LAR), Everolimus in "
        "P-NETs or platinum based therapy in G3 patients."
    )  # NCT02736448, a shipped trial nobody labelled
    assert verdict("inclusion", said, "treatments", treatments=[]) == DOES_NOT_MATCH  # nothing had yet
    assert verdict("inclusion", said, "treatments", treatments=["SIRT"]) == ASK_TEAM  # a liver treatment may count
    assert verdict("inclusion", said, "treatments", treatments=["lanreotide"]) != DOES_NOT_MATCH


# -- treatments ---------------------------------------------------------------------------------------------
def test_may_receive_is_an_allowance() -> None:
    said = (
        "Prior treatment with chemotherapy is allowed. Patients may not have received prior therapy with RAD001 or sorafenib. "
        "There is no limit to the number of prior chemotherapy regimens a patient may have received. Patients may receive "
        "concomitant therapy with somatostatin analogs."
    )  # NCT00942682, a shipped trial nobody labelled
    assert verdict("inclusion", said, "treatments", treatments=["lanreotide"]) == MATCHES
    assert verdict("inclusion", said, "treatments", treatments=["lanreotide", "everolimus"]) == DOES_NOT_MATCH


def test_an_illness_a_treatment_may_worsen_is_no_treatment_had() -> None:
    said = "Patients with concomitant illness that might be aggravated by chemotherapy."  # NCT02457273
    assert verdict("exclusion", said, "treatments", treatments=["cisplatin and etoposide"]) is None


# -- age: limits said in other words, and an age said before another clause ---------------------------------
@pytest.mark.parametrize(
    "section, said",
    [
        ("inclusion", "Male or female >= to 18 years of age."),  # corpus NCT01075048
        ("inclusion", "Age over or equal 18 years"),  # corpus NCT01044485
        ("inclusion", "The patient must be greater than/equal to 18 years old"),  # corpus NCT00365417
        ("inclusion", "Over the age of 18 years and able to provide informed consent"),  # corpus NCT01184482
        ("inclusion", "Age minimum: 18 years old"),  # corpus NCT01313559
        ("inclusion", "18 years of age"),  # corpus NCT01130142
        ("inclusion", "Age >=18 years and life expectancy >3 months."),  # corpus NCT01926236
        (
            "inclusion",
            "Adults 18 years of age or older with a life expectancy of at least 3 months.",
        ),  # corpus NCT01335204
        ("exclusion", "Age < 18"),  # corpus NCT00781768
    ],
)
def test_an_age_limit_in_other_words(section: str, said: str) -> None:
    assert verdict(section, said, "age", age=16) == DOES_NOT_MATCH
    assert verdict(section, said, "age", age=18) == MATCHES


def test_an_age_range_after_the_ages_of() -> None:
    said = "Be between the ages of 18 - 70."  # corpus NCT00302744
    assert verdict("inclusion", said, "age", age=71) == DOES_NOT_MATCH
    assert verdict("inclusion", said, "age", age=70) == MATCHES


@pytest.mark.parametrize(
    "said",
    [
        "Hematopoietic Cell Transplantation Specific Comorbidity Index (HCT-CI) <5 for age < 65, HCT-CI <4 for age >65",  # corpus NCT02548468
        "Karnofsky ≥ 60% for participants > 16 years of age or Lansky ≥ 60 for participants ≤ 16 years of age.",  # corpus NCT03349346
        "Post-menopausal at enrollment (age ≥ 60, age ≤ 60 and amenorrhea for ≥12 months)",  # corpus NCT02483871, shortened
        "Age ≥ 60 years and performance status 0-1, or age < 60 years with performance status 0-2",  # made up: another age after the cut
    ],
)
def test_an_age_that_is_not_the_persons_limit_is_not_read(said: str) -> None:
    assert verdict("inclusion", said, "age", age=30) != DOES_NOT_MATCH
    assert verdict("inclusion", said, "age", age=70) != DOES_NOT_MATCH


# -- sentences: an allowance reaches only its own sentence ---------------------------------------------------
def test_an_allowance_after_a_per_cent_is_its_own_sentence() -> None:
    said = (
        "Histopathologic diagnosis of neuroendocrine carcinomas (GEP NEC and lung NEC), G3 with ki67 > 20%. Other rare sites of "
        "origin such as genitourinary or gynecological or larynx or unknown origin neuroendocrine carcinoma with Ki67 > 20% "
        "will be included."
    )  # NCT03387592 (tuned)
    assert verdict("inclusion", said, "differentiation", differentiation="NET", grade=2) == DOES_NOT_MATCH
    assert verdict("inclusion", said, "ki67", ki67=8) == DOES_NOT_MATCH
    assert verdict("inclusion", said, "ki67", ki67=40) == MATCHES
    assert verdict("inclusion", said, "site", site="unknown", differentiation="NEC", ki67=40) != DOES_NOT_MATCH


# -- "biotherapy": which treatments it takes, the team must say ----------------------------------------------
def test_biotherapy_may_be_a_somatostatin_analogue_or_a_targeted_drug() -> None:
    said = "Previous cytotoxic chemotherapy, targeted therapy, or biotherapy within the last 4 weeks"  # NCT01628913 (tuned)
    assert verdict("exclusion", said, "treatments", treatments=[]) == MATCHES
    assert (
        verdict("exclusion", said, "treatments", treatments=["lanreotide"]) == ASK_TEAM
    )  # SSAs are biotherapy in NET trials
    assert verdict("exclusion", said, "treatments", treatments=["everolimus"]) == ASK_TEAM


def test_treated_with_chemotherapy_or_biological_therapy_takes_an_ssa_too() -> None:
    said = (
        "Previously treated with chemotherapy or biological therapy"  # the shape of corpus NCT00448734 and NCT03031691
    )
    assert verdict("inclusion", said, "treatments", treatments=["lanreotide"]) != DOES_NOT_MATCH
    assert verdict("inclusion", said, "treatments", treatments=["capecitabine and temozolomide"]) == MATCHES
    assert verdict("inclusion", said, "treatments", treatments=[]) == DOES_NOT_MATCH


# -- "No X" listed among the exclusions: a rule-out written twice, or a double no --------------------------------
@pytest.mark.parametrize(
    "said",
    [
        "No prior radiation therapy to the liver",  # corpus NCT02288507
        "No prior treatment with RAD001, CCI-779, or similar agents",  # corpus NCT00384969
        "No prior tx with cisplatin or carboplatin",  # corpus NCT00183794
    ],
)
def test_a_leading_no_among_the_exclusions_is_for_the_team(said: str) -> None:
    for treatments in ([], ["everolimus"], ["cisplatin and etoposide"], ["radiotherapy"]):
        assert verdict("exclusion", said, "treatments", treatments=treatments) != DOES_NOT_MATCH


def test_no_more_than_n_regimens_among_the_exclusions_is_for_the_team() -> None:
    said = "No more than two prior systemic regimens for renal cell carcinoma"  # corpus NCT00384969
    assert verdict("exclusion", said, "treatments", treatments=[]) != DOES_NOT_MATCH
    assert (
        verdict(
            "exclusion", said, "treatments", treatments=["everolimus", "sunitinib", "capecitabine and temozolomide"]
        )
        != DOES_NOT_MATCH
    )
    assert (
        verdict(
            "inclusion",
            "No more than two prior systemic regimens",
            "treatments",
            treatments=["everolimus", "sunitinib", "capecitabine and temozolomide"],
        )
        == DOES_NOT_MATCH
    )


def test_patients_with_no_prior_treatment_among_the_exclusions_still_asks_for_it() -> None:
    said = "Patients with no prior chemotherapy"  # a real double no: those never treated are ruled out
    assert verdict("exclusion", said, "treatments", treatments=[]) == DOES_NOT_MATCH


def test_not_pregnant_says_who_not_a_pregnancy() -> None:
    said = "Age greater than or equal to 18 years (males or non-pregnant females)."  # corpus NCT00924209
    assert verdict("inclusion", said, "age", age=16) == DOES_NOT_MATCH
    assert verdict("inclusion", said, "age", age=40) == MATCHES
    assert (
        verdict(
            "inclusion", "Women who are pregnant or breastfeeding aged under 50 must use contraception", "age", age=60
        )
        is None
    )
