"""Follow-ups about one trial: who it is for, where it runs, questions to ask.

Each works on the trial named in the message (its NCT id or acronym), else the one a message like
"the second one" points at in the last results, else the trial in focus, else the only result
shown; otherwise it asks which trial (actions/which_trial.py). Each puts the trial in focus.
"""

from __future__ import annotations

import re
from typing import Any, Optional

from rasa_sdk import Tracker
from rasa_sdk.events import EventType
from rasa_sdk.executor import CollectingDispatcher

from actions.compare_trials import ActionCompareTrials
from actions.country import country_code
from actions.knowledge_answer import send_not_held, send_topic_and_fact
from actions.profile import message_text, profile_of
from actions.topics import bot_texts, general_topic
from actions.which_trial import TrialFollowUp, chosen_trial, load_trial, named_trial_ids, result_ids
from bot.eligibility.questions import Questions, general_questions, questions_for
from bot.eligibility.render import eligibility_text
from bot.knowledge.facts import sentences
from bot.personal.feelings import acknowledgement, shows_feeling
from bot.personal.handing_back import after_general
from bot.personal.own_situation import about_their_own_situation
from bot.prescreen.answers import ANYWHERE, UNKNOWN, parse_answer
from bot.prescreen.checklist import checklist
from bot.profile.answers import as_answers
from bot.profile.fit import near_of
from bot.profile.model import object_pronoun
from bot.profile.present import compared_text
from bot.text import is_question
from bot.trials.about import about_lines
from bot.trials.asked_about import Aspect, answer_all, aspects_asked
from bot.trials.mentions import asks_if_it_rules_out, criteria_look_up, things_asked_about
from bot.trials.query import TrialDetail
from bot.trials.where_it_runs import places_text

ELIGIBILITY_LIMIT = 6  # points shown from each list; the rest are on the registry page
FOLLOW_UP_BUTTONS = [
    {"title": "Questions to ask", "payload": "/ask_trial_questions"},
    {"title": "Who do I contact?", "payload": "/ask_trial_contacts"},
    {"title": "Talk to a nurse", "payload": "/ask_helpline"},
]
# Trial questions that have a general answer when no trial is in focus (knowledge topics).
GENERAL_TOPICS = {
    "placebo": "placebo",
    "randomised": "randomisation",
    "groups": "randomisation",
    "phase": "trial_phases",
}
EACH_SHOWN_LIMIT = 3  # a question asked after a longer list needs "which one?" first
WHO_CAN_JOIN_BUTTON = {"title": "Who can join", "payload": "/ask_eligibility"}
ORIGINAL_HINT = 'To see the record\'s own words, say "show the original wording".'
_WANTS_ORIGINAL = re.compile(
    r"\boriginal\b|\bexact(?:ly)?\b|\bverbatim\b|\bword\s+for\s+word\b|\bactual\s+(?:words|wording|text)\b"
    r"|\b(?:registry|record)(?:'s)?\s+(?:own\s+)?(?:words|wording|text)\b|\bown\s+words\b",
    re.I,
)


def wants_original(text: Optional[str]) -> bool:
    """ "Show the original wording", "the exact words": the registry's own text."""
    return bool(_WANTS_ORIGINAL.search(text or ""))


def home_country(tracker: Tracker) -> Optional[str]:
    """The person's country code: the pre-screen answer, else the places named in chat."""
    place = parse_answer("ps_place", tracker.get_slot("ps_place"))
    return place if place not in (None, UNKNOWN, ANYWHERE) else country_code(tracker)


