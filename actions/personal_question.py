"""action_answer_personal_question: a question about the person's own care, answered in its
general part (a knowledge topic, what the trial in focus says about something they have, or its
age and sex limits),
with the feeling acknowledged, and only the personal decision handed back to their team."""

from __future__ import annotations

import re
from typing import Any

from rasa_sdk import Action, Tracker
from rasa_sdk.events import EventType, SlotSet
from rasa_sdk.executor import CollectingDispatcher

from actions.compare_trials import (
    send_comparison,
    send_points_of_pair,
    send_which_is_better,
    treatments_side_by_side,
)
from actions.fitting import run_fitting_search, searched_profile
from actions.followups import send_about_picked, send_direct_answers
from actions.general_answer import (
    send_kind_word,
    send_mood_answer,
    send_no_figure,
    send_not_held,
    send_topic_and_fact,
)
from actions.in_focus import whom_meant
from actions.profile import message_text, profile_of
from actions.replies import answered_questions, send_beside_answers, send_helpline
from actions.topics import bot_texts, general_topic
from actions.which_trial import chosen_trial, load_trial, named_trial_ids
from bot.advice import asks_personal_advice
from bot.followups.trials_asked import asks_for_a_search
from bot.knowledge.facts import sentences
from bot.knowledge.names import find_treatments
from bot.knowledge.not_held import plainly_unheld
from bot.knowledge.pair import asks_outright_to_compare
from bot.personal.handing_back import after_general, whole_question
from bot.personal.mood import without_asking_whom_to_tell
from bot.personal.prognosis import asks_prognosis
from bot.personal.support import gave_support
from bot.text import is_question
from bot.trials.asked_about import aspects_asked
from bot.trials.mentions import asks_if_it_rules_out, asks_if_it_would_exclude, criteria_look_up
from bot.trials.side_by_side import names_two_listed

# The trial's own limits answer these, whatever else the question says
WHO_CAN_JOIN_ASPECTS = frozenset({"age", "sex"})


class ActionAnswerPersonalQuestion(Action):
    def name(self) -> str:
        return "action_answer_personal_question"

    async def run(self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: dict[str, Any]) -> list[EventType]:
        text = message_text(tracker) or ""
        said = bot_texts(tracker)
        send_kind_word(dispatcher, tracker)  # none after the support just given
        # "which one is better for someone who is 80", "and how are they given?" after a side by side
        if send_which_is_better(dispatcher, tracker) or send_points_of_pair(dispatcher, tracker):
            return []
        picked = send_about_picked(dispatcher, tracker)  # "would the lutathera ones take her at 84?" after a list
        if picked is not None:
            return picked
        if asks_for_a_search(text, profile_of(tracker).tells_about_the_person) and not named_trial_ids(text):
            # "my dad's NEC grew after chemo ... is there anything at all?"
            besides = send_beside_answers(dispatcher, text)
            return run_fitting_search(dispatcher, tracker, searched_profile(tracker), answered_questions(besides))
        if not asks_a_decision(without_asking_whom_to_tell(text)) and send_mood_answer(dispatcher, tracker):
            return []  # "is it normal to feel this flat?", "mum has been so low, is that normal with NETs"
        focus = tracker.get_slot("focus_nct_id")
        asked = aspects_asked(text)
        if asked and set(asked) <= WHO_CAN_JOIN_ASPECTS and about_the_trial(text):
            # "is there a top age on this or is she out": the record's limits, not a refusal
            meant = chosen_trial(tracker).nct_id  # the trial in focus, or the only one just shown
            trial = load_trial(dispatcher, meant) if meant else None
            if trial is not None:
                send_direct_answers(dispatcher, tracker, trial, asked)
                return [SlotSet("focus_nct_id", trial.nct_id)]
        if focus and asks_about_its_criteria(text):
            return self._criteria_answer(dispatcher, str(focus), text)
        if not asks_only_a_decision(text) and send_general_part(dispatcher, tracker, domain, said):
            return []  # "should I stop my lanreotide?" is the decision itself: no general part
        unheld = None if asks_a_decision(text) else plainly_unheld(text)
        if unheld:  # "can my wife drink alcohol while on it?": nothing we hold answers it, said plainly
            dispatcher.utter_message(text=unheld)
            return []
        dispatcher.utter_message(text=whole_question(said))
        if not gave_support(said):  # the support just given named people to talk to: not a second list
            send_helpline(dispatcher, tracker)
        return []

    @staticmethod
    def _criteria_answer(dispatcher: CollectingDispatcher, nct_id: str, text: str) -> list[EventType]:
        trial = load_trial(dispatcher, nct_id)
        if trial is None:
            return []
        dispatcher.utter_message(text=criteria_look_up(trial, text))
        return []


