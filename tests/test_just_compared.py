"""A follow-up weighing the two things just set side by side (issue 16): "which is easier to live with?"
after a side by side is about that pair, answered with what our facts say of each on the point asked
(bot/knowledge/just_compared.py, actions/compare_trials.py send_which_is_better), never which is better."""

from __future__ import annotations

import re
from typing import Any

import pytest

from actions.compare_trials import RESULTS_HEADING, WHICH_TWO, ActionCompareTrials, treatments_side_by_side
from actions.followups import ActionAnswerTrialDetail
from actions.knowledge_answer import ActionAnswerKnowledge
from actions.personal_question import ActionAnswerPersonalQuestion
from bot.followups.picked import two_picked
from bot.knowledge.compare import compare_treatments
from bot.knowledge.just_compared import (
    BOTH_OPENING,
    asks_of_both,
    asks_which_is_better,
    just_compared,
    points_weighed,
    treatments_weighed,
    trial_points,
)
from bot.knowledge.side_facts import asks_how_well
from bot.knowledge.sides import Sides, two_sides
from bot.trials.side_by_side import side_by_side
from bot.trials.store import TrialStore
from tests.helpers.actions import run, tracker

NEVER = re.compile(r"\bis\s+better\b|\beligib\w*|\bqualif\w*", re.I)


def _after(earlier: str, said: str, text: str, intent: str) -> Any:
    events = [{"event": "user", "text": earlier}, {"event": "bot", "text": said}, {"event": "user", "text": text}]
    return tracker(text, intent=intent, events=events)


def _texts(messages: list[dict[str, Any]]) -> str:
    return "\n".join(str(m.get("text") or "") for m in messages)


@pytest.mark.parametrize(
    "text, asks",
    [
        ("which is easier to live with?", True),
        ("which one has fewer side effects", True),
        ("which of them is gentler on the body", True),
        ("is either one kinder on the kidneys", True),
        ("which one is bigger?", True),
        ("which one is better", True),
        ("which one is in Sweden", False),
        ("which hospital is closest to me", False),
        ("what more can we do", False),
    ],
)
def test_a_question_weighing_the_two(text: str, asks: bool) -> None:
    assert asks_which_is_better(text) is asks


@pytest.mark.parametrize(
    "text, fields",
    [
        ("which is easier to live with?", ("given", "side_effects")),
        ("which one has fewer side effects", ("side_effects",)),
        ("which is gentler", ("side_effects",)),
        ("which one means fewer hospital visits", ("given",)),
        ("which one is better", ()),
    ],
)
def test_the_point_weighed(text: str, fields: tuple[str, ...]) -> None:
    assert points_weighed(text) == fields


def test_trial_points() -> None:
    assert trial_points("which one is bigger?") == ("size",)
    assert trial_points("which would be easier to live with") == ("given", "duration")
    assert trial_points("which one is better") == ()


@pytest.mark.parametrize(
    "earlier, text, wanted",
    [
        ("lanreotide or octreotide?", "which is easier to live with?", ["How it is given", "Side effects"]),
        ("PRRT vs everolimus", "which one has fewer side effects", ["PRRT:", "Everolimus:", "Sore mouth"]),
        ("lanreotide vs sunitinib - how are they taken", "which is easier day to day", ["Lanreotide:", "Sunitinib:"]),
    ],
)
def test_two_treatments_weighed_on_the_point_asked(earlier: str, text: str, wanted: list[str]) -> None:
    compared = compare_treatments(earlier, None, asked_to_compare=True) or ""
    assert just_compared([compared]) is not None
    _, messages = run(ActionCompareTrials(), _after(earlier, compared, text, "compare_trials"))
    said = _texts(messages)
    assert WHICH_TWO not in said
    assert all(w in said for w in wanted), said
    assert "specialist team" in said and not NEVER.search(said)


def test_a_weighing_question_taken_as_personal_is_about_the_pair_too() -> None:
    compared = compare_treatments("lanreotide or octreotide?", None, asked_to_compare=True) or ""
    text = "which would be easier for my mum to live with"
    _, messages = run(
        ActionAnswerPersonalQuestion(), _after("lanreotide or octreotide?", compared, text, "ask_personal_advice")
    )
    said = _texts(messages)
    assert "Lanreotide" in said and "Octreotide" in said and "How it is given" in said
    assert not NEVER.search(said)


def test_no_point_or_nothing_held_hands_the_choice_back() -> None:
    said = treatments_weighed("CT scan", "MRI scan", (), None)
    assert said.startswith("There is no one best choice between CT scan and MRI scan for everyone")
    assert treatments_weighed("Lutetium PRRT", "yttrium PRRT", ("side_effects",), None).startswith(
        "There is no one best choice"
    )


@pytest.mark.usefixtures("database_url_env")
def test_two_trials_weighed_on_their_size(store: TrialStore) -> None:
    first, second = (store.get(nct_id) for nct_id in ("NCT07273409", "NCT07279532"))
    assert first is not None and second is not None
    t = _after("compare the first two", side_by_side(first, second), "which one is bigger?", "compare_trials")
    _, messages = run(ActionCompareTrials(), t)
    said = _texts(messages)
    assert "NCT07273409 (PANTODON): The trial" in said and "NCT07279532: " in said and "people" in said
    assert WHICH_TWO not in said and not NEVER.search(said)


# -- two trials picked by what they give, not by number -------------------------------------------------------
def test_two_trials_picked_by_drug_from_the_store() -> None:
    described = {"carfilzomib trial": "NCT02318784", "ramucirumab trial": "NCT02795858"}
    assert two_picked("carfilzomib trial vs the ramucirumab one", [], described.get) == ["NCT02318784", "NCT02795858"]
    assert two_picked("lanreotide or octreotide?", [], described.get) == []  # two treatments, not two trials


