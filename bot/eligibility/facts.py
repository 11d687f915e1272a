"""Structured facts from a criteria text: age, sex, tumour, spread, past treatments...

Rule-based: the text is split into inclusion and exclusion sentences, and each field has its
own small set of patterns. A field is None (or an empty tuple) when the text does not state
it. What each value means is written in tests/data/criteria_labels.yml, the hand-labelled
set the rules are measured against.
"""

from __future__ import annotations

import re
from dataclasses import asdict, dataclass
from typing import Iterable, Optional

from bot.eligibility import phrasing
from bot.eligibility.judge_drugs import CHEMOTHERAPY, IMMUNOTHERAPY, TARGETED, words_of
from bot.eligibility.judge_drugs import MTOR as EVEROLIMUS
from bot.eligibility.split import Item, split_criteria
from bot.tumour_terms import FUNCTIONING, NON_FUNCTIONING, TRIAL_SITES, grade_code

STAGES = ("metastatic", "locally advanced", "unresectable", "resectable", "no distant spread")
TREATMENTS = (
    "PRRT",
    "everolimus",
    "sunitinib",
    "somatostatin analogue",
    "surgery",
    "chemotherapy",
    "radiotherapy",
    "targeted therapy",
    "immunotherapy",
    "interferon",
    "liver-directed therapy",
    "any cancer treatment",
)


@dataclass(frozen=True)
class CriteriaFacts:
    min_age: Optional[float] = None  # years
    max_age: Optional[float] = None
    sex: Optional[str] = None  # "female" | "male"; None: both or not stated
    primary_site: tuple[str, ...] = ()  # from TRIAL_SITES
    grade: tuple[str, ...] = ()  # grade_code: "G1", "G2", "G3"
    ki67_max: Optional[float] = None  # percent
    ki67_min: Optional[float] = None
    tumour_type: Optional[str] = None  # "NET" | "NEC" | "NET or NEC"
    stage: tuple[str, ...] = ()  # from STAGES
    functioning: Optional[str] = None  # FUNCTIONING | NON_FUNCTIONING
    sstr_positive_required: Optional[bool] = None
    prior_treatment_required: tuple[str, ...] = ()  # from TREATMENTS
    prior_treatment_excluded: tuple[str, ...] = ()
    performance_status: Optional[str] = None  # "ECOG<=2", "Karnofsky>=70", "PS<=1"
    pregnancy_excluded: Optional[bool] = None

    def as_dict(self) -> dict:
        data = asdict(self)
        return {k: list(v) if isinstance(v, tuple) else v for k, v in data.items()}


@dataclass(frozen=True)
class _Text:
    inclusion: tuple[str, ...]  # sentences
    exclusion: tuple[str, ...]


def extract_facts(text: Optional[str]) -> CriteriaFacts:
    """The facts a registry criteria text states."""
    criteria = split_criteria(text)
    t = _Text(_sentences(criteria.inclusion), _sentences(criteria.exclusion))
    min_age, max_age = _ages(t)
    ki67_min, ki67_max = _ki67(t)
    return CriteriaFacts(
        min_age=min_age,
        max_age=max_age,
        sex=_sex(t),
        primary_site=_sites(t),
        grade=_grades(t),
        ki67_max=ki67_max,
        ki67_min=ki67_min,
        tumour_type=_tumour_type(t),
        stage=_stage(t),
        functioning=_functioning(t),
        sstr_positive_required=_sstr(t),
        prior_treatment_required=_required(t),
        prior_treatment_excluded=_excluded(t),
        performance_status=_performance_status(t),
        pregnancy_excluded=_pregnancy(t),
    )


# -- text preparation --------------------------------------------------------------------------
# a sentence also ends after a number, a per cent or an acronym ("... ki67 > 20%. Other rare sites ... will be
# included": the allowance is the second sentence's only) when a word starts the next one
_SENTENCE_END = re.compile(r"(?<=[a-z)\]])\.\s+(?=[A-Z])|(?:(?<=[0-9%])|(?<=[A-Z]{2}))\.\s+(?=[A-Z][a-z])|;\s+")
_TOUCHING_SYMBOL = re.compile(r"(?<=[A-Za-z0-9])(?=[<>≤≥])")
_DASHES = re.compile(r"[\u2010\u2011\u2012]")
_MIS_ENCODED = [(re.compile(r"£\s*(?=[0-9])"), "at most "), (re.compile(r"³\s*(?=[0-9])"), "at least ")]
_WORDED = [  # comparisons in words, as the symbols become after phrasing.SYMBOLS
    (
        re.compile(
            r"\b(?:greater|more|higher)\s+than\s+or\s+equal(?:\s+to)?|\bequal\s+to\s+or\s+(?:greater|more|higher)\s+than|\bno\s+less\s+than|\bnot\s+less\s+than",
            re.I,
        ),
        "at least",
    ),
    (
        re.compile(
            r"\b(?:less|lower|smaller)\s+than\s+or\s+equal(?:\s+to)?|\bequal\s+to\s+or\s+(?:less|lower)\s+than|\bno\s+(?:more|greater|higher)\s+than|\bnot\s+(?:more|greater)\s+than",
            re.I,
        ),
        "at most",
    ),
    (re.compile(r"\bgreater\s+than\b", re.I), "more than"),
]


