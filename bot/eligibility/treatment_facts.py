"""Treatments had, as a criterion sentence states them: which kinds, asked for, ruled out or
allowed, and whether only a recent one counts (a time window: a question for the team)."""
from __future__ import annotations

import re
from dataclasses import replace

from bot.eligibility import facts as whole
from bot.eligibility.logic import ALLOWS, EXCLUDES, REQUIRES, Fact, mode_of
from bot.eligibility.reading import WINDOW, new_fact

_WASHOUT = re.compile(r"\bsince\b|\bfinish\w*|\bmust\s+be\s+completed|\btimelines?\b|\bwash-?out\b|\brecover\w*|\bcompletion\s+of\b|\bdiscontinu\w*|\bstopped\b|\belapsed\b"
                      r"|\b(?:at\s+least|minimum\s+(?:of\s+)?|more\s+than)\s*\S+\s+(?:weeks?|months?|days?)\s+(?:after|from|between|following|since|before|prior|must|have|has)\b", re.I)
_NEEDED_BEFORE = re.compile(r"\bmust\s+have\s+(?:had|received|been\s+treated)|\bprogress\w*|\brefractory\b|\bfailure\b|\bafter\b|\bfollowing\b"
                            r"|\breceiving\b|\btreated\s+with\b|\bon\s+(?:a\s+)?(?:stable|treatment)|\bstable\s+dose", re.I)
_ON_IT_NOW = re.compile(r"\bstable\s+dose|\bon\s+(?:a\s+)?(?:stable|steady|\w+\s+dose)|\b(?:must|should)\s+(?:be|have\s+been)\s+(?:on|receiv\w*|treated)|\bcontinu\w*\s+(?:on|to\s+receive)", re.I)
_WHEN_UNSAID = re.compile(r"\bpre-?operative|\bneo-?adjuvant|\badjuvant\b", re.I)
_NAIVE = re.compile(r"\bnaive\b|\buntreated\b|\bno\s+previous\s+treatment", re.I)
_SURGERY = re.compile(r"\bsurg(?:ery|ical(?:ly)?)\b|\bresect(?:ion|ed)\b|\boperation\b|\bwhipple\b|\bpancreatectomy\b", re.I)
_HISTORY = re.compile(r"\bprior\b|\bongoing\b|\bcurrent(?:ly)?\b|\bconcurrent\b|\bconcomitant\b|\bin\s+the\s+(?:past|last)\b|\bpre-?treat\w*|\baccepted\b|\bunderwent\b|\bcompleted\b|\bprevious(?:ly)?\b|\breceived\b|\breceiving\b|\btreated\s+with\b|\btreatment\s+with\b|\bhistory\s+of\b"
                      r"|\bhad\b|\bundergone\b|\bexposure\b|\bexposed\b|\bpre-?treated\b|\bnaive\b|\bfollowing\b|\bafter\b|\bline\b"
                      r"|\bfailure\b|\bprogress\w*\s+(?:on|after|during|following|under)|\brefractory\b|\bresected\b|\bat\s+any\s+time\b|\bwithin\b|\bsince\b", re.I)
_NOT_HISTORY = re.compile(r"imaging|\bscan\w*|scintigra\w*|\bPET\b|\buptake\b|\bavid\w*|\bcount\w*\s+(?:as|toward)|\bconsidered\b|steril|birth\s+control|contracept|toxicit|\btoxic\b|initiat\w*|\bto\s+start\b|\babout\s+to\b|incoming|\bwill\s+(?:start|begin|consist)|hypersensitiv|allerg|CYP|cytochrome|inducers?\b|prohibited|pregnan|breast-?feed|inability|swallow|absorption|intoleran\w*\s+to|contraindicat|(?:planned|scheduled|candidates?|eligible|suitable|indicated)\s+(?:for|to)"
                          r"|will\s+(?:receive|be\s+treated)|\bwilling\b|\bable\s+to\s+receive", re.I)
