"""Results remembered, "the second one", and the follow-ups about one trial: exact events and messages."""

from __future__ import annotations

import re
from typing import Optional

import pytest
import textstat
from rasa_sdk.events import SlotSet

from actions.followups import (
    FOLLOW_UP_BUTTONS,
    ORIGINAL_HINT,
    ActionAnswerTrialDetail,
    ActionShowEligibility,
    ActionShowTrialPlaces,
    ActionShowTrialQuestions,
    wants_original,
)
from actions.search_trials import ActionSearchTrials, ActionShowMoreTrials
from actions.show_trial import ActionShowTrial
from actions.which_trial import WHICH_TRIAL
from bot.eligibility.forbidden_words import tells_can_join
from bot.eligibility.questions import questions_for
from bot.trials.nct import NCT_FORMAT_HELP
from bot.trials.ordinal import LAST, ordinal_position, pick
from bot.trials.store import TrialStore
from bot.trials.where_it_runs import MAX_SITES_SHOWN, TRAVEL
from tests.helpers.actions import run, tracker

pytestmark = pytest.mark.usefixtures("database_url_env")

SWEDISH = "NCT07273409"  # open, criteria, two places in Sweden
MANY_PLACES = "NCT02651987"  # finished, 12 places in several countries
NO_PLACES = "NCT06784752"  # open, no criteria text, no places
FOLLOW_UPS = [ActionShowEligibility, ActionShowTrialPlaces, ActionShowTrialQuestions]


def grade(text: str) -> float:
    return textstat.flesch_kincaid_grade(text)


# -- ordinals -----------------------------------------------------------------------------------------
@pytest.mark.parametrize(
    "text, position",
    [
        ("tell me more about the second one", 2),
        ("the first one", 1),
        ("the last one", LAST),
        ("number 3", 3),
        ("the 2nd trial", 2),
        ("what about the 3rd", 3),
        ("trial 4 please", 4),
        ("2", 2),
        ("#3", 3),
        ("two", 2),
        ("Tell me about the Fifth", 5),
        ("the final one", LAST),
        ("last", LAST),
        ("NCT07273409", None),
        ("phase 3 trials", None),
        ("show me trials in France", None),
        ("", None),
        ("the one with lanreotide", None),
        ("number 0", None),
        ("x" * 10_000, None),
        ("🙂", None),
    ],
)
def test_ordinal_position(text: str, position: Optional[int]) -> None:
    assert ordinal_position(text) == position


def test_pick_counts_from_one_and_knows_the_last() -> None:
    ids = ["A", "B", "C"]
    assert [pick(ids, 1), pick(ids, 3), pick(ids, LAST), pick(ids, 4), pick([], 1), pick(ids, None)] == [
        "A",
        "C",
        "C",
        None,
        None,
        None,
    ]


# -- results remembered -----------------------------------------------------------------------------------
def _card_ids(messages: list[dict]) -> list[str]:
    return [
        re.search(r'"(NCT\d{8})"', m["buttons"][0]["payload"]).group(1)
        for m in messages
        if m.get("buttons") and m["buttons"][0]["payload"].startswith("/show_trial")
    ]


def test_search_remembers_the_ids_shown_in_order() -> None:
    events, messages = run(ActionSearchTrials(), tracker("any open trials", intent="search_trials"))
    ids = _card_ids(messages)
    assert len(ids) == 5
    assert SlotSet("result_ids", ids) in events
    assert events[-1] == SlotSet("search_offset", 5.0)


def test_show_more_remembers_the_next_page() -> None:
    first, _ = run(ActionSearchTrials(), tracker("any open trials", intent="search_trials"))
    events, messages = run(
        ActionShowMoreTrials(), tracker("more", slots={"search_offset": 5.0}, intent="show_more_trials")
    )
    ids = _card_ids(messages)
    assert ids and SlotSet("result_ids", ids) in events
    assert not set(ids) & set(next(e["value"] for e in first if e["name"] == "result_ids"))


def test_a_search_with_no_results_forgets_the_old_ones() -> None:
    t = tracker("telotristat trials", entities=[{"entity": "treatment", "value": "telotristat"}])  # none at all
    events, _ = run(ActionSearchTrials(), t)
    assert SlotSet("result_ids", None) in events


