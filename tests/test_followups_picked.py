"""Listed trials picked by what they give or their name ("the NALIRIFOX one", "the lutathera ones"), a general
question asked beside a request for trials, and a request for trials taken for a question about one (issue 16,
session 21: bot/followups/picked.py, beside_search.py, trials_asked.py)."""

from __future__ import annotations

from typing import Any

import pytest

from actions.followups import ActionAnswerTrialDetail
from actions.knowledge_answer import ActionAnswerKnowledge
from actions.search_trials import ActionSearchTrials
from actions.understand import ActionAnswerOutOfScope
from bot.followups.beside_search import general_questions_beside, within_answered
from bot.followups.picked import asked_of_picked, asks_who_can_join, picked_from_list, picked_heading
from bot.followups.place_asked import asks_where_near_them
from bot.followups.trials_asked import asks_for_a_search
from bot.personal.own_situation import asks_what_their_own_is_from
from bot.trials.query import Intervention
from tests.helpers.actions import run, tracker
from tests.helpers.trial_detail import trial

NALIRIFOX = trial(
    nct_id="NCT00000011",
    title="NALIRIFOX as second-line chemotherapy in high-grade neuroendocrine neoplasms",
    interventions=(Intervention("DRUG", "NALIRIFOX"),),
)
LUTATHERA = trial(
    nct_id="NCT00000012",
    title="Lutetium-177 octreotate in small bowel NETs",
    interventions=(Intervention("DRUG", "177Lu-DOTATATE", ("Lutathera",)),),
)
LUTETIUM = trial(nct_id="NCT00000013", title="Lutetium-177 octreotate with capecitabine", interventions=())
AVELUMAB = trial(
    nct_id="NCT00000014",
    title="Avelumab in NECs progressive after first line chemotherapy",
    interventions=(Intervention("DRUG", "Avelumab"),),
)
LISTED = [AVELUMAB, NALIRIFOX, LUTATHERA, LUTETIUM]


def test_a_listed_trial_is_picked_by_the_drug_it_gives() -> None:
    picked = picked_from_list("what about the NALIRIFOX one, could he do that?", LISTED)
    assert picked is not None and [t.nct_id for t in picked.trials] == ["NCT00000011"] and not picked.several
    assert picked_from_list("the one with avelumab?", LISTED).trials == (AVELUMAB,)  # type: ignore[union-attr]
    assert picked_from_list("that nalirifax trial, is it randomised?", LISTED).trials == (NALIRIFOX,)  # type: ignore[union-attr]


def test_a_name_picks_every_listed_trial_of_it_or_its_kind() -> None:
    picked = picked_from_list("what about the lutathera ones, would they take her at 84?", LISTED)
    assert picked is not None and picked.trials == (LUTATHERA, LUTETIUM) and picked.several
    chemo = picked_from_list("is the chemo one randomised?", LISTED)
    assert chemo is not None and chemo.trials == (NALIRIFOX, LUTETIUM)  # not avelumab "after first line chemo"


def test_words_that_pick_by_something_else_pick_nothing() -> None:
    for text in ("the first one", "what about the german one?", "the nearest one", "the uk ones", "this one"):
        assert picked_from_list(text, LISTED) is None, text
    assert picked_from_list("what about the everolimus one?", LISTED) is None  # none listed gives it
    assert picked_from_list("what about the NALIRIFOX one?", [NALIRIFOX]) is None  # one shown: it is in focus


def test_what_is_asked_of_the_trials_picked() -> None:
    assert asked_of_picked("would they take her at 84?") == ["age"]
    assert asked_of_picked("the everolimus one, is it randomised?") == ["randomised"]
    assert asked_of_picked("what about the NALIRIFOX one?") == []
    assert asks_who_can_join("could he do that?") and asks_who_can_join("would they take her?")
    assert not asks_who_can_join("what about the NALIRIFOX one?")
    picked = picked_from_list("the lutathera ones", LISTED)
    assert picked is not None and picked_heading(picked, 5) == "Of the 5 trials I listed, 2 are trials of lutathera:"


def _texts(messages: list[dict[str, Any]]) -> str:
    return "\n".join(str(m.get("text") or m.get("response") or "") for m in messages)


