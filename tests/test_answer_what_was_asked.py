"""Issue 16, the questions a nearby answer used to meet: an age asked against the trial in focus
("would he be past it for this scan study"), a point no fact holds ("can I drive after PRRT?",
"does lanreotide make you put on weight?") and "is there anything to stop it coming back?"."""

from __future__ import annotations

import re
from typing import Any, Optional

import pytest
import textstat
from rasa.shared.nlu.training_data.message import Message

from actions.followups import AGES_DIFFER
from bot.knowledge.not_held import COMES_BACK, not_held
from bot.trials.asked_about import age_asked, answer, aspects_asked
from bot.trials.query import Arm, Design, Intervention, TrialDetail
from components.compare_router import names_the_trial_then_asks_about_it
from components.feeling_router import FeelingRouter
from components.followup_router import FollowUpRouter
from tests.helpers.trial_detail import trial

NEVER = re.compile(r"\beligib\w*|\bqualif\w*|\byou\s+can\s+(?:join|take\s+part)\b|\bcan\s+join\b", re.I)


def routed(text: str, intent: str) -> Optional[str]:
    message = Message(data={"text": text, "intent": {"name": intent, "confidence": 0.9}})
    return FollowUpRouter().route(message)


@pytest.mark.parametrize(
    ("text", "age"),
    [
        ("my dad turns 78 next month, would he be past it for this scan study", 78),
        ("am I too old for a study like this at 79", 79),
        ("is 74 past it for this one?", 74),
        ("would she be past it at 81", 81),
        ("I'm 71, do they have a cut off age", 71),
        ("hes turning 80 in june, whats the top age", 80),
    ],
)
def test_age_questions_in_everyday_words(text: str, age: int) -> None:
    assert aspects_asked(text) == ["age"]
    found = age_asked(text)
    assert found is not None and found.low == found.high == age


def test_an_age_is_never_read_from_a_size_or_a_time() -> None:
    assert age_asked("is a tumour at 15 mm too small for it") is None
    assert age_asked("is it too late to start at 10 am") is None


@pytest.mark.parametrize(
    ("text", "intent"),
    [
        ("my dad turns 78 next month, would he be past it for this scan study", "ask_personal_advice"),
        ("would he be too old for a trial?", "knowledge"),
        ("Would he be too old for a trial?", "ask_eligibility"),
        ("would my mum be too old for a trial? she's 83", "ask_eligibility"),
        ("am I too old for a study like this at 79", "nlu_fallback"),
    ],
)
def test_age_questions_go_to_the_trial_in_focus(text: str, intent: str) -> None:
    assert routed(text, intent) == "ask_trial_detail"


def test_other_general_trial_questions_stay_general() -> None:
    assert routed("is there a placebo in a trial?", "knowledge") is None
    assert routed("who can join a trial", "ask_eligibility") is None


@pytest.mark.parametrize(
    ("text", "limit"),
    [
        ("my dad turns 78 next month, would he be past it for this scan study", "outside"),
        ("would she be past it at 70", "within"),
    ],
)
def test_the_age_is_compared_with_the_record_and_never_decided(text: str, limit: str) -> None:
    said = answer("age", trial(min_age_years=18, max_age_years=75), text, whom="him")
    assert "18 to 75" in said and limit in said and "Only the trial team can say" in said
    assert not NEVER.search(said)


def test_no_upper_limit_is_said_plainly() -> None:
    said = answer("age", trial(min_age_years=15, max_age_years=None), "is 81 past it for this one?")
    assert "no upper age limit" in said and "81" in said and not NEVER.search(said)


