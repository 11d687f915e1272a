"""Trials made for another kind of tumour than a NET of no said grade (bot/profile/other_kinds.py),
trials made for the person's syndrome or inherited condition first, and openings that say plainly
what no trial found is made for (bot/profile/asked_condition.py) or is about (keeping a NET from
coming back after an operation: bot/profile/stage_fit.asks_to_stop_return)."""

from __future__ import annotations

import pytest

from bot.profile.asked_condition import none_made_for_words
from bot.profile.evaluate import read_turns
from bot.profile.fit import FitResult, after_surgery_first, find_fitting, with_lookups
from bot.profile.model import Profile
from bot.profile.nec_trials import only_for_high_grade
from bot.profile.other_kinds import led_by_other_tumours
from bot.profile.present import heading
from bot.profile.read import for_search
from bot.profile.stage_fit import asks_to_stop_return
from bot.trials.store import TrialStore

NALIRIFOX = "NCT07077551"  # "... in Extrapulmonary High-grade Neuroendocrine Neoplasms"
SURUFATINIB_G3 = "NCT05973968"  # "Surufatinib in G3 Neuroendocrine Tumors"
BELZUTIFAN = "NCT04924075"  # "... Pheochromocytoma/Paraganglioma (PPGL), Pancreatic Neuroendocrine Tumor (pNET), ..."
COMPOSE = "NCT04919226"  # "... Well-differentiated Aggressive Grade-2 and Grade-3 ... GEP-NETs"
MEN1_TRIALS = {"NCT05037461", "NCT02705651"}  # "... Pancreatic Neuroendocrine Tumours in MEN1 Patients"
ADJUVANT = {"NCT07279532", "NCT05040360"}  # for after an operation (their titles)


def searched(store: TrialStore, *turns: str) -> tuple[Profile, FitResult]:
    profile = with_lookups(for_search(read_turns(turns), turns[-1]), turns[-1], store)
    return profile, find_fitting(store, profile)


def top(result: FitResult, n: int = 5) -> list[str]:
    return [f.trial.nct_id for f in result.fits[:n]]


def test_titles_only_for_fast_growing_tumours(store: TrialStore) -> None:
    assert only_for_high_grade(store.get(NALIRIFOX)) and only_for_high_grade(store.get(SURUFATINIB_G3))
    assert not only_for_high_grade(store.get(COMPOSE))  # grade 2 as well
    assert not only_for_high_grade(store.get(BELZUTIFAN))


@pytest.mark.parametrize(
    "story",
    [
        "i have a neuroendocrine tumour, what trials are there?",
        "my NET has come back after surgery, any chemotherapy trials?",
        "our son is 15 and has a NET in his appendix, are there any trials for teenagers?",
        "my mum has a neuroendocrine tumour that's spread to her liver, we're in Chicago, any trials?",
    ],
)
def test_a_net_of_no_said_grade_is_not_shown_fast_growing_only_trials_as_fits(store: TrialStore, story: str) -> None:
    _, result = searched(store, story)
    assert not {NALIRIFOX, SURUFATINIB_G3} & {f.trial.nct_id for f in result.fits}
    reasons = {f.trial.nct_id: f.why for f in result.set_aside}
    shown = [reasons[n] for n in (NALIRIFOX, SURUFATINIB_G3) if n in reasons]
    assert shown and all("high-grade" in why for why in shown)


def test_a_grade_3_net_still_gets_trials_made_for_it(store: TrialStore) -> None:
    _, result = searched(store, "my wife has a grade 3 NET of the pancreas, ki67 35%, any trials?")
    assert SURUFATINIB_G3 not in {f.trial.nct_id for f in result.set_aside}


def test_a_trial_led_by_other_tumours_ranks_after_for_a_net_of_another_or_no_start(store: TrialStore) -> None:
    assert led_by_other_tumours(store.get(BELZUTIFAN))
    _, result = searched(store, "my 9 year old has a net, any trials?")
    fits = [f.trial.nct_id for f in result.fits]
    assert fits.index(BELZUTIFAN) >= 5
    assert "other kinds of tumour" in result.fits[fits.index(BELZUTIFAN)].why


def test_a_trial_led_by_other_tumours_is_kept_when_it_names_their_start(store: TrialStore) -> None:
    _, result = searched(store, "i have von hippel lindau and a pnet, any trials?")
    assert BELZUTIFAN in top(result)  # its pNET group, and made for VHL


