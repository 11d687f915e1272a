"""How long and how often, from a trial's own text: "how long would I be on it?", "how many
cycles?", "how long do they follow you up?", "how often are the scans?".

The registry's structured fields rarely hold this; the interventions', groups' and description's
sentences do ("every 28 days for a maximum period of 96 weeks", "tumour assessment every 8 weeks
in the first year"). The sentences that speak to the thing asked and carry a time are quoted as
written, so nothing is changed in the retelling.
"""

from __future__ import annotations

import re
from typing import Iterable, Literal, Optional

from bot.trials.query import TrialDetail

Topic = Literal["treatment", "follow_up", "scans", "questionnaires"]
MOST_SENTENCES = 3
LONGEST_SENTENCE = 400

TIME = re.compile(
    r"\bevery\s+\d|\bevery\s+(?:day|week|month|year|other|two|three|four|six|eight|twelve)\b|\bonce\s+(?:a|every|per)\b"
    r"|\b(?:twice|three times)\s+(?:a|per)\b|\b\d+(?:\s*(?:-|to|–|\+/-|±)\s*\d+)?\s*(?:days?|weeks?|wks?|months?|years?)\b"
    r"|\b(?:one|two|three|four|five|six|seven|eight|nine|ten|twelve)\s+(?:days?|weeks?|months?|years?)\b"
    r"|\b\d+\s*(?:cycles?|doses?|administrations?|courses?|infusions?|injections?|treatments?|sessions?)\b"
    r"|\buntil\s+(?:disease\s+)?progression\b|\buntil\s+(?:the\s+)?(?:disease|cancer|tumou?r)\s+(?:gets|grows|progress)"
    r"|\bdays?\s+\d+\s*(?:-|to|–|and)\s*\d+\b|\b(?:weekly|monthly|yearly|annually|daily)\b"
    # "underwent PET/CT scan 30-60 min later": minutes and hours after a dose
    r"|\b\d+(?:\s*(?:-|to|–)\s*\d+)?\s*(?:min(?:ute)?s?|h(?:ou)?rs?)\b",
    re.I,
)
_TOPIC_WORDS: dict[Topic, re.Pattern[str]] = {
    "treatment": re.compile(
        r"\btreat(?:ed|ment)?\b|\bdos(?:e|es|ing)\b|\bcycles?\b|\badminist|\bgiven\b|\breceive|\binjection|\binfusion"
        r"|\btablets?\b|\bcapsules?\b|\bcourses?\b|\brepeat|\bby mouth\b|\borally\b|\bintravenous|\bsubcutaneous"
        r"|\bintramuscular|\bmg\b|\bgbq\b|\bmbq\b|\bduration\b",
        re.I,
    ),
    "follow_up": re.compile(
        r"\bfollow(?:ed)?[\s-]?up\b|\bfollowed\b|\bmonitor|\bvisits?\b|\bcontacted\b"
        r"|\bobservation\s+(?:period|phase)\b|\bobserved\s+for\b",
        re.I,
    ),
    "scans": re.compile(
        r"\bscans?\b|\bct\b|\bmri\b|\bimaging\b|\bpet\b|\bradiolog|\brecist\b|\btumou?r\s+assess"
        r"|\btumou?rs?\b[^.]{0,40}\b(?:assess|evaluat)|\b(?:assess|evaluat)(?:ed|ments?|ions?)\s+(?:every|at|each)\b"
        r"|\bx-?rays?\b",
        re.I,
    ),
    "questionnaires": re.compile(
        r"\bquestionnaires?\b|\bquality of life\b|\bqol\b|\bsurveys?\b|\bdiar(?:y|ies)\b"
        r"|\bpatient[- ]reported\b|\bforms?\b",
        re.I,
    ),
}
_ASKED: tuple[tuple[Topic, re.Pattern[str]], ...] = (
    ("questionnaires", re.compile(r"\bquestionnaires?\b|\bsurveys?\b|\bforms?\b|\bdiar(?:y|ies)\b", re.I)),
    # before scans: "will he have to keep coming back after the scan" asks about the follow-up
    (
        "follow_up",
        re.compile(
            r"\bfollow(?:ed)?[\s-]?(?:up|you|him|her|them|people)\b|\bfol+ow\s+(?:you|him|her)\b|\bfolow\b"
            r"|\b(?:keep|kept)\s+(?:going|coming)\s+back\b|\bwatch\s+(?:you|him|her|them|people)\b|\bafterwards?\b"
            r"|\bafter\s+(?:the\s+)?(?:treatment|trial|study|scan)\b|\bcheck[- ]?ups?\b",
            re.I,
        ),
    ),
    ("scans", re.compile(r"\bscans?\b|\bct\b|\bmri\b|\bimaging\b|\bx-?rays?\b", re.I)),
)
# "for up to 24 months", "until progression", "4 cycles": how long, ranked before "every 21 days"
_HOW_LONG = re.compile(
    r"\bfor\s+(?:up\s+to\s+|a\s+(?:maximum|minimum)\s+(?:period\s+)?of\s+|at\s+least\s+)?(?:\d|one|two|three|four|five|six|twelve)"
    r"|\buntil\b|\b(?:minimum|maximum|up\s+to)\b|\b\d+\s*(?:cycles?|doses?|administrations?|courses?)\b|\bduration\b"
    r"|\b(?:one|two|three|four|five|six|seven|eight)\s+(?:cycles?|doses?|administrations?|courses?)\b",
    re.I,
)
_VERDICT_WORDS = re.compile(r"\beligib|\bqualif", re.I)  # "patients are eligible if...": not for quoting to a person
# "approved by the FDA in 2012 for myeloma...", "median survival of 20 months": background, not this trial's plan
_BACKGROUND = re.compile(
    r"\b(?:19|20)\d\d\b|\bmedian\s+(?:overall\s+)?survival\b|\bsurvival\s+(?:of|is|was)\b|\bprognosis\b|\bapprov", re.I
)
_SENTENCE_END = re.compile(r"(?<=[.;!?])\s+(?=[A-Z(\[])|\n+")


