"""Running one custom action as rasa-sdk does: a real `Tracker`, a collecting dispatcher, and the
domain only when Rasa sends it one (`send_domain` in domain.yml)."""

from __future__ import annotations

import asyncio
from concurrent.futures import ThreadPoolExecutor
from functools import lru_cache
from typing import Any, Coroutine, NoReturn, Optional, TypeVar

from rasa_sdk import Action, Tracker
from rasa_sdk.executor import CollectingDispatcher

from bot.config import REPO_ROOT


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
    """The events the action returns and the messages it sends. Without `domain`, an action Rasa
    sends no domain to gets one that fails the test when read."""
    if domain is None:
        domain = {} if gets_the_domain(action.name()) else NotSent(action.name())
    dispatcher = CollectingDispatcher()
    events = _finished(action.run(dispatcher, t, domain))
    return events, dispatcher.messages


def gets_the_domain(action_name: str) -> bool:
    """Whether Rasa sends this action the domain, as Rasa reads domain.yml (selective domain on)."""
    return _domain().does_custom_action_explicitly_need_domain(action_name)


@lru_cache(maxsize=1)
def _domain() -> Any:
    from rasa.shared.core.domain import Domain

    return Domain.load(str(REPO_ROOT / "domain.yml"))


class NotSent(dict):
    """The empty domain rasa-sdk hands an action Rasa sends none to: reading it is a mistake (the
    action would see no responses, no slots, no forms in production)."""

    def __init__(self, action_name: str) -> None:
        super().__init__()
        self.action_name = action_name

    def _read(self, *args: Any, **kwargs: Any) -> NoReturn:
        raise AssertionError(
            f"{self.action_name} reads the domain, which Rasa does not send it: mark it send_domain in domain.yml"
        )

    get = __getitem__ = __contains__ = __iter__ = __len__ = keys = items = values = _read


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