# -- show_trial by position or focus --------------------------------------------------------------------------
def test_the_second_one_shows_the_second_result() -> None:
    slots = {"result_ids": [NO_PLACES, SWEDISH, MANY_PLACES]}
    events, messages = run(ActionShowTrial(), tracker("tell me more about the second one", slots=slots))
    assert messages[0]["text"].startswith(
        f"Pancreatic Neuroendocrine Tumour - Optimal Surgical Debulking or Not ({SWEDISH})"
    )
    assert events == [SlotSet("nct_id", SWEDISH), SlotSet("focus_nct_id", SWEDISH)]


@pytest.mark.parametrize(
    "text, expected",
    [
        ("the first one", NO_PLACES),
        ("the last one", MANY_PLACES),
        ("number 3", MANY_PLACES),
        ("the 2nd trial", SWEDISH),
    ],
)
def test_positions_against_the_last_results(text: str, expected: str) -> None:
    events, _ = run(ActionShowTrial(), tracker(text, slots={"result_ids": [NO_PLACES, SWEDISH, MANY_PLACES]}))
    assert SlotSet("focus_nct_id", expected) in events


def test_a_position_beyond_the_results_says_how_many_there_were() -> None:
    events, messages = run(ActionShowTrial(), tracker("the fifth one", slots={"result_ids": [SWEDISH, NO_PLACES]}))
    assert events == []
    assert messages[0]["text"] == f"I showed 2 trials last time. {WHICH_TRIAL}"


def test_a_position_without_results_asks_which_trial() -> None:
    events, messages = run(ActionShowTrial(), tracker("the second one"))
    assert events == [] and messages[0]["text"] == WHICH_TRIAL


def test_no_id_and_no_position_shows_the_trial_in_focus() -> None:
    events, messages = run(ActionShowTrial(), tracker("tell me more about it", slots={"focus_nct_id": SWEDISH}))
    assert f"({SWEDISH})" in messages[0]["text"]
    assert events == [SlotSet("nct_id", SWEDISH), SlotSet("focus_nct_id", SWEDISH)]


def test_a_named_id_wins_over_position_and_focus() -> None:
    slots = {"result_ids": [NO_PLACES], "focus_nct_id": NO_PLACES}
    events, _ = run(ActionShowTrial(), tracker(f"the first one, {SWEDISH}", slots=slots))
    assert SlotSet("focus_nct_id", SWEDISH) in events


def test_nothing_to_go_on_keeps_the_old_answer() -> None:
    events, messages = run(ActionShowTrial(), tracker("tell me more"))
    assert events == []
    assert messages[0]["text"].endswith("like NCT07273409. Which trial would you like?")


# -- which trial a follow-up is about ---------------------------------------------------------------------------
@pytest.mark.parametrize("action", FOLLOW_UPS)
@pytest.mark.parametrize(
    "text, slots",
    [
        (f"who is {SWEDISH} for", {"focus_nct_id": NO_PLACES, "result_ids": [NO_PLACES]}),  # named
        ("who is it for", {"focus_nct_id": SWEDISH, "result_ids": [NO_PLACES, MANY_PLACES]}),  # focus
        ("who is it for", {"result_ids": [SWEDISH]}),  # the only result
        ("what about the second one", {"result_ids": [NO_PLACES, SWEDISH], "focus_nct_id": NO_PLACES}),  # position
    ],
)
def test_follow_ups_find_the_trial_and_focus_it(action: type, text: str, slots: dict) -> None:
    events, messages = run(action(), tracker(text, slots=slots))
    assert events == [SlotSet("focus_nct_id", SWEDISH)]
    assert messages and SWEDISH in messages[0]["text"]


@pytest.mark.parametrize("action", [ActionShowEligibility, ActionShowTrialPlaces])
@pytest.mark.parametrize("slots", [{}, {"result_ids": [SWEDISH, NO_PLACES]}])
def test_follow_ups_ask_which_trial_when_unclear(action: type, slots: dict) -> None:
    events, messages = run(action(), tracker("who is it for", slots=slots))
    assert events == [] and messages == [{**messages[0], "text": WHICH_TRIAL}]
    assert grade(WHICH_TRIAL) <= 8


