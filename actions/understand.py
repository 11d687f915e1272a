"""action_understand_message: a message no intent fits, read for what it tells us; and
action_answer_out_of_scope for off-topic messages that may name a stored trial.

A drug's name gets what it is and a button for its trials; a trial, sponsor or site of ours
named gets the search; a story with a question gets trials ranked by fit; plain facts are
thanked for and read back; anything else gets the usual "sorry" and goes to the content-gap
log (bot/profile/message.py decides which).
"""

from __future__ import annotations

from typing import Any

from rasa_sdk import Action, Tracker
from rasa_sdk.events import EventType
from rasa_sdk.executor import CollectingDispatcher

from actions.compare_trials import send_which_is_better
from actions.country import country_code
from actions.feedback import log_fallback
from actions.fitting import run_fitting_search, searched_profile
from actions.followups import ActionAnswerTrialDetail, ActionShowTrialPlaces, send_about_picked
from actions.general_answer import send_kind_word, send_topic_and_fact
from actions.in_focus import trial_just_in_focus, whom_meant
from actions.knowledge_answer import (
    asks_about_the_trial_in_focus,
    send_fact_of_pair_in_focus,
    send_fact_of_topic_in_focus,
)
from actions.personal_question import send_general_part
from actions.profile import message_text, profile_of
from actions.replies import HELPLINE_BUTTON, send_helpline
from actions.topics import bot_texts, general_topic, knowledge_response
from bot.advice import asks_for_options, asks_what_it_means
from bot.followups.about_trial import UNPLACED_PARTS
from bot.followups.place_asked import asks_where_near_them
from bot.followups.side_effect_asked import side_effect_fact
from bot.language import HOME_COUNTRY, other_language
from bot.lexicon import default_lexicon
from bot.personal.handing_back import after_general
from bot.profile.message import message_kind, named_treatment, noted_text
from bot.profile.read import read_message

# A question of what news means has no better answer than the nearest topic: a lower bar than usual
NEWS_TOPIC_LEAST = 0.15
FIND_FITTING_BUTTON = {"title": "Find trials that may fit", "payload": "/search_trials"}


class ActionUnderstandMessage(Action):
    def name(self) -> str:
        return "action_understand_message"

    async def run(self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: dict[str, Any]) -> list[EventType]:
        text = message_text(tracker)
        kind = message_kind(text)
        if kind == "name":
            return self._explain_name(dispatcher, text, domain)
        picked = send_about_picked(dispatcher, tracker)  # "the capecitabine one - how long is it?" after a list
        if picked is not None:
            return picked
        if trial_just_in_focus(tracker) and asks_where_near_them(text):  # "Jeg bor i Aalborg. Hvor er det nærmeste?"
            return await ActionShowTrialPlaces().run(dispatcher, tracker, domain)
        if asks_about_the_trial_in_focus(tracker, UNPLACED_PARTS):  # "novaferon - is it a tablet or a jab?"
            return await ActionAnswerTrialDetail().run(dispatcher, tracker, domain)  # "whats in each group? dad..."
        searched = searched_profile(tracker)
        asks = asks_for_options(text) or other_language(text)  # a story in another language: its trials
        if not asks and not searched.lookup.names_trials and send_fact_of_pair_in_focus(dispatcher, tracker):
            return []  # "and can she still travel abroad on it?" just after two treatments side by side
        if kind == "story_question" and not searched.lookup.names_trials and not asks:
            if self._answer_question(dispatcher, tracker, domain, text or ""):  # "can dad do his jab himself?"
                return []
            if asks_what_it_means(text) and self._explain_news(dispatcher, tracker, domain):
                return []  # "just been told its spread to my bones. what does that mean": never a trial list
        if not searched.lookup.names_trials and self._answer_side_effect(dispatcher, tracker):
            return []  # "is a sore mouth normal on everolimus, its really bad today": not a read-back
        if kind == "story_question" or searched.lookup.names_trials:  # a story, or "NETTER-2 sites"
            say_english_is_read_best(dispatcher, tracker)
            return run_fitting_search(dispatcher, tracker, searched)
        if kind == "facts" and not profile_of(tracker).tells_about_the_person and named_treatment(text):
            return self._explain_name(dispatcher, text, domain)  # "177Lu-DOTA-EB-TATE": a name, nothing to note
        if kind == "facts":
            dispatcher.utter_message(
                text=noted_text(profile_of(tracker)), buttons=[FIND_FITTING_BUTTON, HELPLINE_BUTTON]
            )
            return []
        if answered_in_english_only(dispatcher, tracker) or send_fact_of_topic_in_focus(dispatcher, tracker, domain):
            return []  # "and can i hug my grandkids" after a PRRT answer: about PRRT
        log_fallback(tracker)
        dispatcher.utter_message(response="utter_default")
        return []

    @staticmethod
    def _answer_question(dispatcher: CollectingDispatcher, tracker: Tracker, domain: dict[str, Any], text: str) -> bool:
        """A story with a question that is not about what to try: its general answer, if we have one."""
        if general_topic(tracker, domain) is None:
            return False
        send_kind_word(dispatcher, tracker)
        return send_general_part(dispatcher, tracker, domain, bot_texts(tracker))

    @staticmethod
    def _explain_news(dispatcher: CollectingDispatcher, tracker: Tracker, domain: dict[str, Any]) -> bool:
        """What some news means ("spread to my bones"), from the topic its words come closest to, even when
        the topic selector is not sure; then who can say what it means for them."""
        response = general_topic(tracker, domain, least=NEWS_TOPIC_LEAST)
        if response is None:
            return False
        send_kind_word(dispatcher, tracker)
        send_topic_and_fact(dispatcher, tracker, domain, response)
        dispatcher.utter_message(text=after_general(bot_texts(tracker), whom_meant(tracker)))
        return True

    @staticmethod
    def _answer_side_effect(dispatcher: CollectingDispatcher, tracker: Tracker) -> bool:
        """Whether something comes from a treatment named: its side-effect fact, then who can say how it applies."""
        fact = side_effect_fact(message_text(tracker))
        if fact is None:
            return False
        send_kind_word(dispatcher, tracker)
        dispatcher.utter_message(text=fact.text)
        dispatcher.utter_message(text=after_general(bot_texts(tracker), whom_meant(tracker)))
        return True

    @staticmethod
    def _explain_name(dispatcher: CollectingDispatcher, text: str | None, domain: dict[str, Any]) -> list[EventType]:
        concept = named_treatment(text)
        lexicon = default_lexicon()
        name = lexicon.name_of(f"treatment:{concept}").split(" (")[0] if concept else (text or "")
        response = knowledge_response(concept, domain.get("responses") or {})
        if response:
            dispatcher.utter_message(response=response)  # it ends with a "Find trials of ..." button
            return []
        search = {"title": f"Trials of {name}", "payload": '/search_trials{"treatment":"%s"}' % name.replace('"', "")}
        dispatcher.utter_message(
            text=f"{name[:1].upper() + name[1:]} is a name I know from NET trials. Would you like to see its trials?",
            buttons=[search, HELPLINE_BUTTON],
        )
        return []


