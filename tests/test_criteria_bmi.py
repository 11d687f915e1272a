"""The body mass index template (issue 18): every number and limit kept, BMI explained beneath."""

from __future__ import annotations

import pytest

from bot.eligibility.guards import rewrite_problems
from bot.eligibility.plain import TEMPLATE, plain_criteria
from bot.eligibility.templates import write_with_template


@pytest.mark.parametrize(
    "text, sentence",
    [
        ("Body Mass Index (BMI) of 18 to 38 kg/m²", "Your BMI is between 18 and 38 kg/m²."),
        ("BMI ≥ 30 kg/m2", "Your BMI is at least 30 kg/m2."),
        ("Patients with a body mass index < 40", "Your BMI is less than 40."),
        ("BMI: 18.5-32 kg/m2", "Your BMI is between 18.5 and 32 kg/m2."),
    ],
)
def test_bmi_limits_and_ranges(text: str, sentence: str) -> None:
    written = write_with_template(text, lambda words: words)
    assert written is not None and written.family == "body mass index"
    assert written.sentence == sentence
    assert written.notes == ("Body mass index (BMI) is your weight measured against your height.",)


@pytest.mark.parametrize("text", ["BMI ≥ 30 kg/m2", "Body Mass Index (BMI) of 18 to 38 kg/m²"])
def test_the_bmi_rewrite_passes_the_guards(text: str) -> None:
    item = plain_criteria(f"Inclusion Criteria:\n- {text}").inclusion[0]
    assert item.how == TEMPLATE
    assert rewrite_problems(text, item.sentence, item.plain) == []


def test_a_bmi_criterion_with_more_in_it_is_left_to_the_glossary() -> None:
    assert write_with_template("BMI between 18.5 and 35 kg/m2, inclusive, and weight over 50 kg", lambda w: w) is None
