"""NCT ids as people type them: "NCT07273409", "nct 0727 3409", "NCT-07273409"."""

from __future__ import annotations

import re
from typing import Optional, TypeGuard

NCT_FORMAT_HELP = "A ClinicalTrials.gov number starts with NCT and has 8 digits, like NCT07273409."
_CANDIDATE = re.compile(r"\bnct[\s\-_#:]*((?:\d[\s\-]?){1,14})", re.IGNORECASE)
_CANONICAL = re.compile(r"^NCT\d{8}$")


def find_nct_candidate(text: str) -> Optional[str]:
    """The first thing in the text that looks meant as an NCT id, tidied ("NCT07273409"),
    even when its digits are wrong; None when there is nothing like one."""
    match = _CANDIDATE.search(text or "")
    if not match:
        return None
    return "NCT" + re.sub(r"\D", "", match.group(1))


def is_valid_nct_id(candidate: Optional[str]) -> TypeGuard[str]:
    return bool(candidate and _CANONICAL.match(candidate))