class ActionAnswerOutOfScope(Action):
    """Off-topic, or a trial named in a way the classifier does not know ("clarinet forte",
    "anything at the Christie?"): a name of a stored trial, sponsor or site gets the search;
    anything else the kind "I can help with NETs" answer (another cancer included)."""

    def name(self) -> str:
        return "action_answer_out_of_scope"

    async def run(self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: dict[str, Any]) -> list[EventType]:
        if send_which_is_better(dispatcher, tracker):  # "which is best for a 75 year old" after a side by side
            return []
        picked = send_about_picked(dispatcher, tracker)  # "what about the NALIRIFOX one, could he do that?"
        if picked is not None:
            return picked
        if trial_just_in_focus(tracker) and asks_where_near_them(message_text(tracker)):  # "ik woon in Assen. welk..."
            return await ActionShowTrialPlaces().run(dispatcher, tracker, domain)
        searched, text = searched_profile(tracker), message_text(tracker)
        foreign = other_language(text)
        if searched.lookup.names_trials or tells_a_net_story(text):  # "mio padre ha un pNET..., studi?"
            if foreign:
                say_english_is_read_best(dispatcher, tracker)
            return run_fitting_search(dispatcher, tracker, searched)  # "45 f, lung carcinoid ... any research?"
        if answered_in_english_only(dispatcher, tracker):
            return []
        country = country_code(tracker)
        if country in (None, "GB"):
            dispatcher.utter_message(response="utter_out_of_scope")
        else:  # the nurses of the person's own country, not the UK line the response names
            dispatcher.utter_message(text=OFF_TOPIC, buttons=[TRIALS_BUTTON])
            send_helpline(dispatcher, tracker)
        return []


OFF_TOPIC = (
    "Sorry, I can't help with that. I know about NETs (neuroendocrine tumours): their tests and treatments, "
    "how trials work, and how to find a NET trial. For other cancers or anything else, a nurse can help."
)
TRIALS_BUTTON = {"title": "Find trials", "payload": "/search_trials"}


def tells_a_net_story(text: str | None) -> bool:
    """A story about a NET with a question or request, in whatever language the reader caught
    its facts ("mijn vader heeft een pNET graad 2 ..., zijn er studies?"); another cancer
    ("mia zia ha un cancro al seno") tells no NET facts and stays off-topic."""
    return message_kind(text) == "story_question" and read_message(text).has_medical_facts


def say_english_is_read_best(dispatcher: CollectingDispatcher, tracker: Tracker) -> None:
    """Before the trials found for a story in another language: what was understood may be
    partial, and who to talk to in their own language."""
    language = other_language(message_text(tracker))
    if language is None:
        return
    dispatcher.utter_message(
        text=(
            f"This looks like {language}. I read English best, so I may have missed some of what you wrote. "
            "Below are trials that may fit what I understood. You can also talk to someone:"
        )
    )
    send_helpline(dispatcher, tracker, HOME_COUNTRY.get(language))


def answered_in_english_only(dispatcher: CollectingDispatcher, tracker: Tracker) -> bool:
    """A message in another language ("Hej, jag opererades i bukspottkörteln..."): not off-topic,
    only not understood. Say so, and who to talk to."""
    language = other_language(message_text(tracker))
    if language is None:
        return False
    dispatcher.utter_message(
        text=(
            f"Sorry, this looks like {language}, and I can only read and answer English for now. "
            "If your question is about a NET, please try asking it in English. You can also talk to someone:"
        )
    )
    send_helpline(dispatcher, tracker, HOME_COUNTRY.get(language))
    return True
