"""How long the NET has been known, read from the dates and durations people write."""

from __future__ import annotations

from datetime import date

import pytest

from bot.lexicon import default_lexicon
from bot.profile.evaluate import read_turns
from bot.profile.time_known import known_since, months_known

TODAY = date(2026, 12, 6)


@pytest.mark.parametrize(
    "text, expected",
    [
        ("Mum is 66, pancreatic NET G2, liver mets, diagnosed 2022, lanreotide since then", "2022-12"),
        ("On Somatuline Autogel since 2022 and it's been stable on every scan", "2022-12"),
        ("Three years ago she was diagnosed with a VIPoma in the tail of her pancreas", "2023-12"),
        ("I've been stable on the Somatuline Depot shot for 3 years.", "2023-12"),
        ("She take Sandostatin LAR from three years and the disease is stable.", "2023-12"),  # translated "desde hace"
        ("my dad has had a pnet for a couple of years now", "2024-12"),
        ("he was dx 4 months ago, grade 1", "2026-08"),
        ("they took out the primary in 2019, mets found in 2024", "2019-12"),  # the earliest date counts
    ],
)
def test_dates_and_durations_about_the_illness(text: str, expected: str) -> None:
    assert known_since(text, default_lexicon(), TODAY) == expected


@pytest.mark.parametrize(
    "text",
    [
        "we've been married for 30 years and he has a pnet",
        "she was born in 1950 and has a NET in her pancreas",
        "the NETTER-1 trial was published in 2017",
        "diagnosed in march with a grade 2 pnet",  # no year: says nothing
        "diagnosed this year, in 2026",  # the current year could be last month
        "my mum is 74 and has a NET, call me on 0113 2022 555",
    ],
)
def test_other_dates_say_nothing(text: str) -> None:
    assert known_since(text, default_lexicon(), TODAY) is None


def test_months_known_counts_from_the_month_kept() -> None:
    assert months_known("2023-12", TODAY) == 36
    assert months_known("2026-08", TODAY) == 4
    assert months_known(None, TODAY) is None
    assert months_known("soon", TODAY) is None


def test_the_earliest_date_of_a_conversation_is_kept() -> None:
    profile = read_turns(["my wife has a pnet, diagnosed 2021", "she's been on lanreotide since 2023"])
    assert profile.known_since == "2021-12"
    assert read_turns(["she's been on lanreotide since 2023", "it was found in 2020"]).known_since == "2020-12"