@pytest.mark.parametrize(
    ("text", "whether"),
    [
        ("can I drive after PRRT", "whether you can drive after PRRT"),
        ("is it ok to drive home after my lutathera", "whether it is ok to drive home after your Lutathera"),
        ("can my husband drive after his lutathera?", "whether your husband can drive after his Lutathera"),
        ("can I go swimming after my lanreotide jab?", "whether you can go swimming after your lanreotide jab"),
        ("does lanreotide make you put on weight", "whether lanreotide can make you put on weight"),
        ("can octreotide cause weight gain?", "whether octreotide can cause weight gain"),
        ("does everolimus make you lose your hair", "whether everolimus can make you lose your hair"),
    ],
)
def test_a_point_no_fact_holds_is_said_to_be_unheld(text: str, whether: str) -> None:
    said = not_held(text)
    assert said is not None
    assert f"The information I hold does not say {whether}." in said.text
    assert "NET nurse" in said.text and not NEVER.search(said.text)
    assert textstat.flesch_kincaid_grade(said.text) <= 8 or "side effects" in said.text


def test_a_side_effect_question_gives_the_side_effects_held() -> None:
    said = not_held("does lanreotide make you put on weight")
    assert said is not None and said.treatment is not None and said.treatment.id == "lanreotide"
    assert "headache" in said.text and "gallstones" in said.text.lower()


@pytest.mark.parametrize(
    "text",
    [
        "does lanreotide make you tired",
        "does lanreotide cause gallstones",
        "does PRRT make you lose your hair",
        "can i share a bathroom with my partner after PRRT?",
        "can i hug my grandkids after prrt",
        "can i have PRRT with only one kidney",
        "does sunitinib make your skin yellow",
        "what are the side effects of lanreotide",
        "is temozolomide taken by mouth?",
        "what is PRRT",
        "I drive to my lanreotide jab",
        "had a gallium scan this morning, is it safe to hold my baby tonight",
        "I have MEN1 and constant heartburn and stomach ulcers that keep coming back. could that be a gastrinoma?",
        "can i fly after prrt",
        "been on lanreotide a year, everolimus starts monday and I drive for work. what side effects should I watch for?",
        "what side effects should I look out for on lanreotide?",
    ],
)
def test_a_point_a_fact_holds_is_left_to_the_facts(text: str) -> None:
    assert not_held(text) is None


@pytest.mark.parametrize(
    "text",
    [
        "is there anything to stop it coming back",
        "is there any treatment to stop the tumour coming back after surgery?",
        "had my whipple in march. is there anything to stop it coming back",
        "is there any treatment to stop the tumour coming back after surgery?",
        "what can i do to prevent it coming back?",
        "whats the risk of it coming back after the op",
        "how likely is it to come back?",
    ],
)
def test_stopping_it_coming_back(text: str) -> None:  # the general part, then what we do not hold
    said = not_held(text)
    assert said is not None and said.text == COMES_BACK
    assert "only treatment that can cure" in said.text and "does not say how likely" in said.text
    assert textstat.flesch_kincaid_grade(said.text) <= 8


def test_a_return_a_fact_holds_is_left_to_it() -> None:
    assert not_held("whats the chance of it coming back after a liver transplant") is None


@pytest.mark.parametrize(
    ("text", "moved"),
    [
        (
            "my dad is on it, we don't know which arm (it's blinded). his blood pressure is through the roof, "
            "is that a known thing with axitinib?",
            True,
        ),
        ("she's in the placebo trial. her mouth is full of ulcers, could that be the everolimus?", True),
        ("its blinded. could i be on placebo instead of everolimus?", False),
        ("mum is on the lanreotide arm. how long will she be on it?", False),
        ("how long is the treatment with lutathera?", False),
    ],
)
def test_a_question_about_a_drug_told_with_a_trial_story(text: str, moved: bool) -> None:
    """The trial's parts only in the story, the question about a drug: its general part answers it."""
    assert (routed(text, "ask_trial_detail") == "ask_personal_advice") is moved


