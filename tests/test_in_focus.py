"""What the last turn left in focus (issue 16): a pair just set side by side, a topic just answered,
a list just shown; a trial named by its drug; a second question in one message; one kind sentence
after support; the Samaritans line said once (actions/in_focus.py, bot/knowledge/just_compared.py)."""

from __future__ import annotations

from datetime import datetime, timezone
from typing import Any, Optional

import pytest
import textstat
import yaml

from actions.compare_trials import ActionCompareTrials
from actions.fitting import run_fitting_search
from actions.followups import ActionAnswerTrialDetail
from actions.knowledge_answer import ActionAnswerKnowledge
from actions.personal_question import ActionAnswerPersonalQuestion
from actions.show_trial import ActionShowTrial
from actions.understand import ActionAnswerOutOfScope, ActionUnderstandMessage
from bot.config import REPO_ROOT
from bot.contacts.book import default_contacts
from bot.contacts.present import helpline_text
from bot.knowledge.compare import compare_treatments
from bot.knowledge.just_compared import asks_which_is_better, just_compared, treatments_choice, trials_choice
from bot.personal.feelings import ACKNOWLEDGEMENTS
from bot.personal.handing_back import WHOLE
from bot.personal.support import OPENING, kind_word
from bot.profile.model import Profile
from bot.trials.side_by_side import side_by_side
from bot.trials.store import TrialStore
from tests.helpers.actions import run, tracker

RESPONSES = yaml.safe_load((REPO_ROOT / "data" / "nlu" / "knowledge_responses.yml").read_text())["responses"]
DOMAIN = {"responses": RESPONSES}
PAIR = ("NCT07273409", "NCT07279532")  # PANTODON (18 or over, no upper limit) and one with no age limits
LIST = ["NCT07273409", "NCT07279532", "NCT06784752", "NCT02943733", "NCT02749331"]


def _after(earlier: str, said: str, text: str, intent: str, utter_action: Optional[str] = None) -> Any:
    """The tracker for `text`, sent after `earlier` was answered with `said`."""
    bot: dict[str, Any] = {"event": "bot", "text": said}
    if utter_action:
        bot["metadata"] = {"utter_action": utter_action}
    events = [{"event": "user", "text": earlier}, bot, {"event": "user", "text": text}]
    return tracker(text, intent=intent, events=events)


def _texts(messages: list[dict[str, Any]]) -> str:
    return "\n".join(str(m.get("text") or m.get("response") or "") for m in messages)


# -- 1. which one is better, after a side by side -------------------------------------------------------------
def test_the_pair_just_compared_is_read_back() -> None:
    treatments = compare_treatments("lanreotide or octreotide?", None, asked_to_compare=True) or ""
    assert just_compared([treatments]).treatments == ("Lanreotide", "octreotide")  # type: ignore[union-attr]
    assert just_compared(["Lanreotide (Somatuline Autogel) is a somatostatin analogue."]) is None


@pytest.mark.parametrize(
    "text, asks",
    [
        ("which one is better for someone who is 80", True),
        ("which would you pick for my mum", True),
        ("is either better for him", True),
        ("which one is in Sweden", False),
    ],
)
def test_which_is_better(text: str, asks: bool) -> None:
    assert asks_which_is_better(text) is asks


def test_which_treatment_is_better_keeps_the_pair_and_hands_the_choice_back() -> None:
    compared = compare_treatments("lanreotide or octreotide?", None, asked_to_compare=True) or ""
    text = "which one is better for someone who is 80"
    _, messages = run(
        ActionAnswerPersonalQuestion(), _after("lanreotide or octreotide?", compared, text, "ask_personal_advice")
    )
    said = _texts(messages)
    assert "There is no one best choice between lanreotide and octreotide for everyone" in said and "80" in said
    assert "specialist team" in said and not any(whole in said for whole in WHOLE)


def test_which_is_better_naming_two_new_things_is_not_about_the_pair() -> None:
    compared = compare_treatments("lanreotide or octreotide?", None, asked_to_compare=True) or ""
    text = "which is better for me, PRRT or everolimus?"
    _, messages = run(
        ActionAnswerPersonalQuestion(), _after("lanreotide or octreotide?", compared, text, "ask_personal_advice")
    )
    assert "lanreotide" not in _texts(messages).lower()