def _sentences(items: Iterable[Item]) -> tuple[str, ...]:
    return tuple(s for item in items for line in _lines(item) for s in sentences_of(line))


def sentences_of(line: str) -> list[str]:
    """One criterion line as sentences, comparisons in words ("≥ 18" -> "at least 18")."""
    line = _DASHES.sub("-", _TOUCHING_SYMBOL.sub(" ", line))  # "Age> 18" -> "Age > 18"; "Well‐differentiated"
    for old, new in (*_MIS_ENCODED, *_WORDED):
        line = old.sub(new, line)
    line = phrasing.SYMBOLS(" ".join(line.split()))
    return [s for s in _SENTENCE_END.split(line) if s.strip()]


def _lines(item: Item) -> list[str]:
    return [item.text] + [line for child in item.children for line in _lines(child)]


def _any(pattern: re.Pattern, sentences: Iterable[str]) -> bool:
    return any(pattern.search(s) for s in sentences)


_ABOUT_EXCLUDING = re.compile(r"\bexclu(?:ded|sion)\b|\bnot (?:be )?eligible\b|\bineligible\b|\bnot allowed\b", re.I)


def _inclusion_proper(t: _Text) -> list[str]:
    """Inclusion sentences that do not themselves rule people out."""
    return [s for s in t.inclusion if not _ABOUT_EXCLUDING.search(s)]


# -- age -----------------------------------------------------------------------------------
_AGE_CONTEXT = re.compile(
    r"\bage[ds]?\b|years?[-\s]+(?:of\s+age|old)|\byears?\s+(?:or|and)\s+(?:older|over|above|more)\b|\badults?\b[^.;]{0,20}?[0-9]{1,3}\s*(?:years?|yrs)\b"
    r"|\b(?:older|younger)\s+than\s+[0-9]{1,3}\s*(?:years?|yrs)\b",
    re.I,
)
_N = r"([0-9]{1,3})"
_NOT_A_UNIT = r"(?!\s*(?:%|kg|cm|mm|mg|months?|weeks?|days?|x\b|times\b))"
_AGE_RANGE = re.compile(
    rf"(?:between\s+)?{_N}\s*(?:years?\s*)?(?:-|–|to|and)\s*{_N}\s*(?:years?|yrs)"
    rf"|\bage[sd]?\s*(?:of\s*)?:?\s*(?:between\s+)?{_N}\s*(?:-|–|to|and)\s*{_N}\b{_NOT_A_UNIT}",
    re.I,
)  # "Age 18-75", "the ages of 18 - 70"
_AGE_MIN = [
    re.compile(
        rf"(?:at least|more than|over|older than|above|minimum(?: age)?(?: of)?)\s*{_N}\s*(?:years?|yrs|\b)", re.I
    ),
    re.compile(
        rf"{_N}\s*(?:years?|yrs)?[-\s]*(?:old\s*)?(?:of\s+age\s*)?(?:or|and)\s*(?:older|over|above|greater|more)\b",
        re.I,
    ),
    # "Subjects must be 18 years of age.", "Age 18 years.": that age or older
    re.compile(
        rf"^\W*(?:(?:patients?|subjects?|participants?)\s+(?:must|should)\s+be|age[ds]?\s*:?)\s*{_N}\s*(?:years?|yrs)(?:\s+(?:of\s+age|old))?\W*$",
        re.I,
    ),
    re.compile(rf"\bage[ds]?\s*:?\s*{_N}\s*(?:years?)?\s*(?:or|and)\s*(?:over|older|above)", re.I),
    # "over the age of 18", "Age minimum: 18", "Age 18+", "18 years of age" said alone
    re.compile(
        rf"\b(?:over|above|older\s+than)\s+(?:the\s+)?age\s+(?:of\s+)?{_N}\b{_NOT_A_UNIT}|\bage\s+minimum\s*:?\s*{_N}\b{_NOT_A_UNIT}"
        rf"|\bage[ds]?\s*:?\s*{_N}\s*\+|^\W*{_N}\s*(?:years?|yrs)\s+(?:of\s+age|old)\W*$",
        re.I,
    ),
]
_AGE_MAX = [
    re.compile(
        rf"(?:at most|less than|under|younger than|below|up to|maximum(?: age)?(?: of)?)\s*{_N}\s*(?:years?|yrs)", re.I
    ),
    re.compile(rf"{_N}\s*(?:years?|yrs)\s*(?:of\s+age\s*)?(?:or|and)\s*(?:younger|under|less|below)\b", re.I),
    re.compile(
        rf"\bage[ds]?\s*:?\s*(?:less\s+than|under|below|younger\s+than|at\s+most)\s*{_N}\b{_NOT_A_UNIT}", re.I
    ),  # "Age < 18"
]


