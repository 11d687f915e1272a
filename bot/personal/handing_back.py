"""The personal decision handed back kindly: who can weigh it, in words that change each time."""

from __future__ import annotations

from typing import Iterable

from bot.personal.feelings import first_unsaid

# After a general answer: one short line about the part only their team can judge, said of the person
# asked about ("What this means for her ..." to a daughter asking about her mother).
_AFTER_GENERAL = (
    "What this means for {whom} is one for {whose} specialist team, who know {whose} health.",
    "{Whose} own team can say how this applies to {whom}.",
    "For {whose} own situation, {whose} NET nurse or specialist is the best person to ask.",
    "How it fits {whose} own care is a question for {whose} team. A helpline nurse can help you plan what to ask.",
)
_WHOSE = {"you": "your", "him": "his", "her": "her", "them": "their"}


def after_general_lines(whom: str = "you") -> tuple[str, ...]:
    """The lines handing back how a general answer applies, about `whom` ("you", "him", "her", "them")."""
    whose = _WHOSE.get(whom, "your")
    return tuple(line.format(whom=whom, whose=whose, Whose=whose.capitalize()) for line in _AFTER_GENERAL)


# Every line that hands the rest back, whoever it is about
AFTER_GENERAL = tuple(line for whom in _WHOSE for line in after_general_lines(whom))
# No general part we can answer: the whole question goes to the people who know them.
WHOLE = (
    "I'm sorry, I can't advise you about your own care: I am a guide, not a doctor, and I don't know your health. "
    "Your specialist team or NET nurse know you best and can talk it through with you.",
    "That is a question only the people looking after you can answer, because it depends on your health and "
    "results. Your specialist team or NET nurse can go through it with you.",
    "I can't judge that for you, and I would not want to guess. Your team knows your results; "
    "a helpline nurse can also help you think about what to ask them.",
)


def after_general(already_said: Iterable[str], whom: str = "you") -> str:
    return first_unsaid(after_general_lines(whom), already_said)


def whole_question(already_said: Iterable[str]) -> str:
    return first_unsaid(WHOLE, already_said)
