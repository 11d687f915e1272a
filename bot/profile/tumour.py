"""The tumour as a person describes it: where it started, NET or NEC, grade and Ki-67, spread
and where to, size, hormones and syndrome, inherited conditions.

Grades and Ki-67 are read by the pre-screen's own reader (`bot.prescreen.answers.read_grade`),
so the two never disagree on what "low grade" or "Ki67 7%" means.
"""

from __future__ import annotations

import re
from typing import Optional

from bot.prescreen.answers import Grade, grade_from_ki67, read_grade
from bot.profile.model import Profile
from bot.text import strip_accents

# Where it started. Order matters only for ties at one spot; the first named in the text wins.
_SITE_PATTERNS = {
    # insulinomas and glucagonomas are pancreatic NETs by name
    "pancreas": r"pancrea\w*|\bp-?nets?\b|\bpan-?\s?nets?\b|\bislet\s+cells?\b|\bwhipple\b|\bdistal\b|\bpancreatectomy\b|\binsulinomas?\b|\bglucagonomas?\b"
    r"|\bbukspott\w*|\bbukspytt\w*|\balvleesklier\w*|\bpankrea\w*|\btrzustk\w*",
    "lung": r"\blungs?\b|\bbronch\w*|\bpulmonary\s+(?:net|carcinoid)|\btypical\s+carcinoid|\batypical\s+carcinoid",
    "small bowel": r"\bsmall\s+(?:bowel|intestines?|gut)\b|\bile(?:um|al)\b|\bjejun\w*|\bduoden\w*|\bsi[\s-]?nets?\b|\bmidgut\b|\btunntarm\w*|\btynntarm\w*|\bd(?:u|ü)nndarm\w*|\bdunne\s+darm\b",
    "stomach": r"\bstomach\b|\bgastric\b",
    "appendix": r"\bappendi\w*",
    "large bowel": r"\blarge\s+(?:bowel|intestines?)\b|\bcolon\b|\bcolorectal\b|\brect(?:um|al)\b|\b(?:änd|end|ende|endel)(?:e)?tarm\w*|\bendeldarm\w*|\benddarm\w*|\brektum\b",
    "bowel": r"\bbowels?\b|\bintestines?\b",
    "unknown": r"\bunknown\s+(?:primary|origin)|\bprimary\s+(?:unknown|not\s+(?:found|known))|\b(?:don'?t|do\s+not|doesn'?t|never|can'?t|cannot|couldn'?t|could\s+not|unable\s+to|haven'?t|have\s+not|hasn'?t|still\s+not)\s+(?:\w+\s+){0,3}?(?:know|find|found|tell|say|work\s+out|figure\s+out|pin\s+down|see)\s+where\s+(?:it|the\s+\w+|this|they)\s+(?:started|starts|began|begins|came\s+from|comes\s+from|is\s+from|originated)|\bcup\b",
}
_SITES = {site: re.compile(pattern, re.I) for site, pattern in _SITE_PATTERNS.items()}
# A site word that names where it has spread to, not where it started.
_SPREAD_CONTEXT = re.compile(
    r"(?:spread|spreading|gone|moved|mets?|metastas[ie]s|secondar\w*)\s+(?:\w+\s+){0,3}$", re.I
)

