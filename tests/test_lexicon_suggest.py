"""bot/lexicon.py suggest(): the nearest known names for a name the lexicon does not know."""

from __future__ import annotations

import pytest

from bot.lexicon import default_lexicon, suggest


@pytest.mark.parametrize(
    "kind, typed, first",
    [
        ("treatment", "lutetiun", "lutetium"),
        ("treatment", "cabozantnib", "cabozantinib"),
        ("treatment", "cabometix", "Cabometyx"),  # a listed misspelling gives the name it misspells
        ("treatment", "lutathra", "Lutathera"),  # brands with a capital
        ("treatment", "octreo", "octreotide"),  # the start of a name
        ("treatment", "evero", "everolimus"),
        ("condition", "insulinomma", "insulinoma"),
        ("condition", "gastrinomia", "gastrinoma"),
    ],
)
def test_near_names_are_suggested(kind: str, typed: str, first: str) -> None:
    found = suggest(kind, typed)  # type: ignore[arg-type]
    assert found and found[0] == first, found


@pytest.mark.parametrize(
    "typed",
    [
        "zolbetuximab",  # nothing close
        "zolbetuximab therapy",
        "tislelizumab",  # another antibody: never offered a different drug that only sounds alike
        "retifanlimab",
        "therapy",  # generic words name no one concept
        "the drug",
        "",
    ],
)
def test_nothing_close_gives_nothing(typed: str) -> None:
    assert suggest("treatment", typed) == []


def test_one_name_per_concept_and_at_most_n() -> None:
    found = suggest("treatment", "lutetiun", n=3)
    assert len(found) == len(set(found)) <= 3
    assert "Lutathera" not in found  # the same concept as lutetium
    assert len(suggest("treatment", "radioactiv drip", n=1)) == 1
    assert suggest("treatment", "octreo", n=0) == []


def test_the_function_and_the_method_agree() -> None:
    lexicon = default_lexicon()
    assert suggest("treatment", "cabozantnib") == lexicon.suggest("treatment", "cabozantnib")
    assert suggest("treatment", "cabozantnib", lexicon=lexicon) == ["cabozantinib"]


def test_a_misspelling_is_never_read_as_its_opposite() -> None:
    lexicon = default_lexicon()
    assert lexicon.resolve("condition", "pancreatic") == ()  # not "nonpancreatic": searched as words instead
    assert lexicon.resolve("condition", "nonpancreatic") == ("condition:extrapancreatic_net",)
    assert suggest("condition", "extrapancreatc") == ["extrapancreatic net"]
    assert suggest("condition", "pancreatc net") == ["pancreatic NET"]
