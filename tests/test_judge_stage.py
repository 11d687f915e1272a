"""The judge on the stage of the disease (issue 19): "advanced", "unresectable", what an operation took out,
the trial's people described as eligible, limits on lines counted, and "other than" exceptions. Criteria are
real registry sentences unless marked; the labelled stage set is tests/data/fit/stage/."""

from __future__ import annotations

from pathlib import Path

import pytest

from bot.eligibility.fit_measure import measure, only_fields, read_checks_only
from bot.eligibility.judge import ASK_TEAM, DOES_NOT_MATCH, MATCHES, judge
from bot.eligibility.person import person_from_json
from bot.eligibility.records import TrialRecord
from scripts.fit_report import judge_pairs

STAGE = Path(__file__).resolve().parent / "data" / "fit" / "stage" / "readings.yml"

NOT_SPREAD_REMOVABLE = {
    "id": "r",
    "site": "pancreas",
    "grade": 2,
    "spread": False,
    "resectable": True,
    "treatments": [],
}
IN_THE_LIVER = {"id": "l", "site": "pancreas", "grade": 2, "spread": True, "spread_sites": ["liver"], "treatments": []}


def _verdict(criterion: str, profile: dict, field: str, section: str = "inclusion") -> str | None:
    heading = (
        "Inclusion Criteria:" if section == "inclusion" else "Inclusion Criteria:\n\n* Adults\n\nExclusion Criteria:"
    )
    text = f"{heading}\n\n* {criterion}\n"
    return judge(TrialRecord("NCT0", text, None, None, None), person_from_json(profile)).verdict(field)


@pytest.mark.parametrize(
    "entry, taken_out",
    [
        ("parathyroidectomy", False),  # MEN1: the parathyroids, not the NET
        ("gallbladder removed", False),  # often before or on somatostatin analogues
        ("cholecystectomy", False),
        ("surgery, but they could not remove it all", False),
        ("keyhole operation for a biopsy", False),
        ("debulking surgery", False),
        ("bypass operation", False),
        ("Whipple", True),
        ("distal pancreatectomy and splenectomy", True),
        ("lobectomy", True),
        ("removed during a colonoscopy", True),
        ("surgery to remove the tumour after a biopsy", True),
    ],
)
def test_what_an_operation_took_out(entry: str, taken_out: bool) -> None:
    assert person_from_json({"id": "x", "treatments": [entry]}).removed is taken_out


def test_an_operation_elsewhere_leaves_advanced_for_the_team() -> None:
    criterion = "Patients must have advanced (unresectable or metastatic) biopsy-proven pancreatic NET"
    watched = {
        "id": "m",
        "site": "pancreas",
        "grade": 1,
        "spread": False,
        "men1": True,
        "treatments": ["parathyroidectomy"],
    }
    assert _verdict(criterion, watched, "spread") == ASK_TEAM
    assert _verdict(criterion, {**watched, "treatments": ["Whipple"]}, "spread") == DOES_NOT_MATCH  # nothing left
    assert _verdict(criterion, NOT_SPREAD_REMOVABLE, "spread") == DOES_NOT_MATCH
    assert _verdict(criterion, IN_THE_LIVER, "spread") == MATCHES


def test_nodes_taken_out_with_the_tumour_are_for_the_team() -> None:
    criterion = "Locally advanced, unresectable or metastatic disease."
    nodes_out = {"id": "n", "site": "appendix", "grade": 1, "spread": True, "spread_sites": ["lymph nodes"]}
    assert (
        _verdict(criterion, {**nodes_out, "treatments": ["appendicectomy", "right hemicolectomy"]}, "spread")
        == ASK_TEAM
    )
    assert _verdict(criterion, {**nodes_out, "treatments": []}, "spread") == MATCHES


@pytest.mark.parametrize(
    "criterion",
    [
        "Early and advanced Idiopathic Parkinson Disease with early morning motor impairment",
        "Has a diagnosis of advanced illness (ie, a terminal illness such as incurable cancer or other end-stage disease)",
    ],
)
def test_another_illness_called_advanced_says_nothing_of_the_net(criterion: str) -> None:
    assert _verdict(criterion, NOT_SPREAD_REMOVABLE, "spread") is None


def test_a_limit_on_lines_does_not_allow_the_stage_before_it() -> None:
    criterion = (
        "Progressive advanced/metastatic disease that has progressed during or after ≤ 2 prior systemic therapies;"
    )
    assert _verdict(criterion, NOT_SPREAD_REMOVABLE, "spread") == DOES_NOT_MATCH
    assert _verdict(criterion, IN_THE_LIVER, "spread") == MATCHES


def test_the_trials_people_said_to_be_eligible_are_never_a_clear_no() -> None:
    criterion = "Advanced GEP-NET are eligible; patients must have progressive disease based on RECIST 1.1. criteria"
    assert _verdict(criterion, IN_THE_LIVER, "spread") == MATCHES
    assert _verdict(criterion, NOT_SPREAD_REMOVABLE, "spread") == ASK_TEAM
    # one more way in, not the people the trial is for: an allowance, never against anyone
    also = "Patients with unresectable disease are also eligible."  # written for this test
    assert _verdict(also, NOT_SPREAD_REMOVABLE, "resectable") == MATCHES


@pytest.mark.parametrize(
    "criterion, treatments, verdict",
    [
        # the brief's wording: the kinds left are ruled out as clearly as without the exception
        ("No prior systemic therapy other than somatostatin analogues.", ["everolimus"], DOES_NOT_MATCH),
        ("No prior systemic therapy other than somatostatin analogues.", ["lanreotide"], MATCHES),
        ("No prior systemic therapy other than somatostatin analogues.", ["lanreotide", "CAPTEM"], DOES_NOT_MATCH),
        # "current" is a time the person did not give
        (
            "Current treatment with any chemotherapy, chemoembolization therapy, immunotherapy, or investigational "
            "anticancer agent other than somatostatin analogues",
            ["CAPTEM"],
            ASK_TEAM,
        ),
        # an exception that spares no kind we can name ("adjuvant"): for the team
        (
            'Patients will have stage IIIb "wet" (with pleural or pericardial effusion) or IV disease, with no prior '
            "systemic therapy for advanced disease except for adjuvant treatment.",
            ["lanreotide"],
            ASK_TEAM,
        ),
    ],
)
def test_other_than_read_with_its_exception(criterion: str, treatments: list[str], verdict: str) -> None:
    assert _verdict(criterion, {"id": "t", "treatments": treatments}, "treatments") == verdict


def test_an_exception_inside_a_kind_is_no_clear_no() -> None:
    criterion = "Prior use of ALK TKIs with the exception of crizotinib"
    verdict = _verdict(criterion, {"id": "s", "treatments": ["sunitinib"]}, "treatments", section="exclusion")
    assert verdict != DOES_NOT_MATCH


def test_the_stage_set_has_no_wrong_exclusion() -> None:
    pairs = read_checks_only(STAGE)
    fields = {c["field"] for p in pairs for c in p.checks}
    judged = {key: only_fields(j, fields) for key, j in judge_pairs(STAGE.parent, pairs).items()}
    figures = measure(pairs, judged)
    assert figures.pairs == 144 and figures.kept_pairs > 0
    assert figures.wrong_exclusions == 0
    assert figures.total.agree / figures.total.checks >= 0.85
