"""What to do with a message the intent classifier could not place, from what it tells us.

People write stories, single drug names and plain facts ("I live in the US") that no intent
fits. Read with the profile reader, such a message is one of:
- NAME: only the name of a treatment or test ("lutathera", "captem?"): say what it is, offer its trials;
- STORY_QUESTION: facts about the person and a question or request: search trials that fit;
- FACTS: facts only ("she's 66", "we're in Cork"): say what was noted and what can come next;
- UNCLEAR: none of these: the usual "sorry, I didn't understand", logged as a content gap.
"""

from __future__ import annotations

import re
from typing import Literal, Optional

from bot.geo.country_words import country_name, country_words
from bot.lexicon import Lexicon, default_lexicon
from bot.profile.model import Profile
from bot.profile.read import read_message
from bot.profile.treatments import named_ids, only_treatment_names
from bot.profile.wording import readable
from bot.words_list import words_list

Kind = Literal["name", "story_question", "facts", "unclear"]
_ASKS = re.compile(
    r"\?|\b(?:any|anything|is there|are there|what|which|where|how|could|can|would|should|trials?|studies|study|options?"
    r"|help|looking|find|search|please|pls|try|next)\b",
    re.I,
)
# knowledge topic (utter_knowledge/<topic>) for a treatment or test id, where one is written
KNOWLEDGE_TOPICS = {
    "lanreotide": "lanreotide",
    "octreotide": "octreotide",
    "somatostatin_analogue": "somatostatin_analogues",
    "prrt": "what_is_prrt",
    "everolimus": "everolimus",
    "sunitinib": "sunitinib",
    "lenvatinib": "lenvatinib",
    "axitinib": "axitinib",
    "surufatinib": "surufatinib",
    "cabozantinib": "cabozantinib",
    "pazopanib": "pazopanib",
    "pen_221": "pen_221",
    "immunotherapy": "immunotherapy",
    "pembrolizumab": "pembrolizumab",
    "nivolumab": "nivolumab",
    "ipilimumab": "ipilimumab",
    "chemotherapy": "chemotherapy",
    "capecitabine_temozolomide": "captem",
    "capecitabine": "captem",
    "temozolomide": "captem",
    "streptozocin": "streptozocin_fluorouracil",
    "surgery": "surgery",
    "debulking": "debulking",
    "liver_directed_therapy": "liver_treatments",
    "tace": "liver_treatments",
    "sirt": "liver_treatments",
    "liver_embolisation": "liver_treatments",
    "liver_ablation": "liver_treatments",
    "targeted_therapy": "targeted_drugs",
    "ga68_dotatate": "pet_scans",
    "cu64_dotatate": "pet_scans",
    "pet_scan": "pet_scans",
    "fdg_pet": "pet_scans",
    "sstr_imaging": "pet_scans",
    "octreotide_scan": "octreotide_scan",
}
_ABOUT_WORDS = {
    "self": "you",
    "parent": "your parent",
    "partner": "your partner",
    "child": "your child",
    "sibling": "your brother or sister",
    "grandparent": "your grandparent",
    "friend": "your friend",
    "other": "the person you are asking for",
}


def message_kind(text: Optional[str], lexicon: Optional[Lexicon] = None) -> Kind:
    lexicon = lexicon or default_lexicon()
    plain = readable(text or "")
    if not plain.strip():
        return "unclear"
    if only_treatment_names(plain, lexicon):
        return "name"
    read = read_message(text, lexicon)
    personal = read.tells_about_the_person or read.about or read.wants.treatment
    if personal and _ASKS.search(plain):
        return "story_question"
    if personal or read.place.country:
        return "facts"
    return "unclear"


def named_treatment(text: Optional[str], lexicon: Optional[Lexicon] = None) -> Optional[str]:
    """The lexicon id of the (first) treatment or test a message names."""
    named = named_ids(readable(text or ""), lexicon)
    return named[0] if named else None


def noted_text(profile: Profile, lexicon: Optional[Lexicon] = None) -> str:
    """ "Thank you. I have noted: your parent, aged 72; a NET that started in the pancreas;
    place: Ireland." The whole profile, so a mistake can be put right."""
    lexicon = lexicon or default_lexicon()
    parts = []
    who = _ABOUT_WORDS.get(profile.about or "", "")
    if who and (profile.age or profile.about != "self"):  # "you" alone says nothing worth checking
        parts.append(f"{who}, aged {profile.age}" if profile.age else who)
    elif profile.age:
        parts.append(f"age {profile.age}")
    kind = "NEC" if profile.tumour_type == "NEC" else "NET"
    if profile.site and profile.site != "unknown":
        parts.append(f"a {kind} that started in the {profile.site}")
    elif profile.tumour_type:
        parts.append(f"a {kind}")
    if profile.grades:
        parts.append("grade " + words_list([str(g) for g in profile.grades], "or"))
    if profile.spread_to:
        parts.append("spread to the " + words_list(list(profile.spread_to)))
    elif profile.spread is not None:
        parts.append("has spread" if profile.spread else "has not spread")
    if profile.treatments:
        parts.append(
            "treatments: "
            + words_list([lexicon.name_of(f"treatment:{t.id}").split(" (")[0] for t in profile.treatments])
        )
    if profile.place.country:
        place = profile.place.city or country_words(country_name(profile.place.country, lexicon))
        parts.append(f"place: {place}")
    if not parts:
        return "Thank you."
    return "Thank you. I have noted: " + "; ".join(parts) + ". If any of this is wrong, just tell me."
