"""The general part of an answer, shared by the actions that answer questions: a kind word for the
feeling shown, a knowledge topic with the single fact that answers the exact point it leaves out, a
point no fact holds said plainly, and no figure for how long someone may live. Imports no other
answering action, so each of them can use it (the import circles of issue 22 item 6 went with it)."""

from __future__ import annotations

from typing import Any, Optional

from rasa_sdk import Tracker
from rasa_sdk.executor import CollectingDispatcher

from actions.profile import message_text
from actions.topics import bot_texts, response_text, topic_of
from bot.knowledge.facts import Fact, answering_fact
from bot.knowledge.found_asked import found_answer, found_facts
from bot.knowledge.names import treatment_ids
from bot.knowledge.not_held import asks_what_it_causes, not_held
from bot.knowledge.where_it_holds import england_only_note
from bot.personal.feelings import is_acknowledgement
from bot.personal.mood import asks_about_own_mood, mood_answer
from bot.personal.prognosis import CONTEXT_TOPICS, no_figure
from bot.personal.support import kind_word


def send_kind_word(dispatcher: CollectingDispatcher, tracker: Tracker) -> None:
    """A sentence that meets the feeling the message shows, unless the support just given met it or
    one was sent this turn already (an action that runs another)."""
    if any(is_acknowledgement(str(m.get("text") or "")) for m in dispatcher.messages):
        return
    word = kind_word(message_text(tracker), bot_texts(tracker))
    if word:
        dispatcher.utter_message(text=word)


def send_mood_answer(dispatcher: CollectingDispatcher, tracker: Tracker) -> bool:
    """ "mum has been so low since the diagnosis, is that normal with NETs": the emotional-health fact and
    who can help (bot/personal/mood.py), not the quality-of-life topic. False when no low mood is asked about."""
    text = message_text(tracker) or ""
    if not asks_about_own_mood(text):
        return False
    for line in mood_answer(bot_texts(tracker), text):
        dispatcher.utter_message(text=line)
    return True


def send_topic_and_fact(
    dispatcher: CollectingDispatcher, tracker: Tracker, domain: dict[str, Any], response: Optional[str]
) -> tuple[bool, bool]:
    """The knowledge answer `response`, then the single fact that answers the message's exact
    point if the answer leaves it out, and what the trials of a treatment found when that is asked
    (bot/knowledge/found_asked.py), then, when the message names a place outside England and the answer
    holds only England's rules, that said plainly (bot/knowledge/where_it_holds.py): (anything sent, a fact
    among it)."""
    text, topic, answer = message_text(tracker) or "", topic_of(response), response_text(domain, response)
    fact = answering_fact(text, answer, topic)
    if fact is not None and fact.topic != topic and not of_what_was_asked(fact, f"{text} {words_of(topic)}"):
        fact = None  # "how long will i be off work?" after a Whipple: not the PRRT study's days off
    if response:
        dispatcher.utter_message(response=response)
    if fact is not None:
        dispatcher.utter_message(text=fact.text)
    said = f"{answer} {fact.text if fact else ''}"
    found = found_facts(text, said)  # never the fact just sent: what is said already is left out
    if found:  # "did lenvatinib actually shrink pancreatic tumours in trials?": what its trials found
        dispatcher.utter_message(text=found_answer(found))
    note = england_only_note(text, [said])
    if note:  # "is lutathera available on the NHS in scotland?": England's fact is all we hold
        dispatcher.utter_message(text=note)
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


def words_of(topic: Optional[str]) -> str:
    """ "prrt_home_safety" -> "prrt home safety": a topic's name, read for the treatments it names."""
    return (topic or "").replace("_", " ")


def treatments_in(words: str) -> set[str]:
    """The treatments and tests the words name, with the kinds they belong to (lanreotide: an SSA)."""
    return treatment_ids(words)


def of_what_was_asked(fact: Fact, asked: str) -> bool:
    """False when the words `asked` name treatments or tests and the fact is about others only, or about none
    when the question asks what a treatment causes ("does everolimus cause weight gain?" is not answered by the
    weight loss a tumour can cause)."""
    about, named = treatments_in(f"{fact.text} {words_of(fact.topic)}"), treatments_in(asked)
    if named and not about and asks_what_it_causes(asked):
        return False
    return not about or not named or bool(about & named)
