"""A feeling shown in a message ("I'm terrified of needles", "we're both in bits"), and one
sentence that acknowledges it before the answer."""

from __future__ import annotations

import re
from typing import Iterable, Optional

_FEELING = re.compile(
    r"\b(?:scared|scary|scares?\s+(?:me|us|him|her|them)|terrified|terrifies|frightened|frightening|afraid|fear(?:ful)?|petrified|worried|worrying|worries"
    r"|anxious|anxiety|nervous|panick?(?:ing|ed)?|dread(?:ing)?|upset|distraught|devastated|overwhelmed|stressed"
    r"|in bits|in pieces|falling apart|at the end of my (?:rope|tether)|at my wits'? end|beside myself|can'?t cope"
    r"|not coping|struggling|freaking out|freaked out|bricking it|kinda nervous|heartbroken|gutted|in a state"
    r"|losing sleep|can'?t sleep|crying|in tears|on edge|shaken|a wreck"
    r"|frustrat\w*|fed up|angry|furious|(?:feel|feeling|felt)\s+(?:really\s+|so\s+|a\s+bit\s+)?(?:pushed|pressured|rushed|lost|alone|awful|terrible|helpless|useless"
    r"|low|down|flat|rubbish|miserable)"
    r"|under pressure|guinea\s+pigs?|doing my head in|killing me|fobb\w*\s+(?:me|us|him|her|them)\s+off|desperate|hopeless|at a loss"
    r"|out of my depth|dreading|scared\s+(?:ourselves|myself)\s+silly"
    r"|cruel|unfair|(?:is\s*n'?t|is\s+not|not)\s+(?:very\s+)?fair|just\s+guessing"
    r"|(?:nobody|no\s+one)\s+(?:is\s+|has\s+|will\s+)?(?:even\s+)?(?:talk\w*|explain\w*|mention\w*|listen\w*|tell\w*|told)"
    r"|exhausted|worn out|knackered|shattered|drained|embarrass\w*|ashamed"
    # "he's been through a lot already", "she has been through the wars"
    r"|been\s+through\s+(?:(?:so|such)\s+)?(?:a\s+lot|so\s+much|enough|hell|the\s+wars|the\s+mill)"
    r"|(?:feel|feeling|felt)\s+(?:really\s+|so\s+|a\s+bit\s+|like\s+)?(?:stupid|silly|daft|thick|an\s+idiot|a\s+fraud|a\s+nuisance"
    r"|a\s+freak|a\s+weirdo|a\s+burden|an?\s+(?:outsider|alien)|ignored)"
    # "i hate needles", "she was pinning everything on it", "feels like they don't want sick people"
    r"|(?:i|we|she|he|they|really|so|just)\s+(?:really\s+)?(?:hate|dread)s?\s+(?:needles|injections|jabs|hospitals?|scans|the\s+thought)"
    r"|(?:pinn\w*|set|pin)\s+(?:all\s+)?(?:(?:my|our|his|her|their)\s+)?(?:hopes?|everything)\s+on"
    r"|feels?\s+like\s+(?:they|nobody|no\s+one|the\s+doctors?)\s+(?:do\s*n'?t|dont|does\s*n'?t|doesnt|never|wo\s*n'?t|wont)\b"
    # shock at news: "in total shock", "we're reeling", "it knocked us sideways", "can't take it in"
    # (not medical shock: "is he in shock after surgery?")
    r"|in\s+(?:total|complete|utter)\s+shock|(?<!is\s)(?<!was\s)(?<!he\s)(?<!she\s)(?:i'?m|im|i\s+am|we'?re|we\s+are|still|both|all)"
    r"\s+(?:\w+\s+)?in\s+shock(?!\s+(?:after|from|following)\b)"
    r"|shocked|reeling|stunned|blindsided"
    r"|knocked\s+(?:me|us|him|her|them)\s+(?:sideways|for\s+six)|(?:can'?t|cannot)\s+take\s+(?:it|this|that)\s+in"
    # "she doesnt want to bother the team", "i don't want to make a fuss": holding back from asking
    r"|(?:do\s*n'?t|does\s*n'?t|dont|doesnt|do\s+not|does\s+not)\s+want\s+to\s+(?:bother|trouble|pester|be\s+a\s+(?:nuisance|burden|pain)"
    r"|make\s+a\s+fuss|waste\s+(?:their|the\s+\w+'?s?|anyone'?s)\s+time)"
    # mistrust of the team: "are they hiding something", "not telling us everything"
    r"|hiding\s+(?:something|anything|things)|keeping\s+(?:something|things)\s+from"
    r"|not\s+telling\s+(?:me|us|him|her|them)\s+(?:everything|the\s+(?:whole\s+)?truth|something)"
    # "so confused" (not a plain "im confused what is a pnet", a knowledge question)
    r"|(?:so|really|very|totally|completely|utterly)\s+(?:confused|confusing|lost))\b",
    re.I,
)
# Despair told of oneself ("we're in despair", "i'm heartbroken", "we are both in bits"): more than
# worry, so support comes before the answer (bot/personal/support.py). Not someone else's ("mum is
# in bits"), nor a broken bone.
_ONESELF = r"(?:i|i'?m|im|i am|i feel|i'?ve been|ive been|we|we'?re|we are|we feel|we'?ve been|me|us|feel|feeling)"
_DESPAIR = re.compile(
    rf"\b{_ONESELF}\b[^.,;!?]{{0,20}}?\b(?:(?:in )?despair\w*(?! of)|heart ?broken|broken[- ]hearted|devastated|distraught"
    r"|falling apart|in (?:bits|pieces)|beside (?:myself|ourselves)|at (?:my|our) wits'? end)\b"
    rf"|\b(?:i'?m|im|i am|we'?re|we are|i feel|we feel) (?:so |just |completely |totally )?broken\b(?! (?:\w+ )?(?:wrist|arm|leg|bone|hip|rib|ankle|foot|toe|finger|nose|tooth|teeth|boiler|phone))"
    # said first, with no one named: "heartbroken. mums scan shows it's grown again"
    r"|^\W*(?:(?:so|just|absolutely|completely|utterly)\s+)?(?:heart ?broken|devastated|distraught|in despair)\b"
    r"|\bmy heart is (?:breaking|broken)|\b(?:can'?t|cannot) stop crying|\blost all hope|\bdespair\b(?! of)",
    re.I,
)
ACKNOWLEDGEMENTS = (
    "I'm sorry you are going through this. It is natural to feel worried.",
    "That sounds really hard. Many people feel the same at this point.",
    "I understand this is a lot to take in.",
    "It makes sense to feel anxious about this.",
)


