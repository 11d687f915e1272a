"""Issue 18, part 3: criteria rewritten in shorter, everyday words that still read as English.

Each case is a registry phrasing from the corpus's tuned evaluation items (or one like it),
rewritten by the real pipeline (templates, glossary, guards)."""

from __future__ import annotations

import pytest

from bot.eligibility.plain import Rewritten, rule_written
from bot.eligibility.replacer import names
from bot.eligibility.rewrite_eval import Shown, jargon_explained


# The rule-based rewrite: since issue 18 (session 20) the chat shows it no more (`test_registry_words.py`),
# but templates still write their slots with it, and the report measures it as "before".
def _inclusion(text: str) -> Rewritten:
    return rule_written(text)


def _exclusion(text: str) -> Rewritten:
    return rule_written(text, exclusion=True)


@pytest.mark.parametrize(
    "text, sentence",
    [
        ("Capable of providing written informed consent", "You are able to give written consent."),
        (
            "Able to provide written informed consent before any study procedure.",
            "You are able to give written consent before any study procedure.",
        ),
        ("Agree to use an acceptable method of contraception", "Agree to use acceptable birth control."),
        ("Use a form of contraception", "Use birth control."),
        (
            "Men or women who are unwilling to employ contraception",
            "Men or women who are not willing to use birth control.",
        ),
        ("Signs or history of clinically significant health concerns", "Signs or history of major health concerns."),
        ("Evidence or history of clinically significant health concerns", "Signs or history of major health concerns."),
        ("Tumor tissue available for PD-L1 biomarker analysis", "Tissue sample available for PD-L1 marker tests."),
    ],
)
def test_everyday_words_where_the_registry_has_long_ones(text: str, sentence: str) -> None:
    assert _inclusion(text).sentence == sentence


@pytest.mark.parametrize(
    "text, sentence",
    [
        ("Subjects have a history of prior myocardial infarction", "You have had a heart attack."),
        ("Patients must not have a history of stroke", "You must not have had a stroke."),
        (
            "Presence of ileostomy or colostomy, or history of prior colon resection",
            "Having ileostomy or colostomy, or history of colon surgery to remove it.",
        ),
        (
            "Heart attack within 6 months or unstable angina pectoris",
            "Heart attack within 6 months or unstable angina.",
        ),
    ],
)
def test_history_of_an_illness_is_said_once(text: str, sentence: str) -> None:
    assert _exclusion(text).sentence == sentence


@pytest.mark.parametrize(
    "text, sentence",
    [
        (
            "Male and female patients between ages 18-55 with a diagnosis of multiple sclerosis",
            "Men or women between ages 18-55 found to have multiple sclerosis.",
        ),
        ("Diagnosis of schizophrenia, any subtype", "Found to have schizophrenia, any subtype."),
        (
            "Tolfenamic acid use within 8 weeks prior to the diagnosis of pancreatic cancer.",
            "Tolfenamic acid use within 8 weeks before the diagnosis of pancreatic cancer.",
        ),
    ],
)
def test_a_diagnosis_is_found_to_have_only_where_it_opens_the_phrase(text: str, sentence: str) -> None:
    assert _inclusion(text).sentence == sentence


@pytest.mark.parametrize(
    "text, sentence",
    [
        (
            "Patient is female who is pregnant, breastfeeding, or planning to become pregnant",
            "You are a woman who is pregnant, breastfeeding, or planning to become pregnant.",
        ),
        (
            "Subject is an investigational site staff member or the relative of an investigational site staff member.",
            "You are a hospital staff member or the relative of a hospital staff member.",
        ),
        (
            "Subject is using systemic corticosteroids or is likely to require treatment with systemic corticosteroids.",
            "You are using whole-body steroids or are likely to need treatment with whole-body steroids.",
        ),
        (
            "Has abnormal laboratory values or participant with the following laboratory abnormalities: ALT > 3 x ULN.",
            "You have abnormal lab results or you have these abnormal lab results: ALT over 3 times ULN.",
        ),
        (
            "Current enrollment in or discontinuation within the last 30 days from, a clinical trial.",
            "Now taking part in or stopping in the last 30 days from a trial.",
        ),
        (
            "Has received leflunomide before the first study agent administration",
            "You have had leflunomide before the first dose of study drug.",
        ),
        (
            "Planned surgery necessitating discontinuation of antiplatelet therapy within the 30 months following enrollment.",
            "Planned surgery that means stopping medicine that stops blood clots within the 30 months after joining.",
        ),
    ],
)
def test_word_swaps_leave_grammatical_english(text: str, sentence: str) -> None:
    assert _exclusion(text).sentence == sentence


