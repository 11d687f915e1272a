"""The profile through the actions: kept from every message, used by search, the pre-screen and
the helpline, crisis and emergency answers. Real trial database, real rasa_sdk trackers."""

from __future__ import annotations

import asyncio
from typing import Any

import pytest
from rasa_sdk.executor import CollectingDispatcher

from actions.prescreen import ValidatePrescreenForm
from actions.profile import ValidateSlotMappings
from actions.safety import ActionDistress, ActionEmergency
from actions.search_trials import ActionSearchTrials
from bot.profile.model import Profile
from bot.profile.read import read_message
from tests.helpers.actions import run, tracker

pytestmark = pytest.mark.usefixtures("database_url_env")
PRESCREEN_SLOTS = [
    "ps_age",
    "ps_sex",
    "ps_site",
    "ps_grade",
    "ps_spread",
    "ps_functioning",
    "ps_treatments",
    "ps_place",
]


CUSTOM = {"mappings": [{"type": "custom"}]}


def slots_after(*turns: str) -> dict[str, Any]:
    slots: dict[str, Any] = {}
    for turn in turns:
        events, _ = run(
            ValidateSlotMappings(),
            tracker(turn, slots=dict(slots), intent="search_trials"),
            {"slots": {"profile": CUSTOM, "asking_for": CUSTOM}},
        )
        slots.update({e["name"]: e["value"] for e in events if e["event"] == "slot"})
    return slots


def profile_after(*turns: str) -> dict[str, Any]:
    return slots_after(*turns).get("profile") or {}


def test_every_message_updates_the_profile_and_corrections_win() -> None:
    profile = profile_after("my dad has a pnet", "he is 58", "we're in the US btw", "sorry he's 68 not 58")
    assert profile["about"] == "parent" and profile["age"] == 68 and profile["place"]["country"] == "US"


def test_the_pre_screen_wording_follows_who_the_chat_is_about() -> None:
    assert slots_after("check which trials might suit my mum")["asking_for"] == "someone else"
    assert (
        slots_after("my mum has a pnet", "actually it's me who has it, I have a pnet in my pancreas")["asking_for"]
        == "self"
    )


def test_button_payloads_do_not_change_the_profile() -> None:
    assert profile_after('/show_trial{"nct_id":"NCT07273409"}') == {}


def test_a_story_gets_trials_ranked_by_fit_with_a_line_of_why() -> None:
    story = (
        "my husband is 71, they found a NET in his pancreas in march and its in his lymph nodes too, he had half "
        "his pancreas out and now has the monthly injections, is there anything he could try next"
    )
    profile = read_message(story).as_dict()
    events, messages = run(ActionSearchTrials(), tracker(story, slots={"profile": profile}, intent="search_trials"))
    text = "\n".join(m.get("text") or "" for m in messages)
    assert "Try fewer words" not in text
    assert messages[0]["text"].startswith("I looked for open trials in our list and found")
    cards = [m for m in messages if m.get("buttons")]
    assert 1 <= len(cards) <= 5 and all("Why: " in c["text"] for c in cards)
    shown = next(e["value"] for e in events if e["name"] == "result_ids")
    assert "NCT04711135" not in shown  # a trial for adolescents is set aside for a 71-year-old
    assert (
        "last, because something in the record may not fit" in text and "Only the trial team can say for sure." in text
    )


def test_a_wish_for_prrt_outside_the_country_is_relaxed_and_said() -> None:
    profile = read_message("im 60 with a pnet, any prrt trials in ireland?").as_dict()
    _, messages = run(
        ActionSearchTrials(), tracker("any prrt trials in ireland?", slots={"profile": profile}, intent="search_trials")
    )
    assert messages[0]["text"].startswith("I found no open PRRT trials in Ireland in our list. Leaving out the place")


