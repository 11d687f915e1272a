"""Issue 18, session 23: whole-criterion templates for an illness had or had now ("History or presence
of X", "Presence of X", "Known or suspected X", "Known/active/serious X", "Diagnosis of X") and for a
treatment had before ("Prior chemotherapy", "Prior use of X"), each keeping the registry's scope."""

from __future__ import annotations

import pytest

from bot.eligibility.plain import write_items
from bot.eligibility.templates import write_with_template


def _template(text: str) -> tuple[str, str]:
    written = write_with_template(text, lambda words: words)
    assert written is not None, text
    return written.family, written.sentence


@pytest.mark.parametrize(
    ("registry", "family", "sentence"),
    [
        ("Presence or history of seizures", "history or presence of an illness", "You have, or have had, seizures."),
        (
            "Current or past history of seizure disorder or brain injury.",
            "history or presence of an illness",
            "You have, or have had, a seizure disorder or brain injury.",
        ),
        ("Current or history of glaucoma", "history or presence of an illness", "You have, or have had, glaucoma."),
        ("Presence of a pacemaker", "illness now", "You have a pacemaker."),
        ("The presence of active brain metastases", "illness now", "You have active brain metastases."),
        (
            "Known or suspected secondary hypertension.",
            "illness known or thought to be there",
            "You are known or thought to have secondary hypertension.",
        ),
        ("Diagnosis of type 1 diabetes", "diagnosis of an illness", "You have been diagnosed with type 1 diabetes."),
        ("Serious medical condition", "illness now", "You have a serious medical condition."),
        (
            "Known current or active cow's milk allergy",
            "illness now",
            "You are known to have a current or active cow's milk allergy.",
        ),
        ("Prior chemotherapy", "earlier treatment", "You have already had chemotherapy."),
        ("Prior use of DAPD or ENF", "earlier treatment", "You have already used DAPD or ENF."),
    ],
)
def test_the_new_templates_write_the_whole_criterion(registry: str, family: str, sentence: str) -> None:
    assert _template(registry) == (family, sentence)


@pytest.mark.parametrize(
    "registry",
    [
        "Presence of at least one measurable lesion that:",  # a lead-in
        "Prior chemotherapy:",  # a heading over a list: not a treatment had
        "Presence or history of seizures:",
        "PRIOR CONCURRENT THERAPY",  # a heading in capitals
        "Previous Therapy",  # a heading with no colon
        "Previous lack of response to electroconvulsive therapy",  # a response, not a treatment had
        "Known hormone receptor status of the primary tumor",  # the status is known, not an illness
        "Known hypersensibility to abacavir",
        "Presence of clinically significant hepatic",  # a list cut short
        "Presence of any of the following",
        "Known HIV-positive patients",  # a person, not an illness
        "Active smokers",
        "Known to be HIV positive",
        "Known sensitivity to porphyrin type drugs",  # "a sensitivity": left to the registry's words
        "Diagnosis of type 2 diabetes at least 3 months prior to screening",  # a time the template would drop
        "Prior hypersensitivity or dose-limiting toxicity with docetaxel",  # not a treatment
        "Prior to enrolment, patients must sign consent",
    ],
)
def test_the_new_templates_leave_what_they_cannot_say_whole(registry: str) -> None:
    written = write_with_template(registry, lambda words: words)
    assert written is None or written.family not in (
        "history or presence of an illness",
        "illness now",
        "illness known or thought to be there",
        "diagnosis of an illness",
    ), written
    if written is not None and written.family == "earlier treatment":
        raise AssertionError(written)


def test_a_treatment_allowed_is_not_read_as_a_treatment_had() -> None:
    """Before: "Had treatment with lenalidomide is allowed in the past." (the older template)."""
    written = write_items(["Prior treatment with lenalidomide is allowed"])[0]
    assert "is allowed in the past" not in written.sentence
    assert "allowed" in written.sentence


def test_an_article_goes_before_the_illness_not_before_what_it_comes_from() -> None:
    assert _template("Active CNS disease from hematological disorder")[1].startswith("You have active CNS disease")


@pytest.mark.parametrize(
    "registry",
    [
        "History or presence of brain metastasis or leptomeningeal disease",
        "Known or suspected gram-positive infection.",
        "Presence or history of any other primary malignancy",
        "Severe depression requiring medication",
    ],
)
def test_what_is_shown_passes_the_guards_as_a_template(registry: str) -> None:
    written = write_items([registry])[0]
    assert written.how == "template", written
    assert not written.refused
