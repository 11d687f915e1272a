"""The general part of a personal question: feelings acknowledged, refusals varied, and what a
trial's criteria say about something the person has (bot/personal/, bot/trials/mentions.py,
actions/personal_question.py)."""

from __future__ import annotations

import json
from datetime import datetime, timezone

import pytest
from rasa_sdk import Tracker

from actions.personal_question import ActionAnswerPersonalQuestion, asks_only_a_decision
from actions.topics import general_topic
from bot.config import SHIPPED_TRIALS_DIR
from bot.contacts.book import default_contacts
from bot.eligibility.forbidden_words import tells_can_join
from bot.personal.feelings import ACKNOWLEDGEMENTS, acknowledgement, first_unsaid, shows_feeling
from bot.personal.handing_back import AFTER_GENERAL, WHOLE, whole_question
from bot.personal.support import support_answer
from bot.trials.mentions import asked_thing_words, asks_if_it_rules_out, criteria_look_up, criteria_mentioning
from bot.trials.store import TrialStore
from tests.helpers.actions import run, tracker

NETTER_2 = "NCT03972488"


def _criteria(nct_id: str) -> str:
    for path in SHIPPED_TRIALS_DIR.glob("*.json"):
        record = json.loads(path.read_text())
        section = record.get("protocolSection", record)
        if section["identificationModule"]["nctId"] == nct_id:
            return section["eligibilityModule"]["eligibilityCriteria"]
    raise LookupError(nct_id)


@pytest.mark.parametrize(
    "text",
    [
        "is temozolomide taken by mouth? i'm terrified of needles",
        "we're both in bits",
        "constant diarrhoea, i'm at the end of my rope",
        "kinda nervous tbh",
        "Im SCARED",
        "I’m so worried about mum",
        "on the loo 8 times a day, I'm exhausted",
        "PRRT scares me now",
        "dont want to ask again, i feel stupid",
        "honestly can't cope with the waiting",
        "bit anxious about the scan",
        "told last week it has spread, we are all still in shock",
        "my sister is in complete shock",
        "honestly reeling from the news",
        "it knocked us for six",
        "is that normal or are they not telling us everything",
        "feels like the surgeon is hiding something",
        "her mouth is full of ulcers, she doesnt want to bother the team",
        "i don't want to make a fuss but is this normal",
    ],
)
def test_feelings_are_seen(text: str) -> None:
    assert shows_feeling(text)


@pytest.mark.parametrize(
    "text",
    [
        "is temozolomide taken by mouth?",
        "how long is the follow up",
        "what is a whipple",
        "is he in shock after the surgery?",
        "is he still in shock after surgery?",
        "can a carcinoid crisis cause shock",
        "",
    ],
)
def test_plain_questions_show_no_feeling(text: str) -> None:
    assert not shows_feeling(text)


def test_wording_never_repeats_until_all_were_used() -> None:
    said: list[str] = []
    for _ in ACKNOWLEDGEMENTS:
        said.append(acknowledgement(said))
    assert sorted(said) == sorted(ACKNOWLEDGEMENTS)
    assert acknowledgement(said) == said[0]  # the least recently used comes back first
    assert first_unsaid(WHOLE, [f"intro {WHOLE[0]} outro"]) == WHOLE[1]
    for line in (*AFTER_GENERAL, *WHOLE, *ACKNOWLEDGEMENTS):
        assert not tells_can_join(line)


@pytest.mark.parametrize(
    "text",
    [
        "would that stop me joining this one?",
        "does that rule me out",
        "im on lanreotide, would I have to come off it to do this trial",
        "would his diabetes be a problem for this one",
        "does that count against her",
        "could he still join if he had a whipple",
        "is she allowed on it with a stent",
    ],
)
def test_questions_about_ruling_out(text: str) -> None:
    assert asks_if_it_rules_out(text)


@pytest.mark.parametrize("text", ["how long is the follow up", "where does it run", "what is a stent"])
def test_other_questions_are_not_about_ruling_out(text: str) -> None:
    assert not asks_if_it_rules_out(text)


def test_a_drug_is_found_by_its_class_in_the_criteria() -> None:
    found = criteria_mentioning(_criteria(NETTER_2), "im on lanreotide, would I have to come off it to do this trial")
    assert found and all(m.section == "exclusion" for m in found)
    assert any("6 weeks" in m.text for m in found)  # "SSAs ... cannot be interrupted for at least 6 weeks"


