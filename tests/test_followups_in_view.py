"""Follow-ups about what the last turns left in view (issue 16, session 20): a question pointing back at
two treatments just set side by side, "the NEC one" of a list, "which hospital is nearest to leeds?"
after a list, and a general-sounding question about a part of the trial just shown."""

from __future__ import annotations

from typing import Any

import pytest
import yaml

from actions.followups import ActionShowTrialPlaces
from actions.knowledge_answer import ActionAnswerKnowledge
from actions.understand import ActionUnderstandMessage
from bot.config import REPO_ROOT
from bot.knowledge.compare import compare_treatments
from bot.profile.nec_trials import MADE_FOR, nec_level
from bot.profile.read import read_message
from bot.trials.query import TrialQuery
from bot.trials.store import TrialStore
from tests.helpers.actions import run, tracker

RESPONSES = yaml.safe_load((REPO_ROOT / "data" / "nlu" / "knowledge_responses.yml").read_text())["responses"]
DOMAIN = {"responses": RESPONSES}


def _texts(messages: list[dict[str, Any]]) -> str:
    return "\n".join(str(m.get("text") or m.get("response") or "") for m in messages)


@pytest.mark.usefixtures("database_url_env")
def test_a_question_pointing_back_at_two_treatments_is_about_them_not_a_search() -> None:
    compared = compare_treatments("lanreotide vs everolimus?", None, asked_to_compare=True) or ""
    text = "and can she still travel abroad on it?"
    events = [
        {"event": "user", "text": "lanreotide vs everolimus?"},
        {"event": "bot", "text": compared},
        {"event": "user", "text": text},
    ]
    _, messages = run(ActionUnderstandMessage(), tracker(text, events=events), DOMAIN)
    said = _texts(messages)
    assert "does not say whether she can still travel abroad on lanreotide or everolimus" in said
    # one hand-back, not two: the not-held answer already names who can tell them
    assert "I looked for" not in said and "can tell you" in said and "What this means for her" not in said


def _listed(store: TrialStore) -> tuple[list[str], str]:
    """Five shipped trials, the one made for NECs among them."""
    trials = [store.get(t.nct_id) for t in store.search(TrialQuery(status="all", limit=80)).trials]
    nec = next(t.nct_id for t in trials if t is not None and nec_level(t) == MADE_FOR)
    others = [t.nct_id for t in trials if t is not None and nec_level(t) != MADE_FOR][:4]
    return [*others[:2], nec, *others[2:]], nec


@pytest.mark.usefixtures("database_url_env")
def test_the_nec_one_of_a_list_is_named_and_the_question_answered_about_it(store: TrialStore) -> None:
    listed, nec = _listed(store)
    ones = [n for n in listed if nec_level(store.get(n)) == MADE_FOR]  # type: ignore[arg-type]
    text = "what about the NEC one, could he do that?"
    t = tracker(text, intent="knowledge", slots={"result_ids": listed})
    t.latest_message["response_selector"] = {
        "knowledge": {"response": {"intent_response_key": "knowledge/net_or_nec", "confidence": 0.9}}
    }
    events, messages = run(ActionAnswerKnowledge(), t, DOMAIN)
    said = _texts(messages)
    assert nec in str(messages[0]["text"]) and "made for NECs" in str(messages[0]["text"])
    if len(ones) == 1:  # who can take part in it, not the general answer about NETs and NECs
        assert "utter_knowledge/net_or_nec" not in said and "can take part" in said
    assert (events == [{"event": "slot", "timestamp": None, "name": "focus_nct_id", "value": nec}]) is (len(ones) == 1)


@pytest.mark.usefixtures("database_url_env")
def test_the_nearest_hospital_after_a_list_is_each_trials_nearest(store: TrialStore) -> None:
    listed = [t.nct_id for t in store.search(TrialQuery(status="all", country="United Kingdom", limit=3)).trials]
    text = "which hospital is nearest to leeds?"
    profile = read_message(text).as_dict()
    _, messages = run(ActionShowTrialPlaces(), tracker(text, slots={"result_ids": listed, "profile": profile}))
    said = _texts(messages)
    assert said.startswith(f"Of the {len(listed)} trials I listed, the nearest places to Leeds")
    _, messages = run(ActionShowTrialPlaces(), tracker(text, slots={"result_ids": listed}))
    assert "Which trial do you mean?" in _texts(messages)  # no town known: which trial, as before


@pytest.mark.usefixtures("database_url_env")
def test_which_of_those_is_closest_after_a_list_is_not_a_side_by_side(store: TrialStore) -> None:
    from actions.compare_trials import ActionCompareTrials

    listed = [t.nct_id for t in store.search(TrialQuery(status="all", country="United Kingdom", limit=3)).trials]
    profile = read_message("my dad is 68, lives in Glasgow, any PRRT trials?").as_dict()
    text = "which of those is closest to us?"
    _, messages = run(ActionCompareTrials(), tracker(text, slots={"result_ids": listed, "profile": profile}))
    said = _texts(messages)
    assert said.startswith(f"Of the {len(listed)} trials I listed, the nearest places to Glasgow"), said
    assert "side by side" not in said