@pytest.mark.parametrize("slots", [{}, {"result_ids": [SWEDISH, NO_PLACES]}])
def test_questions_with_no_trial_chosen_are_the_ones_for_any_trial(slots: dict) -> None:
    events, messages = run(
        ActionShowTrialQuestions(), tracker("what questions should i ask the oncologist about trials", slots=slots)
    )
    text = "\n".join(m["text"] for m in messages)
    assert (
        events == [] and "Questions for your doctor about trials:" in text and "Questions for the trial team:" in text
    )
    assert "NCT" not in text and WHICH_TRIAL not in text
    assert all(grade(m["text"]) <= 8 for m in messages)


@pytest.mark.parametrize("action", FOLLOW_UPS)
def test_follow_ups_on_an_unknown_or_malformed_id(action: type) -> None:
    events, messages = run(action(), tracker("who is NCT99999999 for"))
    assert events == []
    assert messages[0]["text"].startswith("NCT99999999 is not in our list of NET trials.")
    _, messages = run(action(), tracker("who is NCT123 for"))
    assert messages[0]["text"].startswith('"NCT123" does not look like a trial number.')


@pytest.mark.parametrize("action", FOLLOW_UPS)
def test_follow_ups_when_the_database_is_down(action: type, monkeypatch: pytest.MonkeyPatch, tmp_path) -> None:  # type: ignore[no-untyped-def]
    monkeypatch.setenv("DATABASE_URL", f"sqlite:///{tmp_path}/missing-dir/none.db")
    events, messages = run(action(), tracker("who is it for", slots={"focus_nct_id": SWEDISH}))
    assert events == []
    assert messages[0]["response"] == "utter_trials_unavailable"
    assert messages[1]["response"] == "utter_helpline"


# -- who it is for ----------------------------------------------------------------------------------------------
def test_eligibility_is_short_plain_and_offers_next_steps() -> None:
    _, messages = run(ActionShowEligibility(), tracker("who can join", slots={"focus_nct_id": SWEDISH}))
    assert len(messages) == 1
    text = messages[0]["text"]
    assert text.startswith(f"Who this trial is for ({SWEDISH}).")
    assert "There are 2 more. See them all on the registry page" in text  # 8 exclusions, 6 shown
    assert text.endswith(ORIGINAL_HINT) and "(Record's words:" not in text
    assert (
        messages[0]["buttons"]
        == FOLLOW_UP_BUTTONS
        == [
            {"title": "Questions to ask", "payload": "/ask_trial_questions"},
            {"title": "Who do I contact?", "payload": "/ask_trial_contacts"},
            {"title": "Talk to a nurse", "payload": "/ask_helpline"},
        ]
    )
    assert not tells_can_join(text)


@pytest.mark.parametrize(
    "text", ["show the original wording", "what are the exact words?", "the registry's own words please"]
)
def test_eligibility_in_the_records_own_words_on_request(text: str) -> None:
    assert wants_original(text)
    _, messages = run(ActionShowEligibility(), tracker(text, slots={"focus_nct_id": SWEDISH}))
    assert "(Record's words: Age ≥ 18 years)" in messages[0]["text"]
    assert ORIGINAL_HINT not in messages[0]["text"]


def test_eligibility_without_criteria_points_to_the_registry() -> None:
    _, messages = run(ActionShowEligibility(), tracker("who is it for", slots={"focus_nct_id": NO_PLACES}))
    text = messages[0]["text"]
    assert "does not include the full list of who can join" in text
    assert f"https://clinicaltrials.gov/study/{NO_PLACES}" in text and ORIGINAL_HINT not in text
    assert grade(text) <= 8


def test_plain_questions_do_not_ask_for_the_original() -> None:
    assert not wants_original("who is the second one for?")
    assert not wants_original("who can join this trial")


# -- where it runs ----------------------------------------------------------------------------------------------------
def test_places_lists_each_site_with_its_status_and_travel() -> None:
    _, messages = run(ActionShowTrialPlaces(), tracker("where is it", slots={"focus_nct_id": SWEDISH}))
    assert messages[0]["text"] == "\n".join(
        [
            f"Where {SWEDISH} runs: 2 places in Sweden.",
            "- Gothenburg, Sweden: Sahlgrenska University Hospital (open).",
            "- Lund, Sweden: Skåne University Hospital (opening soon).",
            TRAVEL,
        ]
    )


