"""The profile of the person: read from free text, merged across turns, safe as a slot value,
and measured on the development set (tests/data/understanding/)."""

from __future__ import annotations

import pytest

from bot.profile.answers import as_answers, prescreen_values
from bot.profile.evaluate import evaluate
from bot.profile.model import Profile, TreatmentHad
from bot.profile.read import read_message, update
from bot.profile.wishes import split_questions


def read_all(*turns: str) -> Profile:
    profile = Profile()
    for turn in turns:
        profile = update(profile, turn)
    return profile


def test_a_carers_story_is_a_profile_not_keywords() -> None:
    profile = read_message(
        "my husband is 71, they found a NET in his pancreas in march and its in his lymph nodes too, "
        "he had half his pancreas out and now has the monthly injections, is there anything he could try next"
    )
    assert (profile.about, profile.age, profile.sex, profile.site) == ("partner", 71, "male", "pancreas")
    assert profile.spread is True and profile.spread_to == ("lymph nodes",)
    assert profile.treatments == (TreatmentHad("somatostatin_analogue", "ongoing"), TreatmentHad("surgery"))
    assert profile.wants.treatment == ()  # treatments had are not what is asked for
    assert profile.place.city is None  # "march" is a month, body parts are not places


def test_the_writers_own_age_is_not_the_patients() -> None:
    profile = read_message(
        "I'm 63, my mum's NET has spread to her liver, she's had lanreotide, is there anything near Leeds?"
    )
    assert profile.about == "parent" and profile.sex == "female" and profile.age is None
    assert profile.place.city == "Leeds" and profile.place.country == "GB"
    assert profile.spread_to == ("liver",) and profile.treatments == (TreatmentHad("lanreotide"),)


@pytest.mark.parametrize(
    ("text", "wanted", "avoided"),
    [
        ("im a 50yo bloke with a pnet, any prrt trials? not another operation", ("prrt",), ("surgery",)),
        ("lutathera", (), ()),  # a name alone is a topic to explain, not yet a wish
        ("is there anything other than chemo for him", (), ("chemotherapy",)),
    ],
)
def test_what_is_wanted_and_not_wanted(text: str, wanted: tuple, avoided: tuple) -> None:
    profile = read_message(text)
    assert profile.wants.treatment == wanted and profile.wants.avoid == avoided


def test_text_speak_and_typos() -> None:
    profile = read_message("hi ma mum hs pnet g2 n its in her livr, any trails 4 her pls")
    assert (profile.about, profile.sex, profile.site, profile.grades) == ("parent", "female", "pancreas", (2,))
    assert profile.spread_to == ("liver",)


def test_slang_for_age_and_sex() -> None:
    assert (read_message("im a 50yo bloke").age, read_message("im a 50yo bloke").sex) == (50, "male")
    assert read_message("am f 45, pnet g1").sex == "female"
    assert read_message("my old man's 82 and has a net").age == 82


def test_staff_filters_in_one_line() -> None:
    wants = read_message("phase 3 prrt trials in germany incl closed").wants
    assert (wants.treatment, wants.phase, wants.status) == (("prrt",), 3, "all")
    assert read_message("phase 3 prrt trials in germany incl closed").place.country == "DE"
    assert read_message("anything within 30 miles of Denver").place.travel_km == 48


def test_corrections_and_contradictions_keep_the_latest() -> None:
    assert read_all("my dad has a pnet, he is 58", "sorry, he's 68 not 58").age == 68
    assert read_all("I'm 40 with a pnet", "I'm 70").age == 70
    assert read_all("ki67 is 7%", "sorry ki67 is 17 not 7").ki67 == 17
    assert read_all("it has spread to the liver", "actually it hasn't spread").spread_to == ()


def test_facts_gather_across_turns() -> None:
    profile = read_all("my wife has a pnet", "she's 66", "we live in Gothenburg", "grade 2, on lanreotide")
    assert (profile.about, profile.sex, profile.age, profile.place.country, profile.grades) == (
        "partner",
        "female",
        66,
        "SE",
        (2,),
    )
    assert prescreen_values(profile) == {
        "ps_age": "66",
        "ps_sex": "female",
        "ps_site": "pancreas",
        "ps_grade": "G2",
        "ps_treatments": "somatostatin analogue",
        "ps_place": "SE",
    }


@pytest.mark.parametrize("text", ["", "   ", "???", "I'm 300 years old", "x" * 10_000, "\x00\x01 DROP TABLE trials;"])
def test_bad_input_gives_a_small_profile_never_an_error(text: str) -> None:
    profile = read_message(text)
    assert profile.age is None
    assert Profile.from_dict(profile.as_dict()) == profile


def test_a_very_long_story_is_still_read() -> None:
    story = (
        "My dad is 74 and was diagnosed with a pancreatic NET two years ago. "
        + "We have been to so many appointments. " * 400
        + "He has had everolimus, it stopped working. Is there a trial he could try?"
    )
    profile = read_message(story)
    assert profile.age == 74 and profile.site == "pancreas"
    assert TreatmentHad("everolimus", "stopped working") in profile.treatments


