"""The record's own sentences that speak to a question about one trial, for the questions no
single part of the record answers: "how long is the pump on for?", "if he's sick straight after
the tablets does he take another?", "how long do they wait after the lutetium before the
transplant?", "what do they actually inject into the tumour?".

The question's own words (and the everyday words for the registry's: jab -> injection, drip ->
infusion, dummy -> placebo) are looked for in the sentences of the interventions, the groups, the
description, the summary and the criteria; a word found in few of the trial's sentences counts
for more than one found in most. The best sentences are quoted as written, so nothing is changed
in the retelling.
"""

from __future__ import annotations

import math
import re
from collections import Counter
from dataclasses import dataclass
from typing import Iterator

from bot.text import normalize
from bot.trials.query import TrialDetail
from bot.trials.timing import TIME

MOST_PASSAGES = 2
LONGEST_SENTENCE = 520
# the least a sentence must score to be quoted: about two of the question's rarer words
ENOUGH = 2.6

# everyday words -> the registry's words for the same thing
_SAME_AS: dict[str, tuple[str, ...]] = {
    "jab": ("injection", "inject", "lar", "depot", "intramuscular", "subcutaneous"),
    "shot": ("injection", "inject"),
    "injected": ("injection", "inject"),
    "drip": ("infusion", "intravenous", "iv"),
    "pump": ("infusion", "infusor", "continuous"),
    "infusor": ("infusion", "continuous"),
    "pill": ("tablet", "capsule", "oral", "orally"),
    "tablets": ("tablet", "oral", "orally"),
    "tabs": ("tablet", "oral", "orally"),
    "capsule": ("capsules", "oral", "orally"),
    "dummy": ("placebo",),
    "sugar": ("placebo",),
    "op": ("surgery", "resection", "operation", "transplantation", "transplant"),
    "operation": ("surgery", "resection", "transplantation"),
    "sick": ("vomiting", "vomited", "nausea"),
    "vomit": ("vomiting", "vomited"),
    "threw": ("vomiting", "vomited"),
    "puke": ("vomiting", "vomited"),
    "another": ("replaced", "repeat", "extra"),
    "off": ("free", "rest", "break", "pause"),
    "radiation": ("radiotherapy", "radionuclide", "radioligand", "receptor"),
    "food": ("meal", "fasting", "fasted", "stomach"),
    "breakfast": ("meal", "morning", "fasting"),
    "brekkie": ("meal", "morning", "fasting"),
    "eat": ("meal", "fasting"),
    "beads": ("microspheres", "spheres", "sir"),
    "lutetium": ("177lu", "lu", "lutate", "octreotate", "dotatate", "lutathera"),
    "lutathera": ("177lu", "lutetium", "lutate", "octreotate", "dotatate"),
    "prrt": ("177lu", "lutetium", "lutate", "octreotate", "dotatate", "radionuclide", "radioligand"),
    "combo": ("combination", "concurrent", "combined"),
    "combined": ("combination", "concurrent"),
    "wait": ("after", "within", "following", "interval"),
    "break": ("rest", "off", "pause", "interruption"),
    "scan": ("imaging", "pet", "ct", "mri"),
    "artery": ("arterial", "intra", "hepatic"),
    "vein": ("intravenous", "intravenously", "iv"),
    "kidneys": ("renal", "kidney"),
    "liver": ("hepatic",),
    "tumour": ("tumor", "lesion", "lesions"),
    "tumor": ("tumour", "lesion", "lesions"),
    "spots": ("lesions", "lesion", "metastases"),
    "later": ("further", "after", "repeat"),
    "again": ("further", "repeat", "repeated"),
    "swap": ("crossover", "cross", "switch"),
    "switch": ("crossover", "cross"),
}
# plurals too short for _stem to reduce ("jabs"): the same words as their singular
_SAME_AS.update({word + "s": _SAME_AS[word] for word in ("jab", "shot", "drip", "pill", "scan")})
# words that say nothing about which sentence answers ("how long is it on for")
_EMPTY = frozenset(
    """a about actually after all also am an and any anything are as at be been being but by can could
    did do does doing done each for from get gets getting go going got had has have having he her hers him his
    how i if im in into is it its just know let like me mean means mine more most much my no not now of on one
    or our out please pls people person she should so some someone still such tell than that thats the their them
    then there these they thing think this those though to too trial trials study studies up us was we well were
    what whats when where which while who whom why will with would yes you your yours u ur r ok okay really
    mum mom mam dad hubby husband wife son daughter partner brother sister aunt uncle gran grandad
    him her she he they them day days week weeks month months year years long often many much soon time times
    arm group groups part bit each go goes take takes taken taking took nan nana nanna gran grandma grandpa
    mother father mam mammy ma pa hes shes theyre""".split()
)
# a question about when, how long or how many wants a sentence with a number or a time in it
_ASKS_WHEN = re.compile(
    r"\bhow\s+(?:long|often|many|soon|much|far)\b|\bwhen\b|\b(?:which|what)\s+days?\b|\bwait\b"
    r"|\bhow\s+frequent|\bduration\b|\bschedule\b",
    re.I,
)
_ASKS_DAY = re.compile(r"\b(?:which|what)\s+days?\b", re.I)
_DAY_NUMBER = re.compile(r"\bdays?\s+\d", re.I)
_VERDICT_WORDS = re.compile(r"\beligib|\bqualif", re.I)
_SENTENCE_END = re.compile(r"(?<=[.;!?])\s+(?=[A-Z(\[])|\n+")


