"""A fact that holds for England only, asked about for another place ("is lutathera available on the NHS in
scotland?"): said to be England's, with no fact made up for their place (bot/knowledge/where_it_holds.py,
actions/general_answer.py)."""

from __future__ import annotations

import pytest
import textstat
import yaml

from actions.knowledge_answer import ActionAnswerKnowledge
from bot.config import REPO_ROOT
from bot.knowledge.where_it_holds import england_only_note, place_named
from tests.helpers.actions import run, tracker

RESPONSES = yaml.safe_load((REPO_ROOT / "data" / "nlu" / "knowledge_responses.yml").read_text())["responses"]
DOMAIN = {"responses": RESPONSES}
ENGLAND = "In England, NICE recommends Lutathera for adults with growing grade 1 or 2 gut and pancreatic NETs."


@pytest.mark.parametrize(
    "text, place",
    [
        ("is lutathera available on the NHS in scotland?", "Scotland"),
        ("can i get lutathera on the nhs in wales", "Wales"),
        ("we're in belfast, is everolimus funded here?", "Northern Ireland"),
        ("is everolimus funded in northern ireland?", "Northern Ireland"),
        ("my mum lives in ireland, is lutathera paid for there?", "Ireland"),
        ("is PRRT covered in the US?", "the USA"),
        ("is sunitinib paid for in australia", "Australia"),
    ],
)
def test_a_place_outside_england_is_told_the_fact_is_englands(text: str, place: str) -> None:
    note = england_only_note(text, [ENGLAND])
    assert note is not None and "for England" in note and f"no checked fact for {place}" in note


@pytest.mark.parametrize(
    "text, sent",
    [
        ("is lutathera available on the NHS?", ENGLAND),  # no place named: England's fact is the answer
        ("is lutathera available on the NHS in england?", ENGLAND),
        ("is lutathera approved in the US?", "The FDA approved Lutathera in the USA in 2018."),  # their own fact
        ("we live in scotland, how is PRRT given?", "PRRT is given through a drip."),  # nothing of England's
    ],
)
def test_no_note_when_the_answer_is_not_englands_alone(text: str, sent: str) -> None:
    assert england_only_note(text, [sent]) is None


@pytest.mark.parametrize(
    "text, place",
    [
        ("we moved from wales to scotland, is it funded here?", "Scotland"),  # where they moved to
        ("we moved to scotland from wales, is it funded?", "Scotland"),
        ("originally from scotland but now in wales, is PRRT funded", "Wales"),
        ("we are from wales, is PRRT funded", "Wales"),  # the only place named
        ("we are in northern ireland", "Northern Ireland"),
        ("is lutathera on the NHS in new south wales?", "Australia"),  # not Wales
        ("is everolimus funded in nsw", "Australia"),
    ],
)
def test_the_place_they_are_in_is_the_one_meant(text: str, place: str) -> None:
    named = place_named(text)
    assert named is not None and named[0] == place


@pytest.mark.parametrize(
    "text",
    [
        "my consultant trained in america, is lutathera on the NHS?",
        "I saw on an American website that lutathera works, is it on the NHS?",
        "my surgeon studied in germany, is PRRT on the NHS?",
    ],
)
def test_a_place_where_someone_else_did_something_is_not_theirs(text: str) -> None:
    assert place_named(text) is None
    assert england_only_note(text, [ENGLAND]) is None


def test_new_south_wales_is_not_called_wales() -> None:
    note = england_only_note("is lutathera on the NHS in new south wales?", [ENGLAND])
    assert note is not None and "Wales" not in note.replace("New South Wales", "")


def test_the_note_is_plain_english() -> None:
    note = england_only_note("is lutathera available on the NHS in scotland?", [ENGLAND])
    assert note is not None and textstat.flesch_kincaid_grade(note) <= 8


def _asked(text: str, topic: str) -> list[str]:
    t = tracker(text, intent="knowledge")
    t.latest_message["response_selector"] = {
        "knowledge": {"response": {"intent_response_key": f"knowledge/{topic}", "confidence": 0.9}}
    }
    _, messages = run(ActionAnswerKnowledge(), t, DOMAIN)
    return [m.get("text") or m.get("response") or "" for m in messages]


def test_the_knowledge_answer_says_the_nhs_fact_is_for_england() -> None:
    sent = _asked("is lutathera available on the NHS in scotland?", "what_is_prrt")
    assert sent[0] == "utter_knowledge/what_is_prrt"
    assert any("no checked fact for Scotland" in line for line in sent), sent
    unasked = _asked("is lutathera available on the NHS?", "what_is_prrt")
    assert not any("no checked fact" in line for line in unasked), unasked
