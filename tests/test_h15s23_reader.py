"""Session 23 (issue 15): the reader fixed by class of wording, checked on sentences written for these tests
(none is a development-set item).

- Ages: "just turned", an age sent on its own after the person was named, "Jo's 39", Dutch "ze is",
  Polish "lata", "55 years, woman", "mums 70" (bot/profile/person.py).
- Who: "my dad's the patient", "I'm the patient btw", and an "I" in passing after a relative was named
  (bot/profile/person.py, bot/profile/read.py).
- Places: words between "we're" or "lives" and "in", Portuguese "moro em", "St. John's", a longer town
  name than the lexicon's, a Polish town in the locative ("w Poznaniu"), "WA" as Washington beside a
  US town, Newfoundland and Labrador (bot/profile/place.py).
- Treatments: growth shown by a scan is the treatment's, Dutch "op de" is no operation, "then X, which
  wrecked ... so they stopped it", Norwegian "vokser", "progresó con A y después con B", a decimal point
  is no sentence end, an operation had before one planned, the treatments of a trial the doctor
  mentioned (bot/profile/treatments.py, treatment_names.py, treatment_outcomes.py, treatment_roles.py,
  surgery_story.py, pointed_back.py).
- Wishes: age groups from "is 77 too old for that", "someone who's 81", "taking 16 y/o", "an
  80-something", "qualify at 71", Swedish "för gammal för studier", and the young group put right by the
  age said next; "what trials are open for me" (bot/profile/wishes.py, bot/profile/read.py).
- Tumour: a Ki-67 put right in a later message, "can't find where it started", "grad 2"
  (bot/profile/tumour.py, bot/profile/read.py).
"""

from __future__ import annotations

import pytest

from bot.profile.evaluate import read_turns
from bot.profile.read import read_message


def had(text: str) -> dict[str, object]:
    return {t.id: t.outcome for t in read_message(text).treatments}


# -- ages --------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "age"),
    [
        ("my daughter just turned sixteen, she has a NET in her appendix", 16),
        ("Writing about my mum, she's just turned 72. pancreatic NET with liver spots", 72),
        ("I just turned 61 and have a small bowel NET", 61),
        ("Just turned 45 last month. Pancreatic NET, grade 1, any trials for me?", 45),
        ("mijn man heeft een pNET. hij is 70", 70),
        ("tata ma 71 lata, NET trzustki", 71),
        ("I have a NET in my pancreas, G1, 47 years, man", 47),
        ("dads 74, pnet with liver mets", 74),
    ],
)
def test_ages_written_in_these_ways_are_read(text: str, age: int) -> None:
    assert read_message(text).age == age


def test_a_first_name_and_an_age_after_the_person_was_named() -> None:
    profile = read_turns(["my partner Sam has just been told it's a NET", "Sam's 47, they said grade 2"])
    assert (profile.about, profile.age) == ("partner", 47)
    assert read_message("It's 47, fine").age is None


def test_an_age_sent_on_its_own_after_the_person_is_theirs() -> None:
    profile = read_turns(["ok so my wife", "is 58", "and she has a pnet"])
    assert (profile.about, profile.age) == ("partner", 58)


def test_a_ki67_put_right_is_not_an_age() -> None:
    profile = read_turns(["ki67 3,5%, what grade is that?", "sorry typo its 35 not 3,5"])
    assert profile.age is None
    assert (profile.ki67, profile.grades) == (35, (3,))


# -- who -------------------------------------------------------------------------------------


def test_a_relative_said_to_be_the_patient_replaces_the_writer() -> None:
    profile = read_turns(["I live in Perth", "my dad's the patient, he's 80"])
    assert (profile.about, profile.age, profile.sex) == ("parent", 80, "male")


def test_an_i_in_passing_after_a_relative_keeps_the_relative() -> None:
    profile = read_turns(["my husband has a NET in his bowel", "sorry, I just checked the letter, it's grade 2"])
    assert profile.about == "partner"


def test_the_writer_saying_they_are_the_patient_wins() -> None:
    profile = read_turns(["we just moved to Leeds for my husband's work", "I'm the patient btw. 44, pnet g1"])
    assert (profile.about, profile.age) == ("self", 44)


def test_a_relative_watched_in_passing_is_not_the_patient() -> None:
    profile = read_message(
        "I'm 58, male. Lung carcinoid in my right lung. No chemo please, I watched my brother go through it."
    )
    assert (profile.about, profile.age) == ("self", 58)


# -- places ----------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "city", "country"),
    [
        ("my mum is 70 and we're all in Swindon. she has a pnet", "Swindon", "GB"),
        ("my gran lives on her own in Truro, she has a carcinoid", "Truro", "GB"),
        ("tenho um tumor neuroendócrino. Moro em Recife.", "Recife", "BR"),
        ("we live in St. John's, any trials?", "St. John's", "CA"),
        ("we moved to Newcastle upon Tyne last year", "Newcastle upon Tyne", "GB"),
        ("vivimos en Santa Cruz de la Palma, hay ensayos?", "Santa Cruz de la Palma", "ES"),
    ],
)
def test_home_towns_said_these_ways_are_read(text: str, city: str, country: str) -> None:
    place = read_message(text).place
    assert (place.city, place.country) == (city, country)


