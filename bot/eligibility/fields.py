"""The facts one criterion sentence states, field by field (see `logic.Fact`).

Each reader looks for its own words and asks `logic.mode_of` what the sentence does with
them. Readers keep to what is clear: a word outside its context (the pancreas in
"pancreatitis", a grade of side effects) gives no fact.
"""
from __future__ import annotations

import re
from dataclasses import replace
from typing import Callable

from bot.eligibility import facts as whole
from bot.eligibility.logic import ALLOWS, EXCLUDES, REQUIRES, Fact, mode_of, negated
from bot.eligibility.reading import OTHER_CANCER, new_fact
from bot.eligibility.treatment_facts import treatments

Reader = Callable[[str, str, str], list[Fact]]  # (sentence, section, item text) -> facts


# -- age and sex -------------------------------------------------------------------------------
_AGE_FIRST = re.compile(r"^\W*(?:\w+\W+){0,6}?(?:aged?\b|[0-9]{1,3}\s*(?:years?|yrs)|at\s+least|more\s+than|older|between)", re.I)


_BARE_AGE = re.compile(r"^\W*(?:more\s+than|at\s+least|over|older\s+than)\s*([0-9]{1,3})\s*(?:years?|yrs)\W*$", re.I)


def age(sentence: str, section: str, text: str) -> list[Fact]:
    bare = _BARE_AGE.match(sentence)
    if bare:  # ">18 years;"
        return [Fact("age", text, low=float(bare.group(1)))] if section == "inclusion" else []
    if not whole._AGE_CONTEXT.search(sentence) or re.search(r"\bchild\w*\s+bearing|\bexpectancy\b", sentence, re.I):
        return []
    low, high = whole.age_limits(sentence, exclusion=section == "exclusion")
    if low is None and high is None:
        return []
    said_plainly = _AGE_FIRST.search(sentence) and not re.search(r"\bor\b|\(", sentence[:whole._AGE_CONTEXT.search(sentence).start()])
    return [Fact("age", text, low=low, high=high, firm=bool(said_plainly))]


def sex(sentence: str, section: str, text: str) -> list[Fact]:
    if section != "inclusion":
        return []
    for pattern, value in ((whole._FEMALE_ONLY, "female"), (whole._MALE_ONLY, "male")):
        if pattern.search(sentence):
            return [Fact("sex", text, values=frozenset({value}))]
    return []


