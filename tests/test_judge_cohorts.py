"""Cohorts written as headings of their own and alternatives chained by "or"
(bot/eligibility/judge_cohorts.py): one cohort's ask is never a clear no alone, a healthy
volunteers' cohort is never a patient's, and what every alternative asks alike still counts.
Criteria are real (data/trials/ and the ctgov corpus)."""

from __future__ import annotations

import pytest

from bot.eligibility.judge import ASK_TEAM, DOES_NOT_MATCH, MATCHES, judge
from bot.eligibility.judge_cohorts import chained_alternatives, cohort_of_items, is_cohort_heading
from bot.eligibility.person import person_from_json
from bot.eligibility.records import TrialRecord, shipped_record

AL18F_PET = "NCT03883776"  # "Part 1: Healthy volunteers:" 18-65, "Part 2: Neuroendocrine tumor patients:" 18-75
EVEROLIMUS_STRATA = "NCT00363051"  # "Inclusion criteria for both strata:", "... for Stratum 2 only:"

PARTS = """Inclusion Criteria:

Part 1: Healthy volunteers:

* Age between 18 and 65 years
* Signed Informed Consent

Part 2: Neuroendocrine tumor patients:

* Age between 18 and 75 years
* Subject is diagnosed with a neuroendocrine tumor of gastroenteropancreatic, pulmonary, neural crest or unknown primary origin

Exclusion Criteria:

Part 1: Healthy volunteers:

* Subject has a previous or ongoing recurrent or chronic disease, especially a known hormonal disease or cancer

Part 2: Neuroendocrine tumor patients:

* Subject underwent surgery between the selection and inclusion visit
"""


@pytest.mark.parametrize(
    "heading, expected",
    [
        ("Part 1: Healthy volunteers:", True),
        ("Inclusion criteria for Stratum 2 only:", True),
        ("Exclusion criteria for both strata:", True),  # a heading, but for every cohort (see below)
        (
            "Group B: Secondary therapy subjects will be included in the study if they meet all of the following general criteria:",
            True,
        ),
        ("Patients must have histologically or cytologically confirmed:", False),
        ("Age between 18 and 75 years", False),
    ],
)
def test_cohort_headings(heading: str, expected: bool) -> None:
    assert is_cohort_heading(heading) == expected


def test_the_items_under_each_heading_are_that_cohorts() -> None:
    found = cohort_of_items(PARTS)
    assert found[("inclusion", "Age between 18 and 65 years")] == "Part 1: Healthy volunteers:"
    assert found[("inclusion", "Age between 18 and 75 years")] == "Part 2: Neuroendocrine tumor patients:"
    assert cohort_of_items("Inclusion Criteria:\n\n* Age 18 or over\n* Pancreatic NET") == {}


def test_an_age_of_another_cohort_is_no_clear_no() -> None:
    record = TrialRecord("NCT00000000", PARTS, 18.0, 75.0, None)
    seventy = judge(record, person_from_json({"age": 70}))
    assert not seventy.excluded  # 18-65 is the healthy volunteers' limit
    assert {c.criterion: c.verdict for c in seventy.of("age")}["Age between 18 and 75 years"] == MATCHES
    eighty = judge(record, person_from_json({"age": 80}))
    assert eighty.excluded and {c.criterion for c in eighty.checks if c.verdict == DOES_NOT_MATCH} == {
        "maximumAge: 75 Years"
    }


def test_a_healthy_volunteers_cohort_does_not_apply_to_a_patient() -> None:
    record = TrialRecord("NCT00000000", PARTS, None, None, None)
    texts = {c.criterion for c in judge(record, person_from_json({"age": 60, "treatments": ["Whipple"]})).checks}
    assert not any("healthy" in t.lower() or "hormonal disease" in t for t in texts)


def test_the_shipped_record_with_parts() -> None:
    record = shipped_record(AL18F_PET)
    assert record is not None
    for age in (66, 70, 75):
        assert not judge(record, person_from_json({"age": age})).excluded


def test_items_for_every_cohort_are_everyones() -> None:
    record = shipped_record(EVEROLIMUS_STRATA)
    assert record is not None
    lung = judge(record, person_from_json({"site": "lung"}))
    assert lung.verdict("site") == DOES_NOT_MATCH  # "for both strata: ... pancreatic NET"
    # stratum 2 asks for octreotide depot, stratum 1 rules it out: neither alone is a clear no
    verdicts = {c.criterion: c.verdict for c in judge(record, person_from_json({"treatments": []})).of("treatments")}
    assert verdicts["Receiving treatment (at least 3 consecutive months) with Octreotide Depot."] == ASK_TEAM


def test_groups_whose_headings_say_general_criteria() -> None:
    """ "Group B: ... all of the following general criteria:" is still one group's (NCT02236910)."""
    record = shipped_record("NCT02236910")
    assert record is not None
    never_had_prrt = judge(record, person_from_json({"treatments": ["lanreotide"]}))
    verdicts = {c.criterion[:40]: c.verdict for c in never_had_prrt.of("treatments")}
    assert verdicts["Have received Lu-DOTA-TATE treatment at "] == ASK_TEAM  # group A is for a first treatment


CHAINED = """Inclusion Criteria:

* Patients must have histologically or cytologically confirmed:

  * Extensive stage small cell lung cancer (SCLC) or
  * Stage IV (M1a or M1b according to American Joint Committee on Cancer [AJCC] Staging Manual, 7th edition) large cell neuroendocrine non-small cell lung cancer (NSCLC) or
  * Small cell carcinoma of unknown primary or extrapulmonary origin and must be a candidate for systemic therapy
"""  # NCT01642251 (ctgov corpus)


def test_items_chained_by_or_are_alternatives() -> None:
    chains = chained_alternatives(CHAINED)
    assert len(set(chains.values())) == 1 and len(chains) == 3
    record = TrialRecord("NCT00000000", CHAINED, None, None, None)
    pancreatic_nec = judge(record, person_from_json({"site": "pancreas", "differentiation": "NEC"}))
    assert pancreatic_nec.verdict("site") != DOES_NOT_MATCH  # an extrapulmonary small cell carcinoma may be it
    pancreatic_net = judge(record, person_from_json({"site": "pancreas", "differentiation": "NET", "grade": 1}))
    assert pancreatic_net.verdict("differentiation") == DOES_NOT_MATCH  # every alternative is a carcinoma
    assert judge(record, person_from_json({"site": "lung"})).verdict("site") in (MATCHES, ASK_TEAM)
