"""Treatments the judge knew only by kind or not at all: TMZ, TAS-102 (trifluridine with tipiracil), avelumab
and the other checkpoint inhibitors by what they block, ramucirumab, rapamycin. A named drug had rules out
on a criterion naming it; a drug of another target or a relative asks or is spared, never ruled out.
Criteria are real sentences (data/trials/ and the ctgov corpus)."""

from __future__ import annotations

from typing import Optional

import pytest

from bot.eligibility.judge import ASK_TEAM, DOES_NOT_MATCH, MATCHES, judge
from bot.eligibility.judge_drugs import drugs_in
from bot.eligibility.person import person_from_json
from bot.eligibility.records import TrialRecord

TAS_102 = "Has received anti-EGFR antibodies (cetuximab or panitumumab), regorafenib, or TAS-102."  # NCT02613221
CHECKPOINT = (  # NCT02393209
    "Participants who, after the front-line, platinum-based, non-docetaxel containing chemotherapy, have been treated "
    "with 1 line of nivolumab or other immune-checkpoint inhibitors but progressed on or after the therapy."
)
ANTI_PD1_OR_L1 = (  # NCT02252042
    "Prior therapy with an anti-PD-1 or anti-PD1-L1 or -L2 therapy or previously participated in a Merck "
    "pembrolizumab (MK-3475) trial"
)


def excluding(criterion: str) -> TrialRecord:
    return TrialRecord(
        "NCT00000000",
        f"Inclusion Criteria:\n\n* Solid tumour\n\nExclusion Criteria:\n\n* {criterion}",
        None,
        None,
        None,
    )


def verdict(criterion: str, had: list[str]) -> Optional[str]:
    return judge(excluding(criterion), person_from_json({"treatments": had})).verdict("treatments")


@pytest.mark.parametrize(
    "criterion, had, expected",
    [
        ("prior temozolomide or dacarbazine", ["TMZ"], DOES_NOT_MATCH),  # ctgov corpus
        ("prior temozolomide or dacarbazine", ["capecitabine and TMZ"], DOES_NOT_MATCH),
        ("Has received TAS-102", ["Lonsurf"], DOES_NOT_MATCH),  # NCT02301104
        (TAS_102, ["trifluridine/tipiracil"], DOES_NOT_MATCH),
        (TAS_102, ["capecitabine"], ASK_TEAM),  # a close relative: the team must say
        (TAS_102, ["cisplatin and etoposide"], MATCHES),
        (ANTI_PD1_OR_L1, ["avelumab"], DOES_NOT_MATCH),  # anti-PD-L1 named too
        ("Have received previous systemic therapy with ramucirumab", ["ramucirumab"], DOES_NOT_MATCH),  # NCT02572687
        ("Have received previous systemic therapy with ramucirumab", ["sunitinib"], MATCHES),
        # ctgov NCT02460991: a group with an example is that group, not every chemotherapy
        ("Previous treatment with anthracycline antibiotics (e.g. Doxorubicin) or sorafenib.", ["CAPTEM"], MATCHES),
        (
            "Previous treatment with anthracycline antibiotics (e.g. Doxorubicin) or sorafenib.",
            ["epirubicin"],
            DOES_NOT_MATCH,
        ),
    ],
)
def test_drugs_named_in_criteria(criterion: str, had: list[str], expected: str) -> None:
    assert verdict(criterion, had) == expected


@pytest.mark.parametrize(
    "criterion, had, expected",
    [
        # ctgov NCT02220894 names anti-PD-1, anti-PD-L1 and CTLA-4 antibodies: all of them
        (
            "Prior therapy with an anti-PD-1, anti-PD-L1, anti-PD-L2, anti-CD137, or anti-cytotoxic T-lymphocyte-"
            "associated antigen-4 (CTLA-4) antibody",
            ["durvalumab"],
            DOES_NOT_MATCH,
        ),
        # anti-PD-1 only: a PD-L1 drug (avelumab) is not one, "immunotherapy" alone may be
        ("Prior therapy with an anti-PD-1 antibody", ["avelumab"], MATCHES),
        ("Prior therapy with an anti-PD-1 antibody", ["Keytruda"], DOES_NOT_MATCH),
        ("Prior therapy with an anti-PD-1 antibody", ["immunotherapy"], ASK_TEAM),
        # one drug named: another checkpoint inhibitor is not it (nivolumab was ruled out here before)
        ("Previous treatment with pembrolizumab", ["nivolumab"], MATCHES),
        ("Previous treatment with pembrolizumab", ["a checkpoint inhibitor"], ASK_TEAM),
        ("Previous treatment with pembrolizumab", ["an anti-PD-1 drug"], ASK_TEAM),  # one drug of the group, not all
    ],
)
def test_checkpoint_inhibitors_by_target(criterion: str, had: list[str], expected: str) -> None:
    assert verdict(criterion, had) == expected


def test_a_checkpoint_inhibitor_asked_for_by_kind() -> None:
    asking = TrialRecord("NCT00000000", f"Inclusion Criteria:\n\n* {CHECKPOINT}", None, None, None)
    for had, expected in ((["avelumab"], ASK_TEAM), (["lanreotide"], DOES_NOT_MATCH)):  # progression: the team knows
        assert judge(asking, person_from_json({"treatments": had})).verdict("treatments") == expected


def test_a_persons_group_word_is_not_every_drug_of_it() -> None:
    assert drugs_in("an anti-PD-1 drug", groups=False) == frozenset()
    assert "pembrolizumab" in drugs_in("an anti-PD-1 antibody")
    assert drugs_in("TAS-102") == {"trifluridine"}