# -- where it started ---------------------------------------------------------------------------
_GUT = {"pancreas", "small bowel", "stomach", "appendix", "large bowel", "bowel"}
_INTESTINE = {"small bowel", "appendix", "large bowel", "bowel"}
_CARCINOID = re.compile(r"(?<!goblet cell )(?<!goblet-cell )(?<!atypical )\bcarcinoids?\b(?!\s+(?:syndrome|heart|crisis|symptoms?))", re.I)
_SITE_WORDS: list[tuple[re.Pattern, set[str], set[str]]] = [  # words, sites meant, sites that may be meant
    (re.compile(r"\bGEP\b|gastro-?entero-?pancrea\w*|gastro-?intestinal\s+(?:and|or|/)\s+pancrea\w*|\bGI\s+(?:and|or|/)\s+pancrea\w*", re.I), _GUT, set()),
    (re.compile(r"(?<!non-)(?<!non )\bpancrea(?:s|tic)\b|\bp-?NETs?\b|\bpan-?\s?NETs?\b|\bislet\s+cell", re.I), {"pancreas"}, set()),
    (re.compile(r"\bmid-?gut\b", re.I), {"small bowel", "appendix"}, {"bowel", "large bowel"}),
    (re.compile(r"\bsmall\s+(?:bowel|intestin\w*)|\bile(?:um|al)\b|\bjejun\w*|\bduoden\w*", re.I), {"small bowel"}, {"bowel"}),
    (re.compile(r"\bgastro-?entero\b(?!-?pancrea)|\bgastro-?intestinal\b|\bGI\b(?!-WHO)|\bintestin\w*|\bbowel\b|\bgut\b|\benteric\b|\balimentary", re.I), _INTESTINE | {"stomach"}, {"pancreas"}),
    (re.compile(r"\bstomach\b|\bgastric\b", re.I), {"stomach"}, set()),
    (re.compile(r"\bcolo-?rectal\b|\brect(?:um|al)\b|\bcolon\w*\b|\bhind-?gut\b|\blarge\s+(?:bowel|intestin\w*)", re.I), {"large bowel"}, {"bowel"}),
    (re.compile(r"\bappendi(?:x|ceal)\b", re.I), {"appendix"}, {"bowel", "large bowel"}),
    (_CARCINOID, set(), _INTESTINE | {"stomach", "lung"}),
    (re.compile(r"\blung\b|\bbronch\w*|\bpulmonary\b|\bthoracic\b|\bthym\w*", re.I), {"lung"}, set()),
]
_TUMOUR = r"(?:NETs?|NENs?|NECs?|neuroendocrine|carcinoids?|tumou?rs?|neoplasms?|carcinomas?|cancers?|primary|origin)"
_NET_WORDS = re.compile(r"\bprimary\s+(?:tumou?r|site|lesion)|gastro-?entero-?pancrea|neuroendocrine|\bendocrine\s+tumou?r|\bNE[TNC]s?\b|carcinoid|\bp-?NET|pan-?NET|\bGEP\b|islet\s+cell", re.I)
_ANY_SITE_AT_ALL = re.compile(r"\bany\s+(?:primary\s+)?(?:site|origin|location)\b|\bregardless\s+of\s+(?:the\s+)?(?:primary|site|origin)", re.I)
_UNKNOWN_PRIMARY = re.compile(r"\bunknown\s+(?:primary|origin)\b|\bCUP\b", re.I)
_EVERY_SITE = ("pancreas", "small bowel", "stomach", "lung", "appendix", "large bowel", "bowel", "unknown")
_NOT_NET_SITE = re.compile(r"adenocarcinoma|ductal|exocrine|acinar|\bPDAC\b|pancreatitis|insufficiency|enzyme|surgery|resection|biliary|obstruct|bleed|ulcer|fistula|perforat|absorb|motility|surgical|\bGI\s+(?:toxicit|disorder|disease)", re.I)


def site(sentence: str, section: str, text: str) -> list[Fact]:
    if OTHER_CANCER.search(sentence) or _NOT_NET_SITE.search(sentence) or not _NET_WORDS.search(sentence):
        return []
    if section == "exclusion" and _ABOUT_TREATMENT.search(sentence):
        return []
    if _ANY_SITE_AT_ALL.search(sentence):  # "a NET (any site)": every site will do
        return [Fact("site", text, values=frozenset(_EVERY_SITE), mode=ALLOWS)]
    by_mode: dict[str, tuple[set[str], set[str], int]] = {}  # mode -> sites, maybe, first place named
    for pattern, sites, also in _SITE_WORDS:
        for found in pattern.finditer(sentence):
            if _NOT_A_SITE.match(sentence[found.start():]) or not _near_tumour_words(sentence, found.start(), found.end()):
                continue
            mode = mode_of(sentence, section, found.start())
            if pattern is _CARCINOID and mode != REQUIRES:
                continue  # "goblet cell carcinoid" among the exclusions: a kind, not a site
            meant, maybe, start = by_mode.get(mode, (set(), set(), found.start()))
            by_mode[mode] = (meant | sites, maybe | also, min(start, found.start()))
    unknown = _UNKNOWN_PRIMARY.search(sentence)
    if unknown:  # "... or cancer of unknown primary": one of the sites it takes
        mode = mode_of(sentence, section, unknown.start())
        meant, maybe, start = by_mode.get(mode, (set(), set(), unknown.start()))
        by_mode[mode] = (meant | {"unknown"}, maybe, start)
    qualified = section == "exclusion" and bool(_MORE_THAN_A_SITE.search(sentence))
    found = [(mode, new_fact("site", sentence, section, text, start, values=frozenset(meant), maybe=frozenset(maybe - meant)))
             for mode, (meant, maybe, start) in by_mode.items() if meant or maybe]
    return [replace(f, mode=mode, firm=f.firm and not (qualified and mode == EXCLUDES) and not _PART_OF_ORGAN.search(sentence))
            for mode, f in found]


