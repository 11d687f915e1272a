"""The per-criterion judge (bot/eligibility/judge.py): "does_not_match" only when a stated fact
clearly fails a criterion read with its logic; anything less is "ask_team", and a trial is
never left out on an "ask_team". Criteria are real sentences from data/trials/."""
from __future__ import annotations

from dataclasses import replace
from typing import Any, Optional

import pytest

from bot.eligibility.judge import ASK_TEAM, DOES_NOT_MATCH, MATCHES, judge
from bot.eligibility.person import Person, person_from_json
from bot.eligibility.records import TrialRecord, shipped_record
from bot.prescreen.answers import Answers
from bot.prescreen.checklist import ASK, NO_MATCH, checklist


def trial(inclusion: list[str] = (), exclusion: list[str] = (), **limits: Any) -> TrialRecord:  # type: ignore[assignment]
    text = "Inclusion Criteria:\n\n" + "\n".join(f"* {c}" for c in inclusion)
    text += "\n\nExclusion Criteria:\n\n" + "\n".join(f"* {c}" for c in exclusion)
    return TrialRecord("NCT00000000", text, limits.get("min_age"), limits.get("max_age"), limits.get("sex"))


def verdict(record: TrialRecord, field: str, **person: Any) -> Optional[str]:
    return judge(record, person_from_json(person)).verdict(field)


# -- the rule ------------------------------------------------------------------------------------------
def test_excluded_only_on_a_clear_no() -> None:
    record = trial(exclusion=["Other chemotherapy, immunotherapy or radiotherapy within 4 weeks prior to starting this trial"])
    asked = judge(record, person_from_json({"treatments": ["capecitabine and temozolomide"]}))
    assert asked.verdict("treatments") == ASK_TEAM and not asked.excluded  # when: only the team knows
    ruled_out = trial(exclusion=["Peptide receptor radionuclide therapy (PRRT) at any time prior to randomization in the study."])
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
    assert record.criteria and all(c.criterion in record.criteria for c in judgement.checks if ":" not in c.criterion[:12])


# -- the record's own limits ---------------------------------------------------------------------------
def test_record_limits() -> None:
    record = trial(min_age=18, max_age=75, sex="FEMALE")
    checks = {c.criterion: c.verdict for c in judge(record, person_from_json({"age": 80, "sex": "female"})).checks}
    assert checks == {"minimumAge: 18 Years": MATCHES, "maximumAge: 75 Years": DOES_NOT_MATCH, "sex: FEMALE": MATCHES}
    assert verdict(record, "sex", sex="male") == DOES_NOT_MATCH


# -- logic forms ----------------------------------------------------------------------------------------
def test_an_allowance_never_rules_out() -> None:
    record = trial(["Prior somatostatin analogs or antisecretories allowed"])  # NCT00416767
    assert verdict(record, "treatments", treatments=["the monthly jabs"]) == MATCHES
    assert verdict(record, "treatments", treatments=[]) == MATCHES


def test_a_ki67_range() -> None:
    record = trial(["Histologically proven neuroendocrine carcinoma with a Ki67 of 20-55%."])  # NCT02248012
    assert verdict(record, "ki67", ki67=8) == DOES_NOT_MATCH
    assert verdict(record, "ki67", ki67=30) == MATCHES
    assert verdict(trial(["Ki-67 < 20%"]), "ki67", ki67=20) == DOES_NOT_MATCH  # NCT01744249


@pytest.mark.parametrize("grade, expected", [(1, MATCHES), (2, MATCHES), (3, DOES_NOT_MATCH)])
def test_low_or_intermediate_grade_is_grades_1_and_2(grade: int, expected: str) -> None:
    record = trial(["Confirmed low-grade or intermediate-grade neuroendocrine carcinoma"])  # NCT00363051
    assert verdict(record, "grade", grade=grade) == expected


def test_a_ki67_alone_gives_the_grade() -> None:
    record = trial(["Confirmed low-grade or intermediate-grade neuroendocrine carcinoma"])
    assert verdict(record, "grade", ki67=40) == DOES_NOT_MATCH


@pytest.mark.parametrize("person, expected", [
    ({"spread": True}, MATCHES), ({"spread": False, "resectable": False}, MATCHES),
    ({"spread": False, "resectable": True}, DOES_NOT_MATCH), ({"spread": False}, ASK_TEAM),
])
def test_unresectable_or_metastatic_is_either_one(person: dict, expected: str) -> None:
    record = trial(["Patients must have unresectable or metastatic disease"])  # NCT00454363
    assert verdict(record, "spread", **person) == expected


