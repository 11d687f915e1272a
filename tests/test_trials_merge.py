"""Merging compiled copies of a trial (bot.trials.merge), dated statuses (bot.trials.freshness),
the merged shipped data, the importer's merge with stored copies and `trials report`."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path

import pytest

from bot.config import SHIPPED_TRIALS_DIR
from bot.trials.freshness import dates_in, is_recent, status_as_of
from bot.trials.importer import Importer
from bot.trials.merge import merge_records
from bot.trials.merge_files import merge_folders
from bot.trials.present import dated_status_words
from bot.trials.query import TrialQuery
from bot.trials.report import data_report
from bot.trials.store import TrialStore

EXTRA_DIR = SHIPPED_TRIALS_DIR.parents[2] / "shared" / "trials-extra"
TODAY = dt.date(2026, 12, 4)


def copy_of(nct_id: str, status: str, page_date: str | None, **modules: dict) -> dict:
    source = {"urls": [f"https://example.org/{page_date}/{nct_id}"], "page_date": page_date}
    protocol = {
        "identificationModule": {"nctId": nct_id, "briefTitle": "A trial of everolimus"},
        "statusModule": {"overallStatus": status},
        **modules,
    }
    return {"protocolSection": protocol, "x-source": source}


NEWER_THIN = copy_of(
    "NCT01000001", "ACTIVE_NOT_RECRUITING", "2026-01-21 (page 'Last Updated')", eligibilityModule={"sex": "ALL"}
)
OLDER_FULL = copy_of(
    "NCT01000001",
    "RECRUITING",
    "2020-07-28",
    eligibilityModule={"sex": "ALL", "eligibilityCriteria": "Inclusion Criteria:\n* Adults aged 18 or over"},
    contactsLocationsModule={
        "locations": [{"facility": "Christie", "city": "Manchester", "country": "United Kingdom"}]
    },
)


def test_newer_status_is_kept_and_fuller_parts_are_taken():
    merged = merge_records(NEWER_THIN, OLDER_FULL)
    protocol = merged["protocolSection"]
    assert protocol["statusModule"]["overallStatus"] == "ACTIVE_NOT_RECRUITING"
    assert "Adults aged 18" in protocol["eligibilityModule"]["eligibilityCriteria"]
    assert protocol["contactsLocationsModule"]["locations"][0]["city"] == "Manchester"
    assert merged["x-source"]["status_as_of"] == "2026-01-21"


def test_provenance_names_the_copy_and_date_of_every_part():
    source = merge_records(NEWER_THIN, OLDER_FULL)["x-source"]
    dates = {copy["id"]: copy["as_of"] for copy in source["merged_from"]}
    assert sorted(dates.values()) == ["2020-07-28", "2026-01-21"]
    parts = source["parts"]
    assert dates[parts["protocolSection/statusModule/(status)"]] == "2026-01-21"
    assert dates[parts["protocolSection/eligibilityModule/eligibilityCriteria"]] == "2020-07-28"
    assert dates[parts["protocolSection/contactsLocationsModule/locations"]] == "2020-07-28"
    assert all(copy["x-source"]["urls"] for copy in source["merged_from"])  # each copy's own x-source


def test_merge_does_not_depend_on_order_and_merging_again_changes_nothing():
    merged = merge_records(NEWER_THIN, OLDER_FULL)
    assert merge_records(OLDER_FULL, NEWER_THIN) == merged
    assert merge_records(merged, OLDER_FULL) == merged
    assert merge_records(NEWER_THIN, merged) == merged
    assert merge_records(merged, merged) == merged


def test_an_undated_status_loses_to_a_dated_one_unless_it_is_further_along():
    undated_open = copy_of("NCT01000001", "RECRUITING", "not shown")
    dated_closed = copy_of("NCT01000001", "COMPLETED", "2020-01-02")
    assert merge_records(undated_open, dated_closed)["protocolSection"]["statusModule"]["overallStatus"] == "COMPLETED"
    undated_closed = copy_of("NCT01000001", "COMPLETED", None)
    dated_open = copy_of("NCT01000001", "RECRUITING", "2020-05-13")
    merged = merge_records(undated_closed, dated_open)
    assert merged["protocolSection"]["statusModule"]["overallStatus"] == "COMPLETED"
    assert merged["x-source"]["status_as_of"] is None  # not known: never dated by the other copy
    same_stage = merge_records(copy_of("NCT01000001", "RECRUITING", None), dated_open)
    assert same_stage["x-source"]["status_as_of"] == "2020-05-13"


def test_different_trials_are_never_merged():
    with pytest.raises(ValueError):
        merge_records(NEWER_THIN, copy_of("NCT01000002", "RECRUITING", "2020-07-28"))


@pytest.mark.parametrize(
    "text, latest",
    [
        ("2025-05-11 (meddatax 'Last Updated'); older ct2 snapshot: Last Update Posted March 5, 2020", "2025-05-11"),
        ("old page: 'First received: May 15, 2006; Last updated: November 30, 2010'", "2010-11-30"),
        ("verified date March 2020 (inclinicaltrials)", "2020-03"),
        ("ANZCTR import 'Date last updated 14/05/2024'", "2024-05-14"),
        ("centerwatch: updated 18 October 2022; other pages undated", "2022-10-18"),
        ("not shown (review table dated 2021)", None),  # a bare year dates nothing
        ("not shown", None),
    ],
)
def test_the_latest_date_written_in_a_page_date(text, latest):
    assert max(dates_in(text), default=None) == latest


def test_status_dates_of_registry_and_compiled_records():
    registry = {
        "protocolSection": {
            "statusModule": {
                "overallStatus": "RECRUITING",
                "statusVerifiedDate": "2025-03",
                "lastUpdatePostDateStruct": {"date": "2024-11-02"},
            }
        }
    }
    assert status_as_of(registry) == "2025-03"
    assert status_as_of(OLDER_FULL) == "2020-07-28"
    assert status_as_of(copy_of("NCT01000001", "RECRUITING", "not shown")) is None


def test_an_old_open_status_is_never_shown_plainly_open():
    assert dated_status_words("RECRUITING", "2020-07-28", TODAY) == (
        "Recruiting as of July 2020 - this may have changed; the trial team or the registry page can confirm"
    )
    assert "does not say since when" in dated_status_words("RECRUITING", None, TODAY)
    assert (
        dated_status_words("RECRUITING", "2026-01-22", TODAY)
        == "Open: looking for people to join (as of 22 January 2026)"
    )
    assert dated_status_words("COMPLETED", "2020-07-28", TODAY) == "Finished (as of 28 July 2020)"
    assert is_recent("2025-12-05", TODAY) and not is_recent("2025-12", TODAY)


def test_shipped_data_holds_the_fuller_records_with_their_dates():
    extra_ids = {p.stem for p in EXTRA_DIR.glob("NCT*.json")}
    shipped = {p.stem: json.loads(p.read_text()) for p in SHIPPED_TRIALS_DIR.glob("NCT*.json")}
    assert extra_ids <= set(shipped)
    netter2 = shipped["NCT03972488"]  # NETTER-2: closed to new people since, recruiting in 2020
    assert netter2["protocolSection"]["statusModule"]["overallStatus"] == "ACTIVE_NOT_RECRUITING"
    assert netter2["protocolSection"]["eligibilityModule"]["eligibilityCriteria"]
    assert netter2["x-source"]["status_as_of"] == "2026-01-21"
    with_criteria = [
        r for r in shipped.values() if r["protocolSection"].get("eligibilityModule", {}).get("eligibilityCriteria")
    ]
    assert len(with_criteria) >= 78


def test_merging_the_extra_records_into_the_shipped_ones_again_changes_nothing(tmp_path: Path):
    target = tmp_path / "trials"
    target.mkdir()
    for path in SHIPPED_TRIALS_DIR.glob("NCT*.json"):
        (target / path.name).write_bytes(path.read_bytes())
    report = merge_folders(target, [EXTRA_DIR])
    assert (report.added, report.merged, report.rejected) == ([], [], [])


def test_merge_files_reports_broken_files_and_leaves_them_alone(tmp_path: Path):
    source = tmp_path / "in"
    source.mkdir()
    (source / "broken.json").write_text("{not json")
    (source / "registry.json").write_text(
        json.dumps({"protocolSection": {"identificationModule": {"nctId": "NCT01000009"}}})
    )
    (source / "good.json").write_text(json.dumps(OLDER_FULL))
    report = merge_folders(tmp_path / "out", [source])
    assert report.added == ["NCT01000001"] and len(report.rejected) == 2
    assert sorted(p.name for p in (tmp_path / "out").iterdir()) == ["NCT01000001.json"]


def test_importing_an_older_copy_after_the_merged_one_keeps_the_newer_status(empty_store: TrialStore, tmp_path: Path):
    first, second = tmp_path / "newer.json", tmp_path / "older.json"
    first.write_text(json.dumps(NEWER_THIN))
    second.write_text(json.dumps(OLDER_FULL))
    Importer(empty_store).import_paths([first])
    Importer(empty_store).import_paths([second])
    trial = empty_store.get("NCT01000001")
    assert trial.status == "ACTIVE_NOT_RECRUITING" and trial.status_as_of == "2026-01-21"
    assert trial.criteria and trial.sites[0].city == "Manchester"
    again = Importer(empty_store).import_paths([first, second])
    assert (again.added, again.updated, again.unchanged) == (0, 0, 2)


def test_report_counts_what_the_database_holds(store: TrialStore):
    with store.engine.connect() as conn:
        report = data_report(conn, TODAY)
    assert report.records == len(list(SHIPPED_TRIALS_DIR.glob("NCT*.json")))
    assert report.open_recent + report.open_stale == store.search(TrialQuery(status="open", limit=1)).total
    assert report.with_criteria >= 78 and report.with_places >= 73 and report.with_contacts >= 29
    assert report.open_stale > report.open_recent >= 1  # most open statuses are over a year old
    assert sum(report.by_source.values()) == report.records
    assert sum(report.by_status_year.values()) == report.records
    assert report.by_status_year.get("2020", 0) >= 40


SHARED = SHIPPED_TRIALS_DIR.parents[2] / "shared"


@pytest.mark.skipif(not EXTRA_DIR.exists(), reason="../shared not present")
def test_the_importer_takes_every_shared_folder_and_again_changes_nothing(empty_store: TrialStore) -> None:
    folders = [SHARED / "trials", EXTRA_DIR, SHARED / "ctgov" / "samples"]
    first = Importer(empty_store).import_paths(folders)
    assert first.rejected == [] and first.added > 100
    # the compiled copies of one trial were merged as they came: the newest status of NETTER-2
    assert empty_store.get("NCT03972488").status == "ACTIVE_NOT_RECRUITING"
    assert empty_store.get("NCT03972488").criteria
    again = Importer(empty_store).import_paths([*folders, SHIPPED_TRIALS_DIR])
    assert (again.added, again.updated, again.rejected) == (0, 0, [])
