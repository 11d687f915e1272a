"""Issue 18, session 23: the registry's own slips mended where the meaning cannot change, and
explanation lines that name the registry's term."""

from __future__ import annotations

import pytest

from bot.eligibility.plain import write_items
from bot.eligibility.registry_words import mend


@pytest.mark.parametrize(
    ("registry", "mended"),
    [
        ("Has has abnormal values", "Has abnormal values"),
        ("breast feeding during the during inpatient visits", "breast feeding during the inpatient visits"),
        (
            "haemoglobin ≥ 9.0 g/dl,absolute neutrophil count ≥ 1500/µl",
            "haemoglobin ≥ 9.0 g/dl, absolute neutrophil count ≥ 1500/µl",
        ),
        ("a negative pregnancy test within14 days", "a negative pregnancy test within 14 days"),
        ("score of greater than or equal to (>=) 22 points", "score of greater than or equal to 22 points"),
        (
            "Any other study drug within 30 days prior to study entry. >",
            "Any other study drug within 30 days prior to study entry.",
        ),
    ],
)
def test_the_registry_slips_are_mended(registry: str, mended: str) -> None:
    assert mend(registry) == mended


@pytest.mark.parametrize(
    "registry",
    [
        "Patients who had had surgery",  # "had had" is English
        "kava kava or St John's wort",
        "creatinine > 1.5 mg/dl, or ALT > 3",
        "CYP3A4 inhibitors",
        "t(11;14) or 1,2-dichloroethane",
        "Hb < 9 g/dl (transfusion allowed)",
    ],
)
def test_good_registry_words_are_left_alone(registry: str) -> None:
    assert mend(registry) == registry


def test_what_is_shown_keeps_every_number_and_limit_of_a_mended_item() -> None:
    written = write_items(["Screening MMSE score of greater than or equal to (>=) 22 points"])[0]
    assert "at least 22 points" in written.sentence
    assert "(at least" not in written.sentence and "( at least" not in written.sentence
    written = write_items(["Has has a negative pregnancy test within14 days"])[0]
    assert "within 14 days" in written.sentence
    assert "has has" not in written.sentence.lower()


def test_a_stray_sign_after_the_last_full_stop_no_longer_keeps_the_swaps_off() -> None:
    written = write_items(
        ["Any immunomodulator or other investigational therapy within 30 days prior to study entry. >"]
    )[0]
    assert written.sentence.endswith("within 30 days before study entry.")
    assert ">" not in written.sentence


@pytest.mark.parametrize(
    ("registry", "named"),
    [
        ("Evidence of chronic kidney failure", "Kidney failure (renal failure) means"),
        ("Platelet count less than 100 000/mm3", "The platelet count is"),
        (
            "Blood counts at screening: haemoglobin ≥ 9.0 g/dl,absolute neutrophil count ≥ 1500/µl",
            "The neutrophil count is",
        ),
        ("The patient or their Legally Authorized Representative must sign", "legally authorized representative"),
    ],
)
def test_an_explanation_names_the_term_the_sentence_shows(registry: str, named: str) -> None:
    written = write_items([registry])[0]
    assert any(named in note for note in written.notes), written.notes


def test_breast_feeding_in_two_words_is_one_everyday_word() -> None:
    written = write_items(["However, breast feeding during inpatient study visits is not allowed."])[0]
    assert "breastfeeding during" in written.sentence
    assert "not allowed" in written.sentence
