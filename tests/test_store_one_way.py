"""TrialStore is the one way in and out of the trial database: the NCT look-up's stored ids and
`trials report` go through its methods, and no other module reads the trial tables."""

from __future__ import annotations

import ast
import datetime as dt
import json
import re

from bot.config import REPO_ROOT
from bot.trials.store import TrialStore
from tests.helpers.cli import cli

TODAY = dt.date(2026, 12, 4)
SCANNED = ("bot", "actions", "components")
# The store and the query modules it runs on its own connections.
STORE_SIDE = {
    "bot/trials/store.py",
    "bot/trials/models.py",
    "bot/trials/search.py",
    "bot/trials/fulltext.py",
    "bot/trials/report.py",
}
# A store's engine reached from outside, for anything but letting its connections go.
_ENGINE_REACHED = re.compile(r"store\.engine\b(?!\.dispose\(\))")


def reads_the_tables(source: str) -> list[str]:
    """What in a module's source reaches the trial tables past the store: an import of the
    models, or a store's engine."""
    found = [m.group(0) for m in _ENGINE_REACHED.finditer(source)]
    for node in ast.walk(ast.parse(source)):
        if isinstance(node, ast.Import):
            found += [a.name for a in node.names if a.name.startswith("bot.trials.models")]
        elif isinstance(node, ast.ImportFrom) and node.module == "bot.trials.models":
            found.append(node.module)
        elif isinstance(node, ast.ImportFrom) and node.module == "bot.trials":
            found += [f"bot.trials.{a.name}" for a in node.names if a.name == "models"]
    return found


def test_stored_ids_are_those_stored_sorted(store: TrialStore) -> None:
    first, second = list(store.iter_ids())[:2]
    assert store.stored_ids([second, "NCT99999999", first, second]) == [first, second]
    assert store.stored_ids({"NCT99999999"}) == [] and store.stored_ids([]) == []
    assert store.stored_ids([first.lower()]) == []  # ids as given: tidying is the caller's


def test_the_store_reports_what_it_holds(store: TrialStore) -> None:
    report = store.data_report(TODAY)
    trials = store.get_many(store.iter_ids())
    assert report.records == store.count() == len(trials) > 50
    assert report.with_criteria == sum(bool(t.criteria and t.criteria.strip()) for t in trials)
    assert report.with_places == sum(bool(t.sites) for t in trials)
    assert report.with_coordinates == sum(any(s.latitude is not None for s in t.sites) for t in trials)


def test_trials_report_prints_the_stores_report(database_url_env: str, store: TrialStore) -> None:
    result = cli("trials", "report", "--json", url=database_url_env)
    assert result.returncode == 0, result.stderr
    assert json.loads(result.stdout) == store.data_report().as_dict()


def test_no_module_but_the_stores_reads_the_tables() -> None:
    modules = sorted(path for top in SCANNED for path in (REPO_ROOT / top).rglob("*.py"))
    assert len(modules) > 100
    outside = {str(p.relative_to(REPO_ROOT)): p for p in modules if str(p.relative_to(REPO_ROOT)) not in STORE_SIDE}
    found = {name: reads_the_tables(path.read_text(encoding="utf-8")) for name, path in outside.items()}
    assert {name: what for name, what in found.items() if what} == {}


def test_the_scan_finds_a_way_past_the_store() -> None:
    old_report = "with store.engine.connect() as conn:\n    report = data_report(conn)\n"
    old_lookup = "from bot.trials.models import Trial\nwith store.engine.connect() as conn:\n    pass\n"
    assert reads_the_tables(old_report) == ["store.engine"]
    assert reads_the_tables(old_lookup) == ["store.engine", "bot.trials.models"]
    assert reads_the_tables("from bot.trials import models\nimport bot.trials.models\n") == ["bot.trials.models"] * 2
    assert reads_the_tables("self._store.engine.dispose()\nreport = store.data_report()\n") == []
