"""Past treatments read with their logic (issue 19): a regimen named by its letters ("EP or IP"), treatment
"directed" at the tumour, treatment "for NEC", a "no" that opens a long list, a rule-out said twice among the
exclusions, a dose limit, an exception with a condition, an allowance with a condition. Criteria are real
(data/trials/ and the ctgov corpus)."""

from __future__ import annotations

import pytest

from bot.eligibility.judge import ASK_TEAM, DOES_NOT_MATCH, MATCHES, judge
from bot.eligibility.person import person_from_json
from bot.eligibility.records import TrialRecord
from tests.helpers.judge import trial, verdict

EP_OR_IP = "Accepted chemotherapy with EP or IP regimen for no less than three months"  # NCT02409849
PANNET_DIRECTED = "Previous PanNET-directed treatment"  # NCT04385992
FOR_NEC = (  # NCT02215447
    "Previous cytotoxic chemotherapy, or targeted therapy, or biotherapy for NEC (prior Somatostatin analogs (SSAs) are "
    "allowed)"
)


@pytest.mark.parametrize(
    "had, expected",
    [
        (["capecitabine and temozolomide"], DOES_NOT_MATCH),  # no platinum, whatever else
        (["carboplatin and etoposide"], ASK_TEAM),  # had it: for three months? the team knows
        ([], DOES_NOT_MATCH),
    ],
)
def test_ep_or_ip_is_a_platinum_regimen(had: list[str], expected: str) -> None:
    assert verdict(trial((EP_OR_IP,)), "treatments", treatments=had) == expected


@pytest.mark.parametrize(
    "had, expected",
    [(["SIRT"], DOES_NOT_MATCH), (["Whipple"], DOES_NOT_MATCH), (["lanreotide"], DOES_NOT_MATCH), ([], MATCHES)],
)
def test_treatment_directed_at_the_tumour_counts_operations_and_liver_treatments(had: list[str], expected: str) -> None:
    assert verdict(trial(exclusion=(PANNET_DIRECTED,)), "treatments", treatments=had) == expected


@pytest.mark.parametrize(
    "person, expected",
    [
        ({"differentiation": "NEC", "treatments": ["cisplatin and etoposide"]}, DOES_NOT_MATCH),
        ({"differentiation": "NET", "treatments": ["capecitabine and temozolomide"]}, ASK_TEAM),  # given for a NET
        ({"treatments": ["cisplatin and etoposide"]}, ASK_TEAM),  # for which tumour: not said
        ({"differentiation": "NEC", "treatments": ["octreotide"]}, MATCHES),  # SSAs allowed
    ],
)
def test_treatment_for_nec_rules_out_a_nec_treated_with_it(person: dict, expected: str) -> None:
    assert verdict(trial(exclusion=(FOR_NEC,)), "treatments", **person) == expected


def test_a_regimen_named_by_its_drug_is_which_drugs_not_how_many() -> None:
    record = trial(exclusion=("Patients with metastatic NECs already treated with irinotecan regimen.",))  # NCT03387592
    assert verdict(record, "treatments", treatments=["carboplatin and etoposide", "FOLFIRI"]) == DOES_NOT_MATCH
    assert verdict(record, "treatments", treatments=["carboplatin and etoposide"]) == MATCHES