# An exclusion that names the site with more ("pNET lesions of more than 3 cm"): not about the site alone.
_MORE_THAN_A_SITE = re.compile(r"\b(?:size|growth|lesions?|suspected|malignant|symptomatic|hormone|functio\w*|grade|Ki-?67|metasta\w*"
                               r"|[0-9]+\s*(?:cm|mm)|progress\w*|resect\w*|remnant|remaining|recurren\w*)\b", re.I)
_PART_OF_ORGAN = re.compile(r"\b(?:head|body|tail|neck|uncinate)\b", re.I)


_ABOUT_TREATMENT = re.compile(r"\btreat\w*|\btherap\w*|\bsurg\w*|\breceiv\w*|\bprior\b|\bprevious\w*", re.I)
_NOT_A_SITE = re.compile(r"pancreatic\s+(?:enzyme|function|polypeptide)|head\s+of\s+the\s+pancreas|lung\s+(?:function|disease)|thoracic\s+(?:surgery|radio)", re.I)


def _near_tumour_words(sentence: str, start: int, end: int) -> bool:
    around = sentence[max(0, start - 70):end + 50]
    return bool(re.search(_TUMOUR, around, re.I))


# -- grade, Ki-67, NET or NEC -----------------------------------------------------------------------
_GRADE_NAMES = [
    (re.compile(r"\bwell(?:[- ]differentiated)?\s*(?:,\s*|\s*)(?:or|and|to|/|-)\s*moderately[- ]differentiated|\blow[- ]?(?:or|and|to|/|-)\s*intermediate[- ]grade"
                r"|\blow\b[^.;]{0,25}\bintermediate[- ]grade|\blow[- ]grade\b", re.I), {"1", "2"}),
    (re.compile(r"\blow\s+(?:or|and|to)\s+intermediate\b", re.I), {"1", "2"}),
    (re.compile(r"\bintermediate\b[^.;]{0,25}\bhigh[- ]grade", re.I), {"2", "3"}),
    (re.compile(r"\bmoderately[- ]differentiated\b|\bintermediate[- ]grade\b", re.I), {"2"}),
    (re.compile(r"\bhigh[- ]grade\b", re.I), {"3"}),
]


def grade(sentence: str, section: str, text: str) -> list[Fact]:
    if whole._TOXICITY_CONTEXT.search(sentence) or not whole._TUMOUR_CONTEXT.search(sentence) or OTHER_CANCER.search(sentence) \
            or _NOT_A_TUMOUR_GRADE.search(sentence):
        return []
    grades: set[str] = set()
    start = None
    for pattern, names in _GRADE_NAMES:
        found = pattern.search(sentence)
        if found:
            grades |= names
            start = found.start()
            break
    if whole._GRADE_WORDS.search(sentence):
        for found in [*whole._GRADE_RANGE.finditer(sentence), *whole._G_CODES.finditer(sentence)]:
            first = int(whole._ROMAN.get(found.group(1).lower(), found.group(1)))
            last = int(whole._ROMAN.get((found.group(2) or found.group(1)).lower(), found.group(2) or found.group(1)))
            grades |= {str(g) for g in range(min(first, last), max(first, last) + 1)}
            start = found.start() if start is None else start
    if not grades or start is None:
        return []
    # "well or moderately differentiated" is about how the cells look: a grade 3 NET may be well differentiated too
    by_look = bool(_BY_LOOK.search(sentence)) and not whole._GRADE_WORDS.search(sentence)
    return [new_fact("grade", sentence, section, text, start, values=frozenset(grades), firm=not by_look)]


