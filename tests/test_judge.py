"""The per-criterion judge (bot/eligibility/judge.py): "does_not_match" only when a stated fact
clearly fails a criterion read with its logic; anything less is "ask_team", and a trial is
never left out on an "ask_team". Criteria are real sentences from data/trials/."""

from __future__ import annotations

from dataclasses import replace
from typing import Optional

import pytest

from bot.eligibility.judge import ASK_TEAM, DOES_NOT_MATCH, MATCHES, judge
from bot.eligibility.person import Person, person_from_json
from bot.eligibility.records import TrialRecord, shipped_record
from bot.prescreen.answers import Answers
from bot.prescreen.checklist import ASK, NO_MATCH, checklist
from tests.helpers.judge import trial, verdict


# -- the rule ------------------------------------------------------------------------------------------
def test_excluded_only_on_a_clear_no() -> None:
    record = trial(
        exclusion=["Other chemotherapy, immunotherapy or radiotherapy within 4 weeks prior to starting this trial"]
    )
    asked = judge(record, person_from_json({"treatments": ["capecitabine and temozolomide"]}))
    assert asked.verdict("treatments") == ASK_TEAM and not asked.excluded  # when: only the team knows
    ruled_out = trial(
        exclusion=["Peptide receptor radionuclide therapy (PRRT) at any time prior to randomization in the study."]
    )
    said = judge(ruled_out, person_from_json({"treatments": ["Lutathera"]}))
    assert said.verdict("treatments") == DOES_NOT_MATCH and said.excluded
    assert verdict(ruled_out, "treatments", treatments=[]) == MATCHES
    assert verdict(ruled_out, "treatments") == ASK_TEAM  # not said


def test_nothing_said_is_never_a_no() -> None:
    record = shipped_record("NCT00510068")
    assert record is not None
    judgement = judge(record, Person())
    assert judgement.checks and not judgement.excluded and {c.verdict for c in judgement.checks} == {ASK_TEAM}


def test_each_check_names_its_criterion_as_written() -> None:
    record = shipped_record("NCT00510068")
    assert record is not None
    judgement = judge(record, person_from_json({"age": 60, "site": "pancreas"}))
    texts = {c.criterion for c in judgement.checks}
    assert "minimumAge: 18 Years" in texts
    assert "Patients must have advanced (unresectable or metastatic) biopsy-proven pancreatic NET" in texts
    assert record.criteria and all(
        c.criterion in record.criteria for c in judgement.checks if ":" not in c.criterion[:12]
    )


# -- the record's own limits ---------------------------------------------------------------------------
def test_record_limits() -> None:
    record = trial(min_age=18, max_age=75, sex="FEMALE")
    checks = {c.criterion: c.verdict for c in judge(record, person_from_json({"age": 80, "sex": "female"})).checks}
    assert checks == {"minimumAge: 18 Years": MATCHES, "maximumAge: 75 Years": DOES_NOT_MATCH, "sex: FEMALE": MATCHES}
    assert verdict(record, "sex", sex="male") == DOES_NOT_MATCH


# -- logic forms ----------------------------------------------------------------------------------------
def test_an_allowance_never_rules_out() -> None:
    record = trial(["Previous treatment with somatostatin (SS) analogues is allowed."])  # NCT02246127
    assert verdict(record, "treatments", treatments=["the monthly jabs"]) == MATCHES
    assert verdict(record, "treatments", treatments=[]) == MATCHES


def test_a_ki67_range() -> None:
    record = trial(["Histologically proven neuroendocrine carcinoma with a Ki67 of 20-55%."])  # NCT02248012
    assert verdict(record, "ki67", ki67=8) == DOES_NOT_MATCH
    assert verdict(record, "ki67", ki67=30) == MATCHES
    assert (
        verdict(trial(["Low and Intermediate Grade (Ki-67 index <20%) neuroendocrine tumors (NET)"]), "ki67", ki67=20)
        == DOES_NOT_MATCH
    )  # NCT04440956


@pytest.mark.parametrize("grade, expected", [(1, MATCHES), (2, MATCHES), (3, DOES_NOT_MATCH)])
def test_low_or_intermediate_grade_is_grades_1_and_2(grade: int, expected: str) -> None:
    record = trial(["Confirmed low-grade or intermediate-grade neuroendocrine carcinoma"])  # NCT00363051
    assert verdict(record, "grade", grade=grade) == expected


def test_a_ki67_alone_gives_the_grade() -> None:
    record = trial(["Confirmed low-grade or intermediate-grade neuroendocrine carcinoma"])
    assert verdict(record, "grade", ki67=40) == DOES_NOT_MATCH


@pytest.mark.parametrize(
    "person, expected",
    [
        ({"spread": True}, MATCHES),
        ({"spread": False, "resectable": False}, MATCHES),
        ({"spread": False, "resectable": True}, DOES_NOT_MATCH),
        ({"spread": False}, ASK_TEAM),
    ],
)
def test_unresectable_or_metastatic_is_either_one(person: dict, expected: str) -> None:
    record = trial(["Patients must have unresectable or metastatic disease"])  # NCT00454363
    assert verdict(record, "spread", **person) == expected


@pytest.mark.parametrize(
    "site, expected", [("small bowel", MATCHES), ("pancreas", MATCHES), ("lung", DOES_NOT_MATCH), ("unknown", ASK_TEAM)]
)
def test_intestine_or_pancreas(site: str, expected: str) -> None:
    record = trial(
        ["Endocrine tumour in the intestine or pancreas and with locally advanced or metastatic disease"]
    )  # NCT00353496
    assert verdict(record, "site", site=site) == expected


def test_net_or_nec() -> None:
    record = trial(exclusion=["poorly differentiated or small cell neuroendocrine tumors"])  # NCT00171873
    assert verdict(record, "differentiation", differentiation="NEC") == DOES_NOT_MATCH
    assert verdict(record, "differentiation", differentiation="NET") == MATCHES
    # a grade 3 NET was called a NEC before 2017: the team must say
    for_nec = trial(["Histologically proven neuroendocrine carcinoma with a Ki67 of 20-55%."])
    assert verdict(for_nec, "differentiation", differentiation="NET", grade=3) == ASK_TEAM
    assert verdict(for_nec, "differentiation", differentiation="NET", grade=1) == DOES_NOT_MATCH


@pytest.mark.parametrize("men1, expected", [(True, DOES_NOT_MATCH), (False, MATCHES), (None, ASK_TEAM)])
def test_men1_ruled_out(men1: Optional[bool], expected: str) -> None:
    record = trial(exclusion=["Patients with multiple endocrine neoplasia type 1 (MEN1)"])  # NCT03022188
    assert verdict(record, "men1", men1=men1) == expected


def test_a_genetic_syndrome_is_men1_or_vhl() -> None:
    record = trial(exclusion=["Presence of genetic syndrome (MEN1, VHL, NF)"])  # NCT04385992
    assert judge(record, person_from_json({"vhl": True})).excluded
    assert judge(record, person_from_json({"men1": True})).excluded
    assert not judge(record, person_from_json({"men1": False, "vhl": False})).excluded


