"""Comparisons the fact table cannot answer alone (issue 16 part 2): two kinds of one thing, a side
with no entry of its own, a trial described by its sponsor and drugs, a trial beside one only our
facts know, and "the first two" with no list (bot/knowledge/sides.py, pair.py, side_facts.py,
compare_sides.py, bot/trials/side_by_side.py, actions/compare_trials.py)."""

from __future__ import annotations

import re
from typing import Optional

import pytest
import textstat

from actions.compare_trials import ActionCompareTrials
from bot.knowledge.compare import WHO_WEIGHS, compare_treatments
from bot.knowledge.compare_sides import NOT_IN_FACTS, compare_kinds, compare_with_unknown
from bot.knowledge.facts import read_facts
from bot.knowledge.pair import kinds_of_one, sides_named
from bot.knowledge.sides import two_sides
from bot.trials.side_by_side import WHO_WEIGHS as TRIALS_WHO_WEIGHS
from bot.trials.store import TrialStore
from tests.helpers.actions import run, tracker

SMS_BODY = 1600
FACT_TEXTS = {fact.text for fact in read_facts()}
RANKING = re.compile(r"\b(?:is|are) (?:better|best|worse|safer)\b|\bbetter than\b", re.I)


@pytest.mark.parametrize(
    ("text", "first", "second"),
    [
        ("lutetium PRRT vs yttrium PRRT, whats the diff", "lutetium prrt", "yttrium prrt"),
        ("distal vs total pancreatectomy?", "distal pancreatectomy", "total pancreatectomy"),  # the noun left out
        ("short acting octreotide vs the LAR one", "short acting octreotide", "lar octreotide"),  # "one" stands in
        ("debulking surgery vs just drugs when its spread to the liver?", "debulking surgery", "drugs"),
        ("mr-linac radiotherapy vs surgery for MEN1 pnets", "mr linac radiotherapy", "surgery"),
        ("CLARINET and PROMID - what did each trial actually test?", "clarinet", "promid"),
        (
            "switch her from the short acting octreotide shots to octreotide LAR. whats the difference?",
            "short acting octreotide shots",
            "octreotide lar",
        ),
        ("whats the difference between lanreotide and octreotide", "lanreotide", "octreotide"),
    ],
)
def test_the_two_sides_as_written(text: str, first: str, second: str) -> None:
    sides = two_sides(text)
    assert sides is not None and (sides.first, sides.second) == (first, second)


def test_no_sides_without_two_things() -> None:
    assert two_sides("what is lanreotide") is None
    assert two_sides("tell me about octreotide, please") is None


@pytest.mark.parametrize(
    ("text", "kind"),
    [
        ("lutetium PRRT vs yttrium PRRT", "prrt"),
        ("distal pancreatectomy vs total pancreatectomy?", "surgery"),
        ("short acting octreotide vs the LAR one", "octreotide"),
        ("177Lu-DOTATATE or PRRT, whats the difference", None),  # one thing by two names
        ("lanreotide or somatostatin analogues?", None),  # a kind and one of its members
        ("chemo or captem whats the difference", None),
        ("lanreotide or octreotide?", None),  # two different things
    ],
)
def test_two_kinds_of_one_thing_are_told_from_one_thing_twice(text: str, kind: Optional[str]) -> None:
    sides = sides_named(text)
    assert sides is not None
    found = kinds_of_one(*sides)
    assert (found.id if found else None) == kind


def fact_lines(answer: str) -> list[str]:
    """The lines of the parts told from our single facts (a heading that ends with a colon)."""
    return [
        line[2:]
        for part in answer.split("\n\n")
        if part.splitlines()[0].endswith(":")
        for line in part.splitlines()[1:]
        if not line.startswith("- Trials in")
    ]


def check_reads_well(answer: str) -> None:
    assert len(answer) <= SMS_BODY and not RANKING.search(answer), answer
    assert textstat.flesch_kincaid_grade(answer) <= 8, answer
    for line in fact_lines(answer):  # every fact is one of ours, word for word, or says what we lack
        assert line in FACT_TEXTS or line.startswith("Our facts"), line


def test_lutetium_and_yttrium_prrt_are_two_kinds_with_how_they_differ(store: TrialStore) -> None:
    text = "lutetium PRRT vs yttrium PRRT, whats the diff"
    assert compare_treatments(text, store, asked_to_compare=True) is None  # not "names for the same thing"
    answer = compare_kinds(text, store, asked_to_compare=True)
    assert answer and answer.startswith("Lutetium PRRT or yttrium PRRT, side by side. Both are kinds of PRRT.")
    assert "same thing" not in answer and "yttrium-90" in answer and "kidney" in answer
    assert "Trials in our list" not in answer  # a record naming yttrium may mean SIRT beads, not this kind
    assert answer.count("Instead of lutetium-177") == 1  # a fact naming both is said once, as the difference
    assert answer.rstrip().endswith("Facts checked 4 December 2026.") and WHO_WEIGHS in answer
    check_reads_well(answer)


def test_two_forms_of_octreotide_each_get_their_own_facts(store: TrialStore) -> None:
    answer = compare_kinds("short acting octreotide vs the LAR one", store, asked_to_compare=True)
    assert answer and "Both are kinds of octreotide." in answer
    short, lar = answer.split("\n\n")[1:3]
    assert short.startswith("Short acting octreotide:") and "2 to 4 times" in short
    assert lar.startswith("LAR octreotide:") and "every 4 weeks" in lar
    check_reads_well(answer)


