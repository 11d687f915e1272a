"""Each criterion item read with its logic: what it describes, and whether it asks for it,
rules it out or only allows it.

A `Fact` describes one thing about a person ("the NET started in the pancreas", "has had
PRRT", "Ki-67 from 10 to 55%"); a `Reading` says what the criterion does with its facts:
REQUIRES (the person must have it), EXCLUDES (having it rules people out) or ALLOWS ("prior
somatostatin analogue is allowed": never against anyone). `needs_more` marks a fact that
depends on what we cannot know (how long ago, progression, "uncontrolled"), so it never
gives a clear "does not match". `firm=False` marks a reading we are unsure of (examples, one
cohort of several). Facts keep the criterion text they came from.

Readers of each field are in `bot/eligibility/fields.py`; whole criteria texts are read item by
item in `bot/eligibility/items.py`.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Optional

REQUIRES, EXCLUDES, ALLOWS = "requires", "excludes", "allows"


@dataclass(frozen=True)
class Fact:
    field: str  # one of person.FIELDS
    text: str  # the criterion item it came from, as written
    values: frozenset[str] = (
        frozenset()
    )  # the person's value is one of these (site, grade, NET/NEC, syndrome, spread places)
    maybe: frozenset[str] = frozenset()  # values that may or may not be meant ("bowel" for "small bowel")
    low: Optional[float] = None  # a range (age, Ki-67); None: open
    high: Optional[float] = None
    low_strict: bool = False
    high_strict: bool = False
    flag: Optional[bool] = None  # a yes/no the person has (spread, resectable, functioning, MEN1, VHL)
    treatments: frozenset[str] = frozenset()  # facts.TREATMENTS names: has had any of them
    mode: str = REQUIRES
    needs_more: bool = False
    firm: bool = True
    group: Optional[str] = None  # facts of one group are alternatives: any one meets the item
    cohort: bool = False  # asked of one cohort (arm, stratum) of several: meeting any cohort's ask will do
    every: bool = False  # an allowance of every value ("functioning or non-functioning"): met by all, said or not
    part: int = 0  # an exclusion of two groups ("NECs of ... and NETs of ..."): which group; each rules out alone
    # asked only of NETs that started here ("Pancreatic origin: ...", "chemotherapy in GI NETs"); for_maybe: may be meant
    for_sites: frozenset[str] = frozenset()
    for_maybe: frozenset[str] = frozenset()
    provided: bool = False  # allowed only on a condition the team knows ("allowed provided the dose has been stable")


@dataclass(frozen=True)
class Reading:
    """One criterion item: its text, section and facts. Facts that share a `group` are
    alternatives ("unresectable or metastatic", "at least one of the following")."""

    text: str
    section: str  # "inclusion" | "exclusion"
    facts: tuple[Fact, ...]


# -- cues ------------------------------------------------------------------------------------------
ALLOWANCE = re.compile(
    r"(?<!not )(?<!not be )\b(?:allowed|permitted|acceptable)\b|\b(?:is|are|be)\s+(?:also\s+)?accepted\b|\bnot\s+(?:be\s+)?(?:required|mandatory|necessary)\b"
    r"|\bwith\s+or\s+without\b|\bregardless\s+of\b|\birrespective\s+of\b|\bna[iï]ve\s+or\s+(?:previously\s+)?(?:pre-?)?treated\b"
    r"|\bna[iï]ve\s+or\s+(?:\w+\s+){0,2}?(?:having\s+)?(?:received|had)\b|\bany\s+number\s+of\b"
    r"|\b(?:pre-?)?treated\s+or\s+(?:treatment[- ])?(?:na[iï]ve|untreated)\b|\bmay\s+(?:have\s+(?:had|received|been\s+(?:previously\s+)?treated)|be\s+(?:included|re-?\s?treated|re-?enrolled|enrolled|eligible|considered\s+(?:for|eligible))|(?:also\s+)?(?:receive|continue|remain\s+on|stay\s+on))\b"
    r"|\bcan\s+(?:also\s+)?(?:be\s+(?:also\s+)?included|participate|have\s+(?:had|received))\b|\bno\s+more\s+than\b|\bat\s+most\s+[0-9]+\s+(?:prior|previous|lines?)"
    r"|\bup\s+to\s+[0-9a-z]+\s+(?:prior|previous|lines?)|\b(?:are|is|will\s+be)\s+(?:also\s+)?eligible\b|\bwill\s+(?:also\s+)?be\s+(?:also\s+)?(?:included|enrolled|accepted)\b|\bcan\s+be\s+enrolled\b|\bin\s+addition\s+to\b|\bno\s+limit\b"
    r"|\bor\s+not\b(?=\s*(?:[(,;.]|$))",  # "have received anthracyclines and/or taxanes or not": either
    re.I,
)
# "must not have had X", "cannot receive X": a rule-out in either section
_MUST_NOT_WORDS = r"\b(?:(?:should|must|may|shall)\s+not|cannot|can\s+not)\s+(?:have|be\s+(?:on|receiving|treated)|receive|had|undergo|take|register|enrol\w*)\b"
# "not eligible for curative surgery", "ineligible for chemotherapy": what the tumour allows, not a rule-out of the person
_FOR_A_TREATMENT = (
    r"(?!\s+(?:for|to)\s+(?:an?\s+|the\s+|any\s+)?(?:(?!randomi|study|trial|portion|part\b|cohort|arm\b|enrol|participat|inclusion|registration)[\w-]+\s+){0,3}?"
    r"(?:surg\w*|resect\w*|operat\w*|transplant\w*|radi(?!omi)\w*|chemo\w*|therap\w*|treatments?|local\w*|curative|ablat\w*|emboli\w*|PRRT|intensive|definitive|standard)\b)"
)
RULED_OUT = re.compile(
    r"\b(?:are|is|be|were|was)\s+(?:also\s+)?excluded\b|\bexclusion\b|\bnot\s+(?:be\s+)?(?:eligible|allowed|permitted)\b"
    + _FOR_A_TREATMENT
    + r"|\bineligible\b"
    + _FOR_A_TREATMENT
    + "|"
    + _MUST_NOT_WORDS,
    re.I,
)
ALTERNATIVES = re.compile(
    r"\(a\)[^\n]{0,600}\bor\s*\(?b\)|\beither\b|\bat\s+least\s+one\s+of\b|\bone\s+(?:or\s+more\s+)?of\s+the\s+following\b|\bany\s+of\s+the\s+following\b",
    re.I,
)
_MUST_NOT = re.compile(_MUST_NOT_WORDS, re.I)
_NEGATION = re.compile(
    # "no sooner than 4 weeks", "no later than": a time, not a no
    r"\b(?:no(?!\s+(?:sooner|later|earlier|less|fewer|longer|shorter)\s+than\b)|not|nor|without|never|free\s+of|absence\s+of|naive\s+to"
    r"|other\s+than|neither|non|excluding|except|exception\s+of|apart\s+from|outside(?:\s+of)?)\b|n't\b",
    re.I,
)
_NON = re.compile(r"\bnon\b[-\s]?", re.I)
_JUST_NON = re.compile(r"\bnon[-\s]?$", re.I)
_NEGATION_BREAK = re.compile(r"[;:]|\bbut\b|\bmust\b", re.I)
_CLOSED_BRACKETS = re.compile(r"\([^()]*\)")
_STAGE_WORD = re.compile(
    r"(?:metasta\w*|stage\b|advanced\b|locally\b|distant\b|recurrent\b|relapsed\b|unresectable\b|inoperable\b)", re.I
)
_NOT_SUITED_THEN_OR = re.compile(
    r"(?:\b(?:not|without)\b[^;:]{0,50}?\b(?:amenable|suitable|eligible|candidates?|applicable|appropriate|indications?|indicated|fit)\b"
    r"|\b(?:ineligible|unfit|unsuitable)\b)[^;:]*?(?:,\s*|\bor\b|\band/or\b|/)\s*(?:\w+\s+){0,2}$",
    re.I,
)
_NOT_LIMITED = re.compile(r"\bnot\s+(?:limited|restricted)\s+to\b|\bnot\s+only\b", re.I)
_EXAMPLES = re.compile(
    r"\bsuch\s+as\b|\be\.?g\.?\b|\bfor\s+example\b|\bincluding\b|\blike\b|\bmay\s+include\b|\binclude\s+but\b", re.I
)
COHORT = re.compile(
    r"\b(?:cohorts?|arms?|parts?|groups?|stratum|strata|phase\s+(?:I|II|1|2)[ab]?|dose[- ]expansion|expansion)\b\s*[A-Z0-9]{0,3}\s*[:(]"
    r"|\b(?:in|for|to)\s+(?:the\s+)?(?:cohorts?|arms?|parts?|groups?|strat(?:um|a))\b|\b(?:cohort|arm|part|stratum)\s+[A-Z0-9]{1,3}\b"
    # "(Group B only)", "(maintenance group)", "(retreatment cohort only)": one group's rule, in brackets
    r"|\(\s*(?:[\w-]+\s+){0,2}?(?:cohorts?|arms?|groups?|strat(?:um|a))(?:\s+[A-Z0-9]{1,3})?(?:\s+only)?\s*\)"
    r"|\bonly\s+for\b|\bapplies\s+to\b|^\W*[\w\s-]{0,40}\b(?:origin|primary|NETs?|tumou?rs?|carcinoma)\s*:\s*\S"
    # "Retreatment patients:", "eligible for re-treatment": the group treated again, beside those treated for the first time
    r"|\bre-?\s?treat(?:ment|ed|ing)\b|\bre-?challeng\w*",
    re.I,
)


def negated(sentence: str, start: int) -> bool:
    """The words just before `start` say no ("no prior PRRT", "without distant spread")."""
    before = _CLOSED_BRACKETS.sub(
        " ", sentence[max(0, start - 60) : start]
    )  # "(not amenable to surgery) or metastatic"
    broken = list(_NEGATION_BREAK.finditer(before))
    if broken:
        before = before[broken[-1].end() :]
    if _STAGE_WORD.match(sentence, start):
        # "locally advanced, not amenable to surgery, or metastatic": the "not" is about the surgery; the stage after
        # "or" is the other way in
        before = _NOT_SUITED_THEN_OR.sub(" ", before)
    before = _NOT_LIMITED.sub(" ", before)  # "including, but not limited to, the lung": a list, not a no
    # "non-" says no only to the word it is on ("non-functioning pNET" is a pNET)
    return bool(_NEGATION.search(_NON.sub(" ", before))) or bool(_JUST_NON.search(before))


def mode_of(sentence: str, section: str, start: int) -> str:
    """What the sentence does with the thing named at `start`."""
    ruled_out = ruled_out_at(sentence, start)
    if _allows(sentence, start) and not ruled_out:
        return ALLOWS
    if section == "inclusion" and ruled_out:
        return EXCLUDES  # "patients may not have received X": one "no" only
    if section == "exclusion" and _MUST_NOT.search(sentence[:start]):
        return EXCLUDES  # listed among the exclusions, "Patients may not have had prior X" is one more rule-out, not a double no
    return EXCLUDES if (section == "exclusion") != negated(sentence, start) else REQUIRES


def ruled_out_at(sentence: str, start: int) -> bool:
    """A rule-out that reaches the thing at `start`: one in brackets ("metastatic NET (lung NETs are
    excluded)") rules out only what the brackets name."""
    for found in RULED_OUT.finditer(sentence):
        brackets = _brackets_around(sentence, found.start())
        if brackets is None or brackets[0] <= start < brackets[1]:
            return True
    return False


