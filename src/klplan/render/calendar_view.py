"""The school year day by day: which weekdays are school days, which are lov, red days
or the school's own closed days, and what happens in each week. Pure data built from
a SchoolCalendar, shared by the calendar picture, its JSON and the schedule overview.
No clock: renderers are given ``today``."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, timedelta

from klplan.core.models import ClosureKind, SchoolCalendar, Term
from klplan.core.plan import DayOff
from klplan.core.scheduler import SchoolWeeks
from klplan.core.weeks import IsoWeek, weeks_between
from klplan.messages import WEEKDAYS_SHORT, format_date, language, reason_label, t

SCHOOL = "school"
# Lov that closes whole weeks, in the order a week's reason is chosen.
LOV = (
    ClosureKind.LASLOV.value,
    ClosureKind.SPORTLOV.value,
    ClosureKind.PASKLOV.value,
    ClosureKind.JULLOV.value,
    ClosureKind.SOMMARLOV.value,
)


@dataclass(frozen=True, slots=True)
class Day:
    """A weekday of the school year. ``status`` is ``school`` or why there is no
    school: a ClosureKind value (lov, ``red_day``, ``closed_day``)."""

    date: date
    status: str
    # Own names of the red days and closed days on this date (Kristi himmelsfärdsdag,
    # studiedag), also when a lov covers the day.
    names: tuple[str, ...] = ()
    term: Term | None = None

    @property
    def is_school_day(self) -> bool:
        return self.status == SCHOOL


def _week_closed(days: tuple[Day, ...]) -> DayOff | None:
    """Why a week has no school day at all (lov first), or None."""
    if any(d.is_school_day for d in days):
        return None
    for d in days:
        if d.status in LOV:
            return DayOff(d.status)
    first = days[0]
    return DayOff(first.status, first.names[0] if first.names else None)


@dataclass(frozen=True, slots=True)
class CalendarWeek:
    """Monday to Friday of one ISO week. ``closed`` and ``term`` are worked out once
    when the week is made: the year overview asks them for every group in every week."""

    week: IsoWeek
    days: tuple[Day, ...]
    closed: DayOff | None = None  # why the week has no school day at all, or None
    term: Term | None = None  # the term its school days (or its closed days) belong to

    @classmethod
    def of(cls, week: IsoWeek, days: tuple[Day, ...]) -> CalendarWeek:
        term = next((d.term for d in days if d.term is not None), None)
        return cls(week, days, _week_closed(days), term)

    def contains(self, day: date) -> bool:
        return self.days[0].date <= day <= self.days[-1].date


@dataclass(frozen=True, slots=True)
class TermEvent:
    """A term starts or ends on ``date``."""

    term: Term
    starts: bool
    date: date


def calendar_weeks(calendar: SchoolCalendar) -> tuple[CalendarWeek, ...]:
    """Every week from the first term's first day to the last term's last day."""
    weeks = SchoolWeeks(calendar, 0)
    named: dict[date, list[tuple[int, str]]] = {}
    for c in calendar.closures:
        if c.kind in (ClosureKind.RED_DAY, ClosureKind.CLOSED_DAY) and c.name:
            rank = 0 if c.kind is ClosureKind.RED_DAY else 1
            day = c.start
            while day <= c.end:
                named.setdefault(day, []).append((rank, c.name))
                day += timedelta(days=1)
    first, last = calendar.days()
    out: list[CalendarWeek] = []
    for week in weeks_between(IsoWeek.of(first), IsoWeek.of(last)):
        days: list[Day] = []
        for wd in range(5):
            day = week.day(wd)
            term_index, reason = weeks.why_closed(day)
            names = tuple(dict.fromkeys(n for _, n in sorted(named.get(day, []))))
            term = calendar.terms[term_index] if term_index is not None else None
            days.append(Day(day, reason.code if reason else SCHOOL, names, term))
        out.append(CalendarWeek.of(week, tuple(days)))
    return tuple(out)


def term_events(calendar: SchoolCalendar, week: CalendarWeek) -> tuple[TermEvent, ...]:
    """Terms that start or end in ``week`` (by their first and last day)."""
    monday, sunday = week.week.monday, week.week.day(6)
    out: list[TermEvent] = []
    for term in calendar.terms:
        if monday <= term.start <= sunday:
            out.append(TermEvent(term, True, term.start))
        if monday <= term.end <= sunday:
            out.append(TermEvent(term, False, term.end))
    return tuple(out)


def week_of(weeks: tuple[CalendarWeek, ...], day: date) -> CalendarWeek | None:
    return next((w for w in weeks if w.contains(day)), None)


def day_mark(day: Day) -> str:
    """One character for a day in the calendar picture (see ``legend``)."""
    return t(f"cal.mark.{day.status}")


def legend(weeks: tuple[CalendarWeek, ...]) -> tuple[tuple[str, str], ...]:
    """(mark, meaning) for every status that occurs in ``weeks``."""
    statuses = (SCHOOL, *LOV, ClosureKind.RED_DAY.value, ClosureKind.CLOSED_DAY.value)
    seen = {d.status for w in weeks for d in w.days}
    return tuple((t(f"cal.mark.{s}"), t(f"cal.status.{s}")) for s in statuses if s in seen)


def _weekdays(days: list[Day]) -> str:
    short = WEEKDAYS_SHORT[language()]
    return ", ".join(short[d.date.weekday()] for d in days)


def _study_days(calendar: SchoolCalendar) -> set[date]:
    """The dates of the school's own closed days that are studiedagar (teachers work,
    pupils are off): those named so, as known ones and a calendar file's default are."""
    out: set[date] = set()
    for c in calendar.closures:
        if c.kind is ClosureKind.CLOSED_DAY and (c.name or "").casefold().startswith("studiedag"):
            out.update(c.start + timedelta(days=i) for i in range((c.end - c.start).days + 1))
    return out


