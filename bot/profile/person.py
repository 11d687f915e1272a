"""Who a message is about, and that person's age and sex.

A writer often gives their own age while asking for someone else ("I'm 63, my mum's NET has
spread"): first-person ages count only when the message is about the writer; ages tied to the
relative ("my husband is 71", "mum (79)", "my 74-year-old dad", "she's 68") count when it is
about them. When both the writer and a relative are named, the one the illness is told about
wins ("I'm 66 and my husband is 69. It's me who's got the tumour" is about the writer; "I had
a carcinoid years ago, now my daughter has one" is about the daughter). Text is already through
`wording.readable`.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Optional

from bot.profile.model import MAX_AGE

# relative word -> (about, sex or None)
RELATIVES: dict[str, tuple[str, Optional[str]]] = {
    **{w: ("parent", "female") for w in ("mum", "mother", "mam", "mama", "mamma", "stepmum", "step mum", "stepmother")},
    **{w: ("parent", "male") for w in ("dad", "father", "pappa", "stepdad", "step dad", "stepfather", "old man")},
    **{w: ("partner", "male") for w in ("husband", "boyfriend", "fiance", "fiancé")},
    **{w: ("partner", "female") for w in ("wife", "girlfriend", "fiancee", "fiancée", "old lady", "missus", "missis", "mrs")},
    **{w: ("partner", None) for w in ("partner", "other half", "spouse")},
    **{w: ("child", "male") for w in ("son", "boy", "stepson", "lad")},
    **{w: ("child", "female") for w in ("daughter", "girl", "stepdaughter")},
    **{w: ("child", None) for w in ("child", "kid", "teenager", "baby")},
    **{w: ("sibling", "male") for w in ("brother", "twin brother")},
    **{w: ("sibling", "female") for w in ("sister", "twin sister")},
    **{w: ("grandparent", "female") for w in ("grandmother",)},
    **{w: ("grandparent", "male") for w in ("grandfather",)},
    **{w: ("friend", None) for w in ("friend", "best friend", "mate", "neighbour", "neighbor", "colleague")},
    **{w: ("other", "female") for w in ("aunt", "auntie", "aunty", "niece", "granddaughter", "mother-in-law",
                                        "mother in law", "sister-in-law", "sister in law", "daughter-in-law")},
    **{w: ("other", "male") for w in ("uncle", "nephew", "grandson", "father-in-law", "father in law",
                                      "brother-in-law", "brother in law", "son-in-law")},
    **{w: ("other", None) for w in ("cousin", "relative", "patient", "client", "grandchild", "in-law", "in-laws")},
}
_RELATIVE_WORDS = "|".join(re.escape(w) for w in sorted(RELATIVES, key=len, reverse=True))
_MY = r"(?:my|our|min|mitt)"  # Swedish "min mamma"
_RELATIVE = re.compile(
    rf"\b{_MY}\s+(?:(?:\d{{1,3}}[\s-]*(?:years?|yrs?)?[\s-]*(?:old|yo)?|dear|lovely|poor|elderly|darling|little|older|younger"
    rf"|eldest|youngest|step|late)\s+)?({_RELATIVE_WORDS})(?:'s)?\b",
    re.I,
)
# A relative's relative is "other": "my girlfriend's dad", "my boyfriend's mum".
_CHAIN = re.compile(rf"\b{_MY}\s+(?:{_RELATIVE_WORDS})'s\s+({_RELATIVE_WORDS})\b", re.I)
# Without "my": "asking for a friend", "on behalf of a patient", "Dad is 66", "Father, 80, pNET", "pappa 71".
_BARE_RELATIVE = re.compile(
    rf"\b(?:for|about|asking\s+for|on\s+behalf\s+of)\s+(?:a|an|my)?\s*({_RELATIVE_WORDS})\b(?!\s+(?:and|or)\s+i\b)"
    rf"|(?:^|[.;!?(]\s*|,\s*)(mum|dad|husband|wife|pappa|mamma|mama)\b(?!\s+(?:and|or)\s+i\b)"
    rf"|(?:^|[.;!?]\s*)({_RELATIVE_WORDS})(?=\s*(?:[,(]|is\b|was\b|has\b|had\b|'s\b|aged?\b|\d))",
    re.I,
)
_ILLNESS = (r"(?:net|nets|pnet|nec|tumou?rs?|cancer|carcinoid|carcinoma|insulinoma\w*|gastrinoma|vipoma|neuroendocrine"
            r"|metastases|mets|diagnosed|grade|g[123]|ki-?67|pancreas|pancreatic|liver|lungs?|bowel|appendix|stomach"
            r"|whipple|lanreotide|octreotide|prrt|chemo\w*|men1)")
_CLAUSE_REST = r"(?:[^.;!?\n]|\.(?=\d)){0,60}?"  # "1.4cm" does not end a sentence
_TOO = re.compile(r"\b(?:too|also|as\s+well|runs\s+in)\b", re.I)
# The writer telling about their own illness.
_SELF_STRONG = re.compile(
    rf"\b(?:i\s+(?:have|had|was\s+diagnosed|got\s+diagnosed|was\s+told)|i've\s+(?:got|had|been)|i'm\s+(?:on|the\s+(?:patient|one))"
    rf"|i\s+am\s+(?:on|the\s+patient)|it's\s+me\s+(?:who|that)|it\s+is\s+me)\b{_CLAUSE_REST}\b{_ILLNESS}\b"
    rf"|\bmy\s+(?:pnet|net|nets|tumou?r|cancer|diagnosis|ki-?\s?67|grade|liver|pancreas|bowel|small\s+bowel|appendix|stomach"
    rf"|lungs?|spleen|tummy|mets)\b"
    rf"|\bit's\s+me\s+who|\bme\s*,\s*\d{{1,3}}\b|\b(?:i'm|i\s+am)\s+(?:a\s+)?\d{{1,3}}[\s-]*(?:y/?o|years?[\s-]*old)?\s*"
    rf"(?:\(?[fm]\)?|,?\s*(?:fe)?male|man|woman|lady|bloke|guy|fella)?\s*,?\s*(?:with|and\s+(?:have|had|got))\b",
    re.I,
)
# Weaker signs it is the writer: enough when no one else is named.
_SELF_WEAK = re.compile(
    r"\b(?:i\s+(?:have|had|was|am|got|get|started|finished|recently|just|also|live)|i've"
    r"|i'm(?!\s+(?:writing|asking|looking|trying|wondering|just\s+wondering|a\s+(?:nurse|doctor|researcher|student)))"
    r"|i\s+(?:too|myself)|me\s+(?:too|myself)"
    r"|my\s+(?:oncologist|consultant|team|doctor|surgeon|nurse|specialist|results?|scan|scans|letter|pcp|gp|endo|bloods?"
    r"|levels?|injections?|jabs?|symptoms|body|treatment|meds)|am\s+[fm]\b|jag\s+(?:är|har)"
    r"|(?:take|accept|include|want)\s+me\b|killing\s+me|(?:should|can|could|would)\s+i\s+(?:still\s+)?(?:be\s+worried|worry|drink|eat|work|join|qualify|apply|be\s+(?:eligible|included))"
    r"|am\s+i\s+(?:eligible|too)|(?:man|woman|lady|lad|lass|bloke|guy|fella|gp|nurse|doctor|patient)\s+here)\b"
    r"|(?:^|[.!?]\s*)(?:diagnosed|dx'?d)\s+(?:with|in|last|at)\b",
    re.I,
)
_PET = re.compile(r"\bmy\s+(?:dog|cat|pet|horse|puppy|kitten)\b", re.I)

_AGE_AFTER = r"(?!\d)(?!\s*(?:%|percent|weeks?|months?|days?|cm|mm|kg|lbs?|times|cycles?|mg|hours?|miles?|km|mi\b|years?\s+(?:ago|since|after|later|out|on|from|of\s+(?:treatment|surgery)|clear)))"
_FIRST_PERSON_AGE = re.compile(
    rf"\b(?:i'm|i\s+am|i\s+turned|i'll\s+be|am|jag\s+är)\s+(?:now\s+|actually\s+|only\s+|just\s+|nearly\s+|almost\s+|a\s+)?(?:[fm]\s*,?\s*)?(\d{{1,3}}){_AGE_AFTER}"
    rf"|\bmy\s+age\s+(?:is\s+)?(\d{{1,3}})\b"
    rf"|\b(?:i'm|i\s+am|am)\s+(?:a\s+)?(\d{{1,3}})\s*(?:y/?o|years?\s+old|yrs?\s+old|-year-old)",
    re.I,
)
_FILLER = r"(?:now\s+|only\s+|just\s+|nearly\s+|almost\s+|actually\s+|really\s+)?"
_OTHER_AGE = re.compile(  # "he's 71", "my husband is 71", "Dad 74", "my partner Sal is 52", "mum (79)", "mamma är 69"
    rf"\b(?:he|she|they)(?:'s|\s+is|\s+are|'re|\s+turned|\s+was|\s+will\s+be|'ll\s+be)\s+{_FILLER}(\d{{1,3}}){_AGE_AFTER}"
    rf"|\b(?:he|she)(?:'s|\s+is)\s+(?:an?\s+)?(?:\w+\s+)?(?:lass|lad|woman|man|gentleman|lady|bloke|guy)\s+of\s+(\d{{1,3}})"
    rf"|(?:\b{_MY}\s+(?:[\w']+\s+){{0,2}}?|(?:^|[.;!?,]\s*))(?:{_RELATIVE_WORDS})(?:\s+[A-Z][a-z]+)?(?:'s|\s+is|\s+who\s+is|,|\s+was|\s+aged|\s+turned|\s*\(|\s+age|\s+är)?"
    rf"\s*(?:aged\s+|age\s+|{_FILLER})(\d{{1,3}}){_AGE_AFTER}"
    rf"|\b(?:{_RELATIVE_WORDS})\s*\(\s*(?:(?:she|he)'s\s+)?(\d{{1,3}})\s*(?:\)|,|[fm]\b|y)",
    re.I,
)
_ANY_AGE = re.compile(
    r"(?<![\w.])(\d{1,3})\s*-?\s*(?:(?:years?|yrs?)[\s-]*old|år)\b|(?<![\w.])(\d{1,3})\s*(?:y/?o|yr\s+old)\b"
    r"|\baged?\s+(\d{1,3})\b|(?<![\w.])(\d{1,3})\s*\(?([fm])\b\)?(?![\w'])|(?<!['\w])([fm])\s*,?\s*(\d{1,3})\b(?![\w.%])",
    re.I,
)
# A number standing alone as a clause: "Father, 80, pNET", "me, 73, male", "sorry 16 now", "72. grade 2".
_BARE_AGE = re.compile(
    r"(?:^|[,.;:!?(]\s*|\bsorry,?\s+)(?:now\s+|aged?\s+)?(\d{2,3})(?:\s+now|\s+(?:was|is)\s+(?:right|correct))?\s*(?=$|[,.;:!?)]|\s+(?:male|female)\b)",
    re.I,
)
_A_YEAR_SHORT = re.compile(r"^\s*(?:next\s+(?:month|week)|in\s+a\s+(?:few\s+)?(?:weeks?|days?)|soon|on\s+\w+day)\b", re.I)
_SELF_WORD = r"(?:man|male|bloke|guy|fella|fellow|chap|gentleman|lad|dude|geezer|m)"
_SELF_WORD_F = r"(?:woman|female|lady|lass|gal|girl|f)"
_AGE_BIT = r"(?:\d{1,3}\s*,?\s*(?:and\s+)?)?(?:a\s+)?(?:\d{1,3}[\s-]*(?:y/?o|years?[\s-]*old)?\s+)?\(?"
_MALE_SELF = re.compile(rf"\b(?:i'm|i\s+am|am)\s+{_AGE_BIT}{_SELF_WORD}\b|\bas\s+a\s+(?:man|bloke|guy)\b|\b{_SELF_WORD}\s+here\b", re.I)
_FEMALE_SELF = re.compile(rf"\b(?:i'm|i\s+am|am)\s+{_AGE_BIT}{_SELF_WORD_F}\b|\bas\s+a\s+(?:woman|lady)\b|\b{_SELF_WORD_F}\s+here\b|(?:\bi'm\s+|,\s*)pregnant\b", re.I)
_SEX_LETTER = re.compile(r"(?<![\w.])\d{1,3}\s*\(?([fm])\b(?![\w'])|(?<!['\w])\(?([fm])\s*,?\s*\d{1,3}\b", re.I)
_SEX_WORD = re.compile(  # "38 year old male", "53 yo woman", "(31, male)", "He is 62, male obviously"
    r"\b\d{1,3}[\s-]*(?:y/?o|years?[\s-]*old)?\s*,?\s*(male|female|man|woman|lady|bloke|guy|fella|lad|lass|gentleman)\b", re.I
)
_HE = re.compile(r"\b(?:he|him|his|he's)\b", re.I)
_SHE = re.compile(r"\b(?:she|her|hers|she's)\b", re.I)


@dataclass(frozen=True)
class Person:
    about: Optional[str] = None
    age: Optional[int] = None
    sex: Optional[str] = None


def read_person(text: str) -> Person:
    if _PET.search(text) and not _RELATIVE.search(text):
        return Person()
    about, relative_sex = _about(text)
    if about == "self":
        age = _last_age(_FIRST_PERSON_AGE, text) or _unattributed_age(text)
        sex = _self_sex(text) or _word_sex(text) or _letter_sex(text)
    else:
        others = _without(_FIRST_PERSON_AGE, text)
        age = _last_age(_OTHER_AGE, others) or _unattributed_age(others)
        sex = relative_sex or _word_sex(others) or _letter_sex(others) or _pronoun_sex(text)
    return Person(about, age, sex)


def _about(text: str) -> tuple[Optional[str], Optional[str]]:
    """(about, sex the relative word says) for the person the message is about."""
    mentions = _relative_mentions(text)
    ill = [m for m in mentions if _told_ill(text, m[0])]
    if ill:
        return ill[0][1]
    if _SELF_STRONG.search(text):
        return "self", None
    if mentions:
        return mentions[0][1]
    if _OTHER_AGE.search(text):
        return None, None  # "he's actually 67, I'm 62": someone named in an earlier message
    if _SELF_WEAK.search(text):
        return "self", None
    return None, None


def _relative_mentions(text: str) -> list[tuple[int, tuple[str, Optional[str]]]]:
    """Where each relative is named, in order, with (about, sex)."""
    found: dict[int, tuple[str, Optional[str]]] = {}
    for match in _CHAIN.finditer(text):
        found[match.start()] = ("other", RELATIVES[match.group(1).lower()][1])
    chained = [range(m.start(), m.end()) for m in _CHAIN.finditer(text)]
    for pattern in (_RELATIVE, _BARE_RELATIVE):
        for match in pattern.finditer(text):
            if any(match.start() in span for span in chained):
                continue
            word = next(g for g in match.groups() if g).lower()
            start = match.start(match.lastindex or 1)
            found.setdefault(start, RELATIVES.get(word, ("other", None)))
    return sorted(found.items())


def _told_ill(text: str, start: int) -> bool:
    """The illness is told in the same sentence as the relative: "my daughter (35) has one in her lung"."""
    sentence = re.split(r"\.(?!\d)|[;!?\n]|\b(?:i|i'm|i've|we|we're)\b", text[start : start + 200], maxsplit=1, flags=re.I)[0]
    words = sentence.split()[:10]
    nearby = " ".join(words)
    return bool(re.search(rf"\b{_ILLNESS}\b|\bhas\s+(?:one|it)\b", nearby, re.I)) and not _TOO.search(nearby)


def _without(pattern: re.Pattern, text: str) -> str:
    """The text with what the pattern matches blanked out (the writer's own age, say)."""
    return pattern.sub(lambda m: " " * len(m.group(0)), text)


def _valid(number: str) -> Optional[int]:
    value = int(number)
    return value if 0 < value <= MAX_AGE else None


def _last_age(pattern: re.Pattern, text: str) -> Optional[int]:
    """The last age stated this way: in "I'm 40... no, I'm 70" the later one. "90 next month" is 89."""
    ages = []
    for match in pattern.finditer(text):
        number = next((g for g in match.groups() if g and g.isdigit()), None)
        age = _valid(number) if number else None
        if age is not None:
            ages.append(age - 1 if age > 1 and _A_YEAR_SHORT.match(text[match.end():]) else age)
    return ages[-1] if ages else None


def _unattributed_age(text: str) -> Optional[int]:
    """ "67 years old", "aged 70", "50yo", "45f", or a number standing alone: an age with no subject."""
    only_a_number = text.strip(" .!?").isdigit()  # "67" alone says nothing about what it counts
    return _last_age(_ANY_AGE, text) or (None if only_a_number else _last_age(_BARE_AGE, text))


def _self_sex(text: str) -> Optional[str]:
    male, female = _MALE_SELF.search(text), _FEMALE_SELF.search(text)
    if bool(male) == bool(female):
        return None
    return "male" if male else "female"


def _word_sex(text: str) -> Optional[str]:
    found = _SEX_WORD.search(text)
    if not found:
        return None
    return "female" if found.group(1).lower() in ("female", "woman", "lady", "lass") else "male"


def _letter_sex(text: str) -> Optional[str]:
    found = _SEX_LETTER.search(text)
    if not found:
        return None
    return "female" if (found.group(1) or found.group(2)).lower() == "f" else "male"


def _pronoun_sex(text: str) -> Optional[str]:
    he, she = len(_HE.findall(text)), len(_SHE.findall(text))
    if he and not she:
        return "male"
    if she and not he:
        return "female"
    return None
