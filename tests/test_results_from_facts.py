"""What a named trial found comes from our checked facts when the record holds no results ("did NETTER-2
work?"), only that trial's own facts, and the trial is called by its name (actions/trial_answers.py,
bot/knowledge/side_facts.py)."""

from __future__ import annotations

import pytest

from actions.followups import ActionAnswerTrialDetail
from actions.trial_answers import FOUND_HEADING
from bot.knowledge.side_facts import results_of_trial
from tests.helpers.actions import run, tracker

pytestmark = pytest.mark.usefixtures("database_url_env")


def test_only_the_trials_own_results() -> None:
    netter_2 = [fact.text for fact in results_of_trial("NETTER-2")]
    assert netter_2 and all("NETTER-2" in text and "NETTER-1" not in text for text in netter_2)
    assert any("22.8 months" in text for text in netter_2)
    assert not any("Ki-67 was from" in text for text in netter_2)  # whom it was for is not what it found
    assert results_of_trial(None) == [] and results_of_trial("NOSUCHTRIAL") == []


@pytest.mark.parametrize("text", ["did NETTER-2 work?", "so did the NETTER-2 study actually work"])
def test_did_it_work_gets_the_record_then_our_facts(text: str) -> None:
    _, messages = run(ActionAnswerTrialDetail(), tracker(text, intent="ask_trial_detail"))
    answer = messages[0]["text"]
    assert answer.startswith("NCT03972488 (NETTER-2): ")
    assert FOUND_HEADING.format(name="NETTER-2") in answer and "22.8 months" in answer