@pytest.mark.parametrize(
    "story",
    [
        "are there any studies for people with MEN1?",
        "my son is 24, he has MEN1 and a few small tumours in his pancreas, any trials?",
    ],
)
def test_trials_made_for_their_inherited_condition_come_first(store: TrialStore, story: str) -> None:
    _, result = searched(store, story)
    assert set(top(result, 2)) == MEN1_TRIALS


@pytest.mark.parametrize(
    ("story", "words"),
    [
        ("what trials are there for insulinoma?", "insulinomas"),
        ("my mum has a gastrinoma, any studies?", "gastrinomas"),
        ("anything for VIPoma patients?", "VIPomas"),
        ("lung carcinoid, any clinical trials?", "NETs that start in the lung"),
        (
            "my husband has a neuroendocrine tumour in his stomach, what trials are there?",
            "NETs that start in the stomach",
        ),
    ],
)
def test_the_opening_says_when_no_trial_found_is_made_for_their_condition(
    store: TrialStore, story: str, words: str
) -> None:
    profile, result = searched(store, story)
    text = heading(result, profile)
    assert f"None of them is made just for {words}: the ones below are for NETs more generally." in text


@pytest.mark.parametrize(
    "story",
    [
        "are there any studies for people with MEN1?",
        "my husband was just diagnosed with a neuroendocrine tumour in his pancreas, is there anything he can join?",
        "i have a neuroendocrine tumour, what trials are there?",
    ],
)
def test_the_opening_says_nothing_of_the_kind_when_trials_are_made_for_it(store: TrialStore, story: str) -> None:
    profile, result = searched(store, story)
    assert "made just for" not in heading(result, profile)


@pytest.mark.parametrize(
    "text",
    [
        "is there any trial about stopping it coming back?",
        "anything to keep it from coming back?",
        "are there trials of treatment to prevent recurrence?",
        "anything so it doesn't come back?",
        "any adjuvant trials?",
        "is there a study to lower the risk of it returning",
    ],
)
def test_a_wish_to_keep_it_from_coming_back(text: str) -> None:
    assert asks_to_stop_return(text)


@pytest.mark.parametrize(
    "text",
    [
        "it has never come back",
        "she's been on it and it keeps coming back",
        "neoadjuvant trials",
        "what are the chances of it coming back",
        "i stopped lanreotide and came back to the uk",
    ],
)
def test_not_a_wish_to_keep_it_from_coming_back(text: str) -> None:
    assert not asks_to_stop_return(text)


def test_trials_for_after_an_operation_first_when_asked(store: TrialStore) -> None:
    message = "typical carcinoid in my lung, they took out the lobe. anything so it doesn't come back?"
    _, result = searched(store, message)
    assert top(after_surgery_first(result), 1)[0] in ADJUVANT


def test_the_opening_says_when_no_trial_found_is_for_after_an_operation(store: TrialStore) -> None:
    message = "my dad had a lobectomy for a lung carcinoid, is there any trial about stopping it coming back?"
    profile, result = searched(store, message)
    without = FitResult(
        [f for f in result.fits if f.trial.nct_id not in ADJUVANT],
        [f for f in result.set_aside if f.trial.nct_id not in ADJUVANT],
        result.relaxed,
        result.query,
    )
    text = heading(without, profile, message=message)
    assert "None of them is about keeping a NET from coming back after an operation." in text
    assert "coming back" not in heading(result, profile, message=message)
    assert "coming back" not in heading(without, profile, message="any trials for him?")


def test_the_words_for_what_no_trial_is_made_for() -> None:
    assert none_made_for_words([], 5) == ""
    assert none_made_for_words(["insulinomas", "people with MEN1"], 1) == (
        " It is not made just for insulinomas or people with MEN1: it is for NETs more generally."
    )
    assert none_made_for_words(["gastrinomas"], 3, fitting=False) == " None of them is made just for gastrinomas."


def test_an_eleven_year_old_is_not_shown_the_trial_for_adolescents(store: TrialStore) -> None:
    _, result = searched(store, "my daughter is 11 and has a NET in her appendix, any studies for children?")
    assert "NCT04711135" not in top(result, 40)


def test_debulking_trials_rank_after_for_spread_to_lymph_nodes_only(store: TrialStore) -> None:
    story = "my wife has a grade 1 NET in her pancreas, it has spread to a few lymph nodes but nothing in the liver. any trials?"
    _, result = searched(store, story)
    assert not {"NCT07273409", "NCT06016855"} & set(top(result))  # PANTODON and Vanderbilt: debulking of far spread
    assert {"NCT07273409", "NCT06016855"} <= {f.trial.nct_id for f in result.fits}  # ranked after, never set aside
