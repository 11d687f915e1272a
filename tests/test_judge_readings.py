"""General readings of the judge found with the audits over unlabelled trials (issue 19, session 13):
conditions on brain metastases, what does not count as measurable, "or at any time", a stated grade 3
NET, curative options and hormones either way. Real sentences from tuned trials and the shared corpus."""

from __future__ import annotations

import pytest

from bot.eligibility.judge import ASK_TEAM, DOES_NOT_MATCH, MATCHES
from tests.helpers.judge import trial, verdict

LIVER_ONLY = {"spread": True, "spread_sites": ["liver"]}


@pytest.mark.parametrize(
    "criterion",
    [
        "Brain metastasis must be stable and well-controlled",  # NCT00297089
        "Stable brain metastasis that have been treated with either whole brain radiation therapy or gamma knife surgery and are "
        "off steroid treatment for > 14 days prior to pre-registration, if applicable",  # NCT00738881
        "Patients with history of brain metastasis who are clinically judged by the investigator as neurologically stable following "
        "definitive radiation or surgery and do not require corticosteroids may be enrolled in the study.",  # NCT01152801
    ],
)
def test_brain_metastases_kept_in_check_are_a_condition_not_a_need(criterion: str) -> None:
    record = trial([criterion])
    assert verdict(record, "spread", **LIVER_ONLY) == MATCHES
    assert verdict(record, "spread", spread=False) == MATCHES
    assert verdict(record, "spread", spread=True, spread_sites=["brain"]) == ASK_TEAM


def test_a_trial_for_brain_metastases_still_needs_them() -> None:
    assert (
        verdict(trial(["At least one parenchymal brain metastasis"]), "spread", **LIVER_ONLY) == DOES_NOT_MATCH
    )  # NCT00470847


def test_what_does_not_count_as_measurable_asks_for_nothing() -> None:
    record = trial(
        [
            "At least one measurable lesion according to the RECIST criteria which has not been irradiated (i.e. newly "
            "arising lesions in previously irradiated areas are accepted). Ascites, pleural effusion, and bone metastases "
            "are not considered measurable."
        ]
    )  # NCT00216437
    assert verdict(record, "spread", **LIVER_ONLY) != DOES_NOT_MATCH


def test_or_at_any_time_takes_the_window_off_what_follows() -> None:
    record = trial(
        exclusion=[
            "Treated within the last 6 months with interferon, chemoembolisation or chemotherapy or at any time "
            "with a radionuclide"
        ]
    )  # NCT00353496
    assert verdict(record, "treatments", treatments=["Lutathera"]) == DOES_NOT_MATCH
    assert (
        verdict(record, "treatments", treatments=["capecitabine and temozolomide"]) == ASK_TEAM
    )  # within 6 months: the team knows
    assert verdict(record, "treatments", treatments=[]) == MATCHES


def test_a_stated_grade_3_net_is_well_differentiated() -> None:
    g3_net = {"differentiation": "NET", "grade": 3, "ki67": 30}
    assert (
        verdict(trial(["Well or moderately differentiated tumour confirmed by histology"]), "differentiation", **g3_net)
        == MATCHES
    )  # NCT00353496
    # a carcinoma named by its grade (WHO 2010) may take a G3 NET: the team must say
    nec = trial(["Histologically proven neuroendocrine carcinoma with a Ki67 of 20-55%."])  # NCT02248012
    assert verdict(nec, "differentiation", **g3_net) == ASK_TEAM


@pytest.mark.parametrize(
    "criterion",
    [
        "Candidate for potentially curative therapies",  # NCT00724971
        "Disease is suitable for local therapy administered with curative intent",  # NCT02252042
        "Candidate for curative and/or debulking surgical resections",  # NCT02743741
    ],
)
def test_a_curative_option_rules_out_only_for_the_team(criterion: str) -> None:
    record = trial(exclusion=[criterion])
    assert verdict(record, "resectable", resectable=False) == MATCHES
    assert verdict(record, "resectable", resectable=True) == ASK_TEAM


