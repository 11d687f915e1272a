"""The one reader of a trial title's site (bot/eligibility/title_site.py), for the judge and for the
story search's set-asides (bot/profile/site_limits.py). Titles are real records' titles."""

from __future__ import annotations

import pytest

from bot.eligibility.judge import ASK_TEAM, DOES_NOT_MATCH, MATCHES, judge
from bot.eligibility.person import person_from_json
from bot.eligibility.records import TrialRecord
from bot.eligibility.title_site import title_sites, titled_sites
from bot.profile import site_limits


@pytest.mark.parametrize(
    "title, named, maybe",
    [
        (
            "Testing the Use of Chemotherapy After Surgery for High-Risk Pancreatic Neuroendocrine Tumors",
            {"pancreas"},
            set(),
        ),  # NCT05040360
        (
            "Resection of the Primary Tumor vs. Systemic Treatment Alone for Patients With Small Intestinal Neuroendocrine Tumors and "
            "Unresectable Metastases: a Europe-wide Study",
            {"small bowel"},
            {"bowel"},
        ),  # NCT06787014
        (
            "Efficacy and Safety Study in Pancreatic or Midgut Neuroendocrine Tumours Having Progressed Radiologically While Previously "
            "Treated With Lanreotide Autogel® 120 mg",
            {"pancreas", "small bowel", "appendix"},
            {"bowel", "large bowel"},
        ),  # NCT02651987
    ],
)
def test_the_starts_a_title_names(title: str, named: set[str], maybe: set[str]) -> None:
    assert title_sites(title) == (named, maybe)
    assert titled_sites(title) == named | maybe


@pytest.mark.parametrize(
    "title",
    [
        "Metastatic NEC With Pulmonary or Gastroenteropancreatic Origin",  # every start there is: no limit
        "Cabozantinib in Pancreatic Neuroendocrine and Carcinoid Tumors",  # carcinoids may start anywhere but the pancreas
        "Lurbinectedin in Small Cell Lung Cancer and Neuroendocrine Tumours",  # the lung may be the cancer's
        "Phase 2 Study of ONC201 in Neuroendocrine Tumors",  # no start named
    ],
)
def test_titles_that_set_no_limit(title: str) -> None:
    assert titled_sites(title) == frozenset()


def test_the_story_search_uses_the_same_reader() -> None:
    assert site_limits.titled_sites is titled_sites


def test_a_title_about_an_operation_is_a_question_for_the_judge() -> None:
    """ "Pancreatic surgery" may name the organ operated on: the judge asks; a title about the NETs alone rules out."""
    operation = TrialRecord(
        "NCT00000000",
        None,
        None,
        None,
        None,
        "Testing the Use of Chemotherapy After Surgery for High-Risk Pancreatic Neuroendocrine Tumors",
    )
    assert judge(operation, person_from_json({"site": "lung"})).verdict("site") == ASK_TEAM
    assert judge(operation, person_from_json({"site": "pancreas"})).verdict("site") == MATCHES
    plain = TrialRecord(
        "NCT00000000",
        None,
        None,
        None,
        None,
        "Study to Evaluate the Efficacy and Safety of [177Lu]Lu-DOTA-TATE in "
        "Patients With Grade 1 and Grade 2 Advanced GEP-NET",
    )  # NCT06784752
    assert judge(plain, person_from_json({"site": "lung"})).verdict("site") == DOES_NOT_MATCH