_NEC = re.compile(
    r"\bnecs?\b|ne[uv]ro[\s-]*endo(?:crine|krin\w*)\s+(?:karsinom|karzinom|carcinom)\w*|neuro[\s-]*endocrine\s+carcinoma"
    r"|\b(?:carcinoma|carcinome|carcinomas)\s+neuro[\s-]*endocrin\w*|\bpoorly[\s-]+differentiated|\bsmall[\s-]+cell\b|\blarge[\s-]+cell\b",
    re.I,
)
_NET = re.compile(
    r"\b(?:p-?)?nets?\b|\bpnets?\b|neuro[\s-]*endocrine\s+(?:tumou?rs?|growths?|lesions?|nets?)\b|\btumou?rs?\s+(?:of\s+)?neuro[\s-]*endocrine\b|\bneuroendokrin\w*|\bneuro[\s-]*endocrine\s+(?:svulst\w*|tum[öo]r\w*|tumeur\w*|tumore|geschwulst\w*|guz\w*|kasvain\w*)|\bcarcinoids?\b"
    r"|\bwell[\s-]+differentiated|\bsi-?nets?\b|\b(?:insulin|gastrin|glucagon|somatostatin|vip)omas?\b",
    re.I,
)
_NOT_NEC = re.compile(r"\b(?:not|isn'?t|no)\s+(?:a\s+)?nec\b", re.I)
# NET and NEC named side by side, as a question or a comparison ("the difference between a NET
# and a NEC", "the NET ones or the NEC ones"): neither is the person's.
_NET_OR_NEC = re.compile(
    r"\bne[tcn]s?\b[^.?!\n]{0,25}?\b(?:or|and|than|vs\.?|versus|v)\b\s+(?:an?\s+|the\s+)?ne[tcn]s?\b|\bne[tcn]\s*/\s*ne[tcn]\b",
    re.I,
)
# A NET named but not as the person's: a trial's name ("NET-PRO"), the people a study is for ("NET
# pts", "pNET only"), a suspicion ("they think I might have a NET"), a complication asked about in
# general ("carcinoid crisis", "carcinoid heart disease").
_NET_NOT_THEIRS = re.compile(
    r"\b(?:p-?)?nets?-[a-z0-9]+"
    r"|\b(?:p-?)?nets?\s+(?:pts|patients|only|specialists?|nurses?|teams?|centres?|centers?|clinics?|units?)\b"
    r"|\b(?:might|may|could|possibly|probably|maybe|perhaps|suspected?|query|possible|ruled?\s+out|not\s+sure\s+(?:if|whether))\s+(?:\w+\s+){0,3}?(?:an?\s+)?(?:p-?)?nets?\b"
    r"|\bcarcinoid\s+(?:crisis|heart)"
    r"|(?-i:\b[A-Z]{3,}[\s-]+NETS\b)",  # "CONTROL NETS": a trial's name
    re.I,
)
_WELL_DIFFERENTIATED_NET = re.compile(
    r"\bwell[\s-]+differentiated\s+(?:(?:neuro[\s-]*endocrine\s+)?tumou?rs?|(?:p-?)?nets?)\b", re.I
)
# "NEN" / "neoplasm" says neither NET nor NEC (a "NET or NEC" comparison is taken out first): the grade does not pick one.
_NEN = re.compile(r"\bnens?\b|\bneoplasms?\b", re.I)

