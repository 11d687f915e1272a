"""PRRT however a criterion writes it ("Lu-DOTA-TATE", "177-Lu", "LuTate"), and the readings that kept
that name from hiding trials: a group treated again is one cohort of several, an allowance said as "may be
enrolled" or "may be retreated" never rules out. Criteria are real (data/trials/ and the ctgov corpus)
unless said otherwise."""

from __future__ import annotations

import pytest

from bot.eligibility.facts import treatment_spans
from bot.eligibility.judge import ASK_TEAM, MATCHES, judge
from bot.eligibility.person import person_from_json
from bot.eligibility.records import TrialRecord, shipped_record

LU_DOTA_TATE_REGISTRY = "NCT02236910"  # Group A: first treatment; Group B: "Have received Lu-DOTA-TATE ..."
GROUP_B_ITEM = (
    "Have received Lu-DOTA-TATE treatment at the London Health Sciences Centre under the Special Access Programed "
    "or other radionuclide therapy for neuroendocrine tumor."
)


def record(text: str) -> TrialRecord:
    return TrialRecord("NCT00000000", text, None, None, None)


@pytest.mark.parametrize(
    "words",
    ["Lu-DOTA-TATE", "prior Lu-DOTATATE", "177Lu-DOTATATE", "Lu-177 dotatate", "177-Lu octreotate", "Lu 177", "LuTate"],
)
def test_lutetium_names_are_prrt(words: str) -> None:
    assert [kind for kind, _ in treatment_spans(words)] == ["PRRT"]


@pytest.mark.parametrize("words", ["Ga-68 DOTATATE PET", "68Ga-DOTATOC", "Cu-64 dotatate", "a DOTATATE scan"])
def test_a_scan_tracer_is_not_prrt(words: str) -> None:
    assert treatment_spans(words) == []


def test_the_retreatment_group_of_a_lu_dota_tate_registry_is_one_group_of_two() -> None:
    trial = shipped_record(LU_DOTA_TATE_REGISTRY)
    assert trial is not None
    never = judge(trial, person_from_json({"treatments": ["lanreotide"]}))
    assert not never.excluded
    assert [c.verdict for c in never.of("treatments") if "Lu-DOTA-TATE" in c.criterion] == [ASK_TEAM]
    had = judge(trial, person_from_json({"treatments": ["Lu-DOTA-TATE"]}))
    assert [c.verdict for c in had.of("treatments") if "Lu-DOTA-TATE" in c.criterion] == [MATCHES]


def test_a_retreatment_heading_alone_names_one_group() -> None:
    # the heading is written for the test (no stored record has one); the item under it is NCT02236910's
    text = (
        "Inclusion Criteria:\n\n* Male or female >= 14 years of age.\n\nRetreatment patients:\n\n"
        f"* {GROUP_B_ITEM}\n\nExclusion Criteria:\n\n* Pregnancy.\n"
    )
    never = judge(record(text), person_from_json({"treatments": []}))
    assert not never.excluded
    assert never.verdict("treatments") == ASK_TEAM


@pytest.mark.parametrize(
    "item, had",
    [
        (  # ctgov NCT01152801: an allowance, not a need to have had radiotherapy or surgery
            "Patients with history of brain metastasis who are clinically judged by the investigator as neurologically "
            "stable following definitive radiation or surgery and do not require corticosteroids may be enrolled in the study.",
            [],
        ),
        (  # ctgov NCT02385669
            "Participants who have received a PD-1 blocking antibody (eg: pembrolizumab or nivolumab) may be enrolled 3 "
            "weeks after receiving the last dose of that antibody.",
            ["lanreotide"],
        ),
    ],
)
def test_may_be_enrolled_allows(item: str, had: list[str]) -> None:
    text = f"Inclusion Criteria:\n\n* {item}\n\nExclusion Criteria:\n\n* Pregnancy.\n"
    assert not judge(record(text), person_from_json({"treatments": had})).excluded


def test_treated_again_inside_an_item_is_one_groups_rule() -> None:
    # ctgov NCT00179712: two regimens had, but retreatment with a platinum may still be allowed
    text = (
        "Inclusion Criteria:\n\n* Ovarian cancer.\n\nExclusion Criteria:\n\n* More than 1 prior chemotherapy regimen. "
        "However, subjects with platinum sensitive disease (i.e., subjects who fail a platinum containing regimen at "
        "least six months after completing the regimen) who are retreated with a platinum containing regimen are "
        "eligible.\n"
    )
    person = person_from_json({"treatments": ["carboplatin and etoposide", "FOLFIRI"]})
    assert not judge(record(text), person).excluded
