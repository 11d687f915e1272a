"""Contact, safety and feedback actions with a real Tracker against a throwaway database."""

from __future__ import annotations

import pytest
from sqlalchemy import select

from actions.contacts import ActionFindCentres, ActionShowHelplines, ActionShowTrialContacts
from actions.feedback import ActionLogGap
from actions.safety import ActionDistress, ActionEmergency
from bot.gaps import ContentGap
from bot.trials.store import make_engine
from tests.helpers.actions import entity, run, tracker

pytestmark = pytest.mark.usefixtures("database_url_env")


@pytest.mark.parametrize(
    "entities, slots, number",
    [
        ([], {}, "999"),
        ([entity("country", "sweden")], {}, "112"),
        ([], {"country": "usa"}, "911"),
        ([entity("city", "paris")], {}, "112"),
        ([entity("city", "manchester")], {}, "999"),
    ],
)
def test_emergency_gives_the_local_number_at_once(entities, slots, number: str) -> None:  # type: ignore[no-untyped-def]
    events, messages = run(
        ActionEmergency(), tracker("my dad collapsed", intent="emergency", entities=entities, slots=slots)
    )
    assert len(messages) == 1 and messages[0]["text"].startswith(f"This sounds like an emergency. Call {number} now.")
    assert events == []


def test_an_emergency_only_guessed_gives_the_number_as_a_condition() -> None:
    unsure = tracker("can my 12 yr old have it, he has VHL like his mom", intent="emergency")
    unsure.latest_message["intent"]["confidence"] = 0.34
    _, messages = run(ActionEmergency(), unsure)
    assert messages[0]["text"].startswith("If someone is very unwell or hurt right now, call 999 now")
    assert "This sounds like an emergency" not in messages[0]["text"]


def test_distress_is_warm_and_gives_samaritans_in_the_uk() -> None:
    _, messages = run(ActionDistress(), tracker("i want to end it all", intent="distress"))
    text = messages[0]["text"]
    assert text.startswith("I'm really sorry you are feeling like this.")
    assert "116 123" in text and "call 999" in text


def test_helplines_by_country() -> None:
    _, uk = run(ActionShowHelplines(), tracker("can i talk to someone", intent="ask_helpline"))
    assert "0808 800 4040" in uk[0]["text"] and ("Open now" in uk[0]["text"] or "Closed now" in uk[0]["text"])
    _, us = run(
        ActionShowHelplines(),
        tracker("nurse line in the usa", intent="ask_helpline", entities=[entity("country", "usa")]),
    )
    assert "1-800-422-6237" in us[0]["text"]


def test_centres_near_a_city() -> None:
    _, messages = run(
        ActionFindCentres(),
        tracker("net specialist near manchester", intent="find_centres", entities=[entity("city", "manchester")]),
    )
    assert "The Christie" in messages[0]["text"]
    _, messages = run(
        ActionFindCentres(), tracker("centres in sweden", intent="find_centres", entities=[entity("country", "sweden")])
    )
    assert "Akademiska" in messages[0]["text"]


def test_trial_contacts_named_in_focus_or_missing() -> None:
    _, named = run(ActionShowTrialContacts(), tracker("who do i contact for NCT07273409", intent="ask_trial_contacts"))
    assert named[0]["text"].startswith("Contacts for NCT07273409: The record does not give contact details.")
    _, focus = run(
        ActionShowTrialContacts(),
        tracker("who do i contact", intent="ask_trial_contacts", slots={"focus_nct_id": "NCT07273409"}),
    )
    assert "NCT07273409" in focus[0]["text"]
    _, none = run(ActionShowTrialContacts(), tracker("who do i contact", intent="ask_trial_contacts"))
    assert "Which trial do you mean?" in none[0]["text"]


def test_fallback_and_unhelpful_answers_are_logged_without_personal_details(database_url_env: str) -> None:
    from rasa_sdk import Tracker

    def with_history(intent: str, texts: list[str]) -> Tracker:
        t = tracker(texts[-1], intent=intent)
        t.events = [{"event": "user", "text": x} for x in texts[:-1]] + [
            {"event": "bot", "text": "Everolimus is a targeted drug.", "metadata": {"utter_action": "utter_knowledge"}},
            {"event": "user", "text": texts[-1]},
        ]
        return t

    run(ActionLogGap(), with_history("nlu_fallback", ["hi", "can my gp ring me on 07700 900123"]))
    run(ActionLogGap(), with_history("feedback_unhelpful", ["what is everolimus", "/feedback_unhelpful"]))
    with make_engine(database_url_env).connect() as conn:
        rows = conn.execute(select(ContentGap.kind, ContentGap.text, ContentGap.answer)).all()
    assert ("fallback", "can my gp ring me on [phone]", None) in rows
    assert ("unhelpful", "what is everolimus", "utter_knowledge") in rows


def test_trial_contacts_for_a_result_pointed_at(store) -> None:  # type: ignore[no-untyped-def]
    shown = ["NCT07273409", "NCT04385992", "NCT03972488"]
    events, messages = run(
        ActionShowTrialContacts(),
        tracker("who do i contact about the second one", intent="ask_trial_contacts", slots={"result_ids": shown}),
    )
    assert messages[0]["text"].startswith("Contacts for NCT04385992:")
    assert {"event": "slot", "name": "focus_nct_id", "value": "NCT04385992", "timestamp": None} in events
