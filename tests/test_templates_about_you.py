"""Whole-criterion templates of session 22 (issue 18), each on real corpus sentences: the heart's pumping
strength (LVEF), a lab value in the normal range, the common "allergic reactions attributed to compounds of
similar chemical or biologic composition" item, age with the sex words, and a criterion about "the patient"
said to "you" in the registry's words. Each keeps every number, limit, negation, exception and scope (the
guards pass it), and leaves alone what it cannot say."""

from __future__ import annotations

import pytest

from bot.eligibility.guards import rewrite_problems
from bot.eligibility.plain import TEMPLATE, plain_criteria
from bot.eligibility.registry_words import swap
from bot.eligibility.templates import write_with_template

YOU = "about you (the registry's words)"
LVEF = "heart pumping strength (LVEF)"
LABS = "blood counts and organ function"

CASES = [
    # the heart's pumping strength
    (LVEF, "Left ventricular ejection fraction ≥ 50%", "Your heart's pumping strength (LVEF) is at least 50%."),
    (LVEF, "Have a cardiac ejection fraction < 50%", "Your heart's pumping strength (LVEF) is less than 50%."),
    (LVEF, "Ejection Fraction below 30%", "Your heart's pumping strength (LVEF) is less than 30%."),
    (LVEF, "Known ejection fraction < 50%.", "Your heart's pumping strength (LVEF) is known to be less than 50%."),
    (
        LVEF,
        "Patient has a Left Ventricular Ejection Fraction (LVEF) < 50% as determined by Multiple Gated acquisition "
        "(MUGA) scan or echocardiogram (ECHO)",
        "Your heart's pumping strength (LVEF) is less than 50% as determined by Multiple Gated acquisition (MUGA) "
        "scan or echocardiogram (ECHO).",
    ),
    (
        LVEF,
        "Subjects must have a cardiac ejection fraction within the institutional range of normal as measured by "
        "Multigated Acquisition (MUGA) scan or echocardiogram (ECHO).",
        "Your heart's pumping strength (LVEF) is in the normal range of the study site's lab as measured by "
        "Multigated Acquisition (MUGA) scan or echocardiogram (ECHO).",
    ),
    # a lab value in the normal range
    (
        LABS,
        "Total bilirubin within normal institutional limits",
        "Your bilirubin is in the normal range of the study site's lab.",
    ),
    (
        LABS,
        "Creatinine within normal institutional limits",
        "Your creatinine is in the normal range of the study site's lab.",
    ),
    # the common allergy item of cancer trials
    (
        "allergy",
        "History of allergic reactions attributed to compounds of similar chemical or biologic composition to erlotinib",
        "You have had allergic reactions to medicines similar in chemical or biological make-up to erlotinib.",
    ),
    (
        "allergy",
        "A history of allergic reactions attributed to compounds of similar chemical or biologic composition to "
        "gemcitabine or nab-paclitaxel or other agents used in the study.",
        "You have had allergic reactions to medicines similar in chemical or biological make-up to gemcitabine or "
        "nab-paclitaxel or other agents used in the study.",
    ),
    (
        "allergy",
        "History of allergic reactions attributed to metformin or other agents used in study.",
        "You have had allergic reactions to metformin or other agents used in study.",
    ),
    # age with the sex words: both, or one
    ("age", "Male or Female patients who are 18 years or older.", "You are a man or a woman aged at least 18 years."),
    ("age", "Men and women, ≥ 18 years", "You are a man or a woman aged at least 18 years."),
    ("age", "Male and female subjects 18 to 65 years of age.", "You are a man or a woman aged 18 to 65 years."),
    ("age", "Male, 25-85 years old", "You are a man aged 25 to 85 years."),
    ("age", "Female patients aged 18 years or older.", "You are a woman aged at least 18 years."),
    ("age", "The patient is 18 through 80 years of age.", "You are aged 18 to 80 years."),
    # about "the patient", said to "you"
    (YOU, "Subject has glaucoma.", "You have glaucoma."),
    (
        YOU,
        "Subjects with American Society of Anesthesiologists (ASA) Class I or II",
        "You have American Society of Anesthesiologists (ASA) Class I or II.",
    ),
    (
        YOU,
        "Patient has known active central nervous system metastases.",
        "You are known to have active central nervous system metastases.",
    ),
    (
        YOU,
        "Patients who have previously been treated with systemic sonidegib (LDE225) or with other Hh pathway inhibitors",
        "You have previously been treated with systemic sonidegib (LDE225) or with other Hh pathway inhibitors.",
    ),
    (
        YOU,
        "A participant must not have used preladenant ever, or any investigational drugs within 90 days immediately "
        "before Screening.",
        "You have not used preladenant ever, or any study drugs within 90 days immediately before Screening.",
    ),
    (YOU, "Patients must not have active infection", "You do not have active infection."),
    (YOU, "Patients without measurable disease", "You do not have measurable disease."),
    (YOU, "Patient must not be pregnant and/or breastfeeding.", "You are not pregnant or breastfeeding."),
    (
        YOU,
        "Patients must be at least 18 years of age and have at least a 12-week life expectancy.",
        "You are at least 18 years of age and have at least a 12-week life expectancy.",
    ),
    (YOU, "Subject has been a nonsmoker for at least 3 months", "You have been a nonsmoker for at least 3 months."),
    (
        YOU,
        "Subject is an investigational site staff member or the relative of an investigational site staff member.",
        "You are a study site staff member or the relative of a study site staff member.",
    ),
    (YOU, "Patients with prior chemotherapy within 4 weeks", "You have had past chemotherapy within 4 weeks."),
    # "have known" would read as a verb; "You have history of" lacks its article (a blind judge, session 22)
    (
        YOU,
        "Subject has known active central nervous system metastases",
        "You are known to have active central nervous system metastases.",
    ),
    (YOU, "Patients must not have known HIV infection", "You have no known HIV infection."),
    (
        YOU,
        "Patients with history of asthma (with further criteria)",
        "You have a history of asthma (with further criteria).",
    ),
]


