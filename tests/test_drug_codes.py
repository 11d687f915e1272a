"""Drug codes typed by staff ("TLC388", "SNX-5422", "ABT 869") against ages and dates people give in
a story ("my wife is 58", "mum 81"), which once made the search say "I don't know the name 'is-58'"."""

from __future__ import annotations

import pytest

from bot.trials.codes import drug_code


@pytest.mark.parametrize(
    "text, code",
    [
        ("TLC388 trials", "TLC388"),
        ("any trials of SNX-5422?", "SNX-5422"),
        ("ABT 869 trial", "ABT-869"),
        ("abt 869", "abt-869"),
        ("pen-221", "pen-221"),
        ("PEN 221 study", "PEN-221"),
        ("dad was 70 and they mentioned SNX-5422", "SNX-5422"),
    ],
)
def test_drug_codes_are_read(text: str, code: str) -> None:
    assert drug_code(text) == code


@pytest.mark.parametrize(
    "text",
    [
        "my wife is 58, her pancreatic NET has spread to the liver",
        "mum 81 any trials near leeds",
        "dad was 70 when they found it",
        "hubby 53 pnet g2",
        "grade 2, ki67 20, stage 4",
        "she turned 60 in march",
    ],
)
def test_ages_and_dates_are_not_drug_codes(text: str) -> None:
    assert drug_code(text) is None