_BY_LOOK = re.compile(r"differentiated", re.I)


_NOT_A_TUMOUR_GRADE = re.compile(r"Krenning|\buptake\b|\bscore\b|\bNYHA\b|\bheart\s+failure|\bCTCAE\b", re.I)
_KI67 = re.compile(r"\bKi-?\s?67\b|\bMIB-?1\b", re.I)
_NUMBER = r"([0-9]+(?:\.[0-9]+)?)\s*%?"
_KI67_LIMITS = [  # (pattern, which bound, strict)
    (re.compile(rf"(?:between\s+)?{_NUMBER}\s*(?:-|–|to|and)\s*{_NUMBER}", re.I), "range", False),
    (re.compile(rf"\b(?:at\s+most|up\s+to|no\s+more\s+than|maximum(?:\s+of)?)\s*{_NUMBER}", re.I), "high", False),
    (re.compile(rf"\b(?:less|lower)\s+than\s*{_NUMBER}|\bbelow\s*{_NUMBER}|\bunder\s*{_NUMBER}", re.I), "high", True),
    (re.compile(rf"\bat\s+least\s*{_NUMBER}|\bminimum(?:\s+of)?\s*{_NUMBER}", re.I), "low", False),
    (re.compile(rf"\b(?:more|higher)\s+than\s*{_NUMBER}|\babove\s*{_NUMBER}|\bover\s*{_NUMBER}|\bexceeding\s*{_NUMBER}", re.I), "low", True),
]


def ki67(sentence: str, section: str, text: str) -> list[Fact]:
    found = _KI67.search(sentence)
    if not found:
        return []
    tail = sentence[found.end():found.end() + 60]
    tail = re.split(r"[;]|\bor\s+(?:grade|G[123]|mitotic)|\band\s+(?:grade|G[123]|mitotic)", tail)[0]
    limits: dict[str, object] = {}
    for pattern, bound, strict in _KI67_LIMITS:
        limit = pattern.search(tail)
        numbers = [float(g) for g in limit.groups() if g] if limit else []
        if bound == "range" and len(numbers) == 2 and numbers[0] < numbers[1] <= 100 and not re.search(r"\bat\s+(?:least|most)\b|than", limit.group()):
            return [new_fact("ki67", sentence, section, text, found.start(), low=numbers[0], high=numbers[1],
                             firm=len(_KI67.findall(sentence)) == 1)]
        if bound != "range" and numbers and numbers[0] <= 100 and bound not in limits:  # "at least 10 and at most 55%": both
            limits.update({bound: numbers[0], f"{bound}_strict": strict})
    several = len(_KI67.findall(sentence)) > 1  # "G1-G2 (Ki-67 <= 20%) and G3 (Ki-67 <= 50%)": one limit per kind
    return [new_fact("ki67", sentence, section, text, found.start(), firm=not several, **limits)] if limits else []  # type: ignore[arg-type]


_NEC = re.compile(r"neuroendocrine\s+carcinomas?|\b(?:\w+-)?(?:Pan)?NECs?\b|poorly[- ]differentiated|small[- ]cell\s+(?:lung\s+)?(?:cancer|carcinoma)|(?<!N)\bSCLC\b"
                  r"|large[- ]cell\s+neuroendocrine|\bLCNEC\b", re.I)
_NET = re.compile(r"well[- ]?differentiated|well[- ]or[- ]moderately|well\s*/\s*moderately|(?<!goblet cell )\bcarcinoid(?!\s+(?:syndrome|heart|crisis|symptoms?|flush\w*|diarrh\w*|conditioned))|\blow[- ](?:or[- ]intermediate[- ])?grade\b", re.I)
_PLAIN_NET = re.compile(r"neuroendocrine\s+(?:tumou?rs?|neoplasms?)|\bNETs?\b|\bcarcinoids?\b", re.I)
_NEC_PHRASE = re.compile(r"(?:poorly[- ]differentiated|small[- ]cell|large[- ]cell|high[- ]grade|undifferentiated)\s+(?:[\w-]+\s+){0,2}"
                         r"(?:neuroendocrine\s+(?:tumou?rs?|neoplasms?|carcinomas?)|NETs?|NECs?)", re.I)
