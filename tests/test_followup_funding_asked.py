"""Whether the NHS pays for a named treatment reaches that treatment's funding fact (NICE, the NHS in England)
and, for another part of the UK, the England-only note (bot/knowledge/funding_asked.py, components/
topic_selector.py, bot/knowledge/where_it_holds.py); who pays for a trial's travel is left to the model."""

from __future__ import annotations

from pathlib import Path
from typing import Optional

import pytest
import yaml
from rasa.engine.storage.local_model_storage import LocalModelStorage
from rasa.engine.storage.resource import Resource
from rasa.shared.nlu.constants import INTENT, INTENT_RESPONSE_KEY, TEXT
from rasa.shared.nlu.training_data.message import Message
from rasa.shared.nlu.training_data.training_data import TrainingData

from actions.knowledge_answer import ActionAnswerKnowledge
from bot.config import REPO_ROOT
from bot.knowledge.funding_asked import funding_topic
from components.topic_selector import TopicSelector
from tests.component_helpers import context, prepare
from tests.helpers.actions import run, tracker

RESPONSES = yaml.safe_load((REPO_ROOT / "data" / "nlu" / "knowledge_responses.yml").read_text())["responses"]
TOPICS = {
    "knowledge/trial_costs": [
        "does the nhs pay for travel to a trial",
        "who pays for my petrol to get to the trial",
        "will i have to pay for anything in a trial",
        "are expenses covered here",
        "do they pay for parking",
    ],
    "knowledge/targeted_drugs": [
        "what are targeted drugs",
        "how do targeted drugs like everolimus work",
        "tell me about sunitinib and everolimus",
        "what is a tablet targeted therapy",
        "targeted therapy explained",
    ],
    "knowledge/what_is_prrt": ["what is prrt", "explain lutathera", "how does prrt work", "radioactive drip", "prrt"],
}


@pytest.mark.parametrize(
    "text, topic",
    [
        ("we're in wales. does the nhs pay for everolimus here?", "targeted_drugs"),
        ("will the nhs fund sunitinib for my dad", "targeted_drugs"),
        ("can my mum get lutathera on the NHS?", "what_is_prrt"),
        ("is cabozantinib funded in scotland?", "cabozantinib"),
    ],
)
def test_funding_of_a_named_treatment_is_its_funding_facts_topic(text: str, topic: str) -> None:
    assert funding_topic(text) == topic


@pytest.mark.parametrize(
    "text",
    [
        "does the nhs pay for travel to the everolimus trial?",
        "does the nhs pay for travel to trials",
        "what are the side effects of everolimus",
        "does the nhs pay for lanreotide?",  # no funding fact of ours names it: the model's topic stays
        "is everolimus available?",
    ],
)
def test_no_funding_topic_without_a_named_treatments_funding(text: str) -> None:
    assert funding_topic(text) is None


def _choice(selector: TopicSelector, text: str) -> Optional[str]:
    message = Message({TEXT: text})
    prepare([message])
    selector.process([message])
    ranking = message.get("response_selector")["knowledge"]["ranking"]
    assert abs(sum(r["confidence"] for r in ranking) - 1.0) < 1e-6
    return str(message.get("response_selector")["knowledge"]["response"]["intent_response_key"])


def test_the_selector_puts_the_funding_topic_first_and_leaves_trial_costs(tmp_path: Path) -> None:
    messages = [Message({TEXT: t, INTENT: "knowledge", INTENT_RESPONSE_KEY: k}) for k, ts in TOPICS.items() for t in ts]
    prepare(messages)
    selector = TopicSelector.create(
        {"retrieval_intent": "knowledge"}, LocalModelStorage(tmp_path), Resource("t"), context("t")
    )
    selector.train(TrainingData(messages, responses={f"utter_{k}": RESPONSES[f"utter_{k}"] for k in TOPICS}))
    assert _choice(selector, "we're in wales. does the nhs pay for everolimus here?") == "knowledge/targeted_drugs"
    assert _choice(selector, "can we get lutathera on the nhs") == "knowledge/what_is_prrt"
    assert _choice(selector, "does the nhs pay for travel to a trial in leeds?") == "knowledge/trial_costs"


def test_the_answer_gives_the_nice_fact_and_says_it_is_englands() -> None:
    t = tracker("we're in wales. does the nhs pay for everolimus here?", intent="knowledge")
    t.latest_message["response_selector"] = {
        "knowledge": {"response": {"intent_response_key": "knowledge/targeted_drugs", "confidence": 0.35}}
    }
    _, messages = run(ActionAnswerKnowledge(), t, {"responses": RESPONSES})
    sent = " ".join(m.get("text") or RESPONSES.get(m.get("response") or "", [{}])[0].get("text", "") for m in messages)
    assert "NICE recommends everolimus" in sent, sent  # the topic holds the NICE fact
    assert "facts I hold are for England" in sent and "A NET team in Wales" in sent, sent
    assert "travel" not in sent, sent
