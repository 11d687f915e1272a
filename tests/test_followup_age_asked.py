"""An age question about the trial in focus put in everyday words ("is he old enough for this?", "is she to old
for that", "over the age for it", "an age cap", "too late for me?", "inside the ages"): the trial's age limits,
not its whole list of who can join (bot/trials/asked_about.py, actions/followups.py)."""

from __future__ import annotations

import pytest

from actions.followups import ActionShowEligibility
from bot.trials.asked_about import aspects_asked
from tests.helpers.actions import run, tracker


@pytest.mark.parametrize(
    "text",
    [
        "our son is 19, they found a NEC in the summer. is he old enough for this?",
        "mum is 83 and has had 4 hypos this week. is she to old for that",
        "mums 82, is that over the age for it",
        "my gran is 93 and fit as a fiddle lol. is there an age cap on this virus treatment",
        "im 76 next month lol, too late for me?",
        "wife is 58, 59 in march. is she inside the ages for the transplant one",
    ],
)
def test_everyday_age_questions_ask_the_age(text: str) -> None:
    assert "age" in aspects_asked(text)


@pytest.mark.parametrize(
    "text",
    [
        "i want to go to old trafford",
        "is the food good enough",
        "how do i get to old street",
        "is it too late for him, the trial already started",
        "is it too late for me to join? it closes next month",
        "they stopped recruiting in june, too late for us?",
    ],
)
def test_other_words_ask_no_age(text: str) -> None:
    assert "age" not in aspects_asked(text)


@pytest.mark.usefixtures("database_url_env")
@pytest.mark.parametrize(
    "text, nct_id, limit",
    [
        ("mums 82, is that over the age for it", "NCT02121366", "80"),
        ("my gran is 93 and fit as a fiddle lol. is there an age cap on this virus treatment", "NCT02749331", "100"),
        ("our son is 19, they found a NEC in the summer. is he old enough for this?", "NCT02457273", "20"),
    ],
)
def test_the_age_limits_answer_not_the_whole_list(text: str, nct_id: str, limit: str) -> None:
    _, messages = run(ActionShowEligibility(), tracker(text, intent="ask_eligibility", slots={"focus_nct_id": nct_id}))
    reply = " ".join(m.get("text") or "" for m in messages)
    assert "May be able to join if" not in reply and "may be able to join if" not in reply, reply
    assert "you can join" not in reply.lower() and "eligible" not in reply.lower()
    assert limit in reply, reply
