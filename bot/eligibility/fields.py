"""The facts one criterion sentence states, field by field (see `logic.Fact`).

Each reader looks for its own words and asks `logic.mode_of` what the sentence does with
them. Readers keep to what is clear: a word outside its context (the pancreas in
"pancreatitis", a grade of side effects) gives no fact.
"""

from __future__ import annotations

import re
from dataclasses import replace
from typing import Callable, Optional

from bot.eligibility import facts as whole
from bot.eligibility.logic import ALLOWS, EXCLUDES, REQUIRES, RULED_OUT, Fact, mode_of, negated
from bot.eligibility.reading import OTHER_CANCER, UNLESS, new_fact
from bot.eligibility.treatment_facts import treatments

Reader = Callable[[str, str, str], list[Fact]]  # (sentence, section, item text) -> facts


# -- age and sex -------------------------------------------------------------------------------
_AGE_FIRST = re.compile(
    r"^\W*(?:\w+\W+){0,6}?(?:aged?\b|[0-9]{1,3}\s*(?:years?|yrs)|at\s+least|more\s+than|older|between)", re.I
)


_TOO_OLD = re.compile(
    r"\b(?:patients?|subjects?|participants?|people)\s+(?:aged?\s+)?(?P<cmp>≥|>=|>|over|older\s+than|above|at\s+least)\s*"
    r"(?P<n>[0-9]{2,3})\s*(?:years?(?:\s+old)?|yrs)?\s+(?:are|is|will\s+be)\s+not\s+(?:allowed|eligible|permitted|included)\b",
    re.I,
)
_BARE_AGE = re.compile(r"^\W*(?:more\s+than|at\s+least|over|older\s+than)\s*([0-9]{1,3})\s*(?:years?|yrs)\W*$", re.I)


def age(sentence: str, section: str, text: str) -> list[Fact]:
    too_old = _TOO_OLD.search(sentence)
    if too_old:  # "patients ≥ 95 are not allowed": every age below it is
        at_limit_too = too_old.group("cmp") in ("≥", ">=") or "least" in too_old.group("cmp")
        return [Fact("age", text, high=float(too_old.group("n")), high_strict=at_limit_too)]
    sentence = _own_age_part(_AT_LEAST_IN_WORDS.sub("at least ", _NOT_PREGNANT.sub(" ", sentence)))
    bare = _BARE_AGE.match(sentence)
    if bare:  # ">18 years;"
        return [Fact("age", text, low=float(bare.group(1)))] if section == "inclusion" else []
    if (
        _ADULTS.search(sentence)
        and not _YOUNGER_TOO.search(sentence)
        and not whole._AGE_CONTEXT.search(sentence)
        and not _NOT_OWN_AGE.search(sentence)
    ):
        return [Fact("age", text, low=18.0)] if section == "inclusion" else []  # "Adult patients with ...": 18 or over
    if not whole._AGE_CONTEXT.search(sentence) or _NOT_OWN_AGE.search(sentence) or _AGE_AS_A_CONDITION.search(sentence):
        return []
    sentence = _ECHOED_LIMIT.sub(" ", sentence)  # "aged at least (at least) 18 years": ">=" written twice
    low, high = whole.age_limits(sentence, exclusion=section == "exclusion")
    if low is None and high is None:
        return []
    plain = _BOTH_SEXES.sub(" ", sentence)  # "Male or female patients at least 18 years of age": no alternative ages
    context = whole._AGE_CONTEXT.search(plain)
    said_plainly = (
        _AGE_FIRST.search(plain)
        and not re.search(r"\bor\b|\(", plain[: context.start() if context else 0])
        and not _OTHER_AGE.search(plain[context.start() if context else 0 :])
        and not _OTHER_AGE.search(_BOTH_SEXES.sub(" ", text))
    )
    return [
        Fact(
            "age",
            text,
            low=low,
            high=high,
            firm=bool(said_plainly),
            low_strict=_limit_left_out(sentence, low, section == "exclusion", _UP_TO_AND_WITH),
            high_strict=_limit_left_out(sentence, high, section == "exclusion", _FROM_AND_WITH, _BELOW),
        )
    ]


# "superior or equal to 18", "greater than/equal to 18", "over or equal 18", ">= to 18"
_AT_LEAST_IN_WORDS = re.compile(
    r"\b(?:superior|greater|more|higher|over)\s+(?:than\s*)?(?:or\s+|/\s*|and\s+)?equals?\b\s*(?:to\b)?\s*|\bat\s+least\s+to\b\s*",
    re.I,
)
# "Males or non-pregnant, non-breastfeeding females 18 years-of-age or older": who, not a pregnancy's age
_NOT_PREGNANT = re.compile(r"\bnon-?\s?(?:pregnant|lactating|breast-?\s?feeding|nursing)\b", re.I)
_AFTER_THE_AGE = re.compile(r"\s+(?:and|with)\s+|[;,]\s*", re.I)


def _own_age_part(sentence: str) -> str:
    """ "Age ≥ 18 years and life expectancy ≥ 3 months", "Men and women ≥ 18 years of age with an ECOG
    performance status ≤ 1": an age said first keeps its limit; the clause after it is about something
    else. Only when that clause names no age of its own ("or age < 60 with ...")."""
    if not _NOT_OWN_AGE.search(sentence) or not _AGE_FIRST.search(sentence):
        return sentence
    number = re.search(r"[0-9]", sentence)
    cut = _AFTER_THE_AGE.search(sentence, number.end()) if number else None
    if cut is None or _NOT_OWN_AGE.search(sentence[: cut.start()]) or whole._AGE_CONTEXT.search(sentence[cut.end() :]):
        return sentence
    return sentence[: cut.start()]


# an exclusion's "age at least 95" (or "at most 17") leaves that age out too; an inclusion's "less than 85 years" leaves 85 out
_FROM_AND_WITH = r"(?:at\s+least|minimum(?:\s+age)?(?:\s+of)?)\s*{n}\b|\b{n}\s*(?:years?|yrs)?[-\s]*(?:old\s*)?(?:of\s+age\s*)?(?:or|and)\s*(?:older|over|above|more)\b"
_UP_TO_AND_WITH = r"(?:at\s+most|up\s+to|maximum(?:\s+age)?(?:\s+of)?)\s*{n}\b|\b{n}\s*(?:years?|yrs)?\s*(?:of\s+age\s*)?(?:or|and)\s*(?:younger|under|less|below)\b"
_BELOW = r"(?:less\s+than|under|younger\s+than|below)\s*{n}\b"


def _limit_left_out(
    sentence: str, limit: float | None, exclusion: bool, excluded_with: str, included_below: str = ""
) -> bool:
    if limit is None or limit != int(limit):
        return False
    shape = excluded_with if exclusion else included_below
    return bool(shape) and bool(re.search(shape.format(n=int(limit)), sentence, re.I))


_ADULTS = re.compile(
    r"^\W*(?:(?:male\s+or\s+female|female\s+or\s+male)\s+)?adults?\b(?!\s+(?:doses?|dosing|formulation|height|weight|onset|respiratory|T-?cell))"
    r"(?:\s+(?:patients?|subjects?|participants?|men|women|males?|females?))?|\b(?:must|should)\s+be\s+(?:an?\s+)?adults?\b",
    re.I,
)
# "Subjects older than 80 years should be entered only if ...", "Patients aged >= 80 are not excluded": a condition, not a limit
_AGE_AS_A_CONDITION = re.compile(
    r"\bonly\s+if\b|\bprovided\b|\bnot\s+(?:be\s+)?excluded\b|\bshould\s+be\s+(?:\w+\s+)?evaluated\b"
    r"|\b(?:were|are|is|was)\s+considered\b[^.;]{0,40}\bif\b|\bif\s+(?:considered|deemed|judged)\b"
    # "HCT-CI < 5 for age < 65": a rule for one age group
    r"|\bfor\s+(?:those\s+|patients\s+|participants\s+|subjects\s+)?aged?\s*(?:less|more|greater|at|under|over|older|younger|above|below|[0-9])",
    re.I,
)
_YOUNGER_TOO = re.compile(
    r"contracept\w*|reproductive|adolescen\w*|child\w*|p(?:a)?ediatric|teen\w*|\bminors?\b|youth|juvenile|young\s+people",
    re.I,
)
# an age that is not a limit on the person's own age: a scale chosen by age, a donor's or a relative's, menarche, BMI centiles
_NOT_OWN_AGE = re.compile(
    r"\bchild\w*\s+bearing|\bexpectancy\b|Karnofsky|Lansky|performance\s+(?:status|score)|\bBMI\b|body\s+mass|\bdonors?\b|\brelatives?\b"
    r"|\bsiblings?\b|\bparents?\b|menarche|pregnan\w*|\bcreatinine\b|Cockcroft|Schwartz|amenorrh\w*|childbearing",
    re.I,
)
_BOTH_SEXES = re.compile(
    r"\b(?:males?|females?|men|women)\s*(?:or|and|and/or|/)\s*(?:males?|females?|men|women)\b", re.I
)
_ECHOED_LIMIT = re.compile(r"\(\s*(?:at\s+least|at\s+most|more\s+than|less\s+than)\s*\)", re.I)
# "Age at least 18 years or at least 12 years with body weight ...": another age is allowed too
_OTHER_AGE = re.compile(
    r"\bor\b(?!\s+(?:older|over|above|more|greater|younger|under|less|equal)\b)\s+(?:[\w-]+\s+){0,4}?(?:aged?\s+)?"
    r"(?:(?:at\s+least|at\s+most|more\s+than|less\s+than|over|under|older\s+than|younger\s+than)\s*)?[0-9]{1,3}(?:\s*(?:-|–|to)\s*[0-9]{1,3})?\s*(?:years?|yrs)\b",
    re.I,
)


def sex(sentence: str, section: str, text: str) -> list[Fact]:
    if section != "inclusion":
        return []
    for pattern, value in ((whole._FEMALE_ONLY, "female"), (whole._MALE_ONLY, "male")):
        if pattern.search(sentence):
            return [Fact("sex", text, values=frozenset({value}))]
    return []