def test_hormone_criteria_the_right_way_round() -> None:
    record = trial(["No history of and no active symptoms related to carcinoid syndrome"])  # NCT01524783
    assert verdict(record, "syndrome", functioning=True, syndrome="carcinoid syndrome") == DOES_NOT_MATCH
    assert verdict(record, "syndrome", functioning=False) == MATCHES
    either = trial(["Non-functional tumour or gastrinoma controlled by PPIs"])  # NCT02288377
    assert (
        verdict(either, "functioning", functioning=True, syndrome="gastrinoma") == ASK_TEAM
    )  # controlled? the team knows
    assert verdict(either, "syndrome", functioning=True, syndrome="vipoma") == DOES_NOT_MATCH
    assert verdict(either, "functioning", functioning=True, syndrome="insulinoma") == DOES_NOT_MATCH
    assert verdict(either, "functioning", functioning=False) == MATCHES
    uncontrolled = trial(
        exclusion=[
            "Functional NETs which need to be treated with long acting SSAs to control disease related "
            "syndromes, such as insulinoma, gastrinoma"
        ]
    )  # NCT02588170
    assert verdict(uncontrolled, "functioning", functioning=True) == ASK_TEAM


def test_treatments_by_class_and_in_peoples_words() -> None:
    record = trial(
        exclusion=[
            "Prior therapy with the same kind of medication (mTOR inhibitors: sirolimus, temsirolimus, everolimus)."
        ]
    )
    assert verdict(record, "treatments", treatments=["afinitor"]) == DOES_NOT_MATCH  # NCT00510068
    assert verdict(record, "treatments", treatments=["the monthly jabs"]) == MATCHES
    tki = trial(
        exclusion=[
            "Prior treatment with any tyrosine kinase inhibitors or anti-VEGF[Vascular endothelial growth factor] "
            "angiogenic inhibitors"
        ]
    )  # NCT00428597
    assert verdict(tki, "treatments", treatments=["sutent"]) == DOES_NOT_MATCH
    needed = trial(["Receiving treatment (at least 3 consecutive months) with Octreotide Depot."])  # NCT00363051
    assert verdict(needed, "treatments", treatments=["Sandostatin LAR"]) == ASK_TEAM  # on it now? for how long?
    assert (
        verdict(needed, "treatments", treatments=["lanreotide injections"]) == DOES_NOT_MATCH
    )  # another drug of its kind
    assert verdict(needed, "treatments", treatments=[]) == DOES_NOT_MATCH
    cycles = trial(["Patients must have been treated with 4 cycles of 200 mCi 177Lu-dotatate"])  # NCT02067988
    assert verdict(cycles, "treatments", treatments=["Lutathera"]) == ASK_TEAM  # how many cycles: for the team
    assert verdict(cycles, "treatments", treatments=["octreotide"]) == DOES_NOT_MATCH


def test_therapy_naive() -> None:
    record = trial(
        [
            "Therapy-naive patients with histologically confirmed diagnosis of a locally inoperable or metastasized "
            "well-differentiated neuroendocrine tumor of the midgut"
        ]
    )  # NCT00171873
    assert verdict(record, "treatments", treatments=["everolimus"]) == DOES_NOT_MATCH
    assert verdict(record, "treatments", treatments=[]) == MATCHES


def test_one_cohort_of_several_never_rules_out() -> None:
    record = trial(
        [
            "Histologic diagnosis of high grade (poorly differentiated) gastro-entero-pancreatic neuroendocrine carcinoma.",
            "High grade neuroendocrine carcinoma of esophageal or unknown primary site (if a pulmonary primary has been excluded)",
        ]
    )
    judgement = judge(
        record, person_from_json({"site": "pancreas", "differentiation": "NEC", "grade": 3})
    )  # NCT02409849
    assert not judgement.excluded


# -- the same judge in the pre-screen's checklist ---------------------------------------------------------
def test_the_checklist_says_no_only_with_the_judge(store) -> None:  # type: ignore[no-untyped-def]
    base = store.get("NCT00510068")
    mtor = replace(
        base,
        criteria=trial(
            exclusion=[
                "Prior therapy with the same kind of medication (mTOR inhibitors: sirolimus, temsirolimus, everolimus)."
            ]
        ).criteria,
    )
    checks = {c.topic: c for c in checklist(mtor, Answers(treatments=("everolimus",))).checks}
    assert checks["past treatment limits"].verdict == NO_MATCH
    assert checks["past treatment limits"].reason == "It rules out people who have had everolimus (an mTOR inhibitor)."
    recent = replace(
        base,
        criteria=trial(
            exclusion=["Other chemotherapy, immunotherapy or radiotherapy within 4 weeks prior to starting this trial"]
        ).criteria,
    )
    checks = {c.topic: c for c in checklist(recent, Answers(treatments=("chemotherapy",))).checks}
    # only a wait before joining (nearly every trial has one): a question for the team, no sign against
    assert checks["past treatment limits"].verdict == ASK and not checks["past treatment limits"].likely_clash


def test_a_site_the_judge_finds_met_by_one_cohort_is_no_sign_against(store) -> None:  # type: ignore[no-untyped-def]
    cabaten = store.get("NCT04400474")  # "meeting one of the following: Cohort 1 ... lung and thymus ... Cohort 5 ..."
    checks = {c.topic: c for c in checklist(cabaten, Answers(site="pancreas")).checks}
    assert checks["where it started"].verdict == ASK and not checks["where it started"].likely_clash


pytestmark = pytest.mark.usefixtures("database_url_env")


# -- issue 19: a "does not match" needs a clear, simply written criterion (real sentences) -----------------
@pytest.mark.parametrize(
    "site, expected",
    [
        ("rectum", MATCHES),
        ("colon", MATCHES),
        ("duodenum", MATCHES),
        ("stomach", DOES_NOT_MATCH),
        ("thyroid", ASK_TEAM),
        ("primary not found", ASK_TEAM),
    ],
)
def test_sites_in_peoples_words(site: str, expected: str) -> None:
    """NCT00353496: the person's own word for the site ("rectum") is read as the judge's ("large
    bowel"); a site the judge has no name for is never a no."""
    record = trial(["Endocrine tumour in the intestine or pancreas and with locally advanced or metastatic disease"])
    assert verdict(record, "site", site=site) == expected


def test_spread_places_in_peoples_words() -> None:
    record = trial(exclusion=["Presence of extra abdominal disease"])  # NCT04385992
    assert verdict(record, "spread", spread=True, spread_sites=["bone"]) == DOES_NOT_MATCH
    assert verdict(record, "spread", spread=True, spread_sites=["liver"]) == MATCHES


def test_a_site_after_excluding_is_ruled_out_not_asked_for() -> None:
    record = trial(
        [
            "Patients must have histologically or cytologically confirmed metastatic, high grade NET (Ki67 >20%), excluding any "
            "high grade NETs of large or small cell type of lung/thymus origin and merkel cell carcinoma"
        ]
    )  # NCT02939651
    assert verdict(record, "site", site="pancreas") == MATCHES
    assert verdict(record, "site", site="lung") == ASK_TEAM  # only the large or small cell ones are ruled out


def test_including_but_not_limited_to_is_a_list() -> None:
    record = trial(
        [
            "patients have a confirmed histologically pathology diagnosis of low- or intermediate grade (G1 or G2) advanced "
            "(unresectable or distant metastatic) extrapancreatic NETs with origins including, but not limited to, the lung, "
            "thymus, the gastrointestinal tract (stomach, duodenum, liver, jejunum, ileum, colon, cecum, appendix, rectum) and "
            "unknown origin etc."
        ]
    )  # NCT02588170
    for site in ("lung", "small bowel", "stomach", "unknown"):
        assert verdict(record, "site", site=site) != DOES_NOT_MATCH


