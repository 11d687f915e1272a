"""How far a trial is for NECs (neuroendocrine carcinomas), from its record's words: made for them
(its title names them), taking them in (its inclusion criteria name them), naming them only among its
conditions, or silent. A mention counts only when it takes NECs in: "excluding small cell lung
cancer", "patients with poorly differentiated NEC are not eligible" and the old name for NETs
("well-to-moderately differentiated neuroendocrine carcinoma") do not. Used to rank for a person with
a NEC and to say in a line of why what the trial is for, never to set a trial aside on its own."""

from __future__ import annotations

import re
from functools import lru_cache
from typing import Optional

from bot.eligibility.split import split_criteria
from bot.trials.query import TrialDetail

MADE_FOR, TAKES, LISTED, SILENT = 0, 1, 2, 3  # best first

# Words of a record made for NECs (or that takes them); "high-grade" alone also takes grade 3 NETs.
NEC_WORDS = re.compile(
    r"\bNECs?\b|neuroendocrine[\s-]+carcinomas?|carcinomas?,? neuroendocrine|poorly[\s-]+differentiated"
    r"|high[\s-]+grade|\b(?:small|large)[\s-]+cell\b",
    re.I,
)
# The bare name, which older records also use for NETs ("progressive neuroendocrine carcinoma of
# gastrointestinal ... origin" in a trial of "Neuroendocrine Tumors").
_BARE_CARCINOMA = re.compile(r"neuroendocrine[\s-]+carcinomas?|carcinomas?,? neuroendocrine", re.I)
# The registry's heading "Carcinoma, Neuroendocrine", listed under conditions for many NET trials
# (PRRT trials among them): not on its own a sign the trial is made for NECs.
NEC_HEADING = re.compile(r"\bcarcinomas?,\s*neuroendocrine\b", re.I)
_TUMOURS = re.compile(r"\btumou?rs?\b|\bNETs?\b|\bpNETs?\b", re.I)
# Before a mention, in the same clause: it is left out ("excluding small cell", "other than").
_LEFT_OUT_BEFORE = re.compile(r"\b(?:excluding|exclude|except|other than|not|no|non|without)\b[^,;()]*$", re.I)
# Anywhere in the sentence: the sentence lists who cannot join.
_LEFT_OUT_SENTENCE = re.compile(
    r"\b(?:not\s+(?:be\s+)?(?:included|eligible|allowed|enrolled)|are\s+excluded|is\s+excluded|ineligible)\b", re.I
)
# Before a carcinoma, close by: the old name for a well-differentiated NET.
_OLD_NAME_BEFORE = re.compile(
    r"(?:\bwell\b|moderately|\blow[\s-]+grade|intermediate[\s-]+grade)[^;.]{0,40}$",
    re.I,
)
_SENTENCES = re.compile(r"(?<=[.;])\s+|\n+")
_WINDOW = 60


def names_necs(text: str, bare_name_is_net: bool = False) -> bool:
    """Whether the text names NECs as taken in (see the module's note). With `bare_name_is_net`
    (a record whose title calls them tumours), "neuroendocrine carcinoma" with no other NEC word in
    its sentence is read as the old name for NETs."""
    for sentence in _SENTENCES.split(text or ""):
        if _LEFT_OUT_SENTENCE.search(sentence):
            continue
        for found in NEC_WORDS.finditer(sentence):
            before = sentence[max(0, found.start() - _WINDOW) : found.start()]
            if _LEFT_OUT_BEFORE.search(before):
                continue
            if _BARE_CARCINOMA.fullmatch(found.group(0)):
                if _OLD_NAME_BEFORE.search(before):
                    continue
                if bare_name_is_net and not _other_nec_word(sentence):
                    continue
            return True
    return False


def _other_nec_word(sentence: str) -> bool:
    return any(not _BARE_CARCINOMA.fullmatch(m.group(0)) for m in NEC_WORDS.finditer(sentence))


def nec_level(trial: TrialDetail) -> int:
    """`MADE_FOR`, `TAKES`, `LISTED` or `SILENT`: how far the trial is for NECs."""
    return _level(trial.title or "", inclusion_text(trial.criteria), tuple(trial.conditions))