_SPREAD_PLACES = {
    "liver": r"\bliver\b(?!\s+(?:function|tests?|enzymes?|bloods?|directed|transplant|embolis|resection|ablation|treatment|stud(?:y|ies)|trials?))"
    r"|\bhepatic\s+(?:mets|metasta)"
    # Swedish, Norwegian, Danish, Dutch, German: "levern", "leveren", "levermetastaser", "in de lever", "Lebermetastasen"
    r"|\blever(?:n|en)\b|\blever(?=\s*-?\s*metasta)|\b(?:i|in\s+de|til|till|naar\s+de)\s+lever\b|\bleber\w*"
    # French, Italian, Spanish: "métastases au foie", "metastasi epatiche", "metástasis en el hígado"
    r"|\b(?:foie(?!\s+gras)|fegato|h[ií]gado|f[ií]gado|epatich[ei]|h[ée]patiques?|hep[aá]tic[ao]s)\b"
    r"|\bw[aą]trob\w*",  # Polish: "przerzuty do wątroby"
    "bones": r"\bbones?\b|\bskeletal\b|\bspine\b|\bvertebra\w*|\bskelett\w*|\bknochen\w*|\bhuesos?\b|\bossa\b|\bossee\b|\bko[sś]ci\b",
    "lymph nodes": r"\blymph(?:\s+nodes?|\s+glands?|atic)?\b|\bnodes\b|\bnodal\b|\bglands\b",
    "peritoneum": r"\bperitone\w*|\bomentum\b|\bomental\b"
    r"|\blining\s+of\s+(?:the\s+|her\s+|his\s+|my\s+|their\s+|your\s+)?(?:abdomen|abdominal\s+(?:wall|cavity)|tummy|belly|stomach|gut|bowel)",
    "brain": r"\bbrain\b(?!\s+fog)",
    "lungs": r"(?:spread|gone|moved|mets?|metastas[ie]s|secondar\w*)\s+(?:\w+\s+){0,3}?lungs?\b|\blungs?\s+(?:mets|metastas[ie]s|spots|nodules)"
    # named in a list with another place it has spread to: "liver and lungs", "bones, lungs"
    r"|\b(?:liver|bones?|brain|nodes|peritoneum)\s*(?:,|and|&|\+)\s*(?:(?:the|her|his|my|both)\s+)?lungs?\b",
}
_SPREAD_PLACE_PATTERNS = {place: re.compile(p, re.I) for place, p in _SPREAD_PLACES.items()}
_SPREAD_WORDS = re.compile(
    r"\bspread\w*|\w*metasta\w*|\bsprid\w*|\bspred(?:ning|t|d)\w*|\buitzaai\w*|\bprzerzut\w*|\bmets\b|\bsecondar(?:y|ies)\b|\bstage\s*(?:4|iv)\b",
    re.I,
)
_NO_SPREAD = re.compile(
    r"\b(?:not|never|hasn'?t|has\s+not|hadn'?t|isn'?t|didn'?t|no\s+sign\s+(?:of\s+)?it)\s+(?:\w+\s+){0,2}?(?:spread|metasta\w*|gone\s+anywhere)"
    r"|\blocali[sz]ed\b|\bcontained\b|\bno\s+(?:spread|mets|metastas[ie]s|secondar\w*)|\bnothing\s+(?:has\s+)?spread\b"
    r"|\b(?:inga|ingen|keine|geen|pas\s+de|nessuna|sin)\s+(?:metasta\w*|spridning|uitzaaiingen)"
    r"|\bwithout\s+(?:any\s+)?(?:spread|mets|metasta\w*|secondar\w*)"
    r"|\bnothing\s+(?:(?:showed|shows|showing|seen|found)\s+)?(?:anywhere\s+)?else(?:where)?\b|\bnothing\s+elsewhere\b"
    r"|\b(?:doesn'?t|does\s+not|didn'?t|did\s+not|don'?t|not)\s+show\w*\s+(?:anything|any\s+\w+)\s+(?:anywhere\s+)?else(?:where)?\b"
    r"|\bno\s+(?:distant|other)\s+(?:disease|spread|tumou?rs?|lesions?|sites?)\b|\bstage\s*(?:1|2|i|ii)\b(?!\s*(?:or|-|to))",
    re.I,
)
_CLEAR_AFTER = re.compile(
    r"\s*(?:is|are|was|were|looks?|looked|scans?|came\s+back)?\s*(?:all\s+)?(?:clear|fine|normal|ok|okay|clean|negative|free)\b",
    re.I,
)
_NEGATED_PLACE = re.compile(
    r"\b(?:not|no|never|nothing\s+in|clear\s+of|free\s+of)\b[\w\s']{0,20}$|(?<![\d.])0\s*(?:/|of|out\s+of)\s*\d+\s*(?:lymph\s+)?$",
    re.I,
)
# A question whether it might spread ("what are the chances it's spread?", "does this kind usually
# spread?") says nothing about whether it has.
_SPREAD_QUESTION = re.compile(
    r"[^.!?\n]*\b(?:does|do|will|would|can|could|might|may|chances?|likely|likelihood|risk|odds|usually|how\s+often)\b[^.!?\n]*\?",
    re.I,
)
_SIZE = re.compile(r"(?<![\w.])(\d+(?:[.,]\d+)?)\s*(cm|mm|centimet(?:er|re)s?|millimet(?:er|re)s?)\b", re.I)
_SYNDROMES = {
    "insulinoma": r"\binsulinomas?\b",
    "gastrinoma": r"\bgastrinomas?\b|\bzollinger",
    "vipoma": r"\bvipomas?\b|\bverner[\s-]morrison",
    "glucagonoma": r"\bglucagonomas?\b",
    "somatostatinoma": r"\bsomatostatinomas?\b",
    "carcinoid syndrome": r"\bcarcinoid\s+syndrome\b",
}
_SYNDROME_PATTERNS = {name: re.compile(p, re.I) for name, p in _SYNDROMES.items()}
_NON_FUNCTIONING = re.compile(
    r"\bnon[\s-]?function\w*|\bnot\s+function\w*|\bno\s+hormones?\b|\bhormonally\s+inactive\b"
    r"|\b(?:doesn'?t|does\s+not|don'?t|isn'?t|not)\s+(?:make|produce|secrete|release)\w*\s+(?:any\s+)?hormones?"
    r"|\b(?:not|isn'?t|aren'?t|no)\s+(?:making|producing|secreting|releasing)\s+(?:any\s+)?(?:extra\s+)?hormones?",
    re.I,
)
_FUNCTIONING = re.compile(
    r"(?<!non-)(?<!non )\bfunctioning\b|(?<!non-)(?<!non )\bfunctional\b|\b(?:makes?|making|produces?|producing|secretes?|secreting)\s+(?:too\s+much\s+|lots\s+of\s+)?(?:insulin|gastrin|glucagon|serotonin|hormones?)\b",
    re.I,
)
_INHERITED = {
    "MEN1": r"\bmen[\s-]?(?:1|one|i)\b|\bmultiple\s+endocrine\s+neoplasia",
    "VHL": r"\bvhl\b|\bvon\s+hippel",
    "NF1": r"\bnf[\s-]?1\b|\bneurofibromatosis",
    "TSC": r"\btsc\b|\btuberous\s+sclerosis",
}
_INHERITED_PATTERNS = {name: re.compile(p, re.I) for name, p in _INHERITED.items()}
# A condition only suspected, tested for, ruled out or in the family ("they think he has MEN1",
# "the genetic test for MEN1 came back negative", "if i turn out to be MEN1", "VHL runs in the family").
_INHERITED_NOT_HAD_BEFORE = re.compile(
    r"\b(?:think|thinks|thought|suspect\w*|might|may|could|possibl[ey]|probabl[ey]|maybe|query|whether|if|not|no|negative\s+for"
    r"|test(?:ed|ing|s)?|screen\w*|check\w*|family\s+history\s+of|ruled?\s+out)\b[^.!?\n]{0,30}$"
    r"|\b(?:research|trials?|studies|study)\s+(?:\w+\s+)?(?:about|on|into|in)\s+$",
    re.I,
)
_INHERITED_NOT_HAD_AFTER = re.compile(
    r"^[^.!?\n]{0,30}?\b(?:negative|ruled\s+out|runs\s+in|in\s+the\s+family|families|came\s+back\s+(?:clear|normal|fine))",
    re.I,
)