def test_extra_pulmonary_is_every_site_but_the_lung() -> None:
    record = trial(exclusion=["Extra-pulmonary neuroendocrine carcinoma."])  # NCT03837977
    assert verdict(record, "site", site="lung", differentiation="NEC") == MATCHES
    assert not judge(
        record, person_from_json({"site": "unknown", "differentiation": "NEC"})
    ).excluded  # where it started: unsaid
    # a pancreatic NEC is caught, but a rule-out qualified by the kind of tumour is left to the team
    assert judge(record, person_from_json({"site": "pancreas", "differentiation": "NEC"})).verdict("site") == ASK_TEAM
    assert not judge(record, person_from_json({"site": "pancreas", "differentiation": "NET"})).excluded


def test_a_site_in_a_qualified_exclusion_is_not_a_no_on_its_own() -> None:
    rare = trial(
        exclusion=["Rare pancreatic neuroendocrine cancers such as, insulinomas, glucagonomas, gastrinomas."]
    )  # NCT02063958
    assert verdict(rare, "site", site="pancreas") != DOES_NOT_MATCH
    thymus = trial(
        exclusion=["Neuroendocrine cancer of the thyroid or thymus."]
    )  # NCT02063958: the thymus is not the lung
    assert verdict(thymus, "site", site="lung") != DOES_NOT_MATCH
    plain = trial(exclusion=["Neuroendocrine tumors with pancreatic origins"])  # NCT02588170
    assert verdict(plain, "site", site="pancreas") == DOES_NOT_MATCH
    other = trial(exclusion=["Primary NETs other than small bowel (midgut) or pancreatic NETs;"])  # NCT02358356
    assert verdict(other, "site", site="stomach") == DOES_NOT_MATCH
    assert verdict(other, "site", site="pancreas") == MATCHES


def test_a_carcinoid_alone_never_rules_out_a_site() -> None:
    record = trial(
        [
            "Participants must have histologically or cytologically confirmed low- to intermediate-grade neuroendocrine tumor "
            "(carcinoid tumor)."
        ]
    )  # NCT02795858
    assert verdict(record, "site", site="pancreas") == ASK_TEAM


def test_examples_add_nothing_to_the_rule_before_them() -> None:
    record = trial(
        [
            "WHO Classification G1/G2 (Ki67<20% and mitotic count ≤20 mitoses x 10 HPF) gastrointestinal neuroendocrine tumor "
            "(including stomach, small intestine and colorectal origins)."
        ]
    )  # NCT02678780 (one of two cohorts here alone)
    assert verdict(record, "site", site="appendix") == MATCHES
    assert verdict(record, "site", site="lung") == DOES_NOT_MATCH
    only_examples = trial(
        [
            "Metastatic well-to-moderately differentiated (or low-grade) neuroendocrine carcinoma, including typical "
            "carcinoid or pancreatic islet cell carcinoma."
        ]
    )  # NCT02859064
    assert verdict(only_examples, "site", site="lung") == ASK_TEAM


@pytest.mark.parametrize(
    "site, expected", [("pancreas", MATCHES), ("small bowel", ASK_TEAM), ("stomach", DOES_NOT_MATCH)]
)
def test_duodeno_pancreatic(site: str, expected: str) -> None:
    record = trial(
        [
            "Metastatic (synchronous or metachronous) or locally advanced, non-resectable, well-differentiated duodeno-pancreatic "
            "neuroendocrine tumour, of grade 1 or 2 (WHO 2010 classification; Ki-67 ≤ 20%)"
        ]
    )  # NCT02288377
    assert verdict(record, "site", site=site) == expected


@pytest.mark.parametrize(
    "person, expected",
    [
        ({"spread": False, "resectable": True}, DOES_NOT_MATCH),  # neither cannot be removed nor spread
        ({"spread": False, "resectable": False}, MATCHES),
        ({"spread": False}, ASK_TEAM),
    ],
)
def test_unresectable_or_metastatic_in_the_judge(person: dict, expected: str) -> None:
    record = trial(
        ["A histologically confirmed unresectable or metastatic pancreatic neuroendocrine tumor;"]
    )  # NCT02264665
    assert verdict(record, "spread", **person) == expected


def test_locally_advanced_may_still_be_removable_advanced_alone_not() -> None:
    removable = person_from_json({"spread": False, "resectable": True})
    locally = (
        "Endocrine tumour in the intestine or pancreas and with locally advanced or metastatic disease"  # NCT00353496
    )
    assert not judge(trial([locally]), removable).excluded
    advanced = "Advanced histologically confirmed well differentiated pancreatic neuroendocrine tumor"  # NCT01628913
    assert judge(trial([advanced]), removable).excluded
    assert judge(
        trial(
            ["Histological diagnosis of metastatic well/moderately differentiated pancreatic neuroendocrine tumor"]
        ),  # NCT02305810
        person_from_json({"spread": False}),
    ).excluded


def test_local_locally_advanced_or_metastatic_is_any_stage() -> None:
    record = trial(
        [
            "Local, locally advanced or metastatic disease documented as progressive by RECIST v1.1. on CT-scan or MRI at "
            "baseline and within 12 months prior to baseline."
        ]
    )  # NCT01731925
    assert not judge(record, person_from_json({"spread": False, "resectable": True})).excluded


def test_advanced_is_about_the_tumour_only() -> None:
    record = trial(
        [
            "Poor surgical candidate (involving the head of the pancreas or multifocal NET, advanced comorbidity, age >75 years of age)"
        ]
    )  # NCT01902238
    assert verdict(record, "spread", spread=False) is None


def test_metastatic_in_a_treatment_rule_is_not_about_spread() -> None:
    record = trial(
        exclusion=[
            "Two or more prior lines of targeted agents-based therapy in pancreatic origin and any previous line of targeted "
            "therapy for gastrointestinal origin or any ongoing antiproliferative treatment for advanced/metastatic "
            "neuroendocrine tumor."
        ]
    )  # NCT02678780
    assert verdict(record, "spread", spread=True) is None
    setting = trial(
        [
            "Prior treatment with first-line platinum-based chemotherapy for NEC in the advanced setting and ≥28 days from Day 1 "
            "of the previous treatment cycle."
        ]
    )  # NCT03837977
    assert verdict(setting, "spread", spread=False, resectable=True) is None


def test_spread_under_a_condition_is_for_the_team() -> None:
    record = trial(
        exclusion=[
            "Suspected pulmonary origin of the NET e.g., FDG-PET avid lung lesions in patients with NEC liver metastases."
        ]
    )  # NCT02215447
    assert verdict(record, "spread", spread=True, spread_sites=["liver"]) == ASK_TEAM
    surgery = trial(
        exclusion=[
            "Major surgery (e.g, GI surgery and removal or biopsy of brain metastasis) within 8 weeks before inclusion."
        ]
    )  # NCT04400474
    assert verdict(surgery, "spread", spread=True, spread_sites=["brain"]) != DOES_NOT_MATCH
    untreated = trial(
        exclusion=[
            "Brain metastases and/or spinal cord compression not treated by surgery and/or radiotherapy, and with no "
            "clinical imaging evidence of disease stability;"
        ]
    )  # NCT02588170
    assert verdict(untreated, "spread", spread=True, spread_sites=["brain"]) == ASK_TEAM


def test_liver_or_distant_metastasis() -> None:
    record = trial(exclusion=["Presence of liver or distant metastasis."])  # NCT05907824
    assert verdict(record, "spread", spread=True, spread_sites=["bone"]) == DOES_NOT_MATCH
    assert verdict(record, "spread", spread=False) == MATCHES


def test_metastatic_disease_and_nodes_near_the_tumour() -> None:
    record = trial(exclusion=["(Other) metastatic disease"])  # NCT05037461
    assert verdict(record, "spread", spread=True, spread_sites=["lymph nodes"]) == ASK_TEAM
    assert verdict(record, "spread", spread=True, spread_sites=["liver"]) == DOES_NOT_MATCH


