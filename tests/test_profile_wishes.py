"""What the person is looking for across a conversation: the treatment in focus asked for by pointing
back ("is there a trial of it?"), status filters, age groups. Messages written for these tests, not
taken from the development set."""

from __future__ import annotations

from typing import Optional

import pytest

from bot.profile.model import Profile
from bot.profile.read import read_message, update
from bot.profile.wishes import read_age_group


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
        (
            ("what's captem?", "the onc wants to start it", "is there a study comparing it with PRRT?"),
            ("capecitabine_temozolomide", "prrt"),
        ),
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


# -- issue 15 (session 10) --------------------------------------------------------------------
@pytest.mark.parametrize(
    ("turns", "treatment", "outcome"),
    [
        (
            ("what is lanreotide", "my wife's been on it 2 years, latest scan shows it's growing"),
            "lanreotide",
            "stopped working",
        ),
        (
            ("tell me about everolimus", "dad took it for a year but it stopped working"),
            "everolimus",
            "stopped working",
        ),
        (("whats sandostatin", "my mum is currently on it, every 4 weeks"), "octreotide", "ongoing"),
    ],
)
def test_the_treatment_talked_about_had_by_it(turns: tuple, treatment: str, outcome: str) -> None:
    profile = after(*turns)
    assert {t.id: t.outcome for t in profile.treatments}.get(treatment) == outcome
    assert treatment not in profile.wants.treatment


@pytest.mark.parametrize(
    "turns",
    [("what is lanreotide", "can he go on it?"), ("what is everolimus", "she's had it for years, the tumour I mean")],
)
def test_it_asked_about_or_the_illness_is_not_the_treatment_had(turns: tuple) -> None:
    assert after(*turns).treatments == ()


@pytest.mark.parametrize(
    ("text", "status"),
    [
        ("only ones still taking people pls", "open"),
        ("recruiting trials only", "open"),
        ("any that are open to new patients?", "open"),
        ("whats currently open for g3", "open"),
        ("not interested in closed ones", "open"),
        ("dont show me finished trials", "open"),
        ("öppna studier för NET?", "open"),
        ("closed ok", "all"),
        ("finished ones are fine too", "all"),
        ("doesnt matter if its closed", "all"),
        ("sunitinib trials regardless of status", "all"),
        (
            "any sunitinib trials recruiting?",
            "open",
        ),  # asked of trials in general (batch c labels),  # asks, not a filter
    ],
)
def test_more_status_filters(text: str, status: Optional[str]) -> None:
    assert read_message(text).wants.status == status


@pytest.mark.parametrize(
    ("text", "status"),
    [
        ("pnet trials accepting new patients in norway", "open"),
        ("studies still taking people?", "open"),
        ("everolimus studies, including ones that have ended", "all"),  # not "closed only"
        ("lanreotide trials plus the ones which were completed", "all"),
        ("any studies that finished? want to read results", "closed"),
        ("the trial that finished in 2020, what did it find?", None),  # one trial asked about, not a filter
        ("is the study taking part in leeds", None),
    ],
)
def test_status_said_with_a_clause(text: str, status: Optional[str]) -> None:
    assert read_message(text).wants.status == status


@pytest.mark.parametrize(
    ("text", "group"),
    [
        ("any trials for someone in their 80s?", "older adult"),
        ("does it take over 70s", "older adult"),
        ("G3 trials, any that accept over-75s?", "older adult"),
        ("is there an age limit? he's 82", "older adult"),
        ("81 - am I too old, be honest", "older adult"),
        ("open trials taking under-18s? she is 15", "teen"),
        ("my son is 14, are there trials for kids his age", "teen"),
        ("she's in her late 70s, any trials?", None),  # a decade told, no age group asked for
        ("I'm 70 and too old for this nonsense, any trials near Leeds?", None),  # an idiom, not a question of age
    ],
)
def test_more_age_groups(text: str, group: Optional[str]) -> None:
    assert read_message(text).wants.age_group == group