def read_tumour(text: str) -> Profile:
    """The tumour fields of a profile; the others are left empty."""
    graded = _FOREIGN_GRADE.sub(r"grade \1", text)  # "grad 2", "grado 2", "graad 2", "grau 1"
    grade = read_grade(graded.replace(",", ".") if _DECIMAL_COMMA.search(graded) else graded, strict=True)
    latest_ki67 = _latest_ki67(text)
    spread_to = _spread_places(text)
    syndrome = _first_named(_SYNDROME_PATTERNS, text)
    return Profile(
        site=_site(text),
        tumour_type=_tumour_type(text),
        grades=_grades(graded, grade, _below_a_bound(text, latest_ki67)),
        ki67=None if _only_a_bound(text) else latest_ki67 if latest_ki67 is not None else grade.ki67 if grade else None,
        spread=False
        if _NO_SPREAD.search(text) and not spread_to
        else (True if spread_to or _SPREAD_WORDS.search(strip_accents(_SPREAD_QUESTION.sub(" ", text))) else None),
        spread_to=spread_to,
        size_mm=_size(text),
        functioning="functioning" if syndrome else _functioning(text),
        syndrome=syndrome,
        inherited=_inherited(text),
    )


_DECIMAL_COMMA = re.compile(r"\b\d+,\d\s*%")
_FOREIGN_GRADE = re.compile(r"\b(?:grad|grado|graad|grau|stopie[nń])\s+([123])\b(?!\s*(?:%|cm|mm))", re.I)
_KI67_VALUE = re.compile(
    r"\bki[\s-]?67\b\D{0,40}?(\d+(?:[.,]\d+)?)\s*%?|\b(?:not|no)\s+\d+(?:[.,]\d+)?\W+(?:it\s+is|it's|its)\s+(\d+(?:[.,]\d+)?)\s*%"
    r"|\b(\d+(?:[.,]\d+)?)\s*%\s+not\s+\d+",  # "sorry!! 2.5% not 25"
    re.I,
)


