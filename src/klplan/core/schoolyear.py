"""The school-year rule, written once: a school year starts in July."""

from __future__ import annotations

from datetime import date

from klplan.core.weeks import IsoWeek


def school_year_of(day: date | IsoWeek) -> int:
    """The school year a day belongs to, by its first calendar year: from July, the
    one starting that year (2026-11-23 -> 2026, 2027-03-01 -> 2026). A week belongs
    where its Monday does."""
    first = day.monday if isinstance(day, IsoWeek) else day
    return first.year if first.month >= 7 else first.year - 1
