"""An operation told as a story, with no lexicon word for it: "had half his pancreas out", "he was
operated in 2021"; not one denied ("never been operated on") nor one on something else
("parathyroids were removed"), which the README's labels leave out.
"""

from __future__ import annotations

import re
from typing import Optional

from bot.profile.treatment_roles import FUTURE_TIME, TRIAL_WORDS, Role
from bot.text import strip_accents

# How or when something was taken out, told just after: "... through the camera", "... in 2022", "... last May"
_HOW_OR_WHEN = (
    r"(?=[^.?!]{0,30}\b(?:by|with|through|during|via|endoscop\w*|gastroscop\w*|colonoscop\w*|camera|scope|last|in \d{4}"
    r"|ago|year)\b)"
)
# Surgery told as a story, with no lexicon word for it ("had half his pancreas out").
_SURGERY_STORY = re.compile(
    r"\b(?:had|has|have|having|got|get|getting|take|took|taken|cut|whipped)\s+(?:\w+\s+){0,3}?(?:pancreas|spleen|tumou?r|tail|head|bowel"
    r"|gallbladder|it|lump|bit|appendix|stomach|lung|part|half|bottom|top|end|rest|primary|nodes|net|pnet|insulinoma|gastrinoma"
    r"|biggest one|big one)\s+(?:\w+\s+){0,3}?(?:out|removed|taken out|cut out)\b"
    r"|\b(?:pancreas|spleen|tumou?r|tail|bowel|gallbladder|lump|appendix|stomach|lung)\s+(?:\w+\s+){0,2}?(?:removed|taken out|cut out)\b"
    r"|\b(?:removed|took out|taken out|take out|takes out|take)\s+(?:\w+\s+){0,5}?(?:pancreas|spleen|tumou?r|tail|lump|lung|stomach|bowel|appendix|primary|net|pnet)\b"
    r"|\b(?:been|was|were|got it|had it|have it|getting it|having it|had (?:some|one|them|part of \w+|a couple|a few|two|three|several))\s+(?:surgically\s+)?(?:removed|cut out|taken out)\b"
    r"|\b(?:net|tumou?r|lump|mass|polyp|insulinoma|gastrinoma|carcinoid|pnet|growth)\b[^.?!]{0,60}?"
    r"(?<!not )(?<!never )(?<!be )(?<!being )(?<!to )(?:removed|resected|cut out|taken out|taken off)\b(?! (?:if|when|once|later|soon|next)\b)"
    # "they took out the lobe", "removed the biggest ones by gastroscopy", "a NET that they took out with the camera"
    r"|\b(?:(?:took|taken|removed)\s+(?:out\s+)?(?:the\s+)?(?:lobe|biggest ones|big ones)\b(?:\s+out)?"
    r"|(?:which|that)\s+(?:they|the\s+\w+)\s+(?:took|removed|cut)\s+out)"
    rf"{_HOW_OR_WHEN}"
    # a pathology report of the removed tumour: "margins clear", "SPECIMEN: distal pancreas and spleen"
    r"|\b(?:(?:resection\s+)?margins?\s+(?:were\s+|was\s+|are\s+|is\s+)?(?:clear|clean|negative|involved|positive)|clear\s+margins|r0\s+resection|specimen)\b"
    r"|\b(?:had|has had|(?<!happens )(?<!life )(?<!recovery )(?<!long )(?<!soon )(?<!trials )(?<!trial )(?<!studies )(?<!study )after|having had)\s+"
    r"(?:an?\s+|the\s+|his\s+|her\s+|my\s+)?(?:\w+\s+)?(?:op|operation|surgery|resection|distal|whipple|(?:\w*pancreat|hemicol|col|splen|gastr|lob|append|appendic|hepat)ectom(?:y|ies)|enucleation)\b"
    r"|\b(?:want|wants|going|plan\w*|due|about) to (?:cut|operate|op)\b"
    r"|\b(?:vill|wil|will|wollen|veut|vuole|quiere|propose\s+de|propone\s+di)\s+(?:l\W?\s*)?(?:\w+\s+)?(?:operera|opereren|operieren|operare|operar|operer)\b"
    r"|\b(?:opererades|opererad|opererats|operiert|opere|operado|operada)\b"
    r"|\b(?:was|were|been|got|get|is being|being)\s+operated\b|\b(?:they|surgeons?|doctors?|docs)\s+operated?\s+(?:on\s+)?(?:him|her|me|them|us)\b",
    re.I,
)
# Some taken out, told without naming what ("took a few out through the camera", "removed some by endoscopy"):
# an operation only where the sentence names a tumour ("they took some bloods with the scan" is not one).
_TAKEN_SOME = re.compile(
    r"\b(?:(?:took|taken)\s+(?:out\s+(?:the\s+)?(?:them|a few|some|several|a couple)|(?:them|a few|some|several|a couple)\s+out)"
    rf"|removed\s+(?:the\s+)?(?:them|a few|some|several|a couple))\b{_HOW_OR_WHEN}",
    re.I,
)
_TUMOUR_WORD = re.compile(
    r"\b(?:nets?|tumou?rs?|lumps?|masse?s?|polyps?|nodules?|lesions?|growths?|insulinomas?|gastrinomas?|carcinoids?|pnets?)\b",
    re.I,
)
_NOT_SO = re.compile(
    r"\b(?:never|not|n t|nt|no|aldrig|inte|nie|nicht|nooit|niet|jamais|nunca)\s+(?:\w+\s+){0,1}$", re.I
)  # "never been operated on"
# Operations that are not on the NET (README: parathyroids are not listed).
_OTHER_OPERATION = re.compile(
    r"\b(?:parathyroid\w*|thyroid\w*|tonsils?|wisdom teeth|cataracts?|hips?|knees?|hernia|kidney stones?|ha?emangioblastomas?|(?:heart )?valves?"
    r"|kidneys? (?:ops?|operations?|surger(?:y|ies)|removed|out))\b",
    re.I,
)