_MIXED = re.compile(r"mixed\s+\w+\s*(?:-|\s)?neuroendocrine\s+(?:carcinoma|neoplasm)s?|\bMANECs?\b|\bMiNENs?\b|\bmixed\b[^.;]{0,40}\bcarcinoma", re.I)


def differentiation(sentence: str, section: str, text: str) -> list[Fact]:
    if OTHER_CANCER.search(sentence) or (section == "exclusion" and _ABOUT_TREATMENT.search(sentence)):
        return []  # "previous treatment (for neuroendocrine carcinoma) with ...": about the treatment
    clean = _MIXED.sub(" ", sentence)
    net, nec = _NET.search(clean), _NEC.search(clean)
    if net and nec and re.search(r"\bwell\b[^.;]{0,60}?neuroendocrine\s+carcinoma", clean, re.I) and not re.search(r"poorly", clean, re.I):
        nec = None  # the older name: a well-differentiated neuroendocrine carcinoma is a NET
    if nec and not net:  # "SCLC ... or a neuroendocrine tumour of ... origin": a NET named plainly is one too
        plain_net = _PLAIN_NET.search(_NEC_PHRASE.sub(" ", clean))
        net = plain_net if plain_net and mode_of(clean, section, plain_net.start()) == REQUIRES == mode_of(clean, section, nec.start()) else None
    found = [new_fact("differentiation", clean, section, text, m.start(), values=frozenset({v})) for m, v in ((net, "NET"), (nec, "NEC")) if m]
    if len(found) == 2 and found[0].mode == found[1].mode != EXCLUDES:
        return []  # NETs and NECs both
    # a NET named among the exclusions is nearly always a complication ("obstruction from a carcinoid")
    return [f for f in found if not (f.mode == EXCLUDES and f.values == {"NET"})]


# -- spread and surgery ----------------------------------------------------------------------------
_SPREAD_PLACES = {
    "brain": r"brain|CNS|central\s+nervous\s+system|cerebral|leptomeningeal|intracranial", "liver": r"liver|hepatic",
    "bones": r"bones?|skeletal|osseous", "lungs": r"lungs?|pulmonary", "peritoneum": r"peritone\w*",
    "lymph nodes": r"lymph\s+nodes?|nodal",
}
_PLACE_METASTASES = [(place, re.compile(rf"\b(?:{words})\b[\w\s()-]{{0,20}}metasta\w*|metasta\w*\s+(?:\w+\s+){{0,2}}(?:to|in|of)\s+the\s+(?:{words})\b", re.I))
                     for place, words in _SPREAD_PLACES.items()]
_PLACE_SPREAD = [(("bones", "brain", "lungs"), re.compile(r"\bextra-?\s?abdominal\s+(?:disease|metasta\w*|spread|lesions?)", re.I)),
                 (("peritoneum",), re.compile(r"\bperitoneal\s+(?:carcinomatosis|metasta\w*|disease|spread)", re.I))]
_METASTATIC = re.compile(r"\bmetasta(?:tic|ses|sis|si[sz]ed)\b|\bstage\s*(?:IV|4)\b|\bdistant\s+(?:spread|disease)", re.I)
_UNRESECTABLE = re.compile(r"(?:curative\s+)?surgery\s+(?:is\s+)?(?:impossible|not\s+possible)|\bno\s+curatively\s+resectable|\bineligible\s+(?:to|for)[^.;]{0,50}(?:surg|resection)|\bunresectable|non-?resectable|\binoperable|not\s+(?:be\s+)?(?:amenable|suitable|eligible|appropriate|candidates?)\s+(?:to|for)\s+(?:curative\s+|radical\s+)?(?:resection|surgery|surgical)"
                           r"|not\s+(?:surgically\s+)?resectable|not\s+(?:be\s+)?removed|cannot\s+be\s+(?:surgically\s+)?(?:removed|resected)", re.I)