_EXCEPTION = re.compile(r"\b(?:except|excluding|other\s+than|apart\s+from|with\s+the\s+exception\s+of|unless)\b", re.I)
_FOR_SOME_TUMOURS = re.compile(r"\b(?:in|for)\s+(?:[\w-]+\s+){0,3}(?:NETs?|NECs?|tumou?rs?|neuroendocrine|patients\s+with)\b", re.I)
_OTHER_KINDS = re.compile(r"\bor\s+(?:with\s+)?(?:any\s+)?other\s+(?:\w+\s+)?(?:treatments?|therap\w*|agents?|drugs?)", re.I)
_SURGERY_NEEDED = re.compile(r"\bmust\b|\brequired\b|\bundergone\b|\b(?:completely|curatively|radically)\s+resected\b|\bR0\b"
                             r"|\bafter\s+(?:complete|curative|radical)\s+(?:resection|surgery)", re.I)
_NEGATION_WORDS = re.compile(r"\bno\b|\bnot\b|\bwithout\b|\bnever\b|\bnaive\b", re.I)
_SYSTEMIC_NAMES = ("PRRT", "everolimus", "sunitinib", "somatostatin analogue", "chemotherapy", "targeted therapy", "immunotherapy", "interferon")


def treatments(sentence: str, section: str, text: str) -> list[Fact]:
    if _NOT_HISTORY.search(sentence) or not _HISTORY.search(sentence):
        return []
    head, _, tail = _split_exception(sentence)
    named = whole.treatment_spans(head)
    surgery = _SURGERY.search(head)
    if surgery and (section == "exclusion" or _NEGATION_WORDS.search(head) or _SURGERY_NEEDED.search(head)):
        named.append(("surgery", surgery.start()))
    if not named:
        return []
    spared = {name for name, _ in whole.treatment_spans(tail)}
    washout = section == "inclusion" and not _ON_IT_NOW.search(head) and (
        bool(_WASHOUT.search(head)) or (bool(WINDOW.search(head)) and not _NEEDED_BEFORE.search(head)))
    groups: dict[tuple[str, bool], tuple[set[str], int]] = {}
    for name, start in named:
        mode = mode_of(head, section, start)
        if mode == REQUIRES and (washout or (section == "inclusion" and _NAIVE.search(head))):
            mode = EXCLUDES
        recent = washout or bool(WINDOW.search(sentence)) or bool(_WHEN_UNSAID.search(head)) or (name == "surgery" and bool(re.search(r"\bmajor\b|\bminor\b", head, re.I)))
        kinds = {name}
        if name == "any cancer treatment":
            kinds = set(_SYSTEMIC_NAMES) - spared
            if _NAIVE.search(head):
                kinds -= {"somatostatin analogue"}  # "therapy-naive": often still on one for symptoms
        names, first = groups.get((mode, recent), (set(), start))
        groups[(mode, recent)] = (names | kinds, first)
    open_list = bool(_OTHER_KINDS.search(head))
    only_some = bool(_FOR_SOME_TUMOURS.search(head))  # "previous chemotherapy in gastrointestinal NETs": for them only
    facts = [replace(new_fact("treatments", head, section, text, first, treatments=frozenset(kinds), needs_more=recent,
                           firm=not (spared and mode == EXCLUDES) and not (open_list and mode == REQUIRES)
                           and not (mode == EXCLUDES and ("liver-directed therapy" in kinds or only_some))), mode=mode)
             for (mode, recent), (kinds, first) in groups.items()]
    if spared:
        facts.append(Fact("treatments", text, treatments=frozenset(spared), mode=ALLOWS))
    return facts


def _split_exception(sentence: str) -> tuple[str, str, str]:
    found = _EXCEPTION.search(sentence)
    return (sentence[:found.start()], found.group(), sentence[found.end():]) if found else (sentence, "", "")
