"""Follow-ups about one trial: who it is for, where it runs, questions to ask.

Each works on the trial named in the message (its NCT id or acronym), else the one a message like
"the second one" points at in the last results, else the trial in focus, else the only result
shown; otherwise it asks which trial (actions/which_trial.py). Each puts the trial in focus.
"""

from __future__ import annotations

import re
from typing import Any, Optional

from rasa_sdk import Tracker
from rasa_sdk.events import EventType, SlotSet
from rasa_sdk.executor import CollectingDispatcher
from sqlalchemy.exc import SQLAlchemyError

from actions.compare_trials import ActionCompareTrials, picks_two_trials, send_points_of_pair
from actions.country import country_code
from actions.fitting import run_fitting_search, searched_profile
from actions.general_answer import send_kind_word, send_not_held, send_topic_and_fact
from actions.in_focus import pair_in_focus, send_nearest_of_shown, whom_meant
from actions.profile import message_text, profile_of
from actions.store import trial_store
from actions.topics import bot_texts, general_topic
from actions.trial_answers import FOLLOW_UP_BUTTONS, aspect_lines, send_direct_answers
from actions.which_trial import (
    TrialFollowUp,
    chosen_trial,
    load_trial,
    named_trial_ids,
    result_ids,
    shown_trials,
    stored_trial,
)
from bot.eligibility.questions import Questions, general_questions, questions_for
from bot.eligibility.render import eligibility_text
from bot.followups.about_trial import its_record_answers
from bot.followups.involves_asked import asks_what_it_involves, involvement_lines
from bot.followups.listed import trial_name
from bot.followups.picked import asked_of_picked, asks_who_can_join, picked_from_list, picked_heading
from bot.followups.trials_asked import asks_for_a_search
from bot.knowledge.facts import sentences
from bot.knowledge.names import find_treatments
from bot.personal.handing_back import after_general
from bot.personal.own_situation import about_their_own_situation
from bot.prescreen.answers import ANYWHERE, UNKNOWN
from bot.prescreen.checklist import checklist
from bot.profile.answers import as_answers
from bot.profile.fit import near_of
from bot.profile.present import MAX_SHOWN, compared_text
from bot.text import is_question
from bot.trials.about import about_lines
from bot.trials.asked_about import WHO_CAN_JOIN, Aspect, asks_if_it_worked, aspects_asked
from bot.trials.mentions import asks_if_it_rules_out, criteria_look_up, things_asked_about
from bot.trials.present import detail_lines
from bot.trials.query import TrialDetail, TrialQuery
from bot.trials.record_passages import DESIGN_QUESTION, OWN_WORDS_HEADING, passages, quoted
from bot.trials.where_it_runs import places_text

ELIGIBILITY_LIMIT = 6  # points shown from each list; the rest are on the registry page
# Trial questions that have a general answer when no trial is in focus (knowledge topics).
GENERAL_TOPICS = {
    "placebo": "placebo",
    "randomised": "randomisation",
    "groups": "randomisation",
    "phase": "trial_phases",
}
EACH_SHOWN_LIMIT = 3  # beyond this many trials, a question asked of all of them gets one brief line each
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
    """The person's country code: the pre-screen answer, else the places named in chat. The form keeps
    `ps_place` normalised (a country code, "anywhere" or "unknown"), so it is read as it is."""
    place = tracker.get_slot("ps_place")
    return str(place) if place and place not in (UNKNOWN, ANYWHERE) else country_code(tracker)


class ActionShowEligibility(TrialFollowUp):
    """Who the trial is for, in plain words (or with the record's own words on request)."""

    def name(self) -> str:
        return "action_show_eligibility"

    async def run(self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: dict[str, Any]) -> list[EventType]:
        picked = send_about_picked(dispatcher, tracker)  # "could she join the capecitabine one?" after a list
        return picked if picked is not None else await super().run(dispatcher, tracker, domain)

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
        """No trial meant: "is it just for men?" after a list is answered for each trial in it (a line each
        after a longer list, as for any part asked of several); else the general answer follows
        (actions/which_trial.py); a feeling shown ("who is right?? so confused", "i feel really pushed")
        is acknowledged first."""
        send_kind_word(dispatcher, tracker)
        asked: list[Aspect] = [a for a in aspects_asked(message_text(tracker) or "") if a in ("age", "sex")]
        shown = result_ids(tracker)
        if asked and len(shown) > 1:
            send_answers_for_each(dispatcher, tracker, shown, asked, brief=len(shown) > EACH_SHOWN_LIMIT)
            return True
        return False


