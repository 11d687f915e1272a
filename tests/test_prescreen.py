"""The pre-screen chat: answers parsed, corrections, the form's validation, and the results."""

from __future__ import annotations

import functools
import itertools
import random
import re
from dataclasses import replace
from typing import Any, Optional

import pytest
import textstat
import yaml
from rasa_sdk.events import SlotSet

from actions.prescreen import HELPLINE_BUTTON, ActionPrescreenResults, ValidatePrescreenForm
from bot.config import REPO_ROOT
from bot.eligibility.facts import extract_facts
from bot.eligibility.forbidden_words import tells_can_join
from bot.prescreen import checklist as checklist_module
from bot.prescreen.answers import SLOTS, UNKNOWN, Answers, Grade, corrections, parse_answer
from bot.prescreen.candidates import open_trials
from bot.prescreen.checklist import ASK, MATCHES, NO_MATCH, checklist, ranked
from bot.prescreen.present import (
    MAX_TRIALS_SHOWN,
    PRESCREEN_QUESTIONS,
    QUESTIONS_ABOUT_SOMEONE_ELSE,
    REASK,
    WHO_DECIDES,
    acknowledgement,
    answers_summary,
    checked_heading,
    left_out_text,
    trial_card,
)
from bot.trials.freshness import open_and_recent
from bot.trials.store import TrialStore
from tests.helpers.actions import run, tracker

pytestmark = pytest.mark.usefixtures("database_url_env")

SWEDISH = "NCT07273409"  # open; criteria: pancreas, grade 1-2, spread (stage 4), 18 or over; sites in Sweden
NO_CRITERIA = "NCT06784752"  # open; no criteria text; ages 12 to 100; conditions: GEP-NET
GRADE_3_ONLY = "NCT05973968"  # opening soon; no criteria; conditions: "Neuroendocrine Tumor Grade 3"
DOMAIN = {"forms": {"prescreen_form": {"required_slots": list(SLOTS)}}}
NEVER = re.compile(r"\beligib\w*|\bqualif\w*|\byou\s+can\s+(?:join|take\s+part)\b", re.I)
FULL = {
    "ps_age": "67",
    "ps_sex": "female",
    "ps_site": "pancreas",
    "ps_grade": "G2",
    "ps_spread": "yes",
    "ps_functioning": "non-functioning",
    "ps_treatments": "surgery",
    "ps_place": "anywhere",
}


def grade(text: str) -> float:
    return textstat.flesch_kincaid_grade(text)