_RESECTABLE = re.compile(r"(?<![-\w])(?:completely\s+|potentially\s+|borderline\s+)?resectable\b|(?<![-\w])(?:surgically\s+)?removable\b|candidates?\s+for\s+(?:curative\s+|radical\s+)?(?:surgery|resection)"
                         r"|(?:scheduled|planned)\s+(?:for\s+)?(?:curative\s+)?(?:surgery|resection)", re.I)
_LOCALLY_ADVANCED = re.compile(r"locally[-,\s]+advanced|\badvanced\b", re.I)
_NO_SPREAD = re.compile(r"\blimited\s+to\s+the\s+(?:pancreas|primary|organ)|\bM0\b|\blocali[sz]ed\s+(?:disease|tumou?r|NET)|\bnon-?metastatic\b", re.I)
_CAN_BE_TREATED = re.compile(r"\b(?:amenable|resect\w*|curative|treatable|ablation)\b", re.I)
_ADVANCED = re.compile(r"(?<!locally )(?<!locally-)\badvanced\b(?!\s+(?:age|directive|heart|care|liver\s+disease))", re.I)
_ANYWHERE_ELSE = re.compile(r"\bextra-?\s?hepatic\b", re.I)
_HOW_MANY = re.compile(r"\b(?:multiple|single|solitary|isolated|several|numerous|diffuse|extensive|bulky|dominant|only|amenable|resect\w*"
                       r"|curative|treatable|ablation|symptomatic|untreated|stable|active)\b", re.I)
_SAMPLE = re.compile(r"(?:primary|tumou?r)\s+(?:\w+\s+)?or\s+(?:\w+\s+)?metasta|metasta\w*\s+(?:\w+\s+)?(?:confirmed|biops\w*|tissue|samples?|lesions?\s+confirmed)"
                     r"|biops\w*\s+(?:\w+\s+){0,3}metasta", re.I)
_OR = re.compile(r"\bor\b|and/or|/", re.I)


_NOT_ABOUT_SPREAD = re.compile(
    r"(?:surg\w*|therap\w*|treat\w*|resection|radio\w*|emboli\w*|ablation)\s+(?:[\w-]+\s+){0,3}(?:of|for|to)\s+(?:[\w-]+\s+){0,3}metasta"
    r"|\bULN\b|upper\s+limit|\bAST\b|\bALT\b|bilirubin|transaminase|dysfunction|cirrhosis|hepatitis|bone\s+marrow|\bif\s+(?:with|without|there)", re.I)