def _reaches(sentence: str, said: int, start: int) -> bool:
    brackets = _brackets_around(sentence, said)
    return brackets is None or brackets[0] <= start < brackets[1]


def allows_all_of(text: str) -> bool:
    """An allowance for the whole item, not only for what a bracket names."""
    return any(_brackets_around(text, m.start()) is None for m in ALLOWANCE.finditer(text))


def _brackets_around(sentence: str, at: int) -> Optional[tuple[int, int]]:
    """The innermost brackets around `at`, nested ones skipped: "(prior somatostatin analogs (SSAs) are allowed)"."""
    depth, opened = 0, -1
    for i in range(at - 1, -1, -1):
        if sentence[i] == ")":
            depth += 1
        elif sentence[i] == "(":
            if depth == 0:
                opened = i
                break
            depth -= 1
    if opened < 0:
        return None
    depth = 0
    for i in range(at, len(sentence)):
        if sentence[i] == "(":
            depth += 1
        elif sentence[i] == ")":
            if depth == 0:
                return opened, i
            depth -= 1
    return opened, len(sentence)


# "progressed after at most 2 prior therapies": a limit on the treatments counted after it, not an allowance of the
# "advanced/metastatic disease" named before it
_COUNT_ALLOWANCE = re.compile(r"no\s+more\s+than|at\s+most|up\s+to", re.I)
_SCOPED_ALLOWANCE = re.compile(r"\b(?:with\s+or\s+without|regardless\s+of|irrespective\s+of)\b[^,;.()]{0,60}", re.I)


def _allows(sentence: str, start: int) -> bool:
    """An allowance for the thing at `start`: "with or without liver metastases" allows only the
    metastases, not the rest of "metastatic GEP-NET, with or without liver metastases"."""
    # one in brackets allows only what the brackets name: "Prior everolimus (prior SSAs are allowed)"
    found = [
        m
        for m in ALLOWANCE.finditer(sentence)
        if _reaches(sentence, m.start(), start) and not (m.start() > start and _COUNT_ALLOWANCE.match(m.group()))
    ]
    if not found:
        return False
    scoped = list(_SCOPED_ALLOWANCE.finditer(sentence))
    if len(scoped) == len(found) and all(any(s.start() <= m.start() < s.end() for s in scoped) for m in found):
        return any(s.start() <= start < s.end() for s in scoped)
    return True


def examples_only(sentence: str) -> bool:
    return bool(_EXAMPLES.search(sentence))
