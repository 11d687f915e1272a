"""How the fit report matches a labelled criterion to the judge's check (bot/eligibility/fit_measure.py)."""

from __future__ import annotations

from bot.eligibility.fit_measure import matching_check, overlap
from bot.eligibility.judge import ASK_TEAM, MATCHES, Judged


def test_a_criterion_inside_another_only_from_a_word_start() -> None:
    assert overlap("Functioning PanNET", "Functioning PanNET") == 1.0
    assert (
        overlap(
            "Functioning PanNET", "Cytological or histologically confirmed sporadic resectable nonfunctioning PanNETs"
        )
        < 1.0
    )
    # some records glue one item's last word to the next item's first: the end may run on
    assert (
        overlap(
            "metastases are mainly abdominal", "Primary tumour where metastases are mainly abdominalMeasurable disease"
        )
        == 1.0
    )


def test_the_labelled_criterion_finds_its_own_check_not_a_longer_one_that_holds_its_letters() -> None:
    checks = [
        Judged("functioning", "Confirmed sporadic resectable nonfunctioning PanNETs (NF-PanNETs)", MATCHES),
        Judged("functioning", "Functioning PanNET", ASK_TEAM),
    ]
    found = matching_check({"field": "functioning", "criterion": "Functioning PanNET", "label": "met"}, checks)
    assert found is not None and found.criterion == "Functioning PanNET"
