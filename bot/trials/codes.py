"""Drug codes as sponsors name trial drugs before they have a name: "TLC388", "SNX-5422",
"MK-6482", "ABT 869". Typed alone, such a code is a search for the trials that test it, not a
mistyped NCT number."""

from __future__ import annotations

import re
from typing import Optional

_CODE = re.compile(r"\b(?!nct)([a-z]{2,5})[\s-]?(\d{2,6}[a-z]?)\b", re.I)


def drug_code(text: str) -> Optional[str]:
    """The first drug code in the text, as written with a hyphen ("SNX-5422"), or None."""
    found = _CODE.search(text or "")
    if not found or found.group(1).lower() in _NOT_CODES:
        return None
    return f"{found.group(1)}{found.group(2)}" if found.group(0).isalnum() else f"{found.group(1)}-{found.group(2)}"


# "phase 3", "grade 2", "ki67 20", "stage 4", "covid 19": words before a number that are not codes
_NOT_CODES = frozenset(
    "phase grade stage ki ki67 covid age aged over under week weeks day days year years cycle "
    "cycles dose doses mg gbq mci cm mm lu ga men vhl".split()
)
