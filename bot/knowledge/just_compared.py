"""Two things the assistant has just set side by side, read back from what it said, and the
answer to "which one is better?" about them: the pair stays in focus for the next question
("which one is better for someone who is 80"), and the answer says what is known in general,
never which is better, and hands the personal choice back."""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Iterable, Optional

from bot.knowledge.compare import WHO_CHOOSES_TEST, WHO_WEIGHS, label
from bot.knowledge.kinds_compared import kinds_set_side_by_side, kinds_weighed
from bot.knowledge.names import find_treatments
from bot.knowledge.treatments import Treatment
from bot.trials.asked_about import Aspect
from bot.trials.side_by_side import WHO_WEIGHS as TRIALS_WHO_WEIGHS

_TRIAL_LINE = re.compile(r"^(NCT\d{8})\b", re.M)
_TWO_SIDES = re.compile(r"^(?P<first>[^\n]+?) or (?P<second>[^\n]+?), side by side\.", re.M)
# "which one is better", "which would you pick", "is either better for him": a choice between the two
_WHICH_BETTER = re.compile(
    r"\b(?:which|what)\b[^.?!]{0,40}?\b(?:better|best|safer|pick|choose|go\s+for|recommend|suggest|advise)\b"
    r"|\b(?:is|would)\s+(?:one|either)\b[^.?!]{0,30}\b(?:better|best|safer)\b",
    re.I,
)

# "which is easier to live with?", "which one has fewer side effects", "is either gentler": the two weighed
# on one point (never "closer": where each runs is its own answer)
_COMPARATIVES = (
    r"easier|harder|gentler|kinder|milder|rougher|tougher|harsher|nastier|worse|quicker|faster|slower|longer|shorter"
    r"|stronger|weaker|riskier|simpler|bigger|larger|smaller|newer|more|less|fewer|lighter|heavier"
)
_WHICH_MORE = re.compile(
    rf"\bwhich\b(?:\s+[\w']+){{0,4}}?\s+(?:{_COMPARATIVES})\b"
    rf"|\b(?:is|would|does)\s+(?:one|either|one\s+of\s+them)\b[^.?!]{{0,30}}\b(?:{_COMPARATIVES})\b",
    re.I,
)
# The facts of the table (bot/knowledge/compare.py FIELDS) a point weighs, first match wins
_POINTS: tuple[tuple[re.Pattern[str], tuple[str, ...]], ...] = (
    (
        re.compile(r"\blive\s+with\b|\beasier\b|\bharder\b|\bday[\s-]+to[\s-]+day\b|\blighter\b|\bheavier\b", re.I),
        ("given", "side_effects"),
    ),
    (
        re.compile(
            r"\bside[\s-]*effects?\b|\bgentler|\bkinder|\bmilder|\bharsher|\brougher|\btougher|\bnastier|\bworse\b"
            r"|\bsafer|\briskier|\btoxic|\btolerat|\bsick\b|\btired",
            re.I,
        ),
        ("side_effects",),
    ),
    (
        re.compile(
            r"\bgiven\b|\btaken\b|\btablets?\b|\bpills?\b|\binjections?\b|\bjabs?\b|\bdrip\b|\bneedles?\b"
            r"|\bhospital\b|\bvisits?\b|\blonger\b|\bshorter\b|\bsimpler\b|\bhow\s+often\b",
            re.I,
        ),
        ("given",),
    ),
    (
        re.compile(r"\bwork\w*|\bquicker\b|\bfaster\b|\bslower\b|\bstronger\b|\bweaker\b|\beffective\b", re.I),
        ("works",),
    ),
    (
        re.compile(r"\bnewer\b|\bolder\b|\bapproved\b|\bestablished\b|\bresearch\b|\bcommon\b|\bused\b", re.I),
        ("stands",),
    ),
)