class ActionShowTrialPlaces(TrialFollowUp):
    """Where the trial runs: each place, its city and country, and whether it is open."""

    def name(self) -> str:
        return "action_show_trial_places"

    def answer(self, dispatcher: CollectingDispatcher, tracker: Tracker, trial: TrialDetail) -> None:
        around = near_of(profile_of(tracker).place)  # the town or region they named, if any
        dispatcher.utter_message(text=places_text(trial, home=home_country(tracker), around=around))

    def answer_without_trial(self, dispatcher: CollectingDispatcher, tracker: Tracker) -> bool:
        """ "which hospital is nearest to leeds?" after a list: each listed trial's nearest place."""
        return send_nearest_of_shown(dispatcher, tracker)


class ActionAnswerTrialDetail(TrialFollowUp):
    """One thing about the trial, from its record: how big, randomised, groups, placebo, how
    long, phase, status, who runs it, results (bot/trials/asked_about.py). With no trial in
    focus, a question that is general anyway ("could I get a sugar pill?") gets its knowledge
    answer instead of "which trial?"."""

    def name(self) -> str:
        return "action_answer_trial_detail"

    async def run(self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: dict[str, Any]) -> list[EventType]:
        send_kind_word(dispatcher, tracker)  # "im honestly bricking it. how long will i be in?"
        picked = send_about_picked(dispatcher, tracker)  # "is the everolimus one randomised?" after a list
        if picked is not None:
            return picked
        if send_points_of_pair(dispatcher, tracker):
            return []  # "and how are they given?" just after PRRT and everolimus side by side
        named = named_trial_ids(message_text(tracker))
        # "CLARINET and PROMID - what did each test?", "carfilzomib trial vs the ramucirumab one"
        if len(named) > 1 or (not named and picks_two_trials(tracker)):
            return await ActionCompareTrials().run(dispatcher, tracker, domain)
        if not named and asks_for_a_search(message_text(tracker)):  # "is there a study where they just watch it?"
            return run_fitting_search(dispatcher, tracker, searched_profile(tracker))
        if (
            not aspects_asked(message_text(tracker) or "")
            and not _record_answers(tracker)  # "what do they inject into the tumour?": its record says
            and send_not_held(dispatcher, tracker)
        ):
            return []  # "what are the chances of it coming back after the op?": no part of a trial asked
        if chosen_trial(tracker).nct_id is None:
            aspects = aspects_asked(message_text(tracker) or "")
            answered = answered_for_several(dispatcher, tracker, aspects) if aspects else None
            if answered is not None:
                return answered
            if aspects == ["age"]:  # "would he be too old for a trial?": each trial has its own limits
                dispatcher.utter_message(text=AGES_DIFFER.format(whom=whom_meant(tracker)))
                return []
            topics = [GENERAL_TOPICS[a] for a in aspects if a in GENERAL_TOPICS]
            response = general_topic(tracker, domain) or (f"utter_knowledge/{topics[0]}" if topics else None)
            if response:  # no trial in focus: the question's general answer, and the fact it leaves out
                send_topic_and_fact(dispatcher, tracker, domain, response)
                if tells_their_story(message_text(tracker) or ""):  # "husband is on the pembro trial. new rash..."
                    dispatcher.utter_message(text=after_general(bot_texts(tracker), whom_meant(tracker)))
                return []
        return await super().run(dispatcher, tracker, domain)

    def answer(self, dispatcher: CollectingDispatcher, tracker: Tracker, trial: TrialDetail) -> None:
        text = message_text(tracker) or ""
        aspects: list[Aspect] = aspects_asked(text) or (["results"] if asks_if_it_worked(text) else [])
        # "what does that one involve?", "what would she have to do on it": not its phase, size or groups alone
        if set(aspects) <= {"groups"} and asks_what_it_involves(text):
            # the groups and what each gets ("whats involved in it" for SANO: not only that it is randomised)
            asked: list[Aspect] = ["groups", "duration"] if trial.arms else ["duration"]
            lines = [*involvement_lines(trial), *aspect_lines(tracker, trial, asked)]
            if not trial.arms:  # no groups listed (PANTODON): the record's own sentences on what it compares
                lines += [OWN_WORDS_HEADING, *quoted(passages(trial, DESIGN_QUESTION))]
            dispatcher.utter_message(
                text=f"What taking part in {trial.nct_id} involves, from its record:\n" + "\n".join(lines),
                buttons=FOLLOW_UP_BUTTONS,
            )
        elif not send_direct_answers(dispatcher, tracker, trial, aspects) and not send_passages(
            dispatcher, trial, text
        ):
            dispatcher.utter_message(
                text=f"Here is what the record says about {trial.nct_id}:\n" + "\n".join(about_lines(trial)),
                buttons=FOLLOW_UP_BUTTONS,
            )