def _ages(t: _Text) -> tuple[Optional[float], Optional[float]]:
    low = high = None
    for sentence in t.inclusion:
        if not _AGE_CONTEXT.search(sentence):
            continue
        found = _AGE_RANGE.search(sentence)
        ends = [g for g in found.groups() if g] if found else []
        if len(ends) == 2 and _plausible(ends[0]) and _plausible(ends[1]) and int(ends[0]) < int(ends[1]):
            low = low if low is not None else float(ends[0])
            high = high if high is not None else float(ends[1])
            continue
        low = low if low is not None else _first_number(_AGE_MIN, sentence)
        high = high if high is not None else _first_number(_AGE_MAX, sentence)
    for sentence in t.exclusion:  # "Age < 18 years" among the exclusions
        if _AGE_CONTEXT.search(sentence):
            low = low if low is not None else _first_number(_AGE_MAX, sentence)
            high = high if high is not None else _first_number(_AGE_MIN, sentence)
    return low, high


def age_limits(sentence: str, exclusion: bool = False) -> tuple[Optional[float], Optional[float]]:
    """The ages one sentence allows (an exclusion's "age < 18" allows 18 and over)."""
    return _ages(_Text((), (sentence,)) if exclusion else _Text((sentence,), ()))


def _plausible(number: str) -> bool:
    return 0 < int(number) <= 120


def _first_number(patterns: list[re.Pattern], text: str) -> Optional[float]:
    for pattern in patterns:
        for found in pattern.finditer(text):
            number = next(g for g in found.groups() if g)  # a pattern of several spellings: the one that matched
            if _plausible(number) and not re.search(
                r"expectancy|weeks?|months?", text[found.end() : found.end() + 12], re.I
            ):
                return float(number)
    return None


# -- sex ---------------------------------------------------------------------------------------
_FEMALE_ONLY = re.compile(
    r"\b(?:female|women)\s+(?:patients?\s+|subjects?\s+|participants?\s+)?only\b|^(?:post|pre)-?menopausal\s+women\s+with\b",
    re.I,
)
_MALE_ONLY = re.compile(r"\b(?:male|men)\s+(?:patients?\s+|subjects?\s+|participants?\s+)?only\b", re.I)


def _sex(t: _Text) -> Optional[str]:
    female, male = _any(_FEMALE_ONLY, t.inclusion), _any(_MALE_ONLY, t.inclusion)
    return "female" if female and not male else "male" if male and not female else None


# -- where the tumour started ------------------------------------------------------------------
_SITE_PATTERNS = {  # one for each of TRIAL_SITES
    "gut or pancreas": re.compile(r"\bGEP\b|GEP-?NENs?|GEP-?NETs?|gastro-?entero-?pancreatic", re.I),
    # "primitive neuroectodermal tumor (PNET)" is not a pancreatic NET
    "pancreas": re.compile(
        r"(?<!non-)(?<!non )\bpancrea(?:s|tic)\b|(?<!neuroectodermal tumor \()(?<!neuroectodermal tumour \()"
        r"\bp-?NETs?\b|\bpan-?\s?NETs?\b|\bislet\s+cell",
        re.I,
    ),
    "midgut": re.compile(r"\bmid-?gut\b", re.I),
    "small bowel": re.compile(r"\bsmall\s+(?:bowel|intestin\w*)|\bile(?:um|al)\b|\bjejun\w*", re.I),
    "stomach": re.compile(
        r"\bstomach\b|\bgastric\s+(?:cancer|carcinoma|adenocarcinoma|NETs?)|gastro-?o?esophageal\s+junction", re.I
    ),
    "lung": re.compile(
        r"\blung\s+(?:cancer|carcinoma|NETs?|carcinoids?)|\bof\s+the\s+lung\b|\bN?SCLC\b|\bbronch\w*\s+carcinoid|pulmonary\s+carcinoid|ES-SCLC|ED\s+SCLC",
        re.I,
    ),
    "thyroid": re.compile(r"\bthyroid\s+(?:cancer|carcinoma)|medullary\s+(?:thyroid\s+)?carcinoma|\bMTC\b", re.I),
}
_ANY_SOLID_TUMOUR = re.compile(
    r"(?<!criteria in )(?<!Criteria in )\bsolid\s+tumou?rs?\b|\bany\s+(?:type\s+of\s+)?cancer\b|\bdiagnosis\s+of\s+cancer\b",
    re.I,
)
_MANY_SITES = 3


def _sites(t: _Text) -> tuple[str, ...]:
    sentences = _inclusion_proper(t)
    if _any(_ANY_SOLID_TUMOUR, sentences):
        return ()
    found = [site for site in TRIAL_SITES if _any(_SITE_PATTERNS[site], sentences)]
    if "gut or pancreas" in found and "pancreas" in found:
        found.remove("pancreas")
    return () if len(found) >= _MANY_SITES else tuple(found)


