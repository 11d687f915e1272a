"""Who a criterion is about stays the same (issue 18): a word swap must not narrow or change it."""

from __future__ import annotations

import pytest

from bot.eligibility.plain import rewrite


@pytest.mark.parametrize(
    "text, kept, never",
    [
        ("Men of childbearing potential must use contraception", "Men who could father a child", "become pregnant"),
        (
            "Male patients with childbearing potential must use contraception",
            "Men who could father a child",
            "become pregnant",
        ),
        (
            "Subjects (men and women) of reproductive potential must agree to use contraception",
            "who could become pregnant or father a child",
            "People (men or women) who could become pregnant must",
        ),
        ("Women of childbearing potential must have a negative pregnancy test", "Women able to get pregnant", "father"),
        (
            "Sexually active women of childbearing potential must use contraception",
            "Sexually active women able to get pregnant",
            "Having sex",
        ),  # "sexually active" is never dropped, nor swapped word for word
        ("Seropositive for HIV, AIDS, or post-organ transplant", "HIV, AIDS,", "HIV, HIV"),
        ("Drugs that affect gut sensitivity", "sensitivity", "allergy"),
        ("10 mg/day of prednisone or equivalent", "or similar", "or like"),
        ("Per country-specific labels", "country-specific", "country-certain"),
        (
            "Patients with known hypersensitivity to octreotide",
            "known allergy",
            "with allergy",
        ),  # only a known one counts
    ],
)
def test_the_rewrite_keeps_who_and_what(text: str, kept: str, never: str) -> None:
    written = rewrite(text)
    assert kept in written and never not in written, written
