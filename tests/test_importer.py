"""The importer: shapes of input, reports, rejection of bad files and records, idempotence."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

from sqlalchemy import func, select

from bot.config import SHIPPED_TRIALS_DIR
from bot.trials import models
from bot.trials.importer import Importer
from bot.trials.query import TrialQuery
from bot.trials.store import TrialStore
from tests.conftest import SAMPLES_DIR, SHIPPED_COUNT


def study(nct_id: str, title: str = "A study", **status: str) -> dict:
    return {
        "protocolSection": {
            "identificationModule": {"nctId": nct_id, "briefTitle": title},
            "statusModule": {"overallStatus": status.get("status", "RECRUITING")},
            "armsInterventionsModule": {
                "interventions": [{"type": "DRUG", "name": "Everolimus", "otherNames": ["RAD001"]}]
            },
            "contactsLocationsModule": {"locations": [{"facility": "X", "city": "Lund", "country": "Sweden"}]},
        }
    }


def write(path: Path, data: object) -> Path:
    path.write_text(json.dumps(data))
    return path


def table_counts(store: TrialStore) -> dict[str, int]:
    with store.engine.connect() as conn:
        return {
            t.name: conn.execute(select(func.count()).select_from(t)).scalar_one()
            for t in [models.Trial.__table__, *models.CHILD_TABLES]
        }


def test_imports_every_shared_file_and_folder(empty_store: TrialStore) -> None:
    report = Importer(empty_store).import_paths([SHIPPED_TRIALS_DIR, SAMPLES_DIR])
    assert report.rejected == []
    assert (report.added, report.updated, report.unchanged) == (SHIPPED_COUNT + 9, 0, 0)
    assert empty_store.count() == SHIPPED_COUNT + 9


def test_reimport_is_idempotent(empty_store: TrialStore) -> None:
    Importer(empty_store).import_paths([SHIPPED_TRIALS_DIR])
    before = table_counts(empty_store)
    report = Importer(empty_store).import_paths([SHIPPED_TRIALS_DIR])
    assert (report.added, report.updated, report.unchanged) == (0, 0, SHIPPED_COUNT)
    assert table_counts(empty_store) == before


def test_single_study_list_and_page_shapes(empty_store: TrialStore, tmp_path: Path) -> None:
    one = write(tmp_path / "one.json", study("NCT00000001"))
    many = write(tmp_path / "many.json", [study("NCT00000002"), study("NCT00000003")])
    page = write(tmp_path / "page.json", {"studies": [study("NCT00000004")], "nextPageToken": "abc"})
    report = Importer(empty_store).import_paths([one, many, page])
    assert report.added == 4 and report.ok


def test_changed_record_is_updated_and_children_replaced(empty_store: TrialStore, tmp_path: Path) -> None:
    Importer(empty_store).import_paths([write(tmp_path / "a.json", study("NCT00000001", "Old title"))])
    changed = study("NCT00000001", "New title", status="COMPLETED")
    report = Importer(empty_store).import_paths([write(tmp_path / "a.json", changed)])
    assert (report.added, report.updated) == (0, 1)
    trial = empty_store.get("NCT00000001")
    assert trial.title == "New title" and trial.status == "COMPLETED"
    assert len(trial.sites) == 1 and len(trial.interventions) == 1
    assert trial.interventions[0].other_names == ("RAD001",)


def test_bad_files_and_records_are_reported_and_the_rest_land(empty_store: TrialStore, tmp_path: Path) -> None:
    good = write(tmp_path / "good.json", [study("NCT00000001"), {"protocolSection": {}}, study("NCT00000002")])
    broken = tmp_path / "broken.json"
    broken.write_text('{"studies": [')
    wrong_shape = write(tmp_path / "shape.json", {"hello": "world"})
    binary = tmp_path / "binary.json"
    binary.write_bytes(b"\xff\xfe\x00garbage")
    missing = tmp_path / "missing.json"
    report = Importer(empty_store).import_paths([good, broken, wrong_shape, binary, missing])
    assert report.added == 2
    reasons = {Path(r.file).name: r for r in report.rejected}
    assert set(reasons) == {"good.json", "broken.json", "shape.json", "binary.json", "missing.json"}
    assert "nctId" in reasons["good.json"].field
    assert "not valid JSON" in reasons["broken.json"].reason
    assert "no such file" in reasons["missing.json"].reason
    assert not report.ok


def test_a_bad_record_never_damages_what_was_stored(empty_store: TrialStore, tmp_path: Path) -> None:
    Importer(empty_store).import_paths([SHIPPED_TRIALS_DIR])
    before = empty_store.get("NCT07273409")
    bad = json.loads((SHIPPED_TRIALS_DIR / "NCT07273409.json").read_text())
    bad["protocolSection"]["eligibilityModule"]["minimumAge"] = "old enough"
    bad["protocolSection"]["identificationModule"]["briefTitle"] = "Should not be stored"
    report = Importer(empty_store).import_paths([write(tmp_path / "bad.json", bad)])
    assert len(report.rejected) == 1 and report.rejected[0].nct_id == "NCT07273409"
    assert empty_store.get("NCT07273409") == before


def test_a_database_failure_rolls_the_batch_back(empty_store: TrialStore, tmp_path: Path) -> None:
    Importer(empty_store).import_paths([write(tmp_path / "a.json", study("NCT00000001", "Kept"))])
    before = table_counts(empty_store)
    with empty_store.engine.begin() as conn:  # make every site insert fail
        conn.exec_driver_sql("CREATE TRIGGER no_sites BEFORE INSERT ON sites BEGIN SELECT RAISE(ABORT, 'no'); END")
    changed = [study("NCT00000001", "Changed"), study("NCT00000002")]
    report = Importer(empty_store, batch_size=10).import_paths([write(tmp_path / "b.json", changed)])
    assert {r.nct_id for r in report.rejected} == {"NCT00000001", "NCT00000002"}
    assert all(r.field == "(database)" for r in report.rejected)
    assert table_counts(empty_store) == before
    assert empty_store.get("NCT00000001").title == "Kept"


def test_duplicate_ids_in_one_import_keep_the_last(empty_store: TrialStore, tmp_path: Path) -> None:
    path = write(tmp_path / "dup.json", [study("NCT00000001", "First"), study("NCT00000001", "Second")])
    report = Importer(empty_store).import_paths([path])
    assert (report.added, report.updated) == (1, 1)
    assert empty_store.get("NCT00000001").title == "Second"


def test_folder_import_reads_nested_json_only(empty_store: TrialStore, tmp_path: Path) -> None:
    folder = tmp_path / "records" / "nested"
    folder.mkdir(parents=True)
    shutil.copy(SHIPPED_TRIALS_DIR / "NCT07273409.json", folder)
    (folder / "notes.txt").write_text("not a record")
    report = Importer(empty_store).import_paths([tmp_path / "records"])
    assert report.added == 1 and report.ok


def test_a_database_read_by_an_older_parser_is_loaded_again(tmp_path: Path) -> None:
    import subprocess
    import sys

    from sqlalchemy import delete

    from bot.config import REPO_ROOT
    from tests.conftest import new_store

    store = new_store(tmp_path / "trials.db")
    Importer(store).import_paths([SHIPPED_TRIALS_DIR])
    assert not store.parser_outdated()  # a new database is read by this parser
    with store.engine.begin() as conn:  # as a database made before the parser version was kept
        conn.execute(delete(models.Meta))
        conn.execute(models.TrialIdentifier.__table__.delete())
        conn.execute(models.Trial.__table__.update().values(record_hash="hash by the older parser"))
    assert store.parser_outdated()

    def init() -> str:
        result = subprocess.run(
            [sys.executable, "-m", "bot", "trials", "init", "--if-missing"],
            cwd=REPO_ROOT,
            env={"DATABASE_URL": str(store.engine.url), "PATH": "/usr/bin:/bin"},
            capture_output=True,
            text=True,
            timeout=120,
        )
        assert result.returncode == 0, result.stderr
        return result.stdout

    assert "loading the shipped trials again" in init()
    assert not store.parser_outdated()
    assert store.search(TrialQuery(acronym="NETTER-2", status="all")).total == 1
    assert f"Trial database ready: {SHIPPED_COUNT} trials." in init()
