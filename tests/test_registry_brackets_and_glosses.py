"""Issue 18, session 25: more of the registry's own slips mended where the meaning cannot change (a blind
judge counted them as defects of what is shown): brackets left unbalanced, a doubled full stop; and a safe
swap is not made when the registry already says the everyday words beside it ("heart attack also known as
myocardial infarction" would read "heart attack also known as heart attack")."""

from __future__ import annotations

import pytest

from bot.eligibility.guards.language import language_defects
from bot.eligibility.plain import write_items
from bot.eligibility.registry_words import balanced, mend, registry_sentence


@pytest.mark.parametrize(
    ("registry", "mended"),
    [
        # a bracket left open is closed where its sentence ends
        (
            "Severe infection (example, untreated TB, or infections requiring IV antibiotics within 2 months.",
            "Severe infection (example, untreated TB, or infections requiring IV antibiotics within 2 months).",
        ),
        ("Low BMD (at least one site (lumbar spine or femur)", "Low BMD (at least one site (lumbar spine or femur))"),
        (
            "Known drug allergy (e.g. to penicillin. Other allergies are fine",
            "Known drug allergy (e.g. to penicillin). Other allergies are fine",
        ),
        ("Platelets ≥ 100,000 [without transfusion", "Platelets ≥ 100,000 [without transfusion]"),
        # a closing bracket that closes nothing is dropped
        ("Haemoglobin ≥ 9 g/dl; transfusion is permitted);", "Haemoglobin ≥ 9 g/dl; transfusion is permitted;"),
        (
            "Eastern Cooperative Group ECOG) performance status of 0 or 1",
            "Eastern Cooperative Group ECOG performance status of 0 or 1",
        ),
        (
            "values ≥ 3 × the upper limit of normal [ULN]) or creatinine ≥ 1.5 × ULN)",
            "values ≥ 3 × the upper limit of normal [ULN] or creatinine ≥ 1.5 × ULN",
        ),
        # a doubled full stop
        (
            "Patients must provide written consent.. For minors, a parent signs",
            "Patients must provide written consent. For minors, a parent signs",
        ),
        ("must have a negative urine pregnancy test. .", "must have a negative urine pregnancy test."),
    ],
)
def test_unbalanced_brackets_and_doubled_stops_are_mended(registry: str, mended: str) -> None:
    assert mend(registry) == mended


@pytest.mark.parametrize(
    "registry",
    [
        "delirium or dementia diagnosis, 2) unstable medical illness, 3) history of heart disease",  # list labels
        "a) ANC ≥ 1500/µl; b) platelets ≥ 100,000/µl",
        "Hb < 9 g/dl (transfusion allowed)",
        "Thyroid disease (...), except vitamin D deficiency",  # an ellipsis is not a doubled stop
        "t(11;14) translocation",
    ],
)
def test_balanced_registry_words_and_list_labels_are_left_alone(registry: str) -> None:
    assert mend(registry) == registry
    assert balanced(registry) == registry


@pytest.mark.parametrize(
    ("registry", "shown"),
    [
        ("Heart attack also known as myocardial infarction", "Heart attack also known as myocardial infarction."),
        ("History of cancer or other malignancy", "History of cancer or other malignancy."),
        ("Any prior treatment or therapy for the tumour", "Any past treatment or therapy for the tumour."),
        ("The study doctor or investigator decides", "The study doctor or investigator decides."),
        # not beside: both swaps are made
        ("Prior chemotherapy, prior radiotherapy", "Past chemotherapy, past radiotherapy."),
        ("Malignancies other than cancer of the skin", "Cancers other than cancer of the skin."),
        ("Prior to entry and before dosing", "Before entry and before dosing."),
    ],
)
def test_a_swap_is_not_made_beside_the_everyday_words_it_would_bring(registry: str, shown: str) -> None:
    assert registry_sentence(registry) == shown


def test_what_is_shown_has_its_brackets_closed_and_keeps_every_number() -> None:
    (written,) = write_items(
        [
            "Has a severe acute infectious disease (example, untreated active tuberculosis, or infections requiring "
            "IV anti-microbial treatment within 2 months preceding the Screening Visit."
        ]
    )
    assert written.sentence.endswith("Screening Visit).")
    assert "bracket not closed" not in language_defects(written.sentence)
    assert "2 months" in written.sentence


@pytest.mark.parametrize(
    "registry",
    [
        "History of another primary malignancy and off treatment for </= 3 years, except for skin cancer",
        "History of hepatitis B and on antiviral therapy",
        "History of stroke and not fully recovered",
        "History of seizures and still taking anticonvulsants",
        "History of cancer and free of disease for less than 5 years",
    ],
)
def test_a_history_with_a_state_joined_to_it_is_not_said_as_had(registry: str) -> None:
    """ "Had another primary cancer and off treatment ..." is not English: the registry's words are shown."""
    (written,) = write_items([registry])
    assert not written.sentence.startswith(("Had ", "You have had")), written.sentence


@pytest.mark.parametrize(
    ("registry", "sentence"),
    [
        ("History of stroke and heart attack", "Had a stroke and heart attack."),
        ("History of asthma and bronchitis", "Had asthma and bronchitis."),
    ],
)
def test_a_history_of_two_illnesses_is_still_said_as_had(registry: str, sentence: str) -> None:
    (written,) = write_items([registry])
    assert written.sentence == sentence


@pytest.mark.parametrize(
    ("registry", "shown"),
    [
        # the article before a swapped word fits the word now shown
        ("Must have an hepatic imaging procedure", "Must have a liver imaging procedure."),
        ("Needs an renal biopsy", "Needs a kidney biopsy."),
        ("An hepatic or renal problem", "A liver or kidney problem."),
        # a sign followed by "to" ("≥ to 75"), and a sign in brackets after its words, said once
        ("Platelets >= to 75 x 10^9/L", "Platelets at least 75 x 10^9/L."),
        ("Neutrophils ≥ to 1.5 x 10^9/L", "Neutrophils at least 1.5 x 10^9/L."),
        ("Tumour greater than or equal to (>/=) 1cm across", "Tumour at least 1cm across."),
        # an item ending in a full stop inside its bracket gets no second one
        (
            "Three or more drugs. (NOTE: a combination drug counts as two.)",
            "Three or more drugs. (NOTE: a combination drug counts as two.)",
        ),
        ("BMI 18-29 kg/m2 (incl.)", "BMI 18-29 kg/m2 (incl.)."),  # an abbreviation in brackets: the item still ends
        # a sign in square brackets after its words, said once
        ("Postmenopausal (greater than [>] 45 years of age)", "Postmenopausal (more than 45 years of age)."),
        ("Stable dose for greater than or equal to [>=] 4 weeks", "Stable dose for at least 4 weeks."),
        ("Toxicity resolved (to less than or equal to [<=] Grade 1)", "Toxicity resolved (to at most Grade 1)."),
    ],
)
def test_articles_signs_and_end_stops_read_as_english(registry: str, shown: str) -> None:
    assert registry_sentence(mend(registry)) == shown
