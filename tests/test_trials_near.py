"""Trials near a place (issue 17): sites placed on the map, search within a distance on SQLite
and PostgreSQL with real coordinates, the nearest site and its distance in the person's units,
widening when nothing is in range, and the CLI's --near / --within."""

from __future__ import annotations

import json
import subprocess
import sys

import pytest

from actions.searching import unknown_place
from bot.config import REPO_ROOT
from bot.geo import find_place
from bot.trials.nearby import near, nearest_site
from bot.trials.present import card, near_words
from bot.trials.query import TrialQuery
from bot.trials.relax import FARTHER, search_relaxed
from bot.trials.store import TrialStore

NETTER_2 = "NCT03972488"  # has a site in Bristol
CARDIFF_TRIALS = {"NCT00842348", "NCT00353496"}  # University Hospital of Wales, about 40 km from Bristol


def around(name: str, km: float | None = 100) -> TrialQuery:
    place = find_place(name)
    assert place is not None, name
    return TrialQuery(near=near(place, km), status="all", limit=50)


def test_sites_without_a_geopoint_are_placed_from_their_town(any_store: TrialStore) -> None:
    trial = any_store.get(NETTER_2)
    bristol = next(s for s in trial.sites if s.city == "Bristol")
    assert bristol.latitude == pytest.approx(51.45, abs=0.1) and bristol.longitude == pytest.approx(-2.59, abs=0.1)


def test_near_bristol_finds_bristol_then_cardiff_by_real_distance(any_store: TrialStore) -> None:
    page = any_store.search(around("Bristol"))
    ids = [t.nct_id for t in page.trials]
    assert ids[0] == NETTER_2 and page.trials[0].nearest_site.distance_km < 5
    assert CARDIFF_TRIALS <= set(ids)
    cardiff = next(t for t in page.trials if t.nct_id in CARDIFF_TRIALS).nearest_site
    assert cardiff.city == "Cardiff" and 35 <= cardiff.distance_km <= 50
    distances = [t.nearest_site.distance_km for t in page.trials if t.is_open == page.trials[0].is_open]
    assert distances == sorted(distances)  # nearest first (within open, then within closed)
    assert all(t.nearest_site.distance_km <= 100 for t in page.trials)
    assert not CARDIFF_TRIALS & {t.nct_id for t in any_store.search(around("Bristol", 30)).trials}


def test_lyon_to_grenoble_is_about_95_km(any_store: TrialStore) -> None:
    trial = any_store.get("NCT02264665")  # sites in Lyon and in Grenoble, placed from their towns
    grenoble = [s for s in trial.sites if s.city == "Grenoble"]
    assert grenoble and 85 <= nearest_site(grenoble, near(find_place("Lyon"))).distance_km <= 105
    assert "NCT02264665" in {t.nct_id for t in any_store.search(around("Grenoble", 10)).trials}


def test_nothing_in_range_widens_to_the_nearest_and_says_so(any_store: TrialStore) -> None:
    asked = TrialQuery(near=near(find_place("Reykjavik"), 100), status="all", limit=5)
    assert any_store.search(asked).total == 0
    relaxed = search_relaxed(any_store.search, asked)
    assert relaxed.dropped == (FARTHER.words,) and relaxed.page.trials
    first = relaxed.page.trials[0].nearest_site
    assert first is not None and first.distance_km > 100


def test_trials_listing_no_places_are_counted_not_dropped(any_store: TrialStore) -> None:
    page = any_store.search(around("Bristol"))
    assert page.unplaced_total > 0  # shipped records with no sites at all


def test_cards_give_the_nearest_site_in_the_persons_units(any_store: TrialStore) -> None:
    page = any_store.search(around("Bristol"))
    cardiff = next(t for t in page.trials if t.nct_id in CARDIFF_TRIALS)
    assert "Nearest place: University Hospital Wales, Cardiff - about 25 miles" in card(cardiff, "United Kingdom").text
    assert "about 40 km" in card(cardiff, "France").text
    assert near_words(near(find_place("Denver, CO"), 48.28)) == "within about 30 miles of Denver, Colorado"
    assert near_words(near(find_place("the Midlands"))).startswith("in or near ")


def cli(*args: str, url: str) -> subprocess.CompletedProcess:
    return subprocess.run(
        [sys.executable, "-m", "bot", "trials", "search", *args],
        cwd=REPO_ROOT,
        env={"DATABASE_URL": url, "PATH": "/usr/bin:/bin"},
        capture_output=True,
        text=True,
        timeout=120,
    )


def test_cli_near_within_and_json(store: TrialStore) -> None:
    url = str(store.engine.url)
    shown = cli("--near", "Bristol", "--within", "30mi", "--status", "all", url=url)
    assert shown.returncode == 0 and "NEAREST SITE" in shown.stdout and "Cardiff (about 25 miles)" in shown.stdout
    data = json.loads(cli("--near", "Bristol", "--within", "20km", "--status", "all", "--json", url=url).stdout)
    assert [t["nct_id"] for t in data] == [NETTER_2]
    assert set(data[0]["nearest_site"]) == {"facility", "city", "country", "distance_km"}
    unknown = cli("--near", "Xyzton", url=url)
    assert unknown.returncode == 2 and "I don't know where 'Xyzton' is" in unknown.stderr
    assert cli("--within", "5km", url=url).returncode == 2
    assert cli("--near", "Bristol", "--within", "far", url=url).returncode == 2


@pytest.mark.parametrize(
    ("text", "unknown"),
    [
        ("any trials near Xyzton?", "Xyzton"),
        ("anything near xyzton", "xyzton"),
        ("studies close to Blorpville", "Blorpville"),
        ("anything near Bristol", None),
        ("trials near truro", None),
        ("trials near me", None),
        ("anything close to home", None),
        ("near the end of his treatment", None),
        ("trials around christmas", None),
        ("anything close to everolimus", None),
    ],
)
def test_an_unknown_place_is_said_to_be_unknown(text: str, unknown: str | None) -> None:
    said = unknown_place(text)
    assert (
        (said is None)
        if unknown is None
        else said == f"I don't know where '{unknown}' is. Which town or country is it near?"
    )


def test_where_it_runs_puts_the_nearest_place_first(store: TrialStore) -> None:
    from bot.trials.where_it_runs import places_text

    trial = store.get(NETTER_2)
    text = places_text(trial, around=near(find_place("Leeds", "United Kingdom")))
    lines = text.splitlines()
    assert lines[1].startswith("The nearest to Leeds: Bristol Haematology and Oncology Centre, Bristol - about")
    assert lines[2].startswith("- Bristol, United Kingdom")
    assert "(open" not in text and "(opening soon" not in text  # its places' statuses are older than its own
