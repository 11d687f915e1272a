"""TrialNameRouter: a message that is only a stored trial's name asks to see that trial.

"the clarinet trial", "SPINET study lanreotide lung", "netter 2?": the classifier may read the
name as a word it knows ("clarinet" is in the lanreotide answer) or not at all. The spaCy
pipeline marks the stored trials' acronyms (`trial_name`, bot/nlp.py); when the rest of the
message is only filler words or other names (a treatment, a condition, a place), the intent
becomes `show_trial`. So does a message that names one NCT number and asks nothing about a
part of it ("NCT00326469 lanreotide spain", "swog chemo after surgery trial NCT05040360"),
when the classifier took it for a fact, a topic, a search or nothing; so does one giving several
NCT numbers to look at, even when its words ("my nurse gave me these numbers") read as the helpline. A message that names one
stored trial and asks where it runs ("NETTER-2 sites in the UK?") asks `ask_trial_where`, not the
NET centres; one that asks who it is for ("COMPOSE: ki67 range? prior PRRT ok?") asks that, not a
knowledge topic. Runs after the classifier and
before the SafetyNet, which still wins.
"""

from __future__ import annotations

import re
from typing import Any, Optional

from rasa.engine.recipes.default_recipe import DefaultV1Recipe
from rasa.nlu.constants import SPACY_DOCS
from rasa.shared.nlu.constants import INTENT, TEXT
from rasa.shared.nlu.training_data.message import Message

from bot.knowledge.pair import find_treatments
from bot.nlp import TRIAL_NAME
from bot.text import is_question
from bot.trials.asked_about import asks_if_it_worked, aspects_asked
from bot.trials.side_by_side import without_comparing_words
from components.intent_router import IntentRouter

SHOW_TRIAL = "show_trial"
TRIAL_WHERE = "ask_trial_where"
TRIAL_ELIGIBILITY = "ask_eligibility"
TRIAL_DETAIL = "ask_trial_detail"
# "COMPOSE: ki67 range? prior PRRT ok?", "netter-3 inclusion criteria": who a named trial is for
_ASKS_WHO_IT_IS_FOR = re.compile(
    r"\bki-?\s?67\s+(?:range|limits?|cut-?offs?|cutoffs?)\b"
    r"|\b(?:prior|previous)\s+\w+(?:\s+\w+)?\s+(?:ok|okay|allowed|required|needed|excluded|an?\s+exclusion)\b"
    r"|\b(?:inclusion|exclusion|criteria|eligib\w*|who\s+(?:can|could)\s+(?:join|take\s+part|go\s+on))\b",
    re.I,
)
# "NETTER-2 sites in the UK?", "which hospitals have the compete trial": where a named trial runs (not the
# NET centres, not a search), unless they want others like it ("anything like netter-2 near leeds").
_ASKS_WHERE = re.compile(
    r"\b(?:where|sites?|hospitals?|locations?|centres?|centers?|places|countries|cities|towns)\b", re.I
)
_LIKE_IT = re.compile(r"\b(?:like|similar|other|others|instead|besides)\b", re.I)
FILLER = frozenset(
    """
the a an this that trial trials study studies one called named about on of for re regarding what whats what's is
was are tell me more show info information details detail please pls plz look up find pull read can could you i
do know anything any heard hear 's s and or ? ! . , : - hi hello hey thanks thank so ok okay
lung lungs pancreas pancreatic bowel gut liver net nets tumour tumours tumor tumors neuroendocrine cancer
maintenance adjuvant neoadjuvant firstline randomised randomized registry
""".split()
)
OTHER_NAMES = {"treatment", "condition", "country", "city", "phase", "status", "nct_id", TRIAL_NAME}
# Intents that cannot be about one numbered trial: a number named there means "show me this one"
NUMBER_MEANS_SHOW = {"inform", "knowledge", "nlu_fallback", "out_of_scope", "search_trials"}
_NOT_ABOUT_A_NAMED_TRIAL = NUMBER_MEANS_SHOW | {"ask_personal_advice"}
# "nurse gave me 3 numbers: NCT..., NCT...": read as the nurse helpline for its words
_HELPLINE = "ask_helpline"