@pytest.mark.parametrize(
    ("said", "crisis_number", "emergency_number"),
    [
        ("I live in the US", "988", "911"),
        ("we're in Sweden", "112", "112"),
        ("I'm in Dublin", "116 123", "112"),
        ("I'm in Leeds", "116 123", "999"),
    ],
)
def test_crisis_and_emergency_numbers_follow_the_country_said_earlier(
    said: str, crisis_number: str, emergency_number: str
) -> None:
    profile = read_message(said).as_dict()
    slots = {"profile": profile}
    _, crisis = run(ActionDistress(), tracker("i dont want to be a burden anymore", intent="distress", slots=slots))
    _, emergency = run(ActionEmergency(), tracker("she collapsed", intent="emergency", slots=slots))
    assert crisis_number in crisis[0]["text"] and f"call {emergency_number}" in crisis[0]["text"]
    assert f"Call {emergency_number} now" in emergency[0]["text"]


def test_the_prescreen_asks_only_what_it_does_not_know() -> None:
    profile = read_message("I'm 63, a woman, my pnet is grade 2 and has spread to my liver. we live in Leeds").as_dict()
    domain = {"forms": {"prescreen_form": {"required_slots": PRESCREEN_SLOTS}}, "slots": {}}
    form = ValidatePrescreenForm()
    still_asked = asyncio.run(
        form.required_slots(
            PRESCREEN_SLOTS,
            CollectingDispatcher(),
            tracker("yes", slots={"profile": profile}, intent="search_trials"),
            domain,
        )
    )
    assert still_asked == ["ps_functioning", "ps_treatments"]


def test_an_empty_or_contradictory_profile_never_breaks_the_search() -> None:
    for profile in ({}, {"age": 40}, Profile(age=70, about="self").as_dict(), {"age": "x", "wants": None}):
        _, messages = run(
            ActionSearchTrials(), tracker("any trials", slots={"profile": profile}, intent="search_trials")
        )
        assert messages and "Traceback" not in str(messages)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("NETTER-2 still recruiting UK? sites pls", "NETTER-2"),
        ("anything at the christie", "Christie"),
        ("the novartis one for teenagers", "Novartis"),
    ],
)
def test_staff_look_ups_in_the_chat(text: str, expected: str) -> None:
    _, messages = run(ActionSearchTrials(), tracker(text, intent="search_trials"))
    assert expected.lower() in messages[0]["text"].lower(), messages[0]["text"]


def test_a_name_we_do_not_know_is_said_to_be_unknown_not_every_trial() -> None:
    _, messages = run(ActionSearchTrials(), tracker("find trials of zolbetuximab", intent="search_trials"))
    text = "\n".join(m.get("text") or "" for m in messages)
    assert "zolbetuximab" in text and "I found" not in text


def test_several_questions_get_a_button_for_each_other_one() -> None:
    _, messages = run(
        ActionSearchTrials(),
        tracker("what is prrt and are there trials in france and how long does it take", intent="search_trials"),
    )
    asked = next(m for m in messages if "more than one thing" in (m.get("text") or ""))
    assert [b["payload"] for b in asked["buttons"]] == ["how long does it take"]
    # "what is prrt" is answered before the trials with its topic (bot/knowledge/nearest_topic.py), not a button
    assert "radiotherapy given from inside the body" in (messages[0].get("text") or "")


def test_who_can_join_is_set_next_to_what_the_person_told_us() -> None:
    from actions.followups import ActionShowEligibility

    profile = read_message("my dad is 71 and his pnet is grade 2").as_dict()
    _, messages = run(
        ActionShowEligibility(),
        tracker("who can join NCT07273409", intent="ask_eligibility", slots={"profile": profile}),
    )
    compared = messages[-1]["text"]
    assert compared.startswith("Next to what you told me:")
    assert "You said 71." in compared and "grade" in compared.lower()
    assert "Only the trial team can say" in compared or "trial team" in compared


@pytest.mark.parametrize(
    ("text", "searched"),
    [
        ("clarinet forte", True),
        ("anything at the Christie?", True),
        ("my aunt has breast cancer what are her options", False),
        ("who will win the premier league", False),
    ],
)
def test_off_topic_gets_the_kind_answer_but_a_named_trial_gets_the_search(text: str, searched: bool) -> None:
    from actions.understand import ActionAnswerOutOfScope

    _, messages = run(ActionAnswerOutOfScope(), tracker(text, intent="out_of_scope"))
    assert (messages[0].get("response") == "utter_out_of_scope") is not searched, messages[0]


