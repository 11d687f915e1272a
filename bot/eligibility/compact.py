"""A rewritten criterion in list-item form, for when the full sentence is longer than the
registry's item.

Registry items are list items ("Creatinine < 1.5 mg/dL", "Known allergy to X"), and a list
item reads as well without "You are" or "Your ... is" in front of it: "Creatinine under
1.5 mg/dL." says what "Your creatinine is less than 1.5 mg/dL." says, in the registry's
length. Only the lead and a limit before a number change; every other word stays, and the
guards check the result like any rewrite.
"""

from __future__ import annotations

import re

# "Your creatinine is", "your AST and ALT are": a short name, then the verb; at the start, or
# as the next part of a list ("..., your bilirubin is")
_YOUR_NAME_IS = re.compile(r"(^|,\s|\band\s)[Yy]our\s+((?:[\w/-]+\s+){0,3}?[\w/-]+)\s+(?:is|are)\s+(?=\S)")
_YOU_LEAD = re.compile(r"^You\s+(?:are|have)\s+(?!(?:to|been)\b)(?=\S)")  # "You are able", "You have a known"
_YOU_AGAIN = re.compile(r"\s(?:or|and)\s+you\s+(?:are|have)\b")  # "You have X or you have Y": both leads stay
# "more than 3" is "over 3": one word, as the registry's one symbol; "no more than" is a limit of its own
_KEEPS_CASE = re.compile(r"[a-z][a-z0-9]*[A-Z]")  # "eGFR", "mTOR": a capital would make another word
# "or over 20" would read as "20 or over" (at least): after "or" / "and" the two words stay
_OVER_UNDER = re.compile(r"(?<!\bno )(?<!\bnot )(?<!\bor )(?<!\band )\b(more|less) than (?=[0-9])", re.I)


# a word said twice around "or": "CT scan or MRI scan", "hepatitis B or hepatitis C", "grade 3 or grade 4"
_SCAN_TWICE = re.compile(r"\b([A-Z][A-Z0-9-]{1,6}) (scans?|tests?) or ([A-Z][A-Z0-9-]{1,6}) \2\b")
_NAME_TWICE = re.compile(
    r"\b(hepatitis|type|grade|stage|class|cycle|day|phase) ([A-Z0-9]{1,3}) or \1 ([A-Z0-9]{1,3})\b", re.I
)


def shared_words(sentence: str) -> str:
    """A word said twice around "or" said once: "CT or MRI scan", "hepatitis B or C"."""
    sentence = _SCAN_TWICE.sub(lambda m: f"{m.group(1)} or {m.group(3)} {m.group(2)}", sentence)
    return _NAME_TWICE.sub(lambda m: f"{m.group(1)} {m.group(2)} or {m.group(3)}", sentence)


def compact(sentence: str) -> str:
    """`sentence` without its "You are" / "You have" / "Your X is" lead, limits before a
    number in one word ("over 3", "under 50"), a word said twice around "or" once."""
    short = (
        _YOUR_NAME_IS.sub(lambda m: m.group(1) + m.group(2) + " ", sentence)
        if sentence.startswith("Your ")
        else sentence
    )
    if short == sentence and not _YOU_AGAIN.search(sentence):
        short = _YOU_LEAD.sub("", sentence, count=1)
    short = shared_words(over_under(short))
    return short if _KEEPS_CASE.match(short) else short[:1].upper() + short[1:]


def over_under(text: str) -> str:
    """ "more than 3" as "over 3", "less than 50" as "under 50": one word, as the registry's one
    symbol. (The fact readers of `bot.eligibility.facts` read "more than" from `phrasing.SYMBOLS`,
    so this is done on the rewrite only.)"""
    return _OVER_UNDER.sub(
        lambda m: (
            ("Over " if m.group(1)[0] == "M" else "Under ")
            if m.group(1)[0].isupper()
            else ("over " if m.group(1) == "more" else "under ")
        ),
        text,
    )


def word_count(text: str) -> int:
    return len(text.split())
