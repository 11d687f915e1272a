"""Two things the assistant has just set side by side, read back from what it said, and the
answer to "which one is better?" about them: the pair stays in focus for the next question
("which one is better for someone who is 80"), and the answer says what is known in general,
never which is better, and hands the personal choice back."""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Iterable, Optional

from bot.knowledge.compare import WHO_CHOOSES_TEST, WHO_WEIGHS
from bot.trials.side_by_side import WHO_WEIGHS as TRIALS_WHO_WEIGHS

_TRIAL_LINE = re.compile(r"^(NCT\d{8})\b", re.M)
_TWO_SIDES = re.compile(r"^(?P<first>[^\n]+?) or (?P<second>[^\n]+?), side by side\.", re.M)
# "which one is better", "which would you pick", "is either better for him": a choice between the two
_WHICH_BETTER = re.compile(
    r"\b(?:which|what)\b[^.?!]{0,40}?\b(?:better|best|safer|pick|choose|go\s+for|recommend|suggest|advise)\b"
    r"|\b(?:is|would)\s+(?:one|either)\b[^.?!]{0,30}\b(?:better|best|safer)\b",
    re.I,
)


@dataclass(frozen=True)
class JustCompared:
    """Two trials (NCT ids) or two treatments or tests (as the answer wrote them)."""

    trials: tuple[str, ...] = ()
    treatments: tuple[str, ...] = ()


def just_compared(said: Iterable[str]) -> Optional[JustCompared]:
    """The pair one of the assistant's messages `said` set side by side, if one did."""
    for text in said:
        ids = list(dict.fromkeys(_TRIAL_LINE.findall(text)))
        if TRIALS_WHO_WEIGHS in text and len(ids) >= 2:
            return JustCompared(trials=tuple(ids[:2]))
        sides = _TWO_SIDES.search(text)
        if sides and (WHO_WEIGHS in text or WHO_CHOOSES_TEST in text):
            return JustCompared(treatments=(sides["first"], sides["second"]))
    return None


def asks_which_is_better(text: Optional[str]) -> bool:
    return bool(_WHICH_BETTER.search(text or ""))


def treatments_choice(first: str, second: str, age: Optional[int]) -> str:
    """Neither is better for everyone; who weighs it for one person."""
    at_age = f", and I can't say which would suit someone of {age}" if age else ""
    return (
        f"Neither {_in_a_sentence(first)} nor {_in_a_sentence(second)} is better for everyone{at_age}. "
        "Which suits one person depends on their health as a whole and on their tumour. "
        "Their specialist team is the one to weigh that up, and a NET nurse can help you plan what to ask them."
    )


def _in_a_sentence(name: str) -> str:
    """ "Lanreotide" -> "lanreotide", but "PRRT" and "CT" keep their capitals."""
    return name[:1].lower() + name[1:] if name[1:2].islower() else name


TRIALS_CHOICE = "Neither trial is better in general: they test different things, for different people."
ON_AGE = "On age, from each record:"
TRIALS_WHO_DECIDES = "Only the trial teams can say if either fits {whom}. {whose} own team can help weigh them up."
_WHOSE = {"him": "His", "her": "Her", "them": "Their", "you": "Your"}


def trials_choice(age_lines: list[str], whom: str) -> str:
    """Neither trial is better in general; each one's age limits (`age_lines`, one a trial) when an
    age is asked or known; who can say if either fits."""
    parts = [TRIALS_CHOICE]
    if age_lines:
        parts += [ON_AGE, *(f"- {line}" for line in age_lines)]
    parts.append(TRIALS_WHO_DECIDES.format(whom=whom, whose=_WHOSE.get(whom, "Their")))
    return "\n".join(parts)