@pytest.mark.parametrize(
    "text, sentence",
    [
        (
            "Patients may have previously received autologous peripheral blood stem cell transplantation.",
            "People may have already had an autologous peripheral blood stem cell transplant.",
        ),
        ("Patients who have not had stem cell transplantation", "You have not had a stem cell transplant."),
        (
            "Blood counts: haemoglobin ≥ 9.0 g/dl,absolute neutrophil count ≥ 1500/µl",
            "Blood counts: haemoglobin at least 9.0 g/dl, neutrophils at least 1500/µl.",
        ),
        (
            "Has a severe infection (example, untreated active tuberculosis or acute viral hepatitis.",
            "You have a severe infection (example, not yet treated active tuberculosis or acute viral hepatitis).",
        ),
    ],
)
def test_the_registry_slips_a_rewrite_can_mend(text: str, sentence: str) -> None:
    assert _exclusion(text).sentence == sentence


def test_an_explanation_is_not_shown_twice_inside_another() -> None:
    written = _inclusion(
        "Metastatic breast cancer with at least one measurable or evaluable lesion. For the phase II portion of the "
        "study, patients must have measurable disease."
    )
    assert written.notes
    assert not any(note != other and note in other for note in written.notes for other in written.notes)


def test_peripheral_blood_is_explained_as_blood_not_as_hands_and_feet() -> None:
    notes = _inclusion("Prior autologous peripheral blood stem cell transplantation is allowed.").notes
    assert any(note.startswith("Peripheral blood is") for note in notes)
    assert not any("hands" in note for note in notes)


@pytest.mark.parametrize(
    "text, term",
    [
        ("Known deficiency in bilirubin glucuronidation", "glucuronidation"),
        ("Allergy to the study product excipients (human serum albumin, DMSO, and Dextran 40)", "DMSO"),
        ("Allergy to the study product excipients (human serum albumin, DMSO, and Dextran 40)", "Dextran"),
        ("Allergy to any ingredients contained in the TCS product used in the study", "TCS"),
        ("Completion of the eDiary before randomization", "eDiary"),
        ("Tolfenamic acid use within 8 weeks", "Tolfenamic acid"),
        ("Ovarian nonepithelial cancer, including malignant mixed Mullerian tumors", "nonepithelial"),
        ("Ovarian nonepithelial cancer, including malignant mixed Mullerian tumors", "Mullerian"),
        ("Coronary angioplasty within six months", "coronary"),
        ("History of ventricular tachycardia", "ventricular tachycardia"),
        ("Low dose of long acting beta-2 agonist (LABA)/ICS combinations", "agonist"),
    ],
)
def test_terms_left_in_the_sentence_are_explained_beneath(text: str, term: str) -> None:
    written = _exclusion(text)
    assert term.lower() in written.sentence.lower()
    assert any(names(note, term) for note in written.notes), written.notes


@pytest.mark.parametrize(
    "text, term",
    [
        ("ECG abnormalities like left bundle branch block or 2nd degree AV block", "AV block"),
        ("Current use of medications known to cause QT prolongation", "QT prolongation"),
        ("Positive screen for anti-HCV antibody", "anti-HCV"),
        ("Known Gilbert's disease", "Gilbert's disease"),
        ("Bipolar II disorder", "bipolar II disorder"),
        ("Child-Pugh classification B or C", "Child-Pugh classification"),
        ("Major depression within 6 months", "major depression"),
        ("Estimated glomerular filtration rate (eGFR) < 30 mL/min", "estimated glomerular filtration rate"),
        ("Treatment with GLP-1 receptor agonists", "GLP-1 receptor agonists"),
        ("Prior complete remission", "complete remission"),
        ("Use of barbiturates", "barbiturates"),
        ("Inhibitors of cytochrome P450", "cytochrome P450"),
    ],
)
def test_a_line_beneath_names_the_form_the_registry_wrote(text: str, term: str) -> None:
    """Each form of a term gets a line that names it, as the evaluation scores it: the line for
    "conduction abnormality" does not explain "AV block" to a reader who sees only "AV block"."""
    written = _exclusion(text)
    assert jargon_explained(term, Shown(written.sentence, written.notes)), written
