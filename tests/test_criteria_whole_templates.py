"""Issue 18, session 24: whole-criterion templates for a measurement with a limit ("HbA1c ≤9.5%") and for a
history list ("History of stroke, chronic seizures, or major neurological disorder"); the history template in
the registry's words (the glossary's swaps broke its sentences); glossary lines for common corpus terms. Every
registry wording here is from ../shared/ctgov/criteria-corpus.jsonl."""

from __future__ import annotations

import pytest

from bot.eligibility.explain import term_explanations
from bot.eligibility.glossary import default_replacer
from bot.eligibility.guards import rewrite_problems
from bot.eligibility.numbers import missing_numbers
from bot.eligibility.plain import TEMPLATE, write_items
from bot.eligibility.templates import write_with_template

MEASURE, HISTORY = "a measurement with a limit", "history of an illness"


def _template(text: str) -> tuple[str, str]:
    written = write_with_template(text, lambda words: words)
    assert written is not None, text
    return written.family, written.sentence


@pytest.mark.parametrize(
    ("registry", "sentence"),
    [
        ("HbA1c ≤9.5%.", "Your HbA1c is at most 9.5%."),
        ("Body weight ≥ 45 kg", "Your body weight is at least 45 kg."),
        ("Fasting triglycerides >500 mg/dL", "Your fasting triglycerides are more than 500 mg/dL."),
        ("Serum potassium <3.5 mmol/L", "Your serum potassium is less than 3.5 mmol/L."),
        (
            "HbA1c greater than or equal to 7% and less than or equal to 10%",
            "Your HbA1c is at least 7% and at most 10%.",
        ),
        ("Weight >40kg, <100kg", "Your weight is more than 40 kg and less than 100 kg."),
        (
            "Hamilton Depression Scale score of less than or equal to 15",
            "Your Hamilton Depression Scale score is at most 15.",
        ),
        ("Serum triglyceride level >600 mg/dL", "Your serum triglyceride level is more than 600 mg/dL."),
    ],
)
def test_a_measurement_keeps_its_limit_number_and_unit(registry: str, sentence: str) -> None:
    assert _template(registry) == (MEASURE, sentence)


@pytest.mark.parametrize(
    "registry",
    [
        "Prednisone >10 mg",  # a dose given, not a measure of the person
        "Doxorubicin ≥550mg/m2",
        "Duration of diabetes ≥ 6 months",  # a time
        "Weigh ≥40 kg and ≤125 kg",  # a verb: "Your weigh is" would be wrong
        "Patients with creatinine > 2 mg/dL",  # a person: the about-you template's
        "Age ≥ 18 years",  # the age template's
        "Alkaline Phosphatase < 3 x ULN or < 5 x ULN with liver metastases",  # more than a limit
    ],
)
def test_what_is_not_one_measure_with_a_limit_is_left_alone(registry: str) -> None:
    written = write_with_template(registry, lambda words: words)
    assert written is None or written.family != MEASURE, written


@pytest.mark.parametrize(
    ("registry", "sentence"),
    [
        (
            "History of stroke, chronic seizures, or major neurological disorder",
            "You have had a stroke, chronic seizures, or major neurological disorder.",
        ),
        (
            "Patient has a history of deep vein thromboses, coronary artery disease, heart attack or stroke",
            "You have had deep vein thromboses, coronary artery disease, heart attack or stroke.",
        ),
        ("History of pancreatitis (acute or chronic)", "You have had pancreatitis (acute or chronic)."),
        (
            "History of asthma, COPD, or other bronchial or lung diseases.",
            "You have had asthma, COPD, or other bronchial or lung diseases.",
        ),
        (
            "Known history of allergy or sensitivity to study drugs",
            "You are known to have had an allergy or sensitivity to study drugs.",
        ),
        (
            "History of abdominal fistula, gastrointestinal perforation, or intra-abdominal abscess within 6 months",
            "You have had abdominal fistula, gut perforation, or intra-abdominal abscess within 6 months.",
        ),
        ("History of Peripheral Arterial Disease (PAD)", "You have had Peripheral Arterial Disease (PAD)."),
    ],
)
def test_a_history_list_keeps_its_list_scope_and_time(registry: str, sentence: str) -> None:
    assert _template(registry) == (HISTORY, sentence)


@pytest.mark.parametrize(
    "registry",
    [
        "History of hematological disorders (e.g., thrombocytopenia) in the immediate family",  # someone else's
        "History of phenylketonuria (PKU) or history of hypersensitivity to phenylalanine-derived products",
        "History of current unstable angina, symptomatic congestive heart failure, or myocardial infarction",
        "History of allogeneic stem cell transplantation, or anticipated to undergo solid organ transplantation",
        "Any history of epilepsy as evidenced by one or more seizures in the last 12 months",
        "History of stroke, heart attack or angina that is excluded",  # the registry's own verb
    ],
)
def test_a_history_the_lead_cannot_carry_is_left_alone(registry: str) -> None:
    written = write_with_template(registry, lambda words: words)
    assert written is None or written.family != HISTORY, written


