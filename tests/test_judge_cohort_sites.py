"""Criteria shapes read in session 21 (issue 19), from the sixth batch of tuned trials: asks made of one start
only, allowances that reach their own sentence only, options that ask alike, counting notes beside an
allowance, allowances on a condition, and named drugs beside a kind. Real sentences from the shipped
records; a wrong "does not match" is the worst error, so each test also checks who must never be ruled out."""

from __future__ import annotations

from typing import Any, Optional

from bot.eligibility.judge import ASK_TEAM, DOES_NOT_MATCH, MATCHES, judge
from bot.eligibility.person import person_from_json
from bot.eligibility.records import TrialRecord
from tests.helpers.judge import trial

# NCT02678780 (TALENT), its inclusion as the record nests it
TALENT = TrialRecord(
    "NCT02678780",
    "INCLUSION CRITERIA\n\n"
    "1. Subjects must have histologically confirmed diagnosis of one of the following advanced/metastatic "
    "neuroendocrine tumor types:\n\n"
    "  1. WHO Classification G1/G2 (Ki67<20% and mitotic count ≤20 mitoses x 10 HPF) pancreatic neuroendocrine tumor\n\n"
    "  2. WHO Classification G1/G2 (Ki67<20% and mitotic count ≤20 mitoses x 10 HPF) gastrointestinal neuroendocrine "
    "tumor (including stomach, small intestine and colorectal origins).\n\n"
    "2. Subjects must meet the following inclusion criterion regarding primary tumor site:\n\n"
    "  1. Pancreatic origin: progression after a previous targeted agent (including mTOR inhibitors, such as "
    "everolimus or antiangiogenic therapies, such as sunitinib, sorafenib, axitinib, bevacizumab within others). "
    "Combination therapies in the same treatment line (such as sorafenib plus bevacizumab, chemotherapy plus "
    "antiangiogenic drugs) are considered one treatment line and are allowed to be included in the study.\n\n"
    "  Previous therapy with somatostatin analogues and/or interferon is allowed and is not considered as a "
    "previous targeted agent therapy.\n\n"
    "  2. Gastrointestinal origin: progression after therapy with antitumoral doses of somatostatin analogs "
    "(octreotide LAR 30 mg every 28 days or Lanreotide 120 mg every 28 days) and/or interferon treatment.\n\n"
    "EXCLUSION CRITERIA\n\n"
    "1. Previous chemotherapy in gastrointestinal neuroendocrine tumors.\n\n"
    "2. Prior treatment with lenvatinib.\n",
    18,
    None,
    None,
)
PANCREAS: dict[str, Any] = {"site": "pancreas", "grade": 2, "spread": True, "spread_sites": ["liver"]}
BOWEL: dict[str, Any] = {"site": "small bowel", "grade": 1, "spread": True, "spread_sites": ["liver"]}


def verdict(record: TrialRecord, field: str, person: dict[str, Any]) -> Optional[str]:
    return judge(record, person_from_json(person)).verdict(field)


def on(criterion: str, record: TrialRecord, person: dict[str, Any]) -> list[str]:
    return [c.verdict for c in judge(record, person_from_json(person)).checks if c.criterion.startswith(criterion)]


# -- a cohort named by its start asks its own NETs only, and firmly --------------------------------------------
def test_a_start_named_cohort_rules_out_its_own_nets_only() -> None:
    lanreotide_only = {**PANCREAS, "treatments": ["lanreotide"]}
    assert DOES_NOT_MATCH in on("Pancreatic origin", TALENT, lanreotide_only)
    assert on("Gastrointestinal origin", TALENT, lanreotide_only) == [MATCHES]  # not the pancreas's cohort
    operated = {**BOWEL, "treatments": ["small bowel resection"]}
    assert on("Gastrointestinal origin", TALENT, operated) == [DOES_NOT_MATCH]  # no SSA, in its own cohort
    assert on("Pancreatic origin", TALENT, operated) == [MATCHES]


def test_a_start_named_cohort_asks_the_team_when_the_start_is_unsaid() -> None:
    unsaid = {"grade": 2, "spread": True, "treatments": ["lanreotide"]}
    assert DOES_NOT_MATCH not in on("Pancreatic origin", TALENT, unsaid)
    unknown_primary = {**unsaid, "site": "unknown"}
    assert DOES_NOT_MATCH not in on("Pancreatic origin", TALENT, unknown_primary)


