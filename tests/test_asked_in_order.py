"""Several questions about the trial in focus answered in the order asked, one sentence each; a fact
that answers a nearby point left out ("drink alcohol" is not "drink water"); the general part of a
worried question answered (issue 16)."""

from __future__ import annotations

import re

import pytest
import textstat

from actions.knowledge_answer import ActionAnswerKnowledge
from actions.personal_question import asks_a_decision
from bot.knowledge.facts import answering_fact, missed_point
from bot.knowledge.not_held import not_held
from bot.personal.feelings import ACKNOWLEDGEMENTS, shows_feeling
from bot.personal.handing_back import AFTER_GENERAL
from bot.trials.asked_about import answer, answer_all, aspects_asked
from bot.trials.query import Arm, Design, Intervention
from tests.helpers.actions import run, tracker
from tests.helpers.trial_detail import trial

NEVER = re.compile(r"\beligib\w*|\bqualif\w*|\byou\s+can\s+(?:join|take\s+part)\b", re.I)
TWO_GROUPS = (
    Arm("New drug", "EXPERIMENTAL", None, "Drug: Newdrug"),
    Arm("Placebo", "PLACEBO_COMPARATOR", None, "Drug: Placebo"),
)


@pytest.mark.parametrize(
    ("text", "aspects"),
    [
        ("is it randomised? could she get a dummy drug?", ["randomised", "placebo"]),
        ("could she get a dummy drug? and is it randomised?", ["placebo", "randomised"]),
        ("is it tablets or a drip? and how often do you take it", ["given", "duration"]),
        ("how long is the treatment for? and is it a pill", ["duration", "given"]),
        ("so is one group on a dummy injection", ["placebo"]),  # the placebo answer lists the groups
        ("could i end up on a dummy pill??", ["placebo"]),  # a pill named is not "how is it given"
        ("is it tablets?", ["given"]),
        ("would his onc even know if hes on the real tablets or the fake ones", ["placebo"]),
        ("how many did they actually get on it in the end", ["size"]),
        # the group given nothing, in everyday words
        ("could she end up with nothing", ["placebo"]),
        ("might he get no treatment at all", ["placebo"]),
        ("is there a chance my dad gets nothing", ["placebo"]),
        ("would she be left with no drug", ["placebo"]),
        ("we got nothing from the doctors", []),
    ],
)
def test_aspects_come_in_the_order_asked(text: str, aspects: list[str]) -> None:
    assert aspects_asked(text) == aspects


def test_two_questions_get_a_sentence_each_in_order_then_the_groups_once() -> None:
    record = trial(design=Design(allocation="RANDOMIZED", masking="DOUBLE", masked_who="PARTICIPANT"), arms=TWO_GROUPS)
    text = "is it randomised? could she get a dummy drug?"
    lines = answer_all(aspects_asked(text), record, text, None, "her")
    assert lines[0].startswith("Yes. It is randomised.") and "neither she nor her doctor" in lines[0]
    assert lines[1].startswith("Yes, one group gets a placebo") and lines[1].count(".") == 1
    assert lines[2].startswith("It has 2 groups") and sum("It has 2 groups" in line for line in lines) == 1
    joined = "\n".join(lines)
    assert "(so its" not in joined and not NEVER.search(joined)


def test_randomised_from_the_title_says_so_in_plain_words() -> None:
    record = trial(official_title="A Randomized Phase II Trial of Pazopanib Versus Placebo")
    said = answer("randomised", record, "is it randomised?")
    assert said.startswith("Yes. Its title says it is randomised. People are put into groups by chance")
    assert textstat.flesch_kincaid_grade(said) <= 8
    placebo = answer("placebo", record, "could i get a dummy drug?")
    assert placebo.startswith("Its title says it compares with a placebo") and "team" in placebo


def test_a_placebo_described_by_a_slip_of_the_record_is_not_quoted() -> None:
    record = trial(
        arms=TWO_GROUPS,
        interventions=(Intervention("DRUG", "Placebo", (), "orally, twice daily, until disease progression"),),
    )
    assert "describes it as" not in answer("placebo", record, "is there a placebo?")
    matching = trial(
        arms=TWO_GROUPS, interventions=(Intervention("DRUG", "Placebo", (), "Placebo to match the drug."),)
    )
    assert "describes it as: Placebo to match the drug." in answer("placebo", matching, "is there a placebo?")


def test_a_procedure_trial_says_why_it_has_no_phase() -> None:
    record = trial(phases=("NA",), interventions=(Intervention("PROCEDURE", "EUS-guided ablation"),))
    assert answer("phase", record) == (
        "It has no phase: it tests a procedure, not a drug, and phases are steps in testing drugs."
    )


@pytest.mark.parametrize(("sponsor", "person"), [("Peter Anderson", True), ("Nicholas Fidelman, MD", True)])
def test_a_sponsor_who_is_a_person_is_said_to_be_a_researcher(sponsor: str, person: bool) -> None:
    assert "a researcher, not a company" in answer("sponsor", trial(sponsor=sponsor))
    assert "researcher" not in answer("sponsor", trial(sponsor="Peking University"))