# -- where it started ---------------------------------------------------------------------------
_GUT = {"pancreas", "small bowel", "stomach", "appendix", "large bowel", "rectum", "bowel"}
_INTESTINE = {"small bowel", "appendix", "large bowel", "rectum", "bowel"}
_CARCINOID = re.compile(
    r"(?<!goblet cell )(?<!goblet-cell )(?<!atypical )\bcarcinoids?\b(?!\s+(?:syndrome|heart|crisis|symptoms?))", re.I
)
_SITE_WORDS: list[
    tuple[re.Pattern, set[str], set[str]]
] = [  # words, sites meant, sites that may be meant; the first to match a span takes it
    # "primary tumour drained by the vena porta": the gut and pancreas; only the upper rectum drains there
    (
        re.compile(
            r"\bdrain\w*\s+(?:by|in(?:to)?|to)\s+(?:the\s+)?(?:vena\s+porta|portal\s+(?:vein|venous\s+system))\b", re.I
        ),
        _GUT - {"rectum"},
        {"rectum"},
    ),
    (
        re.compile(
            r"\bGEP\b|gastro-?\s?entero-?\s?pancrea\w*|gastro-?intestinal\s+(?:and|or|/)\s+pancrea\w*|\bGI\s+(?:and|or|/)\s+pancrea\w*|\bdigestive\b",
            re.I,
        ),
        _GUT,
        set(),
    ),
    (re.compile(r"\bduodeno-?\s?pancrea\w*", re.I), {"pancreas", "duodenum"}, {"small bowel", "bowel"}),
    (re.compile(r"\bentero-?\s?pancrea\w*", re.I), {"pancreas", "small bowel"}, _INTESTINE),
    (re.compile(r"\bpancrea(?:s|tic)\b|\bp-?NETs?\b|\bpan-?\s?NETs?\b|\bislet\s+cell", re.I), {"pancreas"}, set()),
    (re.compile(r"\bmid-?gut\b", re.I), {"small bowel", "appendix"}, {"bowel", "large bowel"}),
    (re.compile(r"\bfore-?gut\b", re.I), {"stomach", "pancreas", "lung"}, {"small bowel", "bowel"}),
    (
        re.compile(r"\bduoden\w*", re.I),
        {"duodenum"},
        {"small bowel", "bowel"},
    ),  # people rarely say "duodenum": small bowel may be it
    (re.compile(r"\bsmall\s+(?:bowel|intestin\w*)|\bile(?:um|al)\b|\bjejun\w*", re.I), {"small bowel"}, {"bowel"}),
    # the rectum is its own site: "colon" and "midgut (... ascending colon)" never take it
    (re.compile(r"\bcolo-?rectal\b|\blarge\s+(?:bowel|intestin\w*)", re.I), {"large bowel", "rectum"}, {"bowel"}),
    (re.compile(r"\bhind-?gut\b", re.I), {"rectum"}, {"large bowel", "bowel"}),  # the far colon and the rectum
    (re.compile(r"\brect(?:um|al)\b|\brecto-?sigmoid\w*", re.I), {"rectum"}, {"bowel"}),
    (re.compile(r"\bcolon\w*\b|\bc(?:a|e)ec(?:um|al)\b", re.I), {"large bowel"}, {"bowel"}),
    (re.compile(r"\bappendi(?:x|ceal)\b", re.I), {"appendix"}, {"bowel", "large bowel"}),
    (
        re.compile(
            r"\bgastro-?entero\b(?!-?pancrea)|\bgastro-?enteric\b|\bgastro-?intestinal\b|\bGI\b(?!-WHO)|\bgut\b|\balimentary",
            re.I,
        ),
        _INTESTINE | {"stomach"},
        {"pancreas"},
    ),
    (re.compile(r"\bintestin\w*|\bbowel\b|\benteric\b", re.I), _INTESTINE, set()),  # the stomach is not the intestine
    (re.compile(r"\bstomach\b|\bgastric\b", re.I), {"stomach"}, set()),
    (_CARCINOID, set(), _INTESTINE | {"stomach", "lung"}),
    (re.compile(r"\bthym(?:us|ic)\b", re.I), {"thymus"}, set()),
    (re.compile(r"\blung\b|\bbronch\w*|\bpulmonary\b|\bthoracic\b", re.I), {"lung"}, set()),
]
# "extra-pulmonary", "extrapancreatic": every site but that one, so the same as "non-"
_EXTRA = re.compile(r"\bextra-?(?=pancrea|pulmon|intestin|gastric)", re.I)
# words that make an exclusion about more than where it started ("a pancreatic NEC", "rare pancreatic
# tumours such as insulinomas"): the site alone fails no one, other readers judge the rest
_QUALIFIED = re.compile(
    r"\bcarcinomas?\b|\bNECs?\b|\bcancers?\b|poorly|undifferentiated|high[- ]grade|\bG3\b|\bgrade\b|Ki-?\s?67|small[- ]cell|large[- ]cell"
    r"|functio\w*|secret\w*|hormon\w*|syndrome|\w+omas?\b|\brare\b|\bsuch\s+as\b|\be\.?g\.?|\bincluding\b|suspect\w*|\bsizes?\b"
    r"|[0-9]+\s*(?:cm|mm)\b|lesions?|metasta\w*|resect\w*|avid|\bPET\b|uptake|atypical|typical|goblet|adeno\w*|\bMEN\b|mixed|\bin\s+patients\s+with\b",
    re.I,
)
_EVERY_KIND = re.compile(r"\b(?:typical|well[- ]differentiated)\s*(?:or|and|and/or|/)\s*atypical\b", re.I)
_CLAUSE_BREAK = re.compile(
    r";|,\s*or\b|\bor\s+(?:patients|subjects|those)\b|\.\s"
    r"|,(?!\s*(?:with|without|and|having|that|which|who|whose|showing|of|in|at|from|but|where|defined|as|according|i\.?e|e\.?g"
    r"|such|including|except|excluding|unless|if|when|or|not|no|[0-9<>≤≥]))",
    re.I,
)
_EXCEPTION_CUE = re.compile(
    r"\b(?:excluding|except|other\s+than|apart\s+from|with\s+the\s+exception\s+of|outside(?:\s+of)?|not\s+(?:of|from|arising))\b",
    re.I,
)
_EXAMPLE_CUE = re.compile(r"\bsuch\s+as\b|\be\.\s?g\.?|\bfor\s+example\b|\bincluding\b", re.I)
_SITE_OR_UNKNOWN = ("unknown", "thymus", "duodenum")


def sites_named(words: str) -> tuple[frozenset[str], frozenset[str]]:
    """The starts a few words name ("Pancreatic origin", "gastrointestinal NETs"), and those they may name."""
    values: set[str] = set()
    maybe: set[str] = set()
    for pattern, sites, may in _SITE_WORDS:
        if pattern.search(words):
            values |= sites
            maybe |= may
    return frozenset(values), frozenset(maybe - values)


def _clause(sentence: str, start: int) -> str:
    """The part of the sentence around `start` up to the nearest "; ", ", or", "or patients"."""
    cuts = [0, *(m.end() for m in _CLAUSE_BREAK.finditer(sentence) if m.end() <= start)]
    ends = [m.start() for m in _CLAUSE_BREAK.finditer(sentence) if m.start() > start]
    return sentence[max(cuts) : min(ends, default=len(sentence))]


def _site_excepted(sentence: str, at: int) -> bool:
    """ "any primary site other than the pancreas": a site taken out of "any site"; "any origin,
    excluding small cell lung cancer" takes out a kind of tumour, not the site."""
    cue = _EXCEPTION_CUE.match(sentence, at + len(sentence[at:]) - len(sentence[at:].lstrip(" ,(")))
    return cue is not None and not _QUALIFIED.search(_clause(sentence, cue.end()))


def _after_exception(sentence: str, start: int) -> bool:
    """A site named after "excluding" or "other than" in the same clause, however far back."""
    clause_start = max([0, *(m.end() for m in re.finditer(r";", sentence) if m.end() <= start)])
    return bool(_EXCEPTION_CUE.search(sentence[clause_start:start]))


_TUMOUR = r"(?:NETs?|p-?NETs?|pan-?NETs?|NENs?|NECs?|neuroendocrine|carcinoids?|tumou?rs?|neoplasms?|carcinomas?|cancers?|primary|origin)"
_NET_WORDS = re.compile(
    r"\bprimary\s+(?:tumou?r|site|lesion)|gastro-?entero-?pancrea|neuroendocrine|\bendocrine\s+tumou?r|\bNE[TNC]s?\b|carcinoid|\bp-?NET|pan-?NET|\bGEP\b|islet\s+cell",
    re.I,
)
_ANY_SITE_AT_ALL = re.compile(
    r"\bany\s+(?:primary\s+)?(?:site|origin|location)\b|\bregardless\s+of\s+(?:the\s+)?(?:primary|site|origin)", re.I
)
_UNKNOWN_PRIMARY = re.compile(r"\bunknown\s+(?:primary|origin)\b|\bCUP\b", re.I)
_EVERY_SITE = ("pancreas", "small bowel", "stomach", "lung", "appendix", "large bowel", "rectum", "bowel", "unknown")
_NOT_NET_SITE = re.compile(r"adenocarcinoma|ductal|exocrine|acinar|\bPDAC\b|pancreatitis|insufficiency|enzyme", re.I)
_SOLID_TUMOURS = re.compile(r"\bsolid\s+(?:tumou?rs?|malignan\w*|cancers?)\b", re.I)
_OTHER_ORGAN_CANCERS = re.compile(
    r"\b(?:breast|ovar(?:y|ian)|prostat\w*|cervi(?:x|cal)|uter(?:us|ine)|endometri\w*|renal|kidney|bladder|urothelial"
    r"|head\s+and\s+neck|melanomas?|gliomas?|glioblastomas?|sarcomas?|lymphomas?|leuk(?:a)?emias?|myelomas?|hepatocellular)\b",
    re.I,
)


def _many_cancers(sentence: str) -> bool:
    """ "solid tumors ... lung, breast, ovary, ..., and neuroendocrine tumors": the organs are other
    cancers' (lung cancer), and NETs of any start are one kind among them."""
    return (
        bool(_SOLID_TUMOURS.search(sentence))
        or len({m.group().lower() for m in _OTHER_ORGAN_CANCERS.finditer(sentence)}) >= 2
    )


_NOT_THE_NETS_START = re.compile(
    r"surgery|resection|biliary|obstruct|bleed|ulcer|fistula|perforat|absorb|motility|surgical|\bGI\s+(?:toxicit|disorder|disease)",
    re.I,
)


# "Confirmed diagnosis NET, including bronchial carcinoids": examples that widen a NET of no named start
_ANY_NET_FOR_EXAMPLE = re.compile(
    r"^\W*(?:[\w-]+\W+){0,6}?(?:NETs?|NENs?|neuroendocrine\s+(?:tumou?rs?|neoplasms?))\s*[,(]\s*(?:including|e\.\s?g\.?|such\s+as)\s",
    re.I,
)


def _any_net_for_example(sentence: str) -> bool:
    lead = _ANY_NET_FOR_EXAMPLE.match(sentence)
    return bool(
        lead
        and not any(pattern.search(lead.group()) for pattern, _, _ in _SITE_WORDS)
        and not _EXCEPTION_CUE.search(lead.group())
        and not re.search(r"\b(?:no|not|without|non)\b", lead.group(), re.I)
    )


def site(sentence: str, section: str, text: str) -> list[Fact]:
    """Where the NET started, read with its logic: a list of sites is any one of them; sites after
    "excluding" or "other than" are ruled out; examples after "including" or "such as" add nothing
    to the sites before them. A rule-out is firm only when the clause is about the site alone."""
    if section == "inclusion" and _any_net_for_example(sentence):
        return [Fact("site", text, values=frozenset(_EVERY_SITE), mode=ALLOWS)]
    if _NOT_THE_NETS_START.search(sentence):
        return []  # "prior pancreatic surgery", "biliary obstruction": an organ, not where the NET started
    if _ABOUT_TREATMENT.search(sentence) and (section == "exclusion" or RULED_OUT.search(sentence)):
        return []
    return site_of_nets(sentence, section, text)


