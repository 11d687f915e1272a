"""Issue 18, part 2: rewrites that read as English. Each case is a kind of defect found by
reading rewritten items (tuned and corpus items): the criterion's sentence must say `kept` and
never `never`. The fixes are general; the corpus test checks them over every registry text."""

from __future__ import annotations

import pytest

from bot.eligibility.glossary import _entry
from bot.eligibility.plain import plain_criteria, rule_written
from bot.eligibility.replacer import Entry, Replacer


def _sentence(criterion: str, section: str = "Inclusion") -> str:
    """The rule-based rewrite (templates write their slots with it; the chat shows the registry's words)."""
    return rule_written(criterion, exclusion=section == "Exclusion").sentence


@pytest.mark.parametrize(
    "criterion, kept, never",
    [
        # "study patients" -> "people" must not take the word "study" from "of the study"
        (
            "For the phase II portion of the study patients will be required to have measurable disease.",
            "portion of the study, people must",
            "portion of the people",
        ),
        # "willingness" after a noun stays a noun; after "able to" it becomes "willing"
        ("Decision making capacity and willingness to comply with scheduled visits.", "and willingness to", None),
        ("Ability and willingness to comply with the study protocol.", "Being able and willing to", None),
        ("Patients must have the ability to understand and willingness to take part.", "and willingness to", None),
        ("Able to provide tissue and willingness to undergo a biopsy.", "and willing to", "willingness"),
        # a relative clause keeps its subject when the sentence has a verb of its own
        (
            "Patients who have received platinum for a prior cancer are eligible provided at least 12 months "
            "have elapsed since the last dose.",
            "People who have had platinum",
            "You have",
        ),
        (
            "Subjects who are of childbearing potential must have a negative pregnancy test.",
            "People who",
            "You are",
        ),
        # two subjects joined: "You have had X or those who have had Y"
        (
            "Subjects have received ADHD treatment for over 1 year or those who have received other ADHD "
            "treatment within 30 days prior to the study.",
            "or you have had other",
            "those who",
        ),
        # a mass noun stays a mass noun
        ("Females must use double barrier contraception", "use double barrier birth control", None),
        ("Subjects with serious or unstable medical illness", "serious or unstable illness", "health problem"),
        ("Patients with renal impairment", "kidney problems", None),
        ("Progressive neurologic dysfunction", "nerve problems", None),
        # a plural stays a plural
        ("Male or female patients with primary malignant tumors of the CNS", "tumours", "tumour of"),
        ("Prior malignancies within 3 years", "cancers", None),
        ("Prior tyrosine kinase inhibitors are allowed", "targeted drugs (TKIs)", None),
        ("The investigator's judgement", "study doctor's", "study doctors"),
        # a hyphen does not join the last word of several to the next word
        ("History of diseases with central nervous system (CNS)-involvement", "spinal cord involvement", "cord-"),
        # "evaluation of" reads as "checking", never "the check of"
        ("Disease that would confound the evaluation of adverse events", "checking side effects", "check of"),
        ("Evaluation of cerebrospinal fluid is only required if there is suspicion", "Checking", "Check of"),
        ("Based on the assessment of the investigator", "study doctor", "checking"),
        # the registry's scope: a condition is not an illness
        ("Mental condition that would prevent consent", "Mental health condition", "illness"),
        # a noun needs its article; a swap must not break "X of"
        (
            "History of allergy or hypersensitivity to study product excipients (human serum albumin, DMSO, and Dextran 40)",
            "an allergy",
            None,
        ),
        ("Temporary loss of or abnormality of sense of smell", "problem with sense", "problem of"),
        ("Inadequate response to topical treatments", "Poor response", "not good enough response"),
        ("Makes the patient inappropriate for this study", "not suitable", None),
        ("Estimated blood loss over 500 mL at surgery", "Estimated blood loss", "Worked out"),
        ("Concomitant participation in another study", "Also taking part", "current taking part"),
        # "not excluded" keeps its "not": the meaning guard refused "can still join" unless another "not" hid it
        (
            "Participants with carcinoma in situ of any type are not excluded if they have undergone complete resection.",
            "are not ruled out",
            "can still join",
        ),
    ],
)
def test_the_rewrite_reads_as_english(criterion: str, kept: str, never: str | None) -> None:
    sentence = _sentence(criterion)
    assert kept in sentence, sentence
    if never:
        assert never not in sentence, sentence


def test_a_leading_dash_does_not_keep_the_sentence_in_lower_case() -> None:
    assert _sentence("- History of chronic infection", "Exclusion").startswith("- History")


def test_a_plural_form_takes_the_plural_words() -> None:
    r = Replacer([Entry("tumor", "tumour", forms=("tumors",), plural="tumours")])
    assert r.rewrite("tumors and a tumor") == "tumours and a tumour"


def test_a_term_shown_in_the_registry_words_is_glossed_in_the_plural() -> None:
    from bot.eligibility.explain import term_explanations
    from bot.eligibility.glossary import default_replacer

    assert "Neoplasms: tumours." in term_explanations("Prior neoplasms", default_replacer())


def test_a_vaccination_kept_in_the_sentence_is_explained_by_name() -> None:
    item = plain_criteria("Exclusion Criteria:\n- Vaccination with a live vaccine within 30 days").exclusion[0]
    assert item.sentence.startswith("Vaccination") and any(n.startswith("Vaccination means") for n in item.notes)


def test_glossary_plural_words_are_checked_like_plain() -> None:
    with pytest.raises(ValueError, match="number"):
        _entry({"term": "x", "forms": ["xs"], "plain": "y", "plural": "2 ys"})
