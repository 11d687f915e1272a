"""Two trials side by side (bot/trials/side_by_side.py, actions/compare_trials.py)."""

from __future__ import annotations

import re

import pytest
import textstat

from actions.compare_trials import NO_LIST, WHICH_TWO, ActionCompareTrials
from actions.show_trial import ActionShowTrial
from bot.trials.side_by_side import WHO_WEIGHS, side_by_side, trials_named
from bot.trials.store import TrialStore
from tests.helpers.actions import run, tracker

pytestmark = pytest.mark.usefixtures("database_url_env")
SHOWN = ["NCT07273409", "NCT02749331", "NCT03972488"]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("compare NCT03972488 and nct 0157 8239", ["NCT03972488", "NCT01578239"]),
        ("jämför de två första tack", SHOWN[:2]),
        ("can u compare the first two", SHOWN[:2]),
        ("whats the difference between 1 and 3", [SHOWN[0], SHOWN[2]]),
        ("the second vs the last one", [SHOWN[1], SHOWN[2]]),
        ("can u compare the last two", SHOWN[1:]),
        ("the final 2 side by side pls", SHOWN[1:]),
        ("compare them", []),
        ("number 7 and 9 please", []),  # not shown
    ],
)
def test_which_two_trials(text: str, expected: list[str]) -> None:
    assert trials_named(text, SHOWN) == expected


def test_two_trials_in_parallel_parts_never_saying_which_is_better(store: TrialStore) -> None:
    text = side_by_side(store.get("NCT03972488"), store.get("NCT01578239"))
    first, second, last = text.split("\n\n")
    assert first.startswith("NCT03972488 (NETTER-2): Study to Evaluate the Efficacy and Safety of Lutathera")
    assert second.startswith("NCT01578239 (NETTER-1): ")
    for part in (first, second):
        assert re.search(r"- Tests: .+, compared with ", part) and "- Phase 3" in part and "- People: about" in part
    assert last == WHO_WEIGHS and not re.search(r"\bis better\b|\beligib", text, re.I)
    for line in text.splitlines():  # our words, line by line (drug and condition names are the record's)
        if line.startswith(("- Status", "- People", "Which")):
            assert textstat.flesch_kincaid_grade(line) <= 10, line


def test_the_action_compares_the_first_two_results_or_asks_which() -> None:
    _, messages = run(ActionCompareTrials(), tracker("compare the first two", slots={"result_ids": SHOWN}))
    assert messages[0]["text"].startswith("NCT07273409") and "\n\nNCT02749331" in messages[0]["text"]
    _, messages = run(ActionCompareTrials(), tracker("compare them", slots={}))
    assert messages[0]["text"] == WHICH_TWO
    _, messages = run(
        ActionCompareTrials(), tracker("how does it compare with NCT01578239", slots={"focus_nct_id": "NCT03972488"})
    )
    assert "NCT01578239" in messages[0]["text"] and "NCT03972488" in messages[0]["text"]
    _, messages = run(ActionCompareTrials(), tracker("compare NCT99999999 and NCT03972488", slots={}))
    assert "NCT99999999 is not in our list" in messages[0]["text"]


def test_a_general_trial_question_with_no_trial_in_focus_gets_the_knowledge_answer() -> None:
    from actions.followups import ActionAnswerTrialDetail

    _, messages = run(ActionAnswerTrialDetail(), tracker("could i get a sugar pill", slots={}))
    assert messages[0].get("response") == "utter_knowledge/placebo"  # then at most the one fact it leaves out
    assert len(messages) <= 2 and all(m.get("text") and "which trial" not in m["text"].lower() for m in messages[1:])
    _, messages = run(ActionAnswerTrialDetail(), tracker("how big is it", slots={}))
    assert "which trial" in messages[0]["text"].lower()  # no general answer for the size of a trial


def test_the_first_two_after_a_treatment_name_are_its_first_two_trials() -> None:
    # "lanreotide" (its answer, no list) ... "compare the first two": two trials of lanreotide
    _, messages = run(
        ActionCompareTrials(), tracker("compare the first two", slots={"profile": {"topic": "lanreotide"}})
    )
    assert messages[0]["text"] == "The first two trials of lanreotide in our list:"
    assert messages[1]["text"].count("NCT") >= 2
    # "axitinib": our list has one trial of it, shown whole
    _, messages = run(ActionCompareTrials(), tracker("compare the first two", slots={"profile": {"topic": "axitinib"}}))
    assert (
        messages[0]["text"].startswith("Our list has only one trial of axitinib")
        and "NCT01744249" in messages[1]["text"]
    )
    _, messages = run(ActionCompareTrials(), tracker("compare the first two", slots={}))
    assert [m["text"] for m in messages] == [NO_LIST]  # nothing listed: said so kindly


def test_the_first_two_with_no_list_shown_says_so_and_offers_a_search() -> None:
    for text in ("can you compare the first two", "1 and 3 side by side please"):
        _, messages = run(ActionCompareTrials(), tracker(text, slots={}))
        assert [m["text"] for m in messages] == [NO_LIST], text
    assert "list" in NO_LIST and "look for" in NO_LIST and textstat.flesch_kincaid_grade(NO_LIST) <= 8
    assert NO_LIST != WHICH_TWO