def _record_answers(tracker: Tracker) -> bool:
    meant = chosen_trial(tracker).nct_id
    trial = stored_trial(meant) if meant else None
    return trial is not None and its_record_answers(message_text(tracker) or "", trial)


_ASKS_WHAT_TO_DO = re.compile(
    r"\b(?:does|do|should|can|could|must|would|shall)\s+(?:he|she|i|we|they|you"
    r"|(?:my|his|her|your|our)\s+(?:mum|mom|mam|dad|nan|gran|wife|husband|partner|son|daughter|\w+))\s+"
    r"(?:take|have|stop|skip|miss|eat|drink|go|come|keep|carry\s+on|repeat|double)\b",
    re.I,
)
ASK_WHAT_TO_DO = "For someone on this trial, the trial team can say what to do."


def send_passages(dispatcher: CollectingDispatcher, trial: TrialDetail, text: str) -> bool:
    """ "how long is the pump on for?", "what do they inject into the tumour?": no part of the record
    answers it, its own sentences may (bot/trials/record_passages.py); False when none do."""
    found = passages(trial, text)
    if not found:
        return False
    # "if hes sick after the tablets does he take another?": the record's rule is not advice for one person
    close = ASK_WHAT_TO_DO if _ASKS_WHAT_TO_DO.search(text) else "The trial team can tell you more."
    lines = [f"{trial_name(trial)}: {OWN_WORDS_HEADING}", *quoted(found), close]
    dispatcher.utter_message(text="\n".join(lines), buttons=FOLLOW_UP_BUTTONS)
    return True


def send_about_picked(dispatcher: CollectingDispatcher, tracker: Tracker) -> Optional[list[EventType]]:
    """ "what about the NALIRIFOX one, could he do that?", "the lutathera ones, would they take her at 84?"
    after a list: the listed trials picked by what they give or their name (bot/followups/picked.py), and
    the question answered about them: the parts asked, else who can take part, else the one trial's view
    or which they are. None when the message picks none of the list."""
    text = message_text(tracker) or ""
    if len(result_ids(tracker)) < 2:
        return None
    try:
        picked = picked_from_list(text, shown_trials(tracker))
    except SQLAlchemyError:
        return None
    if picked is None:
        return None
    listed, aspects = len(result_ids(tracker)), asked_of_picked(text)
    heading = picked_heading(picked, listed)
    if not picked.trials:  # "the NEC one" when none of them is made for NECs
        dispatcher.utter_message(text=heading)
        return []
    if len(picked.trials) == 1:
        trial = picked.trials[0]
        dispatcher.utter_message(
            text=f"{heading[:-1]}: {trial.nct_id}{f' ({trial.acronym})' if trial.acronym else ''}."
        )
        if not send_direct_answers(dispatcher, tracker, trial, aspects):
            if asks_who_can_join(text):
                ActionShowEligibility().answer(dispatcher, tracker, trial)
            else:
                dispatcher.utter_message(text="\n".join(detail_lines(trial)))
        return [SlotSet("focus_nct_id", trial.nct_id)]
    asked = aspects or (["age", "sex"] if asks_who_can_join(text) else [])
    ids = [trial.nct_id for trial in picked.trials]
    if asked:
        send_answers_for_each(dispatcher, tracker, ids, asked, intro=heading, brief=len(ids) > EACH_SHOWN_LIMIT)
        return []
    names = [
        f"- {trial.nct_id}{f' ({trial.acronym})' if trial.acronym else ''}: {trial.title}" for trial in picked.trials
    ]
    dispatcher.utter_message(text="\n".join([heading, *names, "To look at one, tell me its NCT number."]))
    return []


def answered_for_several(
    dispatcher: CollectingDispatcher, tracker: Tracker, aspects: list[Aspect]
) -> Optional[list[EventType]]:
    """No one trial meant, but several are: the trials of a treatment the message names ("is the
    lutathera trial randomised?"), the two just set side by side, or the list shown last ("is it
    randomised?"): the question answered for each of them, briefly when there are more than a few.
    None when no trials are meant."""
    answered = answered_for_trials_of_treatment(dispatcher, tracker, aspects)
    if answered is not None:
        return answered
    pair = pair_in_focus(tracker)
    shown = list(pair.trials) if pair and pair.trials else result_ids(tracker)
    if len(shown) > 1:  # "how long is the treatment?" after a list: each, briefly after a longer one
        send_answers_for_each(dispatcher, tracker, shown, aspects, brief=len(shown) > EACH_SHOWN_LIMIT)
        return []
    return None