# "...to do this trial", "...joining this one": the trial is what the question is about
_THE_TRIAL = re.compile(r"\b(?:this|that|the)\s+(?:one|trial|study)\b|\bjoin\w*|\btake\s+part\b", re.I)


_ON_IT = re.compile(r"\b(?:on|for|in|into|with)\s+(?:this|it|them)\b", re.I)


def about_the_trial(text: str) -> bool:
    """ "too old for this one?", "is she out", not "is she too young for PRRT?" (a treatment named,
    the trial not)."""
    return not find_treatments(text) or bool(_THE_TRIAL.search(text) or _ON_IT.search(text))


# "got a stinking cold, im on afinitor. should i be worried": what is known about it can be said, and
# whether it matters for them handed back; "should I stop my lanreotide?" is the decision itself
_WORRY = re.compile(r"\bshould\s+(?:i|we|he|she|they|my\s+\w+)\s+(?:be\s+)?(?:worried|worry|concerned)\b", re.I)


def asks_a_decision(text: str) -> bool:
    """The question asks what to do about, or how to judge, their own care: not "should I be worried
    about X?", whose general part (what is known about X) can be answered."""
    return asks_personal_advice(_WORRY.sub(" ", text))


def asks_only_a_decision(text: str) -> bool:
    """A decision asked, and no other question beside it: "should I stop my lanreotide?", not "my friend
    said I could go into a crisis on the table?? should I cancel the hip" (what is known of a crisis in an
    operation can be said, the hip handed back)."""
    return asks_a_decision(text) and not any(
        is_question(sentence) and not asks_a_decision(sentence) for sentence in sentences(text)
    )


def asks_about_its_criteria(text: str) -> bool:
    """ "Would that stop me joining this one?", "would I have to come off it to do this trial?", not
    "what else does MEN1 affect?" asked while a trial is in focus."""
    return asks_if_it_would_exclude(text) or (asks_if_it_rules_out(text) and bool(_THE_TRIAL.search(text)))


def send_general_part(
    dispatcher: CollectingDispatcher, tracker: Tracker, domain: dict[str, Any], said: list[str]
) -> bool:
    """Two treatments side by side when the question weighs them ("everolimus vs sunitinib, my
    onc says it's my choice"), else the knowledge answer it touches and the one fact that
    answers its exact point, if the answer leaves it out ("...with only one kidney?"); then who
    can say how it applies. How long someone may live: no figure, and who can talk it through.
    False when nothing answers it."""
    if asks_prognosis(message_text(tracker)):
        send_no_figure(dispatcher, tracker, domain, general_topic(tracker, domain))
        return True
    if send_not_held(dispatcher, tracker):  # "is it ok to drive home after my lutathera?": we hold nothing on it
        return True
    text = message_text(tracker) or ""
    both = None if names_two_listed(text) else treatments_side_by_side(text, asks_outright_to_compare(text))
    if both:
        dispatcher.utter_message(text=both)
    elif send_comparison(dispatcher, text, domain):
        pass  # "somatostatinoma and glucagonoma, how are they different? mine is one of them"
    elif not send_topic_and_fact(dispatcher, tracker, domain, general_topic(tracker, domain))[0]:
        return False
    dispatcher.utter_message(text=after_general(said, whom_meant(tracker)))
    return True
