"""Words the assistant must never use about a person: telling someone they can join.

Only the trial team can decide who joins. `FORBIDDEN` finds phrases that would tell someone
they can; `neutral` rewrites any that slip into generated text (for example a registry
sentence about "subjects" once "subjects" has become "you"). Hedged words such as "you may
be able to join" are fine: they say what the trial asks for, not who gets in.
"""

from __future__ import annotations

import re

_JOIN = r"(?:join|take\s+part|participate|enrol|enroll|be\s+enrolled|be\s+included)"
FORBIDDEN = re.compile(
    r"\byou(?:'re|\s+are|\s+will\s+be|\s+would\s+be|\s+should\s+be)\s+(?:eligible|qualified|able\s+to\s+"
    + _JOIN
    + r"|allowed(?:\s+to\s+"
    + _JOIN
    + r")?(?!\s+to\b))\b"
    r"|\byou(?:\s+will|\s+would|\s+do|\s+should)?\s+qualify\b"
    r"|\byou\s+(?:can|will)\s+" + _JOIN + r"\b",
    re.I,
)
HEDGED = "you may be able to take part"


def tells_can_join(text: str) -> bool:
    """Whether `text` tells someone they can join a trial."""
    return bool(FORBIDDEN.search(text))


def neutral(text: str) -> str:
    """`text` with any such phrase hedged ("you may be able to take part")."""

    def hedge(match: re.Match) -> str:
        return HEDGED[0].upper() + HEDGED[1:] if match.group()[0].isupper() else HEDGED

    return FORBIDDEN.sub(hedge, text)
