"""The parts of the treatment reader, each on its own: the names found, the role a clause's cue
words give one, what happened with one had, and operations told without a name. Sentences are
written the way patients and carers write; none is copied from the development set."""

from __future__ import annotations

from typing import Optional

import pytest

from bot.lexicon import default_lexicon
from bot.profile.pointed_back import pointed_back
from bot.profile.read import read_message
from bot.profile.surgery_story import surgery_role, surgery_told
from bot.profile.treatment_names import clause_words, name_spans, named_ids, only_treatment_names
from bot.profile.treatment_outcomes import outcome_before, outcome_in, outcome_said_later
from bot.profile.treatment_roles import Mention, nearest_role, role_from_cues
from bot.text import normalize


def names(text: str) -> list[str]:
    return [concept for _, _, concept in name_spans(normalize(text).split(), default_lexicon())]


# -- the names ---------------------------------------------------------------------------------
@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("been on the jab since march", ["somatostatin_analogue"]),
        ("cabo and nivo trial?", ["cabozantinib", "nivolumab"]),
        ("he takes everolimis every morning", ["everolimus"]),  # a slip in a long drug name
        ("the surgeon was lovely", []),  # a word one letter from a treatment's name is no slip
    ],
)
def test_names_are_found_in_everyday_and_misspelt_words(text: str, expected: list[str]) -> None:
    assert names(text) == expected


def test_a_message_of_only_names_is_told_apart_from_a_story() -> None:
    lexicon = default_lexicon()
    assert only_treatment_names("lutathera?", lexicon)
    assert not only_treatment_names("mum had lutathera last year", lexicon)


def test_named_ids_keep_the_order_and_read_regular_scans_as_watching() -> None:
    assert named_ids("PRRT or chemo, or just scans every 6 months?") == ("prrt", "chemotherapy", "surveillance")


def test_clause_words_mark_where_each_comma_part_starts() -> None:
    words, starts = clause_words("no spread, watch and wait for now")
    assert words[starts[1]] == "watch" and starts[0] == 0


# -- the role from the cue words around a name ----------------------------------------------------
@pytest.mark.parametrize(
    ("before", "after", "asks", "role"),
    [
        ("she has been on", "since 2020", False, "had"),
        ("are there any", "trials near leeds", True, "want"),
        ("he really does not want another", "", False, "avoid"),
        ("the oncologist mentioned", "as the next step", False, "planned"),
        ("he has never had", "", False, "never"),
        ("", "which i really don t want", False, "avoid"),  # a refusal said after the name
    ],
)
def test_the_nearest_cue_gives_the_role(before: str, after: str, asks: bool, role: str) -> None:
    assert role_from_cues(before, after, narrative=True, asks=asks, only_names=False) == role


def test_a_longer_cue_holding_a_nearer_one_wins() -> None:
    # "not keen on": "keen on" (a wish) sits inside "not keen on" (a refusal)
    assert nearest_role([((0, 11), "avoid"), ((4, 11), "want")]) == "avoid"
    assert nearest_role([((0, 3), "had"), ((10, 14), "want")]) == "want"


def test_a_name_with_no_cue_is_had_in_a_story_and_wanted_in_a_look_up() -> None:
    assert role_from_cues("", "", narrative=True, asks=False, only_names=False) == "had"
    assert role_from_cues("", "", narrative=False, asks=False, only_names=False) == "want"


# -- what happened with a treatment had ---------------------------------------------------------
@pytest.mark.parametrize(
    ("words", "outcome"),
    [
        ("lanreotide for 2 years then it stopped working", "stopped working"),
        ("everolimus but had to come off it because of the mouth ulcers", "side effects"),
        ("prrt 4 cycles finished in 2022", "stopped"),
        ("octreotide every 4 weeks and still stable", "ongoing"),
        ("sunitinib", None),
    ],
)
def test_the_outcome_after_a_name(words: str, outcome: Optional[str]) -> None:
    assert outcome_in(words) == outcome


@pytest.mark.parametrize(
    ("before", "outcome"),
    [
        ("it grew on", "stopped working"),
        ("she finished 4 cycles of", "stopped"),
        ("currently on", "ongoing"),
        ("the nurse said", None),
    ],
)
def test_the_outcome_before_a_name(before: str, outcome: Optional[str]) -> None:
    assert outcome_before(before) == outcome


