"""Ranking by the person's age group and point in treatment, and the words on age limits
(bot/profile/fit.made_for_their_age_group, bot/profile/stage_fit.py, bot/profile/present.heading)."""

from __future__ import annotations

from bot.profile.evaluate import read_turns
from bot.profile.fit import FitResult, find_fitting, made_for_their_age_group, with_lookups
from bot.profile.model import Profile, Wants
from bot.profile.present import age_limits_words, heading
from bot.profile.read import for_search
from bot.trials.query import TrialDetail
from bot.trials.store import TrialStore

NETTER_P = "NCT04711135"  # "Lutathera in Adolescent Patients", no age limits in the record
ADJUVANT_SURUFATINIB = "NCT07279532"  # "Adjuvant Surufatinib Therapy for Postoperative High-risk ..."
MEN1_TEEN = (
    "my daughter is 16 and has MEN1 with two small tumours in her pancreas, 1cm and 1.4cm. the doctors say watch. "
    "is she old enough for any trials? we live in Manchester"
)
NAN_84 = "is 84 too old for the trials? my nan has a NET in her small bowel, we live in Cardiff"


def searched(store: TrialStore, text: str) -> tuple[Profile, FitResult]:
    profile = with_lookups(for_search(read_turns([text]), text), text, store)
    return profile, find_fitting(store, profile)


def ids(result: FitResult, top: int = 5) -> list[str]:
    return [f.trial.nct_id for f in result.fits[:top]]


def trial(store: TrialStore, nct_id: str) -> TrialDetail:
    found = store.get(nct_id)
    assert found is not None
    return found


def test_a_trial_made_for_teenagers_leads_for_a_teenager(store: TrialStore) -> None:
    _, result = searched(store, MEN1_TEEN)
    assert ids(result)[0] == NETTER_P  # before trials that merely take people aged 14 or over


def test_made_for_their_age_group_is_read_from_age_or_group(store: TrialStore) -> None:
    teen_trial = trial(store, NETTER_P)
    assert made_for_their_age_group(teen_trial, Profile(age=15))
    assert made_for_their_age_group(teen_trial, Profile(wants=Wants(age_group="teen")))
    assert not made_for_their_age_group(teen_trial, Profile(age=40))
    assert not made_for_their_age_group(teen_trial, Profile(age=80))


def test_a_trial_for_after_an_operation_ranks_after_when_no_operation_was_said(store: TrialStore) -> None:
    _, result = searched(store, MEN1_TEEN.replace("the doctors say watch", "she is on lanreotide"))
    assert ADJUVANT_SURUFATINIB not in ids(result)
    watched = MEN1_TEEN.replace("say watch", "say watch and wait")  # read as being watched: set aside
    _, result = searched(store, watched)
    assert ADJUVANT_SURUFATINIB in [f.trial.nct_id for f in result.set_aside]


def test_a_trial_for_after_an_operation_still_fits_after_one(store: TrialStore) -> None:
    _, result = searched(store, "my dad had a whipple for a grade 2 pancreatic NET last month, any trials?")
    assert ADJUVANT_SURUFATINIB in ids(result, 8)


def test_the_heading_never_says_trials_are_for_older_adults(store: TrialStore) -> None:
    profile, result = searched(store, NAN_84)
    text = heading(result, profile, asked_about_age=True)
    assert "for older adults" not in text
    assert "that take older adults" in text
    assert "Many trials set an upper age limit and some set none" in text
    assert "Many trials" not in heading(result, profile)  # said only when the person asked


def test_the_age_limits_sentence_names_their_age_when_known() -> None:
    assert age_limits_words(Profile(age=16)).endswith("take in someone aged 16.")
    assert age_limits_words(Profile(age=16)).startswith(" Many trials take only adults")
    assert "older adults" in age_limits_words(Profile(wants=Wants(age_group="older adult")))
    assert age_limits_words(Profile()) == ""