def names_only_a_trial(doc: Any) -> bool:
    """True when the text names a stored trial and says nothing else but filler and names."""
    if not _trial_names(doc):
        return False  # "what is eus": a test, though a trial is called EUS too
    named = {i for ent in doc.ents if ent.label_ in OTHER_NAMES for i in range(ent.start, ent.end)}
    return all(token.i in named or token.lower_ in FILLER or token.is_punct for token in doc)


def _trial_names(doc: Any) -> set[str]:
    """The stored trials' names the message holds; not one that is also a treatment's or test's name."""
    return {ent.text.lower() for ent in doc.ents if ent.label_ == TRIAL_NAME and not _names_a_treatment(ent.text)}


def _numbers(doc: Any) -> set[str]:
    """The NCT numbers the message holds, written alike."""
    return {ent.text.upper().replace(" ", "") for ent in doc.ents if ent.label_ == "nct_id"}


def _names_a_treatment(text: str) -> bool:
    """A known name of a treatment or test; a trial's own name that only looks like one
    ("sunland", close to the brand Sulanda) is the trial's."""
    return any(not mention.guessed for mention in find_treatments(text))


@DefaultV1Recipe.register([DefaultV1Recipe.ComponentType.INTENT_CLASSIFIER], is_trainable=False)
class TrialNameRouter(IntentRouter):
    def route(self, message: Message) -> Optional[str]:
        doc = message.get(SPACY_DOCS[TEXT])
        if doc is None:
            return None
        if names_only_a_trial(doc):
            return SHOW_TRIAL
        intent = (message.get(INTENT) or {}).get("name")
        if intent != TRIAL_WHERE and asks_where_a_named_trial_runs(doc):
            return TRIAL_WHERE
        if intent in _NOT_ABOUT_A_NAMED_TRIAL and len(_trial_names(doc)) == 1 and not _numbers(doc):
            return _part_asked_of_a_named_trial(doc.text)  # "COMPOSE: ki67 range?" was read as a PRRT question
        if (
            intent == TRIAL_ELIGIBILITY
            and len(_trial_names(doc)) == 1
            and _part_asked_of_a_named_trial(doc.text) == TRIAL_DETAIL
        ):
            return TRIAL_DETAIL  # "my dad is 67 with a grade 2 NET ... what is the NETTER-2 trial and did it work?"
        if names_several_numbers(doc) and (
            intent in NUMBER_MEANS_SHOW or (intent == _HELPLINE and not is_question(doc.text))
        ):
            return SHOW_TRIAL  # "nurse gave me 3 numbers: NCT02859064, NCT00326469, NCT03457948"
        return SHOW_TRIAL if intent in NUMBER_MEANS_SHOW and names_one_number(doc) else None


def _part_asked_of_a_named_trial(text: str) -> Optional[str]:
    """Who a trial named by its acronym is for, or whether it worked ("did NETTER-2 work?", read as a
    drug's topic); None otherwise (one part of it, "REMINET results", is the FollowUpRouter's)."""
    if _ASKS_WHO_IT_IS_FOR.search(text):
        return TRIAL_ELIGIBILITY
    return TRIAL_DETAIL if asks_if_it_worked(text) else None


def asks_where_a_named_trial_runs(doc: Any) -> bool:
    """ "NETTER-2 sites in the UK?": one stored trial named, by acronym or number, and where it runs asked."""
    return (
        len(_trial_names(doc)) + len(_numbers(doc)) == 1
        and bool(_ASKS_WHERE.search(doc.text))
        and not _LIKE_IT.search(doc.text)
    )


# "NCT00363051 everolimus phase 2": a phase named as a label, not asked about ("what phase is it?")
_PHASE_LABEL = re.compile(r"\bphase\s*(?:[1-4]|i{1,3}|iv)(?:\s*(?:/|-|and)\s*(?:[1-4]|i{1,3}|iv))?\b", re.I)


def names_several_numbers(doc: Any) -> bool:
    """Two or more NCT numbers given to be looked at, asking nothing about a part of them and comparing
    nothing ("my nurse gave me NCT02743741, NCT01876771 and NCT02939651")."""
    text = doc.text
    return len(_numbers(doc)) > 1 and not aspects_asked(text) and without_comparing_words(text) == text


def names_one_number(doc: Any) -> bool:
    """One NCT number, and no question about a part of a trial ("NCT06784752 is it randomised")."""
    return len(_numbers(doc)) == 1 and not aspects_asked(_PHASE_LABEL.sub(" ", doc.text))