def test_a_kind_of_nec_ruled_out_is_not_every_nec() -> None:
    record = trial(
        exclusion=[
            "Patients with poorly differentiated neuroendocrine carcinoma, high-grade neuroendocrine carcinoma, "
            "adenocarcinoid, goblet cell carcinoid and small cell carcinoma"
        ]
    )  # NCT02318784 (shortened)
    assert verdict(record, "differentiation", differentiation="NEC") == DOES_NOT_MATCH
    small_cell = trial(exclusion=["Small cell lung cancer"])
    assert verdict(small_cell, "differentiation", differentiation="NEC", site="pancreas") != DOES_NOT_MATCH


def test_neuroendocrine_carcinoma_alone_is_the_older_name_too() -> None:
    record = trial(["Male or female with unresectable neuroendocrine carcinoma"])  # NCT02215447
    assert verdict(record, "differentiation", differentiation="NET") == ASK_TEAM
    ki67 = trial(["Histologically proven neuroendocrine carcinoma with a Ki67 of 20-55%."])  # NCT02248012
    assert verdict(ki67, "differentiation", differentiation="NET", grade=2) == DOES_NOT_MATCH
    assert verdict(ki67, "differentiation", differentiation="NET") == ASK_TEAM  # grade unsaid: may be a G3 NET


def test_long_acting_and_plain_octreotide() -> None:
    record = trial(exclusion=["Pre-treatment by somatostatin long-acting analogue"])  # NCT02288377
    assert verdict(record, "treatments", treatments=["octreotide"]) == ASK_TEAM  # may be the short-acting kind
    assert verdict(record, "treatments", treatments=["lanreotide"]) == DOES_NOT_MATCH
    assert verdict(record, "treatments", treatments=["octreotide LAR"]) == DOES_NOT_MATCH


def test_stable_disease_after_a_treatment_is_for_the_team() -> None:
    record = trial(["stable disease after receptor therapy with 177 Lutetium for 6 month"])  # NCT01201096
    assert verdict(record, "treatments", treatments=[]) == ASK_TEAM


# -- issue 19: fewer missed exclusions, without new wrong ones -------------------------------------------
@pytest.mark.parametrize(
    "person, expected",
    [
        ({"grade": 1}, DOES_NOT_MATCH),  # a G1 is under 3%
        ({"grade": 2}, ASK_TEAM),  # a G2 is at most 20%: 10-55% may or may not hold
        ({"grade": 3}, ASK_TEAM),
        ({"ki67": 8}, DOES_NOT_MATCH),
        ({"ki67": 12}, MATCHES),
    ],
)
def test_a_ki67_range_from_the_grade(person: dict, expected: str) -> None:
    assert verdict(trial(["Ki67 index ≥10 and ≤ 55%"]), "ki67", **person) == expected  # NCT02246127's form
    assert verdict(trial(["Ki67 index ≤ 20% (to be centrally confirmed)."]), "ki67", grade=2) == MATCHES


def test_the_ki67_of_a_definition_in_brackets_is_the_rule() -> None:
    record = trial(
        [
            "Diagnosed with poorly differentiated (as defined by the World Health Organisation in 2010, Ki 67 ≥20%) "
            "extra-pulmonary neuroendocrine carcinoma"
        ]
    )  # NCT03837977
    assert verdict(record, "ki67", ki67=8) == DOES_NOT_MATCH
    assert verdict(record, "ki67", ki67=45) == MATCHES


@pytest.mark.parametrize(
    "sentence",
    [
        "curative surgery impossible",  # NCT00171873
        "No curatively resectable disease;",  # NCT02248012
        "Computerized tomography (CT) scan evidence of liver metastases which are not treatable by surgical "
        "resection or local ablation with curative intent at the time of study entry.",
    ],
)  # NCT02859064
def test_a_tumour_taken_out_that_never_spread_is_not_unresectable(sentence: str) -> None:
    removed = {"spread": False, "treatments": ["removed during a colonoscopy"]}
    assert judge(trial([sentence]), person_from_json(removed)).excluded
    assert verdict(trial([sentence]), "resectable", spread=False) == ASK_TEAM  # nothing said of surgery


def test_any_stage_matches_any_stage() -> None:
    record = trial(
        [
            "Local, locally advanced or metastatic disease documented as progressive by RECIST v1.1. on CT-scan or MRI at "
            "baseline and within 12 months prior to baseline."
        ]
    )  # NCT01731925
    assert verdict(record, "spread", spread=False) == MATCHES
    assert verdict(record, "spread") == MATCHES  # every stage: met by someone who did not say theirs


def test_no_extrahepatic_tumour() -> None:
    record = trial(["primary tumor removed, no extrahepatic tumor"])  # NCT01201096
    assert verdict(record, "spread", spread=True, spread_sites=["liver"]) == MATCHES
    assert verdict(record, "spread", spread=True, spread_sites=["liver", "bone"]) == DOES_NOT_MATCH


def test_stage_one_means_not_spread() -> None:
    record = trial(["Localized pancreatic neuroendocrine tumour ≤ 2 cm (stage I)"])
    assert verdict(record, "spread", spread=True, spread_sites=["liver"]) == DOES_NOT_MATCH
    assert verdict(record, "spread", spread=False) == MATCHES
    assert verdict(trial(["Stage I-III pancreatic NET"]), "spread", spread=True) is None


@pytest.mark.parametrize(
    "treatments, expected",
    [
        (["octreotide", "everolimus", "sunitinib", "capecitabine and temozolomide"], DOES_NOT_MATCH),  # three, surely
        (["lanreotide", "everolimus", "PRRT"], ASK_TEAM),  # one, or three if an SSA and PRRT count
        (["lanreotide", "CAPTEM"], MATCHES),
        ([], MATCHES),
    ],
)
def test_more_than_two_prior_systemic_regimens(treatments: list, expected: str) -> None:
    record = trial(exclusion=["Patients with more than 2 prior systemic treatment regimens"])  # NCT02288377
    assert verdict(record, "treatments", treatments=treatments) == expected


def test_no_more_than_two_progressed_on() -> None:
    record = trial(
        [
            "Have previously progressed on no more than two types of systemic anti-tumor therapy, including long-acting "
            "somatostatin analogs (SSAs), interferon, everolimus and PRRT"
        ]
    )  # NCT02588170
    assert verdict(record, "treatments", treatments=[]) == MATCHES
    # progressed on each of them? a treatment stopped for side effects may not count
    assert (
        verdict(record, "treatments", treatments=["everolimus", "sunitinib", "capecitabine and temozolomide"])
        == ASK_TEAM
    )


def test_more_than_one_line_of_chemotherapy_counts_chemotherapy() -> None:
    record = trial(exclusion=["Patients with more than one line of prior chemotherapy"])  # NCT02358356
    assert verdict(record, "treatments", treatments=["everolimus", "sunitinib"]) == MATCHES
    assert verdict(record, "treatments", treatments=["cisplatin and etoposide", "FOLFIRI"]) == DOES_NOT_MATCH


def test_one_named_targeted_drug_is_not_the_whole_class() -> None:
    named = trial(exclusion=["Participants who have received a prior cabozantinib."])  # NCT04197310
    assert verdict(named, "treatments", treatments=["sunitinib"]) == MATCHES
    assert verdict(named, "treatments", treatments=["cabozantinib"]) == DOES_NOT_MATCH
    assert verdict(named, "treatments", treatments=["a TKI"]) == ASK_TEAM  # a targeted drug: which one, the team knows
    both = trial(exclusion=["Prior treatment with RAD001 or sorafenib"])  # NCT00942682
    assert verdict(both, "treatments", treatments=["everolimus"]) == DOES_NOT_MATCH
    assert verdict(both, "treatments", treatments=["sunitinib"]) == MATCHES
    the_class = trial(
        exclusion=["Prior treatment with any tyrosine kinase inhibitors or anti-VEGF angiogenic inhibitors."]
    )  # NCT01731925
    assert verdict(the_class, "treatments", treatments=["sunitinib"]) == DOES_NOT_MATCH