# -- answers ----------------------------------------------------------------------------------------------
PARSED = {
    "ps_age": [
        ("67", "67"),
        ("I'm 67", "67"),
        ("67 years", "67"),
        ("sixty seven", "67"),
        ("Sixty-seven years old", "67"),
        ("one hundred and two", "102"),
        ("0", "0"),
        ("120", "120"),
        ("he is 70", "70"),
        ("I’m 58", "58"),
        ("I'm 2 years past surgery and 61", "61"),
        ("-5", None),
        ("200", None),
        ("121", None),
        ("grade 3", None),
        ("ki-67 5%", None),
        ("I was born in 1958", None),
        ("a lot", None),
    ],
    "ps_sex": [
        ("female", "female"),
        ("Woman", "female"),
        ("I'm a woman", "female"),
        ("F", "female"),
        ("she", "female"),
        ("male", "male"),
        ("a man", "male"),
        ("m", "male"),
        ("non-binary", UNKNOWN),
        ("human", None),
        ("I'm 67", None),
        ("man and woman", None),
    ],
    "ps_site": [
        ("pancreas", "pancreas"),
        ("my pancreas, and now the liver", "pancreas"),
        ("pNET", "pancreas"),
        ("lung", "lung"),
        ("the small intestine", "small bowel"),
        ("ileum", "small bowel"),
        ("stomach", "stomach"),
        ("appendix", "appendix"),
        ("rectum", "large bowel"),
        ("bowel", "bowel"),
        ("thyroid", "thyroid"),
        ("unknown primary", UNKNOWN),
        ("it started in my big toe", None),
    ],
    "ps_grade": [
        ("G2", "G2"),
        ("grade 2", "G2"),
        ("grade II", "G2"),
        ("2", "G2"),
        ("it's 3", "G3"),
        ("grade 1 or 2", "G1 or G2"),
        ("low grade", "G1 or G2"),
        ("intermediate grade", "G2"),
        ("high grade", "G3"),
        ("Ki-67 5%", "G2, Ki-67 5%"),
        ("ki67 is 1%", "G1, Ki-67 1%"),
        ("ki67 25%", "G3, Ki-67 25%"),
        ("5%", "G2, Ki-67 5%"),
        ("grade 2, ki-67 4%", "G2, Ki-67 4%"),
        ("ki67 300%", None),
        ("4", None),
        ("actually I'm 67", None),
        ("well differentiated", None),
    ],
    "ps_spread": [
        ("yes", "yes"),
        ("it has spread to the liver", "yes"),
        ("liver mets", "yes"),
        ("metastatic", "yes"),
        ("stage 4", "yes"),
        ("no", "no"),
        ("No, it hasn't spread", "no"),
        ("it has not spread", "no"),
        ("only in the pancreas", "no"),
        ("localised", "no"),
        ("I don't know if it has spread", UNKNOWN),
        ("purple", None),
    ],
    "ps_functioning": [
        ("yes", "functioning"),
        ("functioning", "functioning"),
        ("insulinoma", "functioning"),
        ("carcinoid syndrome", "functioning"),
        ("it makes too much insulin", "functioning"),
        ("no", "non-functioning"),
        ("non-functioning", "non-functioning"),
        ("it doesn't make hormones", "non-functioning"),
        ("I get flushing", None),
    ],
    "ps_treatments": [
        ("none", "none"),
        ("no", "none"),
        ("nothing yet", "none"),
        ("just watch and wait", "none"),
        ("surgery", "surgery"),
        ("a whipple", "surgery"),
        ("I had surgery but no chemo", "surgery"),
        ("I haven't had PRRT but had surgery", "surgery"),
        ("lanreotide and PRRT", "PRRT, somatostatin analogue"),
        ("the monthly injection", "somatostatin analogue"),
        ("afinitor", "everolimus"),
        ("sutent", "sunitinib"),
        ("capecitabine and temozolomide", "chemotherapy"),
        ("chemo and radiotherapy", "chemotherapy, radiotherapy"),
        ("interferon", "interferon"),
        ("TACE", "liver-directed therapy"),
        ("cabozantinib", "targeted therapy"),
        ("nivolumab", "immunotherapy"),
        ("sorry I'm a woman", None),
        ("lots of things", None),
    ],
    "ps_place": [
        ("UK", "GB"),
        ("GB", "GB"),
        ("SE", "SE"),
        ("I live in Sweden", "SE"),
        ("Manchester", "GB"),
        ("the us", "US"),
        ("England", "GB"),
        ("anywhere", "anywhere"),
        ("I'd travel anywhere", "anywhere"),
        ("I can't travel anywhere", None),
        ("within 50 miles", None),
        ("I meant grade 3", None),
    ],
}
SKIPS = [
    "I don't know",
    "not sure",
    "skip",
    "pass",
    "rather not say",
    "I'd prefer not to say",
    "no idea",
    "dunno",
    "idk",
]
BAD = ["", "   ", "x" * 10_000, "I'm 67 " * 1500, "🙂🙂🙂", "?!", "-5", "200"]


@pytest.mark.parametrize("slot, text, value", [(s, t, v) for s, cases in PARSED.items() for t, v in cases])
def test_answers_are_normalised(slot: str, text: str, value: Optional[str]) -> None:
    assert parse_answer(slot, text) == value


@pytest.mark.parametrize("slot", SLOTS)
def test_every_slot_can_be_skipped(slot: str) -> None:
    assert {parse_answer(slot, text) for text in SKIPS} == {UNKNOWN}


@pytest.mark.parametrize("slot", SLOTS)
def test_nonsense_is_not_an_answer(slot: str) -> None:
    assert [parse_answer(slot, text) for text in BAD] == [None] * len(BAD)
    assert parse_answer(slot, None) is None and parse_answer(slot, 12345678) is None


@pytest.mark.parametrize("slot", SLOTS)
def test_a_stored_value_parses_to_itself(slot: str) -> None:
    for text, _ in PARSED[slot]:
        value = parse_answer(slot, text)
        if value is not None:
            assert parse_answer(slot, value) == value, text