def spread(sentence: str, section: str, text: str) -> list[Fact]:
    if OTHER_CANCER.search(sentence) or _NOT_ABOUT_SPREAD.search(sentence):
        return []
    found: list[Fact] = []
    placed = False
    for place, pattern in _PLACE_METASTASES + _PLACE_SPREAD:
        hit = pattern.search(sentence)
        if hit:
            placed = True
            places = {place} if isinstance(place, str) else set(place)
            found.append(new_fact("spread", sentence, section, text, hit.start(), values=frozenset(places)))
    if _ANYWHERE_ELSE.search(sentence):  # "hepatic or extrahepatic metastases": anywhere
        found = [replace(f, values=frozenset(_SPREAD_PLACES)) for f in found]
    if section == "exclusion":  # "... in subjects without known brain metastases": a condition, not a need
        found = [f for f in found if f.mode != REQUIRES]
    if placed:
        how_many = bool(_HOW_MANY.search(sentence)) and (section == "exclusion" or not _CAN_BE_TREATED.search(sentence))
        return [replace(f, needs_more=True) for f in found] if how_many else found
    local = _NO_SPREAD.search(sentence)
    if local and not _METASTATIC.search(sentence):  # "tumour(s) limited to the pancreas (N0, M0)": must not have spread
        return [new_fact("spread", sentence, section, text, local.start(), flag=False)]
    metastatic = _METASTATIC.search(sentence)
    if metastatic and _SAMPLE.search(sentence):
        return []
    unresectable = _UNRESECTABLE.search(sentence)
    if not metastatic:
        advanced = _ADVANCED.search(sentence)
        if advanced and section == "inclusion" and mode_of(sentence, section, advanced.start()) == REQUIRES:
            # "advanced ... NET" alone: spread, or grown too far to be removed
            return [replace(new_fact(field, sentence, section, text, advanced.start(), flag=flag), group="stage")
                    for field, flag in (("spread", True), ("resectable", False))]
        return []
    if "metasta" in sentence[metastatic.start():].lower() and re.match(r"[\s\w]{0,30}\b(?:allowed|permitted)", sentence[metastatic.end():], re.I):
        return []
    fact = new_fact("spread", sentence, section, text, metastatic.start(), flag=True)
    if section == "exclusion" and fact.mode == REQUIRES:
        return []
    others = [m for m in (unresectable, _LOCALLY_ADVANCED.search(sentence.replace(metastatic.group(), " " * len(metastatic.group())))) if m]
    if fact.mode == REQUIRES and others and _OR.search(sentence):
        group = [fact]
        other = unresectable or others[0]  # "advanced or metastatic": grown too far to be removed, or spread
        group.append(new_fact("resectable", sentence, section, text, other.start(), flag=False))
        return [replace(f, group="stage") for f in group]
    return [fact]


def resectable(sentence: str, section: str, text: str) -> list[Fact]:
    if _METASTATIC.search(sentence) and _OR.search(sentence):
        return []  # read with the spread
    found = _UNRESECTABLE.search(sentence)
    if found:
        return [new_fact("resectable", sentence, section, text, found.start(), flag=False)]
    found = _RESECTABLE.search(sentence)
    if found and not re.search(r"\bun\w*$", sentence[:found.start()]):  # "no resectable disease": mode_of says no
        return [new_fact("resectable", sentence, section, text, found.start(), flag=True)]
    return []


# -- hormones and inherited conditions -------------------------------------------------------------
_NON_FUNCTIONING = re.compile(r"\bnon-?\s?functio\w+|hormonally\s+(?:inactive|silent)|non-?secret\w+", re.I)
_FUNCTIONING = re.compile(r"\bfunctio(?:nal|ning)\s+(?:\w+\s+)?(?:NETs?|NENs?|tumou?rs?|p-?NETs?|pan-?NETs?|neuroendocrine|pancreatic)"
                          r"|\bhormone[- ](?:secreting|producing)|\bhormone[- ]related\s+symptoms|\bsymptoms?\s+(?:of|from|related\s+to)\s+hormone|hormone\s+(?:excess|production|hypersecretion)|excessive\s+secretion|secretion\s+of\s+hormones|\bhormonal\s+(?:symptoms|syndrome|hypersecretion)|\bsecretory\s+syndrome", re.I)
_FUNCTIONING_OR_NOT = re.compile(r"\bfunctio\w*\s+(?:or|and|and/or|/)\s+non-?\s?functio\w+|\bnon-?\s?functio\w+\s+(?:or|and|and/or|/)\s+functio\w+", re.I)
_SYNDROME_WORDS = {
    "carcinoid syndrome": r"carcinoid\s+syndrome", "insulinoma": r"insulinomas?|hyperinsulin\w*",
    "gastrinoma": r"gastrinomas?|zollinger", "vipoma": r"vipomas?|verner", "glucagonoma": r"glucagonomas?",
    "somatostatinoma": r"somatostatinomas?",
}
_SYNDROME = {name: re.compile(rf"\b(?:{p})\b", re.I) for name, p in _SYNDROME_WORDS.items()}