def test_wa_beside_a_us_town_is_washington_and_beside_an_australian_one_western_australia() -> None:
    assert read_message("I'm in Spokane, WA. pnet g2").place.region == "Washington"
    assert read_message("I'm in Bunbury, WA. pnet g2").place.region == "Western Australia"


def test_a_polish_town_in_the_locative() -> None:
    place = read_message("Dzień dobry, tata ma 70 lat. Mieszkamy w Poznaniu.").place
    assert (place.city, place.country) == ("Poznań", "PL")


def test_newfoundland_is_named_in_full() -> None:
    assert read_message("we live in Corner Brook, NL").place.region == "Newfoundland and Labrador"


# -- treatments ------------------------------------------------------------------------------


def test_growth_a_scan_shows_is_the_treatments() -> None:
    assert had("She was on lanreotide for 2.5 years, now the PET scan shows progression.") == {
        "lanreotide": "stopped working"
    }


def test_dutch_op_de_is_no_operation() -> None:
    told = had("Mijn moeder kreeg 4x Lutetium in 2021 en lanreotide. Nu weer groei op de scan. Wij wonen in Utrecht.")
    assert "surgery" not in told


def test_the_next_treatment_stopped_for_its_harm() -> None:
    told = had("Octreotide stopped working in 2023, then everolimus, which ruined his mouth so they stopped it.")
    assert told == {"octreotide": "stopped working", "everolimus": "side effects"}


@pytest.mark.parametrize(
    ("text", "told"),
    [
        (
            "Hei, min far har en nevroendokrin svulst. Fikk 4 behandlinger med Lutathera i 2021, men nå vokser det igjen.",
            {"prrt": "stopped working"},
        ),
        (
            "Hola, mi padre tiene un tumor neuroendocrino. Progresó con octreotida y después con everolimus. Vivimos en Sevilla.",
            {"octreotide": "stopped working", "everolimus": "stopped working"},
        ),
        (
            "he was on afinitor but it made him really sick so they took him off after 2 months",
            {"everolimus": "side effects"},
        ),
    ],
)
def test_outcomes_said_these_ways(text: str, told: dict[str, str]) -> None:
    assert had(text) == told


def test_an_operation_had_before_one_planned_is_had() -> None:
    assert "surgery" in had(
        "He had a gastrinoma removed 3 years ago and now they've found a new one, about 1.2cm, and the surgeon wants to operate again."
    )


def test_the_treatments_of_a_trial_the_doctor_mentioned_are_wanted() -> None:
    profile = read_message("My onc mentioned a Lonsurf + temozolomide trial in Leeds. Is it still open?")
    assert set(profile.wants.treatment) == {"trifluridine_tipiracil", "temozolomide"}


def test_that_trial_points_back_to_the_treatment_being_tested() -> None:
    profile = read_message("His consultant mentioned belzutifan being tested for VHL. Is that trial open in Scotland?")
    assert profile.wants.treatment == ("belzutifan",)


# -- wishes ----------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "group"),
    [
        ("my dad is 79. is there any trial for him, or is 79 too old for that sort of thing?", "older adult"),
        ("mum has a pnet with liver spots. Would any trial even take someone who's 84?", "older adult"),
        ("open PRRT trials in the UK taking 15 y/o", "teen"),
        ("are there any trials that take a 70-something with a pnet?", "older adult"),
        ("Is that trial open and would he qualify at 68?", "older adult"),
        ("mamma är 83 och har NET. är hon för gammal för studier?", "older adult"),
    ],
)
def test_age_groups_asked_these_ways(text: str, group: str) -> None:
    assert read_message(text).wants.age_group == group


def test_an_age_said_next_puts_the_young_group_right() -> None:
    assert read_turns(["any trials for children?", "my son is 15"]).wants.age_group == "teen"


def test_what_trials_are_open_for_me_asks_for_open_ones() -> None:
    assert read_message("pnet g2, liver mets. what trials are open for me?").wants.status == "open"


# -- tumour ----------------------------------------------------------------------------------


def test_a_ki67_put_right_later_wins() -> None:
    profile = read_turns(["ki67 was 18%", "oh sorry, it was 1.8%, I misread it"])
    assert (profile.ki67, profile.grades, profile.tumour_type) == (1.8, (1,), "NET")


def test_a_primary_they_cannot_find_is_unknown() -> None:
    assert read_message("my uncle has NET in his liver but they can't find where it started").site == "unknown"


def test_a_grade_in_another_language() -> None:
    assert read_message("Min mor har en neuroendokrin tumör i bukspottkörteln, grad 2.").grades == (2,)
