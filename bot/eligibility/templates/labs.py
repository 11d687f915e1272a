"""Blood counts and organ function: "ANC ≥ 1,500/mm3", "Total bilirubin ≤ 1.5 x ULN", one or several."""

from __future__ import annotations

import re
from dataclasses import dataclass

from bot.eligibility.templates import Template, Words
from bot.eligibility.templates.parts import LIMIT_WORDS, NUMBER, compile_full, limit


@dataclass(frozen=True)
class Lab:
    pattern: str
    name: str
    explain: str

    @property
    def verb(self) -> str:
        return "are" if self.name in ("AST and ALT", "ALT and AST", "liver enzymes") else "is"


LABS = [
    Lab(
        r"(?:absolute\s+neutrophils?(?:\s+count)?|neutrophil\s+count|neutrophils|ANC)(?:\s*\(ANC\))?",
        "neutrophil count",
        "Neutrophils are white blood cells that fight infection.",
    ),
    Lab(r"platelets?(?:\s+count)?(?:\s*\(PLT\))?", "platelet count", "Platelets help the blood to clot."),
    Lab(
        r"(?:h(?:a)?emoglobin|Hgb|Hb)(?:\s*\((?:Hb|Hgb|HGB)\))?",
        "haemoglobin",
        "Haemoglobin carries oxygen in the blood.",
    ),
    Lab(
        r"(?:white\s+blood\s+cells?(?:\s+count)?|WBC(?:\s+count)?|leu[ck]ocytes?(?:\s+count)?)(?:\s*\(WBC\))?",
        "white blood cell count",
        "White blood cells fight infection.",
    ),
    Lab(
        r"(?:serum\s+)?(?:total\s+)?bilirubin(?:\s*\((?:T?BILI?|TBL)\))?",
        "bilirubin",
        "Bilirubin is a blood test that shows how well the liver works.",
    ),
    Lab(
        r"(?:serum\s+)?(?:AST|aspartate\s+(?:amino)?transferase|SGOT)(?:\s*\((?:AST|SGOT)\))?\s*(?:and|or|and/or|/|,)\s*"
        r"(?:ALT|alanine\s+(?:amino)?transferase|SGPT)(?:\s*\((?:ALT|SGPT)\))?",
        "AST and ALT",
        "AST and ALT are blood tests that show how well the liver works.",
    ),
    Lab(
        r"(?:serum\s+)?(?:ALT|alanine\s+(?:amino)?transferase|SGPT)(?:\s*\((?:ALT|SGPT)\))*\s*(?:and|or|and/or|/|,)\s*"
        r"(?:AST|aspartate\s+(?:amino)?transferase|SGOT)(?:\s*\((?:AST|SGOT)\))*",
        "ALT and AST",
        "ALT and AST are blood tests that show how well the liver works.",
    ),
    Lab(
        r"(?:serum\s+)?(?:ALT|alanine\s+(?:amino)?trans(?:fer|amin)ase|SGPT)(?:\s*\((?:ALT|SGPT)\))*",
        "ALT",
        "ALT is a blood test that shows how well the liver works.",
    ),
    Lab(
        r"(?:serum\s+)?(?:AST|aspartate\s+(?:amino)?trans(?:fer|amin)ase|SGOT)(?:\s*\((?:AST|SGOT)\))*",
        "AST",
        "AST is a blood test that shows how well the liver works.",
    ),
    Lab(
        r"(?:serum\s+)?alkaline\s+phosphatase(?:\s*\((?:ALP|AP)\))?|ALP",
        "alkaline phosphatase",
        "Alkaline phosphatase is a blood test of the liver and bones.",
    ),
    Lab(
        r"(?:(?:hepatic|liver|serum)\s+)?(?:transaminases|aminotransferases|liver\s+enzymes)",
        "liver enzymes",
        "Liver enzymes are blood tests that show how well the liver works.",
    ),
    Lab(
        r"(?:serum\s+)?creatinine(?:\s*\((?:sCr|SCr|Cr)\))?(?!\s+clearance)",
        "creatinine",
        "Creatinine is a blood test that shows how well the kidneys work.",
    ),
    Lab(
        r"(?:(?:calculated|measured|estimated)\s+)?creatinine\s+clearance(?:\s*\((?:CrCl|CLcr)\))?|CrCl",
        "creatinine clearance",
        "Creatinine clearance is a measure of how well the kidneys clean the blood.",
    ),
    Lab(r"(?:serum\s+)?albumin(?:\s*\(ALB\))?", "albumin", "Albumin is a protein that the liver makes."),
    Lab(
        r"INR|international\s+normali[sz]ed\s+ratio(?:\s*\(INR\))?",
        "INR",
        "INR is a blood test of how fast the blood clots.",
    ),
]
_NAME = "|".join(f"(?:{lab.pattern})" for lab in LABS)
_ULN = (
    r"(?:[x×\*]|times)\s*(?:the\s+)?(?:institutional\s+)?(?:ULN|IULN|UNL|upper\s+limits?\s+of\s+(?:the\s+)?normal(?:\s*\((?:ULN)\))?"
    r"|upper\s+normal\s+limit)"
)
_UNIT = (
    rf"{_ULN}|(?:[x×]\s*10\s*(?:\^\s*|[eE])?[0-9]+|[x×]\s*10[⁰¹²³⁴⁵⁶⁷⁸⁹]+)?\s*(?:cells\s*)?(?:/|per\s+)\s*(?:mm\^?3|mm³|µL|μL|uL|mcL|microL|L|l|dL)"
    r"|(?:g|mg|µmol|μmol|umol|mmol)/(?:dL|dl|L|l)|(?:mL|ml|mls|cc)/min(?:ute)?(?:/1\.73\s*m(?:2|²))?|%"
)
_ONE = rf"(?P<name>{_NAME})(?:\s+(?:count|levels?|values?))?(?:\s*(?::|=(?![<>])|of|is|must\s+be|should\s+be))?\s*(?P<limit>{LIMIT_WORDS})\s*(?P<value>{NUMBER})\s*(?P<unit>{_UNIT})?"
ONE = re.compile(_ONE, re.I)
# when the test is done: "at screening"
_AT = r"(?:\s+at\s+(?:the\s+)?(?P<at>screening(?:\s+visit)?|baseline|study\s+entry|enrol?ment|registration))?"
_SEPARATOR = r"\s*(?:;|,)?\s*(?:\band\b\s*)?"
_MARROW, _COUNTS = "Your bone marrow works well enough", "Your blood counts are good enough"
_LIVER, _KIDNEYS = "Your liver works well enough", "Your kidneys work well enough"
_ORGANS = {
    "bone marrow": _MARROW,
    "marrow": _MARROW,
    "hematologic": _COUNTS,
    "haematologic": _COUNTS,
    "hematological": _COUNTS,
    "haematological": _COUNTS,
    "liver": _LIVER,
    "hepatic": _LIVER,
    "renal": _KIDNEYS,
    "kidney": _KIDNEYS,
    "organ": "Your organs work well enough",
    "organ and marrow": "Your organs and bone marrow work well enough",
    "organ and bone marrow": "Your organs and bone marrow work well enough",
}
_LEAD = (
    r"(?:(?:adequate|sufficient)\s+(?P<organ>bone\s+marrow|marrow|ha?ematologic(?:al)?|liver|hepatic|renal|kidney|organ(?:\s+and\s+marrow)?)"
    r"\s+(?:function|reserve)(?:\s+(?:defined\s+as|as\s+defined\s+by|as\s+follows|as\s+evidenced\s+by|with))?\s*:?\s*)?"
)


