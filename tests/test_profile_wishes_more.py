"""Classes of wish wording (age group, phase, status), each tested on sentences the rules were not written for."""

from __future__ import annotations

import pytest

from bot.profile.evaluate import read_turns
from bot.profile.wishes import read_age_group, read_phase, read_status


@pytest.mark.parametrize(
    ("text", "group"),
    [
        # whether trials are only for another age: the patient's own age group
        ("my nephew is 15 with a pancreatic NET. are these trials only for adults?", "teen"),
        ("She's 13. Or are the studies just for grown-ups?", "teen"),
        # "young people" at an adult age: the adult group
        ("I'm 22 and just diagnosed with an appendix NET. any research for young adults?", "adult"),
        ("26F, small bowel NET. Are there studies for younger people?", "adult"),
        # a limit asked without a question mark
        ("I'm 84 with a lung carcinoid. Is there an age limit on these", "older adult"),
        # several ages listed
        ("any prrt trials that accept 16 or 17 year olds", "teen"),
        ("trials taking 9, 10 and 11 year olds?", "child"),
        # limits and inclusion asked in other words
        ("is 80 too old for a trial? my dad has a pnet", "older adult"),
        ("my mum is 83, is there a maximum age for these studies", "older adult"),
        ("dad's 79. do trials have an age cap?", "older adult"),
        ("I'm 78, will they even look at someone my age", "older adult"),
        ("granddad is 88 - are trials open to people that age?", "older adult"),
        ("I'm 68 - do trials want older patients?", "older adult"),
        # "at his age" not about trials, or about a treatment they do not want
        ("My son is 15. Does he really need chemo at his age?", None),
        ("she is 81 and won't want surgery at her age, what else is there?", None),
        ("Dad is 79, he doesn't fancy radiotherapy at his age, any trials?", None),
    ],
)
def test_age_group_classes(text: str, group: str | None) -> None:
    assert read_age_group(text) == group


@pytest.mark.parametrize(
    ("text", "phase"),
    [
        ("what's the difference between phase 1 and phase 3?", None),
        ("is a phase 2 study riskier compared to a phase 3 one", None),
        ("phase 2 vs phase 3, which is better for my mum", None),
        ("only phase 3 please", 3),
    ],
)
def test_phases_compared_are_no_wish(text: str, phase: int | None) -> None:
    assert read_phase(text) == phase


@pytest.mark.parametrize(
    ("text", "status"),
    [
        ("she had 6 cycles and finished her chemo in May, what now?", None),
        ("he started lanreotide and completed the PRRT course last year", None),
        ("NET trials, open and closed", "all"),
        ("immunotherapy trials recruiting in Canada", "open"),
        ("PRRT studies open across Europe?", "open"),
        ("what trials have already finished for PRRT", "closed"),
        ("trials that are open right now", "open"),
    ],
)
def test_status_classes(text: str, status: str | None) -> None:
    assert read_status(text) == status


@pytest.mark.parametrize(
    ("text", "group"),
    [
        # taken or let in "at" an age
        ("My aunt is 81. would a study let her in at 81?", "older adult"),
        ("he is 86, will anyone accept him on a trial at 86", "older adult"),
        # the age asked about in other words: because of it, whether it matters, old enough, a cut-off
        ("nan is 90, would they refuse her because of her age?", "older adult"),
        ("will his age count against him for these studies? he's 78", "older adult"),
        ("my girl is 15, is she old enough for the lutathera trial", "teen"),
        ("I'm 74. Is there a cut off for the trials?", "older adult"),
        ("is there a cutoff for trials, dad is 83", "older adult"),
        # decades said in words
        ("are there studies open to people in their nineties", "older adult"),
        # a cut-off nobody's age is given for, and a cut-off that is no age
        ("is there a cut off for the trials?", None),
    ],
)
def test_age_asked_in_other_words(text: str, group: str | None) -> None:
    assert read_turns([text]).wants.age_group == group
