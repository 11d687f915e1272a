"""Answers to one question about the trial in focus, from its record (bot/trials/asked_about.py)."""

from __future__ import annotations

import re

import pytest
import textstat

from bot.trials.asked_about import AskedAge, age_asked, answer, aspects_asked
from bot.trials.query import Arm, Design, Site
from bot.trials.store import TrialStore
from tests.helpers.trial_detail import trial

NEVER = re.compile(r"\beligib\w*|\bqualif\w*|\byou\s+can\s+(?:join|take\s+part)\b|\bcan\s+join\b", re.I)


@pytest.mark.parametrize(
    ("text", "aspects"),
    [
        ("do they take people in their 70s?", ["age"]),
        ("would my 74-year-old dad be too old?", ["age"]),
        ("how big is the study?", ["size"]),
        ("has it actually started? can ppl sign up yet", ["status"]),
        ("why did it never go ahead?", ["status"]),
        ("how many ppl are in it", ["size"]),
        ("are people put into groups at random?", ["randomised"]),
        ("could I end up on a dummy drug?", ["placebo"]),
        ("wil she know if shes getting the real drug", ["placebo"]),
        ("how long would I be on it?", ["duration"]),
        ("whats the follow up like", ["duration"]),
        ("what phase is it", ["phase"]),
        ("are they still taking people", ["status"]),
        ("which drug company is behind it", ["sponsor"]),
        ("did it work? any results", ["results"]),
        ("what does each group get", ["groups"]),
        ("is it men only", ["sex"]),
        ("is it any good", []),
        ("how long could my husband live without treatment", []),
        ("do they randomly pick who gets the chemo", ["randomised"]),
        ("who decides who gets the new drug", ["randomised"]),
        ("how long has she got left", []),
        ("why did it stop? my husband was on it and they just took him off", ["status"]),
        ("why was the study terminated", ["status"]),
        ("there's 2 groups, how do they split people", ["randomised"]),
        ("why did they stop giving him the injections", []),
        ("so is it a computer that picks whether you get the octreotide? or does the doctor decide", ["randomised"]),
        ("why did they pull the plug on it", ["status"]),
        ("how many are they recruiting? dad might want in", ["size"]),
        ("is this still going? when was it last updated", ["status"]),
        ("my father is eighty three. would his age rule him out", ["age"]),
    ],
)
def test_what_the_question_is_about(text: str, aspects: list[str]) -> None:
    assert aspects_asked(text) == aspects


def test_ages_named_in_the_question() -> None:
    assert age_asked("my 74-year-old dad") == AskedAge(74, 74)
    assert age_asked("do they take people in their 70s") == AskedAge(70, 79)
    assert age_asked("my mum is 81, is she too old") == AskedAge(81, 81)
    assert age_asked("is there an age limit") is None


def test_age_is_compared_with_the_limits_never_a_verdict() -> None:
    limited = trial()
    assert "outside the ages it gives" in answer("age", limited, "would my 80 year old dad be too old")
    inside = answer("age", limited, "is 74 too old", whom="him")
    assert "within the ages it gives" in inside and inside.endswith("Only the trial team can say if it fits him.")
    assert "no upper age limit" in answer("age", trial(max_age_years=None), "too old at 90?")
    assert "does not give any age limits" in answer("age", trial(min_age_years=None, max_age_years=None), "age limit?")
    assert "within" in answer("age", limited, "is there an age limit", person_age=60)


def test_design_answers_come_from_the_structured_record() -> None:
    randomised = trial(
        design=Design(allocation="RANDOMIZED", masking="DOUBLE", masked_who="PARTICIPANT, INVESTIGATOR"),
        arms=(
            Arm("New drug", "EXPERIMENTAL", None, "Drug: Newdrug"),
            Arm("Placebo", "PLACEBO_COMPARATOR", None, "Drug: Placebo"),
        ),
    )
    assert answer("randomised", randomised).startswith("Yes. It is randomised. People are put into groups by chance")
    assert "2 groups" in answer("randomised", randomised)
    placebo = answer("placebo", randomised)
    assert (
        placebo.startswith("Yes. One group gets a placebo")
        and "people taking part and the trial doctors will not know" in placebo
    )
    single = trial(design=Design(allocation="NA", intervention_model="SINGLE_GROUP", masking="NONE"))
    assert answer("randomised", single).startswith("No. Everyone in this trial is in one group")
    assert "does not say" in answer("placebo", trial())
    assert answer("size", trial()) == "The trial plans to take about 300 people."
    assert "does not say how many" in answer("size", trial(enrollment=None))
    assert "phase 3" in answer("phase", trial())
    assert "Example University" in answer("sponsor", trial())
    assert "no results" in answer("results", trial()) and "posted" in answer(
        "results", trial(status="COMPLETED", has_results=True)
    )