# -- grade and Ki-67 -----------------------------------------------------------------------------
_GRADE_WORDS = re.compile(r"\bgrade\b|\bG[123]\b", re.I)
_TUMOUR_CONTEXT = re.compile(
    r"neuroendocrine|\bNETs?\b|\bp-?NETs?\b|pan-?\s?NET|carcinoid|tumou?r|WHO|ENETS|Ki-?67|differentiated", re.I
)
_TOXICITY_CONTEXT = re.compile(
    r"toxicit|neuropathy|CTCAE|\bCTC\b|adverse|diarrh|bleed|haemorrh|hemorrh|dyspn|alopecia|nausea|hypertension|graft|proteinuria",
    re.I,
)
_ROMAN = {"i": "1", "ii": "2", "iii": "3"}
_GRADE_RANGE = re.compile(
    r"\bgrade\s*(1|2|3|i{1,3})\b(?:\s*(?:-|–|to|or|and|/)\s*(?:grade\s*)?(1|2|3|i{1,3})\b)?", re.I
)
_G_CODES = re.compile(r"\bG([123])\b(?:\s*(?:-|–|to|or|and|/)\s*G?([123])\b)?")
_GRADE_NAMES = [
    (
        re.compile(r"\blow\b[^.;]{0,25}\bintermediate[- ]grade|\blow[- ](?:and|or|to)[- ]intermediate[- ]grade", re.I),
        (1, 2),
    ),
    (re.compile(r"\bintermediate\b[^.;]{0,25}\bhigh[- ]grade", re.I), (2, 3)),
    (re.compile(r"\blow[- ]grade\b", re.I), (1,)),
    (re.compile(r"\bintermediate[- ]grade\b", re.I), (2,)),
    (re.compile(r"\bhigh[- ]grade\b", re.I), (3,)),
]


def _grades(t: _Text) -> tuple[str, ...]:
    grades: set[str] = set()
    for sentence in _inclusion_proper(t):
        if (
            not _GRADE_WORDS.search(sentence)
            or _TOXICITY_CONTEXT.search(sentence)
            or not _TUMOUR_CONTEXT.search(sentence)
        ):
            continue
        for pattern, numbers in _GRADE_NAMES:
            if pattern.search(sentence):
                grades.update(grade_code(g) for g in numbers)
                break
        for found in [*_GRADE_RANGE.finditer(sentence), *_G_CODES.finditer(sentence)]:
            first = int(_ROMAN.get(found.group(1).lower(), found.group(1)))
            last = int(_ROMAN.get((found.group(2) or found.group(1)).lower(), found.group(2) or found.group(1)))
            grades.update(grade_code(g) for g in range(min(first, last), max(first, last) + 1))
    return tuple(sorted(grades))


_KI67 = re.compile(r"\bKi-?\s?67\b[^.;%]{0,40}?", re.I)
_PERCENT = r"([0-9]+(?:\.[0-9]+)?)\s*%"
_KI67_MAX = re.compile(rf"(?:at most|less than|up to|below|under|lower than|<|≤)\s*{_PERCENT}", re.I)
_KI67_MIN = re.compile(rf"(?:at least|more than|above|over|higher than|>|≥)\s*{_PERCENT}", re.I)
_KI67_RANGE = re.compile(rf"([0-9]+(?:\.[0-9]+)?)\s*%?\s*(?:-|–|to)\s*{_PERCENT}", re.I)


def _ki67(t: _Text) -> tuple[Optional[float], Optional[float]]:
    low = high = None
    for sentences, flip in ((t.inclusion, False), (t.exclusion, True)):
        for sentence in sentences:
            found = _KI67.search(sentence)
            if not found:
                continue
            tail = sentence[found.start() : found.end() + 30]
            span = _KI67_RANGE.search(tail)
            if span and not flip:
                low, high = float(span.group(1)), float(span.group(2))
                continue
            above, below = _KI67_MIN.search(tail), _KI67_MAX.search(tail)
            if flip:  # "Ki-67 > 20%" among the exclusions: at most 20% may join
                above, below = below, above
            if below and high is None:
                high = float(below.group(1))
            if above and low is None:
                low = float(above.group(1))
    return low, high


# -- NET or NEC ------------------------------------------------------------------------------
_NEC = re.compile(
    r"neuroendocrine\s+carcinomas?|\bNECs?\b|(?<!non-)(?<!non )(?<!non)\bsmall[- ]cell\s+(?:lung\s+)?(?:cancer|carcinoma)"
    r"|(?<!N)\bSCLC\b|poorly[- ]differentiated\s+neuroendocrine|large[- ]cell\s+neuroendocrine|small\s+cell\s+carcinoma\s+of\s+the\s+lung",
    re.I,
)
_NET = re.compile(
    r"neuroendocrine\s+(?:tumou?rs?|neoplasms?)|\bNETs?\b|carcinoids?|\bp-?NETs?\b|pan-?\s?NETs?|GEP-?NETs?|islet\s+cell\s+tumou?rs?"
    r"|insulinomas?|gastrinomas?",
    re.I,
)


def _tumour_type(t: _Text) -> Optional[str]:
    sentences = _inclusion_proper(t)
    net, nec = _any(_NET, sentences), _any(_NEC, sentences)
    return "NET or NEC" if net and nec else "NET" if net else "NEC" if nec else None


