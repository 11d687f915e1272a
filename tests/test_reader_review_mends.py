"""Review findings 4, 5, 6 and 19 on the reader (/tmp/review/findings.md): each as a class, with the reviewer's
wordings and wordings of our own, both those that must be read and those that must not."""

from __future__ import annotations

from typing import Optional

import pytest

from bot.profile.read import read_message


def _had(text: str) -> dict[str, Optional[str]]:
    return {t.id: t.outcome for t in read_message(text).treatments}


# -- 4: "one ... out", "took some ..." are not an operation unless a tumour is what was taken out ----------------


@pytest.mark.parametrize(
    "text",
    [
        "I have one more question out of interest about lanreotide",
        "got one of the scans out of the way, now waiting on lanreotide",
        "they took some bloods with the scan last week",
        "one more thing out of curiosity about octreotide",
        "just got one of my scans out of the way, results friday",
        "they took a few bloods through the port last week",
        "we took some photos with the nurse last week",
    ],
)
def test_ordinary_words_are_not_an_operation(text: str) -> None:
    assert "surgery" not in _had(text)


@pytest.mark.parametrize(
    "text",
    [
        "she had NETs in her stomach and they took a few out through the camera last year",
        "his rectal tumours were small so they removed some by endoscopy in 2021",
        "the polyps, they took them out with the scope last spring",
        "had the biggest one out in 2020",
    ],
)
def test_tumours_taken_out_without_the_word_surgery_are_still_an_operation(text: str) -> None:
    assert "surgery" in _had(text)


# -- 5: a symptom asked about in general is not the person's own dose -------------------------------------------


@pytest.mark.parametrize(
    "text",
    [
        "everolimus mouth ulcers - how common are they?",
        "does everolimus cause mouth ulcers? any tips",
        "lanreotide lumps - how often do they happen?",
        "sunitinib blisters, are they common?",
        "does capecitabine cause diarrhoea? any advice",
        "do sunitinib tablets give you a rash? any tips",
    ],
)
def test_a_symptom_asked_about_in_general_is_not_had(text: str) -> None:
    assert not _had(text)


@pytest.mark.parametrize(
    ("text", "drug"),
    [
        ("everolimus mouth ulcers again this week, ugh", "everolimus"),
        ("lanreotide lumps on my bum after each jab", "lanreotide"),
        ("capecitabine rash!! any advice", "capecitabine"),
        ("afinitor mouth ulcers!!! any tips", "everolimus"),
    ],
)
def test_a_symptom_told_of_someone_or_of_now_is_a_dose_had(text: str, drug: str) -> None:
    assert _had(text).get(drug) == "ongoing"


# -- 6: harm told with the treatment stopped, paused or beyond bearing is "side effects" -------------------------


@pytest.mark.parametrize(
    ("text", "drug"),
    [
        ("mum had everolimus, mouth ulcers since january, no longer taking it", "everolimus"),
        ("been on sunitinib since march, the side effects are unbearable", "sunitinib"),
        ("he's on capecitabine since june, side effects horrendous, the onc has paused it", "capecitabine"),
        ("dad was on everolimus, ulcers since april, he's not taking it any more", "everolimus"),
        ("she has been on everolimus since may, mouth ulcers, the team have it on hold", "everolimus"),
        ("been on capecitabine since june and the side effects are intolerable", "capecitabine"),
        ("she's been on sunitinib since march and can barely eat with the mouth sores", "sunitinib"),
    ],
)
def test_harm_with_the_treatment_stopped_or_too_much_is_side_effects(text: str, drug: str) -> None:
    assert _had(text)[drug] == "side effects"


@pytest.mark.parametrize(
    ("text", "drug"),
    [
        ("on everolimus since march, ulcers are grim but we keep going", "everolimus"),
        ("still on sunitinib, the side effects are not unbearable, just tiring", "sunitinib"),
        ("on capecitabine since june, diarrhoea held up ok", "capecitabine"),
        ("he held up well on everolimus, mouth ulcers but fine", "everolimus"),
        ("on everolimous 6 weeks, the mouth ulcers are horrendous, any tips??", "everolimus"),
    ],
)
def test_harm_borne_while_still_taking_it_stays_ongoing(text: str, drug: str) -> None:
    assert _had(text)[drug] == "ongoing"


# -- 19: what "they" use somewhere is a general statement, not a treatment under way ----------------------------


@pytest.mark.parametrize(
    ("text", "treatment"),
    [
        ("i heard they use PRRT for this in Germany", "prrt"),
        ("apparently they use lutathera for this in Sweden", "prrt"),
        ("we read that they use everolimus for this in the US", "everolimus"),
    ],
)
def test_what_they_use_somewhere_is_not_under_way(text: str, treatment: str) -> None:
    assert _had(text).get(treatment) != "ongoing"


@pytest.mark.parametrize(
    ("text", "drug"),
    [
        ("i use lanreotide every 4 weeks", "lanreotide"),
        ("they take lanreotide every 28 days", "lanreotide"),
    ],
)
def test_a_dose_the_person_uses_is_still_under_way(text: str, drug: str) -> None:
    assert _had(text)[drug] == "ongoing"