def _lab(name: str) -> Lab:
    return next(lab for lab in LABS if re.fullmatch(lab.pattern, name, re.I))


def _value(found: re.Match, words: Words) -> str:
    unit = found.group("unit") or ""
    if re.fullmatch(_ULN, unit.strip(), re.I):  # not "x 10^9/L", a count
        unit = " times " + words("ULN")  # the glossary's short name, explained beneath
    elif unit:
        unit = " ".join(unit.split())
        unit = unit if unit[0] in "%/" else " " + unit
    return f"{limit(found.group('limit'))} {found.group('value')}{unit}"


def _pair_name(found: re.Match) -> str:
    """A pair of liver tests as the registry joins them: "ALT or AST" when either is meant (an explicit
    "or", or "/" and "and/or" before a floor such as "> 3 x ULN"), else "AST and ALT"."""
    lab = _lab(found.group("name"))
    if lab.name not in _PAIRS:
        return f"{lab.name} {lab.verb}"
    joint = _JOINT.search(found.group("name"))
    said = " ".join(joint.group().lower().split()) if joint else "and"
    either = said == "or" or (said != "and" and limit(found.group("limit")).startswith(("at least", "more", "over")))
    first, second = lab.name.split(" and ")
    return f"{first} or {second} is" if either else f"{lab.name} {lab.verb}"