def test_an_antibody_against_cytotoxic_t_cells_is_no_chemotherapy() -> None:
    record = trial(
        exclusion=[
            "Participants who have received prior therapy with an anti-PD-1, anti-PD-L1, anti- PD-L2, anti-CD137, or "
            "anti-Cytotoxic T-lymphocyte-associated antigen-4 (CTLA-4) antibody"
        ]
    )  # NCT04197310
    assert verdict(record, "treatments", treatments=["capecitabine and temozolomide"]) != DOES_NOT_MATCH


def test_at_least_one_line_and_an_operation() -> None:
    record = trial(
        ["Patients who have received at least one line of therapy, which can include somatostatin analog therapy."]
    )  # NCT04197310
    assert verdict(record, "treatments", treatments=["lanreotide"]) != DOES_NOT_MATCH
    assert (
        verdict(record, "treatments", treatments=["appendicectomy"]) == ASK_TEAM
    )  # does an operation count? the team says
    assert verdict(record, "treatments", treatments=["everolimus"]) == MATCHES


def test_a_list_of_excluded_kinds_each_with_its_own_words() -> None:
    record = trial(
        exclusion=[
            "Patients with undifferentiated, poorly differentiated gastrointestinal neuroendocrine tumors, pancreatic "
            "neuroendocrine tumors, bronchial carcinoid tumors."
        ]
    )  # NCT01731925
    assert verdict(record, "site", site="pancreas") == DOES_NOT_MATCH  # pancreatic NETs: all of them
    assert (
        verdict(record, "site", site="small bowel") == ASK_TEAM
    )  # gastrointestinal: only the poorly differentiated ones
    kept = trial(exclusion=["Neuroendocrine tumours of the pancreas, with Ki-67 > 20%"])
    assert verdict(kept, "site", site="pancreas", ki67=5) != DOES_NOT_MATCH


@pytest.mark.parametrize("site, expected", [("pancreas", ASK_TEAM), ("small bowel", DOES_NOT_MATCH)])
def test_a_part_of_the_pancreas(site: str, expected: str) -> None:
    record = trial(["Non-functional neuroendocrine tumors of the pancreatic body and tail ≤ 3 cm."])  # NCT05907824
    assert verdict(record, "site", site=site) == expected


def test_a_rule_then_a_definition_in_one_line() -> None:
    record = trial(
        [
            "Based on central pathology review results, patients have a confirmed histologically pathology diagnosis of low- or "
            "intermediate grade (G1 or G2) advanced (unresectable or distant metastatic) PNET. G1 is defined as < 2 mitoses /10 "
            "high-power field［HPF］and/or <3% Ki-67 index; G2 is defined as 2-20/10 HPF"
        ]
    )  # NCT02589821
    assert verdict(record, "site", site="small bowel") == DOES_NOT_MATCH
    assert verdict(record, "grade", grade=3) == DOES_NOT_MATCH


@pytest.mark.parametrize(
    "sentence, kind",
    [
        (
            "Accepted chemotherapy with EP or IP regimen for no less than three months",
            "cisplatin and etoposide",
        ),  # NCT02687958
        (
            "Patients on Octreotide LAR at a fixed dose of 20 mg or 30 mg at 3-4 weeks intervals for at least 12 weeks prior to "
            "randomization in the study.",
            "Sandostatin LAR",
        ),
    ],
)  # NCT01578239
def test_a_treatment_asked_for_then_a_time(sentence: str, kind: str) -> None:
    record = trial([sentence])
    assert verdict(record, "treatments", treatments=[]) == DOES_NOT_MATCH  # never had it
    assert verdict(record, "treatments", treatments=[kind]) == ASK_TEAM  # for how long: the team knows
    washout = trial(["At least 4 weeks since prior chemotherapy"])
    assert verdict(washout, "treatments", treatments=[]) == MATCHES


def test_primary_tumour_removed() -> None:
    record = trial(["primary tumor removed, no extrahepatic tumor"])  # NCT01201096
    assert verdict(record, "treatments", treatments=["Whipple"]) == MATCHES
    assert verdict(record, "treatments", treatments=["removed during a colonoscopy"]) == MATCHES
    assert verdict(record, "treatments", treatments=["lanreotide"]) == DOES_NOT_MATCH


def test_liver_directed_therapy_said_other_ways() -> None:
    record = trial(
        exclusion=["Prior intrahepatic 90Y microspheres, such as SIR-Spheres in the past six months;"]
    )  # NCT02358356
    assert verdict(record, "treatments", treatments=["lanreotide"]) == MATCHES
    assert verdict(record, "treatments", treatments=["SIRT"]) == ASK_TEAM  # in the past six months? the team knows
    chemo = trial(
        exclusion=["Any previous radioembolization, chemoembolization and radiofrequency ablation"]
    )  # NCT02358356
    assert (
        verdict(chemo, "treatments", treatments=["capecitabine and temozolomide"]) == MATCHES
    )  # chemoembolisation is no chemotherapy
    surgery = trial(
        exclusion=[
            "Surgery (except biopsy) within 28 days prior to the initiation of investigational treatment or unhealed "
            "surgical incision;"
        ]
    )  # NCT02588170
    assert verdict(surgery, "treatments", treatments=["lanreotide"]) == MATCHES
    assert verdict(surgery, "treatments", treatments=["Whipple"]) == ASK_TEAM


def test_a_named_syndrome_ruled_out_is_only_that_one() -> None:
    record = trial(["No history of and no active symptoms related to carcinoid syndrome"])  # NCT01524783
    assert not judge(record, person_from_json({"functioning": True, "syndrome": "insulinoma"})).excluded
    rare = trial(
        exclusion=["Rare pancreatic neuroendocrine cancers such as, insulinomas, glucagonomas, gastrinomas."]
    )  # NCT02063958
    assert not judge(
        rare, person_from_json({"site": "small bowel", "functioning": True, "syndrome": "carcinoid syndrome"})
    ).excluded


def test_a_count_of_treatments_said_in_plain_words() -> None:
    from bot.eligibility.judge_words import mismatch_reason

    record = trial(exclusion=["Patients with more than 2 prior systemic treatment regimens"])  # NCT02288377
    judged = judge(record, person_from_json({"treatments": ["everolimus", "sunitinib", "CAPTEM"]}))
    assert [mismatch_reason(c) for c in judged.checks] == [
        "It rules out people who have had more than 2 cancer treatments."
    ]


# -- site and spread as registries write them (criteria written in registry style) ---------------------
_LIVER_SPREAD = {"site": "small bowel", "spread": True, "spread_sites": ["liver"]}


@pytest.mark.parametrize(
    "sentence",
    [
        "Subject has histologically confirmed locally advanced or metastatic NET (lung NETs are excluded)",
        "Unresectable or metastatic well differentiated NET (patients with pancreatic NET are not eligible)",
        "Advanced (unresectable or metastatic) GEP-NET (poorly differentiated NECs are not eligible)",
    ],
)
def test_a_rule_out_in_brackets_reaches_only_the_brackets(sentence: str) -> None:
    judged = judge(trial([sentence]), person_from_json(_LIVER_SPREAD))
    assert judged.verdict("spread") == MATCHES and not judged.excluded