def test_not_a_surgical_candidate_cannot_have_it_removed() -> None:
    record = trial(
        ["Patients must be non surgically resectable or not a surgical candidate because of comorbid conditions."]
    )  # NCT01016860
    assert verdict(record, "resectable", resectable=True) == DOES_NOT_MATCH
    assert verdict(record, "resectable", resectable=False) == MATCHES


def test_secreting_or_not_rules_out_no_one() -> None:
    record = trial(
        ["Secreting or non-secreting NET"]
    )  # a wording shape: no stored record says it, and it once read as "non-secreting"
    assert verdict(record, "functioning", functioning=False) != DOES_NOT_MATCH
    assert verdict(record, "functioning", functioning=True, syndrome="insulinoma") != DOES_NOT_MATCH


def test_radiopeptides_named_by_isotope_are_prrt() -> None:
    record = trial(
        [
            "Patients must be naive from previous radionuclide treatments with radiopeptides (e.g. 111Inpentetreotide, "
            "90Y-DOTATOC) or other radiopharmaceuticals (e.s. 131I-MIBG, 131I)."
        ]
    )  # NCT02736500
    assert verdict(record, "treatments", treatments=["Lutathera"]) == DOES_NOT_MATCH
    assert (
        verdict(record, "treatments", treatments=["SIRT"]) != DOES_NOT_MATCH
    )  # 90Y microspheres are not a radiopeptide
    assert verdict(record, "treatments", treatments=[]) == MATCHES


def test_radiolabelled_somatostatin_analogues_are_prrt_not_lanreotide() -> None:
    record = trial(
        exclusion=["Previous treatment with radiolabeled somatostatin analogs"]
    )  # a wording shape of PRRT trials
    assert verdict(record, "treatments", treatments=["lanreotide"]) == MATCHES
    assert verdict(record, "treatments", treatments=["Lutathera"]) == DOES_NOT_MATCH


def test_a_time_written_as_at_most_is_a_window() -> None:
    record = trial(
        exclusion=["Major surgical procedures ≤28 days of beginning study drug, or minor surgical procedures ≤7 days."]
    )  # NCT02859064
    assert verdict(record, "treatments", treatments=["Whipple"]) == ASK_TEAM
    assert verdict(record, "treatments", treatments=[]) == MATCHES


def test_an_upper_age_limit_said_as_less_than_leaves_that_age_out() -> None:
    record = trial(["Age ≥ 18 and < 70 years of age"])  # NCT02801487
    assert verdict(record, "age", age=70) == DOES_NOT_MATCH
    assert verdict(record, "age", age=69) == MATCHES
    assert verdict(trial(exclusion=["Age 75 years or older"]), "age", age=75) == DOES_NOT_MATCH  # a wording shape
    assert verdict(trial(["Adults 18 years and older"]), "age", age=16) == DOES_NOT_MATCH  # NCT00431041


def test_well_or_moderately_differentiated_with_a_hyphen() -> None:
    record = trial(
        [
            "Non-resectable, recurrent, or metastatic well- or moderately-differentiated gastroenteropancreatic "
            "neuroendocrine tumor (GEP-NETs) with disease progression within the last 12 months."
        ]
    )  # NCT03043664
    assert verdict(record, "differentiation", differentiation="NEC") == DOES_NOT_MATCH
    assert verdict(record, "differentiation", differentiation="NET", grade=2) == MATCHES


def test_adults_are_18_or_over_unless_young_people_are_named_too() -> None:
    assert (
        verdict(trial(["Adults with diagnosis of asthma since at least 6 months."]), "age", age=16) == DOES_NOT_MATCH
    )  # corpus
    assert verdict(trial(["Adult patients with NET"]), "age", age=16) == DOES_NOT_MATCH  # a wording shape
    assert verdict(trial(["Adult patients with NET"]), "age", age=40) == MATCHES
    assert verdict(trial(["Adults or adolescents with NET"]), "age", age=16) != DOES_NOT_MATCH
