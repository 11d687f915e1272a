"""How old checked facts may be: the knowledge answers' and the treatment table's "Facts checked"
dates are re-checked against knowledge-facts.md within MAX_FACTS_AGE_MONTHS."""

from __future__ import annotations

import datetime

MAX_FACTS_AGE_MONTHS = 12


def months_before(day: datetime.date, months: int) -> datetime.date:
    """The same day `months` calendar months earlier (the month's last day if it is shorter)."""
    year, month = divmod(day.year * 12 + day.month - 1 - months, 12)
    month += 1
    for last in (31, 30, 29, 28):
        try:
            return datetime.date(year, month, min(day.day, last))
        except ValueError:
            continue
    raise AssertionError("unreachable")