@pytest.mark.parametrize(
    "sentence, site, expected",
    [
        ("Neuroendocrine tumour of the digestive system or lung", "small bowel", MATCHES),
        ("Well-differentiated neuroendocrine neoplasm of the digestive tract", "lung", DOES_NOT_MATCH),
        ("Neuroendocrine tumour of gastroenteric or pancreatic origin", "small bowel", MATCHES),
        ("Neuroendocrine tumour of gastroenteric or pancreatic origin", "lung", DOES_NOT_MATCH),
        ("Patients with a well-differentiated NET of enteropancreatic origin", "pancreas", MATCHES),
        ("Gastric, duodenal, pancreatic, jejunal, ileal, appendiceal, colonic, or rectal NET", "pancreas", MATCHES),
        ("Gastric, duodenal, pancreatic, jejunal, ileal, appendiceal, colonic, or rectal NET", "stomach", MATCHES),
        ("Gastric, duodenal, pancreatic, jejunal, ileal, appendiceal, colonic, or rectal NET", "lung", DOES_NOT_MATCH),
    ],
)
def test_gut_sites_in_registry_words(sentence: str, site: str, expected: str) -> None:
    assert verdict(trial([sentence]), "site", site=site) == expected


@pytest.mark.parametrize(
    "sentence, site",
    [
        ("Patients must not have had prior chemotherapy for pancreatic NET", "pancreas"),
        ("Patients cannot have had prior systemic therapy for lung carcinoid", "lung"),
        ("Subjects may not have received previous treatment with PRRT for a small bowel NET", "small bowel"),
    ],
)
def test_a_site_in_a_rule_about_treatment_is_no_site_rule(sentence: str, site: str) -> None:
    assert verdict(trial([sentence]), "site", site=site, treatments=[]) in (None, MATCHES, ASK_TEAM)


@pytest.mark.parametrize(
    "sentence",
    [
        "Patients must have at least one common NET symptom (EORTC QLQ-GI.NET21 score of 2 or more)",
        "Completed the GI.NET21 questionnaire at baseline, for a neuroendocrine tumour",
        "Symptoms measured by the QLQ-GI.NET 21 module in patients with a NET",
    ],
)
def test_a_questionnaire_name_is_no_site(sentence: str) -> None:
    assert verdict(trial([sentence]), "site", site="lung") != DOES_NOT_MATCH


@pytest.mark.parametrize(
    "sentence",
    [
        "Extra-pancreatic neuroendocrine tumors, including those of unknown origin",
        "Neuroendocrine tumours of extra-pulmonary origin, including unknown primary",
        "Non-pancreatic well-differentiated NET, including cases of unknown primary site",
    ],
)
def test_an_unknown_primary_among_examples_is_taken_not_the_only_site(sentence: str) -> None:
    record = trial([sentence])
    assert verdict(record, "site", site="small bowel") != DOES_NOT_MATCH
    assert verdict(record, "site", site="unknown") != DOES_NOT_MATCH


def test_an_unknown_primary_among_examples_keeps_the_rule_out() -> None:
    record = trial(["Neuroendocrine tumours of extra-pulmonary origin, including unknown primary"])
    assert verdict(record, "site", site="lung") == DOES_NOT_MATCH
    assert verdict(record, "site", site="pancreas") == MATCHES


@pytest.mark.parametrize(
    "sentence, spread_sites, expected",
    [
        ("Metastatic disease outside the liver", ["liver"], MATCHES),
        ("Metastatic disease outside the liver", ["liver", "bone"], DOES_NOT_MATCH),
        ("Metastases outside of the liver other than lymph nodes", ["liver", "lymph nodes"], MATCHES),
        ("Metastases outside of the liver other than lymph nodes", ["liver", "peritoneum"], DOES_NOT_MATCH),
        ("Disease beyond the liver", ["liver"], MATCHES),
        ("Extrahepatic metastases, except bone or lymph nodes", ["liver", "bone"], MATCHES),
        ("Extrahepatic metastases, except bone or lymph nodes", ["liver", "peritoneum"], DOES_NOT_MATCH),
    ],
)
def test_spread_outside_the_liver_and_its_exceptions(sentence: str, spread_sites: list, expected: str) -> None:
    assert verdict(trial(exclusion=[sentence]), "spread", spread=True, spread_sites=spread_sites) == expected


@pytest.mark.parametrize(
    "sentence",
    [
        "Localized disease amenable to curative resection",
        "Localised tumour suitable for complete surgical removal",
        "Localized NET that is amenable to surgery",
    ],
)
@pytest.mark.parametrize("resectable, expected", [(False, False), (True, True), (None, False)])
def test_localised_and_removable_rules_out_only_both(sentence: str, resectable: Optional[bool], expected: bool) -> None:
    person = {"site": "pancreas", "spread": False, **({} if resectable is None else {"resectable": resectable})}
    assert judge(trial(exclusion=[sentence]), person_from_json(person)).excluded is expected


@pytest.mark.parametrize(
    "sentence",
    [
        "Either resectable or unresectable disease",
        "Resectable or unresectable tumours are eligible",
        "Patients with operable or inoperable disease",
    ],
)
def test_removable_or_not_is_no_rule(sentence: str) -> None:
    for resectable in (True, False):
        assert verdict(trial([sentence]), "resectable", resectable=resectable) in (None, MATCHES)


@pytest.mark.parametrize(
    "sentence, section",
    [
        ("Metastases in more than one organ", "exclusion"),
        ("Metastatic disease involving multiple organs", "exclusion"),
        ("Metastases in at least two organs", "inclusion"),
        ("Oligometastatic disease (1 to 5 metastases)", "inclusion"),
    ],
)
def test_how_many_organs_is_for_the_team(sentence: str, section: str) -> None:
    record = trial([sentence]) if section == "inclusion" else trial(exclusion=[sentence])
    assert verdict(record, "spread", spread=True, spread_sites=["liver"]) == ASK_TEAM


@pytest.mark.parametrize(
    "sentence, ungraded",
    [
        ("Histologically proven neuroendocrine carcinoma with a Ki67 of 20-55%", ASK_TEAM),
        ("GEP Neuroendocrine Carcinoma (NEC) with Ki67< 55% (WHO 2010)", ASK_TEAM),  # NCT02687958
        ("High grade neuroendocrine carcinoma (Ki-67 above 20%) of any site", ASK_TEAM),
        ("Poorly differentiated neuroendocrine carcinoma", DOES_NOT_MATCH),
        ("Small cell or large cell neuroendocrine carcinoma", DOES_NOT_MATCH),
    ],
)
def test_a_net_of_unsaid_grade_against_a_carcinoma_named_by_grade(sentence: str, ungraded: str) -> None:
    record = trial([sentence])
    assert verdict(record, "differentiation", differentiation="NET") == ungraded  # may be a G3 NET
    assert verdict(record, "differentiation", differentiation="NET", grade=1) == DOES_NOT_MATCH


# -- session 11: defects read as general rules ------------------------------------------------------
@pytest.mark.parametrize(
    "sentence",
    [
        "Metastatic or locally advanced pancreatic NET. NOTE: locally advanced includes regional lymph node metastases.",
        "Unresectable pancreatic NET (Note: patients with regional lymph node metastases only are considered locally advanced)",
        "Locally advanced pancreatic NET, defined as regional lymph node metastases or invasion of adjacent organs",
    ],
)
def test_a_note_on_what_a_word_means_asks_for_no_place_of_spread(sentence: str) -> None:
    assert verdict(trial([sentence]), "spread", spread=True, spread_sites=["liver"]) != DOES_NOT_MATCH