@pytest.mark.usefixtures("database_url_env")
@pytest.mark.parametrize("action", [ActionAnswerOutOfScope(), ActionAnswerKnowledge(), ActionAnswerTrialDetail()])
def test_the_question_is_answered_about_the_listed_trial_named(action: Any) -> None:
    listed = ["NCT03352934", "NCT07077551", "NCT03387592"]  # AveNEC, NALIRIFOX, SENECA
    text = "what about the NALIRIFOX one, could he do that?"
    events, messages = run(action, tracker(text, slots={"result_ids": listed}), {"responses": {}})
    said = _texts(messages)
    assert said.startswith("Of the 3 trials I listed, one is a trial of NALIRIFOX: NCT07077551."), said
    assert "18 to 75" in said and "Sorry" not in said
    assert {"event": "slot", "timestamp": None, "name": "focus_nct_id", "value": "NCT07077551"} in events


@pytest.mark.usefixtures("database_url_env")
def test_an_age_asked_of_several_listed_trials_is_compared_with_each() -> None:
    listed = ["NCT07273409", "NCT02358356", "NCT06784752", "NCT06016855"]
    text = "what about the lutathera ones, would they take her at 84?"
    _, messages = run(ActionAnswerKnowledge(), tracker(text, intent="knowledge", slots={"result_ids": listed}))
    said = _texts(messages)
    assert said.startswith("Of the 4 trials I listed, 3 are trials of lutathera:"), said
    assert "NCT07273409" not in said and said.count("an age of 84 is") == 3
    assert "toilet" not in said


def test_a_general_question_beside_a_request_for_trials_is_answered() -> None:
    for text in (
        "is temozolomide taken by mouth? and are there any trials near Bristol",
        "are there any trials near Bristol? also is temozolomide taken by mouth",
    ):
        (beside,) = general_questions_beside(text)
        assert "taken by mouth" in beside.answer and beside.question == "is temozolomide taken by mouth"
        start = text.index("temozolomide")
        assert within_answered(start, start + len("temozolomide"), [beside])
        assert not within_answered(text.index("Bristol"), text.index("Bristol") + 7, [beside])
    (twice,) = general_questions_beside("can you have PRRT twice? and any trials in Manchester")
    assert twice.answer.startswith("The information I hold does not say whether you can have PRRT twice.")
    assert general_questions_beside("is temozolomide taken by mouth?") == []  # no trials asked for
    assert general_questions_beside("are there any trials? is it randomised?") == []  # nothing we can answer


@pytest.mark.usefixtures("database_url_env")
def test_the_general_answer_comes_before_the_trials_and_does_not_narrow_them() -> None:
    text = "is temozolomide taken by mouth? and are there any trials near Bristol"
    entities = [
        {"entity": "treatment", "value": "temozolomide", "start": 3, "end": 15},
        {"entity": "city", "value": "Bristol", "start": 62, "end": 69},
    ]
    events, messages = run(ActionSearchTrials(), tracker(text, intent="search_trials", entities=entities))
    assert str(messages[0]["text"]).startswith("CAPTEM is all taken by mouth")
    assert "for temozolomide" not in _texts(messages)
    assert not any(e.get("name") == "treatment" and e.get("value") for e in events)
    assert "You asked more than one thing" not in _texts(messages)


def test_a_request_for_trials_that_says_what_to_search_by() -> None:
    assert asks_for_a_search("is there a study where they just keep an eye on it? we're in Ohio")
    assert asks_for_a_search("any trials where they only monitor it?")
    assert not asks_for_a_search("is there any research into diet and NETs?")  # nothing to search by
    assert not asks_for_a_search("how long does the study last?")


@pytest.mark.parametrize(
    "text, searches",
    [
        (
            "my brother had a lung carcinoid, they took the lobe out in june. anything to stop it coming back? boston",
            True,
        ),
        ("mum had her whipple in may for a pnet g1. is there anything to stop it coming back?", True),
        ("is there anything to stop it coming back?", False),  # no story: the general answer
        ("my dad had surgery for his NET, what can he eat to help him feel better?", False),
    ],
)
def test_after_a_story_anything_to_stop_it_coming_back_is_a_search(text: str, searches: bool) -> None:
    assert asks_for_a_search(text) is searches