class ActionShowEligibility(TrialFollowUp):
    """Who the trial is for, in plain words (or with the record's own words on request)."""

    def name(self) -> str:
        return "action_show_eligibility"

    def answer(self, dispatcher: CollectingDispatcher, tracker: Tracker, trial: TrialDetail) -> None:
        text = message_text(tracker) or ""
        if send_direct_answers(dispatcher, tracker, trial, [a for a in aspects_asked(text) if a in ("age", "sex")]):
            return  # "would my 74-year-old dad be too old?": the age, not the whole list again
        if asks_if_it_rules_out(text) and any(things_asked_about(text)):  # "she's diabetic, would that stop her?"
            dispatcher.utter_message(text=criteria_look_up(trial, text), buttons=FOLLOW_UP_BUTTONS)
            return
        original = wants_original(tracker.latest_message.get("text"))
        text = eligibility_text(trial, show_original=original, limit=ELIGIBILITY_LIMIT)
        if not original and trial.criteria and trial.criteria.strip():
            text += f"\n{ORIGINAL_HINT}"
        dispatcher.utter_message(text=text, buttons=FOLLOW_UP_BUTTONS)
        profile = profile_of(tracker)
        compared = compared_text(checklist(trial, as_answers(profile))) if profile.tells_about_the_person else None
        if compared:
            dispatcher.utter_message(text=compared)

    def answer_without_trial(self, dispatcher: CollectingDispatcher, tracker: Tracker) -> bool:
        """No trial meant: "is it just for men?" after a short list is answered for each trial in it;
        else the general answer follows (actions/which_trial.py); a feeling shown ("who is right?? so
        confused", "i feel really pushed") is acknowledged first."""
        if shows_feeling(message_text(tracker)):
            dispatcher.utter_message(text=acknowledgement(bot_texts(tracker), message_text(tracker)))
        asked: list[Aspect] = [a for a in aspects_asked(message_text(tracker) or "") if a in ("age", "sex")]
        shown = result_ids(tracker)
        if asked and 1 < len(shown) <= EACH_SHOWN_LIMIT:
            send_answers_for_each(dispatcher, tracker, shown, asked)
            return True
        return False


class ActionShowTrialPlaces(TrialFollowUp):
    """Where the trial runs: each place, its city and country, and whether it is open."""

    def name(self) -> str:
        return "action_show_trial_places"

    def answer(self, dispatcher: CollectingDispatcher, tracker: Tracker, trial: TrialDetail) -> None:
        around = near_of(profile_of(tracker).place)  # the town or region they named, if any
        dispatcher.utter_message(text=places_text(trial, home=home_country(tracker), around=around))


class ActionAnswerTrialDetail(TrialFollowUp):
    """One thing about the trial, from its record: how big, randomised, groups, placebo, how
    long, phase, status, who runs it, results (bot/trials/asked_about.py). With no trial in
    focus, a question that is general anyway ("could I get a sugar pill?") gets its knowledge
    answer instead of "which trial?"."""

    def name(self) -> str:
        return "action_answer_trial_detail"

    async def run(self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: dict[str, Any]) -> list[EventType]:
        if shows_feeling(message_text(tracker)):  # "im honestly bricking it. how long will i be in?"
            dispatcher.utter_message(text=acknowledgement(bot_texts(tracker), message_text(tracker)))
        if len(named_trial_ids(message_text(tracker))) > 1:  # "CLARINET and PROMID - what did each test?"
            return await ActionCompareTrials().run(dispatcher, tracker, domain)
        if not aspects_asked(message_text(tracker) or "") and send_not_held(dispatcher, tracker):
            return []  # "what are the chances of it coming back after the op?": no part of a trial asked
        if chosen_trial(tracker).nct_id is None:
            aspects = aspects_asked(message_text(tracker) or "")
            shown = result_ids(tracker)
            if aspects and 1 < len(shown) <= EACH_SHOWN_LIMIT:  # "how long is the treatment?" after a short list
                send_answers_for_each(dispatcher, tracker, shown, aspects)
                return []
            if aspects == ["age"]:  # "would he be too old for a trial?": each trial has its own limits
                dispatcher.utter_message(text=AGES_DIFFER.format(whom=_whom(tracker)))
                return []
            topics = [GENERAL_TOPICS[a] for a in aspects if a in GENERAL_TOPICS]
            response = general_topic(tracker, domain) or (f"utter_knowledge/{topics[0]}" if topics else None)
            if response:  # no trial in focus: the question's general answer, and the fact it leaves out
                send_topic_and_fact(dispatcher, tracker, domain, response)
                if tells_their_story(message_text(tracker) or ""):  # "husband is on the pembro trial. new rash..."
                    dispatcher.utter_message(text=after_general(bot_texts(tracker)))
                return []
        return await super().run(dispatcher, tracker, domain)

    def answer(self, dispatcher: CollectingDispatcher, tracker: Tracker, trial: TrialDetail) -> None:
        aspects = aspects_asked(message_text(tracker) or "")
        if not send_direct_answers(dispatcher, tracker, trial, aspects):
            dispatcher.utter_message(
                text=f"Here is what the record says about {trial.nct_id}:\n" + "\n".join(about_lines(trial)),
                buttons=FOLLOW_UP_BUTTONS,
            )


