"""TopicSelector as Rasa runs it: trained in real model storage, its choice in the shape Rasa's
ResponseSelector gives (read by utter_knowledge and `rasa test`), saved, loaded, damaged."""

from __future__ import annotations

from pathlib import Path

import pytest
from rasa.engine.storage.local_model_storage import LocalModelStorage
from rasa.engine.storage.resource import Resource
from rasa.shared.nlu.constants import INTENT, INTENT_RESPONSE_KEY, TEXT
from rasa.shared.nlu.training_data.message import Message
from rasa.shared.nlu.training_data.training_data import TrainingData

from components.model_component import MODEL_FILE
from components.topic_selector import RESPONSES_FILE, TopicSelector
from tests.component_helpers import context, prepare

TOPICS = {
    "knowledge/what_is_prrt": [
        "what is prrt",
        "tell me about the radioactive drip",
        "explain prrt please",
        "what is peptide receptor radionuclide therapy",
        "how does prrt work",
    ],
    "knowledge/lanreotide": [
        "what is lanreotide",
        "tell me about the monthly injection",
        "what is somatuline",
        "how is lanreotide given",
        "lanreotide autogel explained",
    ],
    "knowledge/placebo": [
        "what is a placebo",
        "is a placebo a dummy pill",
        "what does placebo mean",
        "could i get a sugar pill",
        "explain placebos",
    ],
}
RESPONSES = {
    f"utter_{key}": [
        {
            "text": f"An answer about {key.split('/')[1]}.",
            "buttons": [{"title": "Talk to a nurse", "payload": "/ask_helpline"}],
        }
    ]
    for key in TOPICS
}
CONFIG = {"retrieval_intent": "knowledge"}


@pytest.fixture()
def storage(tmp_path: Path) -> LocalModelStorage:
    return LocalModelStorage(tmp_path)


def trained(storage: LocalModelStorage) -> tuple[TopicSelector, Resource]:
    messages = [
        Message({TEXT: text, INTENT: "knowledge", INTENT_RESPONSE_KEY: key})
        for key, texts in TOPICS.items()
        for text in texts
    ]
    messages += [Message({TEXT: text, INTENT: "greet"}) for text in ("hello", "hi there", "good morning")]
    prepare(messages)
    resource = Resource("topics")
    selector = TopicSelector.create(CONFIG, storage, resource, context("topics"))
    selector.train(TrainingData(messages, responses=RESPONSES))
    return selector, resource


def choose(selector: TopicSelector, text: str) -> dict:
    message = Message({TEXT: text})
    prepare([message])
    selector.process([message])
    return message.get("response_selector")


def test_an_unseen_phrasing_gets_its_topic_in_rasas_shape(storage: LocalModelStorage) -> None:
    selector, _ = trained(storage)
    chosen = choose(selector, "can you explain the radioactive treatment prrt")
    assert chosen["all_retrieval_intents"] == ["knowledge"]
    response = chosen["knowledge"]["response"]
    assert response["intent_response_key"] == "knowledge/what_is_prrt"
    assert response["utter_action"] == "utter_knowledge/what_is_prrt"
    assert response["responses"] == RESPONSES["utter_knowledge/what_is_prrt"]
    ranking = chosen["knowledge"]["ranking"]
    assert [r["intent_response_key"] for r in ranking][0] == "knowledge/what_is_prrt"
    assert {r["intent_response_key"] for r in ranking} == set(TOPICS)
    assert abs(sum(r["confidence"] for r in ranking) - 1.0) < 1e-6
    assert response["confidence"] == ranking[0]["confidence"]


def test_a_saved_selector_loads_and_chooses_the_same(storage: LocalModelStorage) -> None:
    selector, resource = trained(storage)
    loaded = TopicSelector.load(CONFIG, storage, resource, context("topics"))
    for text in ["is the dummy drug a placebo", "what is the lanreotide jab"]:
        assert choose(loaded, text) == choose(selector, text)


@pytest.mark.parametrize("damaged", [MODEL_FILE, RESPONSES_FILE])
def test_a_damaged_saved_file_leaves_topics_unchosen(storage: LocalModelStorage, tmp_path: Path, damaged: str) -> None:
    _, resource = trained(storage)
    next(tmp_path.rglob(damaged)).write_bytes(b"not what was saved")
    loaded = TopicSelector.load(CONFIG, storage, resource, context("topics"))
    assert choose(loaded, "what is prrt") is None


def test_without_two_topics_nothing_is_trained(storage: LocalModelStorage) -> None:
    messages = [
        Message({TEXT: "what is prrt", INTENT: "knowledge", INTENT_RESPONSE_KEY: "knowledge/what_is_prrt"}),
        Message({TEXT: "hello", INTENT: "greet"}),
    ]
    prepare(messages)
    selector = TopicSelector.create(CONFIG, storage, Resource("one"), context("topics"))
    selector.train(TrainingData(messages, responses=RESPONSES))
    assert choose(selector, "what is prrt") is None


def test_the_retrieval_intent_must_be_named(storage: LocalModelStorage) -> None:
    with pytest.raises(ValueError, match="retrieval_intent"):
        TopicSelector.create({}, storage, Resource("none"), context("topics"))