def functioning(sentence: str, section: str, text: str) -> list[Fact]:
    found = _NON_FUNCTIONING.search(sentence)
    named = [(name, m) for name, pattern in _SYNDROME.items() if (m := pattern.search(sentence))]
    if found and _FUNCTIONING_OR_NOT.search(sentence):
        return []  # "functioning or non-functioning": either
    if found and named and _OR.search(sentence):  # "non-functional tumour or gastrinoma": no syndrome, or that one
        return [new_fact("functioning", sentence, section, text, found.start(), values=frozenset({"none", *(n for n, _ in named)}))]
    if found:
        return [new_fact("functioning", sentence, section, text, found.start(), flag=False)]
    general = _FUNCTIONING.search(sentence)
    facts: list[Fact] = []
    first = general or (named[0][1] if named else None)
    if first is None:
        return []
    facts.append(new_fact("functioning", sentence, section, text, first.start(), flag=True))
    if named:
        facts.append(new_fact("syndrome", sentence, section, text, named[0][1].start(),
                           values=frozenset(name for name, _ in named)))
    return facts


_MEN1 = re.compile(r"\bMEN-?\s?1\b|\bMEN\s+type\s+(?:1|I)\b|multiple\s+endocrine\s+neoplasia(?:\s+type)?\s*(?:1|I)\b", re.I)
_VHL = re.compile(r"\bVHL\b|von\s+Hippel", re.I)
_ANY_INHERITED = re.compile(r"\bgenetic\s+(?:disease|syndrome|disorder|predisposition)|\bhereditary\s+(?:syndrome|disease|tumou?r)|\bfamilial\s+(?:syndrome|NET|tumou?r)", re.I)
_SPORADIC = re.compile(r"\bsporadic\s+(?:[\w-]+\s+){0,2}(?:NETs?|p-?NETs?|PanNETs?|NF-PanNETs?|tumou?rs?|neuroendocrine|insulinomas?|gastrinomas?|disease|forms?|cases?)\b", re.I)


def inherited(sentence: str, section: str, text: str) -> list[Fact]:
    facts = [new_fact(field, sentence, section, text, m.start(), flag=True)
             for field, pattern in (("men1", _MEN1), ("vhl", _VHL)) if (m := pattern.search(sentence))]
    general = _ANY_INHERITED.search(sentence)
    if general and not facts:
        facts = [new_fact(field, sentence, section, text, general.start(), flag=True) for field in ("men1", "vhl")]
    sporadic = _SPORADIC.search(sentence)
    if sporadic and not facts:  # "sporadic": not inherited
        facts = [new_fact(field, sentence, section, text, sporadic.start(), flag=False) for field in ("men1", "vhl")]
        return facts
    if len(facts) == 2 and all(f.mode == REQUIRES for f in facts):
        facts = [replace(f, group="inherited") for f in facts]
    return facts


READERS: tuple[Reader, ...] = (age, sex, site, grade, ki67, differentiation, spread, resectable, functioning, inherited, treatments)


_CONDITIONAL = re.compile(r"^\W*(?:patients?|subjects?|participants?|those|women|men)\s+(?:with|who\s+(?:have|are))\s+[^;]{0,80}?"
                          r"\b(?:should|will\s+need|need\s+to|must\s+(?:have|be\s+(?:on|treated|receiving)|receive|use|agree))\b", re.I)


_DEFINITION = re.compile(r"\bdefined\s+(?:as|by)\b|\bis\s+defined\b|\bgraded\s+according|\bcorrespond\w*\s+to\s+different", re.I)
_ABOUT_THE_TUMOUR = ("site", "grade", "ki67", "differentiation")


def facts_of(sentence: str, section: str, text: str) -> list[Fact]:
    """Every fact one sentence of a criterion item states; none from "patients with X should
    have Y" (a condition on X, not a need for it), nor a grade's definition."""
    if _CONDITIONAL.search(sentence):
        return [fact for fact in treatments(sentence, section, text) if fact.mode != REQUIRES]
    found = [fact for reader in READERS for fact in reader(sentence, section, text)]
    return [f for f in found if f.field not in _ABOUT_THE_TUMOUR] if _DEFINITION.search(sentence) else found
