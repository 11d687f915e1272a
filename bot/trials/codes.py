"""Drug codes as sponsors name trial drugs before they have a name: "TLC388", "SNX-5422",
"MK-6482", "ABT 869". Typed alone, such a code is a search for the trials that test it, not a
mistyped NCT number."""

from __future__ import annotations

import re
from typing import Optional

from bot.known_words import is_everyday_word

_CODE = re.compile(r"\b(?!nct)([a-z]{2,5})[\s-]?(\d{2,6}[a-z]?)\b", re.I)


def drug_code(text: str) -> Optional[str]:
    """The first drug code in the text, as written with a hyphen ("SNX-5422"), or None."""
    for found in _CODE.finditer(text or ""):
        letters, number = found.group(1), found.group(2)
        if letters.lower() in _NOT_CODES or _said_of_someone(found):
            continue
        return f"{letters}{number}" if found.group(0).isalnum() else f"{letters}-{number}"
    return None


def _said_of_someone(found: re.Match[str]) -> bool:
    """ "my wife is 58", "mum 81", "dad was 70": an everyday word, in lower case, a space before a number,
    is how people give an age or a date, not a drug code ("ABT 869", "pen-221", "tlc388" stay codes)."""
    letters = found.group(1)
    spaced = not found.group(0).isalnum() and "-" not in found.group(0)
    return spaced and letters.islower() and (is_everyday_word(letters) or letters in _PEOPLE)


_PEOPLE = frozenset("mum mom mam nan nana gran hubby wifey bro sis".split())


# "phase 3", "grade 2", "ki67 20", "stage 4", "covid 19": words before a number that are not codes
_NOT_CODES = frozenset(
    "phase grade stage ki ki67 covid age aged over under week weeks day days year years cycle "
    "cycles dose doses mg gbq mci cm mm lu ga men vhl".split()
)