@pytest.mark.parametrize(
    "text, found",
    [
        ("actually I'm 67", {"ps_age": "67"}),
        ("sorry, she's 71", {"ps_age": "71"}),
        ("I am 67 years old", {"ps_age": "67"}),
        ("sorry I'm a woman", {"ps_sex": "female"}),
        ("actually I am a man", {"ps_sex": "male"}),
        ("I meant grade 3", {"ps_grade": "G3"}),
        ("sorry, Ki-67 was 12%", {"ps_grade": "G2, Ki-67 12%"}),
        ("I had surgery when I was 45", {}),
        ("it's in the pancreas", {}),
        ("yes", {}),
        ("2", {}),
        ("5%", {}),
        ("I'm 2 years past surgery", {}),
        ("x" * 10_000, {}),
    ],
)
def test_corrections_said_outright(text: str, found: dict) -> None:
    assert corrections(text) == found


def test_typed_answers_from_slots_ignore_what_does_not_parse() -> None:
    answers = Answers.from_slots(
        {
            **FULL,
            "ps_grade": "G1 or G2, Ki-67 2%",
            "ps_treatments": "PRRT, surgery",
            "ps_spread": "I want to talk to someone",
            "ps_place": "GB",
        }
    )
    assert answers == Answers(
        age=67,
        sex="female",
        site="pancreas",
        grades=(1, 2),
        ki67=2.0,
        spread=None,
        functioning="non-functioning",
        treatments=("PRRT", "surgery"),
        place="GB",
    )
    assert Answers.from_slots({}) == Answers()
    assert Answers.from_slots({"ps_treatments": "none"}).treatments == ()


@pytest.mark.parametrize("grades", [(1,), (2,), (3,), (1, 2), (2, 3), (1, 2, 3)])
@pytest.mark.parametrize("ki67", [None, 0.5, 2.0, 12.5, 100.0])
def test_a_stored_grade_reads_back_as_it_was_written(grades: tuple[int, ...], ki67: Optional[float]) -> None:
    grade = Grade(grades, ki67)
    assert Grade.from_value(grade.value) == grade


@pytest.mark.parametrize("text", ["grade 2", "2", "Ki-67 5%", "G4", UNKNOWN, ""])
def test_only_the_slots_own_grade_format_reads_back(text: str) -> None:
    assert Grade.from_value(text) is None


def test_typed_answers_from_normalised_values_parse_nothing_again() -> None:
    """The form's slots hold `parse_answer`'s output: read as they are, they give the same
    answers as parsing them again would."""
    for slot, options in VALUES.items():
        for value in options:
            values = {**FULL, slot: value}
            assert Answers.from_values(values) == Answers.from_slots(values), values
    assert Answers.from_values({}) == Answers()


# -- the form's validation action -------------------------------------------------------------------------
def form_turn(text: str, requested: Optional[str], filled: Optional[dict] = None) -> tuple[list[dict], list[str]]:
    """One turn as Rasa's form sends it: the text in the requested slot (from_text), then validate."""
    slots: dict[str, Any] = {**(filled or {}), "requested_slot": requested}
    events = [
        {"event": "user", "text": text},
        {"event": "slot", "name": "requested_slot", "value": requested},
        {"event": "action", "name": "prescreen_form"},
    ]
    if requested:
        slots[requested] = text
        events.append({"event": "slot", "name": requested, "value": text})
    events_out, messages = run(ValidatePrescreenForm(), tracker(text, slots=slots, events=events), DOMAIN)
    return events_out, [m["text"] for m in messages]


def test_an_answer_is_stored_normalised() -> None:
    assert form_turn("I'm sixty seven", "ps_age") == ([SlotSet("ps_age", "67")], [])
    assert form_turn("not sure", "ps_grade") == ([SlotSet("ps_grade", UNKNOWN)], [])
    assert form_turn("lanreotide, then PRRT", "ps_treatments") == (
        [SlotSet("ps_treatments", "PRRT, somatostatin analogue")],
        [],
    )