def test_a_title_is_cut_later_than_on_a_card_and_two_trials_fit_an_sms(store: TrialStore) -> None:
    text = side_by_side(store.get("NCT03022188"), store.get("NCT05907824"))
    assert "Pancreatic Body and Tail ≤ 3cm" in text and "≤2 cm" in text  # how the two differ is in the titles
    for pair in (("NCT03972488", "NCT01578239"), ("NCT02743741", "NCT01876771"), ("NCT03352934", "NCT03190213")):
        assert len(side_by_side(store.get(pair[0]), store.get(pair[1]))) <= 1600, pair


def _said(*texts: str) -> list[dict]:
    return [{"event": "user", "text": text} for text in texts]


def test_the_last_two_of_the_numbers_the_person_gave_are_compared() -> None:
    given = "nurse gave me 3 numbers: NCT02859064, NCT00326469, NCT03457948"
    _, messages = run(ActionCompareTrials(), tracker("can u compare the last two", events=_said(given, "x")))
    text = messages[0]["text"]
    assert text.startswith("NCT00326469") and "\n\nNCT03457948" in text and "NCT02859064" not in text


def test_several_numbers_are_listed_for_the_first_two_or_the_last_one_to_point_into() -> None:
    events, messages = run(ActionShowTrial(), tracker("NCT02859064, NCT00326469 and NCT03457948"))
    text = messages[0]["text"]
    assert text.startswith("The 3 trials you named") and all(
        n in text for n in ("NCT02859064", "NCT00326469", "NCT03457948")
    )
    assert {"event": "slot", "name": "result_ids", "value": ["NCT02859064", "NCT00326469", "NCT03457948"]} in [
        {k: e.get(k) for k in ("event", "name", "value")} for e in events
    ]
    _, messages = run(ActionShowTrial(), tracker("NCT02859064 and NCT99999999"))
    assert messages[0]["text"].startswith("NCT02859064:") or "NCT02859064" in messages[0]["text"]
    assert "NCT99999999 is not in our list" in messages[-1]["text"]


def test_what_else_a_comparison_asks_is_answered_for_each() -> None:
    text = "NCT03034200 vs NCT04924075 - how are the two drugs taken? and how many people is each after"
    _, messages = run(ActionCompareTrials(), tracker(text))
    parts = messages[0]["text"].split("\n\n")
    each = parts[2:4]
    assert len(parts) == 5 and [part[:12] for part in each] == ["NCT03034200:", "NCT04924075:"]
    assert all("given" in part and "people" in part for part in each) and parts[-1] == WHO_WEIGHS
    _, messages = run(ActionCompareTrials(), tracker("compare NCT03034200 vs NCT04924075"))
    assert len(messages[0]["text"].split("\n\n")) == 3  # nothing else asked: the two side by side only


def test_a_list_of_two_just_shown_is_weighed_as_a_pair() -> None:
    listed = ["NCT03972488", "NCT04919226"]
    events = [
        {"event": "user", "text": "NCT03972488 and NCT04919226"},
        {"event": "slot", "name": "result_ids", "value": listed},
        {"event": "slot", "name": "focus_nct_id", "value": None},
        {"event": "user", "text": "which one is bigger"},
    ]
    _, messages = run(ActionCompareTrials(), tracker("which one is bigger", events=events))
    text = messages[0]["text"]
    assert text.startswith("NCT03972488 (NETTER-2):") and "NCT04919226 (COMPOSE):" in text and "222" in text
    three = [*events[:1], {"event": "slot", "name": "result_ids", "value": [*listed, "NCT01578239"]}, *events[2:]]
    _, messages = run(ActionCompareTrials(), tracker("which one is bigger", events=three))
    assert messages[0]["text"] == WHICH_TWO  # a longer list: which two is not known


def test_a_trial_described_by_its_town_and_a_bracketed_aside_on_the_other_side(store: TrialStore) -> None:
    from bot.knowledge.sides import two_sides
    from bot.trials.side_by_side import described_trial

    sides = two_sides("LUTHREE (italy) vs the edmonton lutetium trial - how many people is each after")
    assert sides is not None and (sides.first, sides.second) == ("luthree", "edmonton lutetium trial")
    assert described_trial("the edmonton lutetium trial", store) == "NCT01876771"
    assert described_trial("the lutetium trial", store) is None  # many: not guessed


@pytest.mark.parametrize(
    "text, picked",
    [
        ("compare the 1st and 3rd pls", [0, 2]),
        ("can u do the 2nd & 3rd side by side", [1, 2]),
        ("whats the diff between the 1st and the 2nd", [0, 1]),
        ("3rd vs 1st?", [2, 0]),
        ("put number 2nd and 3rd next to each other", [1, 2]),
    ],
)
def test_positions_written_with_ordinal_endings(text: str, picked: list[int]) -> None:
    ids = ["NCT02236910", "NCT02754297", "NCT02743741"]
    assert trials_named(text, ids) == [ids[n] for n in picked]
