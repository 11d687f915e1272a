"""The general part of a question asked beside something else (issue 16, session 22): a fact must answer
the point asked, of the thing named (not of its kind, not of another medicine); a question beside a
trial request is answered and its treatment does not narrow the search; a story asking "is there
anything at all?" is a search whatever it was read as; the general questions are read once a turn."""

from __future__ import annotations

from typing import Any

import pytest

from actions.personal_question import ActionAnswerPersonalQuestion
from actions.search_trials import ActionSearchTrials
from actions.searching import latest_entities
from bot.followups.beside_search import general_questions_beside, questions_beside
from bot.knowledge.facts import answering_fact
from bot.knowledge.not_held import plainly_unheld
from bot.profile.read import read_message
from tests.helpers.actions import run, tracker


@pytest.mark.parametrize(
    "question, expected",
    [
        ("is capecitabine a tablet?", "captem_by_mouth"),  # not chemotherapy's "some comes as tablets"
        ("is temozolomide a capsule?", "captem_by_mouth"),
        ("so xeloda is a tablet then?", "captem_by_mouth"),
    ],
)
def test_a_fact_naming_the_drug_asked_beats_one_about_its_kind_only(question: str, expected: str) -> None:
    fact = answering_fact(question)
    assert fact is not None and fact.id == expected


@pytest.mark.parametrize(
    "question",
    [
        "can I drink tea on lanreotide?",
        "can i drink coffee while on octreotide?",
        "can my dad have a cup of tea with his lanreotide?",
        "is a hot drink ok on somatuline?",
    ],
)
def test_a_fact_about_another_medicine_does_not_answer(question: str) -> None:
    fact = answering_fact(question)
    assert fact is None or "capsules" not in fact.text  # not the Creon tip


def test_food_and_drink_on_lanreotide_is_said_plainly_not_held() -> None:
    said = plainly_unheld("can I drink tea on lanreotide?")
    assert said is not None and "does not say whether you can drink tea on lanreotide" in said
    assert "nurse" in said


@pytest.mark.parametrize("question", ["can i take creon with tea?", "does creon go with a hot drink?"])
def test_the_creon_tip_still_answers_a_question_about_creon(question: str) -> None:
    fact = answering_fact(question)
    assert fact is not None and fact.id == "pert_tips"


@pytest.mark.parametrize(
    "text, asked",
    [
        ("is capecitabine a tablet? also are there trials in Sydney", "is capecitabine a tablet"),
        ("any trials in Leeds? also is temozolomide a capsule", "is temozolomide a capsule"),
        ("is xeloda a tablet?? and any studies near Bristol", "is xeloda a tablet"),
    ],
)
def test_a_question_beside_a_trial_request_is_answered(text: str, asked: str) -> None:
    (beside,) = general_questions_beside(text)
    assert beside.question == asked and beside.answer and "tablet" in beside.answer


def test_a_treatment_only_asked_about_does_not_narrow_the_search_even_unanswered() -> None:
    text = "does capecitabine cause hair loss? also are there trials in Sydney"
    (beside,) = questions_beside(text)
    start = text.index("capecitabine")
    entities = [
        {"entity": "treatment", "value": "capecitabine", "start": start, "end": start + len("capecitabine")},
        {"entity": "city", "value": "Sydney", "start": text.index("Sydney"), "end": len(text)},
    ]
    values = latest_entities(tracker(text, entities=entities), (beside,))
    assert values["treatment"] is None and values["city"] == "Sydney"
    assert questions_beside("what about everolimus? any trials near Leeds") == []  # a wish for its trials


def test_no_question_beside_when_no_trials_are_asked_for() -> None:
    assert questions_beside("is capecitabine a tablet?") == []


@pytest.mark.usefixtures("database_url_env")
@pytest.mark.parametrize(
    "text",
    [
        "is temozolomide taken by mouth? and are there any trials in Germany",
        # a story: the search by fit, whose list ends with the other questions' buttons too
        "my wife is 58, her pancreatic NET has spread to the liver. is temozolomide taken by mouth? "
        "and are there any trials in Germany",
    ],
)
def test_the_general_questions_are_read_once_on_a_search_turn(monkeypatch: pytest.MonkeyPatch, text: str) -> None:
    import actions.replies as replies

    calls: list[str] = []

    def counted(name: str, real: Any) -> Any:
        def wrapper(text: Any) -> Any:
            calls.append(name)
            return real(text)

        return wrapper

    monkeypatch.setattr(replies, "questions_beside", counted("questions_beside", replies.questions_beside))
    monkeypatch.setattr(
        replies, "general_questions_beside", counted("general_questions_beside", replies.general_questions_beside)
    )
    entities = [{"entity": "country", "value": "Germany", "start": text.index("Germany"), "end": len(text)}]
    profile = {"profile": read_message(text).as_dict()}  # as the profile's validation sets it
    _, messages = run(ActionSearchTrials(), tracker(text, intent="search_trials", entities=entities, slots=profile))
    assert calls == ["questions_beside"]
    assert "capsule" in messages[0]["text"]
    assert not any(m["text"] and "taken by mouth" in m["text"] and m.get("buttons") for m in messages)