@dataclass(frozen=True)
class Passage:
    text: str
    score: float


def _stem(word: str) -> str:
    """A crude shared root: "injections", "injected" -> "inject"; short words as they are."""
    for ending in ("ations", "ation", "ions", "ion", "ing", "ed", "es", "s", "ly"):
        if word.endswith(ending) and len(word) - len(ending) >= 4:
            return word[: len(word) - len(ending)]
    return word


def question_roots(question: str) -> list[frozenset[str]]:
    """The question's telling words, each as the roots that stand for it: its own root and those of
    the registry's words for it ("drip" -> drip, infus, intravenou, iv)."""
    groups: dict[str, frozenset[str]] = {}
    for word in normalize(question).split():
        if word in _EMPTY or len(word) < 2 or word.isdigit():
            continue
        same = _SAME_AS.get(word, _SAME_AS.get(_stem(word), ()))
        groups.setdefault(word, frozenset({_stem(word), *(_stem(s) for s in same)}))
    return list(dict.fromkeys(groups.values()))


# the criteria say who may join, rarely how the trial runs: their sentences count for less
CRITERIA_WEIGHT = 0.6


def _sentences(trial: TrialDetail) -> Iterator[tuple[str, float]]:
    """The record's sentences with their weight, most specific first; never one that says who is
    eligible."""
    texts = [(f"{i.name}: {i.description}" if i.description else None, 1.0) for i in trial.interventions]
    texts += [(f"{a.label}: {a.description}" if a.label and a.description else a.description, 1.0) for a in trial.arms]
    texts += [(trial.description, 1.0), (trial.summary, 1.0), (trial.criteria, CRITERIA_WEIGHT)]
    seen: set[str] = set()
    for text, weight in texts:
        for sentence in _SENTENCE_END.split(text or ""):
            sentence = " ".join(sentence.split()).strip(" -*•")
            key = normalize(sentence)
            if 12 <= len(sentence) <= LONGEST_SENTENCE and key not in seen and not _VERDICT_WORDS.search(sentence):
                seen.add(key)
                yield sentence, weight


# "does he take them with food? and if he's sick after, does he take another": each part its own sentence
_QUESTION_PARTS = re.compile(
    r"[?;]+|\.\s+|\band\s+(?=if\b|how\b|what\b|when\b|which\b|is\b|are\b|does\b|do\b|can\b)", re.I
)


