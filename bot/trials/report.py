"""What the trial database holds: `python -m bot trials report [--json]`.

Counts of records, open ones whose status is recent or may be out of date, and how many carry
criteria, places, coordinates and contacts, by source and by the year the status was confirmed.
The counting query runs on a connection the store lends it (`TrialStore.data_report`), as search.py's does.
"""

from __future__ import annotations

import datetime as dt
import json
from collections import Counter
from dataclasses import asdict, dataclass, field
from typing import Any, Optional

from sqlalchemy import distinct, func, select
from sqlalchemy.engine import Connection

from bot.trials.freshness import is_recent
from bot.trials.models import Contact, Site, Trial

SOURCES = {
    "registry": "from the registry (API or sync)",
    "compiled": "compiled from public pages or the registry's bulk download",
    "merged": "merged from two or more compiled copies",
    "synthetic": "synthetic (benchmarks only)",
}


@dataclass
class DataReport:
    records: int = 0
    open_recent: int = 0
    open_stale: int = 0  # open, but the status is over a year old or of no known date
    with_criteria: int = 0
    with_places: int = 0
    with_coordinates: int = 0  # at least one site placed on the map
    with_contacts: int = 0  # a central or site contact: a name, phone or email
    by_source: dict[str, int] = field(default_factory=dict)
    by_status_year: dict[str, int] = field(default_factory=dict)  # year confirmed, or "unknown"

    def as_dict(self) -> dict[str, Any]:
        return asdict(self)

    def lines(self) -> list[str]:
        share = (lambda n: f"{n} ({100 * n / self.records:.0f}%)") if self.records else str
        lines = [
            f"Trials: {self.records}",
            f"  open, status confirmed in the last year: {self.open_recent}",
            f"  open, status older or of no known date (shown with a warning): {self.open_stale}",
            f"  with eligibility criteria: {share(self.with_criteria)}",
            f"  listing places: {share(self.with_places)}",
            f"  with places on the map: {share(self.with_coordinates)}",
            f"  with a contact: {share(self.with_contacts)}",
            "By source:",
            *[f"  {SOURCES.get(k, k)}: {n}" for k, n in sorted(self.by_source.items())],
            "By the year the status was last confirmed:",
            *[f"  {year}: {n}" for year, n in sorted(self.by_status_year.items(), reverse=True)],
        ]
        return lines


def data_report(conn: Connection, today: Optional[dt.date] = None) -> DataReport:
    report = DataReport()
    rows = conn.execute(select(Trial.nct_id, Trial.is_open, Trial.status_as_of, Trial.criteria, Trial.source_json))
    sources: Counter[str] = Counter()
    years: Counter[str] = Counter()
    for row in rows:
        report.records += 1
        if row.is_open:
            if is_recent(row.status_as_of, today):
                report.open_recent += 1
            else:
                report.open_stale += 1
        report.with_criteria += bool(row.criteria and row.criteria.strip())
        sources[source_kind(row.source_json)] += 1
        years[row.status_as_of[:4] if row.status_as_of else "unknown"] += 1
    report.by_source, report.by_status_year = dict(sources), dict(years)
    report.with_places = _count_trials(conn, select(distinct(Site.nct_id)))
    report.with_coordinates = _count_trials(conn, select(distinct(Site.nct_id)).where(Site.latitude.isnot(None)))
    # Officials are who leads the trial, not whom to call: only central and site contacts count.
    has_contact = (Contact.kind != "official") & (
        Contact.name.isnot(None) | Contact.phone.isnot(None) | Contact.email.isnot(None)
    )
    report.with_contacts = _count_trials(conn, select(distinct(Contact.nct_id)).where(has_contact))
    return report


def source_kind(source_json: Optional[str]) -> str:
    if not source_json:
        return "registry"
    try:
        source = json.loads(source_json)
    except ValueError:
        return "compiled"
    if isinstance(source, dict) and source.get("synthetic"):
        return "synthetic"
    return "merged" if isinstance(source, dict) and "merged_from" in source else "compiled"


def _count_trials(conn: Connection, ids: Any) -> int:
    return int(conn.execute(select(func.count()).select_from(ids.subquery())).scalar_one())
