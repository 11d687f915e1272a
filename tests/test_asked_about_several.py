"""Several questions about one named trial, each answered in order (issue 16): "CLARINET - who ran it and
is it finished?" gets who runs it and its status; "RADIANT-4 - what did it find and is it still open?" gets
its results and its status (bot/trials/asked_about.py)."""

from __future__ import annotations

import pytest

from actions.search_trials import ActionSearchTrials
from actions.which_trial import trial_id_for
from bot.profile.read import read_message
from bot.trials.asked_about import answer, answer_all, aspects_asked
from bot.trials.store import TrialStore
from tests.helpers.actions import run, tracker
from tests.helpers.trial_detail import trial


@pytest.mark.parametrize(
    "text, aspects",
    [
        ("CLARINET - who ran it and is it finished?", ["sponsor", "status"]),
        ("RADIANT-4 - what did it find and is it still open?", ["results", "status"]),
        ("who led the study, and did it show anything", ["sponsor", "results"]),
        ("how did it turn out? who paid for it?", ["results", "sponsor"]),
        ("was it a success", ["results"]),
        ("who is in charge of it", ["sponsor"]),
        ("whose trial is it", ["sponsor"]),
        ("did they do it in the UK", []),
        ("is it open to women? its my wife who has the NET not me", ["sex"]),  # who it is for, not its status
        ("is it open?", ["status"]),
    ],
)
def test_each_question_asked_is_read(text: str, aspects: list[str]) -> None:
    assert aspects_asked(text) == aspects


def test_what_it_found_is_not_answered_yes() -> None:
    done = trial(status="COMPLETED", has_results=True, results_first_posted="2017-10-02")
    assert answer("results", done, "what did it find?").startswith("Its results are posted on the registry page")
    assert answer("results", done, "any results yet?").startswith("Yes. Results are posted")
    # whether it worked is in the results: never a "yes" for having posted them
    for worked in ("did it work?", "was it a success?", "did the drug help?", "did it work in the end"):
        said = answer("results", done, worked)
        assert not said.startswith("Yes") and "does not say how well it worked" in said and "registry page" in said


@pytest.mark.parametrize(
    "acronym, text, first, second",
    [
        ("CLARINET", "CLARINET - who ran it and is it finished?", "It is run by", "(as of"),
        ("RADIANT-4", "RADIANT-4 - what did it find and is it still open?", "results", "(as of"),
    ],
)
def test_both_answered_in_order(store: TrialStore, acronym: str, text: str, first: str, second: str) -> None:
    nct_id = trial_id_for(acronym, store)
    record = store.get(nct_id) if nct_id else None
    assert record is not None, acronym
    lines = answer_all(aspects_asked(text), record, text)
    assert len(lines) == 2 and first.lower() in lines[0].lower() and second.lower() in lines[1].lower(), lines


@pytest.mark.parametrize(
    "nct_id, year",
    [("NCT01731925", "2017"), ("NCT02705313", "2018")],  # status not known; an expanded access programme
)
def test_a_status_the_record_has_not_kept_up_says_when_it_was_last_updated(
    store: TrialStore, nct_id: str, year: str
) -> None:
    record = store.get(nct_id)
    assert record is not None
    said = answer("status", record, "is it still going?")
    assert "last updated on the registry on" in said and year in said and said[:1].isupper()


@pytest.mark.usefixtures("database_url_env")
@pytest.mark.parametrize(
    "text, wanted",
    [
        ("what is the NETTER-2 trial and did it work", "does not show results"),
        ("NETTER-2 - who runs it?", "It is run by"),
        ("did NETTER-2 work?", "does not show results"),
    ],
)
def test_a_question_beside_a_trial_looked_up_by_name(text: str, wanted: str) -> None:
    """Its card, then what else was asked of it (it once showed the card alone)."""
    profile = {"profile": read_message(text).as_dict()}
    _, messages = run(ActionSearchTrials(), tracker(text, intent="search_trials", slots=profile))
    said = "\n".join(str(m.get("text") or "") for m in messages)
    assert "NCT03972488" in said and wanted in said, said
    assert not said.count("Yes.")
