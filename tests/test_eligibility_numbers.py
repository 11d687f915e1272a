"""The number tokenizer: what a plain rewrite must keep exactly."""

from __future__ import annotations

import pytest

from bot.eligibility.numbers import added_numbers, missing_numbers, number_tokens


@pytest.mark.parametrize(
    "text, tokens",
    [
        ("Age ≥ 18 years", ["18"]),
        ("ANC ≥ 1.5 x 10^9/L", ["1.5", "10^9"]),
        ("platelets ≥ 100,000/mm³", ["100,000", "³"]),
        ("neutrophils 1.5 × 10⁹/L", ["1.5", "10⁹"]),
        ("Ki-67 index <20%", ["67", "20"]),
        ("68Ga-DOTATATE PET/CT", ["68"]),
        ("ECOG 0, 1, or 2", ["0", "1", "2"]),
        ("QTc greater than 0.44seconds.", ["0.44"]),
        ("within 24hrs", ["24"]),
        ("10^-3 units", ["10^-3"]),
        ("T1N1-2M0", ["1", "1", "2", "0"]),
        ("STRATUM 2: all (100%)", ["2", "100"]),
        ("no numbers here", []),
        ("ends with a number 3.", ["3"]),
    ],
)
def test_number_tokens(text: str, tokens: list[str]) -> None:
    assert number_tokens(text) == tokens


def test_missing_counts_repeats_and_ignores_words_around() -> None:
    assert missing_numbers("18 to 75 years, 18 at least", "at least 18 years") == ["18", "75"]
    assert missing_numbers("≥ 18 years", "at least 18 years") == []
    assert missing_numbers("1.5 x ULN", "1.5 times the top of the normal range") == []
    assert missing_numbers("1.5 x ULN", "1 times the top") == ["1.5"]  # "1.5" is one token
    assert added_numbers("G1", "grade 1 (G1)") == ["1"]