def test_a_drug_with_its_time_window() -> None:
    found = criteria_mentioning(_criteria(NETTER_2), "I had everolimus last year for 4 months, does that rule me out")
    assert any("12 weeks" in m.text and "1 month" in m.text for m in found)


def test_words_of_the_question_are_not_the_thing_asked_about() -> None:
    question = "I've had a stent put in from when i went yellow, would that stop me joining this one?"
    found = criteria_mentioning(_criteria(NETTER_2), question)  # "yellow" is the criteria's bilirubin, not "stent"
    assert [m.text for m in found] == ["Total bilirubin > 3 x ULN"]
    assert asked_thing_words(question) == '"stent" or "yellow"'
    assert criteria_mentioning(_criteria(NETTER_2), "does that count against him") == []


def test_the_action_quotes_the_focus_trials_criteria() -> None:
    _, messages = run(
        ActionAnswerPersonalQuestion(),
        tracker("my dad has diabetes, would that stop him joining?", slots={"focus_nct_id": NETTER_2}),
    )
    text = messages[-1]["text"]
    assert "diabetes" in text and "trial team" in text and not tells_can_join(text)


def test_the_action_answers_the_general_part_and_hands_back_the_rest() -> None:
    domain = {"responses": {"utter_knowledge/captem": [{"text": "CAPTEM ..."}]}}
    _, messages = run(
        ActionAnswerPersonalQuestion(),
        tracker("is temozolomide taken by mouth? my onc said captem and i'm terrified"),
        domain,
    )
    assert messages[0]["text"] in ACKNOWLEDGEMENTS
    assert messages[1]["response"] == "utter_knowledge/captem"
    assert "by mouth" in messages[2]["text"]  # the one fact the short topic answer leaves out
    assert messages[3]["text"] in AFTER_GENERAL


def test_the_one_fact_is_not_added_when_the_topic_answer_already_gives_it() -> None:
    said = "CAPTEM is all taken by mouth at home. Temozolomide is a capsule and capecitabine is a tablet."
    domain = {"responses": {"utter_knowledge/captem": [{"text": said}]}}
    _, messages = run(
        ActionAnswerPersonalQuestion(),
        tracker("is temozolomide taken by mouth? my onc said captem and i'm terrified"),
        domain,
    )
    assert messages[1]["response"] == "utter_knowledge/captem"
    assert messages[2]["text"] in AFTER_GENERAL


def test_a_decision_is_handed_back_whole_with_the_helplines() -> None:
    events = [{"event": "bot", "text": whole_question([])}]
    domain = {"responses": {"utter_knowledge/lanreotide": [{"text": "Lanreotide ..."}]}}
    _, messages = run(ActionAnswerPersonalQuestion(), tracker("should i come off my lanreotide", events=events), domain)
    assert messages[0]["text"] == WHOLE[1]  # not the words it used a moment ago
    assert "helpline" in messages[1]["text"].lower() or "nurse" in messages[1]["text"].lower()


def test_after_the_support_just_given_the_decision_is_handed_back_without_a_second_list() -> None:
    support = support_answer(default_contacts(), "GB", datetime(2026, 12, 7, 21, 0, tzinfo=timezone.utc))
    events = [{"event": "bot", "text": support}]
    domain = {"responses": {"utter_knowledge/lanreotide": [{"text": "Lanreotide ..."}]}}
    _, messages = run(ActionAnswerPersonalQuestion(), tracker("should i come off my lanreotide", events=events), domain)
    assert len(messages) == 1 and messages[0]["text"] in WHOLE


def _with_topic(text: str, topic: str) -> Tracker:
    t = tracker(text)
    t.latest_message["response_selector"] = {
        "knowledge": {"response": {"intent_response_key": f"knowledge/{topic}", "confidence": 0.9}}
    }
    return t


