"""FollowUpRouter: a question about a trial's details is a question about the trial in focus.

"how long do people stay on it?", "what does phase 3 mean for this one?", "could I end up on a
dummy drug?": the classifier knows these words from the general answers (placebo, phases,
injections) and picks a knowledge topic. When the message asks about a part of a trial
(bot/trials/asked_about.py) and speaks of a trial or of taking part ("it", "this one", "would I",
"if I get"), the intent becomes `ask_trial_detail`: its action answers from the trial in focus,
and, with no trial in focus, gives the same knowledge answer the topic selector chose.

A question that opens with a fact about the person ("im 82 is that too old", "she had PRRT 2
years ago, does that rule her out") is often read as `inform`: put as a question, it is moved too,
to the detail answer or, when it asks whether something keeps them out, to the personal question
(whose action looks the thing up in the criteria of the trial in focus). A question whether
something keeps them out is never a knowledge topic either. "Which hospital on the list is
nearest?", in English or another language, asks where the trial runs (`ask_trial_where`). "Like food
wise" or "and food?" narrows the question before it to one point: a general answer (`knowledge`).
"""

from __future__ import annotations

import re
from typing import Optional

from rasa.engine.recipes.default_recipe import DefaultV1Recipe
from rasa.shared.nlu.constants import INTENT, TEXT
from rasa.shared.nlu.training_data.message import Message

from bot.advice import asks_personal_advice
from bot.followups.involves_asked import asks_what_it_involves
from bot.followups.narrowed import narrowing_point
from bot.knowledge.facts import asking_sentences
from bot.knowledge.just_compared import asks_which_is_better
from bot.knowledge.names import find_treatments
from bot.text import is_question
from bot.trials.asked_about import aspects_asked
from bot.trials.mentions import asks_if_it_would_exclude
from components.intent_router import IntentRouter

TRIAL_DETAIL = "ask_trial_detail"
PERSONAL_QUESTION = "ask_personal_advice"
INFORM = "inform"
# The classifier's topic answers, and "how long would I be on it?" read as a personal question;
# a real request for advice ("should I stop...", bot/advice.py) is never moved.
KNOWLEDGE = "knowledge"
ROUTED_FROM = {KNOWLEDGE, PERSONAL_QUESTION, "nlu_fallback", "out_of_scope"}
# "what are the different arms?" reads like a comparison, but names no two things to compare
COMPARE = "compare_trials"
_TWO_SIDES = re.compile(r"\b(?:vs\.?|versus|or|compared?|comparing|between|better|worse|and)\b", re.I)
# "how many arms and whats the difference between them", "how do the groups differ": the trial's own groups
_BETWEEN_ITS_GROUPS = re.compile(
    r"\b(?:between|among)\s+(?:them|the\s+(?:arms|groups))\b|\bthe\s+(?:arms|groups)\s+differ|\bdifferent\s+(?:arms|groups)\b"
    r"|\bdifference\s+(?:in|of)\s+(?:the\s+)?(?:arms|groups)\b",
    re.I,
)
# "do they randomly pick who gets the chemo" reads like "who can join"; that action answers age
# and sex itself, but not the trial's design
ELIGIBILITY = "ask_eligibility"
# "who do i talk to about this one": the trial's team, not the helplines
HELPLINE = "ask_helpline"
TRIAL_CONTACTS = "ask_trial_contacts"
_THIS_TRIAL = re.compile(r"\b(?:this|that|the)\s+(?:one|trial|study)\b|\babout\s+it\b|\bits\s+team\b", re.I)
WHO_CAN_JOIN_ASPECTS = {"age", "sex"}
_SPEAKS_OF_A_TRIAL = re.compile(
    r"\b(?:upper|lower|maximum|minimum|max|min)\s+age\b|\bage\s+(?:limit|cut[\s-]?off|range|restriction)|\btoo\s+(?:old|young)\b"
    r"|\bcut[\s-]?off\s+age\b|\b(?:whether|if)\s+(?:you|i|he|she|we)\s+(?:get|gets|end\s+up)\b"
    r"|\b(?:does|do|will|would)\s+the\s+(?:doctors?|consultants?|team)\s+(?:decide|choose|pick)\b"
    r"|\b(?:oldest|youngest)\b|\bwho\s+(?:runs|funds|sponsors)\b|\bsponsor\b|\bstill\s+(?:open|recruiting)\b"
    r"|\b(?:this|that|the)\s+(?:one|trial|study)\b|\b(?:on|in|for|from|of|into|join|joining|with|about)\s+it\b"
    r"|(?<!what is )(?<!what's )(?<!whats )\bit\s*[?.!]*\s*$|\bare\s+you\s+(?:randomi|put|split|given)"
    r"|\b(?:do|does|will|would|how\s+do)\s+they\s+(?:split|pick|choose|randomi[sz]e|decide|take|follow|watch|scan)\b"
    # "can my 12 yr old have it", "can my dad join": a person put to the trial
    r"|\bcan\s+(?:i|he|she|we|they|my\s+(?:\w+\s+){0,3}?\w+)\s+(?:(?:have|take|get|do|try|go\s+on|be\s+in)\s+(?:it|this|that)\b|join\b)"
    r"|\b(?:would|could|will|might)\s+(?:i|he|she|we|my\s+\w+)\b|\b(?:i|he|she|we)'?d\s+(?:get|be|have|end|need|go|take)\b"
    r"|\bchance\s+(?:that\s+)?(?:i|he|she|we|my\s+\w+)\b|\bwhy\s+(?:was|did|has|is)\s+it\b|\bdifferent\s+(?:arms|groups)\b|\b(?:do|would|will)\s+you\s+(?:stay|get|be|have)\b"
    r"|\bthe\s+(?:scans?|injections?|jabs?|treatment|chemo|questionnaires?|follow[\s-]?up|groups?|doses?|cycles?)\b"
    r"|\bif\s+(?:i|he|she|we|my\s+\w+)\s+(?:get|gets|got|join|joins|joined|go|goes|went|take|takes|took|am|is|was)\b"
    # yes/no questions that only make sense about one trial: "is it randomised", "is there a
    # placebo", "are people put in groups", "how many people are taking part", "whats the phase"
    r"|^\W*(?:is|was|does|did|has|will)\s+it\b|^\W*(?:is|are)\s+there\s+(?:a|an|any)\b"
    r"|\b(?:are|is|were)\s+(?:people|patients|participants|you|we|everyone|everybody)\s+(?:randomi|put|split|given|picked|chosen|allocated)"
    r"|\bdo\s+they\s+(?:use|give|have)\b|\bhow\s+many\s+(?:people|patients|participants|ppl)\s+(?:are|will|were|have|did|do|does)\b"
    r"|\bNCT\s*\d{8}\b"  # "NCT06787014 sorry. how many people do they want": the trial is named
    r"|\bwhat(?:'s|s|\s+is)\s+the\s+(?:phase|sample\s+size)\b|\b(?:are|were)\s+there\s+(?:any\s+)?results\b"
    r"|\bis\s+it\s+(?:still\s+)?(?:open|recruiting)\b|\bstatus\b|\bcan\s+(?:anyone|anybody)\s+(?:sign\s+up|join|apply)\b",
    re.I,
)