def site_of_nets(sentence: str, section: str, text: str) -> list[Fact]:
    """`site` for words known to be about the NETs themselves (a trial's title: "Surgery for Small
    Intestinal NETs" names where they start, not an operation had)."""
    if (
        OTHER_CANCER.search(sentence)
        or _NOT_NET_SITE.search(sentence)
        or not _NET_WORDS.search(sentence)
        or _many_cancers(sentence)
    ):
        return []
    every = _ANY_SITE_AT_ALL.search(sentence)
    if every and not _site_excepted(sentence, every.end()):
        # "a NET (any site)": every site will do; "any site other than the lung" is read below
        return [Fact("site", text, values=frozenset(_EVERY_SITE), mode=ALLOWS)]
    sentence = _EXTRA.sub(lambda m: " " * (len(m.group()) - 4) + "non-", sentence)  # same length: places stay
    working = sentence
    example = _EXAMPLE_CUE.search(working)
    by_mode: dict[
        tuple[str, bool], tuple[set[str], set[str], int, bool]
    ] = {}  # (mode, firm) -> sites, maybe, first place named, firm
    for pattern, sites, also in _SITE_WORDS:
        for hit in pattern.finditer(working):
            if _NOT_A_SITE.match(working[hit.start() :]) or not _near_tumour_words(sentence, hit.start(), hit.end()):
                continue
            working = (
                working[: hit.start()] + " " * (hit.end() - hit.start()) + working[hit.end() :]
            )  # one reading per word
            mode = mode_of(sentence, section, hit.start())
            excepted = _after_exception(sentence, hit.start())
            if excepted and not negated(sentence, hit.start()):
                mode = REQUIRES if mode == EXCLUDES else EXCLUDES if mode == REQUIRES else mode
            if pattern is _CARCINOID and mode != REQUIRES:
                continue  # "goblet cell carcinoid" among the exclusions: a kind, not a site
            ruling_out = mode == EXCLUDES or (section == "exclusion" and mode == REQUIRES)
            clause = _EVERY_KIND.sub(
                " ", _clause(sentence, hit.start())
            )  # "typical or atypical carcinoid": every carcinoid
            firm = not (ruling_out and (section == "exclusion" or excepted) and _QUALIFIED.search(clause))
            if mode == REQUIRES and example and hit.start() > example.start():
                firm = False  # only an example of what went before
            key = (mode, firm if ruling_out else True)  # one list of sites asked for; rule-outs firm or not apart
            meant, maybe, start, was_firm = by_mode.get(key, (set(), set(), hit.start(), True))
            by_mode[key] = (meant | sites, maybe | also, min(start, hit.start()), was_firm and firm)
    if example:  # "GEP-NETs (including pancreatic ...)": what is named before the examples is the rule
        for key, (meant, maybe, start, firm) in list(by_mode.items()):
            if key[0] == REQUIRES and start < example.start():
                by_mode[key] = (meant, maybe, start, True)
    unknown = _UNKNOWN_PRIMARY.search(sentence)
    if unknown:  # "... or cancer of unknown primary": one of the sites it takes
        mode = mode_of(sentence, section, unknown.start())
        if (
            section == "inclusion"
            and mode == EXCLUDES
            and not re.search(
                r"\b(?:no|not|excluding|except|without)\W+(?:\w+\W+){0,2}$", sentence[: unknown.start()], re.I
            )
        ):
            mode = REQUIRES  # "other than the lung (including unknown primary)": the unknown primary is taken
        if (
            mode == REQUIRES
            and example
            and unknown.start() > example.start()
            and not any(k[0] == REQUIRES for k in by_mode)
        ):
            mode = ALLOWS
        key = next((k for k in by_mode if k[0] == mode), (mode, True))
        meant, maybe, start, firm = by_mode.get(key, (set(), set(), unknown.start(), True))
        by_mode[key] = (meant | {"unknown"}, maybe, start, firm)
    qualified = section == "exclusion" and bool(_MORE_THAN_A_SITE.search(sentence))
    found = [
        (
            mode,
            firm
            and bool(
                meant - set(_SITE_OR_UNKNOWN) or mode == REQUIRES and meant
            ),  # "carcinoid" alone: maybe anywhere but the pancreas
            new_fact("site", sentence, section, text, start, values=frozenset(meant), maybe=frozenset(maybe - meant)),
        )
        for (mode, _), (meant, maybe, start, firm) in by_mode.items()
        if meant or maybe
    ]
    if section == "inclusion":
        found = _everywhere_but(found)
    plain = not UNLESS.search(sentence)  # examples were weighed above
    part = _PART_OF_ORGAN.search(sentence)
    # "the pancreatic body and tail": a pancreas may or may not be it; any other site clearly is not
    return [
        replace(
            f,
            mode=mode,
            firm=plain and firm and not (qualified and mode == EXCLUDES),
            values=frozenset({"part of " + v for v in f.values}) if part else f.values,
            maybe=f.maybe | f.values if part else f.maybe,
        )
        for mode, firm, f in found
    ]


def _everywhere_but(found: list[tuple[str, bool, Fact]]) -> list[tuple[str, bool, Fact]]:
    """ "Extra-pulmonary NEC, including unknown primary": every start but the ones ruled out, the
    unknown primary among them, so an unknown primary is taken, not a question."""
    takes_unknown = any(mode in (REQUIRES, ALLOWS) and f.values == {"unknown"} for mode, _, f in found)
    ruled_out = [(firm, f) for mode, firm, f in found if mode == EXCLUDES and f.values]
    asks_other = any(mode == REQUIRES and f.values - {"unknown"} for mode, _, f in found)
    if not takes_unknown or not ruled_out or asks_other:
        return found
    excluded = frozenset().union(*(f.values for _, f in ruled_out))
    first = ruled_out[0][1]
    unplaced = frozenset({"bowel"}) if excluded & _INTESTINE else frozenset()  # "bowel" may be the part ruled out
    every_other = frozenset(_EVERY_SITE) - excluded - unplaced
    kept = [(m, fi, f) for m, fi, f in found if not (m == EXCLUDES and f.values) and f.values != {"unknown"}]
    return [(REQUIRES, all(fi for fi, _ in ruled_out), replace(first, values=every_other, maybe=unplaced)), *kept]


# An exclusion that names the site with more ("pNET lesions of more than 3 cm"): not about the site alone.
_MORE_THAN_A_SITE = re.compile(
    r"\b(?:size|growth|lesions?|suspected|malignant|symptomatic|hormone|functio\w*|grade|Ki-?67|metasta\w*"
    r"|multiple|multi-?focal|multi-?centric|several|numerous|synchronous|(?:more\s+than|at\s+least)\s+(?:one|two|1|2)|(?:two|2)\s+or\s+more"
    r"|[0-9]+\s*(?:cm|mm)|progress\w*|resect\w*|remnant|remaining|recurren\w*)\b",
    re.I,
)
_PART_OF_ORGAN = re.compile(r"\b(?:head|body|tail|neck|uncinate)\b", re.I)
# the words that leave a site's rule-out unsure (`_QUALIFIED`, `_MORE_THAN_A_SITE`) that other readers read as a field
_QUALIFIER_FIELDS = (
    (
        re.compile(
            r"carcinomas?|NECs?|poorly|undifferentiated|high[- ]grade|small[- ]cell|large[- ]cell|differentiated", re.I
        ),
        {"differentiation", "grade"},
    ),
    (re.compile(r"G3|grade|Ki-?\s?67", re.I), {"grade", "ki67", "differentiation"}),
    (
        re.compile(r"functio\w*|secret\w*|hormon\w*|syndrome|(?:insulin|gastrin|vip|glucagon|somatostatin)omas?", re.I),
        {"functioning", "syndrome"},
    ),
    (re.compile(r"metasta\w*", re.I), {"spread"}),
    (re.compile(r"resect\w*", re.I), {"resectable"}),
    (re.compile(r"MEN", re.I), {"men1"}),
)


def qualifier_fields(text: str) -> Optional[list[set[str]]]:
    """For each word qualifying a site in `text`, the fields it may belong to ("Functioning PanNET": functioning or
    syndrome); None when one is of no field ("pNET lesions of more than 3 cm", "such as"): the site stays unsure."""
    found = []
    for hit in [*_QUALIFIED.finditer(text), *_MORE_THAN_A_SITE.finditer(text)]:
        fields = next((f for pattern, f in _QUALIFIER_FIELDS if pattern.fullmatch(hit.group().strip())), None)
        if fields is None:
            return None
        found.append(fields)
    return found


_ABOUT_TREATMENT = re.compile(r"\btreat\w*|\btherap\w*|\bsurg\w*|\breceiv\w*|\bprior\b|\bprevious\w*", re.I)
_NOT_A_SITE = re.compile(
    r"GI\.\s?NET|digestive\s+(?:enzymes?|disorders?|diseases?|symptoms?|toxicit\w*|bleed\w*|function)|pancreatic\s+(?:enzyme|function|polypeptide)|head\s+of\s+the\s+pancreas|lung\s+(?:function|disease)|thoracic\s+(?:surgery|radio)",
    re.I,
)


_LIST_GOES_ON = re.compile(r"(?:\s*(?:,|/|\bor\b|\band\b|and/or)\s*(?:the\s+)?[A-Za-z-]+){1,8}")


def _near_tumour_words(sentence: str, start: int, end: int) -> bool:
    """Tumour words near the site word, or after the list it begins ("Gastric, duodenal, ..., or rectal NET")."""
    listed = _LIST_GOES_ON.match(sentence, end)
    around = sentence[max(0, start - 70) : (listed.end() if listed else end) + 50]
    return bool(re.search(_TUMOUR, around, re.I))


# -- grade, Ki-67, NET or NEC -----------------------------------------------------------------------
_GRADE_NAMES = [
    (
        re.compile(
            r"\bwell(?:[- ]differentiated)?\s*(?:,\s*|\s*)(?:or|and|to|/|-)\s*moderately[- ]differentiated|\blow[- ]?(?:or|and|to|/|-)\s*intermediate[- ]grade"
            r"|\blow\b[^.;]{0,25}\bintermediate[- ]grade|\blow[- ]grade\b"
            r"|\b(?:NETs?|neuroendocrine\s+tumou?rs?)\s+of\s+lower\s+grades?\b|\blower[- ]grade\s+(?:NETs?|neuroendocrine)\b",
            re.I,
        ),
        {"1", "2"},
    ),
    (re.compile(r"\blow\s+(?:or|and|to)\s+intermediate\b", re.I), {"1", "2"}),
    (re.compile(r"\bintermediate\b[^.;]{0,25}\bhigh[- ]grade", re.I), {"2", "3"}),
    (re.compile(r"\bmoderately[- ]differentiated\b|\bintermediate[- ]grade\b", re.I), {"2"}),
    (re.compile(r"\bhigh[- ]grade\b", re.I), {"3"}),
]


def grade(sentence: str, section: str, text: str) -> list[Fact]:
    if (
        whole._TOXICITY_CONTEXT.search(sentence)
        or not whole._TUMOUR_CONTEXT.search(sentence)
        or OTHER_CANCER.search(sentence)
        or _NOT_A_TUMOUR_GRADE.search(sentence)
    ):
        return []
    if _ANY_GRADE.search(sentence):  # "a NET of any grade": every grade will do
        return [Fact("grade", text, mode=ALLOWS, every=True)] if section == "inclusion" else []
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
    # and "well-to-moderately differentiated (or low-grade)": a grade named only in brackets glosses the look
    explicit = whole._GRADE_RANGE.search(sentence) or whole._G_CODES.search(sentence)
    by_look = (
        bool(_BY_LOOK.search(sentence))
        and not explicit
        and not whole._GRADE_WORDS.search(re.sub(r"\(\s*or\b[^)]*\)", " ", sentence))
    )
    # "high-grade neuroendocrine carcinoma": a carcinoma named by its grade; whether a G3 NET counts, the team must say
    named_carcinoma = grades == {"3"} and not explicit and _HIGH_GRADE_CARCINOMA.search(sentence)
    return [
        new_fact(
            "grade",
            sentence,
            section,
            text,
            start,
            values=frozenset(grades),
            maybe=frozenset({G3_NET}) if named_carcinoma else frozenset(),
            firm=not by_look,
        )
    ]


_HIGH_GRADE_CARCINOMA = re.compile(
    r"\bhigh[- ]grade\s+(?:neuroendocrine\s+(?:carcinomas?|cancers?)|NECs?\b|(?:[\w-]+\s+)?carcinomas?)", re.I
)


