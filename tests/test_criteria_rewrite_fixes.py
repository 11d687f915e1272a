"""Issue 18, session 13: word swaps that changed the meaning or broke the grammar, lines beneath
an item that did not name the word they explain, and the scorer's spelling blind spots."""

from __future__ import annotations

import pytest

from bot.eligibility.explain import term_explanations
from bot.eligibility.forbidden_words import neutral, tells_can_join
from bot.eligibility.glossary import default_replacer
from bot.eligibility.plain import rewrite, rule_written
from bot.eligibility.replacer import names
from bot.eligibility.rewrite_eval import Shown, jargon_explained


def _exclusion(criterion: str):
    """The rule-based rewrite (templates write their slots with it; the chat shows the registry's words)."""
    return rule_written(criterion, exclusion=True)


@pytest.mark.parametrize(
    "criterion, kept, never",
    [
        ("Not applicable for Part B", "Does not apply to Part B", "right"),  # not "Not right for Part B"
        ("Patients not eligible for sorafenib therapy", "not suitable for sorafenib", "cannot join"),
        ("Not eligible for radiosurgery", "Not suitable for radiosurgery", "allowed"),
        ("Background lipid therapy (if applicable)", "if it applies", "if right"),
        (
            "PIK3CA mutant breast cancer progressed on at least one line of prior endocrine therapy",
            "got worse on at least one line",
            "growth of the cancer",
        ),
        (
            "Histologically confirmed recurrent or metastatic melanoma",
            "melanoma that has come back or spread",
            "returning or",
        ),
        (
            "Patients must have a negative pregnancy test and be willing to use birth control",
            "and are willing to use",
            "and be willing",
        ),
        ("Known hypersensitivity to any of the study drugs", "study drugs", "study drug."),
        ("Participants who have received up to two prior therapies", "two past treatments", "past treatment."),
        (
            "Subject smokes more than 5 cigarettes or the equivalent in tobacco daily",
            "or the same amount in tobacco",
            "the similar",
        ),
        ("Histologically-documented diffuse large B-cell lymphoma", "Lab-confirmed", "lab-tested-recorded"),
    ],
)
def test_the_rewrite_keeps_the_meaning_and_reads_as_english(criterion: str, kept: str, never: str) -> None:
    written = rewrite(criterion)
    assert kept in written and never not in written, written


@pytest.mark.parametrize(
    "criterion, line",
    [
        (
            "Abnormal EKG",
            "EKG: An ECG (electrocardiogram) is a heart trace. It records the electrical activity of the heart.",
        ),
        ("Prior coronary stenting", "Coronary stenting: A stent is a small tube put in to hold a passage open."),
    ],
)
def test_a_line_beneath_names_the_registry_word_it_explains(criterion: str, line: str) -> None:
    assert line in _exclusion(criterion).notes


def test_a_line_about_words_the_sentence_no_longer_uses_names_only_its_own_words() -> None:
    item = _exclusion("SGPT over 3 times ULN")  # the sentence says "ALT"
    assert "ALT" in item.sentence and not any(note.startswith("SGPT") for note in item.notes), item.notes


@pytest.mark.parametrize(
    "sentence, words, named",
    [
        ("Randomisation means being put into a treatment group by chance.", "randomization", True),
        ("Antibodies are proteins the immune system makes.", "antibody", True),
        ("Ischaemia means part of the body is not getting enough blood.", "ischemia", True),
        ("An ECG (heart trace) records the electrical activity of the heart.", "EKG", False),
        ("A stent is a small tube put in to hold a passage open.", "stenting", False),
        ("HIV is a virus that weakens the immune system.", "HIV-1 infection", True),
    ],
)
def test_names_reads_plurals_and_spellings_alike(sentence: str, words: str, named: bool) -> None:
    assert names(sentence, words) is named


@pytest.mark.parametrize(
    "term, shown, explained",
    [
        (
            "randomization",
            Shown("Before randomization.", ("Randomisation means being put into a group by chance.",)),
            True,
        ),
        ("antibody", Shown("Positive antibody test.", ("Antibodies are proteins the immune system makes.",)), True),
        (
            "evaluable lesion",
            Shown("One evaluable lesion.", ("Measurable means big enough. Evaluable means it can be followed.",)),
            True,
        ),
        ("randomization", Shown("Before randomization.", ("Screening is the checks before a study.",)), False),
    ],
)
def test_the_scorer_reads_spellings_plurals_and_every_sentence_of_a_line(
    term: str, shown: Shown, explained: bool
) -> None:
    assert jargon_explained(term, shown) is explained


