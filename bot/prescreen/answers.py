"""A person's free-text answers to the pre-screen questions, as normalised slot values.

Each `ps_` slot holds a string (see SLOT_FORMATS). `parse_answer(slot, text)` turns what was
typed into that string, or None when it cannot be understood; it also accepts its own output,
so a stored value parses to itself. Skip words ("I don't know", "skip", "rather not say")
give UNKNOWN for every slot. `corrections(text)` finds answers stated outright at any time
("actually I'm 67", "sorry, I'm a woman", "I meant grade 3"). Only clear meanings are mapped:
"low grade" is kept as "G1 or G2", and a symptom alone does not say a NET makes hormones.
Typed `Answers` come from normalised values (`Answers.from_values`, nothing parsed again) or,
for text that may not be normalised, through `parse_answer` first (`Answers.from_slots`).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Any, Callable, Mapping, Optional

from bot.eligibility.facts import TREATMENTS
from bot.lexicon import Lexicon, default_lexicon
from bot.text import normalize
from bot.tumour_terms import FUNCTIONING, NON_FUNCTIONING, PERSON_SITES, grade_code, grade_number

SLOTS = ("ps_age", "ps_sex", "ps_site", "ps_grade", "ps_spread", "ps_functioning", "ps_treatments", "ps_place")
UNKNOWN = "unknown"
NONE = "none"
ANYWHERE = "anywhere"
SLOT_FORMATS = {
    "ps_age": 'whole years as digits, "0" to "120"',
    "ps_sex": '"female" or "male"',
    "ps_site": "one of PERSON_SITES",
    "ps_grade": '"G1", "G2", "G3" or two joined by " or ", then maybe ", Ki-67 5%"',
    "ps_spread": '"yes" or "no"',
    "ps_functioning": '"functioning" or "non-functioning"',
    "ps_treatments": '"none", or names from facts.TREATMENTS joined by ", " ("PRRT, surgery")',
    "ps_place": 'an ISO country code ("GB") or "anywhere"',
}  # every slot may also be "unknown"
MAX_ANSWER_CHARS = 500  # longer text is not an answer to a short question

_SKIP = re.compile(
    r"\b(?:i\s+)?(?:do\s*n[o']?t|dont|don't|doesn'?t|do\s+not)\s+know\b|\bnot\s+(?:sure|certain|known)\b|\bunsure\b"
    r"|\bno\s+(?:idea|clue)\b|\bdunno\b|\bskip\b|\bpass\b|\b(?:rather|prefer)\s+not\s+(?:to\s+)?(?:say|answer|tell)\b"
    r"|\bunknown\b|\bcan'?t\s+remember\b|\bcannot\s+remember\b|\bno\s+one\s+knows\b|\bnobody\s+knows\b|^\W*(?:idk|n/?a)\W*$",
    re.I,
)


def is_skip(text: str) -> bool:
    return bool(_SKIP.search(text))


# -- age -----------------------------------------------------------------------------------------
_UNITS = {
    w: i
    for i, w in enumerate(
        "zero one two three four five six seven eight nine ten eleven twelve thirteen fourteen fifteen "
        "sixteen seventeen eighteen nineteen".split()
    )
}
_TENS = {w: 10 * (i + 2) for i, w in enumerate("twenty thirty forty fifty sixty seventy eighty ninety".split())}
_NUMBER_WORD = "|".join(sorted([*_UNITS, *_TENS, "hundred"], key=len, reverse=True))
_WORD_RUN = re.compile(rf"\b(?:a\s+)?(?:{_NUMBER_WORD})(?:(?:[\s-]+|\s+and\s+)(?:{_NUMBER_WORD}))*\b", re.I)


def _run_value(run: str) -> int:
    value = 0
    for word in re.findall(r"[a-z]+", run.lower()):
        if word == "hundred":
            value = (value or 1) * 100
        elif word in _UNITS or word in _TENS:
            value += _UNITS.get(word, _TENS.get(word, 0))
    return value


def words_to_digits(text: str) -> str:
    """ "sixty seven" -> "67", "one hundred and two" -> "102"; a lone small word ("the one I
    had") is left alone unless it is the whole text."""

    def replace(match: re.Match) -> str:
        value = _run_value(match.group())
        whole = match.group().strip().lower() == text.strip().lower()
        return str(value) if value >= 10 or whole else match.group()

    return _WORD_RUN.sub(replace, text)


_KI67_WORD = re.compile(r"\bki[\s-]?67\b", re.I)
_NUMBER = re.compile(r"(?<![\w.\-])(-\s*)?(\d+(?:\.\d+)?)(?!\s*%|[\d.]\d)")
_NOT_AN_AGE_BEFORE = re.compile(r"(?:grade|\bg|stage|phase|type|level|score|number|no\.?|#)\s*$", re.I)
_NOT_AN_AGE_AFTER = re.compile(
    r"^\s*(?:%|weeks?|wks?|months?|days?|cm|mm|kg|lbs?|times|mg|years?\s+(?:ago|since|after|past|post|out|on|from|of\s+(?:treatment|surgery)))",
    re.I,
)
_MAX_AGE = 120


def parse_age(text: str) -> Optional[str]:
    """The first number that reads as an age; None for none, a negative one or one over 120."""
    text = _KI67_WORD.sub(" ", words_to_digits(text))
    for found in _NUMBER.finditer(text):
        if _NOT_AN_AGE_BEFORE.search(text[: found.start()]) or _NOT_AN_AGE_AFTER.match(text[found.end() :]):
            continue
        if found.group(1):
            return None
        number = float(found.group(2))
        return str(int(number)) if 0 <= number <= _MAX_AGE else None
    return None


_SELF = r"(?:i'?m|i\s+am|im|(?:he|she)(?:'s|\s+is)|they(?:'re|\s+are)|my\s+age\s+is|(?:his|her|their)\s+age\s+is|age[d:]?|age\s+is)"
_STATED_AGE = re.compile(
    rf"\b{_SELF}\s+(?:now\s+|actually\s+|only\s+|just\s+|really\s+)?(\d{{1,3}})(?![\d.%])"
    r"(?!\s*(?:weeks?|months?|days?|%|years?\s+(?:since|after|past|post|ago|out|from|on)))"
    r"|(?<![\w.\-])(\d{1,3})\s*-?\s*(?:years?|yrs?)[\s-]*(?:old|of\s+age)\b|(?<![\w.\-])(\d{1,3})\s*y/?o\b",
    re.I,
)


def stated_age(text: str) -> Optional[str]:
    """An age said outright ("I'm 67", "he is 70", "67 years old"), at any point."""
    found = _STATED_AGE.search(words_to_digits(text))
    if not found:
        return None
    number = int(next(g for g in found.groups() if g))
    return str(number) if number <= _MAX_AGE else None


# -- sex ---------------------------------------------------------------------------------------
_FEMALE = re.compile(
    r"\b(?:woman|women|female|lady|ladies|girl|gal|lass|lassie|she|her|feminine|mum|mom|mother|wife|daughter)\b", re.I
)
_MALE = re.compile(
    r"\b(?:man|men|male|gentleman|gent|guy|boy|bloke|fella|feller|fellow|chap|lad|geezer|dude|he|him|dad|father|husband|son)\b",
    re.I,
)
_SEX_LETTER = re.compile(r"^\W*([fm])\W*$", re.I)
_NEITHER = re.compile(r"\bnon[\s-]?binary\b|\bintersex\b|\btrans\w*\b|\bneither\b|\bother\b|\bgender\s*fluid\b", re.I)
_STATED_SEX = re.compile(
    r"\b(?:i'?m|i\s+am|im|i\s+meant|(?:he|she)(?:'s|\s+is))\s+(?:actually\s+|really\s+)?(?:an?\s+)?(woman|female|lady|man|male|guy|gentleman)\b",
    re.I,
)


def _sex_word(word: str) -> str:
    return "female" if _FEMALE.fullmatch(word) else "male"


def parse_sex(text: str) -> Optional[str]:
    if _NEITHER.search(text):
        return UNKNOWN  # trial records give sex only; the team can talk this through
    letter = _SEX_LETTER.match(text)
    if letter:
        return "female" if letter.group(1).lower() == "f" else "male"
    female, male = _FEMALE.search(text), _MALE.search(text)
    if bool(female) == bool(male):
        return None
    return "female" if female else "male"


def stated_sex(text: str) -> Optional[str]:
    """Sex said outright ("sorry, I'm a woman"), at any point."""
    found = _STATED_SEX.search(text)
    return _sex_word(found.group(1).lower()) if found else None


# -- where it started -------------------------------------------------------------------------------
_SITE_PATTERNS = {  # one for each of PERSON_SITES
    "pancreas": r"pancrea\w*|\bp-?nets?\b|\bpan-?\s?nets?\b|\bislet\s+cells?\b",
    "lung": r"\blungs?\b|\bbronch\w*|\bpulmonary\b",
    "small bowel": r"\bsmall\s+(?:bowel|intestines?|gut)\b|\bile(?:um|al)\b|\bjejun\w*|\bduoden\w*",
    "stomach": r"\bstomach\b|\bgastric\b",
    "thyroid": r"\bthyroid\b",
    "appendix": r"\bappendi\w*",
    "large bowel": r"\blarge\s+(?:bowel|intestines?)\b|\bcolon\b|\bcolorectal\b|\brect(?:um|al)\b",
    "bowel": r"\bbowels?\b|\bintestines?\b|\bgut\b",
}
_SITES = {site: re.compile(_SITE_PATTERNS[site], re.I) for site in PERSON_SITES}


def parse_site(text: str) -> Optional[str]:
    """The site named first ("the pancreas, and now the liver" -> pancreas)."""
    found = []
    for site, pattern in _SITES.items():
        match = pattern.search(text)
        if match:
            found.append((match.start(), -len(match.group()), site))
    return min(found)[2] if found else None


# -- grade and Ki-67 ---------------------------------------------------------------------------------
_G = r"(1|2|3|i{1,3}|one|two|three)"
_GRADE_NUMBERS = {"1": 1, "2": 2, "3": 3, "i": 1, "ii": 2, "iii": 3, "one": 1, "two": 2, "three": 3}
_GRADE_WORDED = re.compile(rf"\bgrade\s*{_G}\b(?:\s*(?:or|and|to|-|/)\s*(?:grade\s*)?{_G}\b)?", re.I)
_GRADE_CODE = re.compile(r"\bg\s*([123])\b(?:\s*(?:or|and|to|-|/)\s*g?\s*([123])\b)?", re.I)
_GRADE_NAMED = [
    (re.compile(r"\blow\b[\w\s-]{0,25}\bintermediate[\s-]+grade\b", re.I), (1, 2)),
    (re.compile(r"\bintermediate\b[\w\s-]{0,25}\bhigh[\s-]+grade\b", re.I), (2, 3)),
    (re.compile(r"\blow[\s-]+grade\b", re.I), (1, 2)),  # people use it for grade 1 and for grade 2
    (re.compile(r"\bintermediate[\s-]+grade\b", re.I), (2,)),
    (re.compile(r"\bhigh[\s-]+grade\b", re.I), (3,)),
]
_KI67 = re.compile(r"\bki[\s-]?67\b\D{0,25}?(\d+(?:\.\d+)?)\s*%?", re.I)
_BARE_GRADE = re.compile(r"^\W*(?:it'?s\s+|its\s+|it\s+is\s+)?(?:a\s+)?([123]|one|two|three)\W*$", re.I)
_BARE_PERCENT = re.compile(r"(?<![\w.])(\d+(?:\.\d+)?)\s*%")
_GRADE_VALUE = re.compile(r"(G[123](?: or G[123])*)(?:, Ki-67 (\d+(?:\.\d+)?(?:e[-+]?\d+)?)%)?")  # Grade.value's format


@dataclass(frozen=True)
class Grade:
    grades: tuple[int, ...]  # 1..3, sorted
    ki67: Optional[float] = None  # percent

    @property
    def value(self) -> str:
        text = " or ".join(grade_code(g) for g in self.grades)
        return text + (f", Ki-67 {self.ki67:g}%" if self.ki67 is not None else "")

    @classmethod
    def from_value(cls, value: str) -> Optional["Grade"]:
        """The grade a stored `ps_grade` value holds (the inverse of `value`): what the person
        typed was read once, by `parse_grade`; this reads only the slot's own format."""
        found = _GRADE_VALUE.fullmatch(value)
        if not found:
            return None
        grades = tuple(sorted(grade_number(code) for code in found.group(1).split(" or ")))
        return cls(grades, float(found.group(2)) if found.group(2) else None)


def grade_from_ki67(ki67: float) -> int:
    """WHO grading of NETs: Ki-67 below 3% is grade 1, 3 to 20% grade 2, above 20% grade 3."""
    return 1 if ki67 < 3 else 2 if ki67 <= 20 else 3


def read_grade(text: str, strict: bool = False) -> Optional[Grade]:
    """Grades and Ki-67 in the text. `strict`: only ones named outright ("grade 3", "G2",
    "Ki-67 5%"), not a bare "2" or "5%" (those count only as the answer to the question)."""
    grades: set[int] = set()
    for pattern in (_GRADE_WORDED, _GRADE_CODE):
        for found in pattern.finditer(text):
            first = _GRADE_NUMBERS[found.group(1).lower()]
            last = _GRADE_NUMBERS[(found.group(2) or found.group(1)).lower()]
            grades.update(range(min(first, last), max(first, last) + 1))
    if not grades:
        grades.update(next((names for pattern, names in _GRADE_NAMED if pattern.search(text)), ()))
    ki67_found = _KI67.search(text) or (None if strict else _BARE_PERCENT.search(text))
    ki67 = float(ki67_found.group(1)) if ki67_found else None
    if ki67 is not None and ki67 > 100:
        return None
    if not grades and not strict:
        bare = _BARE_GRADE.match(text)
        if bare:
            grades.add(_GRADE_NUMBERS[bare.group(1).lower()])
    if not grades and ki67 is not None:
        grades.add(grade_from_ki67(ki67))
    return Grade(tuple(sorted(grades)), ki67) if grades else None


def parse_grade(text: str) -> Optional[str]:
    grade = read_grade(text)
    return grade.value if grade else None


def stated_grade(text: str) -> Optional[str]:
    """A grade said outright ("I meant grade 3"), at any point."""
    grade = read_grade(text, strict=True)
    return grade.value if grade else None


# -- spread, hormones ----------------------------------------------------------------------------------
_NO_SPREAD = re.compile(
    r"^\W*(?:no|nope|nah|not|n)\b|(?:\b(?:not|never|hasnt|isnt)|n't)\b[\w\s']{0,20}\b(?:spread|metasta\w*|gone)"
    r"|\blocali[sz]ed\b|\bcontained\b|\bonly\s+in\s+(?:the|my|his|her)\b|\bno\s+(?:spread|mets|metasta\w*|secondar\w*)",
    re.I,
)
_SPREAD = re.compile(
    r"^\W*(?:yes|yeah|yep|yup|ya|y)\b|\bspread\b|\bmetasta\w*|\bmets\b|\bsecondar\w*|\bstage\s*(?:4|iv)\b"
    r"|\bliver\b|\bbones?\b|\bperitone\w*|\bbrain\b",
    re.I,
)


def parse_spread(text: str) -> Optional[str]:
    if _NO_SPREAD.search(text):
        return "no"
    return "yes" if _SPREAD.search(text) else None


_HORMONE_NAMES = r"insulin|gastrin|glucagon|serotonin|vip|somatostatin|hormones?"
_NON_FUNCTIONING = re.compile(
    r"\bnon[\s-]?function\w*|\bnot\s+function\w*|^\W*(?:no|nope|nah|n)\b|\bno\s+hormones?\b|\b(?:hormonally\s+)?inactive\b"
    rf"|\b(?:doesn'?t|does\s+not|don'?t|do\s+not|isn'?t|is\s+not|not)\s+(?:make|produce|secrete|release|give\s+off)\w*\s+(?:any\s+)?(?:{_HORMONE_NAMES})?",
    re.I,
)
_FUNCTIONING = re.compile(
    r"\bfunction(?:ing|al)\b|\binsulinoma|\bgastrinoma|\bglucagonoma|\bvipoma|\bsomatostatinoma|\bcarcinoid\s+syndrome"
    r"|\bzollinger|^\W*(?:yes|yeah|yep|yup|y)\b"
    rf"|\b(?:makes?|making|produces?|producing|secretes?|secreting|releases?)\s+(?:too\s+much\s+|lots\s+of\s+|some\s+)?(?:{_HORMONE_NAMES})\b",
    re.I,
)


def parse_functioning(text: str) -> Optional[str]:
    if _NON_FUNCTIONING.search(text):
        return NON_FUNCTIONING
    return FUNCTIONING if _FUNCTIONING.search(text) else None


# -- treatments -------------------------------------------------------------------------------------
_NO_TREATMENT = re.compile(
    r"^\W*(?:none|no|nope|nothing|not\s+yet|none\s+yet|nothing\s+yet|none\s+so\s+far|nothing\s+so\s+far|no\s+treatments?(?:\s+yet)?"
    r"|not\s+any|i\s+have\s*n[o']?t(?:\s+had)?(?:\s+any(?:thing)?)?(?:\s+yet)?|haven'?t\s+had\s+any(?:thing)?(?:\s+yet)?"
    r"|just\s+(?:watch(?:ing)?\s+and\s+wait(?:ing)?|scans|monitoring))\W*$",
    re.I,
)
_CLAUSE = re.compile(r"[,;.]|\bbut\b|\band\b|\bthen\b|\bplus\b|\balso\b", re.I)
_NEGATED = re.compile(r"\b(?:no|not|never|without|nor|neither)\b|n't\b", re.I)
_GROUP_NAMES = {
    "somatostatin_analogue": "somatostatin analogue",
    "chemotherapy": "chemotherapy",
    "prrt": "PRRT",
    "immunotherapy": "immunotherapy",
    "surgery": "surgery",
    "liver_treatment": "liver-directed therapy",
    "radiotherapy": "radiotherapy",
}
_ID_NAMES = {"everolimus": "everolimus", "sunitinib": "sunitinib"}
_EXTRA = {"interferon": re.compile(r"\binterferon\b|\bifn\b", re.I)}


def fact_treatment_name(lexicon: Lexicon, tag: str) -> Optional[str]:
    concept = lexicon.concepts.get(tag)
    if concept is None:
        return None
    if concept.id in _ID_NAMES:
        return _ID_NAMES[concept.id]
    if concept.group == "targeted_drug":
        return "targeted therapy"
    return _GROUP_NAMES.get(concept.group or "")


def read_treatments(text: str, lexicon: Optional[Lexicon] = None) -> tuple[str, ...]:
    """Treatments had, as facts.TREATMENTS names, from the clauses that are not negated
    ("surgery but no chemo" -> surgery)."""
    lexicon = lexicon or default_lexicon()
    found: set[str] = set()
    for clause in _CLAUSE.split(text):
        if not clause.strip() or _NEGATED.search(clause):
            continue
        for tag in lexicon.resolve("treatment", clause):
            name = fact_treatment_name(lexicon, tag)
            if name:
                found.add(name)
        found.update(name for name, pattern in _EXTRA.items() if pattern.search(clause))
    return tuple(name for name in TREATMENTS if name in found)


def parse_treatments(text: str) -> Optional[str]:
    if _NO_TREATMENT.match(text):
        return NONE
    names = read_treatments(text)
    return ", ".join(names) if names else None


# -- place --------------------------------------------------------------------------------------------
_ANYWHERE = re.compile(
    r"\banywhere\b|\bany\s*where\b|\bany\s+country\b|\babroad\b|\bworld\s*wide\b|\bwherever\b"
    r"|\b(?:happy|willing|able|glad|ready)\s+to\s+travel\b|\bwill\s+travel\b|\bdoes\s*n'?t\s+matter\b",
    re.I,
)
_CANNOT = re.compile(r"\b(?:not|cannot|can'?t|unable)\b|n't\b", re.I)
_CODE = re.compile(r"^\W*([A-Z]{2})\W*$")
_CITY_WORDS_TOO_COMMON = {"norman", "troy", "webster", "reading", "bad"}
_MAX_PLACE_WORDS = 5


def find_country_code(text: str, lexicon: Optional[Lexicon] = None) -> Optional[str]:
    """The ISO code of the first country, else city, named in the text."""
    lexicon = lexicon or default_lexicon()
    code = _CODE.match(text)
    if code and any(p.code == code.group(1) for p in lexicon.places):
        return code.group(1)
    words = normalize(text).split()
    for want_country in (True, False):
        for start in range(len(words)):
            for size in range(min(_MAX_PLACE_WORDS, len(words) - start), 0, -1):
                phrase = " ".join(words[start : start + size])
                place = lexicon.place(phrase)
                if place is None or (place.code is not None) != want_country:
                    continue
                if not want_country and phrase in _CITY_WORDS_TOO_COMMON:
                    continue
                found = lexicon.country_code(phrase)
                if found:
                    return found
    return None


def parse_place(text: str) -> Optional[str]:
    code = find_country_code(text)
    if code:
        return code
    return ANYWHERE if _ANYWHERE.search(text) and not _CANNOT.search(text) else None


# -- all slots -----------------------------------------------------------------------------------------
PARSERS: dict[str, Callable[[str], Optional[str]]] = {
    "ps_age": parse_age,
    "ps_sex": parse_sex,
    "ps_site": parse_site,
    "ps_grade": parse_grade,
    "ps_spread": parse_spread,
    "ps_functioning": parse_functioning,
    "ps_treatments": parse_treatments,
    "ps_place": parse_place,
}
CORRECTORS: dict[str, Callable[[str], Optional[str]]] = {
    "ps_age": stated_age,
    "ps_sex": stated_sex,
    "ps_grade": stated_grade,
}


def _tidy(text: Any) -> str:
    return "" if text is None else str(text).replace("\u2019", "'").replace("\u2018", "'").strip()


def parse_answer(slot: str, text: Any) -> Optional[str]:
    """The normalised value of an answer to the question for `slot`, or None."""
    text = _tidy(text)
    if not text or len(text) > MAX_ANSWER_CHARS:
        return None
    if is_skip(text):
        return UNKNOWN
    return PARSERS[slot](text)


def corrections(text: Any, leave_out: Optional[str] = None) -> dict[str, str]:
    """Answers said outright in the text ("actually I'm 67"), by slot; `leave_out` is the
    slot just asked for, whose answer is read in full by `parse_answer` instead."""
    text = _tidy(text)
    if len(text) > MAX_ANSWER_CHARS:
        return {}
    found = {slot: read(text) for slot, read in CORRECTORS.items() if slot != leave_out}
    return {slot: value for slot, value in found.items() if value}


# -- typed answers, for checking trials ------------------------------------------------------------------
@dataclass(frozen=True)
class Answers:
    """What the person told us; None (or empty) where they did not say or were not sure."""

    age: Optional[int] = None
    sex: Optional[str] = None  # "female" | "male"
    site: Optional[str] = None  # from PERSON_SITES
    grades: tuple[int, ...] = ()
    ki67: Optional[float] = None
    spread: Optional[bool] = None
    functioning: Optional[str] = None  # FUNCTIONING | NON_FUNCTIONING
    treatments: Optional[tuple[str, ...]] = None  # () for none; None when not known
    place: Optional[str] = None  # ISO country code or ANYWHERE

    @classmethod
    def from_slots(cls, slots: Mapping[str, Any]) -> "Answers":
        """From `ps_` slots that may hold any text; values that do not parse count as not known."""
        return cls.from_values({slot: parse_answer(slot, slots.get(slot)) for slot in SLOTS})

    @classmethod
    def from_values(cls, values: Mapping[str, Optional[str]]) -> "Answers":
        """From values already normalised (`parse_answer`'s output, as the form's slots hold
        them): nothing is parsed again."""
        known = {slot: v for slot in SLOTS if (v := values.get(slot)) and v != UNKNOWN}
        grade = Grade.from_value(known["ps_grade"]) if "ps_grade" in known else None
        treatments = known.get("ps_treatments")
        return cls(
            age=int(known["ps_age"]) if "ps_age" in known else None,
            sex=known.get("ps_sex"),
            site=known.get("ps_site"),
            grades=grade.grades if grade else (),
            ki67=grade.ki67 if grade else None,
            spread={"yes": True, "no": False}.get(known.get("ps_spread", "")),
            functioning=known.get("ps_functioning"),
            treatments=None if treatments is None else () if treatments == NONE else tuple(treatments.split(", ")),
            place=known.get("ps_place"),
        )
