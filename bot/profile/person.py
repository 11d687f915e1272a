"""Who a message is about, and that person's age and sex.

A writer often gives their own age while asking for someone else ("I'm 63, my mum's NET has
spread"): first-person ages count only when the message is about the writer; ages tied to the
relative ("my husband is 71", "mum (79)", "my 74-year-old dad", "she's 68") count when it is
about them. Text is already through `wording.readable`.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Optional

from bot.profile.model import MAX_AGE

# relative word -> (about, sex or None)
RELATIVES: dict[str, tuple[str, Optional[str]]] = {
    **{w: ("parent", "female") for w in ("mum", "mother", "mam", "ma", "mother-in-law", "mother in law", "stepmum", "step mum")},
    **{w: ("parent", "male") for w in ("dad", "father", "father-in-law", "father in law", "stepdad", "step dad", "old man")},
    **{w: ("partner", "male") for w in ("husband", "boyfriend", "fiance", "other half's dad")},
    **{w: ("partner", "female") for w in ("wife", "girlfriend", "fiancee", "old lady", "missus", "missis", "mrs")},
    **{w: ("partner", None) for w in ("partner", "other half", "spouse")},
    **{w: ("child", "male") for w in ("son", "boy", "stepson", "lad")},
    **{w: ("child", "female") for w in ("daughter", "girl", "stepdaughter")},
    **{w: ("child", None) for w in ("child", "kid", "teenager", "baby")},
    **{w: ("sibling", "male") for w in ("brother", "twin brother")},
    **{w: ("sibling", "female") for w in ("sister", "twin sister")},
    **{w: ("grandparent", "female") for w in ("grandmother",)},
    **{w: ("grandparent", "male") for w in ("grandfather",)},
    **{w: ("friend", None) for w in ("friend", "best friend", "mate", "neighbour", "neighbor", "colleague")},
    **{w: ("other", "female") for w in ("aunt", "auntie", "aunty", "niece", "cousin's wife")},
    **{w: ("other", "male") for w in ("uncle", "nephew", "brother-in-law", "brother in law")},
    **{w: ("other", None) for w in ("cousin", "relative", "patient", "client")},
}
_RELATIVE_WORDS = "|".join(re.escape(w) for w in sorted(RELATIVES, key=len, reverse=True))
_RELATIVE = re.compile(rf"\b(?:my|our)\s+(?:(?:\d{{1,3}}[\s-]*(?:years?|yrs?)?[\s-]*(?:old|yo)?|dear|lovely|poor|elderly|darling|little|older|younger|eldest|youngest|step)\s+)?({_RELATIVE_WORDS})(?:'s)?\b", re.I)
# "asking for mum", "mum has", "for my dad": a relative word at the start of a clause, without "my"
_BARE_RELATIVE = re.compile(r"(?:^|[.,;!?(]\s*|\b(?:for|about|asking\s+for|on\s+behalf\s+of)\s+)(mum|mom|dad|hubby|husband|wife)\b(?!\s+(?:and|or)\s+i\b)", re.I)
_SELF = re.compile(
    r"\b(?:i\s+(?:have|had|was|am|got|get|started|finished|recently|just|also)|i've|i'm|i\s+(?:too|myself)|me\s+(?:too|myself)"
    r"|my\s+(?:pnet|net|nets|tumou?r|cancer|diagnosis|scan|scans|oncologist|consultant|team|doctor|ki-?\s?67|grade|liver|pancreas|surgeon|nurse|specialist|results?))\b",
    re.I,
)
# Mentions of a care team that are not the person the chat is about.
_NOT_A_PATIENT = re.compile(r"\b(?:my|our|his|her)\s+(?:doctor|gp|oncologist|consultant|nurse|surgeon|team|specialist)\b", re.I)

_AGE_AFTER = r"(?!\s*(?:%|percent|weeks?|months?|days?|cm|mm|kg|lbs?|times|cycles?|mg|hours?|miles?|km|mi\b|years?\s+(?:ago|since|after|later|out|on|from|of\s+(?:treatment|surgery)|clear)))"
_FIRST_PERSON_AGE = re.compile(
    rf"\b(?:i'm|i\s+am|i\s+turned|i'll\s+be|am)\s+(?:now\s+|actually\s+|only\s+|just\s+|nearly\s+|almost\s+|a\s+)?(?:[fm]\s*,?\s*)?(\d{{1,3}}){_AGE_AFTER}(?!\s*(?:and|,)?\s*(?:my|mum|dad))"
    rf"|\bmy\s+age\s+(?:is\s+)?(\d{{1,3}})\b"
    rf"|\b(?:i'm|i\s+am|am)\s+(?:a\s+)?(\d{{1,3}})\s*(?:y/?o|years?\s+old|yrs?\s+old|-year-old)",
    re.I,
)
_OTHER_AGE = re.compile(  # "he's 71", "my husband is 71", "Dad 74", "my partner Sal is 52", "mum (79)"
    rf"\b(?:he|she|they)(?:'s|\s+is|\s+are|'re|\s+turned|\s+was)\s+(?:now\s+|only\s+|just\s+|nearly\s+|almost\s+)?(\d{{1,3}}){_AGE_AFTER}"
    rf"|\b(?:he|she)(?:'s|\s+is)\s+(?:an?\s+)?(?:\w+\s+)?(?:lass|lad|woman|man|gentleman|lady|bloke|guy)\s+of\s+(\d{{1,3}})"
    rf"|(?:\b(?:my|our)\s+(?:\w+\s+){{0,2}}?|(?:^|[.;!?]\s*))(?:{_RELATIVE_WORDS})(?:\s+[A-Z][a-z]+)?(?:'s|\s+is|\s+who\s+is|,|\s+was|\s+aged|\s+turned|\s*\(|\s+age)?\s*(?:aged\s+|age\s+|now\s+|only\s+)?(\d{{1,3}}){_AGE_AFTER}"
    rf"|\b(?:{_RELATIVE_WORDS})\s*\(\s*(\d{{1,3}})\s*\)",
    re.I,
)
_ANY_AGE = re.compile(
    r"(?<![\w.])(\d{1,3})\s*-?\s*(?:years?|yrs?)[\s-]*old\b|(?<![\w.])(\d{1,3})\s*(?:y/?o|yr\s+old)\b"
    r"|\baged?\s+(\d{1,3})\b|(?<![\w.])(\d{1,3})\s*([fm])\b(?![\w'])|(?<!['\w])([fm])\s*,?\s*(\d{1,3})\b(?![\w.%])",
    re.I,
)
_MALE_SELF = re.compile(r"\b(?:i'm|i\s+am|am)\s+(?:\d{1,3}\s*,?\s*(?:and\s+)?)?(?:a\s+)?(?:\d{1,3}\s*(?:y/?o|years?\s+old)?\s+)?(?:man|male|bloke|guy|fella|fellow|chap|gentleman|lad|dude|geezer|m)\b|\bas\s+a\s+(?:man|bloke|guy)\b", re.I)
_FEMALE_SELF = re.compile(r"\b(?:i'm|i\s+am|am)\s+(?:\d{1,3}\s*,?\s*(?:and\s+)?)?(?:a\s+)?(?:\d{1,3}\s*(?:y/?o|years?\s+old)?\s+)?(?:woman|female|lady|lass|gal|girl|f)\b|\bas\s+a\s+(?:woman|lady)\b", re.I)
_SEX_LETTER = re.compile(r"(?<![\w.])\d{1,3}\s*([fm])\b(?![\w'])|(?<!['\w])([fm])\s*,?\s*\d{1,3}\b", re.I)
_HE = re.compile(r"\b(?:he|him|his|he's)\b", re.I)
_SHE = re.compile(r"\b(?:she|her|hers|she's)\b", re.I)


@dataclass(frozen=True)
class Person:
    about: Optional[str] = None
    age: Optional[int] = None
    sex: Optional[str] = None


def read_person(text: str) -> Person:
    relative = _relative(text)
    about = relative[0] if relative else ("self" if _SELF.search(text) else None)
    if relative:
        age = _last_age(_OTHER_AGE, text) or _unattributed_age(text)
        sex = relative[1] or _pronoun_sex(text)
    else:
        age = _last_age(_FIRST_PERSON_AGE, text) or _last_age(_OTHER_AGE, text) or _unattributed_age(text)
        sex = _self_sex(text) or _letter_sex(text) or (None if about == "self" else _pronoun_sex(text))
    return Person(about, age, sex)


def _relative(text: str) -> Optional[tuple[str, Optional[str]]]:
    found = _RELATIVE.search(text) or _BARE_RELATIVE.search(text)
    if not found:
        return None
    return RELATIVES.get(found.group(1).lower().replace("mom", "mum"))


def _valid(number: str) -> Optional[int]:
    value = int(number)
    return value if 0 < value <= MAX_AGE else None


def _last_age(pattern: re.Pattern, text: str) -> Optional[int]:
    """The last age stated this way: in "I'm 40... no, I'm 70" the later one."""
    ages = [_valid(next(g for g in m.groups() if g and g.isdigit())) for m in pattern.finditer(text) if any(g and g.isdigit() for g in m.groups())]
    valid = [a for a in ages if a is not None]
    return valid[-1] if valid else None


def _unattributed_age(text: str) -> Optional[int]:
    """ "67 years old", "aged 70", "50yo", "45f": an age with no subject."""
    return _last_age(_ANY_AGE, text)


def _self_sex(text: str) -> Optional[str]:
    male, female = _MALE_SELF.search(text), _FEMALE_SELF.search(text)
    if bool(male) == bool(female):
        return None
    return "male" if male else "female"


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
