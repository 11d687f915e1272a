"""Splitting registry criteria into inclusion and exclusion items: nothing lost, nothing mixed up."""

from __future__ import annotations

import pytest

from bot.eligibility.sources import shipped_criteria
from bot.eligibility.split import Item, split_criteria
from tests.helpers.criteria_words import all_words, input_words


def texts(items: list[Item]) -> list[str]:
    return [item.text for item in items]


def assert_nothing_dropped(text: str) -> None:
    """Every word of the input is in a heading or an item, and nothing is invented."""
    got = all_words(split_criteria(text))
    assert not input_words(text, keep_markers=False) - got, "words dropped"
    assert not got - input_words(text, keep_markers=True), "words invented"


def test_standard_headings_and_bullets() -> None:
    c = split_criteria("Inclusion Criteria:\n* Age ≥ 18 years\n* Consent\nExclusion Criteria:\n* Pregnancy\n")
    assert texts(c.inclusion) == ["Age ≥ 18 years", "Consent"]
    assert texts(c.exclusion) == ["Pregnancy"]
    assert c.headings == ["Inclusion Criteria", "Exclusion Criteria"]


def test_wrapped_lines_join_and_sub_bullets_stay_with_their_parent() -> None:
    text = (
        "\n        Inclusion Criteria:\n\n"
        "          -  Adequate organ function as defined\n             below:\n\n"
        "               -  ANC ≥ 1,500/mm³\n\n               -  Platelets ≥ 100,000/mm³\n\n"
        "          -  ECOG 0-1\n\n        Exclusion Criteria:\n\n          -  Prior chemotherapy\n      "
    )
    c = split_criteria(text)
    assert texts(c.inclusion) == ["Adequate organ function as defined below:", "ECOG 0-1"]
    assert texts(c.inclusion[0].children) == ["ANC ≥ 1,500/mm³", "Platelets ≥ 100,000/mm³"]
    assert (
        c.inclusion[0].original
        == "Adequate organ function as defined below:\n- ANC ≥ 1,500/mm³\n- Platelets ≥ 100,000/mm³"
    )
    assert texts(c.exclusion) == ["Prior chemotherapy"]


def test_numbered_lists_with_lettered_sub_items() -> None:
    text = "Inclusion Criteria:\n\n1. Signed consent\n2. Adequate blood counts:\n   a) ANC ≥ 1.5\n   b) Hb ≥ 9\n3. Age ≥ 18\n"
    c = split_criteria(text)
    assert texts(c.inclusion) == ["Signed consent", "Adequate blood counts:", "Age ≥ 18"]
    assert texts(c.inclusion[1].children) == ["ANC ≥ 1.5", "Hb ≥ 9"]


def test_key_criteria_headings_without_colons_and_in_capitals() -> None:
    c = split_criteria("Key Inclusion Criteria\n- NET\nKEY EXCLUSION CRITERIA\n- Pregnancy\n")
    assert texts(c.inclusion) == ["NET"] and texts(c.exclusion) == ["Pregnancy"]


def test_missing_headings_and_lead_in_text_are_kept() -> None:
    c = split_criteria(
        "All patients meeting these will be assessed:\n- lesions 2 cm\nExclusion Criteria:\n- Pregnancy\n"
    )
    assert texts(c.inclusion) == ["All patients meeting these will be assessed:", "lesions 2 cm"]
    assert texts(split_criteria("Adults with a pancreatic NET.\n").inclusion) == ["Adults with a pancreatic NET."]


def test_a_heading_that_says_more_is_kept_as_an_item() -> None:
    c = split_criteria("Inclusion Criteria:\n- A\nExclusion criteria for part 2:\n- B\n")
    assert texts(c.exclusion) == ["Exclusion criteria for part 2:", "B"]


def test_non_inclusion_criteria_are_exclusions() -> None:
    c = split_criteria("Inclusion Criteria:\n- A\nNon-inclusion Criteria:\n- B\n")
    assert texts(c.exclusion) == ["B"]


def test_inline_heading_and_bullets_run_together() -> None:
    c = split_criteria(
        "Inclusion Criteria:- Age over 18- No chemotherapy in last 4 weeks Exclusion Criteria:- Pregnant"
    )
    assert texts(c.inclusion) == ["Age over 18", "No chemotherapy in last 4 weeks"]
    assert texts(c.exclusion) == ["Pregnant"]


def test_a_lone_marker_takes_the_next_text() -> None:
    c = split_criteria("Inclusion Criteria:\n\n-\n\nPatients must have:\n\nDepression.\n")
    assert texts(c.inclusion) == ["Patients must have:", "Depression."]


def test_a_wrapped_line_that_looks_like_a_lettered_item_is_not_one() -> None:
    text = "Inclusion Criteria:\n  2. Staging: Tumor (T) 1-3, Metastasis\n     (M) 0.\n  3. ECOG 0-1\n"
    assert texts(split_criteria(text).inclusion) == ["Staging: Tumor (T) 1-3, Metastasis (M) 0.", "ECOG 0-1"]


def test_a_sentence_about_criteria_is_not_a_heading() -> None:
    c = split_criteria("Exclusion Criteria:\n- Pregnancy\nOther protocol-defined exclusion criteria may apply.\n")
    assert texts(c.exclusion) == ["Pregnancy", "Other protocol-defined exclusion criteria may apply."]


def test_empty_text() -> None:
    c = split_criteria(None)
    assert c.inclusion == [] and c.exclusion == []


def test_nct07273409_splits_into_four_and_eight() -> None:
    text = {t.nct_id: t.criteria for t in shipped_criteria()}["NCT07273409"]
    c = split_criteria(text)
    assert len(c.inclusion) == 4 and len(c.exclusion) == 8
    assert c.exclusion[-2].text.startswith("The study subject does not fit into either STRATA")


@pytest.mark.parametrize("trial", shipped_criteria(), ids=lambda t: t.nct_id)
def test_shipped_trials_lose_no_text(trial) -> None:  # type: ignore[no-untyped-def]
    assert_nothing_dropped(trial.criteria)
    c = split_criteria(trial.criteria)
    assert c.inclusion, "every shipped text has inclusion items"