@pytest.mark.parametrize(
    "slot_value",
    [
        None,
        "text",
        [1, 2],
        {"age": "sixty"},
        {"age": 900, "sex": "robot", "grades": [7], "wants": "x"},
        {"treatments": [{"id": "prrt", "outcome": "exploded"}, "junk"], "place": {"travel_km": -3}},
        {"age": True, "grades": [True], "wants": {"treatment": "prrt", "avoid": [{"a": 1}], "phase": True}},
        {"place": {"country": {"x": 1}, "city": 5}, "spread_to": "liver", "lookup": {"acronym": ["x"]}},
    ],
)
def test_a_tampered_slot_value_is_dropped_not_raised(slot_value: object) -> None:
    profile = Profile.from_dict(slot_value)
    assert profile.age is None and profile.sex is None and profile.grades == ()
    assert profile.place.travel_km is None and all(t.outcome is None for t in profile.treatments)
    assert profile.wants.treatment == () and profile.wants.avoid == () and profile.wants.phase is None
    assert profile.place.country is None and profile.place.city is None and profile.spread_to == ()
    assert profile.merged(read_message("my mum is 70, she wants PRRT")).age == 70  # and it still merges


def test_answers_say_unknown_treatments_when_none_were_named() -> None:
    assert as_answers(read_message("my mum is 70 with a pnet")).treatments is None
    assert as_answers(read_message("she had the whipple and is on lanreotide")).treatments == (
        "somatostatin analogue",
        "surgery",
    )


def test_several_questions_in_one_message() -> None:
    assert split_questions("what is prrt and are there trials near me and how long does it take") == [
        "what is prrt",
        "are there trials near me",
        "how long does it take",
    ]
    assert split_questions("lutathera") == [] and split_questions("") == []
    assert split_questions("is lutathera the same as PRRT or different") == [
        "is lutathera the same as PRRT or different"
    ]


# The development set: floors below the figures in docs/understanding-report.md, so a change
# that makes understanding clearly worse fails here (the report gives the exact figures).
FIELD_FLOOR = {"about": 0.8, "age": 0.8, "sex": 0.8, "site": 0.8, "grades": 0.85, "spread": 0.8, "place.country": 0.7}


def test_the_development_set_is_read_well_enough() -> None:
    scores = evaluate(store=None)
    for part, score in scores.items():
        assert score.items >= 60 if part == "held aside" else score.items >= 240, part
        for name, floor in FIELD_FLOOR.items():
            accuracy = score.fields[name].accuracy
            assert accuracy is not None and accuracy >= floor, (part, name, accuracy)


def test_a_passing_mention_of_someone_else_does_not_change_who_it_is_about() -> None:
    profile = read_all("I'm 61 and a woman with a pnet", "my husband has collapsed")
    assert (profile.about, profile.age, profile.sex) == ("self", 61, "female")
    assert read_all("I'm 61 with a pnet", "it's actually for my dad, he has a pnet in his pancreas").about == "parent"


def test_size_limits_and_inherited_conditions_in_a_title_rank_but_never_hide() -> None:
    from dataclasses import replace

    from bot.profile.limits import kind_clash, size_clash, unmet_condition
    from bot.trials.query import TrialDetail

    trial = TrialDetail(
        nct_id="NCT00000001",
        title="Surgery or Watching for Pancreatic NETs <= 2 cm in MEN1 Patients",
        official_title=None,
        acronym=None,
        status="RECRUITING",
        phases=(),
        study_type=None,
        start_date=None,
        completion_date=None,
        last_updated=None,
        enrollment=None,
        sponsor=None,
        summary=None,
        description=None,
        conditions=(),
        keywords=(),
        interventions=(),
        criteria=None,
        min_age_years=None,
        max_age_years=None,
        sex=None,
        healthy_volunteers=None,
        sites=(),
        contacts=(),
    )
    assert size_clash(trial, read_message("a 3cm pnet")) == "It is for tumours up to 2 cm. You said 3 cm."
    assert size_clash(trial, read_message("a 15mm pnet")) is None
    assert size_clash(trial, read_message("a pnet")) is None  # size not said: nothing against it
    assert unmet_condition(trial, read_message("a pnet")) == "MEN1"
    assert unmet_condition(trial, read_message("i have men1 and a pnet")) is None
    well = replace(trial, title="Lutathera in Well-differentiated Pancreatic NETs")
    assert kind_clash(well, read_message("poorly differentiated neuroendocrine carcinoma")) is not None
    assert kind_clash(well, read_message("a grade 2 pnet")) is None
    assert kind_clash(trial, read_message("a NEC of the pancreas")) is None


def test_the_latest_ki67_counts_and_decimal_commas_are_read() -> None:
    assert read_message("Ki67 was 3% in 2019 but the new liver biopsy says 14%").ki67 == 14
    corrected = read_all("He has a NET of the pancreas. Ki-67 is 2,5 %.", "Sorry, not 2,5. It is 12,5 %.")
    assert corrected.ki67 == 12.5 and corrected.grades == (2,)


def test_an_insulinoma_starts_in_the_pancreas_and_a_lung_net_in_the_lung() -> None:
    assert read_message("my brother had an insulinoma taken out").site == "pancreas"
    assert read_message("she has a neuroendocrine tumour of the lung").site == "lung"
    assert read_message("pancreatic NET, spread to his liver and lungs").site == "pancreas"


def test_a_question_about_a_treatment_is_not_a_wish_to_search_for_it() -> None:
    for text in (
        "lanreotyde side efects",
        "is surgery a must?",
        "everolimous vs sunitnib which is better",
        "whipple recovery time",
    ):
        assert read_message(text).wants.treatment == (), text
    assert read_message("any trials of everolimus?").wants.treatment == ("everolimus",)


def test_a_trial_of_it_searches_for_the_topic_of_the_conversation() -> None:
    from bot.profile.read import for_search

    profile = read_all("what is PRRT", "ok. and is it the same as lutathera?")
    assert for_search(profile, "my husband is 70, is there a trial of it in the UK?").wants.treatment == ("prrt",)
    story = "my husband is 71, its in his lymph nodes, he has the monthly injections, is there anything he could try"
    assert for_search(read_all(story), story).wants.treatment == ()  # "its" in a story points at nothing
