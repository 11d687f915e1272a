"""The whole-criterion templates added for the commonest patterns still uncovered (issue 18):
each keeps every number, limit, negation and scope, and passes the guards."""

from __future__ import annotations

import pytest

from bot.eligibility.guards import rewrite_problems
from bot.eligibility.plain import TEMPLATE, plain_criteria
from bot.eligibility.templates import write_with_template

CASES = [
    # recent treatment: more ways in ("History of", "Have had any") and a limit before an event
    (
        "recent treatment",
        "History of major surgery within 3 months of screening",
        "You had major surgery within 3 months of screening.",
    ),
    (
        "recent treatment",
        "Have had any major surgery within 4 weeks prior to enrollment.",
        "You had any major surgery within 4 weeks before joining.",
    ),
    (
        "recent treatment",
        "Major surgery within the previous 30 days",
        "You had major surgery within the previous 30 days.",
    ),
    (
        "recent treatment",
        "Major surgery < 4 weeks prior to enrollment",
        "You had major surgery under 4 weeks before joining.",
    ),
    (
        "recent treatment",
        "Radiation therapy ≤ 2 weeks prior to registration.",
        "You had radiotherapy at most 2 weeks before joining.",
    ),
    # virus infection: "HIV positive", "a positive test for", "Has ..."
    ("virus infection", "HIV positive", "Tested positive for HIV."),
    ("virus infection", "Known HIV-positivity.", "Known to have tested positive for HIV."),
    ("virus infection", "HIV infected", "An infection with HIV."),
    ("virus infection", "A positive test for HIV antibody", "You have tested positive for HIV."),
    ("virus infection", "Has human immunodeficiency virus (HIV).", "An infection with HIV."),
    ("virus infection", "Has known active Hepatitis B or C.", "A known active infection with hepatitis B or C."),
    # consent
    (
        "consent",
        "Ability to understand and the willingness to sign a written informed consent document",
        "You are able to understand and willing to sign a written consent form.",
    ),
    ("consent", "Provide written informed consent", "You provide written consent."),
    # rules kept in the study plan
    (
        "other rules in the study plan",
        "Other protocol-defined inclusion/exclusion criteria may apply",
        "The study may have other rules too, in its full plan.",
    ),
    (
        "other rules in the study plan",
        "Further exclusion criteria apply",
        "The study has other rules too, in its full plan.",
    ),
    (
        "other rules in the study plan",
        "The above information is not intended to contain all considerations relevant to a patient's potential "
        "participation in a clinical trial.",
        "The list above may not hold every point that matters for taking part in the trial.",
    ),
    # other study drugs
    (
        "another trial",
        "Patients may not be receiving any other investigational agents",
        "You are not taking any other study drugs.",
    ),
    (
        "another trial",
        "Use of any other experimental drug or therapy within 30 days of baseline",
        "You used any other study drugs or treatments within 30 days of starting.",
    ),
    # allergy: "allergy or hypersensitivity" is one thing; "known allergies" takes no "a"
    ("allergy", "Known allergy or hypersensitivity to everolimus", "A known allergy to everolimus."),
    (
        "allergy",
        "Known allergies or hypersensitivity reactions to octreotide",
        "You have known allergies to octreotide.",
    ),
    # age: more ways in, and a range without a unit
    ("age", "The subject is at least 18 years old.", "You are aged at least 18 years."),
    ("age", "Age 18-60", "Aged 18 to 60 years."),
    (
        "age",
        "At least 18 years of age at the time of study registration",
        "Aged at least 18 years at the time of joining the study.",
    ),
    # consent: "able and willing", and when it is given
    ("consent", "Able and willing to give written informed consent", "Willing and able to give written consent."),
    (
        "consent",
        "Provision of written informed consent prior to any study related procedure.",
        "You have given written consent before any study procedure.",
    ),
    # following the plan: attend, adhere to
    (
        "following the study plan",
        "Willing and able to attend all study visits",
        "Willing and able to attend all study visits.",
    ),
    # organ function named alone
    ("blood counts and organ function", "Adequate organ function", "Your organs work well enough."),
    (
        "blood counts and organ function",
        "Patients must have normal organ and marrow function as defined below",
        "Your organs and bone marrow work normally, as set out below.",
    ),
]


@pytest.mark.parametrize("family, text, sentence", CASES)
def test_each_new_template_writes_a_sentence_the_guards_accept(family: str, text: str, sentence: str) -> None:
    item = plain_criteria(f"Exclusion Criteria:\n- {text}").exclusion[0]
    assert (item.how, item.family, item.sentence) == (TEMPLATE, family, sentence)
    assert rewrite_problems(text, item.sentence, item.plain) == []


@pytest.mark.parametrize(
    "text",
    [
        "Uncontrolled hypertension during Screening",  # "the entry checks that are not under control"
        "Known history of HIV infection",  # a history is the past too: the history template's
        "Major surgery < 4 weeks",  # a limit with nothing to count back from
        "Other criteria",
    ],
)
def test_what_the_new_templates_leave_alone(text: str) -> None:
    written = write_with_template(text, lambda words: words)
    assert written is None or written.family not in (
        "uncontrolled illness",
        "virus infection",
        "recent treatment",
        "other rules in the study plan",
    )


def test_a_template_explanation_is_shown_beneath_not_in_the_sentence() -> None:
    written = write_with_template("ECOG performance status 0-1", lambda words: words)
    assert written is not None and written.notes
    assert not any(note in written.sentence for note in written.notes)
