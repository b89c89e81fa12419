"""The use case behind ``klplan calendar``: a region's school-year calendar. Apart
from the scheduling use cases so that a ``klplan schedule`` does not define its
classes."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING, Protocol

from klplan.core.defaults import DEFAULT_KOMMUN, DEFAULT_KOMMUN_LABEL
from klplan.core.models import SchoolCalendar, school_year_label
from klplan.core.outcome import CalendarOutcome
from klplan.core.plan import Notice
from klplan.core.schoolyear import school_year_of
from klplan.messages import t

if TYPE_CHECKING:
    from klplan.loaders.overrides import CalendarOverrides


@dataclass(frozen=True)
class CalendarRequest:
    """What ``klplan calendar`` was asked for; None means "choose a default"."""

    today: date
    kommun: str | None = None
    lan: str | None = None
    calendar_file: Path | None = None
    school_year: int | None = None


def user_calendar(path: Path | None) -> CalendarOverrides | None:
    """The user's calendar file, if any (its module only then: startup)."""
    if path is None:
        return None
    from klplan.loaders.overrides import load_overrides

    return load_overrides(path)


class YearLoader(Protocol):
    """A region's calendar of ``years`` school years from ``first_year``."""

    def __call__(
        self, first_year: int, years: int = 1
    ) -> tuple[SchoolCalendar, tuple[Notice, ...]]: ...


def region_calendar(
    kommun: str | None, lan: str | None, calendar_file: Path | None, defaults: list[str]
) -> YearLoader:
    """The calendar of a kommun, a län and/or the user's calendar file, by school year:
    Stockholm's when none is given (said in ``defaults``)."""
    from klplan.loaders.calendars import load_calendar

    overrides = user_calendar(calendar_file)
    if kommun is None and lan is None and overrides is None:
        kommun = DEFAULT_KOMMUN
        defaults.append(t("defaults.kommun", value=DEFAULT_KOMMUN_LABEL))

    def load(first_year: int, years: int = 1) -> tuple[SchoolCalendar, tuple[Notice, ...]]:
        result = load_calendar(
            first_year,
            years,
            kommun=kommun,
            lan=lan,
            overrides=overrides,
            overrides_file=str(calendar_file) if calendar_file else None,
        )
        return result.calendar, result.notices

    return load


def school_calendar(req: CalendarRequest) -> CalendarOutcome:
    """A region's calendar for one school year (``klplan calendar``): the given year,
    or the current one, or the next once the current one is over."""
    defaults: list[str] = []
    load = region_calendar(req.kommun, req.lan, req.calendar_file, defaults)
    year = school_year_of(req.today) if req.school_year is None else req.school_year
    calendar, notices = load(year)
    if req.school_year is not None:
        return CalendarOutcome(calendar, year, notices, tuple(defaults))
    if req.today > calendar.days()[1]:
        year += 1
        calendar, notices = load(year)
    defaults.append(t("defaults.school_year", value=school_year_label(year)))
    return CalendarOutcome(calendar, year, notices, tuple(defaults))
