"""Trials made for the person's tumour: one made for a Ki-67 like theirs or for people newly diagnosed ranks first
however far away it runs; a trial made only for NECs is set aside, with its reason, for a NET that is not high
grade; an inherited condition listed beside a NET group is no condition of that group."""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

import pytest

from bot.profile.evaluate import read_turns
from bot.profile.fit import find_fitting
from bot.profile.limits import kind_clash, unmet_condition
from bot.profile.model import Place, Profile, TreatmentHad, Wants
from bot.profile.noted_limits import made_for_the_newly_diagnosed, made_for_their_grade
from bot.trials.store import TrialStore

COMPOSE = "NCT04919226"  # notes: Ki-67 15-55
NETTER_3 = "NCT06784752"  # notes: Ki-67 under 10%
EVEROLIMUS_NEC = "NCT02687958"  # "Everolimus as Maintenance Therapy for Metastatic NEC ..."
SURUFATINIB_G3 = "NCT05973968"  # "Surufatinib in G3 Neuroendocrine Tumors"


@pytest.fixture
def store(shipped_db: Path, tmp_path: Path) -> TrialStore:
    return TrialStore.from_url(f"sqlite:///{shipped_db}")


def _trial(store: TrialStore, nct_id: str):  # type: ignore[no-untyped-def]
    found = store.get(nct_id)
    assert found is not None, nct_id
    return found


@pytest.mark.parametrize(
    "profile, made_for",
    [
        (Profile(grades=(3,), ki67=30.0), True),
        (Profile(grades=(2,), ki67=18.0), True),
        (Profile(grades=(3,)), True),
        (Profile(grades=(2,)), False),  # a grade 2 NET without its Ki-67 may be far under 15%
        (Profile(grades=(2,), ki67=5.0), False),
    ],
)
def test_a_ki67_range_starting_above_nought_is_made_for_a_tumour_inside_it(
    store: TrialStore, profile: Profile, made_for: bool
) -> None:
    assert made_for_their_grade(_trial(store, COMPOSE), profile) is made_for


def test_a_range_from_nought_and_a_title_for_grade_3_speak_only_to_their_own(store: TrialStore) -> None:
    assert not made_for_their_grade(_trial(store, NETTER_3), Profile(grades=(1,), ki67=2.0))
    assert made_for_their_grade(_trial(store, SURUFATINIB_G3), Profile(grades=(3,)))
    assert not made_for_their_grade(_trial(store, SURUFATINIB_G3), Profile(grades=(2,), ki67=12.0))


def test_the_trial_made_for_their_ki67_comes_before_nearby_ones(store: TrialStore) -> None:
    profile = Profile(
        age=52,
        site="pancreas",
        tumour_type="NET",
        grades=(3,),
        ki67=28.0,
        spread=True,
        spread_to=("liver",),
        treatments=(TreatmentHad("capecitabine_temozolomide", "stopped working"),),
        place=Place(city="Toronto", country="CA"),
    )
    top = [f.trial.nct_id for f in find_fitting(store, profile).fits[:5]]
    assert COMPOSE in top


def test_a_trial_only_for_necs_is_set_aside_for_a_grade_2_net(store: TrialStore) -> None:
    net = Profile(site="pancreas", tumour_type="NET", grades=(2,), wants=Wants(treatment=("everolimus",)))
    assert kind_clash(_trial(store, EVEROLIMUS_NEC), net)
    assert kind_clash(_trial(store, EVEROLIMUS_NEC), Profile(tumour_type="NET", grades=(3,))) is None
    result = find_fitting(store, net)
    assert EVEROLIMUS_NEC not in [f.trial.nct_id for f in result.fits]
    assert EVEROLIMUS_NEC in [f.trial.nct_id for f in result.set_aside]


BELZUTIFAN = "NCT04924075"  # conditions list "Pancreatic Neuroendocrine Tumor" and "Von Hippel-Lindau Disease" apart
MR_LINAC_MEN1 = "NCT05037461"  # "... Pancreatic Neuroendocrine Tumours in MEN1 Patients"


def test_an_inherited_condition_listed_beside_a_net_group_is_no_condition_of_the_net_group(store: TrialStore) -> None:
    assert unmet_condition(_trial(store, BELZUTIFAN), Profile(site="pancreas")) is None
    assert unmet_condition(_trial(store, MR_LINAC_MEN1), Profile(site="pancreas")) == "MEN1"


def test_a_trial_for_the_newly_diagnosed_is_made_for_someone_found_weeks_ago(store: TrialStore) -> None:
    profile = read_turns(["Dad is 79, diagnosed 5 weeks ago with a pancreatic NET, G2, Ki-67 5%, spots in the liver."])
    assert profile.known_since is not None
    assert made_for_the_newly_diagnosed(_trial(store, NETTER_3), profile)
    later = read_turns(["Dad is 79, diagnosed 3 years ago with a pancreatic NET, G2, Ki-67 5%, spots in the liver."])
    assert not made_for_the_newly_diagnosed(_trial(store, NETTER_3), later)


def test_a_necs_second_line_trials_abroad_are_shown_not_set_aside_for_the_country(store: TrialStore) -> None:
    nec = Profile(
        age=58,
        site="pancreas",
        tumour_type="NEC",
        grades=(3,),
        treatments=(TreatmentHad("carboplatin", "stopped working"), TreatmentHad("etoposide", "stopped working")),
        place=Place(city="Toronto", country="CA"),
    )
    shown = [f.trial.nct_id for f in find_fitting(store, nec).fits]
    assert "NCT03387592" in shown  # CAPTEM or FOLFIRI as second-line therapy in NECs: runs in Europe
    limited = replace(nec, place=Place(city="Toronto", country="CA", travel_km=100))
    assert "NCT03387592" not in [f.trial.nct_id for f in find_fitting(store, limited).fits]