def test_a_registry_word_shown_as_written_gets_its_everyday_word_beneath() -> None:
    lines = term_explanations("Use of systemic corticosteroids", default_replacer())
    assert any(
        "steroids" in line and line.lower().startswith(("systemic corticosteroids", "corticosteroids"))
        for line in lines
    ), lines


@pytest.mark.parametrize(
    "text, hedged",
    [
        ("You are allowed if your disease is stable.", True),
        ("You are allowed to join.", True),
        ("You are allowed to use inhaled steroids.", False),  # a rule about a medicine, not about joining
    ],
)
def test_allowed_is_never_a_promise_to_join(text: str, hedged: bool) -> None:
    assert tells_can_join(text) is hedged
    assert not tells_can_join(neutral(text))


def test_eligible_becomes_allowed_and_never_tells_the_person_they_can_join() -> None:
    written = rewrite("Patients with treated brain metastases are eligible")
    assert "allowed" in written and not tells_can_join(written)
    assert not tells_can_join(rewrite("Patients are eligible if they have a stable disease"))


def test_a_drug_named_by_its_stem_is_explained_by_its_kind_each_one_once() -> None:
    notes = _exclusion("Use of atorvastatin or losartan or lisinopril since April; prior voriconazole").notes
    assert "Atorvastatin is a medicine that lowers cholesterol." in notes
    assert "Losartan is a medicine that lowers blood pressure." in notes
    assert "Lisinopril is a medicine that lowers blood pressure." in notes
    assert "Voriconazole is a medicine for fungal infections." in notes
    assert not any(note.startswith("April") for note in notes)


def test_a_cancer_drug_ending_like_an_antibiotic_is_not_called_one() -> None:
    notes = _exclusion("Prior bleomycin or doxorubicin").notes
    assert not any("antibiotic" in note for note in notes), notes
    assert "Doxorubicin is a chemotherapy drug." in notes


def test_each_drug_of_one_entry_gets_its_own_line() -> None:
    notes = _exclusion("Current use of ritonavir, saquinavir or nelfinavir").notes
    assert {
        "Ritonavir is a medicine for HIV.",
        "Saquinavir is a medicine for HIV.",
        "Nelfinavir is a medicine for HIV.",
    } <= set(notes)


def test_a_plural_of_a_term_is_not_explained_twice() -> None:
    notes = _exclusion(
        "Alkaline phosphatase <= 2.5 x ULN, or alkaline phosphatases <= 5 x ULN with bone metastases"
    ).notes
    assert sum("phosphatase" in note.lower() for note in notes) == 1, notes


# Issue 18, session 18: swaps found by reading 50 rewritten items, and the grammar of plurals.
@pytest.mark.parametrize(
    "criterion, kept, never",
    [
        ("Use of systemic antibiotics within 7 days", "whole-body antibiotics", "Use of antibiotics"),
        ("Sinus surgery or perforation", "perforation", "hole in the gut"),  # a nose, not a gut
        ("History of bowel perforation", "hole in the gut", "perforation"),
        ("Able to understand English sufficiently", "sufficiently", "fully"),  # "fully" asked for more
        ("Use of antiplatelet agents", "medicines that stop blood clots", "drug that stops blood clots"),
        ("Use of anticoagulants", "blood thinners", "blood thinner."),
        ("Requires a corticosteroid", "a steroid", "a steroids"),
        ("Immunocompromised patients", "People with a weak immune system", "Weak immune system people"),
        ("Known immunosuppression", "immunosuppression", "drugs that weaken"),  # a state, not a medicine
        ("Serious medical illnesses", "Serious illnesses", "illness."),  # a mass noun kept one
        ("Presence of prior history of malignancies", "Having a history of cancer", "Having history"),
        ("Interfere with subject study compliance", "following the study plan", "person study"),
        ("Severe nausea", "Severe nausea", "Severe feeling sick"),
    ],
)
def test_session_18_swaps_keep_the_meaning_and_the_grammar(criterion: str, kept: str, never: str) -> None:
    plain = _exclusion(criterion).plain
    assert kept in plain and never not in plain, plain


def test_a_base_verb_gets_a_base_verb() -> None:
    assert "to get a" in rewrite("in case of impossibility to obtain a specimen, diagnosis by imaging")
    assert "must be taken" in rewrite("Tissue must be obtained before treatment.")
