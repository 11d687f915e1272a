"""What every reader of a criterion sentence shares: the cues for time, for what we cannot
know, and making a `logic.Fact` with the sentence's own mode."""

from __future__ import annotations

import re

from bot.eligibility.logic import REQUIRES, Fact, examples_only, mode_of

OTHER_CANCER = re.compile(
    r"\b(?:other|second|prior|previous|concurrent|additional|another)\s+(?:primary\s+)?(?:malignan\w*|cancers?|tumou?rs?)"
    r"|\bmalignanc(?:y|ies)\b[^.;]{0,40}\b(?:within|in\s+the\s+(?:last|past))|\bhistory\s+of\s+(?:\w+\s+)?(?:malignan|cancer)",
    re.I,
)
WINDOW = re.compile(
    r"\bwithin\b|\bin\s+the\s+(?:last|past|preceding)\s+(?:\w+\s+){0,2}?(?:days?|weeks?|months?|years?|[0-9])|\b[0-9]+\s*(?:days?|weeks?|wks?|months?|years?|half-?lives)\b"
    r"|\b(?:one|two|three|four|six|eight|twelve)\s+(?:days?|weeks?|months?)\b|\brecent(?:ly)?\b|\bcurrent(?:ly)?\b|\bongoing\b"
    r"|\bconcurrent\w*|\breceiving\b|\bbetween\s+(?:the\s+)?(?:selection|screening|inclusion|enrol\w*|consent)|\bconcomitant\w*|\bsimultaneous\w*|\bwash-?out\b|\bsince\b|\blast\s+dose\b|\bstable\s+dose\b"
    r"|\b(?:last|past|preceding)\s+(?:\w+\s+)?(?:days?|weeks?|months?|year)\b",
    re.I,
)
UNKNOWABLE = re.compile(
    r"\bprogress\w*|\brefractory\b|\bfail\w*|\bintoleran\w*|\bresistan\w*|\buncontroll\w*|\bnot\s+(?:adequately\s+|well\s+)?controlled"
    r"|\bpoorly\s+controlled|\bnot\s+controll\w*|\bdebulk\w*|\bsymptomatic\b|\buntreated\b(?!\s+(?:with|by)\b)|\bunstable\b|\bactive\b|\brelaps\w*|\brecurr\w*|\bdespite\b"
    r"|\brequir\w*|\bneed(?:s|ed|ing)?\b|\blines?\b|\bregimens?\b|\bcycles?\b|\bcourses?\b|\bdoses?\b|\bmeasurable\b|\bdominant\b|\bpredominant\w*|\bonly\b",
    re.I,
)


_NAMED_REGIMEN = re.compile(
    r"\b(?:irinotecan|platinum|cisplatin|carboplatin|oxaliplatin|etoposide|temozolomide|capecitabine|EP|IP|FOLF\w+|CAP-?TEM)"
    r"(?:[- ](?:based|containing))?\s+regimens?\b",
    re.I,
)
_SYMPTOMS_OF_HORMONES = re.compile(
    r"\bsymptomatic\b(?=[^.;]{0,40}\b(?:because\s+of|due\s+to|from|caused\s+by)\s+(?:\w+\s+)?hormon)", re.I
)
UNLESS = re.compile(r"\bunless\b", re.I)
_ONLY = re.compile(r"\bonly\b", re.I)
_HORMONALLY_ACTIVE = re.compile(r"\bhormonally\s+(?:active|inactive)\b", re.I)
HISTORY_OF = re.compile(r"\bhistory\s+of\b[^.;]*?\bactive\b|\bactive\b(?=[^.;]*\bhistory\s+of\b)", re.I)


def new_fact(field: str, sentence: str, section: str, text: str, start: int, **values) -> Fact:
    """A fact read from `sentence`, with the mode its words give the thing named at `start`."""
    mode = mode_of(sentence, section, start)
    if UNLESS.search(sentence):
        values["firm"] = False  # "Ki-67 < 20%, unless ...": an exception the team must weigh
    # progression, control, symptoms: about treatments, hormones and where it spread, not the rest of the sentence
    weighs = field in ("treatments", "functioning", "syndrome") or (field == "spread" and "values" in values)
    weighed = HISTORY_OF.sub(" ", sentence) if HISTORY_OF.search(sentence) else sentence
    weighed = _NAMED_REGIMEN.sub(" ", weighed)  # "treated with irinotecan regimen": which drugs, not how many
    if field in ("functioning", "syndrome"):
        weighed = _ONLY.sub(" ", weighed)  # "non-functional tumours only": a firm ask, not a dose or a line
        # "a hormonally active tumour": functioning, not "active disease"
        weighed = _HORMONALLY_ACTIVE.sub(" ", weighed)
        # "symptomatic pNET because of hormone production": the symptoms are what makes it functioning
        weighed = _SYMPTOMS_OF_HORMONES.sub(" ", weighed)
    unknowable = weighs and bool(UNKNOWABLE.search(weighed))
    # "such as", "e.g.", "including": what follows is only an example, what comes before is the rule ("well-to-moderately
    # differentiated neuroendocrine carcinoma, including typical carcinoid"); "like" anywhere leaves it unsure
    example = _EXAMPLE.search(sentence)
    only_example = examples_only(sentence) if example is None else example.start() < start
    # "No prior radiation therapy to the liver" listed among the exclusions: a rule-out written twice, or a real
    # double no ("no measurable disease" rules out)? Either reading is possible: the team must say
    two_ways = section == "exclusion" and mode == REQUIRES and bool(_LEADING_NO.match(sentence))
    return Fact(
        field,
        text,
        mode=mode,
        needs_more=values.pop("needs_more", False) or unknowable or two_ways,
        firm=values.pop("firm", True) and not (mode == REQUIRES and only_example) and not two_ways,
        **values,
    )


_LEADING_NO = re.compile(r"^\W*no\b(?!\s+(?:more|less|fewer|greater|longer)\s+than\b)", re.I)


_EXAMPLE = re.compile(r"\bsuch\s+as\b|\be\.\s?g\.?|\bfor\s+example\b|\bincluding\b", re.I)
