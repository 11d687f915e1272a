"""Place rules of session 21: where someone comes from is not where they live, the Yorkshires are
Yorkshire, GOSH written in capitals is Great Ormond Street."""

from __future__ import annotations

import pytest

from bot.profile.place import read_place


@pytest.mark.parametrize(
    ("text", "city", "region", "country"),
    [
        ("she's from Leeds originally but lives in Spain now", None, None, "ES"),
        ("he is from Cork but has lived in Boston for 30 years", "Boston", None, "US"),
        ("I'm a 45 yo guy in Halifax... no not that one, Halifax West Yorkshire.", "Halifax", "Yorkshire", "GB"),
        ("we live in Sheffield, South Yorkshire", "Sheffield", "Yorkshire", "GB"),
        ("she had the tumour removed last year at GOSH", "London", None, "GB"),
        ("oh gosh, she had surgery last year", None, None, None),
    ],
)
def test_where_they_are(text: str, city: str, region: str, country: str) -> None:
    place = read_place(text)
    assert (place.city, place.region, place.country) == (city, region, country)
