"""Reader rules of session 21, each by class and each with sentences in other words than the item it
came from: watching told as advice, growth "even with" a drug, courses under way or finished, refusals
running on into "anything with", what they are on said with "if it stops working", other languages."""

from __future__ import annotations

from typing import Optional

import pytest

from bot.profile.model import TreatmentHad
from bot.profile.read import read_message


def _had(text: str) -> dict[str, Optional[str]]:
    return {t.id: t.outcome for t in read_message(text).treatments}


@pytest.mark.parametrize(
    "text",
    [
        "my dad has a 1.5cm pnet grade 1. the doctors say watch.",
        "consultant says watch, its only 1cm",
        "they told us to watch and come back in a year, 1.4cm pnet",
        "His endocrinologist wants to scan yearly. pnet 1cm",
        "his surgeon wants to scan it twice a year before deciding",
        "slow growing they say. they're just doing scans",
        "we're on watch and wait with mums pnet",
    ],
)
def test_watching_told_is_had(text: str) -> None:
    assert _had(text).get("surveillance") == "ongoing"


@pytest.mark.parametrize(
    "text",
    [
        "the doctors say watch out for hypos",
        "onc said watch the weight and come back in 6 months",
        "he has to watch the diet since the whipple",
        "we watched a documentary on PRRT",
        "surgeon says distal panc + spleen. gastro says watch. who do i believe",
    ],
)
def test_watch_that_is_not_watching_the_tumour(text: str) -> None:
    assert "surveillance" not in _had(text) and "prrt" not in _had(text)


@pytest.mark.parametrize(
    ("text", "treatment", "outcome"),
    [
        (
            "spots in my liver and they got bigger on the last scan even with the lanreotide",
            "lanreotide",
            "stopped working",
        ),
        ("the liver mets have grown even with the octreotide", "octreotide", "stopped working"),
        (
            "had 4 Lutathera in 2022 which held it for a good while, but the new scan shows a few new liver spots",
            "prrt",
            "stopped working",
        ),
        (
            "he's been on Somatuline since early 2024, the Jan scan was stable but the one in June showed 2 new ones.",
            "lanreotide",
            "stopped working",
        ),
        ("He has had 2 rounds of carboplatin and etoposide so far.", "carboplatin", "ongoing"),
        ("she's had 3 cycles of captem so far and is coping", "capecitabine_temozolomide", "ongoing"),
        ("my wife had her 4th lutathera on thursday", "prrt", "stopped"),
        ("he had his last dose of PRRT in may", "prrt", "stopped"),
        ("they did two lots of embolisation on the liver", "liver_embolisation", None),
        ("He's on the lanreotide jab. He hates the idea of doing nothing.", "lanreotide", "ongoing"),
        ("He is on Xermelo for the diarrhoea which has helped loads.", "telotristat", "ongoing"),
    ],
)
def test_what_happened_with_a_treatment(text: str, treatment: str, outcome: Optional[str]) -> None:
    assert TreatmentHad(treatment, outcome) in read_message(text).treatments, _had(text)


@pytest.mark.parametrize(
    ("text", "refused"),
    [
        ("He says he doesn't want to be a guinea pig in anything with sunitinib", "sunitinib"),
        ("she does not want to take part in anything with chemo", "chemotherapy"),
        ("he won't be a guinea pig for anything involving surgery", "surgery"),
        ("we've been told surgery but i'd rather he wasn't cut open if theres another way", "surgery"),
        ("Not interested in anything with radiation.", "prrt"),
    ],
)
def test_refusals_in_longer_words(text: str, refused: str) -> None:
    wants = read_message(text).wants
    assert refused in wants.avoid and refused not in wants.treatment


@pytest.mark.parametrize(
    "text",
    [
        "If the everolimus stops working what comes next, any trials?",
        "if the lanreotide stops working, are there trials?",
        "teletristat / xermelo - is it only for the diarrhoea or does it shrink the tumour too",
        "Been on octreotide 18 months. Any trials looking at stopping the shots?",
        "the surgeon wants to operate in January. is there any study where you get a medicine after the operation?",
        "i'd rather not be cut open",
    ],
)
def test_named_but_not_wished_for(text: str) -> None:
    wants = read_message(text).wants
    assert wants.treatment == () and wants.status is None


