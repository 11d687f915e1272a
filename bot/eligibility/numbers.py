"""Number tokens: what must survive a plain-English rewrite unchanged.

A number token is a run of digits with optional inner groups joined by "." or ","
("18", "1.5", "100,000", "0.44"), plus an exponent written straight after it ("10^9",
"10⁹", "10^-3"). A run of superscript digits on its own ("mm³") is a token too. Digits
inside words count ("68Ga" -> "68", "Ki-67" -> "67", "G1" -> "1"), so a rewrite cannot
drop a digit by rewording the word around it. Signs, "%" and units are not part of the
token: "≥18%" and "at least 18 percent" both hold "18".
"""

from __future__ import annotations

import re
from collections import Counter

_SUPERSCRIPTS = "⁰¹²³⁴⁵⁶⁷⁸⁹"
NUMBER = re.compile(  # no look-behind: a digit run is always taken whole from its first digit
    rf"[0-9]+(?:[.,][0-9]+)*"  # 18, 1.5, 100,000
    rf"(?:\^[-−]?[0-9]+|[{_SUPERSCRIPTS}]+)?"  # 10^9, 10^-3, 10⁹
    rf"|[{_SUPERSCRIPTS}]+"  # mm³ on its own
)


def number_tokens(text: str) -> list[str]:
    """Every number token of `text`, in order."""
    return NUMBER.findall(text)


def missing_numbers(original: str, rewrite: str) -> list[str]:
    """Number tokens of `original` that `rewrite` lacks (counting repeats)."""
    lost = Counter(number_tokens(original)) - Counter(number_tokens(rewrite))
    return sorted(lost.elements())


def added_numbers(original: str, rewrite: str) -> list[str]:
    """Number tokens the rewrite has that the original does not."""
    return missing_numbers(rewrite, original)
