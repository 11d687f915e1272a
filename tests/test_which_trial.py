"""Which trial the person means and loading it (actions/which_trial.py): one place for every action,
one "not in our list" reply."""

from __future__ import annotations

import ast
import re
from pathlib import Path

import pytest
from rasa_sdk import Action
from rasa_sdk.executor import CollectingDispatcher

from actions.compare_trials import ActionCompareTrials
from actions.followups import ActionShowEligibility
from actions.show_trial import ActionShowTrial
from actions.which_trial import WHICH_TRIAL, Referral, chosen_trial, load_trials, not_listed, stored_trials
from bot.config import REPO_ROOT
from tests.helpers.actions import run, tracker

pytestmark = pytest.mark.usefixtures("database_url_env")

UNKNOWN = "NCT99999999"
ALSO_UNKNOWN = "NCT99999998"
NETTER_2 = "NCT03972488"
NETTER_1 = "NCT01578239"


def test_the_not_listed_reply_says_where_to_look_each_trial_up() -> None:
    assert not_listed([UNKNOWN]) == (
        f"{UNKNOWN} is not in our list of NET trials. You can look it up on "
        f"ClinicalTrials.gov: https://clinicaltrials.gov/study/{UNKNOWN}"
    )
    assert not_listed([UNKNOWN, ALSO_UNKNOWN]) == (
        f"{UNKNOWN} and {ALSO_UNKNOWN} are not in our list of NET trials. You can look them up on ClinicalTrials.gov: "
        f"https://clinicaltrials.gov/study/{UNKNOWN} and https://clinicaltrials.gov/study/{ALSO_UNKNOWN}"
    )


@pytest.mark.parametrize(
    "action, text",
    [
        (ActionShowTrial(), UNKNOWN),
        (ActionShowEligibility(), f"who is {UNKNOWN} for"),
        (ActionCompareTrials(), f"compare {UNKNOWN} and {NETTER_2}"),
    ],
)
def test_every_action_gives_the_same_reply_for_a_trial_we_do_not_hold(action: Action, text: str) -> None:
    _, messages = run(action, tracker(text))
    assert [m.get("text") for m in messages] == [not_listed([UNKNOWN])]


def test_a_comparison_names_every_trial_we_do_not_hold_in_one_reply() -> None:
    _, messages = run(ActionCompareTrials(), tracker(f"compare {UNKNOWN} and {ALSO_UNKNOWN}"))
    assert [m.get("text") for m in messages] == [not_listed([UNKNOWN, ALSO_UNKNOWN])]


def test_stored_trials_keep_the_order_and_say_nothing() -> None:
    assert [t.nct_id for t in stored_trials([NETTER_2, UNKNOWN, NETTER_1])] == [NETTER_2, NETTER_1]
    assert stored_trials([]) == []


def test_loading_keeps_the_order_asked() -> None:
    dispatcher = CollectingDispatcher()
    trials = load_trials(dispatcher, [NETTER_1, NETTER_2])
    assert [t.nct_id for t in trials or []] == [NETTER_1, NETTER_2] and dispatcher.messages == []


@pytest.mark.parametrize(
    "text, slots, expected",
    [
        ("who runs netter 2", {"focus_nct_id": NETTER_1}, Referral(NETTER_2)),  # an acronym beats the focus
        (f"the first one, {NETTER_1}", {"result_ids": [NETTER_2]}, Referral(NETTER_1)),  # a number beats a position
        ("the second one", {"result_ids": [NETTER_2, NETTER_1]}, Referral(NETTER_1)),
        ("who is it for", {"result_ids": [NETTER_2]}, Referral(NETTER_2)),  # the only result
        ("who is it for", {"result_ids": [NETTER_2, NETTER_1]}, Referral()),  # unclear: the action asks
        ("the fifth one", {}, Referral(ask=WHICH_TRIAL)),
    ],
)
def test_the_trial_meant(text: str, slots: dict, expected: Referral) -> None:
    assert chosen_trial(tracker(text, slots=slots)) == expected


def test_a_malformed_number_is_asked_about() -> None:
    referral = chosen_trial(tracker("who is NCT123 for"))
    assert referral.nct_id is None and (referral.ask or "").startswith('"NCT123" does not look like a trial number.')


def test_with_the_database_down_the_trial_in_focus_is_still_meant(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    monkeypatch.setenv("DATABASE_URL", f"sqlite:///{tmp_path}/missing-dir/none.db")
    assert chosen_trial(tracker("who is it for", slots={"focus_nct_id": NETTER_2})) == Referral(NETTER_2)


def _defined_in(path: Path) -> set[str]:
    """The names a module defines at its top level (functions, classes, constants)."""
    tree = ast.parse(path.read_text())
    return {node.name for node in tree.body if isinstance(node, (ast.FunctionDef, ast.ClassDef))} | {
        target.id
        for node in tree.body
        if isinstance(node, ast.Assign)
        for target in node.targets
        if isinstance(target, ast.Name)
    }


def _imports(path: Path) -> list[ast.ImportFrom]:
    return [node for node in ast.walk(ast.parse(path.read_text())) if isinstance(node, ast.ImportFrom)]


def test_actions_take_which_trial_from_one_module_only() -> None:
    """No action imports the resolver or the loader sideways from another action module, or loads
    a stored trial itself."""
    own = _defined_in(REPO_ROOT / "actions" / "which_trial.py")
    for path in sorted((REPO_ROOT / "actions").glob("*.py")):
        if path.name == "which_trial.py":
            continue
        sideways = [
            alias.name
            for node in _imports(path)
            if (node.module or "").startswith("actions.") and node.module != "actions.which_trial"
            for alias in node.names
            if alias.name in own
        ]
        assert sideways == [], f"{path.name}: import {sideways} from actions.which_trial"
        text = path.read_text()
        loads_itself = "store().get(" in text or re.search(r"\bstore\.get(?:_many)?\(", text)
        assert not loads_itself, f"{path.name}: load trials with which_trial.load_trial(s) or stored_trials"
