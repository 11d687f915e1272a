"""Session 22 (issue 15): watching asked for reaches the search by fit and a watching study is tagged as
such by its record's words (bot/trials/tagging.py); an opening never counts as "in Germany" trials that do
not run there, and trials that run in the country searched rank before those listing no places
(bot/profile/present.py, bot/profile/fit.py); trials for after an operation do not lead for someone with
no operation known, nor for a NET that started where their record does not say they take
(bot/profile/stage_fit.py)."""

from __future__ import annotations

import pytest

from bot.lexicon import default_lexicon
from bot.profile.evaluate import read_turns
from bot.profile.fit import FitResult, find_fitting, runs_there, with_lookups
from bot.profile.model import Profile, Wants
from bot.profile.present import heading, set_aside_text
from bot.profile.read import for_search
from bot.trials.query import TrialQuery
from bot.trials.store import TrialStore
from bot.trials.tagging import WATCHING_TAG, tags_for, watches_instead_of_operating

IPANEMA = "NCT03022188"  # observational: small incidental pNETs followed "rather than" operated on
ADJUVANT = {"NCT07279532", "NCT05040360"}  # for after an operation (their titles)


def searched(store: TrialStore, *turns: str) -> tuple[Profile, FitResult]:
    profile = with_lookups(for_search(read_turns(turns), turns[-1]), turns[-1], store)
    return profile, find_fitting(store, profile)


# -- watching ---------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "text",
    [
        "a risk-benefit calculation may favour surveillance rather than surgery in selected patients",
        "patients who could benefit from a long-term surveillance rather than a systematic surgical resection",
        "Surgery versus active surveillance for small nonfunctioning pancreatic NETs",
        "non-surgical management of small incidental tumours",
        "watchful waiting instead of an operation",
    ],
)
def test_record_words_of_watching_instead_of_operating(text: str) -> None:
    assert watches_instead_of_operating(text)


@pytest.mark.parametrize(
    "text",
    [
        "Postoperative Adjuvant Capecitabine and Temozolomide Versus Observation",  # after an operation
        "patients will have follow-up visits every 3 months",
        "surveillance of side effects after PRRT",
        "surgery or radiotherapy",
    ],
)
def test_not_record_words_of_watching_instead_of_operating(text: str) -> None:
    assert not watches_instead_of_operating(text)


def test_a_record_listing_its_interventions_is_tagged_by_them_only() -> None:
    parts = {"title": "SSA or surgery", "interventions": "lanreotide", "summary": "surveillance rather than surgery"}
    assert WATCHING_TAG not in tags_for(lambda part: parts.get(part, ""), default_lexicon())
    parts["interventions"] = ""
    assert WATCHING_TAG in tags_for(lambda part: parts.get(part, ""), default_lexicon())


def test_the_incidentaloma_study_is_found_as_watch_and_wait(store: TrialStore) -> None:
    page = store.search(TrialQuery(treatment="watch and wait", limit=10))
    assert IPANEMA in [t.nct_id for t in page.trials]


def test_a_store_tagged_before_is_retagged(store: TrialStore) -> None:
    """A database tagged by an older tagging keeps working and is put right by `reindex` (which
    `trials init --if-missing` runs when the lexicon's version changed, as it did with this rule)."""
    with store.engine.begin() as conn:
        conn.exec_driver_sql("DELETE FROM trial_tags WHERE tag = ?", (WATCHING_TAG,))
    assert IPANEMA not in [t.nct_id for t in store.search(TrialQuery(treatment="watch and wait")).trials]
    store.reindex()
    assert IPANEMA in [t.nct_id for t in store.search(TrialQuery(treatment="watch and wait")).trials]


def test_a_wish_to_be_watched_is_searched_by_fit() -> None:
    assert Profile(wants=Wants(treatment=("surveillance",))).tells_about_the_person
    assert not Profile(wants=Wants(treatment=("prrt",))).tells_about_the_person  # a plain search keeps it


def test_a_study_that_just_keeps_an_eye_on_it_in_ohio(store: TrialStore) -> None:
    profile, result = searched(store, "is there a study where they just keep an eye on it? we're in Ohio")
    assert profile.tells_about_the_person and profile.wants.treatment == ("surveillance",)
    assert [f.trial.nct_id for f in result.fits][:1] == [IPANEMA]
    text = heading(result, profile)
    assert "active surveillance" in text and "Ohio" in text and result.relaxed  # said: none near Ohio


# -- places in the opening and the order ------------------------------------------------------------


@pytest.mark.parametrize(
    "turns",
    [
        ("anything in Germany?",),
        ("my mum has a pancreatic NET, grade 2, spread to her liver, she's on lanreotide", "anything in Germany?"),
        ("my mum has a pancreatic NET, grade 2. anything in France?",),
    ],
)
def test_the_opening_counts_as_there_only_trials_that_run_there(store: TrialStore, turns: tuple[str, ...]) -> None:
    profile, result = searched(store, *turns)
    found = result.fits + result.set_aside
    there = [f for f in found if runs_there(f.trial, result.query)]
    assert len(there) < len(found)  # some list no places or run elsewhere
    text = heading(result, profile, message=turns[-1])
    assert f"found {len(found)} trials" not in text
    assert ("1 trial that runs there" if len(there) == 1 else f"{len(there)} trials that run there") in text or (
        not there and "none that runs there" in text
    )


