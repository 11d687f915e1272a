"""When a trial's status was last confirmed, and how to say a status that may be out of date.

Registry records say it themselves (last update posted, status verified). Records compiled from
public pages (those with `x-source`) say it in `x-source.status_as_of` (set by the merge) or in
the free-text `x-source.page_date` ("2025-05-11 (meddatax 'Last Updated')", "Last updated: June
4, 2015"), from which the latest full or month-and-year date is taken. Bare years are ignored:
"review table dated 2021" does not date a status.
"""

from __future__ import annotations

import datetime as dt
import re
from typing import Any, Optional

RECENT_DAYS = 365  # an open status older than this is shown with its date and a warning
OPEN_WORDS = {
    "RECRUITING": "Recruiting",
    "NOT_YET_RECRUITING": "Not yet recruiting",
    "ENROLLING_BY_INVITATION": "Open by invitation only",
}
MONTHS = {
    name: number
    for number, names in enumerate(
        (
            ("jan", "january"),
            ("feb", "february"),
            ("mar", "march"),
            ("apr", "april"),
            ("may",),
            ("jun", "june"),
            ("jul", "july"),
            ("aug", "august"),
            ("sep", "sept", "september"),
            ("oct", "october"),
            ("nov", "november"),
            ("dec", "december"),
        ),
        start=1,
    )
    for name in names
}
_MONTH = r"(?P<month>" + "|".join(sorted(MONTHS, key=len, reverse=True)) + r")\.?"
_DATE_PATTERNS = (
    re.compile(r"\b(?P<year>\d{4})-(?P<mm>\d{2})(?:-(?P<day>\d{2}))?\b"),
    re.compile(_MONTH + r"\s+(?P<day>\d{1,2}),?\s+(?P<year>\d{4})\b", re.I),  # June 4, 2015
    re.compile(r"\b(?P<day>\d{1,2})\s+" + _MONTH + r"\s+(?P<year>\d{4})\b", re.I),  # 24 March 2022
    re.compile(r"\b" + _MONTH + r"\s+(?P<year>\d{4})\b", re.I),  # March 2020
    re.compile(r"\b(?P<day>\d{1,2})/(?P<mm>\d{1,2})/(?P<year>\d{4})\b"),  # 14/05/2024 (day first)
)


def dates_in(text: str) -> list[str]:
    """Every full (yyyy-mm-dd) or month (yyyy-mm) date written in `text`, as ISO text."""
    found = []
    for pattern in _DATE_PATTERNS:
        for match in pattern.finditer(text):
            parts = match.groupdict()
            month = int(parts["mm"]) if parts.get("mm") else MONTHS[parts["month"].lower()]
            year, day = int(parts["year"]), parts.get("day")
            try:
                if day:
                    found.append(dt.date(year, month, int(day)).isoformat())
                elif 1 <= month <= 12:
                    found.append(f"{year:04d}-{month:02d}")
            except ValueError:
                continue
    return found


def latest_date(text: str) -> Optional[str]:
    # A month sorts before any day in it ("2020-03" < "2020-03-01"): the safe, older reading.
    return max(dates_in(text), default=None)


def status_as_of(study: dict[str, Any]) -> Optional[str]:
    """The date (yyyy-mm-dd or yyyy-mm) the record's status was last confirmed, if known."""
    source = study.get("x-source")
    if isinstance(source, dict):
        if isinstance(source.get("status_as_of"), str):
            return source["status_as_of"]
        if isinstance(source.get("page_date"), str) and (found := latest_date(source["page_date"])):
            return found
    status = (study.get("protocolSection") or {}).get("statusModule") or {}
    written = [
        (status.get("lastUpdatePostDateStruct") or {}).get("date"),
        status.get("statusVerifiedDate"),
    ]
    return max((d for d in written if isinstance(d, str) and d), default=None)


def _as_date(iso: str) -> dt.date:
    """The last day a yyyy, yyyy-mm or yyyy-mm-dd date could mean is not needed: the first is
    the cautious choice (it makes a status older, never fresher)."""
    parts = [int(p) for p in iso.split("-")] + [1, 1]
    return dt.date(parts[0], parts[1], parts[2])


def is_recent(as_of: Optional[str], today: Optional[dt.date] = None) -> bool:
    if not as_of:
        return False
    try:
        confirmed = _as_date(as_of)
    except (ValueError, IndexError):
        return False
    return ((today or dt.date.today()) - confirmed).days <= RECENT_DAYS


def open_and_recent(status: Optional[str], as_of: Optional[str], today: Optional[dt.date] = None) -> bool:
    """Open, with the status confirmed in the last year: ranked before every other trial."""
    return (status or "").upper() in OPEN_WORDS and is_recent(as_of, today)


def recent_cutoff(today: Optional[dt.date] = None) -> str:
    """The oldest status date (ISO text, which sorts as dates do) still counted as recent."""
    return ((today or dt.date.today()) - dt.timedelta(days=RECENT_DAYS)).isoformat()


def month_words(iso: str) -> str:
    """ "2020-07-28" -> "July 2020"; "2020" -> "2020"."""
    try:
        date = _as_date(iso)
    except (ValueError, IndexError):
        return iso
    return date.strftime("%B %Y") if len(iso) >= 7 else str(date.year)


def day_words(iso: str) -> str:
    """ "2020-07-28" -> "28 July 2020"; a month or a year stays as precise as it was."""
    if len(iso) < 10:
        return month_words(iso)
    try:
        date = _as_date(iso)
    except (ValueError, IndexError):
        return iso
    return f"{date.day} {date.strftime('%B %Y')}"


def may_have_changed(status: Optional[str], as_of: Optional[str], today: Optional[dt.date] = None) -> bool:
    """An open status not confirmed in the last year (or of no known date): never shown plainly."""
    return (status or "").upper() in OPEN_WORDS and not is_recent(as_of, today)


def stale_open_words(status: str, as_of: Optional[str]) -> str:
    """The words for an open status that may have changed (see `may_have_changed`)."""
    kind = OPEN_WORDS[status.upper()]
    if not as_of:
        return (
            f"{kind}, but the record does not say since when - this may have changed; "
            "the trial team or the registry page can confirm"
        )
    return f"{kind} as of {month_words(as_of)} - this may have changed; the trial team or the registry page can confirm"
