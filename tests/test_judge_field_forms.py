"""Field readings by form (issue 19): a start named by its blood supply, a NET with examples of
where it may start, an exclusion of two groups, and an open item
settled by another item of the same criteria. Sentences are real criteria from data/trials/."""

from __future__ import annotations

from typing import Any, Optional

from bot.eligibility.fields import facts_of
from bot.eligibility.judge import ASK_TEAM, DOES_NOT_MATCH, MATCHES, judge, readings
from bot.eligibility.person import person_from_json
from bot.eligibility.records import TrialRecord
from tests.helpers.judge import trial

GI_OR_LUNG = (
    "Pathologically confirmed, well differentiated (G1 or G2), advanced (unresectable or metastatic), "
    "neuroendocrine tumor of GI or lung origin"
)
TWO_GROUPS = "NECs confirmed not to be from gastrointestinal primaries and NETs of lower grades (Ki67<20)"


def verdict_on(record: TrialRecord, criterion: str, field: str, **person: Any) -> Optional[str]:
    checks = [c for c in judge(record, person_from_json(person)).checks if c.criterion == criterion]
    return next((c.verdict for c in checks if c.field == field), None)


def test_a_start_named_by_the_vein_it_drains_to() -> None:
    record = trial(("primary tumor drained by vena porta",))
    said = "primary tumor drained by vena porta"
    assert verdict_on(record, said, "site", site="pancreas") == MATCHES
    assert verdict_on(record, said, "site", site="small bowel") == MATCHES
    assert verdict_on(record, said, "site", site="lung") == DOES_NOT_MATCH
    assert verdict_on(record, said, "site", site="rectum") == ASK_TEAM  # only the upper rectum drains there


def test_a_net_with_examples_of_where_it_starts_is_any_start() -> None:
    said = (
        "Confirmed histological diagnosis NET, including bronchial carcinoids, and metastatic malignancy with liver "
        "metastases without standard therapeutic options for treatment including chemotherapy or surgery."
    )
    for site in ("pancreas", "lung", "small bowel"):
        assert verdict_on(trial((said,)), said, "site", site=site) == MATCHES
    # a start named before the examples stays the rule
    named = (
        "WHO Classification G1/G2 gastrointestinal neuroendocrine tumor "
        "(including stomach, small intestine and colorectal origins)."
    )
    assert verdict_on(trial((named,)), named, "site", site="lung") == DOES_NOT_MATCH


def test_an_exclusion_of_two_groups_rules_out_either() -> None:
    record = trial(exclusion=(TWO_GROUPS,))
    low_grade_net = {"differentiation": "NET", "grade": 1, "ki67": 3, "site": "small bowel"}
    assert judge(record, person_from_json(low_grade_net)).excluded
    assert verdict_on(record, TWO_GROUPS, "grade", **low_grade_net) == DOES_NOT_MATCH
    gut_nec = {"differentiation": "NEC", "grade": 3, "ki67": 70, "site": "large bowel"}
    assert not judge(record, person_from_json(gut_nec)).excluded
    (read,) = readings(record.criteria)
    assert {(f.field, f.part) for f in read.facts} >= {("differentiation", 1), ("ki67", 2), ("grade", 2)}


def test_gi_with_the_pancreas_ruled_out_elsewhere() -> None:
    alone = trial((GI_OR_LUNG,))
    assert verdict_on(alone, GI_OR_LUNG, "site", site="pancreas") == ASK_TEAM  # "GI" may take the pancreas in
    settled = trial((GI_OR_LUNG,), ("Patients with pancreatic NET or NET of origins other than GI or Lung",))
    assert verdict_on(settled, GI_OR_LUNG, "site", site="pancreas") == DOES_NOT_MATCH
    assert verdict_on(settled, GI_OR_LUNG, "site", site="small bowel") == MATCHES


def test_an_older_name_settled_by_a_firm_one() -> None:
    vague = "Male or female with unresectable neuroendocrine carcinoma"
    net = {"differentiation": "NET", "grade": 1, "ki67": 2}
    assert verdict_on(trial((vague,)), vague, "differentiation", **net) == ASK_TEAM  # once a NET's name too
    firm = "Histologically proven neuroendocrine carcinoma (NEC) as defined by the WHO Classification"
    assert verdict_on(trial((vague, firm)), vague, "differentiation", **net) == DOES_NOT_MATCH


def test_any_prior_therapy_within_a_window_is_read() -> None:
    washout = "Any prior therapy within 30 days before the first dose of study drug"
    record = trial(exclusion=(washout,))
    assert verdict_on(record, washout, "treatments", treatments=["lanreotide"]) == ASK_TEAM  # how long ago: the team
    assert verdict_on(record, washout, "treatments", treatments=[]) == MATCHES
    other = "Previous treatment within 6 months with intravenous gamma globulin, or the Prosorba column;"
    assert not [f for f in facts_of(other, "exclusion", other) if f.field == "treatments"]