# "Ki-67 under 2%", "ki67 <1%": no exact number (the README leaves it out; the grade still follows)
_KI67_BOUND = re.compile(r"\bki[\s-]?67\b\D{0,25}?(?:under|<|less than|below|lower than|up to|<=|≤)\s*\d", re.I)


def _only_a_bound(text: str) -> bool:
    bounds = [m.start() for m in _KI67_BOUND.finditer(text)]
    values = [m.start() for m in _KI67_VALUE.finditer(text)]
    return bool(bounds) and max(bounds) >= max(values, default=-1)


_STRICT_BOUND = re.compile(r"\bki[\s-]?67\b\D{0,25}?(?:under|<(?!=)|less than|below|lower than)\s*\d", re.I)


def _below_a_bound(text: str, latest_ki67: Optional[float]) -> Optional[float]:
    """ "Ki-67 under 3": a value below 3 (grade 1), not 3 (grade 2)."""
    if latest_ki67 is not None and _only_a_bound(text) and _STRICT_BOUND.search(text):
        return latest_ki67 - 1 if latest_ki67 >= 1 and latest_ki67.is_integer() else latest_ki67 - 0.01
    return latest_ki67


def _grades(text: str, grade: Optional["Grade"], latest_ki67: Optional[float]) -> tuple[int, ...]:
    """The grades said, or else the grade of the latest Ki-67 (WHO: under 3% is 1, up to 20% 2)."""
    if grade is None:
        return (grade_from_ki67(latest_ki67),) if latest_ki67 is not None else ()
    named = re.search(r"\bgrade\b|\bg\s*[123]\b|\b(?:low|intermediate|high)[\s-]+grade\b", text, re.I)
    if not named and latest_ki67 is not None and latest_ki67 != grade.ki67:
        return (grade_from_ki67(latest_ki67),)
    return grade.grades


def _latest_ki67(text: str) -> Optional[float]:
    """The last Ki-67 given: "Ki67 was 3% in 2019 but the new biopsy says 14%" -> 14; "sorry,
    not 2,5. It is 12,5 %" -> 12.5."""
    values = [float((m.group(1) or m.group(2) or m.group(3)).replace(",", ".")) for m in _KI67_VALUE.finditer(text)]
    later = re.findall(r"\b(?:new|latest|now|recent|last)\b[^.%]{0,40}?(\d+(?:[.,]\d+)?)\s*%", text, re.I)
    values += [float(v.replace(",", ".")) for v in later] if values else []
    valid = [v for v in values if 0 <= v <= 100]
    return valid[-1] if valid else None


def _site(text: str) -> Optional[str]:
    found = []
    for site, pattern in _SITES.items():
        for match in pattern.finditer(text):
            if site != "pancreas" and _SPREAD_CONTEXT.search(text[: match.start()]):
                continue
            found.append((match.start(), -len(match.group()), site))
            break
    return min(found)[2] if found else None


def _tumour_type(text: str) -> Optional[str]:
    if _NOT_NEC.search(text):
        return "NET"
    text = _NET_OR_NEC.sub(" ", text)
    if _WELL_DIFFERENTIATED_NET.search(text):
        return "NET"  # "well differentiated NET G3" is a NET, whatever the grade
    if _NEC.search(text):
        return "NEC"
    if _NET.search(_NET_NOT_THEIRS.sub(" ", text)):
        return "NET"
    if _NEN.search(text) or _NET_NOT_THEIRS.search(text):
        return None
    grade = read_grade(text, strict=True)
    # grade 1 or 2, said or from a Ki-67 of 20% or less (README): every NEC is grade 3
    return "NET" if grade and set(grade.grades) <= {1, 2} else None