# -- stage and spread -----------------------------------------------------------------------------
_METASTATIC = re.compile(
    r"metasta(?:tic|ses|sis|si[sz]ed)|\bstage\s*(?:IV|4)\b|extensive[- ]stage|\bES-SCLC\b|\bED\s+SCLC\b", re.I
)
_NEGATED = re.compile(r"\b(?:no|non|not|without|absence\s+of|free\s+of)\b[\s-]+(?:\w+[\s-]+){0,3}$", re.I)
_SITE_WORDS = r"(?:brain|CNS|central\s+nervous\s+system|leptomeningeal|bone|spinal|cerebral|ovar\w*|liver|hepatic|lung|pulmonary|peritoneal|skin)"
_ONE_SITE = re.compile(rf"{_SITE_WORDS}\W+(?:\w+\W+)?$", re.I)
_AT_ONE_SITE = re.compile(rf"\s+(?:in|to|of)\s+the\s+{_SITE_WORDS}|\s*\(M\)\s*0\b|\s*\(?M\)?\s*0\b", re.I)
_LOCALLY_ADVANCED = re.compile(r"locally[-,\s]+advanced", re.I)
_UNRESECTABLE = re.compile(
    r"unresectable|non-?resectable|inoperable|not\s+(?:be\s+)?(?:amenable|suitable|appropriate|candidates?)\s+(?:to|for)\s+(?:curative\s+)?(?:resection|surgery)"
    r"|unable\s+to\s+surgery|not\s+resectable|(?:curative\s+)?surgery\s+(?:is\s+)?(?:impossible|not\s+possible)",
    re.I,
)
_RESECTABLE = re.compile(
    r"(?<![-\w])resectable|curable\s+by\s+surgery|candidates?\s+for\s+(?:curative\s+)?(?:surgery|resection)", re.I
)
_LOCALISED = re.compile(
    r"\blocali[sz]ed\b|non-?metastatic|\bstage\s*(?:I{1,2}|[12])[ABC]?\b(?!\s*[-/]?\s*(?:III|IV|[34]))(?:\s*(?:or|and|-|to)\s*(?:I{1,2}|[12])[ABC]?\b)?",
    re.I,
)
_HAS_METASTASES = re.compile(
    r"^(?:\W*(?:presence\s+of|history\s+of|known|evidence\s+of|any|suspected|patients?\s+with|subjects?\s+with|or|and|\(other\)|other)\s+)*"
    r"(?:distant\s+|liver\s+or\s+distant\s+|distant\s+or\s+liver\s+)?metasta(?:tic\s+(?:disease|cancer|\w+\s+(?:cancer|adenocarcinoma|carcinoma))|ses|sis)\b",
    re.I,
)


def _stage(t: _Text) -> tuple[str, ...]:
    tags: list[str] = []
    sentences = _inclusion_proper(t)
    spread, no_spread = False, False
    for sentence in sentences:
        for found in _METASTATIC.finditer(sentence):
            before = sentence[: found.start()]
            if _ONE_SITE.search(before[-40:]) or _AT_ONE_SITE.match(sentence[found.end() :]):
                continue
            if _NEGATED.search(before[-40:]):
                no_spread = True
            else:
                spread = True
    if spread:
        tags.append("metastatic")
    if _any(_LOCALLY_ADVANCED, sentences):
        tags.append("locally advanced")
    if _any(_UNRESECTABLE, sentences):
        tags.append("unresectable")
    if any((m := _RESECTABLE.search(s)) and not _NEGATED.search(s[: m.start()][-40:]) for s in sentences):
        tags.append("resectable")
    spread_ruled_out = any(
        (m := _HAS_METASTASES.search(s.strip())) and not _AT_ONE_SITE.match(s.strip()[m.end() :]) for s in t.exclusion
    )
    if no_spread or _any(_LOCALISED, sentences) or spread_ruled_out:
        tags.append("no distant spread")
    return tuple(dict.fromkeys(tags))


# -- hormone symptoms, SSTR scan --------------------------------------------------------------------
_NON_FUNCTIONING = re.compile(r"non-?\s?functio\w+|hormonally\s+inactive|non-?secretory", re.I)
_FUNCTIONING = re.compile(
    r"\bfunctio(?:nal|ning)\s+(?:NETs?|tumou?rs?|p-?NETs?|pan-?\s?NETs?|neuroendocrine)|carcinoid\s+syndrome|insulinoma|gastrinoma",
    re.I,
)
_HORMONE_SYMPTOMS = re.compile(
    r"hormone\s+production|hormonal\s+symptoms|functio(?:nal|ning)\s+(?:NET|tumou?r|p-?NET|pan-?\s?NET)|symptoms?\s+(?:of|from)\s+hormone|excessive\s+secretion",
    re.I,
)
_ONLY_UNCONTROLLED = re.compile(r"not\s+controll|uncontroll|refractory|despite", re.I)


def _functioning(t: _Text) -> Optional[str]:
    sentences = _inclusion_proper(t)
    if _any(_NON_FUNCTIONING, sentences):
        return NON_FUNCTIONING
    if any(_HORMONE_SYMPTOMS.search(s) and not _ONLY_UNCONTROLLED.search(s) for s in t.exclusion):
        return NON_FUNCTIONING
    if _any(_FUNCTIONING, sentences):
        return FUNCTIONING
    return None