@pytest.mark.usefixtures("database_url_env")
def test_which_trial_is_better_gives_each_trials_age_limits(store: TrialStore) -> None:
    first, second = (store.get(nct_id) for nct_id in PAIR)
    assert first is not None and second is not None
    text = "which one is better for someone who is 80"
    _, messages = run(
        ActionAnswerPersonalQuestion(),
        _after("compare the first two", side_by_side(first, second), text, "ask_personal_advice"),
    )
    said = _texts(messages)
    assert "In general, neither trial comes out ahead" in said
    assert "NCT07273409 (PANTODON): The record takes people aged 18 or over" in said and "age of 80 is within" in said
    assert "NCT07279532: The record does not give any age limits." in said
    assert not any(whole in said for whole in WHOLE)


@pytest.mark.usefixtures("database_url_env")
def test_which_one_is_better_read_as_a_comparison_is_about_the_pair(store: TrialStore) -> None:
    first, second = (store.get(nct_id) for nct_id in PAIR)
    assert first is not None and second is not None
    t = _after("compare the first two", side_by_side(first, second), "which one is better?", "compare_trials")
    _, messages = run(ActionCompareTrials(), t)
    assert "In general, neither trial comes out ahead" in _texts(messages)


def test_which_is_best_read_as_off_topic_is_about_the_pair() -> None:
    compared = compare_treatments("PRRT vs chemo", None, asked_to_compare=True) or ""
    _, messages = run(
        ActionAnswerOutOfScope(), _after("PRRT vs chemo", compared, "which is best for a 75 year old", "out_of_scope")
    )
    assert "There is no one best choice between PRRT and chemotherapy for everyone" in _texts(messages)


@pytest.mark.usefixtures("database_url_env")
def test_a_design_question_after_a_pair_is_answered_for_the_two(store: TrialStore) -> None:
    first, second = (store.get(nct_id) for nct_id in PAIR)
    assert first is not None and second is not None
    t = _after(
        "compare the first two", side_by_side(first, second), "is either of them randomised?", "ask_trial_detail"
    )
    t.slots["result_ids"] = LIST
    _, messages = run(ActionAnswerTrialDetail(), t, {"responses": {}})
    said = _texts(messages)
    assert "For each of the 2 trials" in said and all(nct_id in said for nct_id in PAIR)
    assert "NCT06784752" not in said


# -- 2. a follow-up on the topic just answered ---------------------------------------------------------------
def test_a_short_follow_up_on_prrt_is_answered_from_the_facts() -> None:
    t = _after(
        "what is PRRT?", "PRRT is ...", "and can i hug my grandkids", "nlu_fallback", "utter_knowledge/what_is_prrt"
    )
    _, messages = run(ActionUnderstandMessage(), t, DOMAIN)
    said = _texts(messages)
    assert "children under 10" in said and "Sorry, I didn't understand" not in said and "utter_default" not in said


def test_a_follow_up_after_a_question_naming_nothing_reads_the_topic_answered() -> None:
    t = _after(
        "can my wife sleep in the same bed as me",
        "...",
        "and can i drive home",
        "nlu_fallback",
        "utter_knowledge/prrt_home_safety",
    )
    _, messages = run(ActionUnderstandMessage(), t, DOMAIN)
    assert "does not say whether you can drive home" in _texts(messages)


def test_a_fact_of_another_treatment_is_not_added_to_a_topic_answer() -> None:
    sent = _knowledge("how long will i be off work", "surgery_recovery")
    assert sent[0] == "utter_knowledge/surgery_recovery" and not any("The same study" in s for s in sent)