def _spread_places(text: str) -> tuple[str, ...]:
    found = set()
    for place, pattern in _SPREAD_PLACE_PATTERNS.items():
        for match in pattern.finditer(text):
            after = text[match.end() : match.end() + 30]
            if not _NEGATED_PLACE.search(text[max(0, match.start() - 40) : match.start()]) and not _CLEAR_AFTER.match(
                after
            ):
                found.add(place)
                break
    return tuple(sorted(found))


def _inherited(text: str) -> tuple[str, ...]:
    """Inherited conditions the person has: named without a doubt, a test or a "no" around them."""
    found = set()
    for name, pattern in _INHERITED_PATTERNS.items():
        for match in pattern.finditer(text):
            before, after = text[max(0, match.start() - 60) : match.start()], text[match.end() : match.end() + 40]
            if not _INHERITED_NOT_HAD_BEFORE.search(before) and not _INHERITED_NOT_HAD_AFTER.search(after):
                found.add(name)
                break
    return tuple(sorted(found))


_OF_THE_SPREAD = re.compile(
    r"\b(?:mets?|metastas\w*|secondar\w*|lesions?|spots?|liver|biggest bits?)\b[^.;!?\d]{0,25}$", re.I
)  # "liver mets (biggest 5 cm)", "one of the mets is 6 cm": not the tumour's own size
_GREW_TO = re.compile(
    r"(?:from|between)\s+\d+(?:[.,]\d+)?\s*(?:cm|mm)?\s+(?:to|and)\s+$", re.I
)  # "grown from 14mm to 19mm"
_THEN_ANOTHER = re.compile(r"\s*(to|and|&|,)\s*(\d+(?:[.,]\d+)?)\s*(cm|mm)\b", re.I)
_LISTED_BEFORE = re.compile(
    r"(?<![\d.,])(\d{1,2}(?:[.,]\d+)?)\s*(cm|mm)?\s*(?:and|&|,)\s*$", re.I
)  # "8mm and 12mm", "6 and 9 mm"


def _size(text: str) -> Optional[float]:
    """The tumour's size: the first said that is not of a spread, the later of "from X to Y", the
    largest of a list ("2 small pnets (8mm and 12mm)")."""
    for found in _SIZE.finditer(text):
        before = text[max(0, found.start() - 40) : found.start()]
        if _OF_THE_SPREAD.search(before) and not re.search(r"\b(?:primary|pancrea\w*|pnet|lump|mass)\b", before, re.I):
            continue
        unit = found.group(2).lower()
        sizes = [_millimetres(found.group(1), unit)]
        listed = _LISTED_BEFORE.search(before)
        if listed and not _GREW_TO.search(before):
            sizes.append(_millimetres(listed.group(1), (listed.group(2) or unit).lower()))
        later = _THEN_ANOTHER.match(text[found.end() : found.end() + 25])
        if later:  # "from 14mm to 19mm": the later; "(8mm and 12mm)": the larger
            sizes.append(_millimetres(later.group(2), later.group(3).lower()))
            if later.group(1).lower() == "to":
                sizes = sizes[-1:]
        size = max(sizes)
        return round(size, 1) if 0 < size < 1000 else None
    return None


def _millimetres(number: str, unit: str) -> float:
    value = float(number.replace(",", "."))
    return value * 10 if unit.startswith("c") else value


def _functioning(text: str) -> Optional[str]:
    if _NON_FUNCTIONING.search(text):
        return "non-functioning"
    return "functioning" if _FUNCTIONING.search(text) else None


def _first_named(patterns: dict[str, re.Pattern], text: str) -> Optional[str]:
    found = [(m.start(), name) for name, p in patterns.items() if (m := p.search(text))]
    return min(found)[1] if found else None
