"""Whether a message asks for trials outright, whatever else it tells or asks: "her onc says PRRT is
next. are there any studies?", "on the monthly jab, CT says it's growing. anything near Cardiff?",
"would any trial accept a gentleman of 82?". Read by its words alone (no lexicon, no gazetteer),
so the NLU router that uses it stays light."""

from __future__ import annotations

import re

# "are there any studies?", "any trials for him", "what trials could she try", "is there a study"
_TRIALS_ASKED = re.compile(
    r"\b(?:are\s+there|is\s+there|any|anything|something|find|looking\s+for|search\s+for)\b"
    r"[^.?!]{0,30}?\b(?:trials?|studies|study|research)\b"
    # "what trials could she try", "which studies are open near us" (not "what are trials")
    r"|\b(?:what|which)\s+(?:\w+\s+)?(?:trials?|studies)\s+(?:are\s+there|could|can|would|might|is\s+there|for|near|in|are\s+open|are\s+recruiting)\b"
    # "would any trial accept a gentleman of 82", "do any studies take people his age"
    r"|\b(?:would|will|do|does|could|can)\s+(?:any|a)\s+(?:clinical\s+)?(?:trials?|studies|study)\s+(?:accept|take|have|want|include)\b"
    # "is there anything being tried for that?", "what's being trialled for NEC", "any new drugs being tested"
    r"|\b(?:anything|something|what(?:'s|s|\s+is|\s+are)|any)\s+(?:new\s+)?(?:\w+\s+)?being\s+(?:tried|tested|trialled|trialed|studied|researched)\b",
    re.I,
)
# "anything near Cardiff?", "anything in Ireland", "something close to Leeds": a place asked about
_ANYTHING_NEAR = re.compile(
    r"\b(?:anything|something|any)\s+(?:\w+\s+){0,2}?(?:near|in|around|close\s+to|nr|up\s+(?:in|near))\s+[A-Z][\w'-]+",
    re.I,
)
# "what's left?", "what else is there", "what are our options": trials when said with where they live
_OPTIONS_ASKED = re.compile(
    r"\bwhat(?:'s|s|\s+is)\s+left\b(?!\s+(?:of|in|from|after|over)\b)|\bwhat\s+else\s+(?:is\s+there|is\s+out\s+there|can|could|might)\b"
    r"|\bwhat\s+(?:are\s+|r\s+)?(?:the\s+|our\s+|his\s+|her\s+|my\s+)?(?:other\s+)?options\b"
    r"|\bwhat(?:'s|s|\s+is)\s+(?:else\s+)?out\s+there\b|\banything\s+(?:else\s+)?out\s+there\b",  # "what's out there?"
    re.I,
)
# "he doesnt want chemo. anything gentle?", "something kinder for mum", "anything that isnt surgery": another kind of
# treatment asked for; with a story, the options are the trials (the search reads the refusal too)
_CANCER_TREATMENT = (
    r"(?:chemo\w*|surgery|(?:an?\s+|another\s+|more\s+)?(?:op|operation)s?|prrt|lutathera|radiation|radiotherapy|"
    r"everolimus|afinitor|sunitinib|sutent|lanreotide|octreotide|sandostatin|somatuline|capecitabine|temozolomide|captem"
    r"|(?:the\s+)?(?:jabs?|injections?))"
)
_OTHER_KIND_ASKED = re.compile(
    # a kinder kind asked for, for the person ("anything gentle?", "something kinder for her"), not for a symptom
    r"\b(?:anything|something|any\s+(?:treatments?|options?|drugs?))\s+(?:a\s+bit\s+|bit\s+|more\s+)?"
    r"(?:gentle|gentler|kinder|milder|easier|softer|less\s+(?:harsh|toxic|aggressive|invasive|brutal|intense|strong)"
    r"|not\s+as\s+(?:harsh|tough|strong|bad))"
    r"(?=\s*(?:$|[?.!,;]|for\s+(?:him|her|them|me|us|mum|mom|mam|dad|my\s+\w+)\b|(?:he|she|they|i|we)\s+could\b"
    rf"|to\s+try\b|than\s+{_CANCER_TREATMENT}))"
    # another kind than a cancer treatment ("anything that isnt chemo", "any options without surgery")
    r"|\b(?:anything|something|any\s+(?:treatments?|options?|drugs?))\s+(?:\w+\s+)?"
    r"(?:that\s+(?:is\s*n'?t|isnt|is\s+not|does\s*n'?t\s+involve|doesnt\s+involve|wo\s*n'?t\s+be|wont\s+be)"
    rf"|other\s+than|besides|apart\s+from|without|instead\s+of|but)\s+(?:more\s+)?{_CANCER_TREATMENT}\b",
    re.I,
)
# "I live in hope", "we're in hospital", "she's in pain": not places (components/place_router.py too)
NOT_PLACES = frozenset(
    """
hope hospital hospice pain remission limbo denial bits pieces shock tears agony trouble care bed recovery
the a an treatment chemo trial trials study fear dread tears bed work school surgery theatre icu
""".split()
)
# "we're in so much pain", "i am in such a state", "in despair": how they feel, not where they are
_FEELING_WORDS = frozenset("so such too constant terrible awful severe real despair".split())
# "we're in dublin", "we live near Leeds", "based in Cork"
_HOME_SAID = re.compile(
    r"\b(?:we'?re|we\s+are|i'?m|i\s+am|we\s+live|i\s+live|(?:we'?re\s+|i'?m\s+)?based|living|they\s+live)\s+(?:in|near|nr|outside)\s+"
    r"([a-z][\w'-]*)",
    re.I,
)


def _says_where_they_are(text: str) -> bool:
    return any(m.group(1).lower() not in NOT_PLACES | _FEELING_WORDS for m in _HOME_SAID.finditer(text))


# A trial's own details asked about ("any side effects in the trial?") is not a request for trials.
_ABOUT_ONE_TRIAL = re.compile(r"\b(?:this|that|the)\s+(?:trial|study)\b|\bNCT\d", re.I)


def asks_what_is_left(text: str) -> bool:
    """ "whats left for him now?", "what else is there": the options after the treatments told."""
    return bool(_OPTIONS_ASKED.search(text or ""))


def asks_for_trials(text: str) -> bool:
    text = text or ""
    if _ABOUT_ONE_TRIAL.search(text):
        return False
    if _OPTIONS_ASKED.search(text) and _says_where_they_are(text):  # "what's left? we're in dublin"
        return True
    return bool(_TRIALS_ASKED.search(text) or _ANYTHING_NEAR.search(text) or _OTHER_KIND_ASKED.search(text))


# Signs the message tells about someone's NET (a story), not only asks a general question.
_STORY = re.compile(
    r"\b(?:my|our|his|her|i'?m|i\s+am|i\s+have|i've|he'?s|she'?s|hubby|wife|husband|mum|mom|dad|son|daughter)\b"
    r"[^.?!]{0,80}?\b(?:p?nets?|nec|tumou?rs?|cancer|carcinoid|grade|g[123]|ki-?67|mets|spread|liver|pancrea\w*|jab|scan|ct)\b"
    r"|\b\d{2}\b[^.?!]{0,60}?\b(?:p?nets?|tumou?rs?|grade|mets|pancrea\w*)\b",
    re.I,
)


def tells_a_story(text: str) -> bool:
    return bool(_STORY.search(text or ""))
