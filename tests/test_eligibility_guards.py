"""The two guards on every rewritten criterion: language and meaning."""

from __future__ import annotations

import pytest

from bot.eligibility.guards import rewrite_problems
from bot.eligibility.guards.language import language_defects, verbless
from bot.eligibility.guards.meaning import meaning_problems
from bot.eligibility.limits import kind_of, limits_in
from bot.eligibility.plain import ORIGINAL, plain_criteria


@pytest.mark.parametrize(
    "text, kind",
    [
        ("Heart heart pumping strength at least 50%.", "doubled word"),
        ("Stop seizure drugs drugs.", "doubled word"),
        ("No bleeding or bleeding.", "same word either side of and/or"),
        ("Expected to live of at least 3 months.", "live of"),
        ("Blood counts..", "double stop"),
        ("Past chemotherapy; and.", "dangling and/or"),
        ("Kidney problems, .", "stop after a comma or semicolon"),
        ("Liver tests (see below.", "bracket not closed"),
        ("You have had cancer. except skin cancer.", "lower-case sentence start"),
        ("Heart rhythm problems. This is a blood test.", "explanation pointing at nothing"),
        ("Active another cancer.", "word-swap leftover"),
        ("Female or men at least 18 years.", "word-swap leftover"),
        ("Those anticipated to needing surgery.", "word-swap leftover"),
        ("Vaccine during the before 2 weeks.", "word-swap leftover"),
        ("You are a men or women aged 18.", "word-swap leftover"),
        ("You are able to follow all study plan needing.", "word-swap leftover"),
        ("Undifferentiated: fast-growing/fast-growing cancer.", "doubled word"),
    ],
)
def test_language_defects_are_found(text: str, kind: str) -> None:
    assert kind in language_defects(text)


@pytest.mark.parametrize(
    "text",
    [
        "You are expected to live for at least 3 months.",
        "Your platelet count is at least 100,000/mm3. Platelets help the blood to clot.",
        "You had had surgery, e.g. a Whipple operation.",
        "Pregnancy.",
        "You are aged 18 to 75 years. For example, A or B.",
    ],
)
def test_good_english_has_no_defects(text: str) -> None:
    assert not language_defects(text)


def test_a_sentence_without_a_verb_after_the_first_is_a_defect() -> None:
    assert verbless("Past surgery. Blood blood chemistries.") == 1
    assert verbless("Pregnancy.") == 0  # a criterion may be a noun phrase


@pytest.mark.parametrize(
    "original, rewrite, lost",
    [
        ("Patients must not have received chemotherapy", "You have received chemotherapy.", "negation lost"),
        ("No prior surgery", "Past surgery.", "negation lost"),
        ("Any cancer except basal cell skin cancer", "Any cancer.", "exception lost"),
        ("Cancer other than skin cancer", "Cancer.", "exception lost"),
        ("Steroids, unless at a stable dose", "Steroids at a stable dose.", "unless lost"),
        ("Phase 2 only", "Phase 2.", "only lost"),
        ("Age ≥ 18 years", "At least 18 years.", "age lost"),
        ("Life expectancy ≥ 12 weeks", "You are expected to live 12 weeks.", "limit 'at least' lost"),
        ("Bilirubin ≤ 1.5 x ULN", "Bilirubin 1.5 times.", "unit the upper limit of normal lost"),
        ("Creatinine < 1.5 mg/dL", "Creatinine less than 1.5.", "unit mg/dl lost"),
        ("QTc > 470 ms", "QTc more than 47 ms.", "number 470 lost"),
    ],
)
def test_meaning_losses_are_found(original: str, rewrite: str, lost: str) -> None:
    assert lost in meaning_problems(original, rewrite)


def test_sex_words_must_be_the_same_ones() -> None:
    assert meaning_problems("Of reproductive potential", "People (men or women) who could become pregnant.")
    assert meaning_problems("Females and males", "Females.")
    assert not meaning_problems("Female or male patients", "Women or men.")
    assert not meaning_problems("MEN1 syndrome", "MEN1 syndrome.")  # the inherited condition, not men
    assert meaning_problems("MEN 2 syndrome", "men 2 syndrome.")


@pytest.mark.parametrize(
    "original, rewrite",
    [
        ("Life expectancy of no less than 3 months", "You are expected to live for at least 3 months."),
        ("Age 18 years or older", "You are aged at least 18 years."),
        ("Patients must not have received X", "You have not had X."),
        ("Inability to swallow", "You are not able to swallow."),
        ("Including but not limited to A and B", "Like A and B."),
        ("Infection, not including A", "Infection, except A."),
        ("AST ≤ 2.5 x ULN", "Your AST is at most 2.5 times the top of the normal range."),
    ],
)
def test_the_same_meaning_in_other_words_passes(original: str, rewrite: str) -> None:
    assert meaning_problems(original, rewrite) == []


def test_limits_have_one_meaning_however_written() -> None:
    assert kind_of("=>") == kind_of("no less than") == kind_of("or older") == "at least"
    assert kind_of("≤") == kind_of("not exceeding") == "at most"
    assert kind_of("over") == "more than"  # only before a number: "overall" is no limit
    assert limits_in("overall survival above 3, or more than 5") == {"more than": 2}


def test_a_defect_the_registry_already_has_is_not_the_rewrites() -> None:
    assert rewrite_problems("Past chemo.. or", "Past chemo.. or", "Past chemo.. or") == []
    assert rewrite_problems("Past chemo; and", "Past chemo; and.", "Past chemo; and.")  # this one is ours
    assert rewrite_problems("Heart pumping strength", "Heart heart pumping strength.", "Heart heart pumping strength.")


def test_meaning_is_checked_without_the_explanations() -> None:
    """An explanation's "cannot" must not stand in for the criterion's lost "not"."""
    shown = "You have had surgery. Inoperable means it cannot be removed by surgery."
    assert "negation lost" in rewrite_problems("Not had surgery", "You have had surgery.", shown)


def test_a_refused_rewrite_shows_the_registry_words_with_the_terms_explained(monkeypatch: pytest.MonkeyPatch) -> None:
    """When the guards refuse the template and every tidied form of the registry's words, the item is shown
    exactly as the registry wrote it, with its terms explained beneath and the reasons kept."""
    from bot.eligibility import plain as plain_module

    monkeypatch.setattr(plain_module, "registry_sentence", lambda original, swaps=True, split=True: "Cancer cancer.")
    item = plain_criteria("Exclusion Criteria:\n- Another concurrent malignancy, histologically confirmed").exclusion[0]
    assert item.how == ORIGINAL and item.sentence == "Another concurrent malignancy, histologically confirmed."
    assert item.refused and "Histologically confirmed: lab-confirmed." in item.plain
