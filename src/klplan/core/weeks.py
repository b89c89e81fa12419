"""ISO weeks (the unit Swedish schools plan in: "v. 38")."""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date, timedelta

_WEEK_RE = re.compile(r"^\s*(\d{4})-?W(\d{1,2})\s*$", re.IGNORECASE)


def weeks_in_year(year: int) -> int:
    """52 or 53: the ISO week of 28 December is always the year's last week."""
    return date(year, 12, 28).isocalendar().week


@dataclass(frozen=True, order=True, slots=True)
class IsoWeek:
    year: int
    week: int

    def __post_init__(self) -> None:
        if not 1 <= self.week <= weeks_in_year(self.year):
            raise ValueError(f"{self.year} has no ISO week {self.week}")

    @classmethod
    def parse(cls, text: str) -> IsoWeek:
        """Parse ``2025-W40`` (also ``2025W40``, ``2025-w40``)."""
        m = _WEEK_RE.match(text)
        if not m:
            raise ValueError(f"not an ISO week: {text!r} (expected YYYY-Www, e.g. 2025-W40)")
        return cls(int(m.group(1)), int(m.group(2)))

    @classmethod
    def of(cls, day: date) -> IsoWeek:
        iso = day.isocalendar()
        return cls(iso.year, iso.week)

    def day(self, weekday: int) -> date:
        """The date of ``weekday`` (0 = Monday) in this week."""
        return date.fromisocalendar(self.year, self.week, weekday + 1)

    @property
    def monday(self) -> date:
        return self.day(0)

    def __add__(self, weeks: int) -> IsoWeek:
        return IsoWeek.of(self.monday + timedelta(weeks=weeks))

    def __str__(self) -> str:
        return f"{self.year}-W{self.week:02d}"


def weeks_between(first: IsoWeek, last: IsoWeek) -> list[IsoWeek]:
    """Every ISO week from ``first`` to ``last``, both included."""
    out: list[IsoWeek] = []
    week = first
    while week <= last:
        out.append(week)
        week = week + 1
    return out