def test_places_puts_the_persons_country_first_and_caps_the_list(store: TrialStore) -> None:
    trial = store.get(MANY_PLACES)
    _, messages = run(
        ActionShowTrialPlaces(), tracker("where does it run", slots={"focus_nct_id": MANY_PLACES, "ps_place": "FR"})
    )
    lines = messages[0]["text"].splitlines()
    french = sum(1 for s in trial.sites if s.country == "France")
    sites = [line for line in lines if line.startswith("- ")]
    assert french and all(", France:" in line for line in sites[:french])
    assert not trial.is_open and not any("(open" in line for line in sites)  # a finished trial: no place says open
    assert len(sites) == MAX_SITES_SHOWN
    assert f"There are {len(trial.sites) - MAX_SITES_SHOWN} more places." in messages[0]["text"]
    _, messages = run(
        ActionShowTrialPlaces(),
        tracker(
            "where does it run in the uk",
            slots={"focus_nct_id": MANY_PLACES},
            entities=[{"entity": "country", "value": "uk"}],
        ),
    )
    assert "It lists no places in the United Kingdom." in messages[0]["text"]


@pytest.mark.parametrize(
    "slots, first",
    [
        ({"ps_place": "DE"}, "Germany"),  # the pre-screen's answer, as the form keeps it
        ({"ps_place": "DE", "country": "France"}, "Germany"),  # beats the country searched in
        ({"ps_place": "anywhere", "country": "France"}, "France"),  # "anywhere": the chat's country
        ({"ps_place": "unknown", "country": "France"}, "France"),
        ({"country": "France"}, "France"),
    ],
)
def test_places_put_the_prescreen_country_first_else_the_chats(slots: dict, first: str) -> None:
    _, messages = run(
        ActionShowTrialPlaces(), tracker("where does it run", slots={"focus_nct_id": MANY_PLACES, **slots})
    )
    sites = [line for line in messages[0]["text"].splitlines() if line.startswith("- ")]
    assert sites[0].split(":")[0].endswith(f", {first}"), sites[0]


def test_places_for_a_record_without_places(store: TrialStore) -> None:
    _, messages = run(ActionShowTrialPlaces(), tracker("where", slots={"focus_nct_id": NO_PLACES}))
    assert messages[0]["text"].startswith(f"The record for {NO_PLACES} lists no places.")
    assert TRAVEL in messages[0]["text"]


def test_places_messages_read_plainly(store: TrialStore) -> None:
    for nct_id in store.iter_ids():
        trial = store.get(nct_id)
        _, messages = run(ActionShowTrialPlaces(), tracker("where", slots={"focus_nct_id": nct_id}))
        ours = messages[0]["text"]
        for site in trial.sites:  # hospital names are the registry's, not ours
            ours = ours.replace(site.facility or "\0", "")
        assert grade(ours.replace(trial.registry_url, "the registry page")) <= 8, nct_id
        assert not tells_can_join(messages[0]["text"])


# -- questions to ask ------------------------------------------------------------------------------------------------------
def test_questions_for_the_doctor_and_the_trial_team(store: TrialStore) -> None:
    _, messages = run(ActionShowTrialQuestions(), tracker("what should I ask", slots={"focus_nct_id": SWEDISH}))
    questions = questions_for(store.get(SWEDISH))
    assert [m["text"].splitlines()[0] for m in messages] == [
        f"Questions for your doctor about {SWEDISH}:",
        "Questions for the trial team:",
    ]
    assert messages[0]["text"].splitlines()[1:] == [f"- {q}" for q in questions.doctor]
    assert messages[1]["text"].splitlines()[1:] == [f"- {q}" for q in questions.coordinator]
    assert all(grade(m["text"]) <= 8 and not tells_can_join(m["text"]) for m in messages)


def test_a_detail_question_after_a_short_list_is_answered_for_each_trial() -> None:

    shown = ["NCT03972488", "NCT02246127"]
    _, messages = run(ActionAnswerTrialDetail(), tracker("what phase are they", slots={"result_ids": shown}))
    assert len(messages) == 1
    text = messages[0]["text"]
    assert all(nct_id in text for nct_id in shown) and "phase" in text.lower()


