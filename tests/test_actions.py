"""Custom actions against a throwaway database: exact events and messages."""

from __future__ import annotations

import pytest
from rasa_sdk.events import SlotSet

from actions.search_trials import ActionSearchTrials, ActionShowMoreTrials
from actions.show_trial import ActionShowTrial
from bot.trials.query import TrialQuery
from bot.trials.store import TrialStore
from tests.helpers.actions import entity, run, tracker

pytestmark = pytest.mark.usefixtures("database_url_env")

RESET_BY_A_SEARCH = ["treatment", "condition", "phase", "status", "age_group"]  # the place is kept


def test_search_sends_a_heading_five_cards_and_show_more(store: TrialStore) -> None:
    events, messages = run(ActionSearchTrials(), tracker("any open trials", intent="search_trials"))
    open_total = store.search(TrialQuery()).total
    assert open_total > 5
    assert messages[0]["text"] == f"I found {open_total} of our open trials. Here are 1 to 5."
    cards = messages[1:6]
    assert all(m["buttons"][0]["payload"].startswith('/show_trial{"nct_id":"NCT') for m in cards)
    assert all("Status: " in m["text"] and "Where: " in m["text"] for m in cards)
    assert all("Phase: No phase" not in m["text"] for m in cards)  # a phase line only when there is one
    assert messages[6]["buttons"] == [{"title": "Show more", "payload": "/show_more_trials"}]
    assert len(messages) == 7
    shown = [c["buttons"][0]["payload"][22:33] for c in cards]
    assert events == [SlotSet(name, None) for name in RESET_BY_A_SEARCH] + [
        SlotSet("result_ids", shown),
        SlotSet("search_offset", 5.0),
    ]


def test_search_by_brand_name_remembers_the_query() -> None:
    t = tracker(
        "lutathera trials in the uk",
        intent="search_trials",
        entities=[entity("treatment", "lutathera"), entity("status", "closed")],
    )
    events, messages = run(ActionSearchTrials(), t)
    assert "closed trials for lutathera" in messages[0]["text"]
    assert SlotSet("treatment", "lutathera") in events
    assert SlotSet("status", "closed") in events


def test_show_more_continues_from_the_offset() -> None:
    slots = {"search_offset": 5.0, "status": None}
    events, messages = run(ActionShowMoreTrials(), tracker("more", intent="show_more_trials", slots=slots))
    assert "Here are 6 to" in messages[0]["text"]
    assert events[-1]["name"] == "search_offset" and events[-1]["value"] > 5


def test_show_more_without_a_search_asks_for_one() -> None:
    events, messages = run(ActionShowMoreTrials(), tracker("more", intent="show_more_trials"))
    assert events == [] and "search for first" in messages[0]["text"]


def test_nothing_found_is_kind_and_gives_the_helpline() -> None:
    t = tracker("telotristat trials", intent="search_trials", entities=[entity("treatment", "telotristat")])
    events, messages = run(ActionSearchTrials(), t)
    assert messages[0]["text"].startswith("I'm sorry, I could not find any trials for telotristat.")
    assert "0808 800 4040" in messages[1]["text"]  # no country said: the UK's nurses
    assert not any(e["name"] == "search_offset" for e in events)


def test_a_search_that_finds_nothing_is_widened_and_says_how() -> None:
    t = tracker(
        "everolimus trials in iceland",
        intent="search_trials",
        entities=[entity("treatment", "everolimus"), entity("country", "Iceland")],
    )
    _, messages = run(ActionSearchTrials(), t)
    assert messages[0]["text"].startswith(
        "I found no open trials for everolimus, in Iceland. Looking in the nearest countries, I found"
    )
    assert "Try fewer words" not in messages[0]["text"]


@pytest.mark.parametrize("text", ["/show_trial", "tell me about nct07273409", "NCT 0727 3409"])
def test_show_trial_gives_status_phase_places_and_contact(text: str) -> None:
    ents = [entity("nct_id", "nct07273409")] if text == "/show_trial" else []
    events, messages = run(ActionShowTrial(), tracker(text, intent="show_trial", entities=ents))
    body = messages[0]["text"]
    assert body.startswith("Pancreatic Neuroendocrine Tumour - Optimal Surgical Debulking or Not (NCT07273409)")
    for part in [
        "Status: Open",
        "Last updated on the registry: 22 January 2026",
        "Phase:",
        "Sahlgrenska University Hospital, Gothenburg, Sweden",
        "Run by: Uppsala University",
        "Who to contact: The record does not give contact details. Ask your specialist team",
        "https://clinicaltrials.gov/study/NCT07273409",
    ]:
        assert part in body
    assert events == [SlotSet("nct_id", "NCT07273409"), SlotSet("focus_nct_id", "NCT07273409")]


def test_show_trial_lists_contacts_when_the_record_has_them(store: TrialStore) -> None:
    with_contacts = [n for n in store.iter_ids() if any(c.phone or c.email for c in store.get(n).contacts)]
    assert with_contacts
    _, messages = run(ActionShowTrial(), tracker(with_contacts[0], intent="show_trial"))
    assert "Who to contact: " in messages[0]["text"] and "does not give contact" not in messages[0]["text"]


def test_malformed_id_explains_the_format() -> None:
    events, messages = run(
        ActionShowTrial(), tracker("show me NCT123", intent="show_trial", entities=[entity("nct_id", "nct123")])
    )
    assert messages[0]["text"] == (
        '"NCT123" does not look like a trial number. A ClinicalTrials.gov number starts with NCT '
        "and has 8 digits, like NCT07273409. Which trial would you like?"
    )
    assert events == []


def test_unknown_id_is_not_in_our_list() -> None:
    events, messages = run(ActionShowTrial(), tracker("NCT99999999", intent="show_trial"))
    assert messages[0]["text"] == (
        "NCT99999999 is not in our list of NET trials. You can look it up on ClinicalTrials.gov: "
        "https://clinicaltrials.gov/study/NCT99999999"
    )
    assert events == [SlotSet("nct_id", "NCT99999999")]


def test_database_down_says_search_is_unavailable(monkeypatch: pytest.MonkeyPatch, tmp_path) -> None:  # type: ignore[no-untyped-def]
    monkeypatch.setenv("DATABASE_URL", f"sqlite:///{tmp_path}/missing-dir/none.db")
    events, messages = run(ActionSearchTrials(), tracker("trials", intent="search_trials"))
    assert messages[0]["response"] == "utter_trials_unavailable"
    assert messages[1]["response"] == "utter_helpline"
    _, messages = run(ActionShowTrial(), tracker("NCT07273409", intent="show_trial"))
    assert messages[0]["response"] == "utter_trials_unavailable"


def test_trials_of_it_searches_for_the_treatment_in_focus() -> None:
    t = tracker("are there any trials of it", intent="search_trials", slots={"treatment": "lanreotide"})
    events, messages = run(ActionSearchTrials(), t)
    assert "for lanreotide" in messages[0]["text"]
    assert SlotSet("treatment", "lanreotide") in events


def test_a_new_search_without_back_reference_does_not_reuse_old_filters() -> None:
    t = tracker("show me open trials", intent="search_trials", slots={"treatment": "lanreotide"})
    events, messages = run(ActionSearchTrials(), t)
    assert "lanreotide" not in messages[0]["text"]