def passages(trial: TrialDetail, question: str, most: int = MOST_PASSAGES) -> list[Passage]:
    """The record's sentences that best answer each part of the question (up to `most` a part), in
    the order asked; [] when none shares enough of its telling words."""
    sentences = list(_sentences(trial))
    whole = question_roots(question)
    found: list[Passage] = []
    for part in (p for p in _QUESTION_PARTS.split(question or "") if p.strip()):
        # "..., which days?": a part with no telling word of its own is about what the rest names
        for passage in _best(sentences, part, question_roots(part) or whole, most):
            if not any(_alike(passage.text, other.text) for other in found):
                found.append(passage)
    return found[: most + 1]


def _alone_enough(roots: list[frozenset[str]], words: set[str], timed: bool, asked: set[str], said: set[str]) -> bool:
    """One word of the question found alone answers only a when-or-how-long question with a time in the
    sentence, a word we know the registry's name for ("drip"), or the very word ("meal"): "recommend" is not
    "recommended"."""
    return timed or any(len(group) > 1 and group & words for group in roots) or bool(asked & said)


def _alike(one: str, other: str) -> bool:
    """Two sentences that say nearly the same (the arm's line and the description's)."""
    a, b = set(normalize(one).split()), set(normalize(other).split())
    return len(a & b) >= 0.7 * min(len(a), len(b))


def _best(sentences: list[tuple[str, float]], question: str, roots: list[frozenset[str]], most: int) -> list[Passage]:
    if not roots:
        return []
    stems = [{_stem(w) for w in normalize(s).split()} for s, _ in sentences]
    found_in = Counter(root for words in stems for root in words)
    asked = set(normalize(question).split()) - _EMPTY
    held = [group for group in roots if any(found_in[r] for r in group)]
    wants_number = bool(_ASKS_WHEN.search(question or ""))
    wants_day = bool(_ASKS_DAY.search(question or ""))
    scored: list[Passage] = []
    for (sentence, weight), words in zip(sentences, stems):
        # each word of the question counts once, by the rarest of its roots the sentence holds
        rarity = [
            max(math.log(1 + len(sentences) / found_in[r]) for r in group & words) for group in roots if group & words
        ]
        score = weight * sum(rarity)
        timed = wants_number and bool(TIME.search(sentence))
        if (wants_number and not timed) or (wants_day and not _DAY_NUMBER.search(sentence)):
            score /= 2
        # most of what the question names that the record holds must be there: "free parking" is not
        # "progression free"; a word the record never uses ("straight", "instead") cannot be asked for
        # one shared word is not enough when the question also names what the record never mentions ("parking")
        unheld = len(held) < len(roots)
        if (
            rarity
            and len(rarity) >= (len(held) + 1) // 2
            and (
                len(rarity) > 1
                or (not unheld or timed)
                and _alone_enough(roots, words, timed, asked, set(normalize(sentence).split()))
            )
        ):
            scored.append(Passage(sentence, score))
    scored.sort(key=lambda p: -p.score)
    kept: list[Passage] = []
    for passage in (p for p in scored if p.score >= ENOUGH):
        if len(kept) < most and not any(_alike(passage.text, k.text) for k in kept):
            kept.append(passage)
    return kept


# what a record with no groups listed says it compares, in its own words
DESIGN_QUESTION = "which arms or groups are randomised to the intervention or the control, compared with what"
ALSO_HEADING = "The record also says:"
OWN_WORDS_HEADING = "On that, the record says:"
# the parts of a trial whose answer often lies in the record's own sentences, not in a field
TOLD_IN_SENTENCES = frozenset({"given", "duration", "groups", "placebo", "randomised"})


def quoted(found: list[Passage]) -> list[str]:
    return [f'- "{p.text.rstrip(" .")}"' for p in found]


def passages_not_said(trial: TrialDetail, question: str, said: str) -> list[Passage]:
    """The passages for the question that the answer given does not already hold."""
    plain = normalize(said)
    return [p for p in passages(trial, question) if normalize(p.text)[:80] not in plain]