def test_a_member_beside_a_named_kind_of_its_kind(store: TrialStore) -> None:
    text = "distal pancreatectomy vs total pancreatectomy?"
    assert compare_treatments(text, store, asked_to_compare=True) is None  # not "not two different options"
    answer = compare_kinds(text, store, asked_to_compare=True)
    assert answer and "Both are kinds of surgery." in answer
    assert "Distal pancreatectomy: an operation on the pancreas" in answer and "spleen" in answer
    assert "Total pancreatectomy:\n- Taking out the whole pancreas" in answer and "insulin" in answer
    check_reads_well(answer)


def test_a_side_with_no_entry_says_what_we_know_and_what_we_do_not(store: TrialStore) -> None:
    debulking = compare_with_unknown("debulking surgery vs just drugs when its spread to the liver?", store)
    assert debulking and "Debulking surgery:\n- Debulking surgery takes out" in debulking
    assert "PANTODON (NCT07273409)" in debulking and f"Drugs:\n- {NOT_IN_FACTS}" in debulking
    linac = compare_with_unknown("mr-linac radiotherapy vs surgery for MEN1 pnets", store)
    assert linac and f"MR-linac radiotherapy:\n- {NOT_IN_FACTS}" in linac.replace("Mr-linac", "MR-linac")
    assert "PRIME (NCT05037461)" in linac and "Surgery: an operation" in linac
    for answer in (debulking, linac):
        check_reads_well(answer)


def test_nothing_known_of_either_side_is_no_answer(store: TrialStore) -> None:
    assert compare_with_unknown("zebras vs unicorns?", store) is None
    assert compare_with_unknown("1 and 3 side by side", store) is None  # two trials of a list
    assert compare_kinds("lutetium PRRT and yttrium PRRT", store) is None  # no word asks to compare
    assert compare_with_unknown("lanreotide vs octreotide", store) is None  # the table's own answer


pytestmark_action = pytest.mark.usefixtures("database_url_env")


def said(text: str, slots: Optional[dict] = None) -> str:
    _, messages = run(ActionCompareTrials(), tracker(text, slots=slots or {}, intent="compare_trials"))
    return "\n\n".join(m.get("text") or "" for m in messages)


@pytestmark_action
def test_a_trial_described_by_sponsor_and_drugs_is_found_by_search() -> None:
    answer = said("cabaten v the dana farber cabo + nivolumab trial")
    assert "NCT04400474" in answer and "NCT04197310" in answer and "Try fewer words" not in answer
    assert "atezolizumab" in answer.lower() and "nivolumab" in answer.lower()


@pytestmark_action
def test_a_trial_beside_one_only_our_facts_know() -> None:
    answer = said("CLARINET and PROMID - what did each trial actually test?")
    assert answer.startswith("NCT00353496 (CLARINET)") and "lanreotide" in answer.lower()
    assert "PROMID is not in our list of trials." in answer and "octreotide LAR" in answer
    assert answer.endswith(TRIALS_WHO_WEIGHS)


@pytestmark_action
def test_the_action_answers_kinds_and_unknown_sides() -> None:
    assert said("lutetium PRRT vs yttrium PRRT, whats the diff").startswith("Lutetium PRRT or yttrium PRRT")
    assert "PRIME (NCT05037461)" in said("mr-linac radiotherapy vs surgery for MEN1 pnets")


@pytestmark_action
def test_a_trial_beside_a_trial_only_our_facts_know_names_both() -> None:
    answer = said("E2211 and SEQTOR - what did each one actually compare?")
    assert "SEQTOR" in answer and "E2211 is not in our list of trials." in answer and "temozolomide" in answer


@pytestmark_action
def test_trials_in_a_few_towns_say_the_towns() -> None:
    answer = said("NCT02743741 vs NCT01876771 - how do they compare")
    assert "Where: Hamilton, London and Toronto, Canada" in answer and "Where: Edmonton, Canada" in answer


@pytestmark_action
def test_the_first_two_after_a_message_that_listed_nothing_are_found_from_it() -> None:
    events = [
        {"event": "user", "text": "von hippel lindau"},
        {"event": "bot", "text": "VHL is ..."},
        {"event": "user", "text": "difference between the first two?"},
    ]
    _, messages = run(
        ActionCompareTrials(),
        tracker("difference between the first two?", slots={}, events=events, intent="compare_trials"),
    )
    assert messages[0]["text"].startswith("I haven't shown you a list yet")
    assert messages[1]["text"].count("NCT") >= 2 and "NCT04924075" in messages[1]["text"]  # belzutifan, in VHL


def test_one_topic_answer_and_the_other_side_from_our_facts() -> None:
    from bot.knowledge.compare_sides import sides_left_out

    extra = sides_left_out(
        "whats the difference between a somatostatinoma and a glucagonoma, symptoms wise",
        "A glucagonoma is a NET that makes too much glucagon.",
    )
    assert extra and extra.startswith("What our facts say about somatostatinoma:") and "gallstones" in extra
    assert "glucagonoma:" not in extra  # the answer sent already covers it
    assert (
        sides_left_out("insulinoma vs gastrinoma", "An insulinoma makes insulin. A gastrinoma makes gastrin.") is None
    )


def test_facts_naming_both_unknown_sides_are_said_once(store: TrialStore) -> None:
    answer = compare_with_unknown("blind trial vs double blind? the leaflet says double blind and im confused", store)
    assert answer and answer.count("In a blind trial, patients are not told") == 1 and "How they differ:" in answer
    assert "suits one person better" not in answer  # nothing here to weigh up
    check_reads_well(answer)
