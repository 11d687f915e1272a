"""A trial's eligibility as the chat shows it."""

from __future__ import annotations

from dataclasses import replace

import textstat

from bot.eligibility.forbidden_words import tells_can_join
from bot.eligibility.render import EXCLUDE_HEADING, INCLUDE_HEADING, eligibility_text
from bot.trials.store import TrialStore


def test_two_headed_lists_with_every_item(store: TrialStore) -> None:
    trial = store.get("NCT07273409")
    text = eligibility_text(trial)
    lines = text.splitlines()
    include, exclude = lines.index(INCLUDE_HEADING), lines.index(EXCLUDE_HEADING)
    assert len([line for line in lines[include + 1 : exclude] if line.startswith("- ")]) == 4
    assert len([line for line in lines[exclude + 1 :] if line.startswith("- ")]) == 8
    assert "at least 18" in text and trial.registry_url in text
    assert "Only the trial team can say" in text
    assert not tells_can_join(text)


def test_original_words_on_request(store: TrialStore) -> None:
    trial = store.get("NCT07273409")
    assert "Age ≥ 18 years" not in eligibility_text(trial)
    assert "(Record's words: Age ≥ 18 years)" in eligibility_text(trial, show_original=True)


def test_a_shortened_list_says_so(store: TrialStore) -> None:
    trial = store.get("NCT07273409")
    text = eligibility_text(trial, limit=3)
    assert "There is 1 more." in text and "There are 5 more." in text


def test_no_criteria_points_to_the_registry_and_the_team(store: TrialStore) -> None:
    trial = replace(store.get("NCT07273409"), criteria=None)
    text = eligibility_text(trial)
    assert INCLUDE_HEADING not in text
    assert "https://clinicaltrials.gov/study/NCT07273409" in text and "trial team" in text
    assert "age 18 or over" in text and "men and women" in text
    assert textstat.flesch_kincaid_grade(text) <= 8


def test_every_shipped_trial_renders_safely(store: TrialStore) -> None:
    for nct_id in store.iter_ids():
        text = eligibility_text(store.get(nct_id))
        assert not tells_can_join(text), nct_id
        assert store.get(nct_id).registry_url in text


def test_a_refused_rewrite_shows_the_record_words_with_terms_beneath(store: TrialStore) -> None:
    text = "Inclusion Criteria:\n- Age ≥ 18 years\n\nExclusion Criteria:\n- Another concurrent malignancy, histologically confirmed"
    trial = replace(store.get("NCT07273409"), criteria=text)
    lines = eligibility_text(trial, show_original=True).splitlines()
    at = lines.index("- Another concurrent cancer, lab-confirmed.")  # the registry's words, with safe swaps
    assert lines[at + 1].startswith("  Concurrent: current. Lab-confirmed means")
    assert lines[at + 2] == "  (Record's words: Another concurrent malignancy, histologically confirmed)"
    as_written = "Exclusion Criteria:\n- Another concurrent cancer, confirmed by a doctor"
    shown = eligibility_text(replace(trial, criteria=as_written), show_original=True)
    assert "(Record's words:" not in shown  # they are already shown as they are


def test_each_item_explains_its_own_terms() -> None:
    """People jump between items: an explanation is repeated wherever its term comes up."""
    from bot.eligibility.plain import plain_criteria

    plain = plain_criteria("Inclusion Criteria:\n- Prior PRRT with Lutathera allowed\n- No Lutathera in the last year")
    assert all("Lutathera is a PRRT drug." in item.plain for item in plain.inclusion)  # names its term, not "This is"


def test_an_explanation_is_kept_unless_the_item_says_all_of_it() -> None:
    from bot.eligibility.plain import plain_criteria

    item = plain_criteria("QTc prolongation seen on a heart trace, and other heart problems").inclusion[0]
    assert (
        "The QT interval (or QTc interval) is a time measured on a heart trace." in item.plain
    )  # "heart trace" alone is not the explanation
