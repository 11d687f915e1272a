"""Knowledge topics a comparison can name that are not treatments or tests: two kinds of
tumour, two phases, NET and NEC. "insulinoma vs gastrinoma" is two topics, each answered;
"phase 2 vs phase 3" and "NET or NEC" are one topic that already sets the two side by side."""

from __future__ import annotations

import re

# (pattern, topic): a topic answers every comparison of the things its pattern names
_TOPICS: tuple[tuple[re.Pattern[str], str], ...] = tuple(
    (re.compile(p, re.I), t)
    for p, t in (
        (r"\binsulinomas?\b", "insulinoma"),
        (r"\bgastrinomas?\b", "gastrinoma"),
        (r"\bglucagonomas?\b", "glucagonoma"),
        (r"\bvipomas?\b", "vipoma"),
        (r"\bphase\s*(?:[1-4]|i{1,3}v?|one|two|three|four)\b", "trial_phases"),
        (r"\bnecs?\b|\bneuroendocrine carcinomas?\b|\bpoorly differentiated\b", "net_or_nec"),
        (r"\bnon[- ]?functioning\b|\bfunctioning\b|\bfunctional\b", "functioning"),
        (r"\bgrades?\b|\bg[123]\b|\bki-?67\b", "grade"),
        (r"\bstag(?:e|es|ing)\b", "stage"),
        (r"\brandomi[sz]ed\b|\bplacebo\b", "randomisation"),
        (r"\bcarcinoid\s+syndrome\b", "carcinoid_syndrome"),
        (r"\bcarcinoid\s+crisis\b", "carcinoid_crisis"),
        (r"\bwhipple\b", "whipple"),
        (
            r"\b(?:distal|total)\s+pancreatectomy\b|\b(?:whole|entire)\s+pancreas\b|\benucleation\b",
            "pancreas_operations",
        ),
    )
)


def topics_compared(text: str) -> list[str]:
    """The knowledge topics the message names, in order, once each."""
    found: list[tuple[int, str]] = []
    for pattern, topic in _TOPICS:
        match = pattern.search(text or "")
        if match:
            found.append((match.start(), topic))
    return list(dict.fromkeys(topic for _, topic in sorted(found)))
