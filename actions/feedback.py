"""action_log_gap: questions that reached the fallback, and answers marked unhelpful, go to
the content-gap log (personal details removed) for staff to review."""

from __future__ import annotations

from functools import lru_cache
from typing import Any, Optional

from rasa_sdk import Action, Tracker
from rasa_sdk.events import EventType
from rasa_sdk.executor import CollectingDispatcher
from sqlalchemy.exc import SQLAlchemyError

from bot.config import database_url
from bot.gaps import GapKind, GapLog
from bot.trials.store import make_engine

FEEDBACK_INTENTS = ("feedback_unhelpful",)


@lru_cache(maxsize=4)
def _gap_log(url: str) -> GapLog:
    return GapLog(make_engine(url))


def last_user_question(tracker: Tracker, skip_latest: bool) -> Optional[str]:
    texts = [e.get("text") for e in tracker.events if e.get("event") == "user" and e.get("text")]
    if skip_latest and texts:
        texts = texts[:-1]
    return texts[-1] if texts else None


def last_answer(tracker: Tracker) -> Optional[str]:
    for event in reversed(tracker.events):
        if event.get("event") == "bot":
            return (event.get("metadata") or {}).get("utter_action") or (event.get("text") or "")[:80]
    return None


def log_fallback(tracker: Tracker) -> None:
    """The latest question to the gap log, as one the assistant could not place."""
    question = last_user_question(tracker, skip_latest=False)
    if question:
        _record(tracker, "fallback", question, None)


def _record(tracker: Tracker, kind: GapKind, question: str, answer: Optional[str]) -> None:
    try:
        _gap_log(database_url()).record(kind, question, answer=answer)
    except SQLAlchemyError:
        pass  # the log is for staff; never let it spoil the person's chat


class ActionLogGap(Action):
    def name(self) -> str:
        return "action_log_gap"

    async def run(self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: dict[str, Any]) -> list[EventType]:
        unhelpful = (tracker.latest_message.get("intent") or {}).get("name") in FEEDBACK_INTENTS
        question = last_user_question(tracker, skip_latest=unhelpful)
        if question:
            _record(
                tracker, "unhelpful" if unhelpful else "fallback", question, last_answer(tracker) if unhelpful else None
            )
        return []