# "which hospital on the list is nearest", "Welches Zentrum ist am nächsten?", "cual es el hospital mas cerca":
# the trial's nearest site (not a NET centre, not a new search)
TRIAL_WHERE = "ask_trial_where"
_NEAREST = re.compile(
    r"\b(?:nearest|closest|am\s+n[äa]chsten|n[äa]chstgelegen\w*|pi[uù]\s+vicin\w*|m[aá]s\s+cerca\w*|n[äa]rmast\w*|plus\s+proche)\b",
    re.I,
)
_A_SITE = re.compile(
    r"\b(?:hospitals?|sites?|centres?|centers?|clinics?|places?|locations?|one|zentrum|zentren|klinik\w*|krankenhaus|centro|centri"
    r"|ospedal[ei]|sjukhus\w*|h[oô]pital\w*|on\s+the\s+list|of\s+(?:them|these|those))\b",
    re.I,
)
_NOT_A_TRIAL_SITE = re.compile(r"\b(?:net|specialist|neuroendocrine|expert|enets|trials|studies|any)\b", re.I)
NEAREST_FROM = {INFORM, KNOWLEDGE, "nlu_fallback", "out_of_scope", "find_centres", "search_trials"}
# "what questions should i ask the oncologist about trials": questions to take along (for a trial in focus,
# or for any trial), not the "how to find trials" answer
TRIAL_QUESTIONS = "ask_trial_questions"
_WHAT_TO_ASK = re.compile(
    r"\b(?:what|which)\s+(?:questions?|things?)\s+(?:should|do|could|can|would|to|might|must)\b(?:\s+(?!they\b)\w+){0,3}?\s+ask\b"
    r"|\bquestions?\s+(?:to|i\s+should|we\s+should|i\s+could|we\s+could)\s+ask\b|\bwhat\s+(?:should|do|can|could)\s+(?:i|we)\s+ask\b"
    r"|\bwhat\s+to\s+ask\b",
    re.I,
)
WHAT_TO_ASK_FROM = {KNOWLEDGE, "nlu_fallback", "out_of_scope", "search_trials", HELPLINE}
# "whats involved in it", "what does that one involve": read as nothing, a topic or a search
INVOLVES_FROM = ROUTED_FROM | {INFORM, "search_trials", COMPARE, ELIGIBILITY}
# "like food wise", "and food?", "cost wise?" after a question: that question narrowed to one point, a general
# answer (bot/followups/narrowed.py), whatever the classifier made of the few words
NARROWED_FROM = {
    "nlu_fallback",
    "out_of_scope",
    INFORM,
    "greet",
    "thank",
    "goodbye",
    "search_trials",
    "find_centres",
    COMPARE,
    PERSONAL_QUESTION,
    HELPLINE,
}


def asks_nearest_site(text: str) -> bool:
    return bool(_NEAREST.search(text) and _A_SITE.search(text)) and not _NOT_A_TRIAL_SITE.search(text)


