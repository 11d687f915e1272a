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

from actions.compare_trials import send_comparison, send_points_of_pair
from actions.fitting import run_fitting_search, searched_profile
from actions.followups import ActionAnswerTrialDetail, answered_for_trials_of_treatment, send_about_picked
from actions.general_answer import (
    send_kind_word,
    send_mood_answer,
    send_no_figure,
    send_not_held,
    send_topic_and_fact,
    treatments_in,
    words_of,
)
from actions.in_focus import (
    DESIGN_ASPECTS,
    last_turn,
    pair_in_focus,
    topic_in_focus,
    trial_just_in_focus,
    whom_meant,
)
from actions.profile import message_text, profile_of
from actions.replies import answered_questions, send_beside_answers
from actions.topics import bot_texts, named_topic, response_text, selected_topic, topic_of
from actions.which_trial import named_trial_ids, stored_trial
from bot.followups.about_trial import TRIAL_PARTS, asks_about_its_parts
from bot.followups.narrowed import hands_back, narrowed_answers, narrowing_point
from bot.followups.trials_asked import asks_for_a_search
from bot.knowledge.facts import answering_fact, asking_sentences
from bot.knowledge.names import find_treatments
from bot.knowledge.not_held import not_held, plainly_unheld
from bot.knowledge.topics import topics_compared
from bot.personal.handing_back import after_general
from bot.personal.own_situation import about_their_own_situation, asks_what_their_own_is_from
from bot.personal.prognosis import asks_prognosis
from bot.text import is_question
from bot.trials.asked_about import aspects_asked


class ActionAnswerKnowledge(Action):
    def name(self) -> str:
        return "action_answer_knowledge"

    async def run(self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: dict[str, Any]) -> list[EventType]:
        response = selected_topic(tracker, domain)
        send_kind_word(dispatcher, tracker)
        if send_narrowed(dispatcher, tracker):
            return []  # "like food wise" after "do i need to prepare for either" (a gallium scan, a 5-HIAA test)
        if send_comparison(dispatcher, message_text(tracker) or "", domain):
            return []  # "pembrolizumab or ipilimumab - how do they work differently": both, not the first
        if send_points_of_pair(dispatcher, tracker):
            return []  # "and how are they given?" just after PRRT and everolimus side by side
        story_told = profile_of(tracker).tells_about_the_person
        if asks_for_a_search(message_text(tracker), story_told) and not named_trial_ids(message_text(tracker)):
            # "is capecitabine a tablet? also any trials...", "a study that just watches it?"
            besides = send_beside_answers(dispatcher, message_text(tracker))
            return run_fitting_search(dispatcher, tracker, searched_profile(tracker), answered_questions(besides))
        picked = send_about_picked(dispatcher, tracker)  # "the lutathera ones, would they take her at 84?"
        if picked is not None:
            return picked
        if asks_about_the_trial_in_focus(tracker):  # "how often do you go in for the drip?" after a trial
            return await ActionAnswerTrialDetail().run(dispatcher, tracker, domain)
        answered = answered_from_the_records(dispatcher, tracker)
        if answered is not None:
            return answered  # "the nurse wants an answer by friday and i feel really pushed"
        if asks_prognosis(message_text(tracker)):
            send_no_figure(dispatcher, tracker, domain, response)
            return []
        if send_mood_answer(dispatcher, tracker):
            return []  # "mum has been so low since the diagnosis, is that normal with NETs"
        if send_not_held(dispatcher, tracker):
            return []
        sent, with_fact = send_topic_and_fact(dispatcher, tracker, domain, response)
        if not sent:
            dispatcher.utter_message(response="utter_default")
        elif (with_fact and about_their_own_situation(message_text(tracker))) or asks_what_their_own_is_from(
            message_text(tracker)
        ):  # an exact point of their own, or "BP 168/100 ... is high blood pressure normal with it?"
            dispatcher.utter_message(text=after_general(bot_texts(tracker), whom_meant(tracker)))
        if sent:
            send_other_question(dispatcher, message_text(tracker) or "", domain, response)
        return []