_BY_LOOK = re.compile(r"differentiated", re.I)
_ANY_GRADE = re.compile(
    r"\b(?:any|all)\s+(?:WHO\s+)?grades?\b(?!\s*(?:[0-9IV]|≥|>|<|≤))|\bregardless\s+of\s+(?:the\s+)?(?:tumou?r\s+)?grade|\birrespective\s+of\s+(?:the\s+)?(?:tumou?r\s+)?grade",
    re.I,
)


_NOT_A_TUMOUR_GRADE = re.compile(
    r"Krenning|\buptake\b|\bscore\b|\bNYHA\b|\bheart\s+failure|\bCTCAE\b|\bULN\b|bilirubin|creatinine|potassium|calcium|magnesium"
    r"|neutrophil|platelet|ha?emoglobin|ana?emia",
    re.I,
)
_KI67 = re.compile(r"\bKi-?\s?67\b|\bMIB-?1\b", re.I)
_NUMBER = r"([0-9]+(?:\.[0-9]+)?)\s*%?"
_KI67_LIMITS = [  # (pattern, which bound, strict)
    (re.compile(rf"(?:between\s+)?{_NUMBER}\s*(?:-|–|to|and)\s*{_NUMBER}", re.I), "range", False),
    (re.compile(rf"\b(?:at\s+most|up\s+to|no\s+more\s+than|maximum(?:\s+of)?)\s*{_NUMBER}", re.I), "high", False),
    (re.compile(rf"\b(?:less|lower)\s+than\s*{_NUMBER}|\bbelow\s*{_NUMBER}|\bunder\s*{_NUMBER}", re.I), "high", True),
    (re.compile(rf"\bat\s+least\s*{_NUMBER}|\bminimum(?:\s+of)?\s*{_NUMBER}", re.I), "low", False),
    (
        re.compile(
            rf"\b(?:more|higher)\s+than\s*{_NUMBER}|\babove\s*{_NUMBER}|\bover\s*{_NUMBER}|\bexceeding\s*{_NUMBER}",
            re.I,
        ),
        "low",
        True,
    ),
]


def ki67(sentence: str, section: str, text: str) -> list[Fact]:
    found = _KI67.search(sentence)
    if not found:
        return []
    tail = sentence[found.end() : found.end() + 60]
    tail = re.split(r"[;]|\bor\s+(?:grade|G[123]|mitotic)|\band\s+(?:grade|G[123]|mitotic)", tail)[0]
    limits: dict[str, object] = {}
    for pattern, bound, strict in _KI67_LIMITS:
        limit = pattern.search(tail)
        numbers = [float(g) for g in limit.groups() if g] if limit else []
        if (
            bound == "range"
            and len(numbers) == 2
            and numbers[0] < numbers[1] <= 100
            and limit is not None
            and not re.search(r"\bat\s+(?:least|most)\b|than", limit.group())
        ):
            return [
                new_fact(
                    "ki67",
                    sentence,
                    section,
                    text,
                    found.start(),
                    low=numbers[0],
                    high=numbers[1],
                    firm=len(_KI67.findall(sentence)) == 1,
                )
            ]
        if (
            bound != "range" and numbers and numbers[0] <= 100 and bound not in limits
        ):  # "at least 10 and at most 55%": both
            limits.update({bound: numbers[0], f"{bound}_strict": strict})
    several = len(_KI67.findall(sentence)) > 1  # "G1-G2 (Ki-67 <= 20%) and G3 (Ki-67 <= 50%)": one limit per kind
    return [new_fact("ki67", sentence, section, text, found.start(), firm=not several, **limits)] if limits else []


# "high grade (G3) neuroendocrine cancer": a carcinoma named by its grade; plain "neuroendocrine cancer" may be any NET
_HIGH_GRADE_CANCER = r"high[- ]grade\s*(?:\(\s*G3\s*\)\s*)?neuroendocrine\s+cancers?"
_NEC = re.compile(
    _HIGH_GRADE_CANCER
    + r"|neuroendocrine\s+carcinomas?|\b(?:\w+-)?(?:Pan)?NECs?\b|poorly[- ]differentiated|small[- ]cell\s+(?:lung\s+)?(?:cancer|carcinoma)|(?<!N)\bSCLC\b"
    r"|large[- ]cell\s+neuroendocrine|\bLCNEC\b",
    re.I,
)
_NET = re.compile(
    r"well[- ]?differentiated|well-?\s*(?:or|to)[- ]moderately|well\s*/\s*moderately|(?<!goblet cell )\bcarcinoid(?!\s+(?:syndrome|heart|crisis|symptoms?|flush\w*|diarrh\w*|conditioned))|\blow[- ](?:or[- ]intermediate[- ])?grade\b|\bintermediate[- ]grade\b",
    re.I,
)
_PLAIN_NET = re.compile(r"neuroendocrine\s+(?:tumou?rs?|neoplasms?)|\bNETs?\b|\bcarcinoids?\b", re.I)
_NEC_PHRASE = re.compile(
    r"(?:poorly[- ]differentiated|small[- ]cell|large[- ]cell|high[- ]grade|undifferentiated)\s+(?:[\w-]+\s+){0,2}"
    r"(?:neuroendocrine\s+(?:tumou?rs?|neoplasms?|carcinomas?)|NETs?|NECs?)",
    re.I,
)
_GENERAL_NEC = re.compile(
    r"(?<!cell )(?<!cell-)(?<!large )(?<!small )neuroendocrine\s+carcinomas?|(?<![-\w])NECs?\b|poorly[- ]differentiated"
    r"|high[- ]grade\s*(?:\(\s*G3\s*\)\s*)?(?:neuroendocrine|NE[CN])",
    re.I,
)
_HIGH_GRADE_MARK = re.compile(
    r"poorly|undifferentiated|high[- ]grade|\bG3\b|grade\s*(?:3|III)\b|small[- ]cell|large[- ]cell|\bSCLC\b|\bLCNEC\b|\bNECs?\b"
    r"|Ki-?\s?67\s*(?:index\s*)?(?:of\s*)?(?:>|≥|greater|more|above|over|at\s+least)|Ki-?\s?67[^.;]{0,20}?\b(?:2[0-9]|[3-9][0-9])\s*%?\s*(?:-|–|to)",
    re.I,
)
_NON_SMALL_CELL = re.compile(r"\bnon-?\s?small[- ]?cell(?:\s+(?:lung\s+)?(?:cancer|carcinoma)s?)?|\bNSCLC\b", re.I)
_BY_LOOK_NEC = re.compile(r"poorly|undifferentiated|small[- ]cell|large[- ]cell|\bSCLC\b|\bLCNEC\b", re.I)
# "poorly differentiated (as defined by WHO 2010, Ki 67 at least 20%)": then every G3 was a carcinoma, G3 NETs too
_WHO_2010 = re.compile(
    r"\bWHO\s*2010\b|\b2010\s+(?:WHO|classification)|World\s+Health\s+Organi[sz]ation\s+(?:in\s+)?2010|Ki-?\s?67\s*(?:index\s*)?(?:of\s*)?(?:at\s+least|more\s+than|over|above)\s*20\b",
    re.I,
)
G3_NET = "G3 NET"  # a `maybe` of a carcinoma named by its grade: a well-differentiated G3 NET may be meant
_MIXED = re.compile(
    r"mixed\s+\w+\s*(?:-|\s)?neuroendocrine\s+(?:carcinoma|neoplasm)s?|\bMANECs?\b|\bMiNENs?\b|\bmixed\b[^.;]{0,40}\bcarcinoma",
    re.I,
)


# "well-differentiated", "low-grade or intermediate-grade" neuroendocrine carcinoma: the name NETs had before 2010
_OLD_NAME_OF_A_NET = re.compile(
    # the qualifier must name the carcinoma itself: "low-grade NET, or neuroendocrine carcinoma" names both kinds
    r"\b(?:well|moderately|low[- ]grade|intermediate[- ]grade)\b"
    r"(?:(?!\b(?:NETs?|tumou?rs?|neoplasms?|or|and)\b)[^.;,]){0,60}?neuroendocrine\s+carcinoma",
    re.I,
)
_BY_LOOK_OR_GRADE_NEC = re.compile(
    r"poorly|undifferentiated|high[- ]grade|small[- ]cell|large[- ]cell|\bG3\b|grade\s*(?:3|III)\b", re.I
)


def differentiation(sentence: str, section: str, text: str) -> list[Fact]:
    if OTHER_CANCER.search(sentence) or (section == "exclusion" and _ABOUT_TREATMENT.search(sentence)):
        return []  # "previous treatment (for neuroendocrine carcinoma) with ...": about the treatment
    clean = _NON_SMALL_CELL.sub(
        " ", _MIXED.sub(" ", sentence)
    )  # "non-small cell lung cancer" is not a small cell carcinoma
    net, nec = _NET.search(clean), _NEC.search(clean)
    if net and nec and _OLD_NAME_OF_A_NET.search(clean) and not _BY_LOOK_OR_GRADE_NEC.search(clean):
        nec = None  # the older name: a well-differentiated or low-grade neuroendocrine carcinoma is a NET
    if nec and not net:  # "SCLC ... or a neuroendocrine tumour of ... origin": a NET named plainly is one too
        plain_net = _PLAIN_NET.search(_NEC_PHRASE.sub(" ", clean))
        net = (
            plain_net
            if plain_net
            and mode_of(clean, section, plain_net.start()) == REQUIRES == mode_of(clean, section, nec.start())
            else None
        )
    found = [
        new_fact("differentiation", clean, section, text, m.start(), values=frozenset({v}))
        for m, v in ((net, "NET"), (nec, "NEC"))
        if m
    ]
    if nec and not _GENERAL_NEC.search(clean):
        # "small cell carcinoma", "LCNEC": one kind of NEC; ruling them out does not rule out every NEC
        found = [replace(f, firm=False) if f.values == {"NEC"} and f.mode == EXCLUDES else f for f in found]
    if nec and not net and not _HIGH_GRADE_MARK.search(clean) and not _WHO_2010.search(clean):
        # "metastatic neuroendocrine carcinoma" alone: before 2010 that named well-differentiated NETs too
        found = [replace(f, firm=False) if f.values == {"NEC"} and f.mode == REQUIRES else f for f in found]
    if nec and (not _BY_LOOK_NEC.search(clean) or _WHO_2010.search(clean)):
        # "neuroendocrine carcinoma, Ki-67 20-55%", "NEC G3 (WHO 2010)": named by its grade, so a G3 NET may count
        found = [
            replace(f, maybe=frozenset({G3_NET})) if f.values == {"NEC"} and f.mode == REQUIRES else f for f in found
        ]
    if len(found) == 2 and found[0].mode == found[1].mode != EXCLUDES:  # NETs and NECs both
        return [Fact("differentiation", text, mode=ALLOWS, every=True)] if section == "inclusion" else []
    # a NET named among the exclusions is nearly always a complication ("obstruction from a carcinoid"); a kind named
    # as an exception in an exclusion ("medical problems other than the diagnosis of SCLC") is not asked for
    return [
        f
        for f in found
        if not (f.mode == EXCLUDES and f.values == {"NET"}) and not (section == "exclusion" and f.mode == REQUIRES)
    ]


