"""action_answer_knowledge: a question about NETs, their tests and treatments, or how trials
work. The topic answer (what utter_knowledge would send), then the one single fact that answers
the question's exact point when the answer leaves it out ("how long does an EUS take?"), each a
message of its own so that each stays short; when that point is of their own situation ("my dad
only has one kidney..."), who can say how it applies to them. A question of how long someone may
live gets no figure, said plainly, and who can talk it through (bot/personal/prognosis.py); one
whose exact point no fact holds ("can I drive after PRRT?") is told so (bot/knowledge/not_held.py)."""

from __future__ import annotations

import re
from typing import Any, Optional

from rasa_sdk import Action, Tracker
from rasa_sdk.events import EventType
from rasa_sdk.executor import CollectingDispatcher

from actions.in_focus import DESIGN_ASPECTS, last_turn, topic_in_focus
from actions.profile import message_text
from actions.topics import bot_texts, named_topic, response_text, selected_topic, topic_of
from bot.knowledge.facts import Fact, answering_fact, asking_sentences
from bot.knowledge.names import find_treatments
from bot.knowledge.not_held import not_held
from bot.knowledge.topics import topics_compared
from bot.personal.feelings import is_acknowledgement
from bot.personal.handing_back import after_general
from bot.personal.own_situation import about_their_own_situation
from bot.personal.prognosis import CONTEXT_TOPICS, asks_prognosis, no_figure
from bot.personal.support import kind_word
from bot.text import is_question
from bot.trials.asked_about import aspects_asked


class ActionAnswerKnowledge(Action):
    def name(self) -> str:
        return "action_answer_knowledge"

    async def run(self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: dict[str, Any]) -> list[EventType]:
        response = selected_topic(tracker, domain)
        send_kind_word(dispatcher, tracker)
        from actions.compare_trials import send_comparison  # imports this module (through which_trial)

        if send_comparison(dispatcher, message_text(tracker) or "", domain):
            return []  # "pembrolizumab or ipilimumab - how do they work differently": both, not the first
        answered = answered_from_the_records(dispatcher, tracker)
        if answered is not None:
            return answered  # "the nurse wants an answer by friday and i feel really pushed"
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
        if sent:
            send_other_question(dispatcher, message_text(tracker) or "", domain, response)
        return []


def answered_from_the_records(dispatcher: CollectingDispatcher, tracker: Tracker) -> Optional[list[EventType]]:
    """ "is the cabozantinib study placebo controlled?": a question about the design of the trials of a
    treatment, answered from their records rather than with the treatment's topic. None otherwise."""
    text = message_text(tracker) or ""
    asked = [a for a in aspects_asked(text) if a in DESIGN_ASPECTS]
    if not asked or not is_question(text):
        return None
    from actions.followups import answered_for_trials_of_treatment  # imports this module

    return answered_for_trials_of_treatment(dispatcher, tracker, asked)


def send_kind_word(dispatcher: CollectingDispatcher, tracker: Tracker) -> None:
    """A sentence that meets the feeling the message shows, unless the support just given met it or
    one was sent this turn already (an action that runs another)."""
    if any(is_acknowledgement(str(m.get("text") or "")) for m in dispatcher.messages):
        return
    word = kind_word(message_text(tracker), bot_texts(tracker))
    if word:
        dispatcher.utter_message(text=word)


def send_topic_and_fact(
    dispatcher: CollectingDispatcher, tracker: Tracker, domain: dict[str, Any], response: Optional[str]
) -> tuple[bool, bool]:
    """The knowledge answer `response`, then the single fact that answers the message's exact
    point if the answer leaves it out: (anything sent, a fact among it)."""
    text, topic = message_text(tracker) or "", topic_of(response)
    fact = answering_fact(text, response_text(domain, response), topic)
    if fact is not None and fact.topic != topic and not of_what_was_asked(fact, f"{text} {words_of(topic)}"):
        fact = None  # "how long will i be off work?" after a Whipple: not the PRRT study's days off
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


def send_fact_of_topic_in_focus(dispatcher: CollectingDispatcher, tracker: Tracker, domain: dict[str, Any]) -> bool:
    """ "and can i hug my grandkids" just after a PRRT answer: the question read as about the
    treatment the question before it named, and answered by the single fact about that treatment
    that clearly answers it (or said plainly not to be held), then who can say how it applies.
    False when no topic was just answered or no fact about it answers the question."""
    topic, (earlier, _) = topic_in_focus(tracker), last_turn(tracker)
    text = message_text(tracker) or ""
    named = find_treatments(earlier or "") or find_treatments(words_of(topic_of(topic)))
    if topic is None or not named or not is_question(text):
        return False
    names = ", ".join(dict.fromkeys(m.typed for m in named))
    together = f"{text.strip().rstrip('?.!')}? ({names})"
    unheld = not_held(together)
    fact = None if unheld else answering_fact(together, response_text(domain, topic), topic_of(topic))
    if fact is not None and not treatments_in(f"{fact.text} {words_of(fact.topic)}") & treatments_in(names):
        fact = None  # "and can i travel abroad" after octreotide: not the fact on trials abroad
    if unheld is None and fact is None:
        return False
    dispatcher.utter_message(text=unheld.text if unheld else fact.text if fact else "")
    if fact is not None:
        dispatcher.utter_message(text=after_general(bot_texts(tracker)))
    return True


def words_of(topic: Optional[str]) -> str:
    """ "prrt_home_safety" -> "prrt home safety": a topic's name, read for the treatments it names."""
    return (topic or "").replace("_", " ")


def treatments_in(words: str) -> set[str]:
    """The treatments and tests the words name, with the kinds they belong to (lanreotide: an SSA)."""
    return {tid for m in find_treatments(words) for tid in (m.treatment.id, *m.treatment.part_of)}


def of_what_was_asked(fact: Fact, asked: str) -> bool:
    """False when the words `asked` name treatments or tests and the fact is about others only."""
    about, named = treatments_in(f"{fact.text} {words_of(fact.topic)}"), treatments_in(asked)
    return not about or not named or bool(about & named)


# "... and is NEC worse than NET?": a question of its own joined on with "and"
_AND_A_QUESTION = re.compile(
    r",?\s+and\s+(?=(?:is|are|can|could|does|do|did|what|how|why|when|where|which|will|would|should)\b)", re.I
)
# "is it for grade 3?": a clause pointing back is about the first answer's topic
_POINTS_BACK = re.compile(r"\b(?:it|its|it's|that|this|they|them|those|these)\b", re.I)


def send_other_question(
    dispatcher: CollectingDispatcher, text: str, domain: dict[str, Any], answered: Optional[str]
) -> None:
    """ "what is PRRT? and is NEC worse than NET?": a second question with a topic of its own (named
    in it), which the answer sent (`answered`) leaves out, gets that topic's answer too. One at most."""
    responses = domain.get("responses") or {}
    asked = [part for said in asking_sentences(text) for part in _AND_A_QUESTION.split(said) if is_question(part)]
    if len(asked) < 2:
        return
    for question in asked:
        if _POINTS_BACK.search(question):
            continue
        named = [f"utter_knowledge/{t}" for t in topics_compared(question)] + [named_topic(question, responses) or ""]
        other = next((r for r in named if r in responses and r != answered), None)
        if other and not any(r == answered for r in named):
            dispatcher.utter_message(response=other)
            return
