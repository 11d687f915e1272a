"""How far a trial is for NECs (bot/profile/nec_trials.py), the line of why for a NEC, and an
opening that the list below bears out (bot/profile/present.heading): no distance claimed that a
trial shown breaks, no trial that lists no places said to run in the country asked about."""

from __future__ import annotations

from dataclasses import replace

import pytest

from bot.profile.evaluate import read_turns
from bot.profile.fit import FitResult, find_fitting, is_near, with_lookups
from bot.profile.model import Place, Profile
from bot.profile.nec_trials import LISTED, MADE_FOR, SILENT, TAKES, names_necs, nec_level
from bot.profile.present import heading
from bot.profile.read import for_search
from bot.trials.store import TrialStore

AVELUMAB_NEC = "NCT03352934"
NALIRIFOX = "NCT07077551"
SENECA = "NCT03387592"  # CAPTEM or FOLFIRI ... in NEuroendocrine CArcinomas
CABATEN = "NCT04400474"  # a basket trial: one cohort of grade 3 NETs and NECs
ADVINCE = "NCT02749331"  # "... in Patients With Neuroendocrine Tumors"; its inclusion says "neuroendocrine carcinoma"
ONC201 = "NCT03034200"  # "Patients with small cell carcinomas will not be included"
LU_REGISTRY = "NCT02236910"  # "Neuroendocrine Carcinoma" among its conditions only
LUND_PRRT = "NCT05387603"  # lists no places; its sponsor is Lund University Hospital

TORONTO_NEC = "my dad has a neuroendocrine carcinoma (NEC) of the pancreas, grade 3, we live in Toronto, any trials?"


def profile_of(store: TrialStore, *turns: str) -> Profile:
    return with_lookups(for_search(read_turns(turns), turns[-1]), turns[-1], store)


def top(result: FitResult, n: int = 5) -> list[str]:
    return [f.trial.nct_id for f in result.fits[:n]]


@pytest.mark.parametrize(
    "text",
    [
        "Patients with small cell carcinomas will not be included.",
        "Metastatic neuroendocrine tumour of pancreatic, pulmonary (other than Small Cell Lung) or thymic origin",
        "Metastatic NET of the gut, excluding any high grade NETs of large or small cell type of lung origin",
        "Confirmed low-grade or intermediate-grade neuroendocrine carcinoma",
        "well-to-moderately differentiated (or low grade) neuroendocrine carcinoma, including typical carcinoid",
        "Patients with poorly differentiated neuroendocrine carcinoma, small cell carcinoma are not eligible.",
    ],
)
def test_a_mention_that_leaves_necs_out_does_not_take_them_in(text: str) -> None:
    assert not names_necs(text)


@pytest.mark.parametrize(
    "text",
    [
        "Cohort 6: Grade 3 neuroendocrine neoplasm (WHO grade 3, including NET and neuroendocrine carcinomas (NEC) G3)"
        " of any origin, excluding small cell lung cancer",
        "Histologically proven neuroendocrine carcinoma (NEC) as defined by the WHO",
        "Histologic diagnosis of high grade (poorly differentiated) gastro-entero-pancreatic neuroendocrine carcinoma.",
        "neuroendocrine carcinoma of non-pulmonary origin, high grade as indicated by Ki-67 >20%",
    ],
)
def test_a_mention_that_takes_necs_in_counts(text: str) -> None:
    assert names_necs(text)


def test_the_bare_name_in_a_trial_of_tumours_is_the_old_name_for_nets() -> None:
    text = "Histologically confirmed progressive neuroendocrine carcinoma of gastrointestinal or pancreatic origin"
    assert names_necs(text) and not names_necs(text, bare_name_is_net=True)