# -- spread and surgery ----------------------------------------------------------------------------
_SPREAD_PLACES = {
    "brain": r"brain|CNS|central\s+nervous\s+system|cerebral|leptomeningeal|intracranial",
    "liver": r"liver|hepatic",
    "bones": r"bones?|skeletal|osseous",
    "lungs": r"lungs?|pulmonary",
    "peritoneum": r"peritone\w*",
    "lymph nodes": r"lymph\s+nodes?|nodal",
}
# between the place and "metastases" no word that makes the place the tumour's own start or a test ("lung cancer that is
# metastatic": a lung primary; "bone scan (for bone disease) or metastatic lesions": a scan), and no closing bracket
_NOT_BETWEEN = r"(?!\s*(?:cancers?|carcinomas?|tumou?rs?|NETs?|NECs?|neoplasms?|neuroendocrine|origin|primary|that|which|is|was|scans?|disease|imaging)\b)"
_PLACE_METASTASES = [
    (
        place,
        re.compile(
            rf"\b(?:{words})\b\)?(?:{_NOT_BETWEEN}[\w\s(/-]){{0,20}}metasta\w*|metasta\w*\s+(?:\w+\s+){{0,2}}(?:to|in|of)\s+the\s+(?:{words})\b",
            re.I,
        ),
    )
    for place, words in _SPREAD_PLACES.items()
]
_PLACE_SPREAD = [
    (("bones", "brain", "lungs"), re.compile(r"\bextra-?\s?abdominal\s+(?:disease|metasta\w*|spread|lesions?)", re.I)),
    (("peritoneum",), re.compile(r"\bperitoneal\s+(?:carcinomatosis|metasta\w*|disease|spread)", re.I)),
]
_METASTATIC = re.compile(
    r"\bmetasta(?:tic|ses|sis|si[sz]ed)\b(?!\s*\(?M\)?\s*0)|\bstage\s*(?:IV|4)\b|\bdistant\s+(?:spread|disease)", re.I
)
_UNRESECTABLE = re.compile(
    r"(?:curative\s+)?surgery\s+(?:is\s+)?(?:impossible|not\s+possible)"
    # "complete resection is not possible", "surgery with curative intent is not feasible" ("not indicated" may be a
    # small NET watched instead: no clear no)
    r"|\b(?:surgery|resection|operation)\s+(?:[\w-]+\s+){0,3}?(?:is\s+|was\s+)?(?:not\s+(?:possible|feasible)|impossible|unfeasible)|\bno\s+curatively\s+resectable|\bineligible\s+(?:to|for)[^.;]{0,50}(?:surg|resection)|\bunresectable|non-?\s?resectable|\binoperable|\bnon-?\s?operable|not\s+(?:be\s+)?(?:an?\s+)?(?:amenable|suitable|eligible|appropriate|(?:surgical\s+)?candidates?)\s+(?:(?!or\b)[\w-]+\s+){0,5}?(?:to|for)\s+(?:curative\s+|radical\s+|complete\s+|potentially\s+curative\s+)?(?:resection|surgery|surgical|removal)"
    r"|\bnon-?\s?surgical\s+candidates?|\bnot\s+(?:an?\s+)?(?:surgical|operative)\s+candidates?\b|\b(?:unfit|medically\s+unsuitable)\s+for\s+(?:curative\s+)?(?:surgery|resection)|\bsurgery\s+(?:is\s+)?contra-?indicated"
    r"|not\s+(?:surgically\s+)?resectable|not\s+(?:be\s+)?treatable\s+(?:by|with)\s+(?:surg\w*|(?:surgical\s+)?resection)|not\s+(?:be\s+)?removed|cannot\s+be\s+(?:surgically\s+)?(?:removed|resected)",
    re.I,
)
_RESECTABLE = re.compile(
    r"(?<!not )(?:amenable\s+to|suitable\s+for)\s+(?:curative\s+|complete\s+|radical\s+)?(?:surgical\s+)?(?:resection|surgery|removal)"
    r"|(?<![-\w])(?:completely\s+|potentially\s+|borderline\s+)?resectable\b|(?<![-\w])(?:surgically\s+)?removable\b|candidates?\s+for\s+(?:curative\s+|radical\s+)?(?:surgery|resection)"
    r"|(?:scheduled|planned)\s+(?:for\s+)?(?:curative\s+)?(?:surgical\s+)?(?:surgery|resection)"
    r"|(?<!no )\bpotential\s+for\s+(?:curative\s+)?(?:surgery|resection)|\bcurative\s+(?:surgery|resection)\s+(?:is\s+)?(?:possible|feasible|indicated|an\s+option)\b",
    re.I,
)
# "candidate for potentially curative therapies", "suitable for local therapy administered with curative intent": a cure
# other than an operation may be meant, so only those who cannot have one are clear
_CURATIVE_OPTION = re.compile(
    r"\b(?:candidates?|eligible|suitable|amenable)\s+(?:for|to)\s+(?:an?\s+)?(?:upfront\s+|immediate\s+)?(?:potentially\s+)?"
    r"(?:(?:curative|radical)\s+(?:(?:and/or|or)\s+[\w-]+\s+)?(?:surg\w*\s+)?(?:surg\w*|resections?|therap\w*|treatments?|options?)"
    r"|(?:local\s+|surgical\s+)?(?:therap\w*|treatments?|surgery|resection)\s+(?:[\w-]+\s+){0,2}with\s+curative\s+intent)"
    r"|\boptions?\s+(?:for|of)\s+(?:an?\s+)?(?:potentially\s+)?(?:curative|radical)\s+(?:surg\w*|resect\w*|therap\w*|treatments?)",
    re.I,
)
_ANY_OPERATION = re.compile(
    r"(?:scheduled|planned)\s+(?:for\s+)?surgery\s+(?!of|for)", re.I
)  # "scheduled for surgery that requires hospitalization"
_LOCALLY_ADVANCED = re.compile(r"locally[-,\s]+advanced|\badvanced\b", re.I)
# beside "advanced", another way in for a tumour that can still be removed: locally advanced, borderline, come back
_MAY_BE_REMOVED = re.compile(
    r"locally[-,\s]+advanced|\bborderline|\bresectable\b|\blocal(?:i[sz]ed)?\b|\bregional|\brecurr\w*|\brelaps\w*|\bintermediate\s+stage",
    re.I,
)
_NO_SPREAD = re.compile(
    r"\blimited\s+to\s+the\s+(?:pancreas|primary|organ)|\bM0\b(?!\s*(?:-|–|/|or|to|and/or)\s*M?1)|\bmetastasis\s*\(M\)\s*0\b|\blocali[sz]ed\s+(?:[\w-]+\s+){0,3}?(?:disease|tumou?rs?|NETs?|neoplasms?|lesions?)\b"
    r"|\bnon-?metastatic\b|\bstage\s*(?:I|1)[AB]?\b(?!\s*(?:-|–|to|or|and|/|,)\s*(?:stage\s*)?(?:I|V|[2-4]))"
    r"(?!\s*(?:or|and)\s+(?:higher|greater|above|more|later|beyond|over)|\s*\+)",
    re.I,
)
_NO_DISTANT = re.compile(r"M0|metastasis\s*\(M\)\s*0", re.I)
_HIGHER_STAGE = re.compile(r"\bstages?\s*(?:II|III|IV|[2-4])[ABC]?\b", re.I)
_CAN_BE_TREATED = re.compile(r"\b(?:amenable|resect\w*|curative|treatable|ablation)\b", re.I)
_ADVANCED = re.compile(
    r"(?<!locally )(?<!locally-)\badvanced\b(?!\s+(?:age|directive|heart|care|liver\s+disease))"
    # another illness's stage: "Advanced idiopathic Parkinson's disease", "advanced illness", "advanced kidney disease"
    r"(?!\W+(?:\w+\W+){0,2}?(?:parkinson\w*|illness|dementia|alzheimer\w*|glaucoma|(?:kidney|renal|lung|liver)\s+disease|COPD|HIV|cirrhosis))",
    re.I,
)
_ANYWHERE_ELSE = re.compile(r"\bextra-?\s?hepatic\b|\b(?:outside|beyond)\s+(?:of\s+)?the\s+liver\b", re.I)
_HOW_MANY = re.compile(
    r"\b(?:multiple|single|solitary|isolated|several|numerous|diffuse|extensive|bulky|dominant|only|amenable|resect\w*"
    r"|curative|treatable|ablation|symptomatic|untreated|stable|active|burden|involvement|involving|replac\w*|extent|volume|load"
    r"|percent|number|size|exclusively|mainly|predominantly|limited|confined)\b|%|[<>≤≥]|\b[0-9]+\s*(?:cm|mm)\b|\b(?:more|greater|less|fewer)\s+than\b",
    re.I,
)
_ORGAN_COUNT = re.compile(
    r"\b(?:more|fewer|less)\s+than\s+(?:one|two|three|[0-9]+)\s+(?:[\w-]+\s+){0,2}(?:organs?|sites?)\b|\bat\s+least\s+(?:two|three|[2-9])\s+(?:[\w-]+\s+){0,2}(?:organs?|sites?)\b"
    r"|\b(?:multiple|several|two\s+or\s+more|[2-9]\s+or\s+more)\s+(?:organs?|sites?)\b|\boligo-?metasta\w*",
    re.I,
)
_SAMPLE = re.compile(
    r"(?:primary|tumou?r)\s+(?:\w+\s+)?or\s+(?:\w+\s+)?metasta|metasta\w*\s+(?:\w+\s+)?(?:confirmed|biops\w*|tissue|samples?|lesions?\s+confirmed)"
    r"|biops\w*\s+(?:\w+\s+){0,3}metasta|metasta\w*\s+(?:\w+\s+)?(?:or|and/or)\s+(?:the\s+)?(?:\w+\s+)?primary",
    re.I,
)
_OR = re.compile(r"\bor\b|and/or|/", re.I)


_NOT_ABOUT_SPREAD = re.compile(
    r"(?:surg\w*|therap\w*|treat\w*|resection|radio\w*|emboli\w*|ablation|removal|biops\w*)\s+(?:[\w-]+\s+){0,3}(?:of|for|to)\s+(?:[\w-]+\s+){0,3}metasta"
    r"|\bULN\b|upper\s+limit|\bAST\b|\bALT\b|bilirubin|transaminase|dysfunction|cirrhosis|hepatitis|bone\s+marrow|\bif\s+(?:with|without|there)"
    r"|\bif\s+(?:the\s+)?(?:[\w-]+\s+)?metasta|\b(?:risk|probability|likelihood)\s+(?:of|for)\s+(?:[\w-]+\s+){0,2}metasta|\btanner\b|\bpubert"
    r"|\b(?:neo-?)?adjuvant\s+(?:or|and|and/or|/)\s+(?:advanced|metastatic)\b",
    re.I,
)
_ILLNESS = r"(?:chronic\s+)?kidney\s+disease|\bCKD|nephropath\w*|renal\s+(?:disease|failure|insufficiency|impairment)|heart\s+failure|pressure\s+(?:ulcers?|sores?)|decubitus|lymph(?:o)?edema|fibrosis"
# a stage of another illness: "chronic kidney disease stage 4 and higher", "stage 4 nephropathy"
_STAGE_OF_AN_ILLNESS = re.compile(
    rf"(?:{_ILLNESS})[^.;,()]{{0,20}}?\bstages?\s*(?:[IV]+|[1-5])[abc]?\b(?:\s*(?:or|and|-|–|to|/)\s*(?:stage\s*)?(?:[IV]+|[1-5])[abc]?\b)*"
    rf"|\bstages?\s*(?:[IV]+|[1-5])[abc]?\s+(?:{_ILLNESS})",
    re.I,
)  # "Note: if the metastatic disease is ...", "high risk of metastases"