def test_an_outcome_told_in_a_later_message_is_read_without_a_name() -> None:
    assert outcome_said_later("both of them stopped working last year") == ("stopped working", True)
    assert outcome_said_later("she stopped work in may") == (None, False)  # work, not a treatment
    assert outcome_said_later("what if it stops working?") == (None, False)  # a worry, not what happened


# -- operations told without a name, and wishes that point back -----------------------------------
@pytest.mark.parametrize(
    ("sentence", "told"),
    [
        ("he had half his pancreas out in 2020", True),
        ("she was operated in Uppsala", True),
        ("he has never been operated on", False),
        ("her parathyroids were removed years ago", False),
    ],
)
def test_an_operation_told_as_a_story(sentence: str, told: bool) -> None:
    assert surgery_told(sentence) is told


def test_an_operation_told_without_a_name_is_had_planned_or_wanted() -> None:
    assert surgery_role("they took the tumour out last spring", "they took the tumour out last spring") == "had"
    assert (
        surgery_role("they want to take the tail out next month", "they want to take the tail out next month")
        == "planned"
    )
    assert (
        surgery_role("is there a study where they take it out first", "is there a study where they take it out first")
        == "want"
    )


def test_a_wish_pointing_back_wants_what_was_proposed_unless_it_was_had() -> None:
    proposed = [Mention("liver_ablation", "planned")]
    assert pointed_back("any trials on that", [], proposed, proposed, True) == [Mention("liver_ablation", "want")]
    had_it = [Mention("liver_ablation", "had"), Mention("liver_ablation", "planned")]
    assert pointed_back("any trials on that", [], had_it, had_it[1:], True) == []
    assert pointed_back("is there anything less drastic", [], proposed, proposed, True) == [
        Mention("liver_ablation", "avoid")
    ]


# -- the whole reader: constructions, not phrasings ------------------------------------------------
def reading(text: str) -> tuple[list[tuple[str, Optional[str]]], tuple[str, ...]]:
    profile = read_message(text)
    return [(t.id, t.outcome) for t in profile.treatments], profile.wants.treatment


@pytest.mark.parametrize(
    "text",
    [
        "is there a trial where they cut the tumour out before any other treatment?",
        "the surgeon spoke about a study that removes the liver spots first, could dad join?",
        "finns det någon studie om att operera bort levermetastaserna?",
    ],
)
def test_an_operation_a_trial_does_is_wanted_not_had(text: str) -> None:
    assert reading(text) == ([], ("surgery",))


@pytest.mark.parametrize(
    "text",
    [
        "Whipple and cholecystectomy scheduled for next month at the Freeman.",  # the whole list is still to come
        "they're doing her op in three weeks, she's terrified",
    ],
)
def test_an_operation_still_to_come_is_not_had(text: str) -> None:
    assert reading(text)[0] == []


def test_growth_told_after_then_belongs_to_the_course_before() -> None:
    had, _ = reading("octreotide 2019-2021 then progression, everolimus since")
    assert ("octreotide", "stopped working") in had and ("everolimus", "ongoing") in had


def test_a_first_dose_means_still_on_it() -> None:
    assert reading("he had his first lanreotide injection on monday and feels ok")[0] == [("lanreotide", "ongoing")]


@pytest.mark.parametrize(
    ("text", "avoided"),
    [
        ("we are not considering surgery for him, what else is there?", ("surgery",)),
        ("my sister is totally against chemo", ("chemotherapy",)),
        ("any trials that don't involve an operation?", ("surgery",)),
        ("the consultant offered chemo but she said no", ("chemotherapy",)),
        ("the consultant offered chemo. She declined it.", ("chemotherapy",)),
        ("a trial comparing PRRT against sunitinib", ()),  # a comparison, not a refusal
        ("they want him on lanreotide. he says no more needles", ()),  # not a plain "no" to the offer
    ],
)
def test_a_refusal_in_its_clause_avoids_the_treatment(text: str, avoided: tuple[str, ...]) -> None:
    assert read_message(text).wants.avoid == avoided