def test_the_cohorts_ask_is_met_by_a_drug_of_its_kind() -> None:
    for drug in ("everolimus", "sunitinib"):
        assert DOES_NOT_MATCH not in on("Pancreatic origin", TALENT, {**PANCREAS, "treatments": [drug]})


def test_a_treatment_in_some_nets_is_not_asked_of_others() -> None:
    captem = {**PANCREAS, "treatments": ["capecitabine and temozolomide"]}
    assert on("Previous chemotherapy in gastrointestinal", TALENT, captem) == [MATCHES]
    assert on("Previous chemotherapy in gastrointestinal", TALENT, {**BOWEL, "treatments": ["lanreotide"]}) == [MATCHES]


def test_a_named_drug_ruled_out_leaves_the_kind_asked_for() -> None:
    # "Prior treatment with lenvatinib" is not a rule-out of every targeted drug the pancreatic cohort needs
    assert on("Prior treatment with lenvatinib", TALENT, {**PANCREAS, "treatments": ["sunitinib"]}) == [MATCHES]
    assert DOES_NOT_MATCH in on("Pancreatic origin", TALENT, {**PANCREAS, "treatments": []})


# -- options of "one of the following" that ask alike ---------------------------------------------------------
def test_what_every_option_asks_is_asked_of_everyone() -> None:
    g3 = {"site": "pancreas", "grade": 3, "ki67": 30, "differentiation": "NET", "spread": True}
    assert verdict(TALENT, "grade", g3) == DOES_NOT_MATCH
    assert verdict(TALENT, "site", PANCREAS) == MATCHES  # the other option's start is no bar


def test_a_lead_sentence_before_lettered_options_is_asked_of_everyone() -> None:
    record = trial(
        [
            # NCT02267967
            "Have a confirmed histological or cytological diagnosis of low- or intermediate-grade advanced NETs "
            "(unresectable or metastatic), for which standard treatment has failed or cannot be received. The NETs "
            "must meet the following criteria: (a) be GEP-NETs or NETs with the primary lesion located in tissue "
            "other than the lung or thymus (including unknown primary lesion location), with a mitotic count of "
            "≤ 20/10 High Power Field [HPF] and a Ki67 index of ≤ 20%; or (b) be NETs of the lung or thymus "
            "(carcinoid) with a mitotic count of ≤ 10/10 High Power Field [HPF])"
        ]
    )
    assert verdict(record, "grade", {"site": "pancreas", "grade": 3, "spread": True}) == DOES_NOT_MATCH
    removable = {"site": "pancreas", "grade": 1, "spread": False, "resectable": True}
    assert verdict(record, "spread", removable) == DOES_NOT_MATCH
    assert verdict(record, "site", {"site": "lung", "grade": 1, "spread": True}) != DOES_NOT_MATCH


# -- an allowance reaches its own sentence only ---------------------------------------------------------------
def test_an_allowance_does_not_turn_an_earlier_sentence_into_one() -> None:
    record = trial(
        [
            # NCT02678780: the second sentence allows combinations, not an SSA instead of a targeted agent
            "Pancreatic origin: progression after a previous targeted agent (including mTOR inhibitors, such as "
            "everolimus or antiangiogenic therapies, such as sunitinib, sorafenib, axitinib, bevacizumab within "
            "others). Combination therapies in the same treatment line (such as sorafenib plus bevacizumab, "
            "chemotherapy plus antiangiogenic drugs) are considered one treatment line and are allowed to be included "
            "in the study."
        ]
    )
    assert verdict(record, "treatments", {**PANCREAS, "treatments": ["lanreotide"]}) == DOES_NOT_MATCH
    record = trial(
        [
            # NCT02318784: the second sentence names nothing, so it allows what the first names
            "Patients currently receiving or previously treated with single agent sandostatin LAR® are eligible. "
            "However, this is not a mandatory criterion to be included in the study."
        ]
    )
    assert verdict(record, "treatments", {**PANCREAS, "treatments": []}) == MATCHES