# "i'm so angry", "so frustrating", "are they fobbing him off": heard as anger, not as worry
_ANGER = re.compile(
    r"\b(?:angry|anger|furious|livid|fuming|frustrat\w*|fed up|fobb\w*|cruel|unfair|not\s+(?:very\s+)?fair|just\s+guessing)\b",
    re.I,
)
ANGER_ACKNOWLEDGEMENTS = (
    "It is understandable to feel angry or let down about this.",
    "That sounds really frustrating, and it is fair to feel that way.",
)


# "i feel so low", "is it normal to feel this flat": sadness, not worry
_LOW_MOOD = re.compile(
    r"\b(?:feel|feeling|felt)\s+(?:so\s+|really\s+|very\s+|this\s+|a\s+bit\s+)?(?:low|flat|down|sad|depressed|miserable|numb)\b",
    re.I,
)
LOW_MOOD_ACKNOWLEDGEMENTS = (
    "I'm sorry you are feeling so low. Thank you for telling me.",
    "That sounds really hard, and you are not alone in feeling it.",
)


# Low mood told of oneself or someone close ("mum has been so low since the diagnosis", "i cry most
# days"): not a blood count ("her sodium is low") nor "low on iron".
_PERSON = (
    r"(?:i|i'?m|im|i'?ve|ive|we|we'?re|he|he'?s|hes|she|she'?s|shes|they|they'?re|mum|mom|mam|dad|wife|husband"
    r"|hubby|partner|son|daughter|brother|sister|nan|gran|grandad|grandma|grandpa)"
)
_LOW_TOLD = re.compile(
    rf"\b{_PERSON}\s+(?:(?:has|have|is|are|was|were|am|'?s)\s+)?(?:been\s+)?(?:so\s+|really\s+|very\s+|quite\s+|pretty\s+"
    r"|a\s+bit\s+|feeling\s+)?(?:low|down|depressed|tearful|weepy|withdrawn)\b(?!\s+(?:to|on|in|at|with|the|of)\b)"
    rf"|\b{_PERSON}\s+(?:(?:has|have|is|are|am|'?s)\s+)?(?:been\s+)?(?:cry|cries|crying)\s+"
    r"(?:most|every|all|a\s+lot|loads|constantly|non[\s-]?stop)",
    re.I,
)


def low_mood_of(text: Optional[str]) -> Optional[str]:
    """Whose low mood the message tells of, as written ("mum", "i", "she"); None when it tells of none."""
    found = _LOW_TOLD.search((text or "").replace("’", "'"))
    return found.group(0).split()[0].lower() if found else None


def tells_of_low_mood(text: Optional[str]) -> bool:
    """True when the message tells of low mood, the person's own or someone close's."""
    return low_mood_of(text) is not None


def shows_feeling(text: Optional[str]) -> bool:
    """True when the message tells of fear, worry, strain or low mood."""
    return bool(_FEELING.search((text or "").replace("’", "'"))) or tells_of_low_mood(text)


def shows_despair(text: Optional[str]) -> bool:
    """True when the person tells of despair or heartbreak of their own."""
    return bool(_DESPAIR.search((text or "").replace("’", "'")))


def acknowledgement(already_said: Iterable[str], text: Optional[str] = None) -> str:
    """The first acknowledging sentence not yet said in this conversation; for anger or frustration
    shown in `text`, one that names it rather than worry, and for low mood one that names sadness."""
    plain = (text or "").replace("’", "'")
    if _ANGER.search(plain):
        return first_unsaid(ANGER_ACKNOWLEDGEMENTS, already_said)
    return first_unsaid(LOW_MOOD_ACKNOWLEDGEMENTS if _LOW_MOOD.search(plain) else ACKNOWLEDGEMENTS, already_said)


def is_acknowledgement(text: str) -> bool:
    """True when `text` is one of the sentences above (so a second one is not added in the same turn)."""
    return text in (*ACKNOWLEDGEMENTS, *ANGER_ACKNOWLEDGEMENTS, *LOW_MOOD_ACKNOWLEDGEMENTS)


def first_unsaid(options: tuple[str, ...], already_said: Iterable[str]) -> str:
    """The first option no earlier message contains; the least recent one when all were used."""
    said = list(already_said)
    for option in options:
        if not any(option in text for text in said):
            return option
    last_use = {option: max(i for i, text in enumerate(said) if option in text) for option in options}
    return min(options, key=lambda option: last_use[option])