# "in a trial", "trials", "in hospital": about trials or care in general
_GENERAL = re.compile(r"\b(?:a|any)\s+(?:trial|study)\b|\btrials\b|\bstudies\b|\bin\s+hospital\b", re.I)


def asks_about_a_trial(text: str) -> bool:
    """A question about a part of a trial, put as being about a trial or taking part in one. "Would
    he be too old for a trial?" is one too: with a trial in focus, its limits answer it. The part
    must be in the sentence that asks: "we don't know which arm (it's blinded). his blood pressure is
    through the roof, is that a known thing with axitinib?" asks about the drug."""
    aspects = aspects_asked(" ".join(asking_sentences(text)))  # not "(it's blinded)" told before the question
    general = bool(_GENERAL.search(text)) and aspects != ["age"]
    return bool(aspects) and bool(_SPEAKS_OF_A_TRIAL.search(text)) and not general


_SENTENCE_END = re.compile(r"(?<=[.!?])\s+|\n+")


def question_sentences(text: str) -> str:
    """The sentences that ask, without the story before them; all of it when none asks."""
    sentences = [s for s in _SENTENCE_END.split(text) if s.strip()]
    return " ".join(s for s in sentences if is_question(s)) or text


def asks_about_a_treatment_instead(text: str) -> bool:
    """ "we don't know which arm (it's blinded). his blood pressure is through the roof, is that a known
    thing with axitinib?": the trial's parts are only in the story; the question names a treatment and
    asks nothing about the trial, so its general part (the drug's side effects) answers it."""
    asking = " ".join(asking_sentences(text))
    return (
        asking != text.strip()
        and not aspects_asked(asking)
        and bool(aspects_asked(text))
        and bool(find_treatments(asking))
        and is_question(asking)
    )


@DefaultV1Recipe.register([DefaultV1Recipe.ComponentType.INTENT_CLASSIFIER], is_trainable=False)
class FollowUpRouter(IntentRouter):
    def route(self, message: Message) -> Optional[str]:
        intent = (message.get(INTENT) or {}).get("name")
        text = message.get(TEXT) or ""
        if intent in NARROWED_FROM and narrowing_point(text):
            return KNOWLEDGE
        if intent == TRIAL_DETAIL and asks_about_a_treatment_instead(text):
            return PERSONAL_QUESTION
        if intent in NEAREST_FROM and asks_nearest_site(text):
            return TRIAL_WHERE
        if intent in WHAT_TO_ASK_FROM and _WHAT_TO_ASK.search(text) and not asks_personal_advice(text):
            return TRIAL_QUESTIONS
        if intent == "nlu_fallback" and weighs_the_two_just_compared(text):
            return COMPARE  # "which one is more serious?" after NETs and NECs: its action reads the pair in focus
        if intent in INVOLVES_FROM and asks_what_it_involves(text):
            return TRIAL_DETAIL  # "whats involved in it": that trial's record, the only one shown too
        if intent == INFORM:
            return _question_behind_a_fact(text)
        if intent in ROUTED_FROM and is_question(text) and asks_if_it_would_exclude(text):
            return PERSONAL_QUESTION  # "he had lutathera in 2022, does that rule him out": never a topic
        if intent == HELPLINE:
            return TRIAL_CONTACTS if _THIS_TRIAL.search(text) else None
        if intent == ELIGIBILITY:
            design = set(aspects_asked(text)) - WHO_CAN_JOIN_ASPECTS
            if aspects_asked(text) == ["age"] and _GENERAL.search(text):
                return TRIAL_DETAIL  # "would my mum be too old for a trial?": the trial in focus, or each has its own
            return TRIAL_DETAIL if design and _SPEAKS_OF_A_TRIAL.search(text) else None
        if intent == COMPARE:
            if "groups" in aspects_asked(text) and _BETWEEN_ITS_GROUPS.search(text):
                return TRIAL_DETAIL  # "how many arms and whats the difference between them"
            # "PRRT before surgery vs surgery chicago. why did it stop": the two sides only name the trial
            asking = question_sentences(text)
            return TRIAL_DETAIL if asks_about_a_trial(text) and not _TWO_SIDES.search(asking) else None
        moved = intent in ROUTED_FROM and asks_about_a_trial(text) and not asks_personal_advice(text)
        return TRIAL_DETAIL if moved else None


def weighs_the_two_just_compared(text: str) -> bool:
    """ "which one is more serious?", "is one more dangerous?": the two just set side by side weighed, naming
    nothing of its own, no place and no personal decision."""
    return (
        asks_which_is_better(text)
        and not find_treatments(text)
        and not _NEAREST.search(text)
        and not asks_personal_advice(text)
    )


def _question_behind_a_fact(text: str) -> Optional[str]:
    if not is_question(text):
        return None  # "im 82", "she had PRRT in 2023": facts for the profile, kept as inform
    if asks_if_it_would_exclude(text):
        return PERSONAL_QUESTION
    return TRIAL_DETAIL if asks_about_a_trial(text) else None