# "stage III or IV", "Stage IIIB with pleural effusion or Stage IV disease"
_STAGE_III_IV = re.compile(
    r"\bstages?\s*(?:III|3)[abc]?\s*(?:or|and|/|-|–|to|and/or)\s*(?:stage\s*)?(?:IV|4)\b"
    r"|\bstages?\s*(?:III|3)[abc]?\b[^.;]{0,60}?(?:\bor|\band/or|,)\s*(?:AJCC\s+|an?\s+)?stage\s*(?:IV|4)\b",
    re.I,
)
# "stage II or stage III ..., or stage IV": a tumour that has not spread may be meant too
_LOWER_STAGE_TOO = re.compile(
    r"\bstages?\s*(?:I|II|1|2)[abc]?\b(?!\s*(?:-|–|to)\s*(?:stage\s*)?(?:IV|4)\b)[^.;]{0,80}?(?:\bor|\band/or|,)\s*(?:AJCC\s+)?stage\s*(?:III|IV|3|4)\b",
    re.I,
)
_RECURRENT_OR = re.compile(
    r"\b(?:recurrent|relapsed|residual|persistent)\b[^.;]{0,40}\b(?:or|and/or)\b|\b(?:or|and/or)\s+(?:\w+\s+)?(?:recurrent|relapsed|residual|persistent)\b",
    re.I,
)
_ANY_STAGE = re.compile(
    r"\blocal(?:i[sz]ed)?\s*(?:,|or|and/or|/)\s*(?:locally[- ]advanced|regional|advanced|metasta)", re.I
)
_IN_A_SETTING = re.compile(
    r"\b(?:in|for)\s+(?:the\s+)?(?:advanced|metastatic)(?:\s+or\s+\w+)?\s+(?:setting|disease\s+setting|stage)\b"
    r"|\b(?:treatments?|therap(?:y|ies)|chemotherap(?:y|ies)|regimens?|lines?|treated)\s+(?:\S+\s+){0,6}?for\s+(?:\w+\s+){0,2}(?:advanced|metastatic|stage\s*(?:IV|4)\b)"
    # "... anti-estrogen therapy for breast cancer, as these are standard care for advanced prostate cancers": a reason
    r"|\b(?:as|because|since)\s+(?:these|this|it|they)\s+(?:is|are)\b[^.;]{0,60}\b(?:advanced|metastatic)\b"
    r"|\b(?:advanced|metastatic)\s+(?:disease\s+)?setting\b",  # "a taxane in the adjuvant, locally advanced or metastatic setting"
    re.I,
)
_ADVANCED_DISEASE = re.compile(
    r"\badvanced\W+(?:\w+\W+){0,8}?(?:NETs?|NECs?|NENs?|neuroendocrine|tumou?rs?|disease|cancers?|carcinomas?|neoplasms?|neoplasia|malignan\w*|stage|islet|carcinoids?|p-?NETs?|GEP)",
    re.I,
)
_TREATMENT_CONTEXT = re.compile(
    r"\btreat\w*|\btherap\w*|\breceiv\w*|\bprior\b|\bprevious\w*|\blines?\b|\bregimens?\b", re.I
)
_UNDER_CONDITION = re.compile(r"\bin\s+(?:patients|subjects|those)\s+with\b|\bsuspected\b|\bif\b", re.I)
_NOT_TREATED = re.compile(
    r"\bnot\s+(?:been\s+)?(?:treated|irradiated|resected)\b|\bwithout\s+(?:\w+\s+){0,3}(?:evidence|treatment)", re.I
)
_DISTANT = re.compile(r"\bdistant\s+metasta\w*|\bdistant\s+(?:spread|disease)", re.I)


_DEFINITION_NOTE = re.compile(
    r"\bnote\s*:|\(\s*note\b|\bdefined\s+as\b|\b(?:is|are)\s+(?:considered|regarded|defined)\b|\bincludes\b", re.I
)


_CONDITION_BEFORE = re.compile(
    r"\b(?:for|in|if|when|among)\s+(?:all\s+)?(?:the\s+)?(?:patients?|subjects?|participants?|those|cases)\s+(?:with|who\s+have|having)\s+(?:[\w-]+\s+){0,4}$"
    r"|\b(?:if|when|where)\s+(?:there\s+(?:is|are)\s+)?(?:[\w-]+\s+){0,3}$",
    re.I,
)
_CONDITION_FIRST = re.compile(
    r"^\W*(?:all\s+|any\s+)?(?:patients?|subjects?|participants?|those)\s+(?:with|who\s+have|having)\s+(?:[\w-]+\s+){0,4}$",
    re.I,
)
_THEN = re.compile(
    r"^[^.;]{0,60}?\b(?:must|should|need\s+to|will\s+need|may|can|are\s+(?:eligible|allowed|permitted)|is\s+(?:allowed|permitted)|provided)\b",
    re.I,
)
_IF_SO_AFTER = re.compile(
    r"^\W*(?:[\w-]+\s+){0,2}?(?:if|when)\s+(?:present|any|applicable|known)\b|^[^.;]{0,40}\b(?:are|is)\s+present\b",
    re.I,
)


# "bone metastases are not considered measurable", "(lymph node metastases only are not sufficient)": what does not count
_NOT_ENOUGH = re.compile(
    r"[^.;]{0,40}?\b(?:(?:is|are)\s+not|do(?:es)?\s+not|will\s+not)\s+(?:be\s+)?(?:considered|sufficient|enough|count|qualify|measurable|evaluable|regarded)\b",
    re.I,
)
# brain metastases described by how they are kept in check: a condition on those who have them
_KEPT_IN_CHECK = re.compile(
    r"\b(?:stable|treated|controlled|asymptomatic|steroids?|corticosteroids?|irradiated|radiation|radiotherapy|radiosurgery|gamma\s+knife"
    r"|excision|excised|resected|neurologically|history\s+of|previously|definitive|if\b|provided|unless)",
    re.I,
)


def _named_as_a_condition(sentence: str, start: int, end: int) -> bool:
    """Spread to a place named as a condition for something else, not asked for: "for patients with liver
    metastases", "All patients with pulmonary metastasis must have an FEV1 ...", "Brain metastasis if present ..."."""
    before, after = sentence[:start], sentence[end:]
    return bool(
        _CONDITION_BEFORE.search(before)
        or (_CONDITION_FIRST.search(before) and _THEN.search(after))
        or _IF_SO_AFTER.search(after)
    )


def spread(sentence: str, section: str, text: str) -> list[Fact]:
    """Whether and where it spread. "Local, locally advanced or metastatic" is any stage; "advanced" and
    "locally advanced" may still be removable, so only "unresectable"/"inoperable" is a clear
    "cannot be removed"; what an exclusion says of spread under a condition ("in patients with liver
    metastases", "not treated") is for the team."""
    sentence = _STAGE_OF_AN_ILLNESS.sub(lambda m: " " * len(m.group()), sentence)
    if _NOT_ABOUT_SPREAD.search(sentence):
        return []  # before a definition is cut off: "For patients with liver metastasis adequate hepatic function is defined by AST ..."
    note = _DEFINITION_NOTE.search(sentence)
    if (
        note and section == "inclusion"
    ):  # "NOTE: locally advanced includes regional lymph node metastases": what a word means, not a need
        sentence = sentence[: note.start()]
    any_stage = _ANY_STAGE.search(sentence)
    if (
        any_stage and section == "inclusion" and not OTHER_CANCER.search(sentence)
    ):  # "local, locally advanced or metastatic": every stage
        return [Fact("spread", text, flag=True, mode=ALLOWS, every=True)]
    if (
        OTHER_CANCER.search(sentence)
        or _NOT_ABOUT_SPREAD.search(sentence)
        or any_stage
        or _IN_A_SETTING.search(sentence)
    ):
        return []
    if (
        section == "exclusion"
        and _TREATMENT_CONTEXT.search(sentence)
        and not re.search(r"\bbrain|\bCNS\b|central\s+nervous", sentence, re.I)
    ):
        return []  # "prior lines of therapy for advanced/metastatic NET": about the treatment
    found: list[Fact] = []
    placed = False
    scan = _ANYWHERE_ELSE.sub(lambda m: " " * len(m.group()), sentence)  # "extrahepatic" is not the liver
    for place, pattern in _PLACE_METASTASES + _PLACE_SPREAD:
        hit = pattern.search(scan)
        if hit:
            placed = True
            places = {place} if isinstance(place, str) else set(place)
            if section == "inclusion" and (
                _named_as_a_condition(sentence, hit.start(), hit.end()) or _NOT_ENOUGH.match(sentence, hit.end())
            ):
                continue  # "For patients with liver metastasis ...", "Brain metastasis if present ... must be stable": a condition
            fact = new_fact("spread", sentence, section, text, hit.start(), values=frozenset(places))
            if (
                section == "inclusion"
                and places == {"brain"}
                and fact.mode == REQUIRES
                and _KEPT_IN_CHECK.search(sentence)
            ):
                fact = replace(
                    fact, mode=EXCLUDES, needs_more=True
                )  # "Treated and stable brain metastases": allowed when so, never asked for
            found.append(fact)
    elsewhere = _ANYWHERE_ELSE.search(sentence)
    named_before = (
        0 if elsewhere is None or elsewhere.group().lower().startswith("extra") else 40
    )  # "metastases outside the liver"
    if elsewhere and re.search(
        r"metasta\w*|disease|spread|lesions?|tumou?rs?",
        sentence[max(0, elsewhere.start() - named_before) : elsewhere.end() + 40],
        re.I,
    ):
        # "hepatic or extrahepatic metastases": anywhere; "extrahepatic metastases" alone: anywhere but the liver
        both = re.search(r"\b(?:hepatic|liver)\s+(?:and/or|or|and|/)\s+extra-?\s?hepatic", sentence, re.I)
        anywhere = (
            frozenset(_SPREAD_PLACES) if both else frozenset(_SPREAD_PLACES) - {"liver", "lymph nodes"}
        )  # nodes: maybe near the liver
        anywhere -= _places_excepted(sentence, elsewhere.end())
        found = [f for f in found if not (both and f.values == {"liver"})]
        found.append(new_fact("spread", sentence, section, text, elsewhere.start(), values=anywhere))
        placed = True
    if section == "inclusion":
        found = _place_alternatives(scan, found)
    if section == "exclusion":  # "... in subjects without known brain metastases": a condition, not a need
        found = [f for f in found if f.mode != REQUIRES]
    distant = _DISTANT.search(sentence)
    if found and distant and not found[0].needs_more:  # "liver or distant metastasis": spread anywhere
        found.append(new_fact("spread", sentence, section, text, distant.start(), flag=True))
    if placed:
        how_many = bool(_HOW_MANY.search(sentence)) and (section == "exclusion" or not _CAN_BE_TREATED.search(sentence))
        unsure = section == "exclusion" and bool(_UNDER_CONDITION.search(sentence) or _NOT_TREATED.search(sentence))
        return [replace(f, needs_more=True) for f in found] if how_many or unsure else found
    local = _NO_SPREAD.search(sentence)
    if local and local.group().lower().startswith("stage") and _HIGHER_STAGE.search(sentence):
        local = None  # "Stage I (grade 3 ...) or Stages II-IV": any of them
    if local and _NO_DISTANT.match(local.group()) and re.search(r"\bM1", sentence):
        local = None  # "Tany, Nany, M1a/b; T3-T4, Nany, M0": spread or not
    if local and not _METASTATIC.search(sentence):  # "tumour(s) limited to the pancreas (N0, M0)": must not have spread
        fact = new_fact("spread", sentence, section, text, local.start(), flag=False)
        if fact.mode == REQUIRES and _NO_DISTANT.match(local.group()):
            # "T2-3, N0-1, M0": no distant spread; nodes near the tumour may be allowed (N1), so nodes only is for the team
            fact = replace(fact, flag=True, mode=EXCLUDES)
        return [fact]
    if section == "inclusion" and _LOWER_STAGE_TOO.search(sentence) and _METASTATIC.search(sentence):
        return []  # "stage II or stage III ..., or stage IV": any stage from II up, spread or not
    stages = _STAGE_III_IV.search(sentence)
    if stages and section == "inclusion" and mode_of(sentence, section, stages.start()) == REQUIRES:
        # "stage III or IV": spread to the nodes or further, or grown into what is around it
        return [
            replace(
                new_fact(field, sentence, section, text, stages.start(), flag=flag),
                group="stage",
                firm=field == "spread",
            )
            for field, flag in (("spread", True), ("resectable", False))
        ]
    metastatic = _METASTATIC.search(sentence)
    if metastatic and _SAMPLE.search(sentence):
        return []
    unresectable = _UNRESECTABLE.search(sentence)
    if not metastatic:
        advanced = _ADVANCED.search(sentence)
        if (
            advanced
            and section == "inclusion"
            and _ADVANCED_DISEASE.match(sentence[advanced.start() :])
            and (mode_of(sentence, section, advanced.start()) == REQUIRES or _population(sentence, section))
        ):
            # "advanced ... NET" alone: spread, or grown too far to be removed; one already taken out that had not spread
            # is neither (judge.py), nor one the surgeons say can come out, unless "locally advanced" (or borderline) is
            # named too: that may still be removed
            return [
                replace(
                    new_fact(field, sentence, section, text, advanced.start(), flag=flag),
                    group="stage",
                    firm=field == "spread" or bool(unresectable) or not _MAY_BE_REMOVED.search(sentence),
                )
                for field, flag in (("spread", True), ("resectable", False))
            ]
        return []
    if "metasta" in sentence[metastatic.start() :].lower() and re.match(
        r"[\s\w]{0,30}\b(?:allowed|permitted)", sentence[metastatic.end() :], re.I
    ):
        return []
    fact = new_fact("spread", sentence, section, text, metastatic.start(), flag=True)
    if _ORGAN_COUNT.search(sentence) or (section == "exclusion" and re.search(r"\bonly\b", sentence, re.I)):
        fact = replace(fact, needs_more=True)  # "metastases in more than one organ": how many, the team knows
    if re.search(r"\bsuspect\w*|\bpossible\b|\bprobable\b", sentence, re.I):
        fact = replace(fact, firm=False)  # "known or suspected metastatic NET": the scans will say
    if section == "exclusion" and fact.mode == REQUIRES:
        return []
    if fact.mode == REQUIRES and _RECURRENT_OR.search(sentence):
        fact = replace(fact, firm=False)  # "recurrent or metastatic": come back where it started is enough
    others = [
        m
        for m in (
            unresectable,
            _LOCALLY_ADVANCED.search(sentence.replace(metastatic.group(), " " * len(metastatic.group()))),
        )
        if m
    ]
    if fact.mode == REQUIRES and others and _OR.search(sentence):
        group = [fact]
        other = unresectable or others[0]  # "advanced or metastatic": grown too far to be removed, or spread
        # "locally advanced" may still be removed (borderline): only "unresectable"/"inoperable", or "advanced" alone,
        # fails a removable one
        removable = new_fact("resectable", sentence, section, text, other.start(), flag=False)
        # "advanced" read the same way as "metastatic" beside it ("except for patients with advanced RCC ... while
        # metastatic" is an exception, not a rule)
        plain_advanced = not _MAY_BE_REMOVED.search(sentence) and removable.mode == fact.mode
        group.append(replace(removable, firm=bool(unresectable) or plain_advanced))
        return [replace(f, group="stage") for f in group]
    return [fact]


