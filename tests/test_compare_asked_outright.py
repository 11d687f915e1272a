"""Two things set side by side whatever the intent the message was given, a trial named in
passing beside two treatments, and "the first two" after a list of one (actions/compare_trials.py,
bot/knowledge/pair.asks_outright_to_compare; issue 16)."""

from __future__ import annotations

import pytest

from actions.compare_trials import ONLY_ONE, SHORT_LIST, ActionCompareTrials
from actions.knowledge_answer import ActionAnswerKnowledge
from actions.personal_question import ActionAnswerPersonalQuestion
from bot.knowledge.pair import asks_outright_to_compare
from bot.personal.feelings import ACKNOWLEDGEMENTS
from tests.helpers.actions import run, tracker

pytestmark = pytest.mark.usefixtures("database_url_env")


@pytest.mark.parametrize(
    "text",
    [
        "octreotide or lanreotid - how do they work differently?",
        "insulinoma and vipoma, how are they different?",
        "streptozocin vs everolimus, which is which?",
        "is capecitabine the same as temozolomide",
        "cabozantinib and sunitinib - are they the same kind of drug",
        "how does a gallium scan differ from an octreotide scan",
    ],
)
def test_words_that_ask_outright_for_a_comparison(text: str) -> None:
    assert asks_outright_to_compare(text)


@pytest.mark.parametrize(
    "text",
    [
        "does it make a difference if i take creon with lanreotide",
        "can my dad take creon with lanreotide?",
        "which hospital is nearest",
    ],
)
def test_other_questions_do_not_ask_for_a_comparison(text: str) -> None:
    assert not asks_outright_to_compare(text)


@pytest.mark.parametrize(
    "text, names",
    [
        ("octreotide or lanreotid - how do they work differently?", ("Octreotide", "Lanreotide")),
        ("my wife is on capecitibine, is that the same as temozolamide?", ("Capecitabine", "Temozolomide")),
        ("keytruda vs yervoy for NETs, how do they differ", ("Pembrolizumab", "Ipilimumab")),
    ],
)
def test_a_knowledge_question_that_compares_two_treatments_gets_both(text: str, names: tuple[str, str]) -> None:
    _, messages = run(ActionAnswerKnowledge(), tracker(text, intent="knowledge"), {"responses": {}})
    reply = "\n".join(str(m.get("text") or "") for m in messages)
    assert "side by side" in reply and all(f"{name}" in reply for name in names), reply


def test_a_personal_question_that_compares_two_topics_gets_both_and_hands_back() -> None:
    domain = {
        "responses": {
            "utter_knowledge/insulinoma": [{"text": "An insulinoma makes insulin."}],
            "utter_knowledge/vipoma": [{"text": "A VIPoma makes VIP."}],
        }
    }
    text = "insulinoma and vipoma, how are they different? my mum has one of them and we are scared"
    _, messages = run(ActionAnswerPersonalQuestion(), tracker(text, intent="ask_personal_advice"), domain)
    sent = [m.get("response") for m in messages]
    assert "utter_knowledge/insulinoma" in sent and "utter_knowledge/vipoma" in sent, messages
    assert not any("advise you about your own care" in str(m.get("text")) for m in messages)


@pytest.mark.parametrize(
    "text, both",
    [
        ("PRRT or everolimus - COMPETE compared them, how are they different", ("PRRT", "Everolimus")),
        (
            "lutetium edotreotide or everolimus, thats what COMPETE compared right? whats the difference",
            ("PRRT", "Everolimus"),
        ),
        ("everolimus vs STZ thats SEQTOR right, how do they differ", ("Everolimus", "Streptozocin")),
    ],
)
def test_a_trial_named_in_passing_leaves_the_two_treatments_compared(text: str, both: tuple[str, str]) -> None:
    _, messages = run(ActionCompareTrials(), tracker(text, intent="compare_trials"), {"responses": {}})
    reply = messages[-1]["text"]
    assert "side by side" in reply and all(name in reply for name in both), reply


def test_two_trials_named_as_the_sides_are_still_two_trials() -> None:
    _, messages = run(ActionCompareTrials(), tracker("pantodon vs NCT05610826, both surgery+PRRT ones?"), {})
    assert "NCT07273409" in messages[-1]["text"] and "NCT05610826" in messages[-1]["text"]


def test_the_first_two_after_a_list_of_one_counts_closed_trials_too() -> None:
    slots = {"result_ids": ["NCT02358356"], "city": "St Leonards"}
    _, messages = run(ActionCompareTrials(), tracker("can u compare the first 2", slots=slots), {})
    texts = [m["text"] for m in messages]
    assert texts[0] == SHORT_LIST and "NCT02358356" in texts[-1] and "NCT02215447" in texts[-1], texts


def test_the_first_two_when_the_search_has_only_one_says_so() -> None:
    slots = {"result_ids": ["NCT02705651"], "treatment": "zzqx"}  # a search nothing else matches
    _, messages = run(ActionCompareTrials(), tracker("compare the first two", slots=slots), {})
    assert messages[0]["text"] == ONLY_ONE and "NCT02705651" in messages[1]["text"], messages


@pytest.mark.parametrize(
    "text",
    [
        "could they just burn them off instead of more surgery? im so fed up of operations",
        "my husband had an op last year, would he need another operation or something else",
    ],
)
def test_one_thing_named_twice_is_no_comparison_unless_asked(text: str) -> None:
    from bot.knowledge.compare import compare_treatments

    assert compare_treatments(text) is None


def test_two_names_of_one_thing_asked_outright_are_said_to_be_one() -> None:
    from bot.knowledge.compare import compare_treatments

    same = compare_treatments("is lutathera the same as PRRT? mum starts next week")
    assert same and "names for the same thing" in same


def test_a_trial_named_in_passing_gets_a_line_of_what_it_tests() -> None:
    _, messages = run(ActionCompareTrials(), tracker("lutathera vs sunitinib, is that what NETTER-2 tested?"), {})
    reply = messages[-1]["text"]
    assert (
        "side by side" in reply and "What NETTER-2 (NCT03972488) tests: Lutathera" in reply and "octreotide" in reply
    ), reply


def test_a_comparison_in_fear_is_met_with_one_kind_word() -> None:
    text = "whats the difference between lanreotide and octreotide, mum is on one of them and she's scared"
    _, messages = run(ActionCompareTrials(), tracker(text), {})
    assert messages[0]["text"] in ACKNOWLEDGEMENTS and "side by side" in messages[1]["text"], messages


def test_two_topics_compared_in_fear_are_met_with_a_kind_word() -> None:
    domain = {"responses": {f"utter_knowledge/{t}": [{"text": t}] for t in ("gastrinoma", "insulinoma")}}
    text = "whats the diff between a gastrinoma n an insulinoma, my dads got one and hes scared stiff"
    _, messages = run(ActionCompareTrials(), tracker(text), domain)
    assert messages[0]["text"] in ACKNOWLEDGEMENTS and len(messages) == 3, messages


def test_grade_and_stage_are_two_topics() -> None:
    from bot.knowledge.topics import topics_compared

    assert topics_compared("whats the difference between grade and stage? letter says G2 stage 4") == ["grade", "stage"]
