"""Rewrites no longer than they need to be (issue 18): a limit before a number in one word, the
normal limits by their short names with the meaning beneath, and a rewrite longer than the
registry's item in list-item form, with nothing of its meaning lost."""

from __future__ import annotations

import pytest

from bot.eligibility.compact import compact
from bot.eligibility.guards import rewrite_problems
from bot.eligibility.plain import TEMPLATE, plain_criteria, rewrite


def _item(text: str):
    return plain_criteria(f"Inclusion Criteria:\n- {text}").inclusion[0]


@pytest.mark.parametrize(
    "text, expected",
    [
        ("QTc > 450 ms", "over 450 ms"),
        ("Creatinine clearance <50 mL/min", "under 50 mL/min"),
        ("Hemoglobin > LLN", "more than LLN"),  # "over" is a limit only before a number
        ("Metastatic disease or > 20 lesions", "or more than 20 "),  # "or over 20" would be "20 or over"
    ],
)
def test_a_symbol_before_a_number_is_one_word(text: str, expected: str) -> None:
    assert expected in rewrite(text)


def test_the_upper_limit_of_normal_keeps_its_short_name_and_is_explained_beneath() -> None:
    item = _item("Total bilirubin ≤ 1.5 x upper limit of normal (ULN)")
    assert "1.5 times ULN" in item.sentence
    assert "top of the normal range" not in item.plain
    assert any(note.startswith("ULN is the upper limit of normal") for note in item.notes)


@pytest.mark.parametrize(
    "sentence, short",
    [
        ("Your creatinine is less than 1.5 mg/dL.", "Creatinine under 1.5 mg/dL."),
        ("Your AST and ALT are at most 2.5 times ULN.", "AST and ALT at most 2.5 times ULN."),
        ("You have a known allergy to octreotide.", "A known allergy to octreotide."),
        ("You are not able to give consent.", "Not able to give consent."),
        ("You have had more than 2 lines of treatment.", "Had over 2 lines of treatment."),
        ("You have no more than 2 tumours.", "No more than 2 tumours."),  # "no more than" is a limit of its own
        ("You have to agree to use birth control.", "You have to agree to use birth control."),
    ],
)
def test_compact_drops_the_lead_and_keeps_every_other_word(sentence: str, short: str) -> None:
    assert compact(sentence) == short


def test_a_template_longer_than_the_registry_item_is_shown_as_a_list_item() -> None:
    item = _item("Creatinine < 1.5 mg/dL")
    assert item.how == TEMPLATE
    assert item.sentence == "Creatinine under 1.5 mg/dL."


def test_a_template_no_longer_than_the_registry_item_keeps_its_sentence() -> None:
    text = "Serum creatinine level must be less than 1.5 mg/dL"
    assert _item(text).sentence == "Your creatinine is less than 1.5 mg/dL."


def test_every_part_of_a_list_of_limits_loses_its_lead() -> None:
    assert compact("Your creatinine is at most 1.5 times ULN and your bilirubin is at most 2 times ULN.") == (
        "Creatinine at most 1.5 times ULN and bilirubin at most 2 times ULN."
    )


@pytest.mark.parametrize(
    "text",
    [
        "Creatinine < 1.5 mg/dL",
        "Not able to give informed consent",
        "Known allergy to everolimus",
        "Life expectancy > 12 weeks",
        "Women of childbearing potential must not be pregnant",
    ],
)
def test_the_shorter_form_still_passes_the_guards(text: str) -> None:
    item = _item(text)
    assert rewrite_problems(text, item.sentence, item.plain) == []


def test_a_word_with_a_capital_inside_keeps_its_case_at_the_start() -> None:
    assert rewrite("eGFR < 30 mL/min").startswith("eGFR ")  # "EGFR" is a gene, not a kidney test
    assert compact("Your eGFR is less than 30 mL/min.") == "eGFR under 30 mL/min."


@pytest.mark.parametrize(
    "sentence, short",
    [
        (
            "Measurable disease (at least 10 mm on CT scan or MRI scan).",
            "Measurable disease (at least 10 mm on CT or MRI scan).",
        ),
        ("Active viral hepatitis (hepatitis B or hepatitis C).", "Active viral hepatitis (hepatitis B or C)."),
        ("Side effects of grade 3 or grade 4.", "Side effects of grade 3 or 4."),
        ("No cancer or any cancer scan.", "No cancer or any cancer scan."),  # only names and scans
    ],
)
def test_a_word_said_twice_around_or_is_said_once(sentence: str, short: str) -> None:
    assert compact(sentence) == short
