"""The safety net: messages that need a person now, found by patterns, not by the classifier.

Two kinds: an emergency (chest pain, not able to breathe, collapse, heavy bleeding, a very low
blood sugar, a carcinoid crisis) gets the emergency number at once; distress or thoughts of
suicide get a warm reply and a crisis line. Patterns look for the person's own situation
("I can't breathe", "my sugar is really low") so that ordinary questions that mention pain,
blood, sugar, breath or dying ("can everolimus make you short of breath?") are not alarms.
Measured on tests/data/safety_*.txt (figures in docs/safety.md).
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Literal, Optional

Kind = Literal["emergency", "distress"]

_WHO = r"(?:i|i'm|im|i am|me|my|he|he's|hes|she|she's|shes|his|her|they|their|we|our|mum|mom|dad|husband|wife|partner|son|daughter)"
_CANT = r"(?:can ?not|cant|can't|cannot|could not|couldn't|unable to|struggling to|struggle to|fighting to|(?:finding it|it's|it is) (?:so |really |very )?hard to)"

EMERGENCY_PATTERNS: dict[str, str] = {
    "chest_pain": (
        r"\b(?:i have|i've got|ive got|i'm having|im having|having|he has|she has|he's got|she's got|got|with)"
        r" (?:\w+ ){0,2}chest pains?|^(?:really |very |bad |severe |sudden )*chest pains?\b"
        r"|\bmy chest|\b(?:his|her) chest (?:is|hurts|feels)|\bpains? in (?:my|his|her) chest"
        r"|\bcrushing (?:pain|feeling)|\b(?:i'm|im|i am|he's|she's|he is|she is) having a heart attack"
        r"|\bheart attack (?:now|right now)"
    ),
    "breathing": (
        rf"\b{_CANT} (?:breathe|breath|breathing|catch (?:my|his|her) breath|get (?:my|his|her|a) breath)"
        r"|\bnot breathing|\bstopped breathing|\bgasping for (?:air|breath)|\bchoking\b|\bcan'?t get air"
        r"|\bbreathing (?:is )?(?:very |really )?(?:bad|difficult|hard|noisy) (?:now|right now)"
        r"|\blips (?:are |have gone |turning )?(?:blue|grey)"
    ),
    "collapse": (
        r"\bcollapsed\b|\bhas collapsed|\bjust collapsed|\bunconscious\b|\bunresponsive\b"
        r"|\bpassed out\b|\bpassing out\b|\bkeeps? passing out|\bwon'?t wake (?:up)?|\bcan'?t wake (?:him|her|them|up)"
        r"|\bfainted\b|\bhaving a (?:fit|seizure)|\b(?:had|having) (?:a )?seizures?\b|\bfitting\b"
    ),
    "bleeding": (
        r"\b(?:bleeding|blood) (?:heavily|a lot|won'?t stop|will not stop|everywhere|is pouring|pouring)"
        r"|\bheavy bleeding|\bbleeding (?:badly|heavily|loads|so much)|\blots of blood|\b(?:there is|there's|losing) so much blood"
        r"|\b(?:vomiting|coughing|coughed|throwing|threw|bringing) (?:up )?blood|\bsick with blood"
        r"|\bblood in (?:my|his|her) (?:vomit|sick)|\b(?:black|tarry) (?:poo|stools?|sick)"
    ),
    "low_blood_sugar": (
        r"\b(?:my|his|her|their|mum'?s|dad'?s) (?:blood )?(?:sugar|glucose|bm|bms)(?: level)?s? (?:is|are|has|keeps?|'s)? ?(?:gone |going |been |just )?"
        r"(?:very |really |dangerously |so |too |extremely )?(?:low|dropping|crashing|falling|plummeting)"
        rf"|\b{_WHO} (?:is |am |are |'s )?(?:having|had|going into) (?:a |another )?(?:bad |severe )?hypo\b"
        r"|\b(?:hypo|hypoglycaemic|hypoglycemic) (?:attack|episode|right now|now)"
        r"|\b(?:shaking|shaky|sweating|sweaty|confused|clammy)\b.*\b(?:confused|can'?t think|drowsy|slurring|sugar|insulinoma)\b"
        r"|\bsugar (?:reading |level )?(?:is |of |at )?(?:[0-2](?:\.\d)?|3(?:\.[0-5])?)(?: mmol)?\s*$"
    ),
    "carcinoid_crisis": (
        rf"\b{_WHO}\b.*\b(?:having|in|going into) (?:a )?carcinoid crisis"
        r"|\bcarcinoid crisis (?:now|right now|happening)"
        r"|\bflushing\b.*\b(?:blood pressure|bp)\b.*\b(?:dropping|dropped|very low|crashing|falling)"
        r"|\b(?:blood pressure|bp)\b.*\b(?:dropping|crashing|very low)\b.*\bflushing"
    ),
    "general": (
        r"\b(?:call|need|get|send) (?:an |me an |us an )?ambulance|\bit'?s an emergency|\bthis is an emergency"
        r"|\bmedical emergency (?:now|right now|here)|\b(?:i'm|im|i am|he's|she's|he is|she is) dying (?:now|right now)"
        r"|\bi think (?:i'm|im|i am|he's|she's|he is|she is) dying\b|\boverdos(?:e|ed)\b"
    ),
}

DISTRESS_PATTERNS: dict[str, str] = {
    "suicide": (
        r"\b(?:kill|killing|hurt|hurting|harm|harming) (?:my ?self|myself)|\bsuicid|\bend (?:it all|my life|things)"
        r"|\btake my (?:own )?life|\b(?:want|wanna|ready) to die\b|\bwish i (?:was|were) dead"
        r"|\bdon'?t want to (?:live|be alive|be here|wake up)|\bno (?:point|reason) (?:in )?(?:living|going on|to live|carrying on)"
        r"|\bbetter off (?:dead|without me)|\bnot worth living|\bself[- ]?harm|\bgive up on (?:life|living)"
    ),
    "distress": (
        r"\bcan'?t (?:go on|cope|take (?:it|this|any ?more)|do this any ?more)|\bi'?m (?:so |really )?(?:hopeless|desperate)"
        r"|\bfeel(?:ing)? (?:so |really |completely )?(?:hopeless|desperate|suicidal|worthless)|\beverything is hopeless"
        r"|\bi'?m (?:so |really )?(?:scared|terrified|frightened) (?:and|i|of dying)|\bi'?m falling apart|\bpanic attack"
    ),
}

_COMPILED = {
    "emergency": {name: re.compile(p, re.I) for name, p in EMERGENCY_PATTERNS.items()},
    "distress": {name: re.compile(p, re.I) for name, p in DISTRESS_PATTERNS.items()},
}
MAX_CHECKED_LENGTH = 5000


@dataclass(frozen=True)
class SafetyMatch:
    kind: Kind
    reason: str  # which pattern group matched, e.g. "chest_pain"


def _tidy(text: str) -> str:
    text = text.replace("’", "'").replace("‘", "'")
    return re.sub(r"\s+", " ", text.lower())[:MAX_CHECKED_LENGTH]


def check_message(text: Optional[str]) -> Optional[SafetyMatch]:
    """An emergency wins over distress; None when the message needs neither."""
    tidy = _tidy(text or "")
    for kind in ("emergency", "distress"):
        for reason, pattern in _COMPILED[kind].items():
            if pattern.search(tidy):
                return SafetyMatch(kind, reason)  # type: ignore[arg-type]
    return None
