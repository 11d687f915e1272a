"""One named trial set beside a group described by what it gives ("SANO or the lutathera ones, what does each
of them do?"): both answered, the named trial and the first trials of the group (actions/compare_trials.py,
bot/trials/side_by_side.py, bot/knowledge/sides.py)."""

from __future__ import annotations

from typing import Optional

import pytest
from rasa.nlu.constants import SPACY_DOCS
from rasa.shared.nlu.constants import TEXT
from rasa.shared.nlu.training_data.message import Message

from actions.compare_trials import ActionCompareTrials
from bot.knowledge.sides import two_sides
from bot.trials.side_by_side import GROUP_SHOWN, described_group, describes_a_group
from bot.trials.store import TrialStore
from components.compare_router import CompareRouter
from tests.helpers.actions import run, tracker

SANO, NETTER_2 = "NCT02705651", "NCT03972488"


@pytest.mark.parametrize(
    "text, sides",
    [
        ("SANO or the lutathera ones, what does each of them do?", ("sano", "lutathera ones")),
        ("short acting octreotide vs the LAR one", ("short acting octreotide", "lar octreotide")),  # a kind of it
        ("lanreotide vs the generic one", ("lanreotide", "generic lanreotide")),
    ],
)
def test_a_side_naming_its_own_treatment_is_not_a_kind_of_the_other(text: str, sides: tuple[str, str]) -> None:
    found = two_sides(text)
    assert found is not None and (found.first, found.second) == sides


def test_a_group_is_found_without_the_named_trial(store: TrialStore) -> None:
    what, ids, total = described_group("the lutathera ones", store, NETTER_2)
    assert what == "lutathera" and len(ids) == GROUP_SHOWN and NETTER_2 not in ids and total >= GROUP_SHOWN
    assert described_group("lutathera", store, NETTER_2) == ("", [], 0)  # one trial, not several


@pytest.mark.usefixtures("database_url_env")
@pytest.mark.parametrize(
    "text, named",
    [
        ("SANO or the lutathera ones, what does each of them do?", SANO),
        ("SANO vs the lutathera trials", SANO),
        ("the everolimus studies or SANO?", SANO),
        ("compare NETTER-2 with the lutathera ones", NETTER_2),
    ],
)
def test_the_named_trial_and_the_group_are_both_answered(text: str, named: str) -> None:
    _, messages = run(ActionCompareTrials(), tracker(text, intent="compare_trials"))
    reply = messages[-1]["text"]
    assert reply.count("NCT") >= 1 + 2 and named in reply, reply
    assert reply.index(named) < reply.index("Our list has") and "Tests:" in reply.split("Our list has")[1]
    assert "is better" not in reply


def _routed(nlp, text: str, intent: str) -> Optional[str]:
    message = Message(data={TEXT: text, "intent": {"name": intent, "confidence": 0.9}})
    message.set(SPACY_DOCS[TEXT], nlp(text))
    return CompareRouter().route(message)


@pytest.mark.parametrize(
    "text, intent",
    [
        ("the everolimus studies or SANO?", "show_trial"),
        ("SANO or the lutathera ones", "show_trial"),
        ("CLARINET or the other lanreotide trials?", "show_trial"),
    ],
)
def test_a_named_trial_beside_a_group_asks_for_a_comparison(nlp, text: str, intent: str) -> None:
    assert _routed(nlp, text, intent) == "compare_trials"


@pytest.mark.parametrize("text", ["show me SANO", "any lutathera trials?", "is SANO still open?"])
def test_one_trial_or_a_search_is_not_moved(nlp, text: str) -> None:
    assert _routed(nlp, text, "show_trial") is None


@pytest.mark.parametrize(
    "text, intent",
    [
        ("is NETTER-2 open and are there other trials near Leeds?", "search_trials"),
        ("NETTER-2 or any trials near Manchester", "show_trial"),
        ("show me NETTER-2 and similar trials", "show_trial"),
        ("SANO or the trials in Glasgow?", "show_trial"),  # a place, not what they give
        ("NETTER-2 or any other ones close to me", "show_trial"),
    ],
)
def test_a_trial_beside_a_search_is_no_comparison(nlp, text: str, intent: str) -> None:
    assert _routed(nlp, text, intent) is None


@pytest.mark.parametrize(
    "side, group",
    [
        ("other trials near leeds", False),
        ("any trials near manchester", False),
        ("similar trials", False),
        ("the lutathera trials in london", False),
        ("the lutathera ones", True),
        ("the other lanreotide trials", True),
        ("those everolimus studies", True),
    ],
)
def test_a_group_side_names_a_treatment_and_no_place(side: str, group: bool) -> None:
    assert describes_a_group(side) is group


def test_the_group_is_named_by_its_treatment_alone(store: TrialStore) -> None:
    what, ids, _ = described_group("the other lanreotide trials", store, NETTER_2)
    assert what == "lanreotide" and ids
    assert described_group("other trials near leeds", store, NETTER_2) == ("", [], 0)