@pytest.mark.usefixtures("database_url_env")
@pytest.mark.parametrize(
    "text",
    [
        "my dad's NEC grew after chemo and they say there's not much left. is there anything at all?",
        "mum's pancreatic NET has spread to her liver even after lanreotide. is there anything for her?",
    ],
)
def test_a_story_asking_for_anything_at_all_is_a_search_from_the_personal_action(text: str) -> None:
    _, messages = run(ActionAnswerPersonalQuestion(), tracker(text, intent="ask_personal_advice"), {})
    said = " ".join(str(m.get("text") or "") for m in messages).lower()
    assert "trial" in said
    assert "chemotherapy uses" not in said and not any(m.get("response") for m in messages)


@pytest.mark.parametrize(
    "question",
    [
        "my mom is on temozolamide by itself. would adding capecitibine help her live longer?",
        "dad is on everolimus, would it help him live longer?",
    ],
)
def test_a_fact_about_a_trial_of_another_treatment_does_not_answer(question: str) -> None:
    fact = answering_fact(question)  # NETTER-2's survival fact is about PRRT, though its text names no drug
    assert fact is None or "NETTER" not in fact.text


def test_a_trial_named_in_a_fact_says_which_treatments_it_is_about() -> None:
    from bot.knowledge.facts import trial_terms

    assert trial_terms("In NETTER-2, quality of life did not clearly differ.") == ["#prrt"]
    assert set(trial_terms("SEQTOR compared two orders.")) == {"#streptozocin", "#everolimus"}
    assert trial_terms("A talent for it.") == []  # the trial's name in capitals only


@pytest.mark.parametrize(
    "question, expected",
    [
        (
            "mum is frail, 79. how often do people get really bad side effects from captem?",
            "captem_severe_side_effects",
        ),
        ("how often do people get bad side effects on CAPTEM", "captem_severe_side_effects"),
    ],
)
def test_how_often_people_get_something_asks_how_likely_not_a_schedule(question: str, expected: str) -> None:
    from bot.knowledge.facts import wanted_aspects

    assert wanted_aspects(question) == {"@how_likely"}
    assert wanted_aspects("how often is the lanreotide injection?") == {"@how_often"}
    fact = answering_fact(question)
    assert fact is not None and fact.id == expected


@pytest.mark.parametrize(
    "question, expected",
    [
        ("im shattered all the time on sunitinib, is that common?", "sunitinib_other_effects"),
        ("does PRRT leave you knackered?", "prrt_nausea"),
    ],
)
def test_everyday_words_for_tiredness_reach_the_facts_on_tiredness(question: str, expected: str) -> None:
    fact = answering_fact(question)
    assert fact is not None and fact.id == expected and "iredness" in fact.text


@pytest.mark.parametrize(
    "question, expected",
    [
        ("where do i inject the short acting octreotide? the nurse showed me once and i panicked", "rotate"),
        ("one leaflet says 80% of people with MEN1 get pancreatic NETs and the website says 75%. which is it?", "80"),
        ("will lutathera be paid for in france for my pancreatic NET?", "did not support"),
    ],
)
def test_facts_of_the_reference_answer_the_point_asked(question: str, expected: str) -> None:
    fact = answering_fact(question)
    assert fact is not None and expected in fact.text


def test_a_short_point_word_is_not_held_by_a_longer_word_it_only_begins() -> None:
    from bot.knowledge.not_held import not_held

    said = not_held("can I drink tea on lanreotide?")  # "tea" is not in "team" or "teach"
    assert said is not None and "whether you can drink tea on lanreotide" in said.text
    assert not_held("can i fly after prrt?") is None  # "fly" is held by "flying"


def test_a_fact_is_added_after_a_topic_answer_that_holds_most_of_its_words_but_not_its_point() -> None:
    said = (
        "Lanreotide and long-acting octreotide are injections, most often every 4 weeks. Lanreotide goes deep under"
        " the skin of the buttock or upper thigh. Long-acting octreotide goes into the buttock muscle, and a nurse"
        " or doctor gives it. Short-acting octreotide goes under the skin a few times a day."
    )
    question = "where do i inject the short acting octreotide? the nurse showed me once and i panicked"
    fact = answering_fact(question, said, "somatostatin_analogues")
    assert fact is not None and "rotate" in fact.text  # tummy, arm, rotate: what the answer leaves out
    assert answering_fact(question, said + " " + fact.text, "somatostatin_analogues") is None  # said whole: not again
