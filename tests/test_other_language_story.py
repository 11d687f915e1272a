"""A story with a question in another language gets the fitting search first, and hears kindly
that the assistant reads English best (actions/understand.py)."""

from __future__ import annotations

import pytest

from bot.profile.read import read_message
from tests.helpers.actions import run, tracker

pytestmark = pytest.mark.usefixtures("database_url_env")

STORIES = [
    (
        "Mia madre ha 67 anni, ha un tumore neuroendocrino al pancreas con metastasi al fegato. "
        "Ci sono studi clinici per lei?",
        "Italian",
    ),
    (
        "Buongiorno, mio marito ha 58 anni e ha un NET pancreatico G2, la lanreotide non funziona più. Cosa può fare?",
        "Italian",
    ),
    (
        "Mijn vader is 72 en heeft een neuro-endocriene tumor in de alvleesklier met uitzaaiingen in de lever. "
        "Zijn er studies voor hem?",
        "Dutch",
    ),
    ("Hallo, ik ben 55 en heb een pNET graad 2, ik heb al everolimus gehad. Welke trials zijn er voor mij?", "Dutch"),
    (
        "Hej, min mamma är 70 och har en NET i bukspottkörteln med spridning till levern. Finns det studier för henne?",
        "Swedish",
    ),
]


def _texts(messages: list[dict]) -> str:
    return "\n".join(m.get("text") or "" for m in messages)


@pytest.mark.parametrize("text, language", STORIES)
@pytest.mark.parametrize("intent", ["out_of_scope", "nlu_fallback"])
def test_a_story_in_another_language_gets_its_trials_and_a_kind_note(text: str, language: str, intent: str) -> None:
    from actions.understand import ActionAnswerOutOfScope, ActionUnderstandMessage

    action = ActionAnswerOutOfScope() if intent == "out_of_scope" else ActionUnderstandMessage()
    events, messages = run(action, tracker(text, intent=intent, slots={"profile": read_message(text).as_dict()}))
    assert language in messages[0]["text"] and "English best" in messages[0]["text"], messages
    assert "can only read and answer English" not in _texts(messages)
    assert not any(m.get("response") == "utter_out_of_scope" for m in messages)
    shown = next(e["value"] for e in events if e.get("name") == "result_ids")
    assert shown, messages  # trials, not a refusal


@pytest.mark.parametrize(
    "text",
    [
        "mia zia ha un cancro al seno, che cosa posso fare per lei?",  # another cancer: still off-topic
        "Hallo, wie geht es dir heute und was machst du?",
    ],
)
def test_other_messages_in_another_language_are_not_searched(text: str) -> None:
    from actions.understand import ActionAnswerOutOfScope

    events, messages = run(ActionAnswerOutOfScope(), tracker(text, intent="out_of_scope"))
    assert "English" in messages[0]["text"] and not events, messages


def test_a_net_story_in_english_gets_its_trials_not_a_refusal() -> None:
    from actions.understand import ActionAnswerOutOfScope

    text = "hi im 45 f with a lung carcinoid, had a lobectomy last year. any research on stopping it coming back? i live in boston"
    events, messages = run(
        ActionAnswerOutOfScope(), tracker(text, intent="out_of_scope", slots={"profile": read_message(text).as_dict()})
    )
    assert not any(m.get("response") == "utter_out_of_scope" for m in messages)
    assert "English best" not in _texts(messages)
    assert any(e.get("name") == "result_ids" for e in events), messages


def test_an_off_topic_message_from_abroad_gets_that_country_s_lines() -> None:
    from actions.understand import ActionAnswerOutOfScope

    text = "can you recommend a good plumber? I live in Chicago"
    _, messages = run(
        ActionAnswerOutOfScope(), tracker(text, intent="out_of_scope", slots={"profile": read_message(text).as_dict()})
    )
    said = _texts(messages)
    assert "0808 800 4040" not in said and "NETs" in said, messages
    assert not any(m.get("response") == "utter_out_of_scope" for m in messages)
