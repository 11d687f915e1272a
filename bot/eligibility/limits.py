"""Limits as registries write them ("≥", "no less than", "or older") and in plain words.

One table serves two readers: the templates, which turn a registry limit into plain words,
and the meaning guard, which checks that a rewrite still states every limit of the original
(a "no less than" written as "at least" is the same limit; "more than" for "at least" is not).
"""

from __future__ import annotations

import re
from collections import Counter

AT_LEAST, AT_MOST, MORE, LESS = "at least", "at most", "more than", "less than"

# (kind, registry spellings). Longer spellings first: "less than or equal to" before "less than".
_SPELLINGS: list[tuple[str, str]] = [
    (
        AT_LEAST,
        r"≥|≧|⩾|=>|>=|>\s?/\s?=|>\s?or\s?=(?:\s?to)?|greater\s+than\s+or\s+equal(?:\s+to)?"
        r"|(?:equal\s+to\s+or|equal\s+or)\s+(?:greater|more|higher)\s+than|(?:greater|more|higher)\s+(?:than\s+)?or\s+equal(?:\s+to)?"
        r"|no\s+less\s+than|not\s+less\s+than|(?:of\s+)?at\s+least|a\s+minimum\s+of|minimum(?:\s+of)?"
        r"|or\s+(?:older|over|above|more|greater|higher|longer)\b(?!\s+than)|and\s+(?:older|over|above)\b(?!\s+than)",
    ),
    (
        AT_MOST,
        r"≤|≦|⩽|=<|<=|<\s?/\s?=|<\s?or\s?=(?:\s?to)?|less\s+than\s+or\s+equal(?:\s+to)?"
        r"|(?:equal\s+to\s+or|equal\s+or)\s+(?:less|lower)\s+than|(?:less|lower)\s+(?:than\s+)?or\s+equal(?:\s+to)?"
        r"|no\s+more\s+than|not\s+more\s+than|no\s+greater\s+than|not\s+greater\s+than|no\s+higher\s+than"
        r"|not\s+exceeding|not\s+to\s+exceed|(?:of\s+)?at\s+most|a\s+maximum\s+of|maximum(?:\s+of)?|up\s+to"
        r"|or\s+(?:younger|less|under|below|lower|fewer)\b(?!\s+than)|and\s+(?:younger|under|below)\b(?!\s+than)",
    ),
    (MORE, r">+|(?:greater|more|higher)\s+than|in\s+excess\s+of|exceeding|exceeds|above|over(?=\s*[0-9])"),
    (LESS, r"<+|(?:less|lower|fewer)\s+than|below|under(?=\s*[0-9])"),
]
ANY_LIMIT = "|".join(f"(?:{p})" for _k, p in _SPELLINGS)  # for use inside other patterns
# a limit starts at a word start or a symbol: tried nowhere else, which keeps the scan fast
_START = r"(?:(?<!\w)(?=\w)|(?=[<>≤≥=≦≧⩽⩾]))"
LIMIT = re.compile(_START + "(?:" + "|".join(f"(?P<k{i}>{p})" for i, (_k, p) in enumerate(_SPELLINGS)) + ")", re.I)
_KINDS = [kind for kind, _p in _SPELLINGS]


def kind_of(spelling: str) -> str:
    """The plain words for one registry spelling of a limit ("=>" -> "at least")."""
    spelling = " ".join(spelling.split())
    found = LIMIT.match(spelling + " 0")  # "over" is a limit only before a number
    if found is None or found.end() < len(spelling):
        raise ValueError(f"not a limit: {spelling!r}")
    return _kind(found)


def limits_in(text: str) -> Counter:
    """How many limits of each kind `text` states."""
    return Counter(_kind(found) for found in LIMIT.finditer(text) if _whole_words(found))


def _whole_words(found: re.Match) -> bool:
    """ "over" in "overall" or "above" in "aboveground" is not a limit."""
    text, start, end = found.string, found.start(), found.end()
    cut_before = start > 0 and text[start].isalpha() and text[start - 1].isalnum()
    cut_after = end < len(text) and text[end - 1].isalpha() and text[end].isalpha()
    return not (cut_before or cut_after)


def _kind(found: re.Match) -> str:
    return _KINDS[int(next(name for name, value in found.groupdict().items() if value is not None)[1:])]