def answered_for_trials_of_treatment(
    dispatcher: CollectingDispatcher, tracker: Tracker, aspects: list[Aspect]
) -> Optional[list[EventType]]:
    """ "is the lutathera trial randomised?": the question answered for our trials of it (the first
    few, briefly when there are more than a few), which become the list shown. None when the
    question names no trial by what it tests."""
    of_treatment = trials_of_treatment_named(tracker)
    if of_treatment is None:
        return None
    name, found, total, kind = of_treatment
    if not found:
        dispatcher.utter_message(text=f"I could not find a trial of {name} in our list.")
        return []
    intro = (
        f"Our list has one {kind}trial of {name}:"
        if total == 1
        else f"Our list has {total} {kind}trials of {name}:"
        if total == len(found)
        else f"Our list has {total} {kind}trials of {name}. Here are the first {len(found)}:"
    )
    send_answers_for_each(dispatcher, tracker, found, aspects, intro=intro, brief=len(found) > EACH_SHOWN_LIMIT)
    return [SlotSet("result_ids", found), SlotSet("focus_nct_id", found[0] if total == 1 else None)]


# "the lutathera trial", "that everolimus study", "the trial of cabozantinib": a trial named by what it tests
_TRIAL_OF = re.compile(
    r"\b(?:the|this|that)\s+((?:[\w-]+\s+){1,3}?)(?:trial|study)\b|\b(?:trial|study)\s+(?:of|with|testing)\s+((?:[\w-]+\s*){1,3})",
    re.I,
)


def trials_of_treatment_named(tracker: Tracker) -> Optional[tuple[str, list[str], int, str]]:
    """The treatment a question names its trial by ("is the lutathera trial randomised?"), as written,
    with the first of our trials of it (open ones, else any), how many there are and which ("open "
    or ""); None when no
    question names a trial that way ("husband is on the pembro trial. ... is that from the placebo?")."""
    text = message_text(tracker) or ""
    named = (
        m.group(1) or m.group(2) for said in sentences(text) if is_question(said) for m in _TRIAL_OF.finditer(said)
    )
    mentions = next((found for found in map(find_treatments, named) if found), [])
    if not mentions:
        return None
    name = written_name(mentions[0].typed, text)
    try:
        for status in ("open", "all"):
            page = trial_store().search(TrialQuery(treatment=mentions[0].typed, status=status, limit=MAX_SHOWN))
            if page.trials:
                return name, [t.nct_id for t in page.trials], page.total, "open " if status == "open" else ""
    except SQLAlchemyError:
        return None
    return name, [], 0, ""


def written_name(typed: str, text: str) -> str:
    """The name as the person wrote it ("Lutathera" for "lutathera"), a brand with its capital."""
    found = re.search(re.escape(typed), text, re.I)
    said = found.group(0) if found else typed
    return said[:1].upper() + said[1:] if said.islower() and len(said) > 4 else said


def tells_their_story(text: str) -> bool:
    """The question comes after a sentence about their own situation ("husband is on the pembro trial.
    new itchy rash... is that from the immunotherapy?"), not only "could I get a sugar pill?"."""
    return about_their_own_situation(text) and any(not is_question(said) for said in sentences(text))


AGES_DIFFER = (
    "Each trial sets its own age limits, as part of its rules on who can take part. Open a trial, or search "
    "for some, and I can tell you the ages its record gives. Only the trial team can say if one fits {whom}."
)


def send_answers_for_each(
    dispatcher: CollectingDispatcher,
    tracker: Tracker,
    nct_ids: list[str],
    aspects: list[Aspect],
    intro: Optional[str] = None,
    brief: bool = False,
) -> None:
    """The same question answered for each trial of a list, one paragraph each (a line each, `brief`)."""
    answers = []
    for nct_id in nct_ids:
        trial = load_trial(dispatcher, nct_id)
        if trial is not None:
            said = " ".join(aspect_lines(tracker, trial, aspects))
            name = f"{trial.nct_id}{f' ({trial.acronym})' if trial.acronym else ''}"
            answers.append(f"- {name}: {first_words(said)}" if brief else f"{name}: {said}")
    if brief and WHO_CAN_JOIN & set(aspects):  # the brief lines leave out who decides
        answers.append(f"Only each trial's team can say if it fits {whom_meant(tracker)}.")
    if answers:
        dispatcher.utter_message(
            text=(intro or f"For each of the {len(nct_ids)} trials I listed:")
            + ("\n" if brief else "\n\n")
            + ("\n" if brief else "\n\n").join(answers)
            + '\n\nTo look at one, say "the first one" or its NCT number.'
        )


BRIEF_CHARS = 20  # a brief answer: its first sentences, up to this many characters at least ("Yes. It is randomised.")


def first_words(said: str) -> str:
    """The first sentence of an answer, with the next when the first is only "Yes." or "No."."""
    kept = ""
    for sentence in sentences(said):
        kept = f"{kept} {sentence}".strip()
        if len(kept) >= BRIEF_CHARS:
            break
    return kept


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