_SSTR_POSITIVE = re.compile(
    r"somatostatin[- ]receptor[- ](?:positive|expressi\w+)|\bSSTR[- ]?(?:positive|\+|expressi\w+)|\bSSR[- ]?positive"
    r"|(?:uptake|positive|avid)[^.;]{0,60}(?:octreo|somatostatin\s+receptor|DOTA|Ga-?68|68\s?Ga|SSTR)"
    r"|(?:octreoscan|somatostatin\s+receptor\s+(?:imaging|scintigraphy|scan|PET)|DOTA\w*\s+PET)[^.;]{0,60}(?:uptake|positive|avid)",
    re.I,
)


def _sstr(t: _Text) -> Optional[bool]:
    return True if _any(_SSTR_POSITIVE, _inclusion_proper(t)) else None


# -- treatments before joining --------------------------------------------------------------------
_TREATMENT_PATTERNS = {
    # "Lu-DOTA-TATE", "177-Lu", "Lu 177", "LuTate"; never a bare "DOTATATE", which names a scan tracer as well
    "PRRT": r"\bPRRT\b|peptide[-\s]+receptor[-\s]+radio\w+|radionuclide\s+therap|Lutathera|177\s?-?\s?Lu|\bLu[-\s]?177|lutetium"
    r"|\bLu-?DOTA-?(?:TATE|TOC|NOC)\b|\bLuTate\b",
    "everolimus": r"everolimus|afinitor|\bRAD-?001\b|\bmTOR\b|temsirolimus|\bsirolimus|\brapalogs?\b|\brapamycins?\b",
    "sunitinib": r"sunitinib|sutent|\bSU-?11248\b",
    "somatostatin analogue": r"somatostatin[- ]analog\w*|somatostatin\s+(?:\(SS\)\s+|[\w-]+\s+){0,2}analog\w*|\bSS\s+analog\w*|\bSS-?LAR\b|\bSSAs?\b|octreotide|lanreotide|sandostatin|somatuline|pasireotide",
    "chemotherapy": r"chemo\w*|gemcitabine|platinum|cisplatin|carboplatin|oxaliplatin|capecitabine|temozolomide|streptozo\w+"
    r"|fluorouracil|\b5-?FU\b|FOLFIRINOX|cytotoxic|paclitaxel|docetaxel|vinorelbine|etoposide|irinotecan|dacarbazine"
    r"|alkylating\s+agents?|fluoropyrimidines?|\btaxanes?\b|anthracyclines?|\bCAP-?TEM\b|\bFOLFOX\w*|\bFOLFIRI\w*|\bXELOX\b|\bCAPOX\b",
    "radiotherapy": r"radiotherap\w*|radiation(?!\s+pneumonitis)|irradiation|\bXRT\b",
    "targeted therapy": r"kinase\s+inhibitors?|\bTKIs?\b|\bVEGF\w*|vascular\s+endothelial\s+growth\s+factor|sorafenib|pazopanib"
    r"|\banti-?\s?angiogen\w*|\bangiogenesis\s+inhibitors?"
    r"|cabozantinib|lenvatinib|vandetanib|axitinib|anlotinib|surufatinib|erlotinib|gefitinib|bevacizumab"
    r"|PARP\s+inhibitors?|olaparib|BTK\s+inhibitors?|ibrutinib|JAK\s+inhibitors?|ruxolitinib"
    r"|small\s+molecule\s+inhibitors?|targeted\s+therap\w*|targeted\s+(?:agents?|drugs?|medicines?)\b|targeted\s+small[- ]molecules?\s+(?:therap\w*|agents?|drugs?|inhibitors?)|AG-013736",
    "immunotherapy": r"immunotherap\w*|checkpoint|anti-?PD-?L?1|\bPD-?L?1\b|CTLA-?4|nivolumab|pembrolizumab|ipilimumab"
    r"|atezolizumab|durvalumab|CD\s?137",
    "interferon": r"interferon|\bIFN\b",
    "liver-directed therapy": r"emboli[sz]ation|\bTACE\b|\bSIRT\b|radiofrequency\s+ablation|hepatic\s+arter\w+\s+(?:infusion|therapy)",
    "any cancer treatment": r"(?<!(?<!(?:standard|approved) or )investigational )(?<!(?<!(?:standard|approved) or )experimental )(?:anti-?cancer|anti-?tumou?r|antineoplastic|cancer-directed|(?:Pan)?NET-directed|tumou?r-directed|disease-directed)\s+(?:therap\w*|treatments?|agents?|drugs?)"
    r"|\bline\s+of\s+systemic|(?:previous|prior|any)\s+(?:treatments?|therap(?:y|ies))\b(?!\s+(?:(?:with|of|using|by|containing|including|such|that|which)\b|for\s+(?!cancer|the\s+current|NET|GEP))|\s+within\s+(?:\S+\s+){1,4}?(?:with|of|using|by|containing)\b|\s*\([^()]*\)\s+(?:with|of|using|by|containing)\b)"
    r"|\b(?:therapy|treatment)[- ]na[iï]ve|\buntreated\b(?!\s+(?:with|by)\b)|no\s+previous\s+treatment(?!\s+(?:with|of|using|by|containing|including)\b)|neo-?adjuvant\s+treatment"
    r"|(?:prior|previous)\s+(?:line\s+of\s+)?systemic\s+(?:therap\w*|treatments?)"
    r"|systemic\s+(?:therap\w*|treatments?)\s+for\s+(?:\w+\s+){0,3}(?:cancer|disease|malignan\w*|carcinoma|SCLC|tumou?rs?)"
    r"|\b(?:therap\w*|treatments?)\s+(?:for|directed\s+at)\s+(?:the\s+)?(?:cancer|malignan\w*)"
    r"|previous\s+therapies\s+for\s+cancer"
    # "Systemic, biologic, other radioisotope, embolization therapies within 4 weeks": a list headed by "systemic"
    r"|\bsystemic\s*,\s*(?:[\w-]+\s*,?\s*(?:and\s+|or\s+)?){1,4}?(?:therapies|treatments)\b",
}
# and every drug the one-drug reader knows by name ("TMZ", "TAS-102", "avelumab", "ramucirumab")
for _kind in (EVEROLIMUS, CHEMOTHERAPY, TARGETED, IMMUNOTHERAPY):
    _TREATMENT_PATTERNS[_kind] += "|" + words_of(_kind)