@pytest.mark.usefixtures("database_url_env")
def test_a_story_with_a_question_of_fact_gets_the_fact_not_a_search() -> None:
    from actions.understand import ActionUnderstandMessage

    domain = {"responses": {"utter_knowledge/octreotide": [{"text": "Octreotide ..."}]}}
    t = _with_topic(
        "dad's on sandostatin lar, nurse does it in his bum. could he do it himself, im so worried", "octreotide"
    )
    _, messages = run(ActionUnderstandMessage(), t, domain)
    assert [m.get("response") for m in messages][1] == "utter_knowledge/octreotide"
    assert messages[0]["text"] in ACKNOWLEDGEMENTS and messages[-1]["text"] in AFTER_GENERAL


@pytest.mark.usefixtures("database_url_env")
def test_a_story_asking_what_to_try_is_still_a_search() -> None:
    from actions.understand import ActionUnderstandMessage

    domain = {"responses": {"utter_knowledge/octreotide": [{"text": "Octreotide ..."}]}}
    t = _with_topic(
        "my husband is 71, he has a pancreatic NET and has had octreotide, is there anything he could try next",
        "octreotide",
    )
    _, messages = run(ActionUnderstandMessage(), t, domain)
    assert not any(m.get("response") == "utter_knowledge/octreotide" for m in messages)
    assert "trial" in messages[0]["text"].lower()


def _classified(text: str, intent: str):  # type: ignore[no-untyped-def]
    from rasa.shared.nlu.training_data.message import Message

    message = Message(data={"text": text})
    message.set("intent", {"name": intent, "confidence": 0.8})
    message.set("intent_ranking", [{"name": intent, "confidence": 0.8}])
    return message


@pytest.mark.parametrize(
    "text, intent, expected",
    [
        ("what do they take out in a whipple? we're both in bits", "knowledge", "ask_personal_advice"),
        ("what do they take out in a whipple?", "knowledge", "knowledge"),
        ("im so scared, find me a trial", "search_trials", "search_trials"),
    ],
)
def test_a_question_of_fact_asked_in_fear_gets_the_kind_answer(text: str, intent: str, expected: str) -> None:
    from components.feeling_router import FeelingRouter

    [message] = FeelingRouter().process([_classified(text, intent)])
    assert message.get("intent")["name"] == expected


@pytest.mark.parametrize(
    "text",
    [
        "flying to tenerife 10 days after my second PRRT. anything i need to know at the airport?",
        "why have they ordered a calcium blood test for me? i have a pancreatic NET",
        "what is PRRT?",
    ],
)
def test_a_plain_knowledge_question_about_their_own_situation_stays_knowledge(text: str) -> None:
    # action_answer_knowledge gives the fact and who can say how it applies (tests/test_knowledge_answer.py)
    from components.feeling_router import FeelingRouter

    [message] = FeelingRouter().process([_classified(text, "knowledge")])
    assert message.get("intent")["name"] == "knowledge"


@pytest.mark.parametrize(
    "text, expected",
    [
        ("is a glass of wine ok? i flush a lot", "ask_personal_advice"),  # a fact answers their own point
        ("is a glass of wine ok? flushing is common", "nlu_fallback"),  # not about their own situation
        ("im so scared of all this", "nlu_fallback"),  # a feeling alone: the unsure answer's own way
    ],
)
def test_an_unsure_message_about_their_own_situation_that_one_fact_answers(text: str, expected: str) -> None:
    from components.feeling_router import FeelingRouter

    [message] = FeelingRouter().process([_classified(text, "nlu_fallback")])
    assert message.get("intent")["name"] == expected


def test_the_topic_is_trusted_when_the_classifier_chose_knowledge_itself() -> None:
    domain = {"responses": {"utter_knowledge/whipple": [{"text": "w"}]}}
    t = tracker("what do they take out in a whipple? we're both in bits")
    t.latest_message["response_selector"] = {
        "knowledge": {"response": {"intent_response_key": "knowledge/whipple", "confidence": 0.3}}
    }
    assert general_topic(t, domain) is None  # unsure, and the classifier did not choose a topic
    t.latest_message["intent_ranking"] = [
        {"name": "ask_personal_advice", "confidence": 1.0},
        {"name": "knowledge", "confidence": 0.7},
    ]
    assert general_topic(t, domain) == "utter_knowledge/whipple"