@pytest.mark.parametrize(
    "earlier, topic, text",
    [
        ("what is a whipple?", "whipple", "how long will i be off work"),  # no fact of PRRT's for the Whipple
        ("what is PRRT?", None, "and can i hug my grandkids"),  # no topic was answered
        ("what is octreotide?", "octreotide", "and can i travel abroad"),  # not the fact on trials abroad
    ],
)
def test_a_follow_up_gets_no_fact_of_another_treatment(earlier: str, topic: Optional[str], text: str) -> None:
    t = _after(earlier, "...", text, "nlu_fallback", f"utter_knowledge/{topic}" if topic else None)
    _, messages = run(ActionUnderstandMessage(), t, DOMAIN)
    assert "PRRT" not in _texts(messages) and "another country" not in _texts(messages)


# -- 3. and 4. a design question with no one trial meant ------------------------------------------------------
@pytest.mark.usefixtures("database_url_env")
def test_is_it_randomised_after_a_list_is_answered_for_each_briefly() -> None:
    _, messages = run(
        ActionAnswerTrialDetail(),
        tracker("is it randomised?", intent="ask_trial_detail", slots={"result_ids": LIST}),
        DOMAIN,
    )
    said = _texts(messages)
    assert "utter_knowledge/randomisation" not in said and "Many trials are randomised" not in said
    lines = [line for line in said.splitlines() if line.startswith("- NCT")]
    assert [line.split()[1].rstrip(":") for line in lines] == LIST
    assert all(line.split(": ", 1)[1].startswith(("Yes", "No", "The record")) for line in lines)


@pytest.mark.usefixtures("database_url_env")
def test_a_trial_named_by_its_drug_is_found_and_answered_from_the_record() -> None:
    events, messages = run(
        ActionAnswerTrialDetail(), tracker("is the lutathera trial randomised?", intent="ask_trial_detail"), DOMAIN
    )
    said = _texts(messages)
    assert said.startswith("Our list has") and "open trials of Lutathera" in said
    assert "utter_knowledge/randomisation" not in said and "NETTER-2, people were randomly" not in said
    assert "NCT06784752 (NETTER-3): Yes." in said
    shown = next(e["value"] for e in events if e.get("name") == "result_ids")
    assert shown[0] == "NCT06784752"  # "the first one" next means the first listed


@pytest.mark.usefixtures("database_url_env")
@pytest.mark.parametrize(
    "text, answered",
    [
        ("is the CLARINET trial randomised?", "NCT00353496 (CLARINET): Yes. It is randomised."),
        ("who runs CLARINET?", "NCT00353496 (CLARINET): It is run by Ipsen."),
        ("CLARINET", "also called CLARINET"),  # no question: the whole view
    ],
)
def test_a_trial_named_by_its_acronym_with_a_design_question(text: str, answered: str) -> None:
    events, messages = run(ActionShowTrial(), tracker(text, intent="show_trial"))
    assert messages[0]["text"].startswith(answered) or answered in messages[0]["text"]
    assert any(e.get("name") == "focus_nct_id" and e.get("value") == "NCT00353496" for e in events)


@pytest.mark.usefixtures("database_url_env")
def test_a_drug_named_in_the_story_is_not_a_trial_named() -> None:
    text = "husband is on the pembro trial. new itchy rash... is that from the immunotherapy?"
    _, messages = run(ActionAnswerTrialDetail(), tracker(text, intent="ask_trial_detail"), DOMAIN)
    assert "Our list has" not in _texts(messages)


# -- 5. a second question in the same message -----------------------------------------------------------------
def _knowledge(text: str, topic: str) -> list[str]:
    t = tracker(text, intent="knowledge")
    t.latest_message["response_selector"] = {
        "knowledge": {"response": {"intent_response_key": f"knowledge/{topic}", "confidence": 0.9}}
    }
    _, messages = run(ActionAnswerKnowledge(), t, DOMAIN)
    return [str(m.get("response") or m.get("text") or "") for m in messages]


@pytest.mark.parametrize(
    "text, topic",
    [
        ("what is PRRT? and is NEC worse than NET?", "what_is_prrt"),
        ("how long does lanreotide take to work and is NEC worse than NET?", "lanreotide"),
    ],
)
def test_a_second_question_gets_its_own_answer(text: str, topic: str) -> None:
    sent = _knowledge(text, topic)
    assert sent[0] == f"utter_knowledge/{topic}" and "utter_knowledge/net_or_nec" in sent