_OR_WORD = re.compile(r"\bor\b|\band/or\b", re.I)
_PLACE_NAMED = re.compile(
    "|".join(rf"\b(?:{words})\b[\w\s(/-]{{0,20}}?metasta\w*" for words in _SPREAD_PLACES.values()), re.I
)
_ANY_PLACE = re.compile("|".join(rf"\b(?:{words})\b" for words in _SPREAD_PLACES.values()), re.I)


def _place_alternatives(sentence: str, found: list[Fact]) -> list[Fact]:
    """Places asked for with "or": "liver or bone metastases" is either one; "skin, soft tissue or nodal
    metastases", "tumour > 2 cm and/or nodal metastases": another way in the judge cannot read, so no clear no."""
    asked = [f for f in found if f.mode == REQUIRES and f.values]
    places = list(_PLACE_NAMED.finditer(sentence))
    # an "or" before the places or just after them; not one further on ("liver metastases not treatable by surgery or ablation")
    ors = [
        m
        for m in _OR_WORD.finditer(sentence)
        if any(
            p.start() - 30 <= m.start() < p.end() + 12 for p in places
        )  # not "pancreatic or bronchial origin with ..."
    ]
    if not asked or not ors:
        return found
    between_places = all(
        _ANY_PLACE.search(sentence[max(0, m.start() - 30) : m.start()])
        and _ANY_PLACE.match(re.sub(r"^\s*(?:the\s+)?", "", sentence[m.end() :]).lstrip())
        for m in ors
    )
    return [replace(f, group="places", firm=f.firm and between_places) if f in asked else f for f in found]


def _places_excepted(sentence: str, after: int) -> frozenset[str]:
    """Places named after "except" or "other than" in the clause ("extrahepatic metastases, except bone")."""
    clause = re.split(r"[;.]", sentence[after:], maxsplit=1)[0]
    cue = _EXCEPTION_CUE.search(clause)
    if cue is None:
        return frozenset()
    return frozenset(
        place for place, words in _SPREAD_PLACES.items() if re.search(rf"\b(?:{words})\b", clause[cue.end() :], re.I)
    )


_EITHER_WAY = re.compile(
    r"\b(?:resectable|operable)\s+(?:or|and|and/or|/)\s+(?:un|non-?\s?|in)(?:resectable|operable)"
    r"|\b(?:un|non-?\s?|in)(?:resectable|operable)\s+(?:or|and|and/or|/)\s+(?:resectable|operable)",
    re.I,
)


_OR_LESS_REMOVABLE = re.compile(
    r"[^.;]{0,40}?(?:\bor\b|\band/or\b|/)\s*(?:\w+\s+){0,2}?(?:locally[- ]advanced|borderline|unresectable|inoperable|advanced|metasta\w*)",
    re.I,
)
# "not eligible for surgical therapies; or progressive disease after surgical therapies": one operated on may come in too
_OR_PROGRESSED = re.compile(r"\bprogress\w*[^.]{0,80}?\bor\b|\bor\b[^.]{0,80}?\bprogress\w*", re.I)
_BORDERLINE = re.compile(r"\bborderline\W*$|\bborderline\b(?=\W+(?:resect|operab))", re.I)
_REFUSES = re.compile(r"\b(?:refus\w*|declin\w*|unwilling)\b[^.;]{0,40}\b(?:surg\w*|resection|operation)", re.I)


def resectable(sentence: str, section: str, text: str) -> list[Fact]:
    either = _EITHER_WAY.search(sentence)
    if either and not _BORDERLINE.search(
        sentence[: either.start()]
    ):  # "Both resectable and unresectable disease are eligible": any
        return [Fact("resectable", text, mode=ALLOWS, every=True)] if section == "inclusion" else []
    placed = any(pattern.search(sentence) for _, pattern in _PLACE_METASTASES)
    if _METASTATIC.search(sentence) and _OR.search(sentence) and not (placed and _UNRESECTABLE.search(sentence)):
        return []  # read with the spread ("liver metastases not treatable by surgical resection": here)
    found = _UNRESECTABLE.search(sentence)
    if found:  # "... non-surgical candidates or who refuse surgery": one who could have it may refuse it
        return [
            replace(
                new_fact("resectable", sentence, section, text, found.start(), flag=False),
                # "borderline resectable or unresectable": one said to be removable may be borderline
                firm=not _REFUSES.search(text) and not _OR_PROGRESSED.search(text) and not _BORDERLINE.search(sentence),
            )
        ]
    found = _RESECTABLE.search(sentence)
    if found and not re.search(r"\bun\w*$", sentence[: found.start()]):  # "no resectable disease": mode_of says no
        return [
            replace(
                new_fact("resectable", sentence, section, text, found.start(), flag=True),
                # "resectable or locally advanced", "resectable or borderline resectable": one that cannot be removed may do
                firm=not _ANY_OPERATION.search(sentence) and not _OR_LESS_REMOVABLE.match(sentence, found.end()),
            )
        ]
    cure = _CURATIVE_OPTION.search(sentence)
    if cure and not OTHER_CANCER.search(sentence):
        return [replace(new_fact("resectable", sentence, section, text, cure.start(), flag=True), firm=False)]
    return []


# -- hormones and inherited conditions -------------------------------------------------------------
# "non-functioning kidney": an organ that does not work, not a tumour that makes no hormones
_NOT_A_TUMOURS_FUNCTION = r"(?!\s+(?:kidneys?|thyroid|gall-?bladder|liver|organs?|bladder|ovar\w*|heart|lungs?|grafts?|transplant|limbs?|eyes?))"
_NON_FUNCTIONING = re.compile(
    rf"\bnon-?\s?functio\w+\b{_NOT_A_TUMOURS_FUNCTION}|hormonally\s+(?:inactive|silent)|non-?secret\w+", re.I
)
_FUNCTIONING = re.compile(
    r"(?:\bfunctio(?:nal|ning)|(?<![-\w])secreting|\bhormonally\s+active)\s+(?:\w+\s+)?(?:NETs?|NENs?|tumou?rs?|p-?NETs?|pan-?NETs?|neuroendocrine|pancreatic)"
    r"|\bhormone[- ](?:secreting|producing)|\bhormone[- ]related\s+symptoms|\bsymptoms?\s+(?:of|from|related\s+to)\s+hormone|hormone\s+(?:excess|production|hypersecretion)|excessive\s+secretion|secretion\s+of\s+hormones|\bhormonal\s+(?:symptoms|syndrome|hypersecretion)|\bsecretory\s+syndrome",
    re.I,
)
# "functioning or non-functioning", "secreting or non-secreting", "hormonally active or inactive": either
_HAS_HORMONES = r"(?:functio\w*|secret\w*|(?:hormonally\s+)?active)"
_NO_HORMONES = r"(?:non-?\s?(?:functio\w+|secret\w+)|(?:hormonally\s+)?inactive)"
_FUNCTIONING_OR_NOT = re.compile(
    rf"\b{_HAS_HORMONES}\s+(?:or|and|and/or|/)\s+{_NO_HORMONES}|\b{_NO_HORMONES}\s+(?:or|and|and/or|/)\s+{_HAS_HORMONES}",
    re.I,
)
_SYNDROME_WORDS = {
    "carcinoid syndrome": r"carcinoid\s+syndrome",
    "insulinoma": r"insulinomas?|hyperinsulin\w*",
    "gastrinoma": r"gastrinomas?|zollinger",
    "vipoma": r"vipomas?|verner",
    "glucagonoma": r"glucagonomas?",
    "somatostatinoma": r"somatostatinomas?",
}
_SYNDROME = {name: re.compile(rf"\b(?:{p})\b", re.I) for name, p in _SYNDROME_WORDS.items()}
_ANY_FUNCTION = re.compile(
    r"\b(?:with\s+or\s+without|regardless\s+of|irrespective\s+of)\s+(?:\w+\s+){0,2}?(?:(?:hormonal|carcinoid|clinical|functional)\s+(?:syndromes?|symptoms|status)|functional(?:ity)?|hormone\s+(?:secretion|production))\b",
    re.I,
)