@pytest.mark.parametrize(
    ("registry", "not_shown"),
    [
        ("History of idiopathic sensitivity to any of the drugs to be used", "of unknown cause allergy"),
        ("History of hemolytic anemia.", "low red blood cells"),
        ("Previous treatment with interferon alpha or peginterferon.", "interferon or peginterferon"),
    ],
)
def test_history_says_the_registry_words_not_the_glossary_swaps(registry: str, not_shown: str) -> None:
    written = write_items([registry])[0]
    assert written.how == TEMPLATE
    assert not_shown not in written.sentence, written.sentence


@pytest.mark.parametrize(
    "registry",
    [
        "HbA1c greater than or equal to 7% and less than or equal to 10%",
        "Fasting serum glucose = ≤126 mg/dl",
        "History of stroke, chronic seizures, or major neurological disorder",
        "Subjects with a known history of previous myocardial infarction within one year of screening.",
    ],
)
def test_the_chat_shows_them_through_the_guards_with_every_number(registry: str) -> None:
    written = write_items([registry])[0]
    assert written.how == TEMPLATE and written.family in (MEASURE, HISTORY)
    assert not rewrite_problems(registry, written.sentence, written.plain)
    assert not missing_numbers(registry, written.sentence)


@pytest.mark.parametrize(
    ("registry", "explained"),
    [
        ("Myeloproliferative disorders, including Ph-negative CML, myelofibrosis", "Myelofibrosis is"),
        ("Ileostomy or colostomy.", "A colostomy lets"),
        ("History of kidney trauma, glomerulonephritis or patient with one kidney", "Glomerulonephritis is"),
        ("Primary dysmenorrhea at current visit", "Dysmenorrhoea means painful periods."),
        ("Suspicion of psychogenic nonepileptic seizure.", "Psychogenic means"),
        ("You have undergone thoracotomy with lung resection.", "A thoracotomy is"),
    ],
)
def test_common_corpus_terms_are_explained_beneath(registry: str, explained: str) -> None:
    lines = term_explanations(registry, default_replacer())
    assert any(line.startswith(explained) for line in lines), lines


def test_currently_before_ongoing_is_not_swapped_into_now_ongoing() -> None:
    assert write_items(["Currently ongoing unstable angina."])[0].sentence == "Currently ongoing unstable angina."
    assert write_items(["Currently receiving chemotherapy"])[0].sentence == "Now receiving chemotherapy."


@pytest.mark.parametrize(
    ("registry", "sentence"),
    [
        ("Use of oral glucocorticoids", "You use oral glucocorticoids."),
        ("Use of highly effective contraception.", "You use highly effective birth control."),
        (
            "Use of flecainide, propafenone, donepezil, thioridazine, tramadol or digoxin",
            "You use flecainide, propafenone, donepezil, thioridazine, tramadol or digoxin.",
        ),
        ("use of strong CYP3A4 inhibitors/inducers", "You use strong CYP3A4 inhibitors/inducers."),
    ],
)
def test_use_of_a_medicine_with_no_time_is_said_as_used_now(registry: str, sentence: str) -> None:
    written = write_with_template(registry, lambda words: words)
    assert written is not None and (written.family, written.sentence) == ("medicines used now", sentence)


@pytest.mark.parametrize(
    "registry",
    [
        "Use of contact lenses currently or within the past one year",  # a time: not "You use"
        "Use of prior chemotherapy",
        "Use of any of the following:",
    ],
)
def test_use_of_with_a_time_or_a_past_is_not_said_as_used_now(registry: str) -> None:
    written = write_with_template(registry, lambda words: words)
    assert written is None or written.family != "medicines used now", written


@pytest.mark.parametrize(
    ("registry", "sentence"),
    [
        (
            "Known active bacterial, viral, fungal, mycobacterial or other infection",
            "You are known to have an active bacterial, viral, fungal, mycobacterial or other infection.",
        ),
        (
            "Known central nervous system metastases and/or carcinomatous meningitis",
            "You are known to have central nervous system metastases or carcinomatous meningitis.",
        ),
        (
            "Known HIV infection, or active hepatitis B or C infection",
            "You are known to have an HIV infection, or active hepatitis B or C infection.",
        ),
    ],
)
def test_a_known_list_of_illnesses_keeps_the_list(registry: str, sentence: str) -> None:
    written = write_with_template(registry, lambda words: words)
    assert written is not None and (written.family, written.sentence) == ("illness now", sentence)


@pytest.mark.parametrize(
    "registry",
    [
        "Known primary tumour site or origin",  # not an illness
        "Known HIV positive or hepatitis B positive",  # a test result: another template's, or the registry's words
        "Known allergy, hypersensitivity or intolerance to the study drug",  # the allergy template's
    ],
)
def test_a_known_thing_that_is_not_a_list_of_illnesses_is_left_alone(registry: str) -> None:
    written = write_with_template(registry, lambda words: words)
    assert written is None or written.family != "illness now", written


def test_a_template_sentence_ending_in_a_single_letter_keeps_its_notes_apart() -> None:
    written = write_with_template("Known human immunodeficiency virus (HIV) infection or chronic hepatitis B or C", str)
    assert written is not None
    assert written.sentence == "You are known to have an HIV infection or chronic hepatitis B or C."
    assert written.notes and all(note not in written.sentence for note in written.notes)
