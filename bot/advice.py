"""Requests for advice about a person's own care, found by patterns.

"Should I stop my lanreotide?", "what dose should I take?", "is my scan bad?", "how long have
I got?": the assistant must never answer these with an instruction or a judgement. The
classifier learns them (intent ask_personal_advice); these patterns make sure the plainest
forms are caught whatever it says. General questions ("what is the usual dose of
everolimus", "should I ask my doctor about trials") do not match.
"""

from __future__ import annotations

import re

_WHO = r"(?:i|we|he|she|they|my \w+|my \w+ and i)"
_CHANGE = (
    r"(?:stop|start|keep|carry on|continue|take|have|skip|miss|change|switch|increase|reduce|lower|double"
    r"|come off|go off|go on|accept|refuse|decline|say yes to|say no to|agree to|cut down)"
)
_MY_THING = (
    r"(?:scan|scans|result|results|report|tumour|tumor|cancer|grade|ki-?67|bloods?|blood tests?|levels?"
    r"|chromogranin|liver|prognosis|chances|outlook|dose|treatment)"
)
_JUDGEMENT = r"(?:bad|good|ok|okay|normal|serious|dangerous|worse|better|growing|curable|treatable|terminal)"

_PATTERNS = re.compile(
    "|".join(
        (
            rf"(?<!where )(?<!how )(?<!when )(?<!what )(?<!questions )\bshould {_WHO} (?:still |now |just )?{_CHANGE}\b",
            rf"\b(?:can|could|may) {_WHO} (?:stop|skip|miss|double|come off|cut down) "
            r"(?!(?:a|the|this|my|being in the|being on the) (?:trial|study)|taking part|being in"
            r"|here\b|now\b|this\b|that\b|the questions|these questions|the checker|this checker|asking|please\b)\w",
            r"\b(?:is it (?:ok|okay|safe|alright|all right) (?:for (?:me|him|her|them) )?to (?:stop|skip|miss|double|come off))\b",
            rf"\b(?:what|which|how much) (?:dose|doses|dosage)\b.*\b(?:should|do|must) {_WHO}\b",
            rf"\bhow (?:much|many) \w+(?: \w+)? should {_WHO}\b",
            rf"(?<!how fast )(?<!how quickly )\bis (?:my|his|her|their) (?:\w+ )?\w+ (?:\w+ )?{_JUDGEMENT}\b",
            r"\bhow (?:serious|bad|advanced) is (?:my|his|her|their)\b",
            rf"\bshould {_WHO} (?:be )?(?:worried|worry)\b",
            r"\b(?:is|am) (?:i|my \w+|he|she) dying\b",
            rf"\bare (?:my|his|her|their) (?:\w+ )?{_MY_THING} (?:\w+ )?{_JUDGEMENT}\b",
            rf"\bhow long (?:have|has|do|does|will) {_WHO} (?:got|have|live|left)\b(?! to\b)",
            r"\bhow much time (?:have|has|do|does) \w+(?: \w+)? (?:got|have|left)\b",
            r"\b(?:my|his|her|their) (?:life expectancy|prognosis|chances)\b",
            r"\bwhat are (?:my|his|her|their) chances\b",
            r"\b(?:will|am) i (?:going to )?(?:die|survive)\b",
            r"\bwhat (?:would|should) (?:you|i) do (?:in my|if you were|about my)\b",
            r"\bif you were me\b",
            r"\b(?:which|what) (?:treatment|option|drug) (?:is|would be) (?:best|better|right) for (?:me|him|her|us)\b",
            r"\bcan you (?:read|look at|check) my (?:scan|results?|report|bloods?)\b",
        )
    )
)


def asks_personal_advice(text: str | None) -> bool:
    """True when the message asks what to do about, or how to judge, the person's own care."""
    if not text:
        return False
    tidy = re.sub(r"\s+", " ", text.lower().replace("’", "'")).strip()[:2000]
    return bool(_PATTERNS.search(tidy))


_TRIAL_REQUEST = re.compile(
    r"\b(?:what|which|any|are there|is there|find|looking for|search)\b[^.?!]{0,60}\b(?:trials?|studies|study)\b"
    r"|\b(?:trials?|studies)\b[^.?!]{0,40}\b(?:for (?:me|him|her|them|us)|near|in the|available|recruiting|open)\b",
    re.I,
)


def also_asks_for_trials(text: str | None) -> bool:
    """A message that asks for trials as well ("what trials are there and would I have to stop
    the jabs"): the trials can be shown, with the personal part left to the person's team."""
    return bool(text and _TRIAL_REQUEST.search(text[:5000]))


_OPTIONS = re.compile(
    r"\b(?:trials?|studies|study|research|options?|alternatives?|available|next step|what else|what next"
    r"|try(?:\s+next)?|anything\s+(?:else|new|out there|more|for|that)|something\s+(?:else|new|for|that)|other\s+treatments?"
    r"|new\s+treatments?|could\s+(?:i|he|she|we|they)\s+(?:get|have|go on))\b",
    re.I,
)


def asks_for_options(text: str | None) -> bool:
    """A message that asks what could be tried (trials, options, "anything else"), not only
    about a fact: a story with it is a search, a story without it is a question."""
    return bool(text and _OPTIONS.search(text[:5000]))


# "just been told its spread to my bones. what does that mean": what some news means, not what to try
_MEANING = re.compile(
    r"\bwhat\s+(?:does|do|did|would|will)\s+(?:that|this|it|they|those|these)\s+(?:actually\s+|even\s+)?mean\b"
    r"|\bwhat(?:'?s|\s+is)\s+(?:that|this)\s+mean\b|\bwhat\s+(?:that|this)\s+means\b"
    r"|\bwhat\s+does\s+(?:\w+\s+){1,3}mean\b",
    re.I,
)


def asks_what_it_means(text: str | None) -> bool:
    """A message that asks what some news or word means, and not what could be tried: a story with it is
    a question for the knowledge answer, not a search."""
    return bool(text and _MEANING.search(text[:5000])) and not asks_for_options(text)