@pytest.mark.parametrize(
    ("text", "moved"),
    [
        ("how many arms and whats the difference between them", True),
        ("what's the difference between the groups?", True),
        ("how do the arms differ", True),
        ("whats the difference between lanreotide and octreotide", False),
    ],
)
def test_the_difference_between_its_own_groups(text: str, moved: bool) -> None:
    assert (routed(text, "compare_trials") == "ask_trial_detail") is moved


def _placebo_trial(**fields: Any) -> TrialDetail:
    return trial(
        design=Design(allocation="RANDOMIZED", masking="DOUBLE", masked_who="PARTICIPANT, INVESTIGATOR"),
        arms=(
            Arm("New drug", "EXPERIMENTAL", None, "Drug: Newdrug"),
            Arm("Placebo", "PLACEBO_COMPARATOR", None, "Drug: Placebo"),
        ),
        **fields,
    )


@pytest.mark.parametrize(
    "text",
    [
        "if I'm in it and end up in A&E, how would the doctors know if I'm on the real drug or the placebo",
        "what if there's an emergency and they need to know if hes on the dummy drug",
        "how would the hospital know which one she's on, it's blinded",
    ],
)
def test_a_blinded_trial_says_the_code_can_be_broken_for_safety(text: str) -> None:
    said = answer("placebo", _placebo_trial(), text)
    assert "code can be broken" in said and not NEVER.search(said)


@pytest.mark.parametrize(
    ("summary", "expected"),
    [
        ("195 patients will be randomly assigned (in 2:1 ratio) to the new drug or placebo.", "2:1"),
        ("People are randomised to the new drug or a placebo.", "does not give the odds"),
    ],
)
def test_the_odds_of_a_placebo_are_the_records_words(summary: str, expected: str) -> None:
    said = answer("placebo", _placebo_trial(summary=summary), "could i end up on a dummy pill? whats the odds")
    assert expected in said


def test_groups_of_one_kind_are_told_apart_by_their_own_lines() -> None:
    doses = trial(
        arms=(
            Arm("Dose 1", "EXPERIMENTAL", "A single low dose of 1 GBq.", "Drug: X"),
            Arm("Dose 2", "EXPERIMENTAL", "A single high dose of 3 GBq.", "Drug: X"),
        )
    )
    said = answer("groups", doses, "how many arms and whats the difference between them")
    assert "1 GBq" in said and "3 GBq" in said


def test_one_group_names_its_treatment() -> None:
    single = trial(
        design=Design(allocation="NON_RANDOMIZED"),
        arms=(Arm("Lanreotide", "EXPERIMENTAL", None, "Drug: Lanreotide"),),
        interventions=(Intervention("DRUG", "Lanreotide"),),
    )
    said = answer("randomised", single, "would i be put in a group by chance or does everyone get the same")
    assert said.startswith("No. Everyone in this trial is in one group") and "Lanreotide" in said


@pytest.mark.parametrize(
    "text",
    ["is that just the one drug or is it a combo? and is it a drip", "is it tablets", "are they injections or a drip"],
)
def test_how_it_is_given_in_everyday_words(text: str) -> None:
    assert aspects_asked(text) == ["given"]


def test_a_withdrawn_trial_says_so() -> None:
    said = answer("status", trial(status="WITHDRAWN"), "why did it never go ahead?")
    assert "withdrawn" in said and "no one took part" in said


@pytest.mark.parametrize(
    "text",
    ["can anyone sign up or how does it work, is it recruiting", "can anyone sign up or how does it work, status?"],
)
def test_who_may_sign_up_is_its_status(text: str) -> None:
    assert aspects_asked(text) == ["status"]
    assert routed(text, "ask_eligibility") == "ask_trial_detail"
    said = answer("status", trial(status="ENROLLING_BY_INVITATION", status_as_of="2023-11-22"), text)
    assert "invit" in said and not NEVER.search(said)


def test_joining_it_is_still_who_can_join() -> None:
    assert routed("can i join this trial?", "ask_eligibility") is None