def test_trials_that_run_in_the_country_rank_before_those_listing_no_places(store: TrialStore) -> None:
    _, result = searched(store, "my mum has a pancreatic NET, grade 2. anything in France?")
    order = [runs_there(f.trial, result.query) for f in result.fits]
    assert order[0] and IPANEMA == result.fits[0].trial.nct_id  # the one running in France, first
    assert not any(f.trial.sites and not runs_there(f.trial, result.query) for f in result.fits[:5])


# -- trials for after an operation -----------------------------------------------------------------


@pytest.mark.parametrize(
    "turns",
    [
        ("any trials?",),  # nothing known
        ("anything in Germany?",),
        ("my dad has a pancreatic NET, grade 2, 3cm. any trials for him?",),  # a story with no operation
        ("my wife has a pancreatic NET, 3cm, grade 2, on lanreotide. any trials?",),
    ],
)
def test_trials_for_after_an_operation_do_not_lead_with_no_operation_known(
    store: TrialStore, turns: tuple[str, ...]
) -> None:
    _, result = searched(store, *turns)
    assert result.fits and result.fits[0].trial.nct_id not in ADJUVANT


def test_trials_for_after_an_operation_lead_when_asked_to_stop_it_coming_back(store: TrialStore) -> None:
    from bot.profile.fit import after_surgery_first

    turns = ("my dad had his pancreatic NET taken out in May, grade 2. anything to stop it coming back?",)
    _, result = searched(store, *turns)
    assert after_surgery_first(result).fits[0].trial.nct_id in ADJUVANT


def test_a_lung_carcinoid_after_a_lobectomy_is_not_led_by_an_after_surgery_trial(store: TrialStore) -> None:
    turns = ("my dad is 66 and had a lung carcinoid taken out last year with a lobectomy. any trials for him?",)
    profile, result = searched(store, *turns)
    assert profile.site == "lung"
    assert result.fits[0].trial.nct_id not in ADJUVANT
    for fit in result.fits + result.set_aside:
        if fit.trial.nct_id in ADJUVANT:
            assert "Nothing in the record clashes" not in fit.why
            assert "lung" in fit.why


def test_an_operation_booked_is_on_the_road_to_trials_for_after_one(store: TrialStore) -> None:
    from bot.profile.stage_fit import stage_against

    adjuvant = store.get("NCT07279532")
    assert adjuvant is not None
    lexicon = default_lexicon()
    assert stage_against(adjuvant, Profile(site="pancreas", grades=(2,)), lexicon)  # no operation known
    booked = Profile(site="pancreas", grades=(2,), wants=Wants(proposed=("surgery",)))
    assert not stage_against(adjuvant, booked, lexicon)


def test_a_store_tagged_by_older_tagging_rules_is_outdated(store: TrialStore) -> None:
    """`trials init --if-missing` re-tags when the tagging rules change, not only the lexicon."""
    store.mark_lexicon_version()
    assert not store.tags_outdated()
    with store.engine.begin() as conn:  # as a database tagged before TAGGING_VERSION was raised
        conn.exec_driver_sql("UPDATE meta SET value = ? WHERE key = 'lexicon_version'", (store.lexicon.version,))
    assert store.tags_outdated()


def test_a_trial_named_in_passing_in_a_story_is_not_the_whole_search(store: TrialStore) -> None:
    """The search was wider than the name: the opening says so, and that the named trial leads (it once said
    "trials (open or closed) named NETTER-2 ... found 37")."""
    text = "my dad has a pnet, hes 77. is there anything on the NETTER-2 trial for him, is it randomised?"
    profile, result = searched(store, text)
    said = heading(result, profile, message=text)
    assert "named NETTER-2" not in said and "NETTER-2, which you asked about, comes first" in said
    assert "not taking new people" in said and "The rest are in order" in said
    alone = "NETTER-2 trial"
    profile, result = searched(store, alone)
    assert "named NETTER-2" in heading(result, profile, message=alone)


def test_a_reason_put_last_is_said_once(store: TrialStore) -> None:
    """Not "2 trials: it is for NETs that start in the pancreas." and "5 trials: it is for NETs that start in
    the pancreas. You said the small bowel." one under the other."""
    text = "i live in sweden, my NET is in the small bowel, ki67 4%, any studies near göteborg?"
    _, result = searched(store, text)
    lines = [line.split(": ", 1)[-1].lower() for line in (set_aside_text(result) or "").splitlines()[1:-1]]
    assert lines and len(lines) == len(set(lines))
    assert not any(a != b and b.startswith(a.rstrip(".") + ".") for a in lines for b in lines)


def test_a_trial_that_runs_there_but_was_put_last_is_said_to_be_last(store: TrialStore) -> None:
    # the one trial running in Germany is for NECs: set aside for a grade 2 NET, and the opening says where it is
    profile, result = searched(store, "my mum has a pancreatic NET, grade 2, spread to her liver. anything in Germany?")
    there = [f for f in result.fits + result.set_aside if runs_there(f.trial, result.query)]
    assert there and not any(runs_there(f.trial, result.query) for f in result.fits)
    assert "(it is in the list of trials put last)" in heading(result, profile)
    profile, france = searched(store, "my mum has a pancreatic NET, grade 2. anything in France?")
    assert "put last)" not in heading(france, profile)  # the one in France leads the list