# The parts of two trials' records a point weighs ("which is bigger?": how many people)
_TRIAL_POINTS: tuple[tuple[re.Pattern[str], tuple[Aspect, ...]], ...] = (
    (
        re.compile(
            r"\bbigger\b|\blarger\b|\bsmaller\b|\b(?:more|fewer|less)\s+(?:people|patients|participants)\b", re.I
        ),
        ("size",),
    ),
    (
        re.compile(r"\blive\s+with\b|\beasier\b|\bharder\b|\bsimpler\b|\blighter\b|\bheavier\b", re.I),
        ("given", "duration"),
    ),
    (re.compile(r"\blonger\b|\bshorter\b|\bquicker\b", re.I), ("duration",)),
    (re.compile(r"\bfurther\s+along\b|\bmore\s+advanced\b|\blater\s+phase\b", re.I), ("phase",)),
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
        kinds = kinds_set_side_by_side(text)  # "NETs and NECs are both neuroendocrine cancers, but ..."
        if kinds:
            return JustCompared(treatments=kinds)
    return None


def asks_which_is_better(text: Optional[str]) -> bool:
    """A choice between the two, or the two weighed on one point ("which is easier to live with?")."""
    return bool(_WHICH_BETTER.search(text or "") or _WHICH_MORE.search(text or ""))


def points_weighed(text: Optional[str]) -> tuple[str, ...]:
    """The facts of the table a question weighing the two asks about: ("given", "side_effects") for
    "which is easier to live with?"; () for "which is better?" (nothing in particular)."""
    return next((fields for pattern, fields in _POINTS if pattern.search(text or "")), ())


def treatments_choice(first: str, second: str, age: Optional[int]) -> str:
    """No one best choice for everyone (never the words "X is better"); who weighs it for one person."""
    at_age = f", and I can't say which would suit someone of {age}" if age else ""
    return (
        f"There is no one best choice between {_in_a_sentence(first)} and {_in_a_sentence(second)} for everyone{at_age}. "
        "Which suits one person depends on their health as a whole and on their tumour. "
        "Their specialist team is the one to weigh that up, and a NET nurse can help you plan what to ask them."
    )


WEIGHED_OPENING = (
    "I can't say which it would be for one person{at_age}: that depends on their health as a whole and on "
    "their tumour. What our facts say on this point:"
)
WEIGHED_CLOSING = (
    "Their specialist team is the one to weigh that up, and a NET nurse can help you plan what to ask them."
)


def treatments_weighed(first: str, second: str, fields: tuple[str, ...], age: Optional[int]) -> str:
    """The two weighed on one point ("which is easier to live with?"): what our facts say of each on
    it, side by side, never which is better; the plain choice handed back when our facts say nothing
    on it, or the two are kinds of one entry ("lutetium PRRT or yttrium PRRT"). Two kinds of tumour ("NETs",
    "NECs"), no treatment among them: how fast each grows (bot/knowledge/kinds_compared.py)."""
    kinds = kinds_weighed(first, second, age) if _entry(first) is None and _entry(second) is None else None
    if kinds is not None:
        return kinds
    parts = _each_on(first, second, fields)
    if parts is None:
        return treatments_choice(first, second, age)
    at_age = f" of {age}" if age else ""
    return "\n\n".join([WEIGHED_OPENING.format(at_age=at_age), *parts, WEIGHED_CLOSING])


# "and how are they given?", "what about their side effects", "how does each one work"
_OF_BOTH = re.compile(r"\b(?:they|them|their|both|each|either|the\s+two)\b", re.I)
BOTH_OPENING = "What our facts say of each:"
BOTH_CLOSING = "Their specialist team can say how this applies to one person."


def asks_of_both(text: Optional[str]) -> tuple[str, ...]:
    """The facts of the table a question asks of both of the pair just compared ("and how are they given?":
    ("given",)); () when it does not point back at both or asks no point the table holds."""
    return points_weighed(text) if _OF_BOTH.search(text or "") else ()


def points_of_both(first: str, second: str, fields: tuple[str, ...]) -> Optional[str]:
    """Each one's facts on the point asked, side by side; None when our facts hold nothing on it."""
    parts = _each_on(first, second, fields)
    return "\n\n".join([BOTH_OPENING, *parts, BOTH_CLOSING]) if parts else None


def _each_on(first: str, second: str, fields: tuple[str, ...]) -> Optional[list[str]]:
    a, b = _entry(first), _entry(second)
    if not fields or a is None or b is None or a.id == b.id:
        return None
    shared = [f for f in fields if getattr(a, f) and getattr(a, f) == getattr(b, f) and label(a, f) == label(b, f)]
    parts = []
    for entry, name in ((a, first), (b, second)):
        lines = [f"- {label(entry, f)}: {getattr(entry, f)}" for f in fields if getattr(entry, f) and f not in shared]
        if not lines and not shared:
            lines = ["- Our facts do not cover this."]
        if lines:
            parts.append("\n".join([f"{name[:1].upper()}{name[1:]}:", *lines]))
    if shared:
        parts.append("\n".join(["For both:", *(f"- {label(a, f)}: {getattr(a, f)}" for f in shared)]))
    if not any(getattr(entry, f) for entry in (a, b) for f in fields):
        return None
    return parts


def trial_points(text: Optional[str]) -> tuple[Aspect, ...]:
    """The parts of two trials' records a question weighing them asks about ("which one is bigger?":
    size); () for none in particular."""
    return next((parts for pattern, parts in _TRIAL_POINTS if pattern.search(text or "")), ())


def _entry(name: str) -> Optional[Treatment]:
    """The one table entry a side's name, as the answer wrote it, names."""
    found = {m.treatment.id: m.treatment for m in find_treatments(name)}
    return next(iter(found.values())) if len(found) == 1 else None


def _in_a_sentence(name: str) -> str:
    """ "Lanreotide" -> "lanreotide", but "PRRT" and "CT" keep their capitals."""
    return name[:1].lower() + name[1:] if name[1:2].islower() else name


TRIALS_CHOICE = "In general, neither trial comes out ahead: they test different things, for different people."
ON_AGE = "On age, from each record:"
TRIALS_WHO_DECIDES = "Only the trial teams can say if either fits {whom}. {whose} own team can help weigh them up."
_WHOSE = {"him": "His", "her": "Her", "them": "Their", "you": "Your"}


def trials_choice(age_lines: list[str], whom: str) -> str:
    """Neither trial comes out ahead in general; each one's age limits (`age_lines`, one a trial) when an
    age is asked or known; who can say if either fits."""
    parts = [TRIALS_CHOICE]
    if age_lines:
        parts += [ON_AGE, *(f"- {line}" for line in age_lines)]
    parts.append(TRIALS_WHO_DECIDES.format(whom=whom, whose=_WHOSE.get(whom, "Their")))
    return "\n".join(parts)
