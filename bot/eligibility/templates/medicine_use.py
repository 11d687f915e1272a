"""Medicines used, recently or now: "Use of systemic antibiotics within 7 days before enrollment",
"Treatment with warfarin within 4 weeks", "Current use of insulin", "Concomitant use of strong CYP3A4 inhibitors"."""

from __future__ import annotations

import re

from bot.eligibility.templates import Template, Words
from bot.eligibility.templates.about_you import follows_you
from bot.eligibility.templates.parts import NUMBER, TIME_UNIT, WHO, article, compile_full, registry_slot, with_notes

# what was used, with no exception, condition or aside the sentence would lose or misplace
_NOT_IN_WHAT = (
    r"\b(?:except|exception|excepting|unless|other\s+than|excluding|apart|if|who|which|that|without|allowed|permitted"
    r"|eligible|acceptable|including|e\.?g|i\.?e|such|per|more|less|than|over|longer|after|following"
    r"|may|must|will|should|can|could|would|is|are|was|were|be|been|not|no"
    r"|evidence|history|presence|diagnosis|need|likely|current|part|participat\w*|enrol\w*"
    r"|taken|used|had|received|undergone|donated|gave|given)\b"
)
# what was used, with no exception, condition or aside the sentence would lose or misplace
_WHAT = rf"(?P<what>(?:any\s+)?(?!{_NOT_IN_WHAT})[A-Za-z0-9](?:(?!{_NOT_IN_WHAT})[^;:()\[\],<>≤≥=]){{2,70}}?)"
_LEAD = rf"(?:{WHO}?(?:who\s+(?:has|have)\s+)?(?:(?:has|have)\s+)?)?"
# "within 7 days before enrollment", "within the 7 days before enrollment", "in the last 6 months"
_WITHIN = (
    rf"(?P<within>within(?:\s+the)?|in\s+the\s+(?:last|past|previous))\s+(?P<n>{NUMBER})\s*(?P<unit>{TIME_UNIT})"
    r"(?P<before>\s+(?:before|prior\s+to|of|from|preceding)\s+(?![^;,()]*\b(?:and|or|unless|except|if)\b)[a-z][^;,()]{2,60})?"
)
# "now" or "at the same time as the study treatment" must not be joined to a time the registry gives
_NO_TIME = r"(?!.*\b(?:within|during|since|until|before|prior|days?|weeks?|months?|years?)\b)"
_USED = r"(?P<how>(?:use|usage|intake)\s+of|treatment\s+with|(?:(?:has|have)\s+)?(?:taken|used))"
_VERBS = {"treatment": "had treatment with", "taken": "took"}  # else "used"


def _recent(found: re.Match, words: Words) -> str:
    within = " ".join(found.group("within").lower().split())
    before, before_notes = registry_slot(found.group("before") or "")
    how = found.group("how").lower().split()
    verb = _VERBS.get(how[0], _VERBS.get(how[-1], "used"))
    what, notes = _what(found)
    when = f"{within} {found.group('n')} {found.group('unit')}{' ' + before if before else ''}"
    return with_notes(f"You {verb} {what} {when}", f"{notes} {before_notes}".strip())


def _now(found: re.Match, words: Words) -> str:
    what, notes = _what(found)
    if found.group("now").lower() == "current":
        return with_notes(f"You are now using {what}", notes)
    return with_notes(f"Alongside the study treatment, you use {what}", notes)


def _what(found: re.Match) -> tuple[str, str]:
    """What was used, mid-sentence and in the registry's words ("an investigational agent" for a bare
    "investigational agent"), and the explanations of its terms."""
    what, notes = registry_slot(found.group("what"))
    what = _lower_first(what)
    if _COUNTABLE.search(what) and not _DETERMINER.match(what):
        what = f"{article(what)} {what}"
    return what, notes


# one of a kind counted ("an agent"), said with no word before it that counts it
_COUNTABLE = re.compile(
    r"^[^/]*\b(?:agent|analog|analogue|inhibitor|inducer|antibiotic|drug|product|antagonist|agonist|blocker|catheter"
    r"|device|vaccine|antibody|pump)$",
    re.I,
)
_DETERMINER = re.compile(r"^(?:a|an|the|any|another|other|one|each|some|no|this|that|their|his|her|its)\b", re.I)


def _lower_first(text: str) -> str:
    """ "Systemic antibiotics" mid-sentence is "systemic antibiotics"; "CYP3A4" and "Warfarin®" keep theirs."""
    first, *others = text.split(" ", 2)
    title = bool(others) and others[0][:1].isupper() and others[0][1:].islower()  # "Multiple Daily Injections"
    keep = title or first[1:2].isupper() or any(ch.isdigit() for ch in first)
    return text if keep else text[:1].lower() + text[1:]


def _used(found: re.Match, words: Words) -> str:
    """ "Use of X" with no time: "You use X", the registry's X (its list and examples) as it stands."""
    rest = found.group("what")
    if not follows_you(rest) or _NOT_NOW.search(rest):
        return ""
    what, notes = registry_slot(rest)
    what = _lower_first(what)
    head = re.split(r"\s*[(,]|\s+(?:or|and|other\s+than|such\s+as)\s+", what, maxsplit=1)[0]
    if _COUNTABLE.search(head) and not _DETERMINER.match(head):
        what = f"{article(what)} {what}"  # "an anticoagulant agent (Warfarin, ...)"
    return with_notes(f"You use {what}", notes)


# a time, a past or a plan the present "You use" would misplace; a person or an action rather than a thing used; a
# dose or amount ("> 10 mg prednisone equivalent"), which the sentence would state as a fact about you
_NOT_NOW = re.compile(
    r"\b(?:within|during|prior|previous|previously|past|before|after|since|until|history|ever|recent|recently|last"
    r"|planned|anticipated|expected|required|need|days?|weeks?|months?|years?|hours?|not|no|without|use|using|users?"
    r"|mg|mcg|µg|μg|dose|doses|dosage|dosing|more|less|greater|higher|lower|least|most|exceed\w*|above"
    r"|below|up\s+to)\b|[<>≤≥=]|[0-9]\s*(?:mg|mcg|µg|μg|g|iu|units?)\b"
    r"|(?<![A-Za-z0-9\-])[0-9]+(?:[.,][0-9]+)?(?![A-Za-z0-9\-])",  # a number of its own, not "CYP3A4" or "GLP-1"
    re.I,
)

TEMPLATES = [
    Template(
        "recent medicine use",
        compile_full(rf"{_LEAD}(?:(?:any\s+)?(?:prior|previous|recent)\s+)?(?:{_USED})\s+{_WHAT}\s+{_WITHIN}"),
        _recent,
    ),
    Template(
        "medicines used now",
        compile_full(
            rf"{_LEAD}(?P<now>current|concurrent|concomitant)\s+(?:use|usage|intake)\s+of\s+{_NO_TIME}{_WHAT}"
        ),
        _now,
    ),
    Template(
        "medicines used now",
        compile_full(
            r"(?:use|usage)\s+of\s+(?:any\s+)?(?!(?:or|and|the\s+following)\b)(?P<what>[A-Za-z0-9][^;:\[\]]{2,200})"
        ),
        _used,
        lead_in=False,
    ),
]
