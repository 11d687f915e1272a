"""How a trial's treatment is given, asked of the trial in focus (issue 16, session 23): the treatment or
group the question names answered from the record's own words (dose, route, timing, food), an
observational study said to give no treatment, minutes after a dose read as a time, a title naming a
placebo quoted, and such questions read as about the trial rather than treatments in general."""

from __future__ import annotations

import textstat

from bot.followups.about_trial import asks_about_its_parts
from bot.trials.about import given_line
from bot.trials.asked_about import OBSERVED, answer, answer_all, aspects_asked, treatments_meant
from bot.trials.present import detail_lines
from bot.trials.query import Arm, Intervention
from bot.trials.timing import timing_answer
from tests.helpers.trial_detail import trial

INTERFERON_TRIAL = trial(
    interventions=(
        Intervention("DRUG", "Interferon alpha-2b", ("Intron A",), "Interferon 5 million units given under the skin"),
        Intervention("DRUG", "177Lu-DOTATATE", (), "177Lu-octreotate infusions given 8 weeks apart"),
    ),
    arms=(
        Arm(
            "Interferon",
            "ACTIVE_COMPARATOR",
            "Interferon alpha-2b given subcutaneously every second day until progression.",
        ),
        Arm("PRRT", "EXPERIMENTAL", "177Lu-octreotate into a vein every 8 weeks for 4 cycles."),
    ),
)
TABLETS_TRIAL = trial(
    interventions=(
        Intervention("DRUG", "Axitinib", (), "Orally, 5mg, twice daily, with or without food intake."),
        Intervention("DRUG", "Placebo", (), "orally, twice daily, with or without food intake."),
    ),
)
GROUPS_TRIAL = trial(
    interventions=(
        Intervention("DRUG", "Capecitabine", (), "oral capecitabine twice a day"),
        Intervention("DRUG", "Octreotate", (), "177Lu octreotate into a vein"),
    ),
    arms=(
        Arm(
            "CAPTEM",
            "ACTIVE_COMPARATOR",
            "Oral capecitabine b.i.d. days 1-14 every 28 day cycle, up to 8 cycles.",
            "Drug: Capecitabine",
        ),
        Arm(
            "PRRT/CAPTEM",
            "EXPERIMENTAL",
            "Octreotate every 8 weeks for 4 cycles, with capecitabine up to 4 cycles.",
            "Drug: Octreotate; Drug: Capecitabine",
        ),
    ),
)


def test_the_treatment_named_is_answered_with_its_own_schedule() -> None:
    text = "if you got the interferon instead, how would that have been given? injections?"
    assert aspects_asked(text) == ["given"]
    said = answer("given", INTERFERON_TRIAL, text)
    assert "every second day" in said and "under the skin" in said
    assert "177Lu" not in said  # the other group's treatment is not what was asked


def test_a_shortened_name_finds_the_treatment() -> None:
    meant, _ = treatments_meant(INTERFERON_TRIAL, "is the interf one a jab?")
    assert [i.name for i in meant] == ["Interferon alpha-2b"]
    assert treatments_meant(INTERFERON_TRIAL, "is it a jab?") == ([], [])


def test_food_asked_is_answered_from_the_record_or_said_to_be_unsaid() -> None:
    text = "does he have to take the tablets with food or on an empty stomach"
    assert aspects_asked(text) == ["given"]
    said = answer("given", TABLETS_TRIAL, text)
    assert "with or without food" in said and said.count("with or without food") == 1  # not the placebo's too
    named = trial(
        interventions=(
            Intervention("DRUG", "Everolimus", (), "Two 5 mg tablets once daily, fasting or after a light meal."),
        ),
        arms=(Arm("Stratum 1", "EXPERIMENTAL", "Patients receive everolimus 10 mg/day.", "Drug: Everolimus"),),
    )
    on_food = answer("given", named, "do you take the everolimus with food on this trial?")
    assert "light meal" in on_food and "10 mg/day" not in on_food  # its words on food, not every dose line
    unsaid = answer("given", INTERFERON_TRIAL, "should she take it with food?")
    assert "does not say if it is taken with food" in unsaid


def test_a_named_group_gets_its_own_number_of_cycles() -> None:
    text = "in the captem only group how many cycles do they give"
    said = "\n".join(answer_all(aspects_asked(text), GROUPS_TRIAL, text))
    assert "up to 8 cycles" in said
    assert "every 8 weeks" not in said and "It has 2 groups" not in said


def test_an_observational_study_gives_no_treatment() -> None:
    text = "do they take the lump out as part of it or just keep an eye"
    assert aspects_asked(text) == ["given"]
    said = answer("given", trial(study_type="OBSERVATIONAL", arms=(Arm("Observational", None, "Observational"),)), text)
    assert "observational" in said and "no treatment" in said