@pytest.mark.parametrize("slot", SLOTS)
@pytest.mark.parametrize("text", ["🙂", "x" * 10_000, "purple elephants"])
def test_a_wrong_answer_is_asked_again_kindly(slot: str, text: str) -> None:
    assert form_turn(text, slot) == ([SlotSet(slot, None)], [REASK[slot]])


@pytest.mark.parametrize(
    "text, requested, slot, value, thanks",
    [
        ("actually I'm 67", "ps_sex", "ps_age", "67", "Thanks, I have changed your age to 67."),
        ("sorry I'm a woman", "ps_site", "ps_sex", "female", "Thanks, I have changed your sex to female."),
        ("I meant grade 3", "ps_spread", "ps_grade", "G3", "Thanks, I have changed the grade to grade 3."),
        ("I meant grade 3", "ps_age", "ps_grade", "G3", "Thanks, I have changed the grade to grade 3."),
        ("sorry, I'm a man", "ps_treatments", "ps_sex", "male", "Thanks, I have changed your sex to male."),
    ],
)
def test_a_correction_changes_its_own_answer_not_the_one_asked(
    text: str, requested: str, slot: str, value: str, thanks: str
) -> None:
    before = {"ps_age": "60", "ps_sex": "male" if value == "female" else "female", "ps_grade": "G2"}
    events, messages = form_turn(text, requested, before)
    assert events == [SlotSet(requested, None), SlotSet(slot, value)]  # the question is asked again
    assert messages == [thanks]


def test_an_answer_given_early_is_noted() -> None:
    events, messages = form_turn("can you check trials for me? I'm 67", None)
    assert events == [SlotSet("ps_age", "67")]
    assert messages == ["Thanks, I have noted your age: 67."]


def test_saying_the_same_again_is_not_a_change() -> None:
    assert form_turn("yes it has spread, I'm 67", "ps_spread", {"ps_age": "67"}) == ([SlotSet("ps_spread", "yes")], [])


def test_an_answer_and_a_change_together() -> None:
    events, messages = form_turn("grade 2, and sorry I'm a woman", "ps_grade", {"ps_sex": "male"})
    assert events == [SlotSet("ps_grade", "G2"), SlotSet("ps_sex", "female")]
    assert messages == ["Thanks, I have changed your sex to female."]


def test_a_raw_value_left_in_a_slot_is_checked_too() -> None:
    slots = {"requested_slot": "ps_site", "ps_site": "pancreas", "ps_age": "I need to talk to someone"}
    events = [
        {"event": "action", "name": "prescreen_form"},
        {"event": "slot", "name": "ps_age", "value": slots["ps_age"]},
        {"event": "slot", "name": "ps_site", "value": "pancreas"},
    ]
    out, messages = run(ValidatePrescreenForm(), tracker("pancreas", slots=slots, events=events), DOMAIN)
    assert out == [SlotSet("ps_age", None), SlotSet("ps_site", "pancreas")] and messages == []


# -- the questions ----------------------------------------------------------------------------------------------
def test_one_plain_question_per_slot_that_can_be_skipped() -> None:
    assert list(PRESCREEN_QUESTIONS) == list(SLOTS) == list(REASK)
    for slot, question in [*PRESCREEN_QUESTIONS.items(), *QUESTIONS_ABOUT_SOMEONE_ELSE.items()]:
        assert question.count("?") == 1, slot
        assert '"skip"' in question and "I don't know" in question, slot
        assert grade(question) <= 8 and grade(REASK[slot]) <= 8, slot


def test_the_domain_asks_the_same_questions() -> None:
    responses = (yaml.safe_load((REPO_ROOT / "domain.yml").read_text()) or {}).get("responses") or {}
    asked = {f"ps_{n[len('utter_ask_ps_') :]}": v for n, v in responses.items() if n.startswith("utter_ask_ps_")}
    assert {slot: variations[0]["text"] for slot, variations in asked.items()} == PRESCREEN_QUESTIONS
    about_others = {
        slot: v["text"]
        for slot, variations in asked.items()
        for v in variations
        if v.get("condition") == [{"type": "slot", "name": "asking_for", "value": "someone else"}]
    }
    assert about_others == QUESTIONS_ABOUT_SOMEONE_ELSE


# -- one trial against the answers --------------------------------------------------------------------------------
def verdicts(store: TrialStore, nct_id: str, **answers: Any) -> dict[str, str]:
    return verdicts_of(store.get(nct_id), **answers)


