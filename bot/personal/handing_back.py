"""The personal decision handed back kindly: who can weigh it, in words that change each time."""

from __future__ import annotations

from typing import Iterable

from bot.personal.feelings import first_unsaid

# After a general answer: one short line about the part only their team can judge.
AFTER_GENERAL = (
    "What this means for you is one for your specialist team, who know your health.",
    "Your own team can say how this applies to you.",
    "For your own situation, your NET nurse or specialist is the best person to ask.",
    "How it fits your own care is a question for your team. A helpline nurse can help you plan what to ask.",
)
# No general part we can answer: the whole question goes to the people who know them.
WHOLE = (
    "I'm sorry, I can't advise you about your own care: I am a guide, not a doctor, and I don't know your health. "
    "Your specialist team or NET nurse know you best and can talk it through with you.",
    "That is a question only the people looking after you can answer, because it depends on your health and "
    "results. Your specialist team or NET nurse can go through it with you.",
    "I can't judge that for you, and I would not want to guess. Your team knows your results; "
    "a helpline nurse can also help you think about what to ask them.",
)


def after_general(already_said: Iterable[str]) -> str:
    return first_unsaid(AFTER_GENERAL, already_said)


def whole_question(already_said: Iterable[str]) -> str:
    return first_unsaid(WHOLE, already_said)