_PAIRS = ("AST and ALT", "ALT and AST")
_JOINT = re.compile(r"\s*(?:and/or|\band\b|\bor\b|/|,)\s*(?=[a-z])", re.I)


def _labs(found: re.Match, words: Words) -> str:
    each = list(ONE.finditer(found.group(), found.start("labs")))
    parts = [f"your {_pair_name(m)} {_value(m, words)}" for m in each]
    explained = list(dict.fromkeys(_lab(m.group("name")).explain for m in each))
    organ = found.group("organ")
    lead = f"{_ORGANS[' '.join(organ.lower().split())]}: " if organ else ""
    body = ", ".join(parts[:-1]) + (" and " if len(parts) > 1 else "") + parts[-1]
    tail = f" at {' '.join(found.group('at').lower().split())}" if found.group("at") else ""
    return f"{lead}{body}{tail}. {' '.join(explained)}"


def _organ_alone(found: re.Match, words: Words) -> str:
    works = _ORGANS[" ".join(found.group("organ").lower().split())]
    if found.group("how").lower() == "normal":
        works = works.replace("well enough", "normally")
    return f"{works}{', as set out below' if found.group('below') else ''}."


_ORGAN = r"(?P<organ>bone\s+marrow|marrow|ha?ematologic(?:al)?|liver|hepatic|renal|kidney|organ(?:\s+and\s+(?:bone\s+)?marrow)?)"
TEMPLATES = [
    Template(
        "blood counts and organ function",
        compile_full(rf"{_LEAD}(?P<labs>{_ONE}(?:{_SEPARATOR}{_ONE.replace('?P<', '?P<x')})*){_AT}"),
        _labs,
    ),
    Template(
        "blood counts and organ function",
        compile_full(
            r"(?:(?:the\s+)?(?:patients?|subjects?|participants?)\s+)?(?:must\s+|should\s+)?(?:have\s+|has\s+)?"
            rf"(?P<how>adequate|sufficient|normal)\s+{_ORGAN}\s+(?:function|reserve)"
            r"(?P<below>\s*,?\s*(?:as\s+)?(?:defined|outlined|specified|listed|shown)\s+(?:below|as\s+follows|by\s+the\s+following)|\s+as\s+follows)?"
        ),
        _organ_alone,
    ),
]


def _within_normal(found: re.Match, words: Words) -> str:
    """ "Total bilirubin within normal institutional limits": in the normal range, as the site's lab sets it."""
    lab = _lab(found.group("name"))
    where = " of the study site's lab" if found.group("site") or found.group("site2") or found.group("site3") else ""
    return f"Your {lab.name} {lab.verb} in the normal range{where}. {lab.explain}"


# "Creatinine within normal institutional limits", "Total bilirubin: within normal limits (WNL)"; never with an
# "or" or an exception after it (the item then goes on in the next one)
TEMPLATES.append(
    Template(
        "blood counts and organ function",
        compile_full(
            rf"(?P<name>{_NAME})(?:\s+(?:count|levels?|values?))?\s*:?\s*(?:(?:is|are|must\s+be|should\s+be)\s+)?(?:within|in)\s+(?:the\s+)?"
            r"(?:normal\s+(?P<site>institutional\s+)?(?:limits|range)(?P<site2>\s+(?:for|of)\s+the\s+(?:institution|site|local\s+laboratory))?"
            r"|(?P<site3>institutional)\s+(?:limits|range)\s+of\s+normal|normal\s+limits)(?:\s*\(WNL\))?"
        ),
        _within_normal,
    )
)