def verdicts_of(trial: Any, **answers: Any) -> dict[str, str]:
    result = checklist(trial, Answers(**answers))
    return {c.topic: c.verdict for c in result.checks if c.stated}


def test_a_trial_with_criteria_is_checked_point_by_point(store: TrialStore) -> None:
    assert verdicts(store, SWEDISH, age=67, sex="female", site="pancreas", grades=(2,), spread=True, place="SE") == {
        "status": MATCHES,
        "age": MATCHES,
        "sex": MATCHES,
        "place": MATCHES,
        "where it started": MATCHES,
        "grade": MATCHES,
        "spread": MATCHES,
        "past treatment limits": ASK,
    }
    assert verdicts(store, SWEDISH, age=16, site="lung", grades=(3,), spread=False, place="GB", treatments=()) == {
        "status": MATCHES,
        "age": NO_MATCH,
        "place": NO_MATCH,
        "where it started": NO_MATCH,
        "grade": NO_MATCH,
        "spread": NO_MATCH,
        "past treatment limits": MATCHES,
    }
    assert verdicts(store, SWEDISH, grades=(1, 2), site="bowel")["grade"] == MATCHES
    assert verdicts(store, SWEDISH, grades=(2, 3))["grade"] == ASK


def test_what_the_person_did_not_say_is_a_question_for_the_team(store: TrialStore) -> None:
    assert verdicts(store, SWEDISH) == {
        "status": MATCHES,
        "age": ASK,
        "where it started": ASK,
        "grade": ASK,
        "spread": ASK,
        "past treatment limits": ASK,
    }
    unsaid = [c.topic for c in checklist(store.get(SWEDISH), Answers(functioning="functioning")).checks if not c.stated]
    assert unsaid == ["hormones"]


def test_a_past_treatment_ruled_out_at_any_time_is_a_clear_no(store: TrialStore) -> None:
    # "Previous surgery for pan-NET." among its exclusions: no time limit, so the judge says no
    result = checklist(store.get(SWEDISH), Answers(treatments=("surgery",)))
    check = next(c for c in result.checks if c.topic == "past treatment limits")
    assert (check.verdict, check.reason) == (NO_MATCH, "It rules out people who have had surgery.")
    assert verdicts(store, SWEDISH, treatments=())["past treatment limits"] == MATCHES
    # only a recent one rules people out: a question for the team
    trial = replace(store.get(SWEDISH), criteria="Exclusion Criteria:\n* Major surgery within 4 weeks before the start")
    assert verdicts_of(trial, treatments=("surgery",))["past treatment limits"] == ASK


def test_a_trial_without_criteria_uses_its_record_fields_and_conditions(store: TrialStore) -> None:
    trial = store.get(NO_CRITERIA)
    result = checklist(trial, Answers(age=67, sex="male", site="lung", grades=(1,)))
    assert not result.has_criteria
    assert {c.topic: c.verdict for c in result.checks} == {
        "status": MATCHES,
        "age": MATCHES,
        "sex": MATCHES,
        "where it started": NO_MATCH,  # its title names GEP-NETs (bot/eligibility/title_site.py); a lung NET is not one
        "grade": MATCHES,
    }  # its title names the grades it takes
    text = trial_card(1, result).text
    assert "The record does not list who can join. The registry page and the trial team have the details." in text
    assert "It is for people aged 12 to 100. You said 67." in text
    assert "It is for NETs that start in the gut or pancreas. You said the lung." in text
    assert verdicts(store, GRADE_3_ONLY, grades=(1,))["grade"] == ASK


def test_a_record_without_criteria_text_but_otherwise_the_same(store: TrialStore) -> None:
    trial = replace(store.get(SWEDISH), criteria=None)
    result = checklist(trial, Answers(age=67, site="lung", grades=(3,)))
    # the conditions name the pancreas, but no grade; a clash with them is a question
    assert {c.topic: c.verdict for c in result.checks} == {"status": MATCHES, "age": MATCHES, "where it started": ASK}
    assert "The record does not list who can join." in trial_card(1, result).text


