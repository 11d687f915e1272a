"""How long the NET has been known, from the dates and durations in a story.

"diagnosed in 2022", "three years ago she was diagnosed", "on Somatuline since 2022", "stable on
the shot for 3 years", "she take Sandostatin from three years": each says the tumour was known
by some month at the latest. We keep that month ("YYYY-MM"), so a trial for people diagnosed in
the last few months can be ranked with the reason. Only clauses about the illness or a
treatment count ("married for 30 years" and "born in 1950" do not); a bare month with no year
says nothing.
"""

from __future__ import annotations

import re
from datetime import date
from typing import Optional

from bot.lexicon import Lexicon
from bot.profile.treatments import named_ids

_CLAUSE = re.compile(r"[.;!?\n]+|\bbut\b", re.I)
# a year, not a part of a phone number, a date written with slashes or a range
_YEAR = re.compile(r"(?<![\d/.-])(?<!\d )(19[5-9]\d|20[0-4]\d)(?![\d/.-])(?! \d)")
_NUMBER_WORDS = {
    "a": 1,
    "an": 1,
    "one": 1,
    "two": 2,
    "three": 3,
    "four": 4,
    "five": 5,
    "six": 6,
    "seven": 7,
    "eight": 8,
    "nine": 9,
    "ten": 10,
    "eleven": 11,
    "twelve": 12,
    "a couple of": 2,
    "couple of": 2,
    "a few": 3,
    "few": 3,
    "several": 3,
}
_COUNT = r"(?P<count>\d{1,2}|" + "|".join(sorted(_NUMBER_WORDS, key=len, reverse=True)) + r")"
_UNIT = r"(?P<unit>years?|yrs?|months?|mths?|weeks?|wks?)"
# "3 years ago", "for 3 years", "from three years" (a translated "desde hace"), "for the last 2 yrs"
_DURATIONS = (
    re.compile(rf"\b{_COUNT}\s*\+?\s*{_UNIT}\s+ago\b", re.I),
    re.compile(
        rf"\b(?:for|from|since|over)\s+(?:the\s+(?:last|past)\s+|about\s+|almost\s+|nearly\s+|over\s+)?"
        rf"{_COUNT}\s*\+?\s*{_UNIT}\b",
        re.I,
    ),
)
# Words that make a clause about the illness or its care.
_ABOUT_THE_NET = re.compile(
    r"\b(?:diagnos\w*|dx(?:'?d)?|found|discovered|picked up|spotted|told|net|pnet|nets|tumou?rs?|cancer|carcinoid|"
    r"neuroendocrine|mets|metastas\w*|spread|operation|op|surgery|removed|took out|taken out|whipple|scans?|"
    r"stable|living with|had it|injections?|shots?|jabs?|tablets?|treatment|chemo|since)\b",
    re.I,
)
# Clauses about other parts of life, and about trials rather than the person.
_OTHER_LIFE = re.compile(
    r"\b(?:born|married|wedding|retired|moved|lived|worked|graduat\w*|died|passed away|funeral|together|"
    r"trials?|study|studies|published|approved|licensed|nice|fda)\b",
    re.I,
)


def known_since(text: str, lexicon: Lexicon, today: Optional[date] = None) -> Optional[str]:
    """The latest month ("YYYY-MM") by which the story says the NET was known; None if it does not say."""
    today = today or date.today()
    # dates first: most clauses have none, and the lexicon scan of `_about_the_net` is the cost
    dated = ((clause, _months_of(clause, today)) for clause in _CLAUSE.split(text) if clause)
    months = [m for clause, found in dated if found and _about_the_net(clause, lexicon) for m in found]
    if not months:
        return None
    year, month = min(months)
    return f"{year:04d}-{month:02d}"


def months_known(since: Optional[str], today: Optional[date] = None) -> Optional[int]:
    """Whole months from the month kept by `known_since` to today (at least that long)."""
    match = re.fullmatch(r"(\d{4})-(\d{2})", since or "")
    if not match:
        return None
    today = today or date.today()
    return max(0, (today.year - int(match[1])) * 12 + today.month - int(match[2]))


def _about_the_net(clause: str, lexicon: Lexicon) -> bool:
    if _OTHER_LIFE.search(clause):
        return False
    return bool(_ABOUT_THE_NET.search(clause) or named_ids(clause, lexicon))


def _months_of(clause: str, today: date) -> list[tuple[int, int]]:
    found = [(int(y), 12) for y in _YEAR.findall(clause) if int(y) <= today.year]
    for match in (m for pattern in _DURATIONS for m in pattern.finditer(clause)):
        count = match["count"].lower()
        number = int(count) if count.isdigit() else _NUMBER_WORDS[count]
        unit = match["unit"].lower()
        # weeks count as whole months, at least one: "diagnosed 5 weeks ago" was known by last month
        back = number * 12 if unit.startswith("y") else max(1, round(number / 4.35)) if unit.startswith("w") else number
        total = today.year * 12 + today.month - 1 - back
        found.append((total // 12, total % 12 + 1))
    # a year alone means "by December of that year" at the latest; this year tells nothing
    return [(y, m) for y, m in found if (y, m) < (today.year, today.month) and not (y == today.year and m == 12)]
