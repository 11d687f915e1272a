"""Running one custom action as rasa-sdk does: a real `Tracker`, a collecting dispatcher."""

from __future__ import annotations

import asyncio
from concurrent.futures import ThreadPoolExecutor
from typing import Any, Coroutine, Optional, TypeVar

from rasa_sdk import Action, Tracker
from rasa_sdk.executor import CollectingDispatcher


def tracker(
    text: str,
    *,
    intent: str = "inform",
    slots: Optional[dict] = None,
    entities: Optional[list[dict]] = None,
    events: Optional[list[dict]] = None,
) -> Tracker:
    """The tracker right after the person sent `text`, classified as `intent` with full confidence."""
    return Tracker(
        sender_id="test",
        slots=slots or {},
        latest_message={"text": text, "intent": {"name": intent, "confidence": 1.0}, "entities": entities or []},
        events=events or [],
        paused=False,
        followup_action=None,
        active_loop={},
        latest_action_name="action_listen",
    )


T = TypeVar("T")


def entity(name: str, value: str) -> dict[str, Any]:
    """An entity as the spaCy extractor gives it."""
    return {"entity": name, "value": value, "extractor": "SpacyEntityExtractor"}


def run(action: Action, t: Tracker, domain: Optional[dict] = None) -> tuple[list[dict], list[dict[str, Any]]]:
    """The events the action returns and the messages it sends."""
    dispatcher = CollectingDispatcher()
    events = _finished(action.run(dispatcher, t, domain or {}))
    return events, dispatcher.messages


def _finished(coroutine: Coroutine[Any, Any, T]) -> T:
    """The coroutine run to its end. Playwright's sync API (the browser tests) keeps an event loop
    running in the main thread for the rest of the session, where asyncio.run() refuses to start:
    then it runs in a thread of its own."""
    try:
        asyncio.get_running_loop()
    except RuntimeError:
        return asyncio.run(coroutine)
    with ThreadPoolExecutor(max_workers=1) as thread:
        return thread.submit(asyncio.run, coroutine).result()
