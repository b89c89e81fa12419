"""The use case behind ``klplan schedule`` without a plan file: one group through
one module, with a default for everything not asked for."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import date, time
from pathlib import Path

from klplan.app.school_calendar import region_calendar
from klplan.core.booked import booked_notices
from klplan.core.defaults import (
    DEFAULT_CADENCE,
    DEFAULT_DURATION,
    DEFAULT_MODULE,
    DEFAULT_TIME,
    DEFAULT_WEEKDAY,
)
from klplan.core.errors import KlplanError, ScheduleError, UsageError, Where
from klplan.core.models import Cadence, Module, Slot, school_year_label
from klplan.core.outcome import Fit, GroupPlan, ScheduleOutcome
from klplan.core.scheduler import SchoolWeeks, schedule_module
from klplan.core.schoolyear import school_year_of
from klplan.core.weeks import IsoWeek
from klplan.messages import t


@dataclass(frozen=True)
class ScheduleRequest:
    """What ``klplan schedule`` was asked for; None means "choose a default"."""

    today: date
    module: str | None = None
    modules_file: Path | None = None
    cadence: str | None = None
    cadences_file: Path | None = None
    kommun: str | None = None
    lan: str | None = None
    calendar_file: Path | None = None
    school_year: int | None = None
    start: IsoWeek | None = None
    spring_start: IsoWeek | None = None
    weekday: int | None = None
    time: time | None = None
    duration: int | None = None


@contextmanager
def _about(param: str) -> Iterator[None]:
    """An error about a value with no position of its own is about ``param``."""
    try:
        yield
    except KlplanError as e:
        if e.where is None:
            e.where = Where(param=param)
        raise


def schedule_single(req: ScheduleRequest) -> ScheduleOutcome:
    """Schedule one group through one module (``klplan schedule`` without a plan)."""
    from klplan.loaders.catalog import get_cadence, load_cadences, load_catalog

    defaults: list[str] = []
    catalog = load_catalog(req.modules_file)
    with _about("module"):
        module = catalog.get(req.module or DEFAULT_MODULE)
    if req.module is None:
        defaults.append(t("defaults.module", value=f"{module.title} ({module.id})"))
    cadences = load_cadences(req.cadences_file)
    with _about("cadence"):
        cadence = get_cadence(cadences, req.cadence or DEFAULT_CADENCE)
    if req.cadence is None:
        defaults.append(t("defaults.cadence", value=cadence.id))
    calendar_for = region_calendar(req.kommun, req.lan, req.calendar_file, defaults)

    slot = Slot(
        weekday=DEFAULT_WEEKDAY if req.weekday is None else req.weekday,
        time=req.time or DEFAULT_TIME,
        duration_minutes=req.duration or DEFAULT_DURATION,
    )

    # The school year: given, implied by the start, or the current one (the next once
    # the current one is over).
    if req.school_year is not None:
        year = req.school_year
    elif req.start is not None:
        year = school_year_of(req.start)
    else:
        year = school_year_of(req.today)
    calendar, notices = calendar_for(year)
    if req.school_year is None and req.start is None and req.today > calendar.days()[1]:
        year += 1
        calendar, notices = calendar_for(year)
    weeks = SchoolWeeks(calendar, slot.weekday)

    start = req.start
    if start is None:
        start = _default_start(weeks, req.today)
    _check_in_year(weeks, start, year, "start")
    if req.spring_start is not None:
        _check_in_year(weeks, req.spring_start, year, "spring_start")

    try:
        plan = schedule_module(module, cadence, weeks, slot, start, req.spring_start)
    except ScheduleError as e:
        if e.key == "schedule.spring_start_too_early" and e.where is None:
            e.where = Where(param="spring_start")
        if e.key != "schedule.not_enough_weeks":
            raise
        if req.school_year is None and req.start is None and req.spring_start is None:
            # A run with defaults late in the year: plan the next school year instead.
            defaults.append(
                t(
                    "defaults.next_year",
                    current=school_year_label(year),
                    next=school_year_label(year + 1),
                )
            )
            year += 1
            calendar, notices = calendar_for(year)
            weeks = SchoolWeeks(calendar, slot.weekday)
            start = weeks.open[0].week
            try:
                plan = schedule_module(module, cadence, weeks, slot, start, None)
            except ScheduleError as e2:
                e2.params["fit"] = _fit(
                    module, e2, cadences, cadence.id, year, start != weeks.open[0].week
                )
                raise
        else:
            e.params["fit"] = _fit(
                module, e, cadences, cadence.id, year, start != weeks.open[0].week
            )
            raise
    if req.start is None:
        defaults.append(t("defaults.start", value=str(start)))
    if req.school_year is None:
        defaults.append(t("defaults.school_year", value=school_year_label(year)))
    return ScheduleOutcome(
        groups=(GroupPlan(id="grupp-1", plans=(plan,)),),
        calendar=calendar,
        school_year=year,
        start=start,
        spring_start=req.spring_start,
        notices=(*notices, *plan.notices, *booked_notices("grupp-1", plan)),
        defaults_used=tuple(defaults),
    )


def _default_start(weeks: SchoolWeeks, today: date) -> IsoWeek:
    """The first open school week after the current one while the school year is
    under way; otherwise the year's first open week."""
    first, last = weeks.calendar.days()
    if first <= today <= last:
        pos = weeks.index_from(IsoWeek.of(today) + 1)
        if pos < len(weeks.open):
            return weeks.open[pos].week
    if not weeks.open:  # every day closed (a closed range over the whole year)
        raise ScheduleError(
            "schedule.no_school_weeks_after",
            week=str(IsoWeek.of(first)),
            years=", ".join(weeks.calendar.school_years),
        )
    return weeks.open[0].week


def _check_in_year(weeks: SchoolWeeks, week: IsoWeek, year: int, param: str) -> None:
    first, last = weeks.calendar.days()
    if not IsoWeek.of(first) <= week <= IsoWeek.of(last):
        with _about(param):
            raise UsageError(
                "schedule.week_outside_year",
                week=str(week),
                school_year=school_year_label(year),
                first=str(IsoWeek.of(first)),
                last=str(IsoWeek.of(last)),
            )


def _fit(
    module: Module,
    error: ScheduleError,
    cadences: dict[str, Cadence],
    current: str,
    year: int,
    earlier_start_possible: bool,
) -> Fit:
    """What would make the module fit: the fastest other cadence that needs fewer
    weeks than the current one and no more than there are, an earlier start, or the
    next school year."""
    available, needed = (error.params.get(k) for k in ("available", "needed"))
    assert isinstance(available, int) and isinstance(needed, int)  # the scheduler's
    faster = None
    for c in sorted(cadences.values(), key=lambda c: c.weeks_needed(module.parts)):
        if (
            c.id != current
            and c.weeks_needed(module.parts) < needed
            and c.weeks_needed(module.parts) <= available
        ):
            faster = c.id
            break
    return Fit(faster, earlier_start_possible, year + 1)