def topic_asked(text: str) -> Topic:
    """Which "how long / how often" the question is about; the treatment unless it says."""
    return next((topic for topic, pattern in _ASKED if pattern.search(text or "")), "treatment")


def _texts(trial: TrialDetail, topic: Topic) -> Iterable[str]:
    """The record's own texts, most specific first: what each intervention and group gets,
    then the description and summary."""
    if topic == "treatment":
        for intervention in trial.interventions:
            if intervention.description:
                yield intervention.description
        for arm in trial.arms:
            if arm.description:
                yield arm.description
    for text in (trial.description, trial.summary):
        if text:
            yield text
    if topic != "treatment":
        for arm in trial.arms:
            if arm.description:
                yield arm.description


def _letters(text: str) -> str:
    return re.sub(r"[^a-z0-9]", "", text.lower())


def timing_sentences(trial: TrialDetail, topic: Topic) -> list[str]:
    """Up to MOST_SENTENCES distinct sentences of the record about `topic` that carry a time;
    for the treatment, those saying how long come before those saying only how often."""
    found: list[str] = []
    for text in _texts(trial, topic):
        for sentence in _SENTENCE_END.split(text):
            sentence = " ".join(sentence.split()).strip(" -*•")
            if (
                len(sentence) <= LONGEST_SENTENCE
                and TIME.search(sentence)
                and _TOPIC_WORDS[topic].search(sentence)
                and not _VERDICT_WORDS.search(sentence)
                and not _BACKGROUND.search(sentence)
                and not any(_letters(sentence) in _letters(other) for other in found)
            ):  # a fuller sentence takes the place of the one it holds ("... in a 30 minutes infusion Total ...")
                found = [other for other in found if _letters(other) not in _letters(sentence)] + [sentence]
    if topic == "treatment":
        found.sort(key=lambda sentence: not _HOW_LONG.search(sentence))
    return found[:MOST_SENTENCES]


_TOPIC_WORDS_SAID: dict[Topic, str] = {
    "treatment": "how long the treatment lasts",
    "follow_up": "how long people are followed up",
    "scans": "how often the scans are",
    "questionnaires": "how often the questionnaires are",
}


def timing_answer(trial: TrialDetail, question: str) -> Optional[str]:
    """The record's own sentences on how long or how often, or None when it has none."""
    topic = topic_asked(question)
    sentences = timing_sentences(trial, topic)
    if not sentences:
        return None
    quoted = "\n".join(f'- "{s}"' for s in sentences)
    return f"On {_TOPIC_WORDS_SAID[topic]}, the record says:\n{quoted}"


def not_said(question: str) -> str:
    return f"The record does not say {_TOPIC_WORDS_SAID[topic_asked(question)]}."