@pytest.mark.parametrize(
    "text",
    [
        "he's 71, G2, Ki67 18, pancreas, liver mets, no PRRT before",
        "no surgery previously, pnet 3cm",
        "she has had no chemo before, just the injections",
    ],
)
def test_not_had_before_is_neither_refused_nor_wished(text: str) -> None:
    wants = read_message(text).wants
    assert wants.treatment == () and wants.avoid == ()


def test_she_hates_the_shot_she_is_on_is_no_refusal() -> None:
    profile = read_message("Been on octreotide 18 months, stable. But she hates the monthly shot and the bruising.")
    assert profile.wants.avoid == () and TreatmentHad("octreotide", "ongoing") in profile.treatments


@pytest.mark.parametrize(
    ("text", "wanted"),
    [
        ("¿Hay algún ensayo en España con inmunoterapia para ella?", {"immunotherapy"}),
        ("¿Hay algún ensayo con lutecio en Madrid?", {"prrt"}),
        ("immunterapi studie i Sverige?", {"immunotherapy"}),
        ("Existe-t-il une étude sur la surveillance en France ?", {"surveillance"}),
        ("he won't do a trial with a placebo. is there anything just observational?", {"surveillance"}),
        (
            "His onc mentioned more PRRT after his 4 cycles. Is there any trial of giving it a second time?",
            {"prrt"},
        ),
        (
            "My doc talked about surgery to take out as much as possible and then lutathera after. "
            "I think thats what I want, is there a trial doing that?",
            {"surgery", "prrt"},
        ),
    ],
)
def test_wishes_in_other_words_and_languages(text: str, wanted: set) -> None:
    profile = read_message(text)
    assert set(profile.wants.treatment) == wanted
    assert not wanted & {t.id for t in profile.treatments if t.id != "prrt"}


def test_an_observational_study_to_give_data_to_is_no_wish_to_be_watched() -> None:
    text = "happy on surveillance. Just curious whether there are any observational studies I could contribute to."
    assert read_message(text).wants.treatment == ()


@pytest.mark.parametrize(
    ("text", "group"),
    [
        ("she's 90, stable on lanreotide 5 yrs. is she just too old for all of them? be honest", "older adult"),
        ("trials for pts 80+ with GEP-NET, PRRT, open, north america", "older adult"),
        ("we're looking for trials that take people 65+", "older adult"),
    ],
)
def test_age_group_asked_in_other_words(text: str, group: str) -> None:
    wants = read_message(text).wants
    assert wants.age_group == group and wants.status != "all"


def test_all_of_them_said_of_trials_shown_is_still_every_status() -> None:
    assert read_message("show me all of them, closed too").wants.status == "all"


@pytest.mark.parametrize(
    ("text", "grades"),
    [("my ki67 is <3%", (1,)), ("ki67 under 3", (1,)), ("ki67 under 21%", (2,)), ("ki67 up to 3%", (2,))],
)
def test_a_ki67_below_a_bound_takes_the_grade_below_it(text: str, grades: tuple) -> None:
    profile = read_message(text)
    assert profile.grades == grades and profile.ki67 is None


def test_markup_is_no_words_of_theirs() -> None:
    profile = read_message("<img src=x onerror=alert(1)> lanreotyde")
    assert profile.wants.treatment == () and profile.topic == "lanreotide"


@pytest.mark.parametrize(
    ("text", "topic"),
    [("is everolimus a chemo?", "everolimus"), ("is lanreotide a kind of chemotherapy?", "lanreotide")],
)
def test_the_treatment_asked_about_is_the_subject_not_its_kind(text: str, topic: str) -> None:
    profile = read_message(text)
    assert profile.topic == topic and profile.wants.treatment == ()


@pytest.mark.parametrize(
    "text",
    ["he's on everolimus, some mouth ulcers but manageable", "I'm on everolimus since march, mouth ulcers but ok"],
)
def test_a_side_effect_said_to_be_manageable_is_still_on_it(text: str) -> None:
    assert TreatmentHad("everolimus", "ongoing") in read_message(text).treatments
