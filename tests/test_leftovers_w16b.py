"""Session 21 follow-up leftovers: side-effect questions whatever the intent, low mood told of someone,
stories told without a pronoun, single facts reached by everyday words."""

from __future__ import annotations

import pytest

from bot.followups.side_effect_asked import side_effect_fact
from bot.knowledge.facts import answering_fact
from bot.personal.feelings import low_mood_of, shows_feeling
from bot.personal.mood import HAND_BACK, HAND_BACK_FOR_ANOTHER, asks_about_own_mood, mood_answer
from bot.personal.own_situation import about_their_own_situation, asks_what_their_own_is_from


@pytest.mark.parametrize(
    "text, fact",
    [
        ("is a sore mouth normal on everolimus, its really bad today", "everolimus_side_effects"),
        ("does sutent raise BP", "sunitinib_other_effects"),
        ("her palms are red and peeling. is that from the capecitabine", "capecitabine_side_effects"),
        ("is bloating normal on lanreotide?", "ssa_side_effects"),
    ],
)
def test_a_side_effect_question_gets_the_fact_of_the_drug_named(text: str, fact: str) -> None:
    found = side_effect_fact(text)
    assert found is not None and found.id == fact


@pytest.mark.parametrize("text", ["im on everolimus", "started everolimus last week", "is everolimus a tablet"])
def test_no_side_effect_question_no_fact(text: str) -> None:
    assert side_effect_fact(text) is None


@pytest.mark.parametrize(
    "text",
    [
        "BP 168/100 this morning. on sutent 4 months. is high blood pressure normal with it?",
        "temp 38.4, is that normal on capecitabine",
        "3 weeks into captem and palms peeling, is that from the capecitabine",
        "started lanreotide 2 weeks ago. is diarrhoea common with it?",
    ],
)
def test_a_story_without_a_pronoun_is_their_own(text: str) -> None:
    assert about_their_own_situation(text) and asks_what_their_own_is_from(text)


@pytest.mark.parametrize(
    "text",
    ["is high blood pressure common on sunitinib?", "how long are people on lanreotide for", "is weight loss normal"],
)
def test_a_general_question_is_not_their_own(text: str) -> None:
    assert not about_their_own_situation(text)


@pytest.mark.parametrize(
    "text, whose",
    [
        ("mum has been so low since the diagnosis, barely talks to us. is that normal with NETs", "mum"),
        ("my husband is really down since the scan. is that common?", "husband"),
        ("i cry most days since the diagnosis. is that normal with this?", "i"),
        ("i've been so low lately. is that normal with a NET", "i've"),
    ],
)
def test_low_mood_told_of_someone_gets_the_mood_answer(text: str, whose: str) -> None:
    assert low_mood_of(text) == whose and shows_feeling(text) and asks_about_own_mood(text)
    hand_back = mood_answer([], text)[-1]
    assert hand_back in (HAND_BACK if whose.startswith("i") else HAND_BACK_FOR_ANOTHER)


@pytest.mark.parametrize(
    "text", ["her sodium is low, is that normal", "dad is low on iron, normal?", "she was down to 50kg, is that normal"]
)
def test_a_low_reading_is_not_low_mood(text: str) -> None:
    assert low_mood_of(text) is None and not asks_about_own_mood(text)


@pytest.mark.parametrize(
    "text, fact",
    [
        ("can I take my creon with a cup of tea?", "pert_tips"),
        ("can creon go down with a hot drink", "pert_tips"),
        ("is it ok to swallow creon with coffee", "pert_tips"),
        ("is hand-foot syndrome common on sunitinib", "sunitinib_other_effects"),
        ("dads feet are red and sore on xeloda, normal?", "capecitabine_side_effects"),
        ("is poor sleep common on octreotide", "app_us_symptoms"),
    ],
)
def test_everyday_words_reach_the_fact(text: str, fact: str) -> None:
    found = answering_fact(text)
    assert found is not None and found.id == fact