def test_ranking_puts_clear_mismatches_last(store: TrialStore) -> None:
    trials = open_trials(store, None).trials
    results = ranked(
        checklist(t, Answers(age=15, sex="female", site="lung", grades=(3,), spread=False)) for t in trials
    )
    clashes = [r.clashes for r in results]
    assert clashes == sorted(clashes) and any(clashes) and not all(clashes)
    clear = [r for r in results if not r.clashes]
    recent = [open_and_recent(r.trial.status, r.trial.status_as_of) for r in clear]
    assert recent == sorted(recent, reverse=True)  # open and confirmed in the last year first
    for group in (True, False):
        counts = [r.count(MATCHES) for r, fresh in zip(clear, recent) if fresh is group]
        assert counts == sorted(counts, reverse=True)


# -- the results action -------------------------------------------------------------------------------------------
def results(slots: dict) -> tuple[list[dict], list[dict]]:
    return run(ActionPrescreenResults(), tracker("", slots=slots))


def test_results_list_trials_with_buttons_and_remember_them(store: TrialStore) -> None:
    events, messages = results(FULL)
    total = len(open_trials(store, None).trials)
    heading, cards, ending = messages[0], messages[1:-1], messages[-1]
    assert heading["text"].startswith(f"I checked {total} open trials in our list against your answers.")
    assert (
        "Your answers: age 67; woman; started in the pancreas; grade 2; has spread; does not make hormones; had surgery; could travel anywhere."
        in heading["text"]
    )
    assert len(cards) == MAX_TRIALS_SHOWN
    ids = [re.search(r"\((NCT\d{8})\)$", c["text"].splitlines()[0]).group(1) for c in cards]
    assert [c["buttons"] for c in cards] == [
        [{"title": f"See {n}", "payload": '/show_trial{"nct_id":"%s"}' % n}] for n in ids
    ]
    assert SWEDISH not in ids  # "Previous surgery for pan-NET." among its exclusions: their surgery does not match
    assert (
        ending["text"].endswith(WHO_DECIDES) and f"I left out {total - MAX_TRIALS_SHOWN} more trials" in ending["text"]
    )
    assert ending["buttons"] == [HELPLINE_BUTTON]
    assert events == [SlotSet("result_ids", ids), SlotSet("requested_slot", None)]


def test_results_in_the_persons_country() -> None:
    events, messages = results({**FULL, "ps_place": "SE"})
    assert "These are the ones in Sweden." in messages[0]["text"]
    adv_ince = "NCT02749331"  # open as of 2020; the other rules out previous surgery (they had surgery), so it is last
    assert events[0] == SlotSet("result_ids", [adv_ince, SWEDISH]) and len(messages) == 4
    assert "I left out" not in messages[-1]["text"]


def test_results_when_the_country_has_none(store: TrialStore) -> None:
    events, messages = results({**FULL, "ps_place": "GB"})
    assert "I found none in the United Kingdom, so I looked in all countries." in messages[0]["text"]
    assert SWEDISH not in events[0]["value"]  # its places are all in Sweden: a clear mismatch, so left out
    assert "of them have something that does not match your answers." in messages[-1]["text"]
    card = trial_card(1, checklist(store.get(SWEDISH), Answers(place="GB"))).text
    assert "- Place: does not match. It lists no places in the United Kingdom. It runs in Sweden." in card


def test_results_with_every_answer_skipped() -> None:
    events, messages = results({slot: UNKNOWN for slot in SLOTS})
    assert (
        "Your answers: none given.\nNot sure or skipped: age, sex, where it started, grade, spread, hormones, past treatments, place."
        in messages[0]["text"]
    )
    assert events[-1] == SlotSet("requested_slot", None) and len(events[0]["value"]) == MAX_TRIALS_SHOWN


def test_results_when_the_database_is_down(monkeypatch: pytest.MonkeyPatch, tmp_path) -> None:  # type: ignore[no-untyped-def]
    monkeypatch.setenv("DATABASE_URL", f"sqlite:///{tmp_path}/missing-dir/none.db")
    events, messages = results(FULL)
    assert messages[0]["response"] == "utter_trials_unavailable" and messages[1]["response"] == "utter_helpline"
    assert events == [SlotSet("requested_slot", None)]


