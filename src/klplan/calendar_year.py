"""The library function behind ``klplan calendar``: a region's school-year calendar.
Apart from ``klplan.planning`` so that a ``klplan schedule`` does not define its
classes."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from pathlib import Path

from klplan.core.models import SchoolCalendar, school_year_label
from klplan.core.plan import Notice
from klplan.messages import t
from klplan.planning import DEFAULT_KOMMUN, user_calendar


@dataclass(frozen=True)
class CalendarRequest:
    """What ``klplan calendar`` was asked for; None means "choose a default"."""

    today: date
    kommun: str | None = None
    lan: str | None = None
    calendar_file: Path | None = None
    school_year: int | None = None


@dataclass(frozen=True)
class CalendarOutcome:
    """One region's school year, with the notices and defaults that came with it."""

    calendar: SchoolCalendar
    school_year: int
    notices: tuple[Notice, ...] = ()
    defaults_used: tuple[str, ...] = ()


def current_school_year(today: date) -> int:
    """The school year ``today`` falls in, counted from July (2026-11-23 -> 2026)."""
    return today.year if today.month >= 7 else today.year - 1


def school_calendar(req: CalendarRequest) -> CalendarOutcome:
    """A region's calendar for one school year (``klplan calendar``): the given year,
    or the current one, or the next once the current one is over."""
    from klplan.loaders.calendars import load_calendar

    defaults: list[str] = []
    overrides = user_calendar(req.calendar_file)
    kommun = req.kommun
    if kommun is None and req.lan is None and overrides is None:
        kommun = DEFAULT_KOMMUN
        defaults.append(t("defaults.kommun", value="Stockholm (0180)"))

    def load(year: int) -> CalendarOutcome:
        result = load_calendar(
            year,
            kommun=kommun,
            lan=req.lan,
            overrides=overrides,
            overrides_file=str(req.calendar_file) if req.calendar_file else None,
        )
        return CalendarOutcome(result.calendar, year, result.notices, tuple(defaults))

    if req.school_year is not None:
        return load(req.school_year)
    year = current_school_year(req.today)
    found = load(year)
    if req.today > found.calendar.days()[1]:
        year += 1
        found = load(year)
    defaults.append(t("defaults.school_year", value=school_year_label(year)))
    return CalendarOutcome(found.calendar, year, found.notices, tuple(defaults))