def test_a_place_asked_for_outside_a_note_still_counts() -> None:
    record = trial(["Liver metastases not amenable to resection. NOTE: measurable disease is defined as RECIST 1.1."])
    assert verdict(record, "spread", spread=True, spread_sites=["bone"]) == DOES_NOT_MATCH


@pytest.mark.parametrize(
    "sentence",
    [
        "Well differentiated neuroendocrine tumour of the colon",
        "Midgut NET (jejunum, ileum, appendix, ascending colon)",
        "Well-differentiated NET of the midgut (small intestine, appendix or right colon)",
    ],
)
def test_a_rectal_net_is_not_colon_or_midgut(sentence: str) -> None:
    assert verdict(trial([sentence]), "site", site="rectum") == DOES_NOT_MATCH
    assert verdict(trial([sentence]), "site", site="rectal") == DOES_NOT_MATCH


@pytest.mark.parametrize(
    "sentence",
    [
        "Colorectal neuroendocrine tumour",
        "Hindgut NET (distal colon or rectum)",
        "Endocrine tumour in the intestine or pancreas",
    ],
)
def test_a_rectal_net_is_hindgut_and_intestine(sentence: str) -> None:
    assert verdict(trial([sentence]), "site", site="rectum") == MATCHES


@pytest.mark.parametrize(
    "sentence",
    [
        "Extra-pulmonary neuroendocrine carcinoma, including unknown primary",
        "Poorly differentiated extrapulmonary NEC (including cancer of unknown primary)",
        "NEC of extra-pulmonary origin or unknown primary site",
    ],
)
def test_an_unknown_primary_named_beside_extra_pulmonary_is_taken(sentence: str) -> None:
    record = trial([sentence])
    assert verdict(record, "site", site="unknown") == MATCHES
    assert verdict(record, "site", site="pancreas") == MATCHES
    assert verdict(record, "site", site="lung") == DOES_NOT_MATCH


@pytest.mark.parametrize(
    "sentence",
    [
        "Lung or thymic carcinoid",
        "Typical or atypical lung or thymic carcinoid",
        "Patients with bronchial or thymic carcinoids",
    ],
)
def test_lung_or_thymic_carcinoid_ruled_out(sentence: str) -> None:
    record = trial(exclusion=[sentence])
    assert verdict(record, "site", site="pancreas") == MATCHES
    assert verdict(record, "site", site="lung") == DOES_NOT_MATCH


@pytest.mark.parametrize(
    "sentence",
    [
        "Candidates for curative surgery",
        "Resectable pancreatic NET scheduled for surgery",
        "Tumour amenable to curative resection",
    ],
)
def test_a_tumour_already_removed_is_not_one_still_to_remove(sentence: str) -> None:
    record = trial([sentence])
    assert verdict(record, "resectable", spread=False, treatments=["Whipple"]) == ASK_TEAM
    assert verdict(record, "resectable", resectable=True) == MATCHES
    assert verdict(record, "resectable", resectable=False) == DOES_NOT_MATCH


@pytest.mark.parametrize(
    "sentence",
    [
        "Prior treatment with first-line platinum-based chemotherapy for NEC in the advanced setting and ≥28 days from Day 1 of the previous treatment cycle.",
        "Has received prior therapy with at least 1 platinum-containing regimen",
        "Progression after first-line platinum chemotherapy",
    ],
)
def test_a_required_family_of_chemotherapy(sentence: str) -> None:
    record = trial([sentence])
    assert verdict(record, "treatments", treatments=["CAPTEM"]) == DOES_NOT_MATCH  # chemotherapy, not platinum
    assert verdict(record, "treatments", treatments=["lanreotide"]) == DOES_NOT_MATCH
    assert verdict(record, "treatments", treatments=["carboplatin and etoposide"]) in (MATCHES, ASK_TEAM)
    assert verdict(record, "treatments", treatments=["chemotherapy"]) == ASK_TEAM  # which drugs: unsaid


@pytest.mark.parametrize(
    "sentence",
    [
        "Stable disease after 6 cycles of first line chemotherapy with Cisplatin plus Etoposide or alternative first line chemotherapy",
        "Must have received platinum-based chemotherapy or another first-line chemotherapy",
        "Prior systemic chemotherapy, such as platinum doublets, is required",
    ],
)
def test_a_family_given_with_alternatives_or_as_an_example_narrows_nothing(sentence: str) -> None:
    assert verdict(trial([sentence]), "treatments", treatments=["CAPTEM"]) != DOES_NOT_MATCH


@pytest.mark.parametrize(
    "sentence",
    [
        "Had been treated with radionuclide at any time prior to study entry.",
        "Prior radioligand therapy",
        "Previous treatment with 177Lu-DOTATATE",
    ],
)
def test_radionuclides_are_prrt(sentence: str) -> None:
    record = trial(exclusion=[sentence])
    assert verdict(record, "treatments", treatments=["Lutathera"]) == DOES_NOT_MATCH
    assert verdict(record, "treatments", treatments=["lanreotide"]) == MATCHES


@pytest.mark.parametrize(
    "sentence",
    [
        "Histologically proven NEC. The features of small versus large cell NEC carcinoma will need to be documented.",
        "Neuroendocrine carcinoma, Ki-67 over 20%. Whether the tumour is small cell or large cell should be recorded.",
        "GEP neuroendocrine carcinoma; small cell vs large cell morphology to be reported",
    ],
)
def test_what_is_to_be_recorded_asks_for_no_kind(sentence: str) -> None:
    assert verdict(trial([sentence]), "differentiation", differentiation="NET") != DOES_NOT_MATCH


# -- issue 19, search engineer's findings: each a general rule --------------------------------------------
@pytest.mark.parametrize(
    "criterion",
    [
        "Patients with multiple pancreatic neuroendocrine tumors",
        "Multifocal pancreatic NET on baseline imaging",
        "Two or more synchronous pancreatic neuroendocrine neoplasms",
        "More than one primary tumour in the pancreas",
    ],
)
def test_an_exclusion_of_several_tumours_is_not_about_the_site(criterion: str) -> None:
    record = trial(["Non-functioning pancreatic NET of 2 cm or less"], [criterion])
    assert verdict(record, "site", site="pancreas") == ASK_TEAM  # how many tumours: the team knows
    assert not judge(record, person_from_json({"site": "pancreas"})).excluded


def test_a_site_excluded_alone_still_rules_out() -> None:
    record = trial(["Neuroendocrine tumour"], ["Pancreatic neuroendocrine tumours"])
    assert verdict(record, "site", site="pancreas") == DOES_NOT_MATCH
    assert verdict(record, "site", site="small bowel") == MATCHES


@pytest.mark.parametrize(
    "criterion",
    [
        "Prior first-line platinum-based chemotherapy (cisplatin or carboplatin) with etoposide for advanced NEC",
        "Patients must have received at least 1 platinum-containing regimen",
        "Progression after etoposide or a platinum compound given as first line",
    ],
)
def test_a_drug_of_the_named_family_meets_a_family_requirement(criterion: str) -> None:
    record = trial([criterion])
    for had in (["cisplatin and etoposide"], ["carboplatin", "etoposide"], ["EP (carboplatin/etoposide)"]):
        assert verdict(record, "treatments", treatments=had) in (MATCHES, ASK_TEAM)
    assert verdict(record, "treatments", treatments=["capecitabine and temozolomide"]) == DOES_NOT_MATCH
    assert verdict(record, "treatments", treatments=["lanreotide"]) == DOES_NOT_MATCH