_TREATMENT = {name: re.compile(p, re.I) for name, p in _TREATMENT_PATTERNS.items()}
_NOT_A_TREATMENT_HISTORY = re.compile(r"hypersensitiv|allerg|intoleran|contraindicat|toxicit|reaction\s+to", re.I)
_EXCEPT = re.compile(r"\bexcept(?:ion)?\b.*$|\bis\s+permitted\b.*$", re.I)
_REQUIRED = re.compile(
    r"\breceived\b|\btreated\s+with\b|\bafter\s+(?:failure|progression)|\bfailure\s+of\b|\bprogress\w*\s+(?:on|after|during|following|under)\b"
    r"|\brefractory\s+to\b|following\s+completion\s+of|\bon\s+treatment\s+with\b|\breceiving\b|\bstable\s+dose\b|\bmust\s+have\s+had\b"
    r"|\bpreviously\s+treated\b",
    re.I,
)
_NEGATIVE = re.compile(
    r"\bno\s+(?:prior|previous|current|other|concurrent)\b|\bnaive\b|\buntreated\b|\bnot\s+(?:have\s+)?(?:previously\s+)?received\b"
    r"|\bhave\s+discontinued\b|\bsince\b|\bwash-?out\b|treatment-free|\belapsed\b"
    r"|(?:at least|more than)\s*[0-9]+\s*(?:weeks?|months?|days?)\s*(?:prior|before|since|from|after|have)",
    re.I,
)
_SURGERY_REQUIRED = re.compile(
    r"\bresected\b|after\s+(?:surgical\s+)?resection|post-?surgery|have\s+undergone\s+(?:surgery|resection)|following\s+(?:surgery|resection)",
    re.I,
)
_SURGERY_BEFORE = re.compile(
    r"(?:previous|prior|major|minor|recent|history\s+of)\s+(?:\w+\s+){0,2}(?:surgery|surgical|operation|resections?)"
    r"|(?:surgery|operation|resections?)\b[^;]{0,60}(?:within|in\s+the\s+(?:last|past)|prior\s+to|before|less\s+than)"
    r"|underwent\s+(?:major\s+)?surgical",
    re.I,
)
_CONCURRENT = re.compile(r"^\W*(?:concurrent|concomitant|ongoing)\b", re.I)


def _treatments(sentence: str) -> list[str]:
    return [name for name, pattern in _TREATMENT.items() if pattern.search(sentence)]


def treatment_spans(sentence: str) -> list[tuple[str, int]]:
    """Each kind of treatment the sentence names, with where it is first named."""
    found = [(name, m.start()) for name, pattern in _TREATMENT.items() if (m := pattern.search(sentence))]
    return sorted(found, key=lambda item: item[1])


def _required(t: _Text) -> tuple[str, ...]:
    found: list[str] = []
    for sentence in _inclusion_proper(t):
        sentence = _EXCEPT.sub("", sentence)
        if _NOT_A_TREATMENT_HISTORY.search(sentence):
            continue
        if _REQUIRED.search(sentence):  # also with a wash-out ("received X ... 12 months have elapsed")
            found += _treatments(sentence)
        if _SURGERY_REQUIRED.search(sentence):
            found.append("surgery")
    return tuple(name for name in TREATMENTS if name in found)