@pytest.mark.parametrize(
    ("text", "names_it"),
    [
        ("PRRT before surgery vs surgery chicago. why did it stop", True),
        ("the lanreotide vs placebo one. is it still recruiting?", True),
        ("lanreotide vs octreotide. which is better?", False),
        ("PRRT vs surgery. what are the side effects of each?", False),
        ("everolimus or sunitinib?", False),
    ],
)
def test_two_sides_that_only_name_the_trial_asked_about(text: str, names_it: bool) -> None:
    assert names_the_trial_then_asks_about_it(text) is names_it
    assert (routed(text, "compare_trials") == "ask_trial_detail") is names_it


def test_the_different_groups_on_this_one() -> None:
    text = "mums got spots all over her liver. what r the different groups on this and whats the difference"
    assert routed(text, "compare_trials") == "ask_trial_detail"


@pytest.mark.parametrize(
    ("text", "intent", "target"),
    [
        ("im exhausted all the time since the diagnosis, is that the tumour or am i just being lazy", "inform", True),
        ("nobody at work has heard of it. how rare is it actually? feel like a freak", "knowledge", True),
        ("one surgeon says no, another says yes. who is right?? so confused", "knowledge", True),
        ("im exhausted all the time since the diagnosis", "inform", False),  # told, not asked: a fact to note
        ("she is 80 and was too old for the last one", "inform", False),
    ],
)
def test_a_question_told_with_a_feeling_is_a_personal_question(text: str, intent: str, target: bool) -> None:
    message = Message(data={"text": text, "intent": {"name": intent, "confidence": 0.9}})
    assert (FeelingRouter().route(message) == "ask_personal_advice") is target


@pytest.mark.parametrize(
    ("text", "said"),
    [
        (
            "my wife had her 2nd lutathera today, can she drive tomorrow?",
            "The information I hold on PRRT does not say whether she can drive tomorrow.",
        ),
        (
            "had my first lanreotide jab today. can i have a bath tonight?",
            "The information I hold on lanreotide does not say whether you can have a bath tonight.",
        ),
        (
            "she started lanreotide last month. could it make her put on weight?",
            "The information I hold does not say whether lanreotide could make her put on weight.",
        ),
    ],
)
def test_a_treatment_told_in_the_story(text: str, said: str) -> None:
    found = not_held(text)
    assert found is not None and found.text.startswith(said)


@pytest.mark.parametrize(
    "text",
    ["I had lanreotide for 2 years. can I join this trial?", "had lutathera in 2022, could he still take part?"],
)
def test_joining_is_never_a_point_we_do_not_hold(text: str) -> None:
    assert not_held(text) is None


def test_an_age_question_without_a_trial_says_each_has_its_own_limits() -> None:
    said = AGES_DIFFER.format(whom="her")
    assert "own age limits" in said and "Only the trial team can say" in said
    assert not NEVER.search(said) and textstat.flesch_kincaid_grade(said) <= 8


@pytest.mark.parametrize(
    ("question", "written"),
    [
        ("can he drink alcohol after his lutathera?", "after his Lutathera"),
        ("can she swim after prrt", "after PRRT"),
    ],
)
def test_a_treatment_named_in_lower_case_is_written_properly_in_the_answer(question: str, written: str) -> None:
    answer = not_held(question)
    assert answer is not None and written in answer.text


@pytest.mark.parametrize("text", ["could she end up with nothing", "could i end up on a dummy drug?"])
def test_a_group_given_no_treatment_is_said_when_there_is_no_placebo(text: str) -> None:
    untreated = trial(
        design=Design(allocation="RANDOMIZED", masking="NONE"),
        arms=(
            Arm("Somatostatin analogue", "EXPERIMENTAL", None, "Drug: Lanreotide"),
            Arm("No treatment", "NO_INTERVENTION", None, None),
        ),
    )
    said = answer("placebo", untreated, text)
    assert said.startswith("There is no placebo group, but one group gets no trial treatment.")
    assert not said.startswith("No,")