@pytest.mark.parametrize("site, expected", [("small bowel", MATCHES), ("pancreas", MATCHES), ("lung", DOES_NOT_MATCH),
                                            ("unknown", ASK_TEAM)])
def test_intestine_or_pancreas(site: str, expected: str) -> None:
    record = trial(["Endocrine tumour in the intestine or pancreas and with locally advanced or metastatic disease"])  # NCT00353496
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
    assert verdict(either, "functioning", functioning=True, syndrome="gastrinoma") == MATCHES
    assert verdict(either, "functioning", functioning=True, syndrome="insulinoma") == DOES_NOT_MATCH
    assert verdict(either, "functioning", functioning=False) == MATCHES
    uncontrolled = trial(exclusion=["Functional NETs which need to be treated with long acting SSAs to control disease related "
                                    "syndromes, such as insulinoma, gastrinoma"])  # NCT02588170
    assert verdict(uncontrolled, "functioning", functioning=True) == ASK_TEAM


def test_treatments_by_class_and_in_peoples_words() -> None:
    record = trial(exclusion=["Prior therapy with the same kind of medication (mTOR inhibitors: sirolimus, temsirolimus, everolimus)."])
    assert verdict(record, "treatments", treatments=["afinitor"]) == DOES_NOT_MATCH  # NCT00510068
    assert verdict(record, "treatments", treatments=["the monthly jabs"]) == MATCHES
    tki = trial(exclusion=["Prior treatment with any tyrosine kinase inhibitors or anti-VEGF[Vascular endothelial growth factor] "
                           "angiogenic inhibitors"])  # NCT00428597
    assert verdict(tki, "treatments", treatments=["sutent"]) == DOES_NOT_MATCH
    needed = trial(["Receiving treatment (at least 3 consecutive months) with Octreotide Depot."])  # NCT00363051
    assert verdict(needed, "treatments", treatments=["lanreotide injections"]) == ASK_TEAM  # on it now? for how long?
    assert verdict(needed, "treatments", treatments=[]) == DOES_NOT_MATCH
    cycles = trial(["Patients must have been treated with 4 cycles of 200 mCi 177Lu-dotatate"])  # NCT02067988
    assert verdict(cycles, "treatments", treatments=["Lutathera"]) == ASK_TEAM  # how many cycles: for the team
    assert verdict(cycles, "treatments", treatments=["octreotide"]) == DOES_NOT_MATCH


def test_therapy_naive() -> None:
    record = trial(["Therapy-naive patients with histologically confirmed diagnosis of a locally inoperable or metastasized "
                    "well-differentiated neuroendocrine tumor of the midgut"])  # NCT00171873
    assert verdict(record, "treatments", treatments=["everolimus"]) == DOES_NOT_MATCH
    assert verdict(record, "treatments", treatments=[]) == MATCHES


def test_one_cohort_of_several_never_rules_out() -> None:
    record = trial(["Histologic diagnosis of high grade (poorly differentiated) gastro-entero-pancreatic neuroendocrine carcinoma.",
                    "High grade neuroendocrine carcinoma of esophageal or unknown primary site (if a pulmonary primary has been excluded)"])
    judgement = judge(record, person_from_json({"site": "pancreas", "differentiation": "NEC", "grade": 3}))  # NCT02409849
    assert not judgement.excluded


# -- the same judge in the pre-screen's checklist ---------------------------------------------------------
def test_the_checklist_says_no_only_with_the_judge(store) -> None:  # type: ignore[no-untyped-def]
    base = store.get("NCT00510068")
    mtor = replace(base, criteria=trial(exclusion=["Prior therapy with the same kind of medication (mTOR inhibitors: sirolimus, "
                                                    "temsirolimus, everolimus)."]).criteria)
    checks = {c.topic: c for c in checklist(mtor, Answers(treatments=("everolimus",))).checks}
    assert checks["past treatment limits"].verdict == NO_MATCH
    assert checks["past treatment limits"].reason == "It rules out people who have had everolimus (an mTOR inhibitor)."
    recent = replace(base, criteria=trial(exclusion=["Other chemotherapy, immunotherapy or radiotherapy within 4 weeks prior to "
                                                      "starting this trial"]).criteria)
    checks = {c.topic: c for c in checklist(recent, Answers(treatments=("chemotherapy",))).checks}
    assert checks["past treatment limits"].verdict == ASK and checks["past treatment limits"].likely_clash


pytestmark = pytest.mark.usefixtures("database_url_env")