def test_every_answer_on_every_shipped_trial_is_plain_and_never_a_verdict(store: TrialStore) -> None:
    questions = {"age": "would my 74 year old dad be too old", "sex": "is it women only"}
    for summary in store.search(
        __import__("bot.trials.query", fromlist=["TrialQuery"]).TrialQuery(status="all", limit=200)
    ).trials:
        record = store.get(summary.nct_id)
        for aspect in (
            "age",
            "sex",
            "size",
            "randomised",
            "groups",
            "placebo",
            "duration",
            "phase",
            "status",
            "sponsor",
            "results",
        ):
            text = answer(aspect, record, questions.get(aspect, ""))  # type: ignore[arg-type]
            assert text and not NEVER.search(text), (record.nct_id, aspect, text)
            if aspect == "groups":  # mostly the record's own group and drug names
                continue
            plain = re.sub(r"https?://\S+", "the registry page", text)
            # The record's own words, quoted or in the list of groups, are the record's, not ours.
            plain = re.sub(r'"[^"]*"', "its words", plain)
            plain = "\n".join(line for line in plain.splitlines() if not re.match(r"\d+\. ", line))
            plain = re.sub(r"(?:describes it as|Every group gets|Both groups get): [^\n]*", "that.", plain)
            for name in filter(None, (record.sponsor, *record.collaborators)):  # the record's names, not ours
                plain = plain.replace(name, "the sponsor")
            assert ".." not in text, (record.nct_id, aspect, text)
            assert textstat.flesch_kincaid_grade(plain) <= 10, (record.nct_id, aspect, text)


def test_a_trial_not_started_says_when_it_planned_to_start() -> None:
    waiting = answer("status", trial(status="NOT_YET_RECRUITING", start_date="2019-12"))
    assert "December 2019" in waiting and "planned to start" in waiting
    assert "planned" not in answer("status", trial())


def test_when_the_record_was_last_updated_is_said_when_asked() -> None:
    asked = answer("status", trial(last_updated="2016-03-01"), "is it still going? when was it last updated")
    assert "last updated on the registry on 1 March 2016" in asked
    assert "last updated" not in answer("status", trial(last_updated="2016-03-01"), "is it still going?")


def test_no_sponsor_names_the_only_place_listed() -> None:
    one_place = trial(sponsor=None, sites=(Site("UMC Utrecht", "Utrecht", None, "Netherlands", "RECRUITING"),))
    assert "UMC Utrecht" in answer("sponsor", one_place) and "does not say who runs it" in answer("sponsor", one_place)
    assert "only place" not in answer("sponsor", trial(sponsor=None))


def test_a_stopped_trial_gives_its_reason_in_the_records_words() -> None:
    stopped = answer("status", trial(status="TERMINATED", why_stopped="Interim analysis showed no benefit."))
    assert '"Interim analysis showed no benefit."' in stopped and "own words" in stopped
    assert "does not say why" in answer("status", trial(status="WITHDRAWN"))
    assert "why" not in answer("status", trial()).lower()


def test_posted_results_say_when(store: TrialStore) -> None:
    assert "first on 2 October 2017" in answer(
        "results", trial(status="COMPLETED", has_results=True, results_first_posted="2017-10-02")
    )
    netter_1 = store.get("NCT01578239")
    assert netter_1 is not None and netter_1.results_first_posted == "2017-10-02"
    bez235 = store.get("NCT01628913")
    assert bez235 is not None and "interim analysis" in (bez235.why_stopped or "")


def test_yes_or_no_only_for_a_yes_or_no_question() -> None:
    randomised = trial(official_title="A Randomized Phase II Trial")
    assert answer("randomised", randomised, "is it randomised?").startswith("Yes")
    how = answer("randomised", randomised, "there's 2 groups, how do they split people")
    assert how.startswith("Its title says it is randomised. People are put into groups by chance")


def test_a_stop_reason_told_in_the_description() -> None:
    stopped = trial(
        status="TERMINATED",
        why_stopped="Refer to Detailed Description.",
        description="A study of X. The study was terminated early because it met its primary endpoint. "
        "The decision to stop it was not based on safety concerns.",
    )
    said = answer("status", stopped)
    assert "terminated early because it met its primary endpoint" in said and "Refer to" not in said
    assert "not based on safety" in said


def test_ages_told_only_in_the_summary_are_quoted(store: TrialStore) -> None:
    netter_p = store.get("NCT04711135")
    assert netter_p is not None and netter_p.min_age_years is None
    said = answer("age", netter_p, "she turns 18 in june, could she still start it")
    assert "12 to <18 years" in said and "own words" in said


def test_how_a_treatment_is_given_from_the_record(store: TrialStore) -> None:
    assert aspects_asked("is it tablets or a drip?") == ["given"]
    control_nets = store.get("NCT02358356")
    assert control_nets is not None
    said = answer("given", control_nets, "does this one involve tablets?")
    assert "by mouth" in said.lower() and "drip into a vein" in said
    assert "does not name a drug" in answer("given", trial(), "is it an injection?")


def test_who_is_blinded_in_words() -> None:
    blinded = trial(design=Design("RANDOMIZED", "PARALLEL", "DOUBLE", "PARTICIPANT, INVESTIGATOR", "TREATMENT"))
    assert "people taking part and the trial doctors will not know" in answer("placebo", blinded, "is it blinded")


def test_an_unknown_status_says_who_can_tell() -> None:
    assert "registry page can tell you" in answer("status", trial(status="UNKNOWN"), "is it still open")


def test_a_two_phase_trial_is_one_trial_in_two_steps() -> None:
    said = answer("phase", trial(phases=("PHASE2", "PHASE3")))
    assert said.startswith("It is a phase 2 and phase 3 trial: one trial in two steps.") and said.count("It is a") == 1


def test_a_randomised_trial_with_no_groups_listed_names_what_it_compares(store: TrialStore) -> None:
    compete = store.get("NCT03049189")  # COMPETE: randomised by its title, no arms in the record
    assert compete is not None and len(compete.arms) <= 1
    text = answer("randomised", compete, "are you randomised into one or the other")
    assert "by chance" in text and "Everolimus" in text and "PRRT" in text
