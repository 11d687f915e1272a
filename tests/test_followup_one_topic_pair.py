"""Two things one knowledge topic sets side by side ("grade 1 vs grade 2"): the topic, then its single fact on
the point it leaves out (the Ki-67 cut-offs), never a fact of another topic (actions/compare_trials.py)."""

from __future__ import annotations

import pytest
import yaml

from actions.compare_trials import ActionCompareTrials
from bot.config import REPO_ROOT
from tests.helpers.actions import run, tracker

RESPONSES = yaml.safe_load((REPO_ROOT / "data" / "nlu" / "knowledge_responses.yml").read_text())["responses"]


@pytest.mark.usefixtures("database_url_env")
@pytest.mark.parametrize(
    "text",
    [
        "grade 1 vs grade 2 - my report says G2 and i dont get the difference",
        "whats the difference between G1 and G2",
        "report says G2. my friend's was G1. what's the actual difference in the ki67 numbers",
    ],
)
def test_the_grade_topic_then_the_ki67_cut_offs(text: str) -> None:
    _, messages = run(ActionCompareTrials(), tracker(text, intent="compare_trials"), {"responses": RESPONSES})
    sent = [m.get("response") or m.get("text") or "" for m in messages]
    assert sent[0] == "utter_knowledge/grade" and "under 3%" in " ".join(sent[1:]), sent


@pytest.mark.usefixtures("database_url_env")
def test_a_fact_of_another_topic_is_not_added() -> None:
    _, messages = run(
        ActionCompareTrials(),
        tracker("phase 2 vs phase 3 trial, whats the difference", intent="compare_trials"),
        {"responses": RESPONSES},
    )
    assert messages[0].get("response") == "utter_knowledge/trial_phases"
    assert not any("COMPETE" in (m.get("text") or "") for m in messages)  # the best-scored fact is COMPETE's design