_PLANNED = re.compile(
    r"\b(?:due to|going to|will|plan\w*|want(?:s)? to|keen to|eager to|pushing (?:for|to)|booked|waiting (?:for|to)|might|may need|should|whether|can t agree"
    r"|vill|wil|wollen|veut|vuole|quiere|propose|propone)\b",
    re.I,
)
# "a study where they operate first": the operation is what the trial does.
_TRIAL_WHERE = re.compile(r"\b(?:trials?|study|studies)\b(?:\s+\w+){0,2}\s+(?:where|in which|that|which)\b", re.I)
# An operation as what a trial does, in the clause describing it: "a study where they remove the primary",
# "any trials where they operate on the liver?", "a trial that removes the tumour", "en studie om att operera bort det".
_TRIAL_OPERATES = re.compile(
    r"\b(?:trials?|study|studies|studie|studien|studier)\b(?:\s+\w+){0,2}?\s+(?:where|in which|that|which|om att|dar|som)\s+"
    r"(?:\w+\s+){0,3}?(?:operat(?:e|es|ing|ion)|operera\w*|remov(?:e|es|ing)|resect\w*|(?:take|takes|taking|cut|cuts|cutting)\s+(?:\w+\s+){0,2}?out)\b",
    re.I,
)


_REFUSED_AFTER = re.compile(
    r"\b(?:but|men|aber|maar|mais|ma|pero)\s+(?:\w+\s+){0,2}?(?:(?:doesn t|does not|won t|don t) want|refuses|is refusing"
    r"|(?:ne\s+)?(?:vill|will|wil|veut|vuole|quiere)\s+(?:\w+\s+)?(?:inte|nicht|niet|pas|non|no))\b",
    re.I,
)


def surgery_told(sentence: str) -> bool:
    """An operation on the NET told in a story ("had half his pancreas out", "he was operated in 2021")
    or as what a trial does ("a study where they take out the primary"), not one denied ("never been operated on") nor one on something else ("parathyroids were removed")."""
    sentence = strip_accents(sentence)  # "en studie där man opererar bort det"
    if _OTHER_OPERATION.search(sentence):
        return False
    if _TRIAL_OPERATES.search(sentence):
        return True
    return _first_told(sentence) is not None


def _first_told(sentence: str) -> Optional[re.Match[str]]:
    """The first operation the sentence tells, not denied: a story, or some taken out of a named tumour."""
    told = list(_SURGERY_STORY.finditer(sentence))
    if _TUMOUR_WORD.search(sentence):
        told.extend(_TAKEN_SOME.finditer(sentence))
    return min((m for m in told if not _NOT_SO.search(sentence[: m.start()])), key=lambda m: m.start(), default=None)


def surgery_role(sentence: str, plain: str) -> Role:
    """An operation told without its name is wanted when a trial does it ("a study where they operate
    first"), planned when still to come, else had."""
    sentence = strip_accents(sentence)
    if _REFUSED_AFTER.search(sentence):
        return "avoid"  # "Kirurgen vill operera men pappa vill inte"
    if TRIAL_WORDS.search(sentence):
        return "want" if _TRIAL_WHERE.search(sentence) or _TRIAL_OPERATES.search(sentence) else "mentioned"
    first = _first_told(sentence)
    if first and _PAST.search(first.group(0)) and not _PLANNED.search(sentence[: first.end()]):
        return (
            "had"  # "she had an insulinoma removed 2 yrs ago and now the surgeon wants to take the tail": one had first
        )
    return "planned" if _PLANNED.search(sentence) or FUTURE_TIME.search(plain) else "had"


_PAST = re.compile(r"\b(?:had|took|taken|was|were|been|got)\b", re.I)