@pytest.mark.parametrize(
    "text",
    [
        "can he drink alcohol after PRRT?",
        "is it ok to drink alcohol on lanreotide?",
        "can I drink beer after lutathera",
    ],
)
def test_a_fact_about_a_nearby_point_is_not_the_answer(text: str) -> None:
    assert answering_fact(text) is None
    said = not_held(text)
    assert said is not None and "does not say whether" in said.text and "NET nurse" in said.text


def test_the_point_a_fact_covers_still_gets_it() -> None:
    fact = answering_fact("can i drink water after PRRT")
    assert fact is not None and fact.id == "prrt_fluids"
    assert missed_point("can he drink alcohol after PRRT?") == "alcohol"
    assert missed_point("can i drink water after PRRT") is None


def test_should_i_be_worried_is_not_a_decision_but_stopping_is() -> None:
    assert not asks_a_decision("got a stinking cold, im on afinitor. should i be worried")
    assert asks_a_decision("should I stop my lanreotide?")
    assert not_held("got a stinking cold, im on afinitor. should i be worried") is None


def test_being_through_a_lot_is_a_feeling() -> None:
    assert shows_feeling(
        "does cabozantinib actually work? dads onc wants to start it and hes been through a lot already"
    )
    assert not shows_feeling("have we been through this before?")


def test_a_knowledge_answer_hears_the_feeling_first() -> None:
    text = "i feel really pushed. can he drink alcohol after PRRT?"
    _, messages = run(ActionAnswerKnowledge(), tracker(text, intent="knowledge"), {"responses": {}})
    assert messages[0]["text"] in ACKNOWLEDGEMENTS
    assert "does not say whether he can drink alcohol after PRRT" in messages[1]["text"]


def test_how_many_kids_counts_people_and_asks_no_age() -> None:
    assert aspects_asked("how many kids are they looking for") == ["size"]
    assert aspects_asked("how many people, and would my 74 year old dad be too old") == ["size", "age"]


def test_the_groups_follow_the_answer_that_needs_them() -> None:
    record = trial(design=Design(masking="DOUBLE", masked_who="PARTICIPANT"), arms=TWO_GROUPS)
    text = "could i get the dummy jab? how long would i be on it"
    lines = answer_all(aspects_asked(text), record, text)
    assert lines[0].startswith("Yes, one group gets a placebo") and lines[1].startswith("It has 2 groups")


def test_a_word_of_the_frame_is_no_point() -> None:
    assert answering_fact("can my wife drink alcohol while on it?") is None  # not "for a while" in a fact
    fact = answering_fact("report says T2 N0 M0. what does that mean in english. is that bad?", topic="stage")
    assert fact is not None and fact.id == "tnm_t_stages"


def test_a_general_answer_after_their_own_story_hands_the_rest_back() -> None:
    from actions.followups import ActionAnswerTrialDetail

    story = "husband is on the pembro trial. new itchy rash all over his chest. is that from the placebo?"
    domain = {"responses": {"utter_knowledge/placebo": [{"text": "p"}]}}
    for text, handed_back in ((story, True), ("could I end up on a dummy drug?", False)):
        t = tracker(text)
        t.latest_message["response_selector"] = {
            "knowledge": {"response": {"intent_response_key": "knowledge/placebo", "confidence": 0.9}}
        }
        _, messages = run(ActionAnswerTrialDetail(), t, domain)
        assert messages[0]["response"] == "utter_knowledge/placebo"
        assert any(m.get("text") in AFTER_GENERAL for m in messages) is handed_back


def test_an_age_asked_after_a_count_of_kids_is_still_asked() -> None:
    assert aspects_asked("how many kids are they taking and is 16 too young") == ["size", "age"]
    assert aspects_asked("how many did they end up getting") == ["size"]


def test_anger_is_heard_as_anger_in_plain_words() -> None:
    from bot.personal.feelings import ANGER_ACKNOWLEDGEMENTS, acknowledgement

    said = acknowledgement([], "how does something like this get missed for so long, i'm so angry")
    assert said == ANGER_ACKNOWLEDGEMENTS[0]
    assert acknowledgement([said], "so frustrating") == ANGER_ACKNOWLEDGEMENTS[1]
    assert acknowledgement([], "im so scared") == ACKNOWLEDGEMENTS[0]
    assert all(textstat.flesch_kincaid_grade(line) <= 8 for line in ANGER_ACKNOWLEDGEMENTS)


def test_a_personal_question_nothing_answers_is_said_plainly_not_refused() -> None:
    from actions.personal_question import ActionAnswerPersonalQuestion

    _, messages = run(
        ActionAnswerPersonalQuestion(), tracker("can my wife drink alcohol while on it?"), {"responses": {}}
    )
    assert messages[0]["text"] == (
        "The information I hold does not say whether your wife can drink alcohol while on it. "
        "The treatment team or a NET nurse can tell you."
    )
    _, refused = run(ActionAnswerPersonalQuestion(), tracker("should I stop my lanreotide?"), {"responses": {}})
    assert "does not say" not in refused[0]["text"]
