"""The safety net: messages that need a person now, found by patterns, not by the classifier.

Two kinds: an emergency (chest pain, not able to breathe, collapse, heavy bleeding, a very low
blood sugar, a carcinoid crisis) gets the emergency number at once; distress or thoughts of
suicide or self-harm get a warm reply and a crisis line.

An emergency sign counts unless the message is plainly about something else: a general
question ("is chest pain a side effect of sunitinib?") or something in the past ("I had a
hypo last year") with no sign that it is happening now. Distress always counts.
Measured on tests/data/safety_*.txt (figures in docs/safety.md).
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Literal, Optional

Kind = Literal["emergency", "distress"]

_CANT = (
    r"(?:can ?not|cant|can't|cannot|could not|couldn't|unable to|struggling to|struggle to|fighting to"
    r"|(?:finding it|it's|it is|its) (?:so |really |very )?hard to)"
)

EMERGENCY_SIGNS: dict[str, str] = {
    "chest_pain": (
        r"\bchest (?:pain|pains|is (?:really |very )?(?:tight|hurting|sore)|hurts?|feels? (?:tight|heavy|crushed))"
        r"|\bpains? in (?:my|his|her|the) chest|\bcrushing (?:pain|feeling)|\bheart attack"
    ),
    "breathing": (
        rf"\b{_CANT} (?:breathe|breath|breathing|catch (?:my|his|her|a) breath|get (?:my|his|her|a) breath)"
        r"|\bnot breathing|\bstopped breathing|\bgasping|\bchoking\b|\bcan'?t get (?:any )?air"
        r"|\blips (?:are |have |has )?(?:gone |going |turning |turned )?(?:blue|grey|gray)"
    ),
    "collapse": (
        r"\bcollapsed?\b|\bcollapsing\b|\bunconscious\b|\bunresponsive\b|\bpass(?:ed|ing)? out\b"
        r"|\bwon'?t wake\b|\bwont wake\b|\bcan'?t wake (?:him|her|them|up)|\bfainted\b|\b(?:going|about) to faint\b"
        r"|\bhaving a (?:fit|seizure)|\bseizures?\b|\bfitting\b"
    ),
    "bleeding": (
        r"\b(?:bleeding|blood) (?:heavily|a lot|won'?t stop|wont stop|will not stop|everywhere|is pouring|pouring)"
        r"|\bheavy bleeding|\bbleeding (?:badly|heavily|loads|so much)|\blots of blood"
        r"|\b(?:there is|there's|theres|losing) so much blood"
        r"|\b(?:vomiting|coughing|coughed|throwing|threw|bringing|brought) (?:up )?(?:\w+ )?blood|\bsick with blood"
        r"|\bblood in (?:my|his|her) (?:vomit|sick)|\bcoffee grounds|\bblack (?:and )?tarry|\btarry (?:poo|stools?)"
    ),
    "carcinoid_crisis": r"\bcarcinoid crisis\b",
    "general": (
        r"\b(?:call|need|get|send) (?:an |me an |us an )?ambulance|\bit'?s an emergency|\bthis is an emergency"
        r"|\bi think (?:i'm|im|i am|he's|hes|she's|shes|he is|she is) dying\b|\b(?:i'm|im|he's|hes|she's|shes) dying (?:now|right now)"
        r"|\boverdos(?:e|ed)\b"
    ),
}

# Signs that need two things together.
_INSULINOMA = re.compile(r"\binsulinoma|\bhypo\b|\b(?:blood )?(?:sugar|glucose)\b")
_HYPO_SIGNS = re.compile(
    r"\bshak(?:ing|y)|\bsweat(?:ing|y)|\bclammy|\bconfused|\bdrowsy|\bslurr|\btalking (?:rubbish|nonsense)"
    r"|\bnot making (?:any )?sense|\bwon'?t eat|\bwont eat|\bcan'?t get (?:him|her|them) to (?:eat|drink)|\bwon'?t wake"
)
_HYPO_NOW = re.compile(
    r"\b(?:having|had|going into) (?:a |another )?(?:bad |severe )?hypo\b"
    r"|\b(?:sugar|glucose)(?: level)?s? (?:is |are |has |keeps? |'s )?(?:gone |going |been |just )?"
    r"(?:very |really |dangerously |so |too |extremely )?(?:low|dropping|crashing|falling|plummeting)"
)
_SUGAR_READING = re.compile(r"\b(?:sugar|glucose|bm)(?: level| reading)?s? (?:is |of |at |reads |was )?(\d+(?:\.\d+)?)")
_FLUSHING = re.compile(r"\bflush|\b(?:gone|going|turned|turning) (?:bright |really |very )?(?:red|purple)")
_CRISIS_SIGNS = re.compile(
    r"\b(?:bp|blood pressure)\b.{0,40}?\b(?:drop|low|fall|crash|plummet|\d+ over \d+|\d+/\d+)"
    r"|\bwheez|\bheart (?:is |keeps )?(?:racing|pounding)|\bpounding|\bfaint|\bdizzy"
)

DISTRESS_SIGNS = (
    r"\b(?:kill|killing|hurt|hurting|harm|harming) (?:my ?self|myself|him ?self|her ?self)|\bsuicid"
    r"|\bend(?:ing)? (?:it all|my life|things|it tonight)|\btake my (?:own )?life|\b(?:want|wants|wanted|wanna|ready) to die\b"
    r"|\bwish i (?:was|were) dead|\bdon'?t want to (?:live|be alive|be here|wake up)|\bnever wake up"
    r"|\bno (?:point|reason) (?:in )?(?:living|going on|to live|carrying on)|\bbetter off (?:dead|without me)"
    r"|\bnot worth living|\bself[- ]?harm|\bcut(?:ting)? myself|\bgive up on (?:life|living)"
    r"|\bcan'?t (?:go on|cope|take (?:it|this|any ?more)|do this any ?more)|\bhopeless|\bdesperate\b|\bworthless"
    r"|\bgoodbye (?:letters?|notes?)|\b(?:tablets|pills) (?:all )?lined up|\btook (?:a load of|all (?:of )?(?:my|her|his)) (?:pills|tablets)"
    r"|\bwhat i might do to myself|\bif i (?:was|were|wasn'?t|weren'?t) (?:gone|here|around)|\bmade up my mind"
    r"|\bon the (?:bridge|edge)\b|\bfalling apart|\bpanic attack"
)

# A general question, not a report: "is chest pain a side effect...", "what causes...".
_GENERAL_QUESTION = re.compile(
    r"^(?:is|are|can|could|does|do|did|will|would|what|why|how|which|should|when|who)\b"
    r"|\b(?:side effects?|symptoms? of|signs? of|a sign|cause[sd]?|chances?|risk of|survival|normal for|common)\b"
)
_PAST_OR_IF = re.compile(
    r"\b(?:last (?:year|month|week|time)|(?:years?|months?|weeks?|days?) ago|once|used to|in the past"
    r"|before (?:she|he|i|they) (?:was|were) diagnosed|fine (?:since|now)|(?:she|he|i)(?:'s|s| is|'m| am) (?:fine|ok|okay) now"
    r"|in (?:19|20)\d\d|recovered|if (?:\w+ ){0,3}ever|what if|in case|^if)\b"
)
_NOW = re.compile(
    r"(?<!fine )(?<!ok )(?<!okay )(?<!better )(?<!well )\b(?:now|right now|tonight|today|at the moment|currently|just|again|keeps?|help|what do i do|what should i do"
    r"|please|ambulance|urgent|hurry|quick)\b|\b(?:is|are|i'm|im|he's|hes|she's|shes) (?:\w+ing)\b"
)

_EMERGENCY = {name: re.compile(p) for name, p in EMERGENCY_SIGNS.items()}
_DISTRESS = re.compile(DISTRESS_SIGNS)
MAX_CHECKED_LENGTH = 5000


@dataclass(frozen=True)
class SafetyMatch:
    kind: Kind
    reason: str  # which sign matched, e.g. "chest_pain"


def _tidy(text: str) -> str:
    text = text.replace("’", "'").replace("‘", "'")
    return re.sub(r"\s+", " ", text.lower()).strip()[:MAX_CHECKED_LENGTH]


def _low_sugar_reading(text: str) -> bool:
    """A reading below 4 mmol/L, or 20-60 mg/dL, mentioned as a number."""
    for match in _SUGAR_READING.finditer(text):
        value = float(match.group(1))
        if value < 4 or 20 <= value <= 60:
            return True
    return False


def _emergency_reason(text: str) -> Optional[str]:
    for reason, pattern in _EMERGENCY.items():
        if pattern.search(text):
            return reason
    if _INSULINOMA.search(text) and (_HYPO_SIGNS.search(text) or _HYPO_NOW.search(text) or _low_sugar_reading(text)):
        return "low_blood_sugar"
    if _FLUSHING.search(text) and _CRISIS_SIGNS.search(text):
        return "carcinoid_crisis"
    return None


def _about_something_else(text: str) -> bool:
    """A general question, a past event or an "if", with nothing saying it is happening now."""
    if _NOW.search(text):
        return False
    return bool(_GENERAL_QUESTION.search(text) or _PAST_OR_IF.search(text))


def check_message(text: Optional[str]) -> Optional[SafetyMatch]:
    """An emergency wins over distress; None when the message needs neither."""
    tidy = _tidy(text or "")
    reason = _emergency_reason(tidy)
    if reason and not _about_something_else(tidy):
        return SafetyMatch("emergency", reason)
    if _DISTRESS.search(tidy):
        return SafetyMatch("distress", "distress")
    return None
