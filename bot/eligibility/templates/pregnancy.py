"""Pregnancy, breastfeeding, pregnancy tests and birth control."""

from __future__ import annotations

import re

from bot.eligibility.templates import Template, Words
from bot.eligibility.templates.parts import NUMBER, compile_full, registry_slot, with_notes

_WOMEN = r"(?:wom[ae]n|females?|female\s+(?:patients?|subjects?|participants?))"
_PEOPLE = r"(?:patients?|subjects?|participants?|people|persons|individuals)"
_PREGNANT = r"(?:pregnant|pregnancy)"
_FEEDING = r"(?:breast-?\s?feeding|lactating|lactation|nursing)"
_AND_OR = r"\s*(?:,\s*(?:or\s+|and\s+|and/or\s+)?|(?:or|and|and/or)\s+|/\s*)"
_POTENTIAL = r"(?:of|with)\s+(?:child-?\s?bearing|reproductive)\s+potential"
_WHO_POTENTIAL = rf"(?:for\s+)?(?:all\s+)?(?P<who>{_WOMEN}\s+{_POTENTIAL}|{_PEOPLE}\s+{_POTENTIAL}|WOCBP|FOCBP)(?:\s*\((?:WOCBP|FOCBP)\))?"
# a time or event the test or birth control is tied to, with no second requirement or condition after it
_NOTHING_MORE = r"(?![^;()]*\b(?:and|or|but|unless|except|if|when|who|which|as)\b)"
# a time for birth control, with no second requirement after it: "and" only before another time
_TIME_ONLY = (
    r"(?![^;()]*\b(?:or|unless|except|if|as)\b)(?![^;()]*,\s*and\b)"
    r"(?![^;()]*\band\s+(?!(?:for|until|through|up|during|after|at|[0-9])\b)\w)"
)
_TEST_WHEN = (
    rf"(?:\s+(?:performed|confirmed|obtained|done|taken)(?=\s+(?:within|in|at|before|prior)\b))?(?P<when>\s+(?:(?:within|in\s+the)\s+{NUMBER}\s+(?:hours|days|weeks)"
    rf"(?:\s+(?:before|prior\s+to|of)\s+{_NOTHING_MORE}[a-z0-9][^,;()]{{2,60}})?"
    rf"|(?:at|before|prior\s+to)\s+{_NOTHING_MORE}[a-z][^,;()]{{2,60}}))?"
)
_PLANNING = r"(?P<planning>,?\s*(?:or|and/or)\s+(?:planning|intending|wishing|expecting)\s+to\s+(?:become\s+pregnant|conceive)(?:\s+during\s+the\s+(?:study|trial))?)?"


def _woman(found: re.Match, *groups: str) -> bool:
    return any(found.group(g) and re.search(r"wom|fem|WOCBP|FOCBP", found.group(g), re.I) for g in groups)


def _pregnant_or_feeding(found: re.Match, words: Words) -> str:
    who = "You are a woman who is" if _woman(found, "who", "who2") else "You are"
    planning = (
        " or planning to become pregnant during the study"
        if found.group("planning") and "during" in found.group("planning")
        else " or planning to become pregnant"
        if found.group("planning")
        else ""
    )
    return f"{who} pregnant or breastfeeding{planning}."


def _if_could_be_pregnant(found: re.Match) -> str:
    return "If you are a woman who could become pregnant" if _woman(found, "who") else "If you could become pregnant"


def _test(found: re.Match, words: Words) -> str:
    kind = found.group("kind") or found.group("kind2")
    kind = f"{' '.join(kind.lower().split())} " if kind else ""
    when, notes = registry_slot(found.group("when") or "")
    return with_notes(
        f"{_if_could_be_pregnant(found)}, you have a negative {kind}pregnancy test{' ' + when if when else ''}", notes
    )


_METHOD_WORDS = {
    "adequate": "good enough",
    "effective": "effective",
    "highly effective": "highly effective",
    "acceptable": "acceptable",
    "medically acceptable": "medically acceptable",
    "medically accepted": "medically accepted",
    "reliable": "reliable",
    "appropriate": "suitable",
    "approved": "approved",
}


def _birth_control(found: re.Match, words: Words) -> str:
    agree = "agree to use" if found.group("agree") else "use"
    how_good = _METHOD_WORDS[" ".join(found.group("how").lower().split())]
    who = f"{_if_could_be_pregnant(found)}, you" if found.group("who") else "You"
    when, notes = registry_slot(found.group("when") or "")
    return with_notes(f"{who} {agree} {how_good} birth control{' ' + when if when else ''}", notes)


def _one_of(found: re.Match, words: Words) -> str:
    state = "pregnant" if re.match(r"preg", found.group("state"), re.I) else "breastfeeding"
    return f"{'You are a woman who is' if _woman(found, 'who', 'who2') else 'You are'} {state}."


TEMPLATES = [
    Template(
        "pregnancy or breastfeeding",
        compile_full(
            rf"(?:(?P<who>{_WOMEN}|{_PEOPLE})\s+who\s+(?:are|is)\s+)?(?:currently\s+)?(?P<state>{_PREGNANT}|{_FEEDING})"
            rf"(?:\s+(?P<who2>{_WOMEN}|{_PEOPLE}))?"
        ),
        _one_of,
    ),
    Template(
        "pregnancy or breastfeeding",
        compile_full(
            rf"(?:(?P<who>{_WOMEN}|{_PEOPLE})\s+who\s+are\s+)?(?:currently\s+)?{_PREGNANT}{_AND_OR}(?:currently\s+)?{_FEEDING}"
            rf"(?:\s+(?P<who2>{_WOMEN}|{_PEOPLE}))?{_PLANNING}"
        ),
        _pregnant_or_feeding,
    ),
    Template(
        "pregnancy test",
        compile_full(
            rf"{_WHO_POTENTIAL}(?:\s*[,:]\s*|\s+(?:must|should|need\s+to|will\s+need\s+to)\s+(?:have|provide|agree\s+to\s+(?:have|undergo))\s+(?:had\s+)?)"
            rf"(?:a\s+)?(?:documented\s+)?negative\s+(?P<kind>serum|urine|blood|serum\s+or\s+urine|urine\s+or\s+serum)?\s*"
            rf"(?:(?:β|beta)-?\s?hCG\s+)?pregnancy\s+test(?:\s*\((?P<kind2>serum|urine|blood|serum\s+or\s+urine|urine\s+or\s+serum)\))?{_TEST_WHEN}"
        ),
        _test,
    ),
    Template(
        "birth control",
        compile_full(
            rf"(?:{_WHO_POTENTIAL}\s+(?:must|should|need\s+to|have\s+to)\s+|(?:must\s+)?(?=agree))(?P<agree>agree\s+to\s+)?(?:use|practi[cs]e)\s+"
            rf"(?:an?\s+)?(?P<how>adequate|effective|highly\s+effective|acceptable|medically\s+accept(?:able|ed)|reliable|appropriate|approved)\s+"
            rf"(?:(?:methods?|forms?|means)\s+(?:of|for)\s+)?(?:contraception|birth\s+control)(?:\s+methods?)?"
            rf"(?P<when>\s+(?:during|throughout|for\s+the\s+duration\s+of|while\s+on|until|from)\s+{_TIME_ONLY}[a-z][^;()]{{2,120}})?"
        ),
        _birth_control,
    ),
]