def test_a_counting_note_beside_an_allowance_keeps_the_allowance() -> None:
    for sentence in (
        "Patients may have received prior interferon (not counted toward prior cytotoxic chemotherapy)",  # NCT00454363
        "Previous therapy with somatostatin analogues and/or interferon is allowed and is not considered as a "
        "previous targeted agent therapy.",  # NCT02678780
    ):
        for had in ([], ["lanreotide"], ["everolimus"]):
            assert verdict(trial([sentence]), "treatments", {**PANCREAS, "treatments": had}) == MATCHES


def test_an_allowance_on_a_condition_is_for_the_team() -> None:
    record = trial(
        exclusion=[
            # NCT03457948
            "Concurrent somatostatin analog therapy is allowed (for control of hormone excess) provided patient has "
            "been on stable dose for at least two months and tumor progression has been documented."
        ]
    )
    assert verdict(record, "treatments", {**PANCREAS, "treatments": ["lanreotide"]}) == ASK_TEAM
    assert verdict(record, "treatments", {**PANCREAS, "treatments": []}) == MATCHES


def test_an_inherited_syndrome_allowed_is_met_by_all() -> None:
    record = trial(
        [
            # NCT00454363
            "Patients must have histologically or cytologically confirmed low or intermediate grade carcinoid or islet "
            "cell carcinoma; patients with carcinoid or islet cell carcinoma associated with multiple endocrine "
            "neoplasia (MEN)1 syndrome will be eligible and entered in the islet cell cohort"
        ]
    )
    assert verdict(record, "men1", PANCREAS) == MATCHES
    assert verdict(record, "men1", {**PANCREAS, "men1": True}) == MATCHES


# -- kinds of treatment ---------------------------------------------------------------------------------------
def test_an_ssa_asked_for_before_the_start_of_protocol() -> None:
    record = trial(
        [
            # NCT00454363
            "Patients must be on a stable dose of somatostatin analogue for 2 months prior to start of protocol; "
            "octreotide dose not count toward prior therapy"
        ]
    )
    assert verdict(record, "treatments", {**PANCREAS, "treatments": []}) == DOES_NOT_MATCH
    assert verdict(record, "treatments", {**PANCREAS, "treatments": ["lanreotide"]}) == ASK_TEAM


def test_everolimus_is_a_targeted_agent_but_not_a_vegf_targeted_one() -> None:
    everolimus = {**PANCREAS, "treatments": ["everolimus"]}
    assert verdict(trial(exclusion=["Prior targeted therapy"]), "treatments", everolimus) == DOES_NOT_MATCH
    vegf = trial(exclusion=["Have received anti-VEGF/VEGFR targeted drugs and progressed upon these drugs;"])
    assert verdict(vegf, "treatments", everolimus) == MATCHES


def test_chemo_in_brackets_before_embolization_is_a_liver_treatment() -> None:
    record = trial(
        [
            # NCT02678780
            "Previous liver locoregional therapies, such as (chemo) embolization, radiofrequency or liver-directed "
            "(radio) embolization, or systemic peptide-receptor radionucleotide therapy are allowed if the procedure "
            "was performed at least 6 months previous the informed consent form signature."
        ]
    )
    assert verdict(record, "treatments", {**PANCREAS, "treatments": ["capecitabine and temozolomide"]}) == MATCHES
    assert verdict(record, "treatments", {**PANCREAS, "treatments": ["SIRT"]}) == ASK_TEAM


def test_a_list_headed_by_systemic_within_a_window() -> None:
    # NCT02743741
    record = trial(
        exclusion=[
            "Systemic, biologic, other radioisotope, embolization therapies within ≤4 weeks prior to the first dose of "
            "177Lu."
        ]
    )
    assert verdict(record, "treatments", {**PANCREAS, "treatments": ["lanreotide"]}) == ASK_TEAM
    assert verdict(record, "treatments", {**PANCREAS, "treatments": []}) == MATCHES


# -- a curative option among the exclusions ----------------------------------------------------------------------
def test_an_option_for_curative_therapy_is_read_and_left_to_the_team() -> None:
    # NCT02743741: whether one the surgeon can take out is a "candidate" the team says (tests/test_judge_readings.py)
    record = trial(
        exclusion=["An option for curative surgical or medical therapy or local liver embolization is feasible"]
    )
    removable = {"site": "pancreas", "grade": 2, "spread": False, "resectable": True}
    assert verdict(record, "resectable", removable) == ASK_TEAM
    assert verdict(record, "resectable", {**PANCREAS, "resectable": False}) == MATCHES