@pytest.mark.parametrize(
    ("text", "status"),
    [
        ("ok and which ones are actually open?", "open"),
        ("St James's - NET studies recruiting?", "open"),
        ("any lung carcinoid trials open?", "open"),
        ("is that one still open?", None),
        ("LUTHREE trial enrolling?", None),
    ],
)
def test_open_asked_of_trials_in_general_filters(text: str, status: Optional[str]) -> None:
    assert read_message(text).wants.status == status


@pytest.mark.parametrize(
    ("text", "status"),
    [
        ("currently enrolling pnet studies near boston", "open"),
        ("which are still taking people?", "open"),
        ("trials still looking for volunteers with a NET", "open"),
        ("is that trial still recruiting?", None),
        ("is it currently enrolling", None),
        ("historic trials of PRRT", "closed"),
        ("sunitinib studies, finished or ongoing", "all"),
        ("everolimus trials, active and completed", "all"),
    ],
)
def test_status_in_other_words(text: str, status: Optional[str]) -> None:
    assert read_message(text).wants.status == status


@pytest.mark.parametrize(
    ("text", "group"),
    [
        ("any studies that take 80 year olds?", "older adult"),
        ("open trials accepting 16-year-olds", "teen"),
        ("paeds trials please", "child"),
        ("NET trials, grown-ups only", "adult"),
        ("she was diagnosed as a teenager, any trials now?", None),
    ],
)
def test_age_groups_in_other_words(text: str, group: Optional[str]) -> None:
    assert read_message(text).wants.age_group == group


def test_on_it_said_as_i_m_on_it_is_had() -> None:
    profile = after("any trials of lanreotide for pancreas ones", "i'm on it myself, 2 yrs now")
    assert [t.id for t in profile.treatments] == ["lanreotide"]


@pytest.mark.parametrize(
    "text, status",
    [
        ("any trials for NEC recruiting rn", "open"),
        ("Sahlgrenska - which NET trials are recruiting there", "open"),
        ("anything sponsored by GETNE that's recruiting?", "open"),
        ("SELECT * FROM trials WHERE status='RECRUITING';--", "open"),
        ("is it still recruiting?", None),
        ("COMPOSE recruiting?", None),
        ("peking union EB-TATE study: recruiting still?", None),
        ("NCT04919226 recruiting?", None),
        ("is the NETTER-3 recruiting in the UK", None),
    ],
)
def test_recruiting_filters_a_list_but_asks_about_one_trial(text: str, status: str | None) -> None:
    from bot.profile.wishes import read_status

    assert read_status(text) == status


@pytest.mark.parametrize(
    "turns, group",
    [
        (["Would any trial accept a gentleman of 80? My father has a pNET."], "older adult"),
        (["my nan has a NET in her bowel", "shes 84", "would any trial even take her at that age"], "older adult"),
        (["need a trial for a 14 y/o with metastatic ileal NET"], "teen"),
        (["Pappa fyller 80 i januari. Tar studierna emot någon som är så gammal?"], "older adult"),
        (["I'm 82. My son keeps telling me trials are for young people. Am I too old for any of them?"], "older adult"),
    ],
)
def test_age_group_asked_in_everyday_words(turns: list[str], group: str) -> None:
    from bot.profile.evaluate import read_turns

    assert read_turns(turns).wants.age_group == group


@pytest.mark.parametrize(
    ("text", "group"),
    [
        ("our boy is 13 and has MEN1. is there any research for kids like him?", "teen"),
        ("my 15 yr old daughter has a pnet. a nurse said there might be a lutathera trial for kids?", "teen"),
        ("my grandpa is 83 with a pnet. are there trials he could even do at 83?", "older adult"),
        ("adult PRRT studies in Italy, recruiting only", "adult"),
        ("are there trials for young adults or does he just get lumped in with everyone?", "adult"),
    ],
)
def test_the_age_group_asked_for_in_everyday_words(text: str, group: str) -> None:
    assert read_age_group(text) == group