@pytest.mark.parametrize(
    "record",
    [
        trial(  # ctgov NCT00659178: the "no" opens the whole list, "biological therapy for cancer" too
            (
                "No chemotherapy, immunotherapy, hormonal therapy, or biological therapy for cancer, radiotherapy, or "
                "surgical procedures (except for minor surgical procedures) within four weeks before beginning "
                "treatment with SB-485232 (six weeks for nitrosoureas and mitomycin C).",
            )
        ),
        trial(  # ctgov NCT02661815: "no ... may have been administered within 4 weeks", among the exclusions
            exclusion=(
                "Participants who have had chemotherapy or radiotherapy within 4 weeks (6 weeks for nitrosoureas or "
                "mitomycin C) prior to entering the study or those who have not recovered from adverse events due to "
                "agents administered more than 4 weeks earlier. In addition, no small molecule kinase inhibitors or any "
                "other type of investigational agent may have been administered within 4 weeks before first dose of "
                "study treatment.",
            )
        ),
        trial(  # ctgov NCT00574366: a dose limit, not a need to have had the drug
            (
                "Total cumulative dose of lifetime exposure of doxorubicin not greater than 360 mg/m^2 or epirubicin not "
                "greater than 640 mg/m^2",
            )
        ),
    ],
)
def test_never_treated_is_not_ruled_out(record: TrialRecord) -> None:
    assert not judge(record, person_from_json({"treatments": []})).excluded


def test_an_exception_with_a_condition_is_for_the_team() -> None:
    record = trial(
        exclusion=(
            "Symptomatic pNET because of hormone production, with the exception of gastrinomas which are located in "
            "the submucosa of the duodenum",
        )
    )  # NCT05037461: a gastrinoma is spared only where it sits in the duodenum
    assert verdict(record, "syndrome", site="pancreas", functioning="functioning", syndrome="gastrinoma") == ASK_TEAM
    assert verdict(
        record, "syndrome", site="small bowel", functioning="functioning", syndrome="carcinoid syndrome"
    ) == (MATCHES)  # not a pNET


def test_an_allowance_on_a_condition_asks_those_it_allows() -> None:
    record = trial(
        (
            "Patients with history of brain metastasis who are clinically judged by the investigator as neurologically "
            "stable following definitive radiation or surgery and do not require corticosteroids may be enrolled in the "
            "study.",
        )
    )  # ctgov NCT01152801
    assert verdict(record, "spread", spread=True, spread_sites=["brain"]) == ASK_TEAM
    assert verdict(record, "spread", spread=True, spread_sites=["liver"]) == MATCHES


@pytest.mark.parametrize(
    "had, expected",
    [
        (["SIRT"], DOES_NOT_MATCH),  # radioembolisation, named both ways
        (["TACE"], DOES_NOT_MATCH),
        (["liver embolisation"], ASK_TEAM),  # bland, chemo or radio: the team knows
        (["lanreotide"], MATCHES),
    ],
)
def test_liver_treatments_named_by_kind(had: list[str], expected: str) -> None:
    record = trial(exclusion=("Any previous radioembolization, chemoembolization and radiofrequency ablation",))
    assert verdict(record, "treatments", treatments=had) == expected  # NCT03972488


def test_microspheres_are_radioembolisation() -> None:
    record = trial(exclusion=("Prior intrahepatic 90Ymicrospheres such as SIR-Spheres",))  # NCT02215447
    assert verdict(record, "treatments", treatments=["SIRT"]) == DOES_NOT_MATCH
    assert verdict(record, "treatments", treatments=["TACE"]) == MATCHES


def test_not_amenable_to_or_progressed_on_a_treatment_is_no_need_to_have_had_it() -> None:
    record = trial(
        (
            "Patients must have disease that is not amenable to potentially curative resection or ablative techniques. "
            "In addition, disease must not be amenable to or have progressed on transhepatic arterial chemoembolization "
            "(TACE).",
        )
    )  # ctgov NCT01306058
    for had in ([], ["SIRT"], ["TACE"]):
        assert not judge(record, person_from_json({"treatments": had})).excluded


def test_liver_treatments_given_as_examples_are_any_liver_treatment() -> None:
    record = trial(
        exclusion=(
            "Anti-tumor therapy received within 4 weeks prior to the initiation of the investigational treatment, "
            "including, but not limited to, chemotherapy, radical radiotherapy, targeted therapy, immunotherapy and "
            "anti-tumor Chinese medicine treatment, hepatic chemoembolization, cryoablation and radiofrequency ablation ;",
        )
    )  # NCT02589821: when it was, the team knows
    assert verdict(record, "treatments", treatments=["SIRT"]) == ASK_TEAM