def test_a_place_they_live_is_not_read_as_a_sponsor_and_nothing_fitting_nearby_looks_further() -> None:
    text = "Hi, I'm 58 and live in Ohio. Pancreatic NET grade 3, spread to liver. Is there anything with immunotherapy?"
    _, messages = run(
        ActionSearchTrials(), tracker(text, slots={"profile": read_message(text).as_dict()}, intent="search_trials")
    )
    assert "Ohio State" not in messages[0]["text"]
    nec = (
        "my wife is 39, poorly differentiated neuroendocrine carcinoma of the pancreas. we live in Chicago. any trials?"
    )
    _, messages = run(
        ActionSearchTrials(), tracker(nec, slots={"profile": read_message(nec).as_dict()}, intent="search_trials")
    )
    assert "open trials within about 60 miles of Chicago, Illinois" in messages[0]["text"]
    set_aside = messages[-1]["text"]  # trials only for well-differentiated NETs (title or inclusion criteria)
    assert set_aside.startswith("I put ") and "well-differentiated NETs. You said NEC" in set_aside
    neuroectodermal = ("Everolimus as Maintenance", "ONC201")  # "primitive neuroectodermal tumor (PNET)"
    assert not any(
        "start in the pancreas" in m.get("text", "") and any(title in m.get("text", "") for title in neuroectodermal)
        for m in messages
    )


def test_a_frightened_search_is_heard_before_the_trials() -> None:
    from bot.personal.feelings import ACKNOWLEDGEMENTS

    story = (
        "my wife was told she has a NET in her pancreas 2 weeks ago. shes 45. we are so scared. are there any trials"
    )
    profile = read_message(story).as_dict()
    _, messages = run(ActionSearchTrials(), tracker(story, slots={"profile": profile}, intent="search_trials"))
    assert messages[0]["text"] in ACKNOWLEDGEMENTS and "trial" in messages[1]["text"]
    _, plain = run(ActionSearchTrials(), tracker("any trials for a pnet in leeds", intent="search_trials"))
    assert plain[0]["text"] not in ACKNOWLEDGEMENTS


@pytest.mark.parametrize(
    "text, language",
    [
        ("Hej, jag opererades i bukspottkörteln förra året och har nu fått diabetes. Är det vanligt?", "Swedish"),
        ("Mia madre ha un tumore al pancreas, cosa posso fare?", "Italian"),
    ],
)
def test_a_message_in_another_language_is_told_english_only_not_off_topic(text: str, language: str) -> None:
    from actions.understand import ActionAnswerOutOfScope, ActionUnderstandMessage

    _, messages = run(ActionAnswerOutOfScope(), tracker(text, intent="out_of_scope"))
    assert language in messages[0]["text"] and "English" in messages[0]["text"], messages
    assert "call 112" in messages[1]["text"] and "999" not in messages[1]["text"], messages  # their country's number
    _, messages = run(
        ActionUnderstandMessage(), tracker("Hallo, wie geht es dir heute und was machst du?", intent="nlu_fallback")
    )
    assert "German" in messages[0]["text"], messages  # not understood, not "sorry, I didn't understand"


def test_show_more_after_trials_ranked_by_fit_gives_the_next_ones() -> None:
    from actions.search_trials import ActionShowMoreTrials

    story = "my mum is 70, pnet with liver mets, on lanreotide, any trials?"
    slots = {"profile": read_message(story).as_dict()}
    events, _ = run(ActionSearchTrials(), tracker(story, slots=slots, intent="search_trials"))
    first = next(e["value"] for e in events if e.get("name") == "result_ids")
    assert len(first) == 5
    events, messages = run(
        ActionShowMoreTrials(), tracker("show me more", slots={**slots, "result_ids": first}, intent="show_more_trials")
    )
    following = next(e["value"] for e in events if e.get("name") == "result_ids")
    assert messages[0]["text"].startswith("Here are 5 more trials")
    assert following and not set(following) & set(first)