def functioning(sentence: str, section: str, text: str) -> list[Fact]:
    found = _NON_FUNCTIONING.search(sentence)
    named = [(name, m) for name, pattern in _SYNDROME.items() if (m := pattern.search(sentence))]
    if _FUNCTIONING_OR_NOT.search(
        sentence
    ):  # "functioning or non-functioning", "functional and non-functional": either
        return [Fact("functioning", text, mode=ALLOWS, every=True)] if section == "inclusion" else []
    either = _ANY_FUNCTION.search(sentence)
    if either:  # "with or without carcinoid syndrome", "regardless of functional status": either
        fields = ("functioning", "syndrome") if named or "syndrom" in either.group().lower() else ("functioning",)
        return [Fact(field, text, mode=ALLOWS, every=True) for field in fields] if section == "inclusion" else []
    if found and named and _OR.search(sentence):  # "non-functional tumour or gastrinoma": no syndrome, or that one
        syndromes = frozenset(n for n, _ in named)
        controlled = bool(
            re.search(r"\bcontrolled\b|\bstable\b|\bwell[- ]managed\b", sentence, re.I)
        )  # how well: the team knows
        return [
            replace(
                new_fact(field, sentence, section, text, found.start(), values=values),
                needs_more=more,
                group=f"{field} or",
            )
            for field in ("functioning", "syndrome")
            for values, more in ((frozenset({"none"}), False), (syndromes, controlled))
        ]
    if found:
        return [new_fact("functioning", sentence, section, text, found.start(), flag=False)]
    general = _FUNCTIONING.search(sentence)
    if general and not named and _CARCINOID.search(sentence) and not _PANCREATIC_KIND.search(sentence):
        return [_carcinoid_syndrome(sentence, section, text, general.start())]
    facts: list[Fact] = []
    first = general or (named[0][1] if named else None)
    if first is None:
        return []
    hormones = new_fact("functioning", sentence, section, text, first.start(), flag=True)
    if general or hormones.mode != EXCLUDES:  # ruling out insulinomas rules out no other functioning NET
        facts.append(hormones)
    if named:
        facts.append(
            new_fact(
                "syndrome", sentence, section, text, named[0][1].start(), values=frozenset(name for name, _ in named)
            )
        )
    return _spared_syndromes(facts, section)


def _spared_syndromes(facts: list[Fact], section: str) -> list[Fact]:
    """ "Functioning tumours (except carcinoid syndrome)" among the exclusions: the syndromes named are
    spared, not asked for; every other syndrome is ruled out, and a functioning NET of unsaid kind is for the team."""
    spared = [f for f in facts if section == "exclusion" and f.field == "syndrome" and f.mode == REQUIRES]
    if not spared or not any(f.field == "functioning" and f.mode == EXCLUDES for f in facts):
        return [f for f in facts if f not in spared]
    others = frozenset(_SYNDROME_WORDS) - spared[0].values
    # "with the exception of gastrinomas which are located in the duodenum": spared only where the team can tell
    maybe = spared[0].values if _QUALIFIED_EXCEPTION.search(spared[0].text) else frozenset()
    return [
        replace(f, needs_more=True)
        if f.field == "functioning"
        else replace(f, mode=EXCLUDES, values=others, maybe=maybe)
        if f in spared
        else f
        for f in facts
    ]


_QUALIFIED_EXCEPTION = re.compile(
    r"\b(?:except\w*|exception\s+of|other\s+than)\b[^.;]{0,60}?\b(?:which|that|located|arising|in\s+the|of\s+the)\b",
    re.I,
)


_PANCREATIC_KIND = re.compile(
    r"\bpancrea\w*|\bislet|\bp-?NETs?\b|\bpan-?NETs?\b|\w+omas?\b(?<!carcinoma)(?<!carcinomas)", re.I
)


def _carcinoid_syndrome(sentence: str, section: str, text: str, at: int) -> Fact:
    """ "Carcinoid with hormone related symptoms": the carcinoid syndrome, not an insulinoma or a
    VIPoma. Asked for among the inclusions, "carcinoid" may be the older name for every NET, so
    there it is never a clear no."""
    fact = new_fact("syndrome", sentence, section, text, at, values=frozenset({"carcinoid syndrome"}))
    return fact if section == "exclusion" else replace(fact, firm=False)


_MEN1 = re.compile(
    r"\bMEN-?\s?1\b|\bMEN\s+type\s+(?:1|I)\b|multiple\s+endocrine\s+neoplasia\s*(?:\(MEN\)\s*)?(?:type\s*)?(?:1|I)\b"
    r"|\(MEN\)\s*-?\s*(?:1|I)\b",  # "multiple endocrine neoplasia (MEN)1"
    re.I,
)
_VHL = re.compile(r"\bVHL\b|von\s+Hippel", re.I)
_ANY_INHERITED = re.compile(
    r"\bgenetic\s+(?:disease|syndrome|disorder|predisposition)|\bhereditary\s+(?:syndrome|disease|tumou?r)|\bfamilial\s+(?:syndrome|NET|tumou?r)",
    re.I,
)
_SPORADIC = re.compile(
    r"\bsporadic\s+(?:[\w-]+\s+){0,2}(?:NETs?|p-?NETs?|PanNETs?|NF-PanNETs?|tumou?rs?|neuroendocrine|insulinomas?|gastrinomas?|disease|forms?|cases?)\b",
    re.I,
)


def inherited(sentence: str, section: str, text: str) -> list[Fact]:
    facts = [
        new_fact(field, sentence, section, text, m.start(), flag=True)
        for field, pattern in (("men1", _MEN1), ("vhl", _VHL))
        if (m := pattern.search(sentence))
    ]
    general = _ANY_INHERITED.search(sentence)
    if general and not facts:
        facts = [new_fact(field, sentence, section, text, general.start(), flag=True) for field in ("men1", "vhl")]
    sporadic = _SPORADIC.search(sentence)
    if sporadic and not facts:  # "sporadic": not inherited
        facts = [new_fact(field, sentence, section, text, sporadic.start(), flag=False) for field in ("men1", "vhl")]
        return facts
    if len(facts) == 2 and all(f.mode == REQUIRES for f in facts):
        facts = [replace(f, group="inherited") for f in facts]
    # "patients with MEN1 will be eligible": those without it are too, said or not
    return [replace(f, every=True) if f.mode == ALLOWS else f for f in facts]


READERS: tuple[Reader, ...] = (
    age,
    sex,
    site,
    grade,
    ki67,
    differentiation,
    spread,
    resectable,
    functioning,
    inherited,
    treatments,
)


_CONDITIONAL = re.compile(
    r"^\W*(?:(?:all|any|for|in)\s+)?(?:patients?|subjects?|participants?|those|women|men)\s+(?:with|who\s+(?:have|are)"
    # "Patients receiving somatostatin analogues must be on a stable dose": a rule for those on it, not a need for it
    r"|(?:who\s+are\s+)?(?:currently\s+|already\s+)?(?:on|receiving|taking|using|treated\s+with))\s+[^;]{0,80}?"
    r"\b(?:should|will\s+need|need\s+to|(?:will\s+)?have\s+to|must\s+(?:have|be\s+(?:on|treated|receiving|maintained|kept)|receive|use|agree|continue|remain|stay)"
    r"|(?:will|may|can)\s+(?:only\s+)?be\s+(?:eligible|included|enrolled)\s+(?:only\s+)?(?:if|after|when|provided|once))\b"
    r"|\bmay\s+have\s+(?:a\s+)?(?:history|evidence)\s+of\b[^;]{0,80}\bprovided\b"
    r"|^\W*(?:if|when|while)\s+(?:the\s+)?(?:patients?\s+(?:is|are)\s+)?(?:currently\s+|already\s+)?(?:on|receiving|taking|using|treated\s+with)\b",
    re.I,
)


# "Lesions that have had external beam radiotherapy ... must show evidence of progressive disease": which lesions count
_LESIONS_THAT_HAD = re.compile(
    r"^\W*(?:target\s+)?(?:lesions?|tumou?rs?|sites?)\s+(?:that|which)\s+(?:have|had|were|has)\b[^;]{0,200}?\b(?:must|should|will|are|is|can|may)\b",
    re.I,
)
_A_NOTE = re.compile(r"^\W*(?:note|nb|n\.b\.)\s*:", re.I)
_DEFINITION = re.compile(
    r"(?<!as )\bdefined\s+(?:as|by)\b|\bis\s+defined\b|\bgraded\s+according|\bcorrespond\w*\s+to\s+different", re.I
)
_ABOUT_THE_TUMOUR = ("site", "grade", "ki67", "differentiation")
_TO_BE_RECORDED = re.compile(
    r"\b(?:versus|vs\.?|or\s+not|whether)\s[^.;]*\b(?:documented|recorded|reported|noted|collected)\b", re.I
)


def facts_of(sentence: str, section: str, text: str) -> list[Fact]:
    """Every fact one sentence of a criterion item states; none from "patients with X should
    have Y" (a condition on X, not a need for it), nor a grade's definition."""
    if _A_NOTE.match(text):
        return []  # "Note: If the metastatic disease is restricted to a solitary lesion, ...": explains, never asks
    if _CONDITIONAL.search(sentence) or _LESIONS_THAT_HAD.search(sentence):
        # "Patients with functioning NET should have cover by somatostatin analog": for them a condition, for the rest nothing
        hormones = [
            replace(f, mode=EXCLUDES, needs_more=True)
            for f in functioning(sentence, section, text)
            if f.mode == REQUIRES and (f.flag is True or f.field == "syndrome")
        ]
        return [*hormones, *(fact for fact in treatments(sentence, section, text) if fact.mode != REQUIRES)]
    if _DEFINITION.search(sentence):
        pieces = _SENTENCE_END.split(sentence)
        if len(pieces) > 1:  # "... advanced PNET. G1 is defined as ...": the rule, then a definition
            return [f for piece in pieces for f in facts_of(piece, section, text)]
    found = _as_population([fact for reader in READERS for fact in reader(sentence, section, text)], sentence, section)
    # a definition, or what is to be recorded ("small versus large cell ... will need to be documented"), asks for no kind of tumour
    return (
        [f for f in found if f.field not in _ABOUT_THE_TUMOUR]
        if _DEFINITION.search(sentence) or _TO_BE_RECORDED.search(sentence)
        else found
    )


# "Advanced GEP-NET are eligible", "Patients with metastatic disease may be enrolled": the trial's people described, not
# one more way in ("... are also eligible", "with or without ..."): those who have it match, the rest are for the team
_POPULATION = re.compile(r"\b(?:are|is)\s+eligible\b|\b(?:can|may|will)\s+be\s+(?:included|enrolled)\b", re.I)
_MORE_THAN_POPULATION = re.compile(
    r"\balso\b|\bwith\s+or\s+without\b|\bregardless\b|\birrespective\b|\ballowed\b|\bpermitted\b|\bacceptable\b"
    r"|\beither\b|\bor\s+not\b|\bboth\b|\beven\b",
    re.I,
)
_POPULATION_FIELDS = ("spread", "resectable")


def _population(sentence: str, section: str) -> bool:
    return section == "inclusion" and bool(_POPULATION.search(sentence)) and not _MORE_THAN_POPULATION.search(sentence)


def _as_population(facts: list[Fact], sentence: str, section: str) -> list[Fact]:
    """The stage a trial's people are said to have, read as an ask that is never a clear no (`_POPULATION`)."""
    if not _population(sentence, section):
        return facts
    return [
        replace(f, mode=REQUIRES, firm=False)
        if f.mode == ALLOWS and f.field in _POPULATION_FIELDS and not f.every and not f.values
        else f
        for f in facts
    ]


_SENTENCE_END = re.compile(r"(?<=[A-Za-z0-9)\]]{2})\.\s+(?=[A-Z])")
