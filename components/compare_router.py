"""CompareRouter: a message that sets two named things side by side asks for a comparison.

"insulinoma vs gastrinoma", "AveNEC vs the utah pembro NEC trial", "whats the difference
between the octreotide scan and a gallium pet": the classifier may read the names it knows
(a topic, a search, a fact) and miss the comparison. When the message asks to compare (vs,
versus, compare, the difference between, side by side) and names two stored trials, two
treatments or tests, or two knowledge topics, the intent becomes `compare_trials`, whose action
sets them side by side; so does one naming a stored trial and setting another thing beside it
("cabaten v the dana farber cabo + nivolumab trial", "CLARINET and PROMID - what did each
test") or several trials by what they give ("the everolimus studies or SANO?"), and one naming two stored
trials that asks about each or both ("SANO and PRIME both came
up. what does each of them try?"). Emergencies, distress and requests for personal advice are never moved.
"""

from __future__ import annotations

import re
from typing import Any, Optional

from rasa.engine.recipes.default_recipe import DefaultV1Recipe
from rasa.nlu.constants import SPACY_DOCS
from rasa.shared.nlu.constants import INTENT, TEXT
from rasa.shared.nlu.training_data.message import Message

from bot.knowledge.pair import two_named
from bot.knowledge.sides import two_sides
from bot.knowledge.topics import topics_compared
from bot.nlp import TRIAL_NAME
from bot.text import is_question, normalize
from bot.trials.asked_about import aspects_asked
from bot.trials.side_by_side import describes_a_group, names_two_listed
from components.followup_router import question_sentences
from components.intent_router import IntentRouter

COMPARE = "compare_trials"
NEVER_MOVED = {"emergency", "distress", "ask_personal_advice", COMPARE}
_ASKS_TO_COMPARE = re.compile(
    r"\b(?:vs|versus|v|compare[ds]?|comparing|comparison|differen(?:ce|ces|t)|differ|diff|side\s+by\s+side"
    r"|j[aä]mf[oö]r\w*|skillnad\w*|vergleich\w*|unterschied\w*|compar(?:er|ar|ez|a)|diff[ée]rence|diferencia)\b",
    re.I,
)
_TRIAL_LABELS = {TRIAL_NAME, "nct_id"}
# "what did each test", "how do both compare", "both came up": about the two sides at once, not "open to
# both men and women"
_OF_THE_TWO = re.compile(r"\beach\b|\bboth\b(?!\s+(?:men|women|sexes|males?|females?|genders?|arms|groups))", re.I)
_EACH_OR_BETTER = re.compile(r"\b(?:each|both|better|worse|which)\b", re.I)
# words that set one thing against another (not "comparing", which names what a trial does)
_SETS_BESIDE = re.compile(r"\b(?:vs|versus|v|compare[ds]?|differen(?:ce|ces|t)|differ|diff|side\s+by\s+side)\b", re.I)
# "does the order make a difference": no two things set side by side
_MAKES_A_DIFFERENCE = re.compile(r"\b(?:make|makes|made|making)\s+(?:a|any|much|the)\s+difference\b", re.I)
# "trials comparing sunitinib and prrt", "lutathera vs everolimus trial": a search for such trials
_TRIALS_WORD = re.compile(r"\b(?:trials?|stud(?:y|ies))\b", re.I)


def names_two_trials(doc: Any) -> bool:
    named = {ent.text.lower().replace(" ", "") for ent in doc.ents if ent.label_ in _TRIAL_LABELS}
    return len(named) >= 2


def sets_a_trial_beside_another(text: str, doc: Optional[Any]) -> bool:
    """One side names a stored trial and the other does not ("cabaten v the dana farber cabo +
    nivolumab trial", "CLARINET and PROMID - what did each test"): the action finds the other
    trial by search, or says what our facts know of it."""
    sides = two_sides(text)
    if doc is None or sides is None:
        return False
    named = [normalize(ent.text) for ent in doc.ents if ent.label_ in _TRIAL_LABELS]
    has = [any(f" {n} " in f" {side} " for n in named) for side in (sides.first, sides.second)]
    return has[0] != has[1]


def sets_a_trial_beside_a_group(text: str, doc: Optional[Any]) -> bool:
    """One side names a stored trial and the other speaks of several trials by what they give: both are
    answered, the named one and the group (actions/compare_trials.py)."""
    sides = two_sides(text)
    if not sets_a_trial_beside_another(text, doc) or sides is None:
        return False
    return any(describes_a_group(side) for side in (sides.first, sides.second))


def compares_two(text: str, doc: Optional[Any]) -> bool:
    """Asks to compare, and names two things the comparison can be about."""
    if _OF_THE_TWO.search(text) and sets_a_trial_beside_another(text, doc):
        return True
    if sets_a_trial_beside_a_group(text, doc):
        return True
    if _OF_THE_TWO.search(text) and is_question(text) and doc is not None and names_two_trials(doc):
        return True  # "SANO and PRIME both came up. what does each of them try?"
    if not _ASKS_TO_COMPARE.search(_MAKES_A_DIFFERENCE.sub(" ", text)):
        return False
    if (doc is not None and names_two_trials(doc)) or names_two_listed(text):
        return True
    if _SETS_BESIDE.search(text) and sets_a_trial_beside_another(text, doc):
        return True
    if _TRIALS_WORD.search(text):
        return False
    return two_named(text, asked_to_compare=True) is not None or len(topics_compared(text)) >= 2


@DefaultV1Recipe.register([DefaultV1Recipe.ComponentType.INTENT_CLASSIFIER], is_trainable=False)
class CompareRouter(IntentRouter):
    def route(self, message: Message) -> Optional[str]:
        intent = (message.get(INTENT) or {}).get("name")
        if intent in NEVER_MOVED:
            return None
        text = message.get(TEXT) or ""
        if names_the_trial_then_asks_about_it(text):
            return None
        return COMPARE if compares_two(text, message.get(SPACY_DOCS[TEXT])) else None


# "PRRT before surgery vs surgery chicago. why did it stop": the sides only say which trial; the
# question asks about it and compares nothing
_ASKS_ABOUT_IT = re.compile(r"\b(?:it|this\s+one|that\s+one)\b", re.I)


def names_the_trial_then_asks_about_it(text: str) -> bool:
    asking = question_sentences(text)
    return (
        asking != text.strip()
        and not _ASKS_TO_COMPARE.search(asking)
        and not _EACH_OR_BETTER.search(asking)
        and bool(_ASKS_ABOUT_IT.search(asking))
        and bool(aspects_asked(asking))
    )
