"""A question of what taking part in the trial just shown involves ("whats involved in it", "what does that
one involve?", "what would I have to do on this study?"): a question about that trial's record (the trial in
focus, or the only one a list showed), never a general topic or "Sorry, I didn't understand". "What's involved
in a trial?" or "what's involved in PRRT?" names no one trial, and stays a general question."""

from __future__ import annotations

import re
from typing import Optional

from bot.trials.about import compared_line, given_line, groups_line, placebo_line
from bot.trials.query import TrialDetail

# The one trial pointed at: "it", "that one", "this study", "the trial" (never "a trial", "trials", "PRRT")
_THE_TRIAL = r"(?:it|this|that|(?:this|that|the)\s+(?:one|trial|study))"
_WHAT = r"(?:what|wat|wot|wht|whta)"  # typed in a hurry
_INVOLVES = re.compile(
    rf"\b{_WHAT}(?:'s|s|\s+is|\s+would\s+be|\s+will\s+be)?\s+involved\s+(?:in|with)\s+(?:taking\s+part\s+in\s+)?{_THE_TRIAL}\b"
    rf"|\b{_WHAT}\s+(?:does|would|will|did)\s+{_THE_TRIAL}\s+involve\b"
    rf"|\b{_WHAT}\s+(?:does|would|will)\s+(?:taking\s+part|joining|being)(?:\s+in\s+{_THE_TRIAL}|\s+{_THE_TRIAL})?\s+involve\b"
    rf"|\b{_WHAT}\s+(?:would|will|do|does)\s+(?:i|he|she|we|they|you|my\s+\w+)\s+(?:have\s+to|need\s+to)\s+do\s+"
    rf"(?:in|on|for)\s+{_THE_TRIAL}\b"
    rf"|\b{_WHAT}\s+happens\s+(?:in|on)\s+{_THE_TRIAL}\b"
    rf"|\b{_WHAT}\s+happens\s+if\s+(?:i|he|she|we|they|my\s+\w+)\s+(?:join|joins|take\s+part|takes\s+part|sign\s+up)\b",
    re.I,
)


def asks_what_it_involves(text: Optional[str]) -> bool:
    """Whether the message asks what taking part in the one trial it points at involves."""
    return bool(_INVOLVES.search(text or ""))


def involvement_lines(trial: TrialDetail) -> list[str]:
    """What the record says taking part involves: the groups, a placebo, how the treatments are given, and
    what it compares when it lists no groups; each only when the record says it."""
    lines = (groups_line(trial), placebo_line(trial), given_line(trial), compared_line(trial))
    return [line for line in lines if line]
