"""Two kinds of tumour just explained side by side ("what's the difference between a NET and a NEC") stay the
pair in focus, and "which is worse?" gets how fast each grows from our facts, never "X is worse for you"
(bot/knowledge/kinds_compared.py, bot/knowledge/just_compared.py)."""

from __future__ import annotations

import re

import pytest
import yaml
from rasa.shared.nlu.training_data.message import Message

from bot.config import REPO_ROOT
from bot.knowledge.just_compared import (
    JustCompared,
    asks_which_is_better,
    just_compared,
    points_weighed,
    treatments_weighed,
)
from bot.knowledge.kinds_compared import KINDS_OPENING, kinds_set_side_by_side, kinds_weighed
from components.followup_router import FollowUpRouter

RESPONSES = yaml.safe_load((REPO_ROOT / "data" / "nlu" / "knowledge_responses.yml").read_text())["responses"]
NET_OR_NEC = RESPONSES["utter_knowledge/net_or_nec"][0]["text"]


def test_the_net_or_nec_answer_leaves_the_pair_in_focus() -> None:
    assert just_compared([NET_OR_NEC]) == JustCompared(treatments=("NETs", "NECs"))


@pytest.mark.parametrize(
    "text",
    [
        RESPONSES["utter_knowledge/what_is_prrt"][0]["text"],
        "NETs are neuroendocrine tumours. NECs grow fast.",
        "Lanreotide and octreotide work the same way.",
    ],
)
def test_an_answer_that_compares_no_two_kinds_leaves_no_pair(text: str) -> None:
    assert kinds_set_side_by_side(text) is None and just_compared([text]) is None


@pytest.mark.parametrize("question", ["and which is worse", "which one is more serious?", "is one more dangerous"])
def test_which_is_worse_gets_how_fast_each_grows(question: str) -> None:
    assert asks_which_is_better(question)
    answer = treatments_weighed("NETs", "NECs", points_weighed(question), None)
    assert answer.startswith(KINDS_OPENING.format(at_age=""))
    net, nec = answer.split("\n\nNECs:\n")
    assert "NETs grow very slowly" in net and "grow fast" in nec and "grade 3" in nec, answer
    assert not re.search(r"\bNE[TC]s?\s+(?:is|are)\s+(?:worse|better)|\bworse\s+for\s+you\b|\byou\s+should\b", answer)


def test_an_age_given_is_said_without_a_verdict() -> None:
    answer = kinds_weighed("NETs", "NECs", 74) or ""
    assert "for one person of 74" in answer and "grow fast" in answer


def test_two_treatments_are_still_weighed_on_their_own_facts() -> None:
    answer = treatments_weighed("Lanreotide", "Octreotide", points_weighed("which is easier to live with?"), None)
    assert "how fast each grows" not in answer and "Lanreotide:" in answer, answer
    assert kinds_weighed("Lanreotide", "Octreotide") is None


@pytest.mark.parametrize(
    "text, moved",
    [
        ("which one is more serious?", True),
        ("is one more dangerous", True),
        ("which is worse", True),
        ("which is worse, lanreotide or octreotide?", False),  # names its own: the compare router's
        ("which hospital is closer", False),
        ("should i pick the one that is worse", False),
        ("what is a NEC", False),
    ],
)
def test_weighing_the_pair_read_as_nothing_goes_to_the_comparison(text: str, moved: bool) -> None:
    message = Message(data={"text": text, "intent": {"name": "nlu_fallback", "confidence": 0.3}})
    assert (FollowUpRouter().route(message) == "compare_trials") is moved
