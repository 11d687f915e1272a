"""Opening hours: is a line open at a given moment, and when does it next open?

Times are in the line's own time zone; "local" means the caller's own time (used for lines
such as Samaritans that are open around the clock in each country).
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime, time, timedelta
from typing import Optional
from zoneinfo import ZoneInfo

DAY_NAMES = ("Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun")
END_OF_DAY = "24:00"


@dataclass(frozen=True)
class Hours:
    days: tuple[str, ...]  # Mon..Sun
    opens: time
    closes: Optional[time]  # None means midnight at the end of the day ("24:00")
    timezone: Optional[str]  # IANA name, or None for the caller's local time

    @classmethod
    def from_data(cls, data: dict) -> "Hours":
        closes = str(data["close"])
        return cls(
            days=tuple(str(d)[:3].title() for d in data["days"]),
            opens=time.fromisoformat(str(data["open"])),
            closes=None if closes == END_OF_DAY else time.fromisoformat(closes),
            timezone=None if data.get("timezone") in (None, "local") else str(data["timezone"]),
        )

    @property
    def always_open(self) -> bool:
        return len(self.days) == 7 and self.opens == time(0) and self.closes is None

    def _local(self, now: datetime) -> datetime:
        return now.astimezone(ZoneInfo(self.timezone)) if self.timezone else now

    def _window(self, day: datetime) -> tuple[datetime, datetime]:
        start = day.replace(hour=self.opens.hour, minute=self.opens.minute, second=0, microsecond=0)
        if self.closes is None:
            end = day.replace(hour=0, minute=0, second=0, microsecond=0) + timedelta(days=1)
        else:
            end = day.replace(hour=self.closes.hour, minute=self.closes.minute, second=0, microsecond=0)
        return start, end

    def is_open(self, now: datetime) -> bool:
        """Open from the minute of opening up to, not including, the minute of closing."""
        local = self._local(now)
        if DAY_NAMES[local.weekday()] not in self.days:
            return False
        start, end = self._window(local)
        return start <= local < end

    def next_opening(self, now: datetime) -> Optional[datetime]:
        """The next moment it opens after `now` (in the line's own time zone)."""
        local = self._local(now)
        for offset in range(0, 8):
            day = local + timedelta(days=offset)
            if DAY_NAMES[day.weekday()] not in self.days:
                continue
            start, _ = self._window(day)
            if start > local:
                return start
        return None

    def closing_time(self, now: datetime) -> Optional[datetime]:
        if not self.is_open(now):
            return None
        return self._window(self._local(now))[1]


def describe_days(days: tuple[str, ...]) -> str:
    full = {
        "Mon": "Monday",
        "Tue": "Tuesday",
        "Wed": "Wednesday",
        "Thu": "Thursday",
        "Fri": "Friday",
        "Sat": "Saturday",
        "Sun": "Sunday",
    }
    if len(days) == 7:
        return "every day"
    indexes = [DAY_NAMES.index(d) for d in days]
    if indexes == list(range(indexes[0], indexes[-1] + 1)) and len(indexes) > 2:
        return f"{full[days[0]]} to {full[days[-1]]}"
    return ", ".join(full[d] for d in days)


def clock(value: time | datetime) -> str:
    """9am, 5pm, 8:30pm: the way people say times."""
    hour, minute = value.hour, value.minute
    suffix = "am" if hour < 12 else "pm"
    shown = hour % 12 or 12
    return f"{shown}{':%02d' % minute if minute else ''}{suffix}"


def describe_hours(hours: Hours) -> str:
    if hours.always_open:
        return "24 hours a day, every day"
    closes = "midnight" if hours.closes is None else clock(hours.closes)
    return f"{describe_days(hours.days)}, {clock(hours.opens)} to {closes}"
