"""Treatments read by class of wording: a course told by its count is over ("stopped"), a start asked about is no
history, and a symptom medicine felt now is taken ("ongoing"). Each class in wordings of its own, not the
development set's."""

from __future__ import annotations

import pytest

from bot.profile.read import read_message


def _had(text: str) -> dict[str, str | None]:
    return {t.id: t.outcome for t in read_message(text).treatments}


# -- a counted course told in the past is "stopped" ----------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "treatment"),
    [
        ("dad had octreotide for a while and then 3 lots of lutathera in 2022, scans stable since", "prrt"),
        ("she got 4 Lutathera infusions last year at the Royal Free", "prrt"),
        ("he has had his 4th and final lutathera, when can he see the grandkids", "prrt"),
        ("mi marito ha fatto 4 cicli di everolimus l'anno scorso", "everolimus"),
        ("pappa har fått tre behandlingar med Lutathera i Uppsala", "prrt"),
        ("Mum had six rounds of capecitabine back in 2021 and nothing since", "capecitabine"),
        ("my husband had two courses of sunitinib a while back", "sunitinib"),
    ],
)
def test_a_counted_course_told_in_the_past_is_stopped(text: str, treatment: str) -> None:
    assert _had(text).get(treatment) == "stopped"


@pytest.mark.parametrize(
    ("text", "treatment", "outcome"),
    [
        ("she is having 4 rounds of lutathera, are there trials for after?", "prrt", "ongoing"),
        ("he's 64, lanreotide shots monthly", "lanreotide", "ongoing"),
        ("2 rounds of carboplatin and etoposide so far", "carboplatin", "ongoing"),
    ],
)
def test_a_count_that_is_not_a_course_over(text: str, treatment: str, outcome: str) -> None:
    assert _had(text).get(treatment) == outcome


def test_a_counted_course_to_come_is_not_one_over() -> None:
    assert _had("they want to give him 4 cycles of PRRT next month").get("prrt") != "stopped"


# -- a start asked about is not a treatment had --------------------------------------------------------------


@pytest.mark.parametrize(
    "text",
    [
        "any tips for starting lanreotide?",
        "advice on starting everolimus please, I'm a bit scared",
        "what's it like starting sunitinib?",
        "really nervous about starting octreotide, anyone been through it?",
        "what should I expect when starting capecitabine",
        "is it ok to have a drink when starting lanreotide",
    ],
)
def test_a_start_asked_about_is_no_history(text: str) -> None:
    assert read_message(text).treatments == ()


@pytest.mark.parametrize(
    ("text", "treatment"),
    [
        ("since starting lanreotide my stools are pale", "lanreotide"),
        ("she is starting everolimus, any trials we should know about?", "everolimus"),
    ],
)
def test_a_start_told_is_still_had(text: str, treatment: str) -> None:
    assert treatment in _had(text)


# -- a symptom medicine felt now is taken, ongoing -----------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "treatment"),
    [
        ("xermelo not touching the runs at all, 2 months in", "telotristat"),
        ("telotristat isn't doing much for my diarrhoea, anyone else?", "telotristat"),
        ("diazoxide making my hands swell, is that normal", "diazoxide"),
        ("diazoxide giving me fluid on the ankles lol", "diazoxide"),
        ("proglycem hardly touching the hypos this week", "diazoxide"),
        ("xermelo making me so constipated now", "telotristat"),
    ],
)
def test_a_symptom_medicine_felt_now_is_ongoing(text: str, treatment: str) -> None:
    profile = read_message(text)
    assert {t.id: t.outcome for t in profile.treatments}.get(treatment) == "ongoing"
    assert treatment not in profile.wants.treatment


def test_a_symptom_medicine_asked_about_in_general_is_not_had() -> None:
    assert read_message("does xermelo cause constipation?").treatments == ()