@pytest.mark.usefixtures("database_url_env")
def test_a_request_for_trials_read_as_a_detail_question_searches() -> None:
    text = "is there a study where they just keep an eye on it? we're in Ohio"
    _, messages = run(ActionAnswerTrialDetail(), tracker(text, intent="ask_trial_detail"), {"responses": {}})
    said = _texts(messages)
    assert "Which trial do you mean?" not in said and "trials" in said


def test_a_question_saying_where_they_live_in_any_language() -> None:
    assert asks_where_near_them("ik woon in Assen. welk ziekenhuis is het dichtstbij?")
    assert asks_where_near_them("Jeg bor i Aalborg. Hvor er det nærmeste hospital?")
    assert not asks_where_near_them("ik woon in Assen.")  # no question: a fact to keep
    assert not asks_where_near_them("any trials near Assen?")  # a search


@pytest.mark.usefixtures("database_url_env")
def test_where_a_trial_just_shown_runs_nearest_to_a_town_said_in_another_language() -> None:
    text = "ik woon in Assen. welk ziekenhuis is het dichtstbij?"
    events = [
        {"event": "user", "text": "NCT01628913"},
        {"event": "slot", "name": "focus_nct_id", "value": "NCT01628913"},
        {"event": "user", "text": text},
    ]
    profile = {"place": {"city": "Assen", "country": "NL"}}
    t = tracker(text, intent="out_of_scope", slots={"focus_nct_id": "NCT01628913", "profile": profile}, events=events)
    _, messages = run(ActionAnswerOutOfScope(), t)
    said = _texts(messages)
    assert "Sorry" not in said and "NCT01628913" in said


def test_something_of_their_own_asked_as_caused_by_a_treatment() -> None:
    assert asks_what_their_own_is_from(
        "wife started captem, her palms are red and peeling. is that from the capecitabine"
    )
    assert asks_what_their_own_is_from("my stools are pale, could that be from the lanreotide?")
    assert asks_what_their_own_is_from("im on sutent. is high blood pressure normal with it?")
    assert not asks_what_their_own_is_from("my dad has PRRT next week, is it from the same family as octreotide?")
    assert not asks_what_their_own_is_from("is high blood pressure common with sunitinib?")  # not their own


@pytest.mark.parametrize(
    "text",
    [
        "what about the everolimus ones, would they take her at 84?",
        "those sunitinib trials, could dad join them?",
        "any of the everolimus studies randomised?",
    ],
)
def test_a_kind_of_trial_none_of_the_list_gives_is_said_plainly_when_asked_about(text: str) -> None:
    picked = picked_from_list(text, LISTED)
    assert picked is not None and picked.trials == () and picked.several
    heading = picked_heading(picked, 4)
    assert heading.startswith("None of the 4 trials I listed is a trial of") and f'"{picked.name} trials"' in heading


def test_a_name_with_no_question_of_the_list_is_not_taken_as_picking() -> None:
    assert picked_from_list("tell me about the everolimus ones", LISTED) is None  # a general question


@pytest.mark.parametrize(
    ("text", "search"),
    [
        ("my husband was just told his NET has spread everywhere. is there anything at all?", True),
        ("my son is 16 and has MEN1, they found small tumours in his pancreas. anything for teenagers?", True),
        ("mum's pnet is in her liver now, grade 2. anything for her?", True),
        ("my mum has a NET in her liver. is there anything at all I can do to help her feel better?", False),
        ("is there anything at all?", False),  # no story: nothing to search by
        ("my dad's pnet is grade 2. anything else?", False),  # may ask for more facts
    ],
)
def test_after_a_story_is_there_anything_at_all_is_a_search(text: str, search: bool) -> None:
    assert asks_for_a_search(text) is search


def test_is_there_anything_at_all_is_a_search_when_the_story_was_told_before() -> None:
    # after the support lines, only the question is heard again; the profile holds the story
    assert asks_for_a_search("is there anything at all?", story_told=True)
    assert not asks_for_a_search("is there anything at all I can do for her?", story_told=True)