@pytest.mark.parametrize(
    "text, expected",
    [
        (
            "Mum was diagnosed with NEC (G3, small cell type). Why isn't she being offered the lanreotide injections?",
            "utter_knowledge/net_or_nec",
        ),
        ("mum has a NEC. how is the lanreotide injection given?", "utter_knowledge/lanreotide"),  # not asked why not
        ("my NET is grade 2, why isn't she being offered lanreotide?", "utter_knowledge/lanreotide"),  # not a NEC
    ],
)
def test_a_net_treatment_asked_about_for_a_nec_is_answered_by_how_they_differ(text: str, expected: str) -> None:
    domain = {
        "responses": {"utter_knowledge/lanreotide": [{"text": "l"}], "utter_knowledge/net_or_nec": [{"text": "n"}]}
    }
    t = tracker(text)
    t.latest_message["response_selector"] = {
        "knowledge": {"response": {"intent_response_key": "knowledge/lanreotide", "confidence": 0.9}}
    }
    assert general_topic(t, domain) == expected


@pytest.mark.parametrize(
    "question, found",
    [
        ("he's diabetic, would that stop him joining", "diabetes"),
        ("my son has MEN1 would that be a problem", None),  # NETTER-2 does not name it; SANO does (below)
        ("im on blood thinners does that matter", None),
    ],
)
def test_lay_words_find_the_criteria_words(question: str, found: str | None) -> None:
    mentions = criteria_mentioning(_criteria(NETTER_2), question)
    assert (found in " ".join(m.text for m in mentions).lower()) if found else mentions == []


def test_an_id_with_a_digit_is_looked_for() -> None:
    assert any("MEN1" in m.text for m in criteria_mentioning(_criteria("NCT02705651"), "my son has MEN1, a problem?"))


def test_no_criteria_text_is_said_plainly() -> None:
    from bot.trials.mentions import mentions_text

    text = mentions_text("NCT04919226", "had PRRT before, does that rule me out", [], has_criteria=False)
    assert "does not include its full list" in text and "do not mention" not in text


def test_who_can_join_answers_the_one_thing_asked_about() -> None:
    from actions.followups import ActionShowEligibility

    _, messages = run(
        ActionShowEligibility(),
        tracker("she's diabetic, would that stop her joining this one", slots={"focus_nct_id": NETTER_2}),
    )
    assert len(messages) == 1 and "diabetes" in messages[0]["text"] and "trial team" in messages[0]["text"]


@pytest.mark.usefixtures("database_url_env")
def test_two_treatments_weighed_in_fear_are_put_side_by_side() -> None:
    t = _with_topic("everolimus vs sunitinib for pnet, my onc said its my choice and i cant sleep", "everolimus")
    _, messages = run(ActionAnswerPersonalQuestion(), t, {"responses": {"utter_knowledge/everolimus": [{"text": "e"}]}})
    assert messages[0]["text"] in ACKNOWLEDGEMENTS
    assert "Everolimus" in messages[1]["text"] and "Sunitinib" in messages[1]["text"]
    assert messages[2]["text"] in AFTER_GENERAL


@pytest.mark.parametrize("text", ["177Lu-DOTA-EB-TATE", "lu177 dotatate EB", "everolimus tabs?"])
def test_a_name_with_nothing_to_note_is_explained_not_thanked_for(text: str) -> None:
    from actions.understand import ActionUnderstandMessage

    domain = {
        "responses": {
            "utter_knowledge/what_is_prrt": [{"text": "PRRT ..."}],
            "utter_knowledge/everolimus": [{"text": "Everolimus ..."}],
        }
    }
    _, messages = run(ActionUnderstandMessage(), tracker(text), domain)
    assert messages and not (messages[0].get("text") or "").startswith("Thank you")


def test_a_thing_the_criteria_do_not_mention_is_said_before_the_rest(store: TrialStore) -> None:
    netter_2 = store.get("NCT03972488")
    assert netter_2 is not None
    said = criteria_look_up(
        netter_2, "I've had a stent put in from when i went yellow, would that stop me joining this one?"
    )
    assert said.startswith('NCT03972488: the criteria in the record do not mention "stent".')
    assert "bilirubin" in said


@pytest.mark.parametrize(
    "text",
    [
        "the research nurse wants an answer by friday and i feel really pushed",
        "honestly it feels like being a guinea pig",
        "are they fobbing me off",
    ],
)
def test_pressure_and_frustration_are_feelings_too(text: str) -> None:
    assert shows_feeling(text)


