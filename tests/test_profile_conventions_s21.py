"""The two label conventions settled in session 21 (tests/data/understanding/README.md): "instead of X"
is no refusal; X said to be out for the patient ("too frail for", "can't have") is avoided, never wished."""

from __future__ import annotations

import pytest

from bot.profile.read import read_message


@pytest.mark.parametrize(
    "text",
    [
        "is there anything he could do instead of the op?",
        "any trials of lutathera first rather than the injections?",
        "she'd like a trial instead of chemo",
        "Is er een studie met bestraling in plaats van een operatie?",
        "Are there any trials here I should know about, either instead of the op or alongside it?",
    ],
)
def test_instead_of_names_what_a_trial_replaces_not_a_refusal(text: str) -> None:
    wants = read_message(text).wants
    assert wants.avoid == () and not {"surgery", "chemotherapy", "somatostatin_analogue"} & set(wants.treatment)


@pytest.mark.parametrize(
    ("text", "refused"),
    [
        ("my dad is not fit for surgery. any trials?", "surgery"),
        ("the surgeon says he isn't fit enough for an operation. what else is there", "surgery"),
        ("they said she's too frail for chemo, is there anything gentler", "chemotherapy"),
        ("he cannot have an operation, the spots are on both sides. anything in sweden?", "surgery"),
        ("the op is too risky for her at 85, any trials?", "surgery"),
        ("are there studies for people who can't have an operation because of their heart?", "surgery"),
        ("he wasn't well enough for the whipple so they put him on lanreotide", "surgery"),
    ],
)
def test_what_cannot_be_had_is_avoided(text: str, refused: str) -> None:
    profile = read_message(text)
    assert refused in profile.wants.avoid and refused not in profile.wants.treatment
    assert refused not in {t.id for t in profile.treatments}


@pytest.mark.parametrize(
    "text",
    [
        "mum is probably too old for the radioactive treatment they said",
        "he might not be fit for PRRT",
        "is he too old for PRRT?",
    ],
)
def test_a_hedged_or_asked_inability_is_neither(text: str) -> None:
    wants = read_message(text).wants
    assert wants.avoid == () and wants.treatment == ()