def test_a_person_made_from_treatment_kinds_alone_is_never_ruled_out_by_a_family() -> None:
    from bot.eligibility.person import with_treatment_words

    record = trial(["Prior treatment with platinum-based chemotherapy"])
    kinds_only = Person(treatments=("chemotherapy",))  # the story search's profile: kinds, not the drugs
    assert judge(record, kinds_only).verdict("treatments") == ASK_TEAM
    named = with_treatment_words(kinds_only, ["cisplatin", "etoposide"])  # lexicon ids name the drugs
    assert judge(record, named).verdict("treatments") == MATCHES
    other = with_treatment_words(kinds_only, ["capecitabine_temozolomide"])
    assert judge(record, other).verdict("treatments") == DOES_NOT_MATCH


@pytest.mark.parametrize(
    "cohorts",
    [
        [
            "Cohort 1: Well-differentiated neuroendocrine tumours of the lung and thymus (grade 1 and 2)",
            "Cohort 2: Well-differentiated neuroendocrine tumours of the digestive system (grade 1 and 2)",
        ],
        ["Cohort A: typical or atypical lung carcinoid", "Cohort B: pancreatic NET, grade 1-2"],
        [
            "Arm A (thoracic): well-differentiated NET of bronchial origin",
            "Arm B (GEP): well-differentiated gastroenteropancreatic NET",
        ],
    ],
)
def test_cohorts_are_read_as_any_of_them_for_the_site(cohorts: list[str]) -> None:
    record = trial(["Measurable disease per RECIST 1.1", *cohorts])
    assert verdict(record, "site", site="pancreas") == MATCHES  # one cohort takes a pancreatic NET
    assert verdict(record, "site", site="lung") == MATCHES
    assert not judge(record, person_from_json({"site": "pancreas"})).excluded


def test_one_cohort_met_does_not_make_another_plain_requirement_met() -> None:
    record = trial(["Pancreatic NET", "Pancreatic neuroendocrine tumour located in the body or tail of the pancreas"])
    assert (
        verdict(record, "site", site="pancreas") == ASK_TEAM
    )  # the second is not a cohort: which part, the team knows


@pytest.mark.parametrize(
    "criterion",
    [
        "Locally unresectable or metastatic well-differentiated neuroendocrine tumour of non-pancreatic origin",
        "Advanced extrapancreatic neuroendocrine tumours",
        "Neuroendocrine tumour of any primary site other than the pancreas",
        "Non-pancreatic NET (carcinoid), grade 1 or 2",
    ],
)
def test_non_x_other_than_x_and_extra_x_rule_out_x(criterion: str) -> None:
    record = trial([criterion])
    assert verdict(record, "site", site="pancreas") == DOES_NOT_MATCH
    assert verdict(record, "site", site="lung") in (MATCHES, ASK_TEAM)
    assert verdict(record, "site", site="small bowel") in (MATCHES, ASK_TEAM)
    assert not judge(record, person_from_json({"site": "small bowel"})).excluded


def test_extra_x_or_unknown_origin_takes_every_other_start() -> None:
    record = trial(["Extra-pancreatic NET or NET of unknown origin"])
    assert verdict(record, "site", site="small bowel") == MATCHES
    assert verdict(record, "site", site="unknown") == MATCHES
    assert verdict(record, "site", site="pancreas") == DOES_NOT_MATCH


def test_any_origin_except_a_kind_of_tumour_still_takes_every_site() -> None:
    record = trial(["Grade 3 neuroendocrine neoplasm of any origin, excluding small cell lung cancer"])
    assert verdict(record, "site", site="lung") == MATCHES


@pytest.mark.parametrize(
    "criterion",
    [
        "Well-differentiated NET that has relapsed or is refractory to at least 2 systemic therapies",
        "Disease progression on at least two prior systemic treatment lines",
        "Patients must have failed more than one prior line of systemic therapy",
    ],
)
def test_too_few_treatments_fails_a_refractory_to_n_requirement(criterion: str) -> None:
    record = trial([criterion])
    assert verdict(record, "treatments", treatments=["lanreotide"]) == DOES_NOT_MATCH
    assert verdict(record, "treatments", treatments=[]) == DOES_NOT_MATCH
    assert (
        verdict(record, "treatments", treatments=["everolimus", "sunitinib"]) == ASK_TEAM
    )  # progression: the team knows


@pytest.mark.parametrize(
    "criterion",
    [
        "Patients who have failed or are refractory to available therapies",
        "Disease progression after standard treatment",
        "Relapsed following conventional systemic therapy",
    ],
)
def test_refractory_to_standard_care_asks_for_a_treatment_had(criterion: str) -> None:
    record = trial([criterion])
    assert verdict(record, "treatments", treatments=[]) == DOES_NOT_MATCH
    assert verdict(record, "treatments", treatments=["everolimus"]) == ASK_TEAM


@pytest.mark.parametrize(
    "criterion",
    [
        "Progressed on, been intolerant of, or refused standard therapy",
        "Relapsed after standard treatment or for whom no standard therapy exists",
        "Refractory to available therapies or not a candidate for them",
    ],
)
def test_refractory_or_never_treated_is_no_requirement(criterion: str) -> None:
    assert verdict(trial([criterion]), "treatments", treatments=[]) != DOES_NOT_MATCH


@pytest.mark.parametrize(
    "title",
    [
        "Lutetium Versus Best Standard of Care in Grade-2 and Grade-3 GastroEnteroPancreatic NeuroEndocrine Tumors (GEP-NETs)",
        "PRRT in Patients With Advanced GEP-NETs",
        "Everolimus in Neuroendocrine Tumours of Gastroenteropancreatic Origin",
    ],
)
def test_a_gep_title_of_a_record_without_criteria_rules_out_a_lung_net(title: str) -> None:
    record = TrialRecord("NCT00000000", None, None, None, None, title)
    assert judge(record, person_from_json({"site": "lung"})).verdict("site") == DOES_NOT_MATCH
    assert judge(record, person_from_json({"site": "pancreas"})).verdict("site") == MATCHES
    assert judge(record, person_from_json({"site": "unknown"})).verdict("site") == ASK_TEAM


def test_a_title_is_only_a_question_when_criteria_exist_or_name_the_site() -> None:
    title = "Lanreotide in Non-functioning Entero-Pancreatic Endocrine Tumours"
    silent = replace(trial(["Age 18 or over"]), title=title)
    assert judge(silent, person_from_json({"site": "lung"})).verdict("site") == ASK_TEAM
    said = replace(trial(["Well-differentiated NET of any site"]), title=title)
    assert judge(said, person_from_json({"site": "lung"})).verdict("site") == MATCHES  # the criteria are the rule


@pytest.mark.parametrize(
    "title",
    [
        "Lurbinectedin in Small Cell Lung Cancer and Neuroendocrine Tumours",
        "Cabozantinib in Solid Tumours Including Pancreatic NETs",
        "ONC201 in Pheochromocytoma-Paraganglioma and Pancreatic Neuroendocrine Tumours",
    ],
)
def test_a_title_about_other_tumours_too_sets_no_site(title: str) -> None:
    record = TrialRecord("NCT00000000", None, None, None, None, title)
    assert judge(record, person_from_json({"site": "small bowel"})).verdict("site") is None


def test_a_site_mismatch_says_what_the_story_told(store) -> None:  # type: ignore[no-untyped-def]
    pantodon = store.get("NCT07273409")  # pancreatic NETs only
    checks = {c.topic: c for c in checklist(pantodon, Answers(), Person(site="stomach")).checks}
    site = checks["where it started"]
    assert site.verdict == NO_MATCH and site.reason.endswith("You said the stomach."), site
