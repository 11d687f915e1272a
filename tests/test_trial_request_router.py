"""TrialRequestRouter: a story that asks for trials goes to the search, not to a nearby answer."""

from __future__ import annotations

import pytest
from rasa.shared.nlu.constants import INTENT, TEXT
from rasa.shared.nlu.training_data.message import Message

from bot.profile.trial_request import asks_for_trials, tells_a_story
from components.trial_request_router import TrialRequestRouter


@pytest.mark.parametrize(
    "text",
    [
        "my wife's 64 with a pnet, grade 2, liver mets. her onc says PRRT is probably next. are there any studies?",
        "hubby 70 in march, small bowel NET, on the monthly jab, CT says its growing again. anything near Cardiff?",
        "Would any trial accept a gentleman of 82? pancreatic NET, grade 1, Leeds",
        "I'm 63, my mum's NET has spread to her liver, she's had lanreotide, is there anything near Leeds?",
        "dad 77, pnet, what trials could he try",
        "is there a study for someone like me? 52F, pnet G2",
        "what's left? we're in dublin",
        "what are his options now, we live near Cork",
        "my husband has carcinoid syndrome, the flushing is awful. is there anything being tried for that? we're in Ohio",
        "whats being trialled for NEC at the moment",
        "he's 66, NET in the small bowel with liver mets, on octreotide. we're in Toronto. what's out there?",
        "mum's on lanreotide and it's growing, we live in Hull, is there anything else out there",
        # another kind of treatment asked for after a refusal or frailty
        "my dad (79) had whipple 2 yrs ago for pnet, now its back in liver. he doesnt want chemo. anything gentle?",
        "mum is 84 and frail, on lanreotide, is there something kinder for her",
        "my husband has pnet with liver mets, anything that isnt chemo?",
        "she had the whipple and says never again, any options without surgery?",
        "anything other than chemo for my nan, shes 90 with a pnet",
        "grandad wont have another op. any treatments less invasive for him? pnet g1",
    ],
)
def test_asks_for_trials(text: str) -> None:
    assert asks_for_trials(text)


@pytest.mark.parametrize(
    "text",
    [
        "what is PRRT",
        "what are trials",
        "how do trials work?",
        "is the trial randomised?",
        "would my dad be too old for this trial?",
        "does lanreotide make you put on weight",
        "any side effects from lanreotide?",
        "is NCT03049189 still open?",
        "what are our options? im in pain",
        "what else can we do, i am in so much pain",
        "what is left of his pancreas after the whipple? we're in Leeds",
        "is he being tested for MEN1?",
        "anything else i should know about lanreotide?",
        "she likes gentle walks, is that ok after the whipple?",
        "something that helps the flushing? she's on octreotide",
        # a kinder medicine for a symptom is not another kind of cancer treatment
        "mum had a whipple for pnet last year, anything besides creon for the diarrhoea?",
        "anything apart from loperamide for the runs?",
        "something kinder on the stomach than creon?",
        "something easier to eat after the whipple?",
        "dad has pnet, the morphine makes him sick, anything milder for the pain?",
    ],
)
def test_does_not_ask_for_trials(text: str) -> None:
    assert not asks_for_trials(text)


def test_a_story_is_told_or_not() -> None:
    assert tells_a_story("my wife's 64 with a pnet, grade 2, liver mets")
    assert not tells_a_story("what is PRRT and are there trials of it?")


def _routed(text: str, intent: str) -> str:
    message = Message(data={TEXT: text, INTENT: {"name": intent, "confidence": 0.9}})
    TrialRequestRouter().process([message])
    return message.get(INTENT)["name"]


@pytest.mark.parametrize(
    ("text", "intent"),
    [
        ("whats left for him now?", "search_trials"),
        ("what else is there for her", "search_trials"),
        ("what now?", "nlu_fallback"),
        ("bye", "goodbye"),
        ("ok thanks, bye for now", "goodbye"),
    ],
)
def test_a_question_is_never_a_goodbye(text: str, intent: str) -> None:
    assert _routed(text, "goodbye") == intent
