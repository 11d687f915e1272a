"""ActionWithFallback against a real HTTP stand-in for the action server: valid answers pass
through the once-built schema check, and an answer that breaks Rasa's schema gets the static
fallback (or Rasa's own error for actions with no fallback)."""
from __future__ import annotations

import asyncio
from typing import Any

import pytest
from aiohttp import web
from jsonschema import ValidationError
from rasa.core.channels import CollectingOutputChannel
from rasa.core.nlg import TemplatedNaturalLanguageGenerator
from rasa.shared.core.domain import Domain
from rasa.shared.core.events import BotUttered, Event, SlotSet
from rasa.shared.core.trackers import DialogueStateTracker
from rasa.utils.endpoints import EndpointConfig

from bot.config import REPO_ROOT
from bot.deploy.embedded import free_port
from components.action_fallbacks import ActionWithFallback
from components.action_response_schema import response_validator, validate_action_response

DOMAIN = Domain.load(str(REPO_ROOT / "domain.yml"))
NLG = TemplatedNaturalLanguageGenerator(DOMAIN.responses)
VALID = {"events": [{"event": "slot", "name": "treatment", "value": "everolimus"}],
         "responses": [{"text": "Here is what I found.", "buttons": [{"title": "More", "payload": "/show_more_trials"}]}]}
MALFORMED = [{"events": "not a list"}, {"events": [{"event": "slot", "timestamp": "noon"}]}, {"events": [{"no": "event key"}]}]


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
