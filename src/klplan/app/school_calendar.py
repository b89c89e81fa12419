"""The use case behind ``klplan calendar``: a region's school-year calendar. Apart
from the scheduling use cases so that a ``klplan schedule`` does not define its
classes."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING

from klplan.core.defaults import DEFAULT_KOMMUN, DEFAULT_KOMMUN_LABEL
from klplan.core.models import school_year_label
from klplan.core.outcome import CalendarOutcome
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


def school_calendar(req: CalendarRequest) -> CalendarOutcome:
    """A region's calendar for one school year (``klplan calendar``): the given year,
    or the current one, or the next once the current one is over."""
    from klplan.loaders.calendars import load_calendar

    defaults: list[str] = []
    overrides = user_calendar(req.calendar_file)
    kommun = req.kommun
    if kommun is None and req.lan is None and overrides is None:
        kommun = DEFAULT_KOMMUN
        defaults.append(t("defaults.kommun", value=DEFAULT_KOMMUN_LABEL))

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
    year = school_year_of(req.today)
    found = load(year)
    if req.today > found.calendar.days()[1]:
        year += 1
        found = load(year)
    defaults.append(t("defaults.school_year", value=school_year_label(year)))
    return CalendarOutcome(found.calendar, year, found.notices, tuple(defaults))