def _our_words(message: dict) -> str:
    """The message without a trial's registry title (the first line of a trial card)."""
    lines = message["text"].splitlines()
    is_card = any(b["payload"].startswith("/show_trial") for b in message.get("buttons") or [])
    return "\n".join(lines[1:] if is_card else lines)


@pytest.mark.parametrize(
    "slots",
    [
        FULL,
        {**FULL, "ps_place": "GB", "ps_age": "15", "ps_site": "lung"},
        {s: UNKNOWN for s in SLOTS},
        {**FULL, "ps_treatments": "PRRT, chemotherapy", "ps_grade": "G3, Ki-67 30%"},
    ],
)
def test_every_results_message_reads_plainly(slots: dict) -> None:
    _, messages = results(slots)
    for message in messages:
        assert grade(_our_words(message)) <= 8, message["text"]


VALUES = {
    "ps_age": ["16", "45", "80", UNKNOWN],
    "ps_sex": ["female", "male", UNKNOWN],
    "ps_site": ["pancreas", "lung", "small bowel", "bowel", UNKNOWN],
    "ps_grade": ["G1", "G3", "G1 or G2", "G2, Ki-67 5%", UNKNOWN],
    "ps_spread": ["yes", "no", UNKNOWN],
    "ps_functioning": ["functioning", "non-functioning", UNKNOWN],
    "ps_treatments": ["none", "surgery", "PRRT, somatostatin analogue, chemotherapy", UNKNOWN],
    "ps_place": ["GB", "SE", "anywhere", UNKNOWN],
}


def test_no_output_ever_says_someone_can_join(store: TrialStore, monkeypatch: pytest.MonkeyPatch) -> None:
    """Many answer sets against every open trial: the words never tell anyone they can join."""
    # The same few dozen criteria texts are read again for every answer set; reading them is a
    # pure function of the text (frozen facts), so remembering it changes no output, only time.
    monkeypatch.setattr(checklist_module, "extract_facts", functools.lru_cache(maxsize=None)(extract_facts))
    everything = list(itertools.product(*VALUES.values()))
    combos = random.Random(4).sample(everything, 300)
    trials = {place: open_trials(store, place) for place in VALUES["ps_place"]}
    checked = 0
    for combo in combos:
        values = dict(zip(VALUES, combo))
        answers = Answers.from_slots(values)
        found = trials[values["ps_place"]]
        listed = ranked(checklist(t, answers) for t in found.trials)
        texts = [
            checked_heading(len(listed), answers.place, found.widened),
            answers_summary(values),
            WHO_DECIDES,
            left_out_text(listed[MAX_TRIALS_SHOWN:]) or "",
        ]
        texts += [trial_card(i, r).text for i, r in enumerate(listed, start=1)]
        texts += [acknowledgement(slot, value, before) for slot, value in values.items() for before in (None, "x")]
        for text in texts:
            assert not tells_can_join(text) and not NEVER.search(text), text
            checked += 1
    assert checked > 5000
    assert NEVER.search("You are eligible") and tells_can_join("you can join this trial")  # the checks work


def test_a_trial_for_grade_3_alone_is_said_to_be_for_grade_3_tumours_not_nets(store: TrialStore) -> None:
    # grade 3 takes in NECs too: "for grade 3 NETs" said to someone with a NEC would mislabel their tumour
    trial = replace(store.get(SWEDISH), criteria="Inclusion Criteria:\n* Histologically confirmed grade 3 tumour")
    grade = next(c for c in checklist(trial, Answers(grades=(3,))).checks if c.topic == "grade")
    assert "grade 3 tumours" in grade.reason and "NETs" not in grade.reason
    low = replace(store.get(SWEDISH), criteria="Inclusion Criteria:\n* Well-differentiated grade 1 or 2 NET")
    assert "NETs" in next(c for c in checklist(low, Answers(grades=(2,))).checks if c.topic == "grade").reason


def test_a_ki67_range_from_nought_is_said_by_its_upper_end(store: TrialStore) -> None:
    trial = store.get("NCT03478358")  # 177Lu-DOTA-EB-TATE: Ki-67 from 0 to 20%
    check = next((c for c in checklist(trial, Answers(ki67=25.0)).checks if c.topic == "Ki-67"), None)
    assert check is not None and "at least 0%" not in check.reason and "at most 20%" in check.reason
