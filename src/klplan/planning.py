"""The library functions behind the commands: load what a request names, schedule
it, and return everything a renderer needs. The CLI only parses flags and renders."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, datetime, time
from pathlib import Path

from klplan.core.errors import ScheduleError, UsageError, Where
from klplan.core.models import (
    Module,
    SchoolCalendar,
    Slot,
    school_year_label,
)
from klplan.core.plan import Meeting, ModulePlan, Notice
from klplan.core.scheduler import SchoolWeeks, schedule_module
from klplan.core.weeks import IsoWeek
from klplan.messages import t

DEFAULT_MODULE = "samtal-om-text"
DEFAULT_CADENCE = "intensiv"
DEFAULT_KOMMUN = "0180"  # Stockholm


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


@dataclass(frozen=True)
class Leader:
    """A leader (handledare / ledare för kollegialt lärande)."""

    id: str
    name: str | None = None
    email: str | None = None


@dataclass(frozen=True)
class GroupPlan:
    """One group's schedule: its modules in order (usually one), and where it meets."""

    id: str
    plans: tuple[ModulePlan, ...]
    name: str | None = None
    leader: str | None = None  # a Leader id
    participants: int | None = None
    location: str | None = None
    video_url: str | None = None

    @property
    def meetings(self) -> tuple[Meeting, ...]:
        return tuple(m for p in self.plans for m in p.meetings)


@dataclass(frozen=True)
class CheckIn:
    """A recurring principal–leader check-in (avstämning), scheduled like a meeting."""

    leader: str  # a Leader id
    week: IsoWeek
    date: date
    start: datetime
    end: datetime
    sequence_no: int  # 1, 2, ... in order; part of the stable identity


@dataclass(frozen=True)
class ScheduleOutcome:
    """Everything one run scheduled, for the renderers. ``plan_id`` names the plan or
    school in stable identities (calendar UIDs)."""

    groups: tuple[GroupPlan, ...]
    calendar: SchoolCalendar
    school_year: int
    start: IsoWeek
    spring_start: IsoWeek | None
    notices: tuple[Notice, ...] = ()
    defaults_used: tuple[str, ...] = field(default=())
    leaders: tuple[Leader, ...] = ()
    checkins: tuple[CheckIn, ...] = ()
    plan_id: str = "klplan"


def school_year_of(week: IsoWeek) -> int:
    """The school year a week belongs to: from July, the one starting that year."""
    monday = week.monday
    return monday.year if monday.month >= 7 else monday.year - 1


def schedule_single(req: ScheduleRequest) -> ScheduleOutcome:
    """Schedule one group through one module (``klplan schedule`` without a plan)."""
    from klplan.loaders.calendars import load_calendar, load_overrides
    from klplan.loaders.catalog import get_cadence, load_cadences, load_catalog

    defaults: list[str] = []
    catalog = load_catalog(req.modules_file)
    module = catalog.get(req.module or DEFAULT_MODULE, Where(flag="--module"))
    if req.module is None:
        defaults.append(t("defaults.module", value=f"{module.title} ({module.id})"))
    cadences = load_cadences(req.cadences_file)
    cadence = get_cadence(cadences, req.cadence or DEFAULT_CADENCE, Where(flag="--cadence"))
    if req.cadence is None:
        defaults.append(t("defaults.cadence", value=cadence.id))
    overrides = load_overrides(req.calendar_file) if req.calendar_file else None
    kommun = req.kommun
    if kommun is None and req.lan is None and overrides is None:
        kommun = DEFAULT_KOMMUN
        defaults.append(t("defaults.kommun", value="Stockholm (0180)"))

    slot = Slot(
        weekday=2 if req.weekday is None else req.weekday,
        time=req.time or time(15, 0),
        duration_minutes=req.duration or 90,
    )

    def calendar_for(first_year: int) -> tuple[SchoolCalendar, tuple[Notice, ...]]:
        result = load_calendar(
            first_year,
            kommun=kommun,
            lan=req.lan,
            overrides=overrides,
            overrides_file=str(req.calendar_file) if req.calendar_file else None,
        )
        return result.calendar, result.notices

    # The school year: given, implied by --start, or the current one (the next once
    # the current one is over).
    if req.school_year is not None:
        year = req.school_year
    elif req.start is not None:
        year = school_year_of(req.start)
    else:
        year = req.today.year if req.today.month >= 7 else req.today.year - 1
    calendar, notices = calendar_for(year)
    if req.school_year is None and req.start is None and req.today > calendar.days()[1]:
        year += 1
        calendar, notices = calendar_for(year)
    weeks = SchoolWeeks(calendar, slot.weekday)

    start = req.start
    if start is None:
        start = _default_start(weeks, req.today)
    _check_in_year(weeks, start, year, "--start")
    if req.spring_start is not None:
        _check_in_year(weeks, req.spring_start, year, "--spring-start")

    try:
        plan = schedule_module(module, cadence, weeks, slot, start, req.spring_start)
    except ScheduleError as e:
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
                e2.hint = _fit_hint(
                    module, e2, cadences, cadence.id, year, start != weeks.open[0].week
                )
                raise
        else:
            e.hint = _fit_hint(module, e, cadences, cadence.id, year, start != weeks.open[0].week)
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
        notices=(*notices, *plan.notices),
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
    return weeks.open[0].week


def _check_in_year(weeks: SchoolWeeks, week: IsoWeek, year: int, flag: str) -> None:
    first, last = weeks.calendar.days()
    if not IsoWeek.of(first) <= week <= IsoWeek.of(last):
        raise UsageError(
            "schedule.week_outside_year",
            where=Where(flag=flag),
            week=str(week),
            school_year=school_year_label(year),
            first=str(IsoWeek.of(first)),
            last=str(IsoWeek.of(last)),
        )


def _fit_hint(
    module: Module,
    error: ScheduleError,
    cadences: dict[str, object],
    current: str,
    year: int,
    earlier_start_possible: bool,
) -> str:
    """Suggest what would make the module fit: a faster cadence, an earlier start or
    the next school year."""
    from klplan.core.models import Cadence

    available = int(error.params.get("available", 0))  # type: ignore[call-overload]
    needed = int(error.params.get("needed", 0))  # type: ignore[call-overload]
    options: list[str] = []
    for c in sorted(
        (c for c in cadences.values() if isinstance(c, Cadence)),
        key=lambda c: c.weeks_needed(module.parts),
    ):
        if (
            c.id != current
            and c.weeks_needed(module.parts) < needed
            and c.weeks_needed(module.parts) <= available
        ):
            options.append(f"--cadence {c.id}")
            break
    if earlier_start_possible:
        options.append(t("hint.earlier_start"))
    options.append(t("hint.next_school_year", school_year=school_year_label(year + 1)))
    return t("hint.try_cadence_or_start", options=t("hint.or").join(options))


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
    from klplan.loaders.calendars import load_calendar, load_overrides

    defaults: list[str] = []
    overrides = load_overrides(req.calendar_file) if req.calendar_file else None
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
