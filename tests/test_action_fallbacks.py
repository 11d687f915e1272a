"""ActionWithFallback against a real HTTP stand-in for the action server: valid answers pass
through the once-built schema check, and an answer that breaks Rasa's schema gets the static
fallback (or Rasa's own error for actions with no fallback)."""

from __future__ import annotations

import asyncio
from typing import Any

import pytest
import yaml
from aiohttp import web
from jsonschema import ValidationError
from rasa.core.channels import CollectingOutputChannel
from rasa.core.nlg import TemplatedNaturalLanguageGenerator
from rasa.shared.core.domain import Domain
from rasa.shared.core.events import BotUttered, Event, SlotSet, UserUttered
from rasa.shared.core.trackers import DialogueStateTracker
from rasa.utils.endpoints import EndpointConfig

from bot.config import REPO_ROOT
from bot.deploy.embedded import free_port
from components.action_fallbacks import ActionWithFallback
from components.action_response_schema import response_validator, validate_action_response

DOMAIN = Domain.load(str(REPO_ROOT / "domain.yml"))
NLG = TemplatedNaturalLanguageGenerator(DOMAIN.responses)
KNOWLEDGE_RESPONSES = yaml.safe_load((REPO_ROOT / "data" / "nlu" / "knowledge_responses.yml").read_text())["responses"]
VALID = {
    "events": [{"event": "slot", "name": "treatment", "value": "everolimus"}],
    "responses": [{"text": "Here is what I found.", "buttons": [{"title": "More", "payload": "/show_more_trials"}]}],
}
MALFORMED = [
    {"events": "not a list"},
    {"events": [{"event": "slot", "timestamp": "noon"}]},
    {"events": [{"no": "event key"}]},
]


def said(events: list[Event]) -> list[str]:
    return [event.text for event in events if isinstance(event, BotUttered)]


async def run_against(answer: dict[str, Any], action_name: str) -> list[Event]:
    """The events ActionWithFallback returns when the action server answers `answer`."""

    async def webhook(request: web.Request) -> web.Response:
        return web.json_response(answer)

    app = web.Application()
    app.router.add_post("/webhook", webhook)
    runner = web.AppRunner(app)
    await runner.setup()
    port = free_port()
    await web.TCPSite(runner, "127.0.0.1", port).start()
    try:
        action = ActionWithFallback(action_name, EndpointConfig(f"http://127.0.0.1:{port}/webhook"))
        tracker = DialogueStateTracker("tester", DOMAIN.slots)
        return await action.run(CollectingOutputChannel(), NLG, tracker, DOMAIN)
    finally:
        await runner.cleanup()


def test_a_valid_answer_passes_and_the_validator_is_built_once() -> None:
    validate_action_response(VALID)
    assert response_validator() is response_validator()


@pytest.mark.parametrize("answer", MALFORMED)
def test_a_malformed_answer_is_refused_in_rasas_words(answer: dict) -> None:
    with pytest.raises(ValidationError, match="Failed to validate Action server response"):
        validate_action_response(answer)


def test_a_valid_answer_from_the_action_server_is_used() -> None:
    events = asyncio.run(run_against(VALID, "action_search_trials"))
    assert SlotSet("treatment", "everolimus") in events
    assert said(events) == ["Here is what I found."]


@pytest.mark.parametrize("answer", MALFORMED)
def test_a_malformed_answer_gets_the_static_fallback(answer: dict) -> None:
    events = asyncio.run(run_against(answer, "action_show_helplines"))
    expected = asyncio.run(NLG.generate("utter_helpline", DialogueStateTracker("x", DOMAIN.slots), "rest"))
    assert said(events) == [expected["text"]]
    assert "0808 800 4040" in expected["text"]


def test_an_action_without_a_fallback_keeps_rasas_error() -> None:
    with pytest.raises(ValidationError):
        asyncio.run(run_against(MALFORMED[0], "validate_prescreen_form"))


def _knowledge_tracker(topic: str) -> DialogueStateTracker:
    tracker = DialogueStateTracker("tester", DOMAIN.slots)
    tracker.update(
        UserUttered(
            "what is a biopsy",
            {"name": "knowledge", "confidence": 0.9},
            parse_data={
                "intent": {"name": "knowledge", "confidence": 0.9},
                "entities": [],
                "response_selector": {
                    "knowledge": {
                        "response": {
                            "intent_response_key": f"knowledge/{topic}",
                            "utter_action": f"utter_knowledge/{topic}",
                            "confidence": 0.9,
                        }
                    }
                },
            },
        )
    )
    return tracker


async def _knowledge_answer_with_the_server_down(tracker: DialogueStateTracker) -> list[Event]:
    responses = {**DOMAIN.responses, **KNOWLEDGE_RESPONSES}
    action = ActionWithFallback("action_answer_knowledge", EndpointConfig(f"http://127.0.0.1:{free_port()}/webhook"))
    return await action.run(CollectingOutputChannel(), TemplatedNaturalLanguageGenerator(responses), tracker, DOMAIN)


def test_a_knowledge_question_still_gets_its_topic_answer_when_the_action_server_is_down() -> None:
    events = asyncio.run(_knowledge_answer_with_the_server_down(_knowledge_tracker("biopsy")))
    assert said(events) == [KNOWLEDGE_RESPONSES["utter_knowledge/biopsy"][0]["text"]]


def test_with_no_topic_to_give_the_knowledge_fallback_says_it_could_not_fetch_it() -> None:
    tracker = DialogueStateTracker("tester", DOMAIN.slots)
    tracker.update(UserUttered("what is a biopsy", {"name": "knowledge", "confidence": 0.9}))
    texts = said(asyncio.run(_knowledge_answer_with_the_server_down(tracker)))
    assert len(texts) == 2 and "can't fetch that answer" in texts[0] and "0808 800 4040" in texts[1]