@lru_cache(maxsize=512)
def _level(title: str, inclusion: str, conditions: tuple[str, ...]) -> int:
    title = NEC_HEADING.sub("", title)
    if names_necs(title):
        return MADE_FOR
    if names_necs(NEC_HEADING.sub("", inclusion), bare_name_is_net=bool(_TUMOURS.search(title))):
        return TAKES
    return LISTED if names_necs(NEC_HEADING.sub("", " ; ".join(conditions))) else SILENT


@lru_cache(maxsize=512)
def inclusion_text(criteria: Optional[str]) -> str:
    return " ; ".join(item.original for item in split_criteria(criteria).inclusion) if criteria else ""


_ONLY_HIGH_GRADE = re.compile(r"high[\s-]+grade", re.I)


def nec_why(trial: TrialDetail) -> str:
    """For a person with a NEC, what the record says the trial is for, beside what they said: the
    start of its line of why."""
    level = nec_level(trial)
    if level == MADE_FOR:
        words = [m.group(0) for m in NEC_WORDS.finditer(NEC_HEADING.sub("", trial.title or ""))]
        if all(_ONLY_HIGH_GRADE.fullmatch(w) for w in words):
            return "You said NEC, and it is for high-grade tumours, which include NECs."
        return "You said NEC, and it is for NECs."
    if level == TAKES:
        return "You said NEC, and its entry rules take in NECs as well as other tumours."
    if level == LISTED:
        return "You said NEC. It lists NEC among its conditions, but its entry rules do not name NECs: ask the team if it takes them."
    return "You said NEC. Its record does not say it takes NECs: ask the team if it does."


# A high grade said of the tumours it qualifies ("High-grade Neuroendocrine Neoplasms", "G3 NETs",
# "Neuroendocrine Carcinomas (NEC G3)"), and the NEC words that need no qualifying.
_HIGH_GRADE_WORD = r"(?:high[\s-]+grade|\bG3\b|grade[\s-]*(?:3|III)\b|poorly[\s-]+differentiated)"
_HIGH_GRADE_GROUP = re.compile(
    rf"{_HIGH_GRADE_WORD}[\s-]+(?:[\w-]+[\s-]+){{0,2}}?(?:neoplasms?|tumou?rs?|NETs?|NENs?|carcinomas?|cancers?)\b"
    rf"|\bNECs?\b|neuroendocrine[\s-]+carcinomas?|carcinomas?,? neuroendocrine|{_HIGH_GRADE_WORD}"
    r"|\b(?:small|large)[\s-]+cell\b[\w\s-]*?\b(?:carcinomas?|cancers?)\b",
    re.I,
)
# What is left of a title that also takes slower-growing NETs.
_ANY_NET = re.compile(
    r"\btumou?rs?\b|\bNETs?\b|\bpNETs?\b|\bNENs?\b|carcinoids?|neoplasms?|\bneuroendocrine\b|well[\s-]+differentiated"
    r"|\bG[12]\b|grade[\s-]*(?:1|2|I|II)\b|low[\s-]+grade",
    re.I,
)


def only_for_high_grade(trial: TrialDetail) -> bool:
    """The title names only fast-growing tumours: NECs, high-grade or grade 3 ones ("NALIRIFOX ... in
    Extrapulmonary High-grade Neuroendocrine Neoplasms", "Surufatinib in G3 Neuroendocrine Tumors"),
    and no group of slower-growing NETs beside them."""
    title = NEC_HEADING.sub("", trial.title or "")
    if not _HIGH_GRADE_GROUP.search(title) or _old_name_only(title):
        return False
    return not _ANY_NET.search(_HIGH_GRADE_GROUP.sub(" ", title))


def _old_name_only(title: str) -> bool:
    """ "Well-differentiated neuroendocrine carcinoma": the old name for a NET."""
    return not names_necs(title, bare_name_is_net=False) and not re.search(_HIGH_GRADE_WORD, title, re.I)