def _excluded(t: _Text) -> tuple[str, ...]:
    found: list[str] = []
    for sentence in t.exclusion:
        sentence = _EXCEPT.sub("", sentence)
        if _NOT_A_TREATMENT_HISTORY.search(sentence):
            continue
        found += [n for n in _treatments(sentence) if n != "surgery"]
        if _SURGERY_BEFORE.search(sentence) or (_CONCURRENT.search(sentence) and re.search(r"surgery", sentence, re.I)):
            found.append("surgery")
    for sentence in _inclusion_proper(t):
        sentence = _EXCEPT.sub("", sentence)
        if _NEGATIVE.search(sentence) and not _NOT_A_TREATMENT_HISTORY.search(sentence):
            found += _treatments(sentence)
            if _SURGERY_BEFORE.search(sentence):
                found.append("surgery")
    return tuple(name for name in TREATMENTS if name in found)


# -- performance status ----------------------------------------------------------------------------
_SCALES = [
    ("ECOG", re.compile(r"\bECOG\b|Eastern\s+Cooperative\s+Oncology|Easter\s+Cooperative", re.I)),
    ("WHO", re.compile(r"\bWHO\b|World\s+Health\s+Organi[sz]ation")),
    ("SWOG", re.compile(r"\bSWOG\b", re.I)),
    ("Karnofsky", re.compile(r"Karnofsky|\bKPS\b", re.I)),
    ("PS", re.compile(r"performance\s+(?:status|score)|\bPS\b", re.I)),
]
_ABOUT_FITNESS = re.compile(r"perform|\bPS\b|ECOG|Eastern\s+Cooperative|Karnofsky|KPS|SWOG", re.I)  # not "WHO grade"
_END = r"(?![0-9%]|\.[0-9])"  # a whole score: not "1.5" or "10%"
_PS_RANGE = re.compile(rf"(?<![0-9.])([0-4])\s*(?:-|–|to)\s*([0-4]){_END}")
_PS_LIST = re.compile(rf"(?<![0-9.])0\s*,?\s*(?:1\s*,?\s*)?(?:or|and)\s*([1-4]){_END}")
_PS_AT_MOST = re.compile(rf"(?:at most|up to)\s*([0-4]){_END}")
_PS_LESS = re.compile(rf"less than\s*([1-4]){_END}")
_PS_AT_LEAST = re.compile(rf"(?:at least|more than)\s*([1-4]){_END}")
_PS_SINGLE = re.compile(rf"(?:status|score|PS|ECOG|WHO|SWOG)\W{{0,3}}(?:of\s+)?([0-4]){_END}(?!-)", re.I)
_KARNOFSKY = re.compile(r"(?:(at least|more than|of|is)\s*)?([1-9]0)\s*%?(?![0-9])", re.I)


def _performance_status(t: _Text) -> Optional[str]:
    for scale, pattern in _SCALES:
        for sentences, exclusion in ((t.inclusion, False), (t.exclusion, True)):
            for sentence in sentences:
                found = pattern.search(sentence)
                if not found or not _ABOUT_FITNESS.search(sentence):
                    continue
                value = _karnofsky(sentence, exclusion) if scale == "Karnofsky" else _ps_limit(sentence, exclusion)
                if value:
                    return f"{scale}{value}"
    return None


def _ps_limit(sentence: str, exclusion: bool) -> Optional[str]:
    if exclusion:  # "ECOG 3-4" or "ECOG at least 3" rules out 3 and above: at most 2 may join
        for pattern in (_PS_RANGE, _PS_AT_LEAST):
            found = pattern.search(sentence)
            if found:
                return f"<={int(found.group(1)) - 1}"
        return None
    for pattern, shift in ((_PS_RANGE, 2), (_PS_LIST, 1), (_PS_AT_MOST, 1), (_PS_LESS, 1)):
        found = pattern.search(sentence)
        if found:
            number = int(found.group(shift if pattern is _PS_RANGE else 1))
            return f"<={number - 1 if pattern is _PS_LESS else number}"
    found = _PS_SINGLE.search(sentence)
    return f"<={found.group(1)}" if found else None


def _karnofsky(sentence: str, exclusion: bool) -> Optional[str]:
    start = re.search(r"Karnofsky|KPS", sentence, re.I)
    tail = sentence[start.start() if start else 0 :]
    for found in _KARNOFSKY.finditer(tail):
        word = (found.group(1) or "").lower()
        if exclusion:
            return None
        return f">{found.group(2)}" if word == "more than" else f">={found.group(2)}"
    return None


# -- pregnancy -------------------------------------------------------------------------------------
_PREGNANT = re.compile(r"\bpregnan\w*|\blactat\w*|breast[- ]?\s?feed\w*|\bnursing\b", re.I)
_ONLY_PREVENTING = re.compile(r"(?:prevent|avoid)\w*\s+(?:a\s+)?pregnancy|pregnancy\s+test", re.I)
_NOT_PREGNANT = re.compile(
    r"\bnot\s+(?:be\s+)?pregnant|non-?pregnant|negative\s+(?:\w+\s+)?pregnancy\s+test|neither\s+pregnant|must\s+not\s+be\s+pregnant",
    re.I,
)


def _pregnancy(t: _Text) -> Optional[bool]:
    in_exclusion = any(_PREGNANT.search(_ONLY_PREVENTING.sub("", s)) for s in t.exclusion)
    return True if in_exclusion or _any(_NOT_PREGNANT, t.inclusion) else None