def send_narrowed(dispatcher: CollectingDispatcher, tracker: Tracker) -> bool:
    """ "like food wise", "and food?", "cost wise?": the question before asked again on that one point, of each
    thing it named (bot/followups/narrowed.py), then who can say how it applies. False when the message narrows
    nothing, or nothing we hold answers the narrowed question."""
    point, (earlier, _) = narrowing_point(message_text(tracker)), last_turn(tracker)
    lines = narrowed_answers(earlier, point) if point and earlier else []
    if not lines:
        return False
    dispatcher.utter_message(text="\n".join(lines))
    if not hands_back(lines):  # "and alcohol?" with nothing held already says who can tell: not twice
        dispatcher.utter_message(text=after_general(bot_texts(tracker), whom_meant(tracker)))
    return True


def asks_about_the_trial_in_focus(tracker: Tracker, parts: frozenset[str] = TRIAL_PARTS) -> bool:
    """A general-sounding question about a part of the trial just shown (bot/followups/about_trial.py)."""
    focus = trial_just_in_focus(tracker)
    if focus is None:
        return False
    trial = stored_trial(focus)
    return trial is not None and asks_about_its_parts(message_text(tracker) or "", trial, parts)


def answered_from_the_records(dispatcher: CollectingDispatcher, tracker: Tracker) -> Optional[list[EventType]]:
    """ "is the cabozantinib study placebo controlled?": a question about the design of the trials of a
    treatment, answered from their records rather than with the treatment's topic. None otherwise."""
    text = message_text(tracker) or ""
    asked = [a for a in aspects_asked(text) if a in DESIGN_ASPECTS]
    if not asked or not is_question(text):
        return None
    return answered_for_trials_of_treatment(dispatcher, tracker, asked)


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
        dispatcher.utter_message(text=after_general(bot_texts(tracker), whom_meant(tracker)))
    return True


def send_fact_of_pair_in_focus(dispatcher: CollectingDispatcher, tracker: Tracker) -> bool:
    """ "and can she still travel abroad on it?" just after two treatments were set side by side: the
    question asked of each of them, answered by the single fact about it or said plainly not to be held,
    then who can say how it applies. False when no two treatments were just compared, the question names
    things of its own or does not point back at them, or nothing about either answers it."""
    pair, text = pair_in_focus(tracker), message_text(tracker) or ""
    if pair is None or not pair.treatments or not is_question(text) or find_treatments(text):
        return False
    if not _POINTS_BACK.search(text):
        return False
    answers = {side: _answer_of_side(text, side) for side in pair.treatments}
    lines = [line for line in answers.values() if line]
    unanswered = [side for side, line in answers.items() if line is None]
    if unanswered:  # nothing held on one or both ("PRRT: carry the treatment card", none on everolimus): by name
        named = " or ".join(side if side.isupper() else side.lower() for side in unanswered)
        unheld = plainly_unheld(_IT.sub(named, text, count=1))
        lines += [unheld] if unheld else []
    if not lines:
        return False
    dispatcher.utter_message(text="\n".join(lines))
    if not hands_back(lines):  # "and alcohol?" with nothing held already says who can tell: not twice
        dispatcher.utter_message(text=after_general(bot_texts(tracker), whom_meant(tracker)))
    return True


def _answer_of_side(question: str, side: str) -> Optional[str]:
    """The question asked of one side of a pair: the fact about it that answers it, else the plain
    "the information I hold does not say", else None."""
    together = f"{question.strip().rstrip('?.!')}? ({side})"
    unheld = not_held(together)
    if unheld is not None:
        return unheld.text
    fact = answering_fact(together)
    if fact is None or not treatments_in(f"{fact.text} {words_of(fact.topic)}") & treatments_in(side):
        return None
    return f"{side}: {fact.text}"


# "... and is NEC worse than NET?": a question of its own joined on with "and"
_AND_A_QUESTION = re.compile(
    r",?\s+and\s+(?=(?:is|are|can|could|does|do|did|what|how|why|when|where|which|will|would|should)\b)", re.I
)
_IT = re.compile(r"\b(?:it|them|either of them|either one|either)\b", re.I)
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