def test_a_detail_question_after_a_long_list_is_answered_briefly_for_each() -> None:

    shown = ["NCT03972488", "NCT02246127", "NCT00510068", "NCT01578239"]
    _, messages = run(ActionAnswerTrialDetail(), tracker("how many people are in it", slots={"result_ids": shown}))
    assert len(messages) == 1
    lines = [line for line in messages[0]["text"].splitlines() if line.startswith("- NCT")]
    assert [line.split()[1].rstrip(":") for line in lines] == shown and all("people" in line for line in lines)


def test_show_trial_with_no_trial_named_but_search_words_searches() -> None:
    from bot.profile.read import read_message

    text = "ONC201 trial cleveland"
    _, messages = run(
        ActionShowTrial(), tracker(text, slots={"profile": read_message(text).as_dict()}, intent="show_trial")
    )
    assert "ONC201" in messages[0]["text"] and NCT_FORMAT_HELP not in messages[0]["text"]


def test_any_results_after_a_trial_is_shown_is_about_that_trial() -> None:
    from actions.search_trials import ActionShowMoreTrials

    _, messages = run(ActionShowMoreTrials(), tracker("any results?", slots={"focus_nct_id": "NCT01578239"}))
    assert messages[0]["text"].startswith("NCT01578239 (NETTER-1): ") and "result" in messages[0]["text"].lower()


def test_a_drug_code_alone_searches_for_its_trials(store: TrialStore) -> None:
    from actions.show_trial import ActionShowTrial

    events, messages = run(ActionShowTrial(), tracker("TLC388", intent="show_trial"))
    assert not any("does not look like a trial number" in (m.get("text") or "") for m in messages)
    assert any(e.get("name") == "result_ids" and "NCT02457273" in (e.get("value") or []) for e in events)


def test_a_bare_nearest_hospital_with_a_trial_in_focus_gives_its_places(store: TrialStore) -> None:
    from actions.contacts import ActionFindCentres

    _, messages = run(
        ActionFindCentres(), tracker("nearest hospital?", slots={"focus_nct_id": "NCT02683941"}, intent="find_centres")
    )
    text = " ".join(m.get("text") or "" for m in messages)
    assert "Where NCT02683941 runs" in text
    assert "NET centres near me" in text
    _, messages = run(
        ActionFindCentres(),
        tracker("nearest NET centre?", slots={"focus_nct_id": "NCT02683941"}, intent="find_centres"),
    )
    assert "NET specialist centres" in " ".join(m.get("text") or "" for m in messages)


def test_a_general_question_with_no_trial_in_focus_gets_its_topic_not_which_trial(store: TrialStore) -> None:
    from actions.contacts import ActionShowTrialContacts

    message = tracker("would we have to pay for a trial abroad", intent="ask_trial_contacts")
    message.latest_message["response_selector"] = {
        "knowledge": {"response": {"intent_response_key": "knowledge/trial_costs", "confidence": 0.9}}
    }
    _, messages = run(
        ActionShowTrialContacts(), message, {"responses": {"utter_knowledge/trial_costs": [{"text": "x"}]}}
    )
    assert messages[0].get("response") == "utter_knowledge/trial_costs"


def test_an_unsure_topic_beats_which_trial_when_no_trial_was_ever_named(store: TrialStore) -> None:
    from actions.contacts import ActionShowTrialContacts

    def asked(slots: dict) -> list[dict]:
        message = tracker(
            "the research nurse wants an answer by friday about the trial, is that normal",
            slots=slots,
            intent="ask_trial_contacts",
        )
        message.latest_message["response_selector"] = {
            "knowledge": {"response": {"intent_response_key": "knowledge/deciding", "confidence": 0.3}}
        }
        return run(ActionShowTrialContacts(), message, {"responses": {"utter_knowledge/deciding": [{"text": "x"}]}})[1]

    assert asked({})[0].get("response") == "utter_knowledge/deciding"
    assert "Which trial" in (asked({"result_ids": ["NCT02358356", "NCT03972488"]})[0].get("text") or "")


def test_a_detail_answer_says_each_thing_once() -> None:
    # "which arm (it's blinded)" asks about the placebo and the groups: the placebo answer lists the groups already
    text = "my dad is on it, we don't know which arm (it's blinded). is that normal?"
    _, messages = run(ActionAnswerTrialDetail(), tracker(text, slots={"focus_nct_id": "NCT01744249"}))
    said = " ".join(m.get("text") or "" for m in messages)
    assert "placebo" in said and said.count("It has 2 groups") == 1, said