def tells_their_story(text: str) -> bool:
    """The question comes after a sentence about their own situation ("husband is on the pembro trial.
    new itchy rash... is that from the immunotherapy?"), not only "could I get a sugar pill?"."""
    return about_their_own_situation(text) and any(not is_question(said) for said in sentences(text))


AGES_DIFFER = (
    "Each trial sets its own age limits, as part of its rules on who can take part. Open a trial, or search "
    "for some, and I can tell you the ages its record gives. Only the trial team can say if one fits {whom}."
)


_HE = re.compile(r"\b(?:he|him|his|he's|hes)\b", re.I)
_SHE = re.compile(r"\b(?:she|her|she's|shes)\b", re.I)


def _whom(tracker: Tracker) -> str:
    """Whom the answer is about: as the profile knows it, else as the question says ("would he...")."""
    profile = profile_of(tracker)
    whom = object_pronoun(profile.about, profile.sex)
    if whom != "you" or profile.about == "self":
        return whom
    text = message_text(tracker) or ""
    return (
        "him"
        if _HE.search(text) and not _SHE.search(text)
        else "her"
        if _SHE.search(text) and not _HE.search(text)
        else whom
    )


def aspect_lines(tracker: Tracker, trial: TrialDetail, aspects: list[Aspect]) -> list[str]:
    """Each aspect asked about, answered from the record, in the person's words (he, she, you)."""
    profile = profile_of(tracker)
    return without_repeats(answer_all(aspects, trial, message_text(tracker) or "", profile.age, _whom(tracker)))


def without_repeats(lines: list[str]) -> list[str]:
    """ "which arm (it's blinded)": the placebo answer already lists the groups, so the groups answer
    is not said twice."""
    return [
        line
        for number, line in enumerate(lines)
        if line not in lines[:number] and not any(line.strip() in other and line != other for other in lines)
    ]


def send_direct_answers(
    dispatcher: CollectingDispatcher, tracker: Tracker, trial: TrialDetail, aspects: list[Aspect]
) -> bool:
    """Each aspect asked about, answered in a line; False when none was asked."""
    if not aspects:
        return False
    named = aspects == ["summary"]  # the summary's first line names the trial already
    text = ("" if named else f"{trial.nct_id}: ") + "\n".join(aspect_lines(tracker, trial, aspects))
    dispatcher.utter_message(text=text, buttons=[WHO_CAN_JOIN_BUTTON, *FOLLOW_UP_BUTTONS[:2]])
    return True


def send_answers_for_each(
    dispatcher: CollectingDispatcher, tracker: Tracker, nct_ids: list[str], aspects: list[Aspect]
) -> None:
    """The same question answered for each trial of a short list, one paragraph each."""
    answers = []
    for nct_id in nct_ids:
        trial = load_trial(dispatcher, nct_id)
        if trial is not None:
            answers.append(f"{trial.nct_id}: " + " ".join(aspect_lines(tracker, trial, aspects)))
    if answers:
        dispatcher.utter_message(
            text=f"For each of the {len(nct_ids)} trials I listed:\n\n"
            + "\n\n".join(answers)
            + '\n\nTo look at one, say "the first one" or its NCT number.'
        )


GENERAL_QUESTIONS_NOTE = "These fit any trial. Open a trial and ask again for questions about that one."


def _send_questions(dispatcher: CollectingDispatcher, questions: Questions, doctor_heading: str) -> None:
    for heading, items in (
        (doctor_heading, questions.doctor),
        ("Questions for the trial team:", questions.coordinator),
    ):
        dispatcher.utter_message(text="\n".join([heading, *(f"- {q}" for q in items)]))


class ActionShowTrialQuestions(TrialFollowUp):
    """Questions to take to the doctor and to the trial team, for this trial."""

    def name(self) -> str:
        return "action_show_trial_questions"

    def answer(self, dispatcher: CollectingDispatcher, tracker: Tracker, trial: TrialDetail) -> None:
        _send_questions(dispatcher, questions_for(trial), f"Questions for your doctor about {trial.nct_id}:")

    def answer_without_trial(self, dispatcher: CollectingDispatcher, tracker: Tracker) -> bool:
        """ "what questions should i ask the oncologist about trials": the ones that fit any trial."""
        _send_questions(dispatcher, general_questions(), "Questions for your doctor about trials:")
        dispatcher.utter_message(text=GENERAL_QUESTIONS_NOTE)
        return True
