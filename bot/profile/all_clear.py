"""Whether a story says no NET is known to be left after treatment ("they took it all out, all clear
since", "no evidence of disease"): such a person is not looking at trials for advanced NETs. Said of
the person now, not hoped for ("hoping it's all clear") nor undone later in the message ("all clear
until the scan in May showed two spots")."""

from __future__ import annotations

import re
from typing import Optional

_CLEAR = re.compile(
    r"\b(?:all clear|(?:been|is|was|s|are|scans?(?: \w+)?|(?:have|has) been) clear (?:since|now|ever since|so far)"
    r"|clear since|no evidence of (?:disease|cancer|the tumou?r|it)|ned|no sign of (?:it|cancer|the cancer|the net|disease|any tumou?r)"
    r"|nothing left|no tumou?r left|(?:got|took) it all(?: out)?|cancer free|disease free|in remission)\b"
)
_NOT_NOW = re.compile(r"\b(?:hop\w*|pray\w*|fingers crossed|if|until|till|thought|wish\w*|want\w*|would|whether)\b")
# Told after the all clear, the NET is back: "all clear for 2 years, then it came back in the liver".
_BACK = re.compile(
    r"\b(?:came back|come back|back in|recurr\w*|relaps\w*|new (?:\w+ )?(?:spots?|lesions?|mets|tumou?rs?)|spread|grow\w*|grew|progress\w*)\b"
)


def says_all_clear(plain: str) -> Optional[bool]:
    """True when the (normalised) text says no NET is known to be left now; None when it does not say."""
    found = _CLEAR.search(plain)
    if found is None:
        return None
    before = plain[max(0, found.start() - 40) : found.start()]
    if _NOT_NOW.search(before) or _BACK.search(plain[found.end() :]):
        return None
    return True