def test_how_far_each_trial_is_for_necs(store: TrialStore) -> None:
    levels = {nct: nec_level(store.get(nct)) for nct in (AVELUMAB_NEC, NALIRIFOX, SENECA, CABATEN, ADVINCE, ONC201)}
    assert levels == {
        AVELUMAB_NEC: MADE_FOR,
        NALIRIFOX: MADE_FOR,
        SENECA: MADE_FOR,
        CABATEN: TAKES,
        ADVINCE: SILENT,
        ONC201: SILENT,
    }
    assert nec_level(store.get(LU_REGISTRY)) == LISTED


def test_trials_made_for_necs_lead_for_a_nec_in_toronto(store: TrialStore) -> None:
    result = find_fitting(store, profile_of(store, TORONTO_NEC))
    shown = top(result)
    assert {AVELUMAB_NEC, NALIRIFOX, SENECA} <= set(shown[:4]), shown
    assert ADVINCE not in shown and ONC201 not in shown, shown
    assert shown.index(CABATEN) > max(shown.index(t) for t in (AVELUMAB_NEC, NALIRIFOX, SENECA)), shown


def test_a_nec_is_never_called_a_net_in_a_line_of_why(store: TrialStore) -> None:
    result = find_fitting(store, profile_of(store, TORONTO_NEC))
    for fit in result.fits[:8]:
        assert "NETs" not in fit.why, (fit.trial.nct_id, fit.why)
        assert "NEC" in fit.why, (fit.trial.nct_id, fit.why)
    whys = {f.trial.nct_id: f.why for f in result.fits}
    assert whys[SENECA].startswith("You said NEC, and it is for NECs.")
    assert "tumours that start in the gut or pancreas" in whys[SENECA]
    assert "take in NECs as well" in whys[CABATEN]


def test_the_opening_claims_no_distance_the_list_breaks(store: TrialStore) -> None:
    profile = profile_of(store, TORONTO_NEC)
    result = find_fitting(store, profile)
    far = [f for f in result.fits[:5] if not is_near(f.trial, result.query)]
    assert far  # the trials made for NECs run abroad
    text = heading(result, profile)
    assert "and found" not in text  # never "within about 100 km of Toronto ... and found 36 trials"
    assert "further away" in text and "wherever they run" in text, text


def test_the_opening_keeps_within_when_every_trial_shown_is_near(store: TrialStore) -> None:
    profile = profile_of(
        store, "my mum is 70 with a grade 2 pancreatic NET, liver mets. we live in Uppsala, any trials?"
    )
    result = find_fitting(store, profile)
    assert "further away" in heading(result, profile)  # few fit near Uppsala
    near = [f for f in result.fits if f.trial.sites and is_near(f.trial, result.query)]
    only_near = replace(result, fits=near, set_aside=[], nearby_fits=None)
    assert near and f"and found {len(near)} trial" in heading(only_near, profile)


def test_a_trial_listing_no_places_is_not_said_to_run_where_none_was_found(store: TrialStore) -> None:
    profile = profile_of(
        store, "im 60, small bowel NET spread to the liver, had lanreotide. i live in malmo. any PRRT trials?"
    )
    result = find_fitting(store, profile)
    assert top(result)[0] == LUND_PRRT
    text = heading(result, profile)
    assert text.startswith("I found no open PRRT trials within about 100 km of Malmö")
    assert "The first lists no places yet, so I can't say if it runs near Malmö" in text, text
    assert "Lund University Hospital" in text


def test_trials_listing_no_places_are_counted_when_the_country_had_none(store: TrialStore) -> None:
    profile = replace(
        profile_of(store, "my husband is 58 with a pancreatic NET grade 2 and liver mets, any open PRRT trials?"),
        place=Place(country="SE"),
    )
    result = find_fitting(store, profile)
    text = heading(result, profile)
    unplaced = sum(1 for f in result.fits[:5] if not f.trial.sites)
    assert text.startswith("I found no open PRRT trials in Sweden")
    assert unplaced > 1 and f"{unplaced} of them list no places yet, so I can't say if they run in Sweden" in text