@pytest.mark.parametrize("family, text, sentence", CASES)
def test_each_template_writes_a_sentence_the_guards_accept(family: str, text: str, sentence: str) -> None:
    written = write_with_template(text, str)
    assert written is not None, text
    assert (written.family, written.sentence) == (family, sentence)
    assert rewrite_problems(text, written.sentence, written.sentence) == []


@pytest.mark.parametrize(
    "text",
    [
        # LVEF with a list of scans, a time, or the limit said after a verb
        "LVEF ≤ 35%, as documented by echocardiography, radionuclide ventriculography, gated SPECT, or contrast "
        "ventriculography within past 6 months",
        "Left ventricular ejection fraction determined by echocardiogram or multigated acquisition (MUGA) (cardiac scan) "
        "must be 50% or higher.",
        # a normal-range lab going on in the next item, or with a condition
        "Creatinine within normal institutional limits OR",
        "Total bilirubin: within normal institutional limits; if, however, the participant has Gilbert's disease",
        # the registry's own verb after "patients with ...", a third person, a clause that may attach to the person
        "Patients with known brain metastases should be excluded from this clinical trial because of their poor prognosis",
        "Patients with active infections, including HIV, will be excluded, due to unknown effects of the vaccine on "
        "lymphoid precursors.",
        "Patient with any other condition that would, in the Investigator's judgment, preclude patient's participation "
        "in the clinical study due to safety concerns",
        "Patients who, in the opinion of the investigator, may not be able to comply with the safety monitoring "
        "requirements of the study.",
        "Patients with corrected QT (QTc) interval of > 450 msec or those on medications known to prolong QTc interval",
        # a singular subject with a second verb, or "has" after "you"
        "Subject has had a major illness in the past 3 months and is unable to walk",
        "Subjects who are taking any traditional Chinese medication, or has been taking any traditional Chinese "
        "medication within the last 2 weeks prior to Screening Visit.",
        # a lead-in, or an item going on in the next
        "Patients are also considered to have progressive disease when:",
        "Patients with a histological/cytological diagnosis of metastatic and/or",
        # a second sentence would be shown as a note; "etc." ends no sentence
        "Has taken roflumilast within 6 months of Screening (Visit V0). Criteria within ethical considerations in terms "
        "of general health",
        "Subject has any other form of arthritis, such as, but not limited to, rheumatoid arthritis, psoriatic "
        "arthritis, gout, systemic lupus erythematosus, etc.",
        # "You are" before a plural noun, sex words after the lead, a time on a bare "have" (had it, or will have it?)
        "Patients who are past recipients of other solid organ transplants",
        "Participant must have been male or female, aged between 2 and 18 years (inclusive).",
        "Have radiation therapy within 14 days prior to randomization.",
    ],
)
def test_what_the_templates_leave_alone(text: str) -> None:
    written = write_with_template(text, str)
    assert written is None or written.family not in (YOU, LVEF, LABS), written


def test_a_more_specific_template_still_wins() -> None:
    written = write_with_template("Patients who are receiving any other investigational agents.", str)
    assert written is not None and written.family == "another trial"


def test_the_registry_words_and_their_explanations_are_kept() -> None:
    item = plain_criteria("Exclusion Criteria:\n- Patients with pulmonary insufficiency with hypoxaemia.").exclusion[0]
    assert (item.how, item.family) == (TEMPLATE, YOU)
    assert "hypoxaemia" in item.sentence
    assert any("oxygen" in note for note in item.notes)


def test_the_lvef_line_is_explained_beneath() -> None:
    item = plain_criteria("Inclusion Criteria:\n- LVEF ≥ 50%").inclusion[0]
    assert (item.how, item.family) == (TEMPLATE, LVEF)
    assert any(note.startswith("Left ventricular ejection fraction (LVEF) is") for note in item.notes)


def test_the_similar_medicines_item_is_not_cut_into_examples() -> None:
    text = (
        "A history of allergic reactions attributed to compounds of similar chemical or biologic composition to DHEA "
        "or other agents used in the study."
    )
    item = plain_criteria(f"Exclusion Criteria:\n- {text}").exclusion[0]
    assert item.sentence == (
        "You have had allergic reactions to medicines similar in chemical or biological make-up to DHEA or other "
        "agents used in the study."
    )


def test_hypersensitivity_is_not_swapped_beside_an_allergy() -> None:
    assert swap("allergy, hypersensitivity or intolerance") == "allergy, hypersensitivity or intolerance"
    assert swap("intolerance, allergy, or hypersensitivity to x") == "intolerance, allergy, or hypersensitivity to x"
    assert swap("known hypersensitivity to x") == "known allergy to x"
    assert swap("allergic or hypersensitivity reactions") == "allergic or hypersensitivity reactions"


def test_a_hypersensitivity_reaction_is_an_allergic_reaction() -> None:
    assert swap("a hypersensitivity reaction to x") == "an allergic reaction to x"
    assert swap("severe hypersensitivity reactions to x") == "severe allergic reactions to x"