def test_a_story_asks_about_the_treatment_to_come_not_the_one_had() -> None:
    from actions.topics import _not_the_one_they_had

    responses = {"utter_knowledge/lanreotide": [{"text": "l"}], "utter_knowledge/sunitinib": [{"text": "s"}]}
    story = (
        "Had the lanreotide jab every 4 weeks for a year, but the last CT showed growth so the MDT have said "
        "sunitnib is next and I start next week. What side effects should I look out for?"
    )
    assert _not_the_one_they_had("utter_knowledge/lanreotide", story, responses) == "utter_knowledge/sunitinib"
    assert (
        _not_the_one_they_had("utter_knowledge/lanreotide", "lanreotide or sunitinib, which is gentler?", responses)
        is None
    )


@pytest.mark.parametrize(
    "text",
    [
        "why do trials have so many rules? which isnt fair when you're the one who's sick",
        "that seems so cruel when she has cancer",
        "why is nobody even talking about it",
        "Nobody explain to us.",
        "feels like they're just guessing",
    ],
)
def test_unfairness_and_being_left_in_the_dark_are_feelings_too(text: str) -> None:
    assert shows_feeling(text)


@pytest.mark.parametrize(
    "text, about_criteria",
    [
        ("i've had a stent put in my bile duct, would that stop me joining this one?", True),
        ("im on lanreotide, would I have to come off it to do this trial", True),
        ("I had everolimus last year for 4 months, does that rule me out", True),
        ("my daughter has MEN1 like me. what else does MEN1 affect apart from the pancreas?", False),
    ],
)
def test_only_a_question_about_joining_is_looked_up_in_the_criteria(text: str, about_criteria: bool) -> None:
    from actions.personal_question import asks_about_its_criteria

    assert asks_about_its_criteria(text) is about_criteria


def test_a_general_question_asked_with_a_trial_in_focus_gets_the_general_answer() -> None:
    text = "my daughter has MEN1 like me, shes 19. what else does MEN1 affect apart from the pancreas? scared for her"
    _, messages = run(ActionAnswerPersonalQuestion(), tracker(text, slots={"focus_nct_id": NETTER_2}))
    said = " ".join(m.get("text") or "" for m in messages)
    assert "parathyroid" in said and "criteria" not in said


def test_an_unsure_topic_falls_back_to_the_treatment_to_come_not_the_one_had() -> None:
    responses = {"utter_knowledge/lanreotide": [{"text": "l"}], "utter_knowledge/sunitinib": [{"text": "s"}]}
    story = "He was on lanreotide for two years and now they want sunitinib. will he feel worse on it?"
    t = tracker(story)
    t.latest_message["response_selector"] = {
        "knowledge": {"response": {"intent_response_key": "knowledge/lanreotide", "confidence": 0.1}}
    }
    assert general_topic(t, {"responses": responses}) == "utter_knowledge/sunitinib"


@pytest.mark.parametrize(
    "text, intent, expected",
    [
        ("is stage 4 terminal", "inform", "knowledge"),
        ("how long has dad got left?", "out_of_scope", "knowledge"),
        ("it has spread to his liver, stage 4", "inform", "inform"),  # facts, not a question
        ("the survival rate on the trial was good", "inform", "inform"),
    ],
)
def test_a_question_of_how_long_someone_may_live_is_answered_whatever_it_was_read_as(
    text: str, intent: str, expected: str
) -> None:
    from components.feeling_router import FeelingRouter

    [message] = FeelingRouter().process([_classified(text, intent)])
    assert message.get("intent")["name"] == expected


@pytest.mark.parametrize(
    "text, only_a_decision",
    [
        ("should I stop my lanreotide?", True),
        ("should we stop the octreotide before the op", True),
        ("my friend said I could go into a crisis on the table?? should I stop my lanreotide before the hip", False),
        ("is everolimus taken with food? should i take it in the morning", False),
        ("whats the prognosis for grade 2? should he start chemo", False),
        ("mum says lutathera makes you sick. is that true? should she refuse it", False),
    ],
)
def test_a_decision_beside_another_question_leaves_that_question_to_answer(text: str, only_a_decision: bool) -> None:
    assert asks_only_a_decision(text) is only_a_decision
