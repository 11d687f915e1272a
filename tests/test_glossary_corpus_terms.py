"""Lines beneath a criterion for the corpus terms that had none (issue 18, brief H18b): the
words the registry uses most, shown in its own words, each get one line that names them."""

from __future__ import annotations

import pytest

from bot.eligibility.plain import plain_criteria
from bot.eligibility.rewrite_eval import Shown, jargon_explained


def _notes(criterion: str) -> tuple[str, ...]:
    return plain_criteria(f"Exclusion Criteria:\n- {criterion}").exclusion[0].notes


@pytest.mark.parametrize(
    "criterion, named",
    [
        ("Unable or unwilling to provide informed consent or to comply with study procedures", "consent"),
        ("Primary malignant tumors of the central nervous system", "Tumors"),
        ("History of congestive heart failure", "Congestive heart failure"),
        ("Prior radiotherapy to the liver", "Radiotherapy"),
        ("Uncontrolled diabetes mellitus", "Diabetes mellitus"),
        ("Major surgery within 4 weeks before the first dose", "Major surgery"),
        ("Systolic blood pressure above 160 mmHg", "mmHg"),
        ("Heart rate below 50 beats per minute or PR interval above 200 msec", "msec"),
        ("Known fungal infections", "fungal infection"),
        ("Chronic use of steroids", "steroid"),
        ("Inflammatory bowel disease or chronic diarrhea", "Diarrhea"),
        ("Febrile neutropenia in the last month", "Febrile"),
    ],
)
def test_a_common_corpus_term_gets_a_line_that_names_it(criterion: str, named: str) -> None:
    assert any(named in note for note in _notes(criterion)), _notes(criterion)


def test_a_line_covers_the_term_in_either_spelling_as_the_scorer_reads_it() -> None:
    for criterion, term in (("Primary tumors of the brain", "tumors"), ("Primary tumour of the brain", "tumour")):
        item = plain_criteria(f"Exclusion Criteria:\n- {criterion}").exclusion[0]
        assert jargon_explained(term, Shown(item.sentence, item.notes)), item.notes


def test_double_barrier_contraception_is_explained_once() -> None:
    notes = _notes("Not willing to use double barrier contraception (a double barrier method) during the study")
    assert sum("double barrier" in note.lower() for note in notes) == 1, notes


def test_everyday_words_of_a_term_get_no_line() -> None:
    notes = _notes("Any study drug or study treatment given in another trial")
    assert not any("investigational" in note.lower() for note in notes), notes


def test_no_line_for_a_term_the_swap_took_out() -> None:
    """ "Allergy to the study product" needs no line about "the investigational product", nor "Had a heart
    attack" one about "myocardial infarction" (a blind judge read both as stray)."""
    assert not any("tested in the study" in note for note in _notes("Allergy to the investigational product"))
    assert not any("Myocardial" in note for note in _notes("History of myocardial infarction within 6 months"))


def test_no_explanation_starts_with_a_small_letter() -> None:
    """The language guard reads a line beneath that starts in lower case ("mmHg is ...") as a broken sentence."""
    from bot.eligibility.glossary import load_entries
    from bot.eligibility.replacer import explanation

    small = [entry.key for entry in load_entries() if entry.explain and explanation(entry, entry.key)[:1].islower()]
    assert small == []
