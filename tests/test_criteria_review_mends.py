"""Review findings 13, 14, 15, 17 and 18 on the criterion templates: a treatment said as an illness known, a list
of kinds of one infection without its article, a dose said as a medicine used, a name lowered ("ki-67"), a measure
of the illness said as one of the person, "an RECIST", and a template written twice. Wordings marked "corpus" are
from ../shared/ctgov/criteria-corpus.jsonl; the others are the reviewer's."""

from __future__ import annotations

from typing import Optional

import pytest

from bot.eligibility.templates import history, write_with_template
from bot.eligibility.templates.parts import article


def _sentence(text: str) -> Optional[str]:
    written = write_with_template(text, lambda words: words)
    return written.sentence if written else None


def _family(text: str) -> Optional[str]:
    written = write_with_template(text, lambda words: words)
    return written.family if written else None


@pytest.mark.parametrize(
    ("registry", "sentence"),
    [
        (
            "Known active bacterial, viral, fungal or other infection",
            "You are known to have an active bacterial, viral, fungal or other infection.",
        ),
        (  # corpus
            "Known chronic bacterial, mycobacterial, fungal, parasitic, or protozoal infection",
            "You are known to have a chronic bacterial, mycobacterial, fungal, parasitic, or protozoal infection.",
        ),
        (  # corpus
            "Known active bacterial, viral, fungal, mycobacterial, parasitic, or other infection",
            "You are known to have an active bacterial, viral, fungal, mycobacterial, parasitic, or other infection.",
        ),
        ("History of bacterial, viral or fungal infection", "You have had a bacterial, viral or fungal infection."),
    ],
)
def test_a_list_of_kinds_of_one_infection_takes_its_article(registry: str, sentence: str) -> None:
    assert _sentence(registry) == sentence


def test_a_list_of_illnesses_takes_no_article_for_its_last() -> None:
    """Only kinds of one thing share the article: "a diabetes, ... infection" would be wrong."""
    assert _sentence("Known diabetes, hepatitis or lung infection") != (
        "You are known to have a diabetes, hepatitis or lung infection."
    )


@pytest.mark.parametrize(
    "registry",
    [
        "Known prior treatment with PRRT, everolimus or sunitinib",
        "Known prior therapy with everolimus, sunitinib or PRRT",
        # corpus: "past development" under a present "have"
        "Known prior development of erythema nodosum if characterized by a desquamating rash while taking "
        "thalidomide or similar drugs.",
    ],
)
def test_a_treatment_or_a_past_is_not_said_as_an_illness_known(registry: str) -> None:
    assert _family(registry) != "illness now", _sentence(registry)


def test_an_illness_known_that_needed_treatment_is_still_said() -> None:
    """corpus: "treatment" late in the item is not the thing known."""
    assert _sentence("Known additional malignancy that required treatment or progressed in last 5 years") == (
        "You are known to have extra cancer that required treatment or progressed in last 5 years."
    )


@pytest.mark.parametrize(
    "registry",
    [
        "Use of systemic corticosteroids > 10 mg prednisone equivalent",
        "Use of furosemide in a dose >200 mg/d.",  # corpus
        "Use of systemic corticosteroids at a dose >10 mg/d or anti-androgens",  # corpus
        "Use of EPA/DHA supplements in excess of 1200 mg per dayi",  # corpus
        "Use of greater than one non-steroidal anti-inflammatory drug (NSAID)",  # corpus: "a more than one"
    ],
)
def test_a_dose_is_not_said_as_a_medicine_you_use(registry: str) -> None:
    assert _family(registry) != "medicines used now", _sentence(registry)


@pytest.mark.parametrize(
    ("registry", "sentence"),
    [
        ("Use of insulin pump", "You use an insulin pump."),
        (  # corpus
            "Use of insulin pump in the last 6 months before screening visit.",
            "You used an insulin pump in the last 6 months before screening visit.",
        ),
        # corpus: digits inside a name are no dose
        ("Use of GLP-1 mimetics or DPP-IV inhibitors", "You use GLP-1 mimetics or DPP-IV inhibitors."),
        (
            "Use of beta blockers or the equivalent at Screening.",
            "You use beta blockers or the equivalent at Screening.",
        ),
    ],
)
def test_medicines_and_devices_used(registry: str, sentence: str) -> None:
    assert _sentence(registry) == sentence


@pytest.mark.parametrize(
    ("registry", "sentence"),
    [
        ("Ki-67 index ≤ 20%", "Your Ki-67 index is at most 20%."),
        ("Krenning score ≥ 3", "Your Krenning score is at least 3."),
        ("C-reactive protein (CRP) >15 mg/L", "Your C-reactive protein (CRP) is more than 15 mg/L."),  # corpus
        ("S-ferritin < 100 ng/mL", "Your S-ferritin is less than 100 ng/mL."),  # corpus
        ("C-peptide value of < 0.7 ng/mL", "Your C-peptide value is less than 0.7 ng/mL."),  # corpus
        # corpus: a hyphen alone is no name
        ("non-fasting blood glucose level ≥ 200 mg/dL", "Your non-fasting blood glucose level is at least 200 mg/dL."),
        ("Body weight ≥ 45 kg", "Your body weight is at least 45 kg."),  # corpus
    ],
)
def test_a_measure_keeps_the_capitals_of_a_name(registry: str, sentence: str) -> None:
    assert _sentence(registry) == sentence


@pytest.mark.parametrize("registry", ["Measurable disease ≥ 1 cm", "Measurable disease of at least 1.5 cm"])  # corpus
def test_measurable_disease_is_not_a_measure_of_you(registry: str) -> None:
    assert _family(registry) != "a measurement with a limit", _sentence(registry)


@pytest.mark.parametrize(
    ("phrase", "said"),
    [
        ("RECIST target lesion", "a"),  # corpus: "a RECIST target lesion"
        ("RECIST 1.1", "a"),
        ("NICE approved device", "a"),
        ("SIRT treatment", "a"),
        ("FOLFOX regimen", "a"),
        ("uveal melanoma", "a"),
        ("uveitis", "a"),  # corpus
        ("HIV infection", "an"),  # said letter by letter, as before
        ("MRI scan", "an"),
        ("ECOG score", "an"),
        ("infection", "an"),
        ("CT scan", "a"),
    ],
)
def test_article_by_how_a_word_is_said(phrase: str, said: str) -> None:
    assert article(phrase) == said


def test_no_history_template_is_written_twice() -> None:
    written = [(t.family, t.pattern.pattern, t.write, t.lead_in) for t in history.TEMPLATES]
    assert len(written) == len(set(written))
