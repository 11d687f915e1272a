"""What the person is looking for across a conversation: the treatment in focus asked for by pointing
back ("is there a trial of it?"), status filters, age groups. Messages written for these tests, not
taken from the development set."""
from __future__ import annotations

from typing import Optional

import pytest

from bot.profile.model import Profile
from bot.profile.read import read_message, update


def after(*turns: str) -> Profile:
    profile = Profile()
    for turn in turns:
        profile = update(profile, turn)
    return profile


@pytest.mark.parametrize(
    ("turns", "want"),
    [
        (("lutathera", "is it available on trial in ireland? my dad is 70, pnet"), ("prrt",)),
        (("what is belzutifan", "my son has VHL and a pnet. any trial of it he could try?"), ("belzutifan",)),
        (("cabozantinib", "any trials for pancreas NETs?"), ("cabozantinib",)),
        (("what's captem?", "the onc wants to start it", "is there a study comparing it with PRRT?"), ("capecitabine_temozolomide", "prrt")),
        (("what's PRRT", "they've offered it to my wife, pnet g2", "is there a trial of it near Leeds?"), ("prrt",)),
    ],
)
def test_a_trial_asked_for_by_pointing_back(turns: tuple, want: tuple) -> None:
    assert set(after(*turns).wants.treatment) == set(want)


def test_a_treatment_already_had_is_never_the_wish_pointed_back_to() -> None:
    profile = after("lanreotide", "my mum has been on lanreotide for 3 years, it stopped working. any trials of it?")
    assert "lanreotide" not in profile.wants.treatment


def test_a_topic_is_not_wanted_when_the_new_message_asks_something_unrelated() -> None:
    assert after("what is PRRT", "my dad is 70 with a pnet and lives in Leeds").wants.treatment == ()


@pytest.mark.parametrize(
    ("text", "status"),
    [
        ("only recruiting ones please", "open"),
        ("GETNE trials recruiting", "open"),
        ("looking for current trials only, nothing closed", "open"),
        ("include completed studies", "all"),
        ("all prrt trials, open or not", "all"),
        ("trials that have finished for pnet", "closed"),
        ("show me old trials of sunitinib", "closed"),
        # "past" and "old" said of the person are no filter
        ("my consultant thinks I'm past trials, I'm 84", None),
        ("is he too old for the trials? he's 91", None),
    ],
)
def test_status_filters(text: str, status: Optional[str]) -> None:
    assert read_message(text).wants.status == status


@pytest.mark.parametrize(
    ("text", "group"),
    [
        ("is my dad too old for the trials? he's 91", "older adult"),
        ("pt is 88 - which prrt trials have no upper age limit", "older adult"),
        ("my nan is 83, is there anything she'd qualify for at her age?", "older adult"),
        # a feeling, or one treatment, is no age group asked for
        ("my grandad is 83 and says he's too old for guinea pig stuff", None),
        ("mum is 79, would they say shes past it for the radioactive one?", None),
    ],
)
def test_age_group_from_the_patients_age(text: str, group: Optional[str]) -> None:
    assert read_message(text).wants.age_group == group


@pytest.mark.parametrize(
    ("text", "avoid"),
    [
        ("she doesnt want any more surgery, whats out there", ("surgery",)),
        ("he's had enough of the injections, something in tablet form?", ("somatostatin_analogue",)),
        ("something less invasive than surgery?", ("surgery",)),
        ("my dad won't have any more chemo, is there anything else", ("chemotherapy",)),
        ("we're tired of the jabs, any trials with tablets instead?", ("somatostatin_analogue",)),
    ],
)
def test_what_is_ruled_out_in_everyday_words(text: str, avoid: tuple) -> None:
    assert read_message(text).wants.avoid == avoid


@pytest.mark.parametrize(
    ("text", "phase"),
    [
        ("phase 3 trials of cabozantinib", 3),
        ("looking for phase III only", 3),
        ("any ph2 trials for pnet", 2),
        ("P3 prrt trials", 3),
        ("is there a phase 1b study for g3", 1),
        ("a first-in-human trial for NEC", 1),
        ("my husband had a PET scan at 3pm", None),
    ],
)
def test_the_phase_asked_for(text: str, phase: Optional[int]) -> None:
    assert read_message(text).wants.phase == phase