@pytest.mark.parametrize(
    "text, topic",
    [
        ("what is PRRT? is it for grade 3?", "what_is_prrt"),  # points back at PRRT
        ("what is a NEC? is it worse than a NET?", "net_or_nec"),  # one topic
    ],
)
def test_a_question_pointing_back_gets_no_second_topic(text: str, topic: str) -> None:
    assert [s for s in _knowledge(text, topic) if s.startswith("utter_knowledge/")] == [f"utter_knowledge/{topic}"]


# -- 6. one kind sentence after the support -----------------------------------------------------------------
SUPPORT = f"{OPENING}\nYou don't have to face this alone.\nNow to your question."


def test_no_second_kind_word_after_the_support() -> None:
    assert kind_word("we're so scared. what is PRRT?", [SUPPORT]) is None
    assert kind_word("we're so scared. what is PRRT?", ["Hello"]) in ACKNOWLEDGEMENTS


def _after_support(text: str, intent: str) -> Any:
    return tracker(text, intent=intent, events=[{"event": "user", "text": text}, {"event": "bot", "text": SUPPORT}])


@pytest.mark.parametrize(
    "action, intent",
    [(ActionAnswerKnowledge(), "knowledge"), (ActionAnswerTrialDetail(), "ask_trial_detail")],
)
def test_the_answers_after_support_add_no_kind_sentence(action: Any, intent: str) -> None:
    _, messages = run(action, _after_support("we are so scared. how long is PRRT treatment?", intent), DOMAIN)
    assert not any(m.get("text") in ACKNOWLEDGEMENTS for m in messages)


@pytest.mark.usefixtures("database_url_env")
def test_the_trials_after_support_add_no_kind_sentence(store: TrialStore) -> None:
    from rasa_sdk.executor import CollectingDispatcher

    dispatcher = CollectingDispatcher()
    t = _after_support("we are so scared, my dad has a pnet. are there any trials?", "search_trials")
    run_fitting_search(dispatcher, t, Profile(site="pancreas"))
    assert dispatcher.messages and not any(m.get("text") in ACKNOWLEDGEMENTS for m in dispatcher.messages)


# -- 7. a line open all day says so once --------------------------------------------------------------------------
def test_a_line_open_all_day_says_its_hours_once() -> None:
    samaritans = next(h for h in default_contacts().helplines_for("GB", "emotional_support") if "Samaritans" in h.name)
    text = helpline_text(samaritans, datetime(2026, 12, 7, 3, 0, tzinfo=timezone.utc))
    assert "24 hours a day, every day" in text and "Open now" not in text and "open all day" not in text


# -- new patient-facing texts: plain, and never a verdict --------------------------------------------------------
@pytest.mark.parametrize(
    "text",
    [
        treatments_choice("Lanreotide", "octreotide", 80),
        treatments_choice("PRRT", "chemotherapy", None),
        trials_choice(["NCT07273409: The record does not give any age limits."], "him"),
        trials_choice([], "you"),
    ],
)
def test_the_choice_texts_are_plain_and_decide_nothing(text: str) -> None:
    assert textstat.flesch_kincaid_grade(text) <= 8
    assert not any(word in text.lower() for word in ("eligible", "qualify", "better for you", "you should"))


@pytest.mark.usefixtures("database_url_env")
def test_a_design_question_read_as_a_topic_is_answered_from_the_records() -> None:
    said = _texts(
        run(
            ActionAnswerKnowledge(),
            tracker("is the cabozantinib study placebo controlled?", intent="knowledge"),
            DOMAIN,
        )[1]
    )
    assert said.startswith("Our list has 2 open trials of Cabozantinib") and "placebo" in said
    assert _knowledge("what does randomised mean?", "randomisation") == ["utter_knowledge/randomisation"]


@pytest.mark.usefixtures("database_url_env")
def test_brief_age_answers_still_say_who_decides() -> None:
    t = tracker("would my dad be too old at 80?", intent="ask_trial_detail", slots={"result_ids": LIST})
    said = _texts(run(ActionAnswerTrialDetail(), t, DOMAIN)[1])
    assert said.count("age of 80 is within") >= 3 and "Only each trial's team can say if it fits" in said
