"""action_answer_knowledge: a question about NETs, their tests and treatments, or how trials
work. The topic answer (what utter_knowledge would send), then the one single fact that answers
the question's exact point when the answer leaves it out ("how long does an EUS take?"), each a
message of its own so that each stays short; when that point is of their own situation ("my dad
only has one kidney..."), who can say how it applies to them. A question of how long someone may
live gets no figure, said plainly, and who can talk it through (bot/personal/prognosis.py); one
whose exact point no fact holds ("can I drive after PRRT?") is told so (bot/knowledge/not_held.py)."""

from __future__ import annotations

from typing import Any, Optional

from rasa_sdk import Action, Tracker
from rasa_sdk.events import EventType
from rasa_sdk.executor import CollectingDispatcher

from actions.profile import message_text
from actions.topics import bot_texts, response_text, selected_topic, topic_of
from bot.knowledge.facts import answering_fact
from bot.knowledge.not_held import not_held
from bot.personal.feelings import acknowledgement, shows_feeling
from bot.personal.handing_back import after_general
from bot.personal.own_situation import about_their_own_situation
from bot.personal.prognosis import CONTEXT_TOPICS, asks_prognosis, no_figure


class ActionAnswerKnowledge(Action):
    def name(self) -> str:
        return "action_answer_knowledge"

    async def run(self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: dict[str, Any]) -> list[EventType]:
        response = selected_topic(tracker, domain)
        if shows_feeling(message_text(tracker)):  # "the nurse wants an answer by friday and i feel really pushed"
            dispatcher.utter_message(text=acknowledgement(bot_texts(tracker), message_text(tracker)))
        if asks_prognosis(message_text(tracker)):
            send_no_figure(dispatcher, tracker, domain, response)
            return []
        if send_not_held(dispatcher, tracker):
            return []
        sent, with_fact = send_topic_and_fact(dispatcher, tracker, domain, response)
        if not sent:
            dispatcher.utter_message(response="utter_default")
        elif with_fact and about_their_own_situation(message_text(tracker)):  # an exact point of their own
            dispatcher.utter_message(text=after_general(bot_texts(tracker)))
        return []


def send_topic_and_fact(
    dispatcher: CollectingDispatcher, tracker: Tracker, domain: dict[str, Any], response: Optional[str]
) -> tuple[bool, bool]:
    """The knowledge answer `response`, then the single fact that answers the message's exact
    point if the answer leaves it out: (anything sent, a fact among it)."""
    fact = answering_fact(message_text(tracker) or "", response_text(domain, response), topic_of(response))
    if response:
        dispatcher.utter_message(response=response)
    if fact is not None:
        dispatcher.utter_message(text=fact.text)
    return bool(response or fact), fact is not None


def send_not_held(dispatcher: CollectingDispatcher, tracker: Tracker) -> bool:
    """ "Can I drive after PRRT?": no fact we hold answers its exact point, so say so and who can
    tell, rather than send the nearest topic (bot/knowledge/not_held.py). False when a fact may."""
    said = not_held(message_text(tracker) or "")
    if said is not None:
        dispatcher.utter_message(text=said.text)
    return said is not None


def send_no_figure(
    dispatcher: CollectingDispatcher, tracker: Tracker, domain: dict[str, Any], response: Optional[str]
) -> None:
    """ "Survival rate with liver mets?": the knowledge answer only when it is about the illness itself
    ("is stage 4 terminal?"), then plainly no figure for one person, and who can talk it through."""
    if response and topic_of(response) in CONTEXT_TOPICS:
        dispatcher.utter_message(response=response)
    dispatcher.utter_message(text=no_figure(bot_texts(tracker)))
