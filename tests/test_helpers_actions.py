"""The shared helper that runs one custom action (tests/helpers/actions.py)."""

from __future__ import annotations

import asyncio
from typing import Any

import pytest
from rasa_sdk import Action, Tracker
from rasa_sdk.events import EventType
from rasa_sdk.executor import CollectingDispatcher

from tests.helpers.actions import _finished, run, tracker


async def _seven() -> int:
    return 7


def test_an_action_runs_whether_or_not_an_event_loop_is_running() -> None:
    """The browser tests leave an event loop running in the main thread; actions still run after them."""

    async def inside_a_running_loop() -> int:
        return _finished(_seven())

    assert _finished(_seven()) == 7
    assert asyncio.run(inside_a_running_loop()) == 7


class _ReadsTheDomain(Action):
    def __init__(self, action_name: str) -> None:
        self.action_name = action_name

    def name(self) -> str:
        return self.action_name

    async def run(self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: dict[str, Any]) -> list[EventType]:
        dispatcher.utter_message(text=str(len(domain.get("responses") or {})))
        return []


def test_an_action_rasa_sends_no_domain_fails_its_test_when_it_reads_one() -> None:
    with pytest.raises(AssertionError, match="send_domain"):
        run(_ReadsTheDomain("action_show_helplines"), tracker("nurse please"))
    _, messages = run(_ReadsTheDomain("action_answer_knowledge"), tracker("what is prrt"))  # marked send_domain
    assert [m["text"] for m in messages] == ["0"]
