"""A question about one trial that no single field answers, answered with the record's own
sentences (bot/trials/record_passages.py). The phrasings are new (not in tests/data/followups/):
relatives writing, typos, text-speak, lay words for the registry's."""

from __future__ import annotations

import pytest
from rasa_sdk.executor import CollectingDispatcher

from actions.followups import ASK_WHAT_TO_DO, send_passages
from bot.followups.about_trial import its_record_answers
from bot.trials.record_passages import passages, question_roots
from bot.trials.store import TrialStore

ANSWERED = [
    # (trial, question, a word the answer must quote)
    ("NCT03387592", "how many hours does the 5fu infusion run for in the folfiri group", "48 h"),
    ("NCT00363051", "my nan threw up after her everolimus, should she have taken another one?", "not to be replaced"),
    ("NCT02693067", "can they treat other spots again afterwards?", "6 weeks"),
    ("NCT02063958", "does he get days off the SNX tabs", "7 day drug free"),
    ("NCT03972488", "whats the dose of the octreotide shot and how often", "every 4 weeks"),
    ("NCT00363051", "can my dad have his tablets with brekkie", "fasting"),
    ("NCT01201096", "once the radiation is done whens the new liver put in", "9 month"),
    ("NCT02101918", "how long is each drip and how often", "60-120 minutes"),
]


@pytest.mark.parametrize("nct_id, question, quoted", ANSWERED)
def test_the_sentence_that_answers_is_quoted(store: TrialStore, nct_id: str, question: str, quoted: str) -> None:
    trial = store.get(nct_id)
    assert trial is not None
    found = passages(trial, question)
    assert any(quoted in p.text for p in found), [p.text for p in found]


def test_each_part_of_a_two_part_question_gets_its_own_sentence(store: TrialStore) -> None:
    trial = store.get("NCT00363051")
    assert trial is not None
    found = " ".join(p.text for p in passages(trial, "is it taken with a meal? and if he vomits does he take another"))
    assert "fat-free meal" in found and "not to be replaced" in found


@pytest.mark.parametrize(
    "nct_id, question",
    [
        ("NCT03387592", "whats the weather like in rome"),
        ("NCT00363051", "can you recommend a good b&b nearby"),
        ("NCT02063958", "lol thanks"),
    ],
)
def test_a_question_the_record_does_not_speak_to_gets_nothing(store: TrialStore, nct_id: str, question: str) -> None:
    trial = store.get(nct_id)
    assert trial is not None
    assert passages(trial, question) == []


def test_no_sentence_that_says_who_is_eligible_is_quoted(store: TrialStore) -> None:
    for nct_id in store.iter_ids():
        trial = store.get(nct_id)
        assert trial is not None
        for p in passages(trial, "who can take part and are people eligible after surgery"):
            assert "eligib" not in p.text.lower() and "qualif" not in p.text.lower()


def test_everyday_words_stand_for_the_registrys() -> None:
    roots = {root for group in question_roots("is the drip or the jab given with the dummy pills") for root in group}
    assert {"infus", "inject", "placebo", "tablet"} <= roots


@pytest.mark.parametrize(
    "nct_id, question, about_it",
    [
        ("NCT01902238", "what do they actually put in the needle into the tumour", True),
        ("NCT02693067", "if it works can they do more of the spots later", True),
        ("NCT02358356", "in the combo group which day do they give the lutetium", True),
        ("NCT02859064", "how do they get the beads into his liver?", True),
        ("NCT00363051", "r they meant to take it with a light meal or fasting?", True),
        ("NCT03972488", "what are the side effects of lutathera?", False),  # a general question stays general
        ("NCT03972488", "is it normal to feel sick after PRRT?", False),
        ("NCT02358356", "what is capecitabine?", False),
        ("NCT03972488", "can i drink alcohol on it?", False),
    ],
)
def test_a_question_its_record_answers_is_about_the_trial(
    store: TrialStore, nct_id: str, question: str, about_it: bool
) -> None:
    trial = store.get(nct_id)
    assert trial is not None
    assert its_record_answers(question, trial) is about_it


@pytest.mark.parametrize(
    ("nct_id", "question", "closes_with"),
    [
        ("NCT00363051", "my nan threw up after her everolimus, should she have taken another one?", ASK_WHAT_TO_DO),
        ("NCT00363051", "can my dad have his tablets with brekkie", ASK_WHAT_TO_DO),
        ("NCT02101918", "how long is each drip and how often", "The trial team can tell you more."),
    ],
)
def test_a_question_of_what_to_do_is_not_answered_by_the_records_rule_alone(
    store: TrialStore, nct_id: str, question: str, closes_with: str
) -> None:
    trial = store.get(nct_id)
    assert trial is not None
    dispatcher = CollectingDispatcher()
    assert send_passages(dispatcher, trial, question)
    assert dispatcher.messages[-1]["text"].endswith(closes_with)


@pytest.mark.parametrize(
    "question",
    ["is there free parking at the hospital", "is the parking free", "whats the food like on the ward"],
)
def test_one_shared_word_does_not_answer_a_question_about_what_the_record_never_mentions(
    store: TrialStore, question: str
) -> None:
    trial = store.get("NCT03972488")  # "progression free survival": free, but not free parking
    assert trial is not None
    assert passages(trial, question) == []
