"""action_emergency and action_distress: the right number at once, no questions first."""

from __future__ import annotations

from datetime import datetime, timezone
from typing import Any, Optional

from rasa_sdk import Action, Tracker
from rasa_sdk.events import ActionExecuted, EventType, UserUttered
from rasa_sdk.executor import CollectingDispatcher

from actions.country import country_code
from bot.contacts.book import DEFAULT_COUNTRY, ContactBook, default_contacts
from bot.contacts.present import crisis_answer, emergency_answer
from bot.personal.plain_fear import only_fear
from bot.personal.support import SUPPORT_FIRST, WHEN_READY, support_answer, the_question
from bot.personal.whose_crisis import about_someone_close

# Below this, only the classifier guessed an emergency ("can my 12 yr old have it, he has VHL"
# at 0.34): the number is still given first, but as a condition, not an alarm.
SURE_EMERGENCY = 0.6


class ActionEmergency(Action):
    def name(self) -> str:
        return "action_emergency"

    async def run(self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: dict[str, Any]) -> list[EventType]:
        confidence = (tracker.latest_message.get("intent") or {}).get("confidence")
        sure = confidence is None or confidence >= SURE_EMERGENCY  # the safety net's patterns set 1.0
        dispatcher.utter_message(text=emergency_answer(default_contacts(), country_code(tracker), sure=sure))
        return []


class ActionDistress(Action):
    def name(self) -> str:
        return "action_distress"

    async def run(self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: dict[str, Any]) -> list[EventType]:
        now = datetime.now(timezone.utc)
        net = tracker.latest_message.get("safety_net") or {}
        text = tracker.latest_message.get("text")
        book, country = default_contacts(), country_code(tracker)
        if _plain_fear(net, text, book, country):
            dispatcher.utter_message(text=support_answer(book, country, now, False, ending=WHEN_READY))
            return []
        if net.get("reason") != SUPPORT_FIRST:
            close = about_someone_close(text)  # "my husband keeps saying he wants to give up"
            dispatcher.utter_message(text=crisis_answer(book, country, now, close))
            return []
        question = net.get("question")
        # In the pre-screen its own rule stops the form next: the question waits for the person
        follows = bool(question) and not (tracker.active_loop or {}).get("name")
        dispatcher.utter_message(text=support_answer(book, country, now, follows))
        return asked_again(tracker.latest_message, str(question)) if follows else []


def _plain_fear(net: dict[str, Any], text: Any, book: ContactBook, country: Optional[str]) -> bool:
    """Fear or tears only, and no risk pattern found (only the classifier, or despair it guessed urgent):
    support lines, not the crisis reply; where we know no support line for the country, the crisis reply."""
    if net.get("reason") not in (None, "despair") or not only_fear(text if isinstance(text, str) else None):
        return False
    return bool(book.helplines_for(country or DEFAULT_COUNTRY, "emotional_support"))


def asked_again(parsed: dict[str, Any], question: str) -> list[EventType]:
    """The message heard again with its question's intent, without the words of feeling the support
    has met (bot/personal/support.the_question), so the rules answer it as they would have without
    the support and the answer adds no second kind word (the profile already holds what it told)."""
    intent = {"name": question, "confidence": 1.0}
    # distress stays next: the classifier's first choice was not a knowledge topic (actions/topics.py reads the
    # ranking so), and a topic guessed on the words of feeling must meet its own confidence
    ranking = [intent] + [r for r in parsed.get("intent_ranking") or [] if r.get("name") != question]
    # Rasa's check of a user event refuses an entity's confidence of None (the spaCy ruler's)
    entities = [{k: v for k, v in e.items() if v is not None} for e in parsed.get("entities") or []]
    text = the_question(str(parsed.get("text") or ""))
    heard = {**parsed, "text": text, "intent": intent, "intent_ranking": ranking, "entities": entities}
    heard["safety_net"] = {"kind": question, "reason": "after_support"}
    return [ActionExecuted("action_listen"), UserUttered(text, parse_data=heard)]
