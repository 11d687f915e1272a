"""A question of what trials found about a treatment it names ("did lenvatinib actually shrink pancreatic
tumours in trials or is it a long shot"): our facts of what its trials found are added to the topic answer
(bot/knowledge/found_asked.py, actions/general_answer.py)."""

from __future__ import annotations

import pytest
import yaml

from actions.knowledge_answer import ActionAnswerKnowledge
from bot.config import REPO_ROOT
from bot.knowledge.facts import read_facts
from bot.knowledge.found_asked import asks_what_trials_found, found_facts
from bot.knowledge.side_facts import tells_what_was_found
from tests.helpers.actions import run, tracker

RESPONSES = yaml.safe_load((REPO_ROOT / "data" / "nlu" / "knowledge_responses.yml").read_text())["responses"]


@pytest.mark.parametrize(
    "text, must",
    [
        (
            "my onc mentioned lenvatinib. did it actually shrink pancreatic tumours in trials or is it a long shot",
            "4 in 10",
        ),
        ("pazopanib - in the studies how many times did it make the tumour smaller?", "7 of them"),
        ("is there any evidence for doing stz and 5fu before everolimus?", "SEQTOR"),
        ("would adding capecitabine to temozolomide help her live longer?", "22.7 months"),
        ("PROMID proves octreotide slows a pancreatic NET, right?", "midgut"),
    ],
)
def test_what_the_trials_of_the_named_treatment_found(text: str, must: str) -> None:
    assert asks_what_trials_found(text)
    assert any(must in fact.text for fact in found_facts(text)), [f.text for f in found_facts(text)]


@pytest.mark.parametrize(
    "text",
    [
        "what are the side effects of sunitinib?",
        "is lanreotide an injection?",
        "how is everolimus taken",
        "can i still drive on sunitinib?",
    ],
)
def test_no_findings_for_a_question_that_asks_none(text: str) -> None:
    assert not asks_what_trials_found(text) and found_facts(text) == []


def test_the_knowledge_answer_adds_the_findings_after_the_topic() -> None:
    t = tracker("my onc mentioned lenvatinib. did it actually shrink pancreatic tumours in trials?", intent="knowledge")
    t.latest_message["response_selector"] = {
        "knowledge": {"response": {"intent_response_key": "knowledge/lenvatinib", "confidence": 0.9}}
    }
    _, messages = run(ActionAnswerKnowledge(), t, {"responses": RESPONSES})
    sent = [m.get("response") or m.get("text") or "" for m in messages]
    assert sent[0] == "utter_knowledge/lenvatinib"
    assert "44.2%" in " ".join(sent) and "concluded it worked well" not in " ".join(sent)  # the topic said it


@pytest.mark.parametrize(
    "text",
    ["would sunitinib help him live longer?", "did sunitinib work in trials?", "what did the sunitinib trials find?"],
)
def test_no_side_effect_fact_goes_out_as_a_finding(text: str) -> None:
    assert not any("diarrhoea" in fact.text for fact in found_facts(text))


def test_a_side_effect_fact_does_not_tell_what_was_found() -> None:
    by_id = {fact.id: fact for fact in read_facts()}
    assert not tells_what_was_found(by_id["sunitinib_side_effects"])
    assert not tells_what_was_found(by_id["captem_blood_checks"])  # a blood test's "results"
    assert tells_what_was_found(by_id["netter2_result"])


@pytest.mark.parametrize(
    "text",
    [
        "is everolimus given in trials or on the NHS?",
        "is lutathera used in trials or only on the NHS?",
        "can I take part in the lutathera trials?",
        "is lanreotide used in studies for insulinoma?",
    ],
)
def test_in_trials_without_a_finding_verb_asks_no_findings(text: str) -> None:
    assert not asks_what_trials_found(text)


@pytest.mark.parametrize(
    "text",
    ["did everolimus work in the trials?", "what was found in studies of lanreotide?", "has it been shown in trials?"],
)
def test_in_trials_after_a_finding_verb_asks_findings(text: str) -> None:
    assert asks_what_trials_found(text)


def test_the_talent_figures_name_their_trade_press_source_and_date() -> None:
    fact = {fact.id: fact for fact in read_facts()}["lenvatinib_talent_shrank"]
    assert "trade news report" in fact.text and "2018" in fact.text and "44.2%" in fact.text
    assert fact.source == "5 cautions"
