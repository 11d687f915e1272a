"""A question of what trials found about a treatment it names ("did lenvatinib actually shrink pancreatic
tumours in trials or is it a long shot"): our facts of what its trials found are added to the topic answer
(bot/knowledge/found_asked.py, actions/general_answer.py)."""

from __future__ import annotations

import pytest
import yaml

from actions.knowledge_answer import ActionAnswerKnowledge
from bot.config import REPO_ROOT
from bot.knowledge.found_asked import asks_what_trials_found, found_facts
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
