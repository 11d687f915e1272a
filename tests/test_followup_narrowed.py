"""A follow-up that narrows the question before it to one point ("like food wise", "and food?", "cost wise?"):
that question asked again on the point, of each thing it named (bot/followups/narrowed.py,
components/followup_router.py, actions/knowledge_answer.py)."""

from __future__ import annotations

from typing import Optional

import pytest
import yaml
from rasa.shared.nlu.training_data.message import Message

from actions.knowledge_answer import ActionAnswerKnowledge
from bot.config import REPO_ROOT
from bot.followups.narrowed import hands_back, narrowed_answers, narrowing_point
from components.followup_router import FollowUpRouter
from tests.helpers.actions import run, tracker

RESPONSES = yaml.safe_load((REPO_ROOT / "data" / "nlu" / "knowledge_responses.yml").read_text())["responses"]
TWO_TESTS = "next week i have the gallium scan AND a 24hr urine for 5-HIAA. do i need to prepare for either"


@pytest.mark.parametrize(
    "text, point",
    [
        ("like food wise", "food"),
        ("food-wise?", "food"),
        ("and cost wise", "cost"),
        ("money wise?", "money"),
        ("and food?", "food"),
        ("what about alcohol", "alcohol"),
        ("and what about travel?", "travel"),
        ("how about driving?", "driving"),
    ],
)
def test_a_narrowing_follow_up_gives_its_point(text: str, point: str) -> None:
    assert narrowing_point(text) == point


@pytest.mark.parametrize(
    "text",
    ["otherwise", "likewise", "food", "and lanreotide?", "what about everolimus", "is it safe food wise to eat sushi"],
)
def test_other_messages_narrow_nothing(text: str) -> None:
    assert narrowing_point(text) is None


@pytest.mark.parametrize(
    "earlier, point, musts",
    [
        (TWO_TESTS, "food", [["Gallium", "no need to fast"], ["5-HIAA", "bananas"]]),
        ("whats the difference between a gallium scan and an octreotide scan?", "food", [["no need to fast"]]),
        (
            "what are the side effects of everolimus and sunitinib?",
            "food",
            [["Everolimus", "grapefruit"], ["Sunitinib", "grapefruit"]],
        ),
        ("how do i get ready for a gallium scan?", "food", [["no need to fast"]]),
    ],
)
def test_each_thing_named_gets_its_fact_on_the_point(earlier: str, point: str, musts: list[list[str]]) -> None:
    lines = narrowed_answers(earlier, point)
    for must in musts:
        assert any(all(word in line for word in must) for line in lines), lines


def test_a_point_no_fact_holds_is_said_plainly_for_each() -> None:
    lines = narrowed_answers("lanreotide vs octreotide", "cost")
    assert lines[0].startswith("Lanreotide") and "does not cover cost" in lines[0]
    assert lines[1].startswith("Octreotide") and "does not cover cost" in lines[1] and "NET nurse" in lines[-1]


def _routed(text: str, intent: str) -> Optional[str]:
    return FollowUpRouter().route(Message(data={"text": text, "intent": {"name": intent, "confidence": 0.4}}))


@pytest.mark.parametrize(
    "text, intent", [("like food wise", "nlu_fallback"), ("cost wise?", "out_of_scope"), ("and food?", "inform")]
)
def test_the_router_makes_it_a_general_question(text: str, intent: str) -> None:
    assert _routed(text, intent) == "knowledge"


def test_the_knowledge_action_answers_the_narrowed_question() -> None:
    events = [
        {"event": "user", "text": TWO_TESTS},
        {"event": "bot", "text": "PET-CT scans use a tracer..."},
        {"event": "user", "text": "like food wise"},
    ]
    _, messages = run(
        ActionAnswerKnowledge(), tracker("like food wise", intent="knowledge", events=events), {"responses": RESPONSES}
    )
    reply = " ".join(m.get("text") or "" for m in messages)
    assert "no need to fast" in reply and "bananas" in reply and "5-HIAA" in reply, reply


@pytest.mark.parametrize(
    "earlier, point, wrong",
    [
        ("can i fly after PRRT?", "alcohol", "airport"),
        ("can i work during capecitabine and temozolomide?", "travel", "food"),
        ("can i fly after PRRT?", "money", "airport"),
        ("how do i get ready for a gallium scan?", "driving", "fast"),
    ],
)
def test_a_fact_off_the_point_is_not_its_answer(earlier: str, point: str, wrong: str) -> None:
    lines = narrowed_answers(earlier, point)
    assert not any(wrong in line for line in lines), lines
    assert any(f"does not cover {point}" in line for line in lines), lines


@pytest.mark.parametrize(
    "earlier, point, must",
    [
        ("can i fly after PRRT?", "travel", "airport"),  # the same point in other words
        ("how do i get ready for a gallium scan?", "food", "no need to fast"),
    ],
)
def test_a_fact_on_the_point_still_answers(earlier: str, point: str, must: str) -> None:
    assert any(must in line for line in narrowed_answers(earlier, point))


@pytest.mark.parametrize(
    "earlier",
    [
        "how do i prepare for my gallium pet and the 24 hour urine test?",
        "do i need to prepare for a gallium scan and a 5-HIAA urine test?",
        "what should i do to get ready for the gallium scan and the 5hiaa test",
    ],
)
def test_each_thing_finds_its_fact_in_other_wordings(earlier: str) -> None:
    lines = narrowed_answers(earlier, "food")
    assert any(line.startswith("Gallium") and "no need to fast" in line for line in lines), lines
    assert any(line.startswith("5-HIAA") and "food" in line for line in lines), lines


@pytest.mark.parametrize(
    "earlier, point",
    [
        ("can you take creon with lanreotide", "food"),
        ("my mum has creon and octreotide injections, is that ok", "food"),
        ("hubby is on creon n somatuline, any probs", "eating"),
        ("can i have my kreon with the lanreotide jab", "meals"),
        ("is creon ok alongside sandostatin", "diet"),
    ],
)
def test_each_side_gets_its_own_fact_not_the_shared_one_twice(earlier: str, point: str) -> None:
    lines = narrowed_answers(earlier, point)
    facts = [line.split(": ", 1)[1] for line in lines if ": " in line]
    assert len(facts) == len(set(facts)), lines  # never the same fact said for both
    assert any(line.startswith("Pancreatic enzyme") and "with food" in line for line in lines), lines


@pytest.mark.parametrize(
    "earlier, point",
    [
        ("how do i get ready for a gallium scan?", "alcohol"),
        ("what happens at a gallium pet scan", "drinking"),
        ("can i fly after PRRT?", "alcohol"),
    ],
)
def test_a_point_we_hold_nothing_on_already_says_who_can_tell(earlier: str, point: str) -> None:
    # the action sends no second hand-back after these lines (actions/knowledge_answer.send_narrowed)
    assert hands_back(narrowed_answers(earlier, point))


def test_a_fact_on_the_point_is_followed_by_a_hand_back() -> None:
    assert not hands_back(narrowed_answers("how do i get ready for a gallium scan?", "food"))