def test_minutes_after_a_dose_are_a_time() -> None:
    scan = trial(
        arms=(Arm("PET", "EXPERIMENTAL", "One dose of tracer into a vein, then a PET/CT scan 30-60 min later."),)
    )
    said = timing_answer(scan, "how long after the injection do they do the scan?")
    assert said is not None and "30-60 min" in said


def test_a_title_naming_a_placebo_is_quoted() -> None:
    named = trial(official_title="Phase II Trial of Pazopanib Versus Placebo in Carcinoid Tumors")
    said = answer("placebo", named, "pazopanib vs placebo trial")
    assert said.startswith("Its title says it compares with a placebo") and "Pazopanib" in said


def test_how_its_own_treatment_is_given_is_about_the_trial_not_treatments_in_general() -> None:
    assert asks_about_its_parts("if you got the interferon instead, how would that have been given?", INTERFERON_TRIAL)
    assert asks_about_its_parts("does he have to take the tablets with food or on an empty stomach?", TABLETS_TRIAL)
    assert not asks_about_its_parts("is lanreotide an injection?", TABLETS_TRIAL)  # not this trial's


def test_how_often_asked_quotes_each_treatments_own_schedule() -> None:
    both = trial(
        interventions=(
            Intervention("DRUG", "Sorafenib", (), "Taken orally twice daily"),
            Intervention("DRUG", "RAD001", (), "Taken orally once daily in the morning"),
        )
    )
    said = answer("given", both, "is it tablets? how many times a day do u take them")
    assert "twice daily" in said and "once daily" in said


def test_a_group_line_naming_no_other_treatment_gives_the_cycle() -> None:
    aflibercept = trial(
        interventions=(
            Intervention("BIOLOGICAL", "Ziv-Aflibercept", (), "Given IV"),
            Intervention("RADIATION", "Perfusion CT", (), "Undergo perfusion CT"),
        ),
        arms=(
            Arm(
                "Treatment",
                "EXPERIMENTAL",
                "Patients receive ziv-aflibercept IV on day 1. Courses repeat every 21 days. "
                "Patients undergo perfusion CT at baseline and every 8 weeks.",
                "Biological: Ziv-Aflibercept; Radiation: Perfusion CT",
            ),
        ),
    )
    said = answer("given", aflibercept, "how is the ziv-aflibercept given?")
    assert "every 21 days" in said and "perfusion CT" not in said


def test_a_timing_already_quoted_with_how_it_is_given_is_not_said_twice() -> None:
    pdr = trial(
        interventions=(Intervention(None, "PDR001", (), "PDR001 as an infusion of 400 mg every 4 weeks (Q4W)."),)
    )
    text = "how is PDR001 given, tablet or drip, and how often"
    assert aspects_asked(text) == ["given", "duration"]
    said = "\n".join(answer_all(aspects_asked(text), pdr, text))
    assert said.count("every 4 weeks") == 1


def test_the_trial_view_says_how_and_how_often_each_treatment_is_given() -> None:
    pdr = trial(
        interventions=(Intervention(None, "PDR001", (), "PDR001 as an infusion of 400 mg every 4 weeks (Q4W)."),)
    )
    assert given_line(pdr) == "How it is given: PDR001: as a drip into a vein, every 4 weeks."
    assert any(line.startswith("How it is given:") for line in detail_lines(pdr))
    two = trial(
        interventions=(Intervention("DRUG", "Capecitabine"), Intervention("DRUG", "Temozolomide")),
        arms=(
            Arm(
                "CAPTEM",
                "EXPERIMENTAL",
                "Oral capecitabine days 1-14 and temozolomide days 10-14 every 28 day cycle.",
                "Drug: Capecitabine; Drug: Temozolomide",
            ),
        ),
    )
    assert given_line(two) == "How it is given: Capecitabine: by mouth."  # how often alone is not said
    assert given_line(trial()) is None
    assert given_line(trial(study_type="OBSERVATIONAL", interventions=pdr.interventions)) is None
    listed = trial(
        interventions=(Intervention("DRUG", "Capecitabine", (), "oral capecitabine"), Intervention("DRUG", "Lu-PRRT")),
        arms=(Arm("Arm Lu-PRRT-Cap", "EXPERIMENTAL", "Arm Lu-PRRT-Cap: oral capecitabine with Lu-PRRT (7 cycles)"),),
    )
    assert given_line(listed) == "How it is given: Capecitabine: by mouth."  # never another's way of giving
    two_ways = trial(
        interventions=(
            Intervention("DRUG", "STZ-5FU", (), "STZ by infusion every 6 weeks (Moertel) or every 3 weeks (Uppsala)."),
        )
    )
    assert given_line(two_ways) == "How it is given: STZ-5FU: as a drip into a vein."  # neither way said alone


def test_the_observational_answer_is_plain_english() -> None:
    assert textstat.flesch_kincaid_grade(OBSERVED) <= 8