def _weekday(day: date, step: int) -> date:
    """The next (``step`` 1) or previous (-1) weekday."""
    day += timedelta(days=step)
    while day.weekday() >= 5:
        day += timedelta(days=step)
    return day


def teacher_start(calendar: SchoolCalendar, term: Term) -> tuple[date, date] | None:
    """(teachers' first day, pupils' first day) where a term begins with studiedagar:
    on its first day, or on the weekdays right before it; None where it does not."""
    study = _study_days(calendar)
    teachers = term.start
    while _weekday(teachers, -1) in study:
        teachers = _weekday(teachers, -1)
    if term.start in study:
        pupils = term.start
        while pupils in study and pupils <= term.end:
            pupils = _weekday(pupils, 1)
        return teachers, pupils
    return (teachers, term.start) if teachers != term.start else None


def week_notes(calendar: SchoolCalendar, week: CalendarWeek) -> tuple[str, ...]:
    """What a person should know about the week: terms starting (for teachers and for
    pupils, where a term begins with studiedagar) or ending, the lov that closes it, red
    days and the school's own closed days by name."""
    notes: list[str] = []
    said: set[date] = set()  # studiedagar the term's start already names
    events = term_events(calendar, week)
    for e in events:
        start = teacher_start(calendar, e.term) if e.starts else None
        if start is not None:
            teachers, pupils = start
            notes.append(
                t(
                    "cal.term_starts_study_day",
                    term=e.term.name,
                    teachers=format_date(teachers, year=False),
                    pupils=format_date(pupils, year=False),
                )
            )
            said.update(d.date for d in week.days if teachers <= d.date < pupils)
            continue
        key = "cal.term_starts" if e.starts else "cal.term_ends"
        notes.append(t(key, term=e.term.name, date=format_date(e.date, year=False)))
    closed = week.closed
    if closed is not None and closed.code in LOV:
        notes.append(reason_label(closed.code))
    elif not events:
        for status in LOV:
            days = [d for d in week.days if d.status == status]
            if days:
                notes.append(f"{reason_label(status)} ({_weekdays(days)})")
    by_name: dict[str, list[Day]] = {}
    for d in week.days:
        if d.date in said:
            continue
        if d.status in (ClosureKind.RED_DAY.value, ClosureKind.CLOSED_DAY.value):
            name = d.names[0] if d.names else reason_label(d.status)
            by_name.setdefault(name, []).append(d)
    notes += [f"{name} ({_weekdays(days)})" for name, days in by_name.items()]
    return tuple(notes)


def school_days(weeks: tuple[CalendarWeek, ...], term: Term) -> int:
    return sum(1 for w in weeks for d in w.days if d.is_school_day and d.term == term)
