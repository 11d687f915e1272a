"""Pregnancy, breastfeeding, pregnancy tests and birth control."""

from __future__ import annotations

import re

from bot.eligibility.templates import Template, Words
from bot.eligibility.templates.parts import NUMBER, compile_full, words_after

_WOMEN = r"(?:women|females|female\s+(?:patients|subjects|participants))"
_PEOPLE = r"(?:patients|subjects|participants|people|individuals)"
_PREGNANT = r"(?:pregnant|pregnancy)"
_FEEDING = r"(?:breast-?\s?feeding|lactating|lactation|nursing)"
_AND_OR = r"\s*(?:,\s*(?:or\s+|and\s+|and/or\s+)?|(?:or|and|and/or)\s+|/\s*)"
_POTENTIAL = r"of\s+(?:child-?\s?bearing|reproductive)\s+potential"
_WHO_POTENTIAL = rf"(?P<who>{_WOMEN}\s+{_POTENTIAL}|{_PEOPLE}\s+{_POTENTIAL}|WOCBP|FOCBP)(?:\s*\((?:WOCBP|FOCBP)\))?"
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
    kind = f"{found.group('kind').lower()} " if found.group("kind") else ""
    when = words_after(words, found.group("when"))
    return f"{_if_could_be_pregnant(found)}, you have a negative {kind}pregnancy test{when}."


_METHOD_WORDS = {
    "adequate": "good enough",
    "effective": "effective",
    "highly effective": "highly effective",
    "acceptable": "acceptable",
    "medically acceptable": "medically acceptable",
    "reliable": "reliable",
}


def _birth_control(found: re.Match, words: Words) -> str:
    agree = "agree to use" if found.group("agree") else "use"
    how_good = _METHOD_WORDS[" ".join(found.group("how").lower().split())]
    return f"{_if_could_be_pregnant(found)}, you {agree} {how_good} birth control{words_after(words, found.group('when'))}."


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
            rf"{_WHO_POTENTIAL}\s+(?:must|should|need\s+to|will\s+need\s+to)\s+(?:have|agree\s+to\s+(?:have|undergo))\s+(?:a\s+)?"
            rf"(?:documented\s+)?negative\s+(?P<kind>serum|urine|blood|serum\s+or\s+urine|urine\s+or\s+serum)?\s*"
            rf"(?:(?:β|beta)-?\s?hCG\s+)?pregnancy\s+test(?P<when>\s+(?:within|in\s+the)\s+{NUMBER}\s+(?:hours|days|weeks)"
            rf"(?:\s+(?:before|prior\s+to|of)\s+[a-z][^,;()]{{2,60}})?)?"
        ),
        _test,
    ),
    Template(
        "birth control",
        compile_full(
            rf"{_WHO_POTENTIAL}\s+(?:must|should|need\s+to|have\s+to)\s+(?P<agree>agree\s+to\s+)?(?:use|practi[cs]e)\s+"
            rf"(?:an?\s+)?(?P<how>adequate|effective|highly\s+effective|acceptable|medically\s+acceptable|reliable)\s+"
            rf"(?:methods?\s+of\s+|forms?\s+of\s+)?(?:contraception|birth\s+control)(?:\s+methods?)?"
            rf"(?P<when>\s+(?:during|throughout|for\s+the\s+duration\s+of)\s+[a-z][^;()]{{2,120}})?"
        ),
        _birth_control,
    ),
]