@pytest.mark.usefixtures("database_url_env")
def test_compare_the_lutetium_ones_among_the_trials_named_before() -> None:
    earlier = "my NET nurse gave me three to read: NCT02743741, NCT01876771 and NCT02939651"
    text = "can you compare the lutetium ones"
    events = [{"event": "user", "text": earlier}, {"event": "bot", "text": "..."}, {"event": "user", "text": text}]
    _, messages = run(ActionCompareTrials(), tracker(text, intent="compare_trials", events=events))
    said = _texts(messages)
    assert "NCT02743741" in said and "NCT01876771" in said and "NCT02939651" not in said, said
    assert WHICH_TWO not in said


@pytest.mark.usefixtures("database_url_env")
def test_two_trials_described_by_their_drug_are_set_side_by_side() -> None:
    text = "the two everolimus combo phase 1s - the sorafenib one and the SNX-5422 one. how big were they"
    _, messages = run(ActionCompareTrials(), tracker(text, intent="compare_trials"))
    said = _texts(messages)
    assert "NCT00942682" in said and "NCT02063958" in said and "people" in said, said


# -- a pair's size and a withdrawn trial, said as people ---------------------------------------------------------
def test_people_are_counted_as_people_and_a_withdrawn_trial_took_no_one(store: TrialStore) -> None:
    castor, netter = store.get("NCT01860742"), store.get("NCT01578239")
    assert castor is not None and netter is not None
    said = side_by_side(castor, netter)
    assert "withdrawn before anyone took part" in said and "231 people" in said


# -- how well each did, from the facts of trial results ---------------------------------------------------------
@pytest.mark.parametrize(
    "text, wanted",
    [
        ("is captem any good compared with just temozolomide on its own? for pancreatic", ["22.7", "14.4"]),
        ("nivolumab on its own vs nivo + ipi for NEC, which one shrinks tumours more", ["7.1", "11.6"]),
        ("Spartalizumab vs pembrolizumab for NETs, any difference in how well they worked?", ["3.7"]),
    ],
)
@pytest.mark.usefixtures("database_url_env")
def test_how_well_each_did_adds_the_facts_of_trial_results(text: str, wanted: list[str]) -> None:
    _, messages = run(ActionCompareTrials(), tracker(text, intent="compare_trials"))
    said = _texts(messages)
    assert all(w in said for w in wanted), said
    assert not NEVER.search(said)


@pytest.mark.usefixtures("database_url_env")
def test_no_results_unless_asked() -> None:
    assert RESULTS_HEADING not in (treatments_side_by_side("lanreotide or octreotide?") or "")
    assert not asks_how_well("lanreotide or octreotide?") and asks_how_well("how did they do in pancreatic nets?")


@pytest.mark.usefixtures("database_url_env")
def test_the_first_two_after_only_a_town_are_the_first_two_with_a_place_there() -> None:
    events = [
        {"event": "user", "text": "hamburg"},
        {"event": "bot", "text": "Thank you. I have noted: place: Hamburg."},
        {"event": "user", "text": "first two side by side pls"},
    ]
    t = tracker(
        "first two side by side pls",
        intent="compare_trials",
        events=events,
        slots={"profile": {"place": {"city": "Hamburg"}}},
    )
    _, messages = run(ActionCompareTrials(), t)
    said = _texts(messages)
    assert (
        "with a place in Hamburg, closed ones counted too" in said and "NCT00171873" in said and "NCT02246127" in said
    )


def test_a_side_ends_before_where_it_was_read() -> None:
    """ "T3 vs T4 on my dads report": the side is "t4", so the fact on T4 is found."""
    sides = two_sides("T3 vs T4 on my dads report, whats the difference")
    assert sides is not None and (sides.first, sides.second) == ("t3", "t4")
    assert two_sides("nivolumab on its own vs nivo + ipi for NEC") == Sides("nivolumab on its own", "nivo ipi")


@pytest.mark.parametrize("action", [ActionAnswerKnowledge, ActionAnswerTrialDetail])
@pytest.mark.parametrize(
    "earlier, text, wanted, unwanted",
    [
        (
            "lutathera vs everolimus which one has worse side effects",
            "and how are they given",
            ["A drip", "tablet"],
            [],
        ),
        ("lanreotide or octreotide?", "how do they work?", ["How it works", "somatostatin"], []),
        ("PRRT vs everolimus", "what about their side effects", ["Sore mouth"], ["How it is given"]),
    ],
)
def test_a_point_asked_of_both_after_a_side_by_side(
    earlier: str, text: str, wanted: list[str], unwanted: list[str], action: Any
) -> None:
    """Not the general topic answer of one of them (it once answered "and how are they given" after PRRT
    and everolimus with the lanreotide and octreotide injections)."""
    compared = compare_treatments(earlier, None, asked_to_compare=True) or ""
    _, messages = run(action(), _after(earlier, compared, text, "knowledge"), {"responses": {}})
    said = _texts(messages)
    assert said.startswith(BOTH_OPENING), said
    assert all(w in said for w in wanted) and not any(u in said for u in unwanted), said
    assert "octreotide" not in said.lower() or "octreotide" in earlier
    assert not NEVER.search(said)


def test_a_point_of_its_own_is_not_asked_of_the_pair() -> None:
    compared = compare_treatments("PRRT vs everolimus", None, asked_to_compare=True) or ""
    text = "how are they given compared with sunitinib"
    assert asks_of_both(text) == ("given",)  # the action still sees the name of its own
    _, messages = run(ActionAnswerKnowledge(), _after("PRRT vs everolimus", compared, text, "knowledge"))
    assert not _texts(messages).startswith(BOTH_OPENING)
