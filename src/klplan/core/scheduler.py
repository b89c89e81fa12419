"""The scheduler: maps each part's meetings (B and D) onto open school weeks under a
cadence. Pure: no files, no clock, no terminal. Same input, same plan."""

from __future__ import annotations

from bisect import bisect_left
from dataclasses import dataclass
from datetime import date, datetime, timedelta
from zoneinfo import ZoneInfo

from klplan.core.errors import ScheduleError
from klplan.core.models import Cadence, ClosureKind, Module, SchoolCalendar, Slot
from klplan.core.plan import ClosedWeek, DayOff, Meeting, ModulePlan, Notice, plan_key
from klplan.core.weeks import IsoWeek, weeks_between

# Lov closes the whole week whatever else falls on a day; among single days a red
# day is named before a school's own closed day.
_PRIORITY = {
    ClosureKind.CLOSED_DAY: 0,
    ClosureKind.RED_DAY: 1,
}


@dataclass(frozen=True, slots=True)
class OpenWeek:
    """A week in which the group can meet, and the day it meets."""

    week: IsoWeek
    day: date
    term_index: int
    moved_from: date | None = None
    moved_because: DayOff | None = None


class SchoolWeeks:
    """A calendar's weeks as seen from one meeting weekday: which are open (and on
    which day the meeting falls) and why the others are closed. Build once per
    calendar and weekday, then schedule any number of groups against it."""

    def __init__(self, calendar: SchoolCalendar, weekday: int) -> None:
        if not 0 <= weekday <= 4:
            raise ValueError("weekday must be Monday (0) to Friday (4)")
        self.calendar = calendar
        self.weekday = weekday
        self._day_off = _index_closures(calendar)
        self._term_starts = [t.start for t in calendar.terms]
        first, last = calendar.days()
        self.open: list[OpenWeek] = []
        self.closed: dict[IsoWeek, DayOff] = {}
        for week in weeks_between(IsoWeek.of(first), IsoWeek.of(last)):
            self._classify(week)
        self._open_weeks = [o.week for o in self.open]
        self._open_terms = [o.term_index for o in self.open]
        # A part's B and D meetings, made once for every group that meets them alike:
        # key (module id, part, open-week indexes of B and D, slot, slot time's fold),
        # everything a Meeting is made of besides this index. Meetings are immutable,
        # so groups can share them.
        self._parts: dict[tuple[object, ...], tuple[Meeting, Meeting]] = {}

    def part_meetings(
        self, module: Module, part: int, b: int, d: int, slot: Slot
    ) -> tuple[Meeting, Meeting]:
        """Part ``part``'s B meeting in open week ``b`` and D in open week ``d``."""
        key = (module.id, part, b, d, slot, slot.time.fold)
        found = self._parts.get(key)
        if found is None:
            tz = ZoneInfo(slot.timezone)
            opens = self.open
            found = self._parts[key] = (
                _meeting(module, part, "B", opens, b, (opens[b].week,), slot, tz, self),
                _meeting(
                    module,
                    part,
                    "D",
                    opens,
                    d,
                    tuple(o.week for o in opens[b + 1 : d + 1]),
                    slot,
                    tz,
                    self,
                ),
            )
        return found

    def why_closed(self, day: date) -> tuple[int | None, DayOff | None]:
        """(term index, reason) for ``day``: reason is None on a school day."""
        terms = self.calendar.terms
        i = bisect_left(self._term_starts, day + timedelta(days=1)) - 1
        if i < 0 or day > terms[i].end:
            # Between terms: after an autumn term (or before a spring term) it is
            # jullov, otherwise sommarlov.
            following = terms[i + 1] if i + 1 < len(terms) else None
            after_autumn = i >= 0 and terms[i].name == "HT"
            before_spring = i < 0 and following is not None and following.name == "VT"
            code = ClosureKind.JULLOV if after_autumn or before_spring else ClosureKind.SOMMARLOV
            return None, DayOff(code.value)
        if day.weekday() >= 5:
            return i, DayOff("weekend")
        return i, self._day_off.get(day)

    def _classify(self, week: IsoWeek) -> None:
        first_reason: DayOff | None = None
        for wd in range(self.weekday, 5):
            day = week.day(wd)
            term, reason = self.why_closed(day)
            if reason is None and term is not None:
                moved = wd != self.weekday
                self.open.append(
                    OpenWeek(
                        week,
                        day,
                        term,
                        moved_from=week.day(self.weekday) if moved else None,
                        moved_because=first_reason if moved else None,
                    )
                )
                return
            if first_reason is None:
                first_reason = reason
        assert first_reason is not None
        self.closed[week] = first_reason

    def index_from(self, week: IsoWeek) -> int:
        """Index of the first open week on or after ``week`` (len(open) if none)."""
        return bisect_left(self._open_weeks, week)

    def index_of_term(self, term_index: int) -> int:
        """Index of the first open week in term ``term_index`` or a later one
        (len(open) if none)."""
        return bisect_left(self._open_terms, term_index)

    def every(self, n: int, start: IsoWeek, until: IsoWeek) -> list[OpenWeek]:
        """Every ``n``-th open week from the first open week on or after ``start`` up
        to ``until`` (included): recurring meetings such as check-ins (avstämning)."""
        if n < 1:
            raise ValueError("n must be at least 1")
        return [o for o in self.open[self.index_from(start) :: n] if o.week <= until]


def _index_closures(calendar: SchoolCalendar) -> dict[date, DayOff]:
    rank: dict[date, int] = {}
    out: dict[date, DayOff] = {}
    for closure in calendar.closures:
        prio = _PRIORITY.get(closure.kind, 2)
        day = closure.start
        while day <= closure.end:
            if prio >= rank.get(day, -1):
                rank[day] = prio
                out[day] = DayOff(closure.kind.value, closure.name)
            day += timedelta(days=1)
    return out


def schedule_module(
    module: Module,
    cadence: Cadence,
    weeks: SchoolWeeks,
    slot: Slot,
    start: IsoWeek,
    spring_start: IsoWeek | None = None,
) -> ModulePlan:
    """Place every part's B and D meeting in open school weeks.

    Parts go in order; the gap between consecutive meetings is the cadence's, counted
    in open school weeks (closed weeks are skipped and not counted). A part's B and D
    always fall in the same term: if D would fall in a later term, the whole part moves
    to the next term. With ``spring_start`` the parts are split evenly between the terms
    (the first half from ``start``, the rest from ``spring_start``), as in Skolverket's
    example tables. Raises ScheduleError when the calendar runs out of school weeks.
    """
    if slot.weekday != weeks.weekday:
        raise ValueError("the SchoolWeeks index was built for another weekday")
    opens = weeks.open
    ZoneInfo(slot.timezone)  # an unknown zone fails here, before anything is placed
    notices: list[Notice] = []
    meetings: list[Meeting] = []

    def start_index(week: IsoWeek) -> int:
        pos = weeks.index_from(week)
        if pos >= len(opens):
            raise ScheduleError(
                "schedule.no_school_weeks_after",
                week=str(week),
                years=", ".join(weeks.calendar.school_years),
            )
        if opens[pos].week != week:
            reason = weeks.closed.get(week)
            notices.append(
                Notice(
                    "notice.start_moved",
                    {"week": str(week), "to": str(opens[pos].week), "reason": reason},
                )
            )
        return pos

    def place(parts: range, pos: int, transition: int) -> tuple[int, int]:
        """Place ``parts`` from open week ``pos``; return (index of last D, transition)."""
        last_d = -1
        for part in parts:
            while True:
                b = pos
                d = b + cadence.gap(transition)
                if d >= len(opens):
                    # Weeks used up to this D (term changes included) plus the
                    # least the remaining meetings need.
                    rest = sum(cadence.gap(t) for t in range(transition + 1, 2 * module.parts - 1))
                    needed = max(cadence.weeks_needed(module.parts), d - start_pos + 1 + rest)
                    raise ScheduleError(
                        "schedule.not_enough_weeks",
                        module=module.title,
                        parts=module.parts,
                        needed=needed,
                        available=len(opens) - start_pos,
                        start=str(start),
                        years=", ".join(weeks.calendar.school_years),
                        failed_part=part,
                    )
                if opens[d].term_index == opens[b].term_index:
                    break
                # D would fall in a later term: the whole part starts in that term.
                pos = next(i for i in range(b, d + 1) if opens[i].term_index > opens[b].term_index)
                notices.append(
                    Notice(
                        "notice.part_moved_to_next_term",
                        {"part": part, "term": weeks.calendar.terms[opens[pos].term_index].label},
                    )
                )
            meetings.extend(weeks.part_meetings(module, part, b, d, slot))
            last_d = d
            pos = d + cadence.gap(transition + 1)
            transition += 2
        return last_d, transition

    start_pos = start_index(start)
    if spring_start is None:
        place(range(1, module.parts + 1), start_pos, 0)
    else:
        half = (module.parts + 1) // 2
        last_autumn, transition = place(range(1, half + 1), start_pos, 0)
        spring_pos = start_index(spring_start)
        if spring_pos <= last_autumn:
            raise ScheduleError(
                "schedule.spring_start_too_early",
                spring_start=str(spring_start),
                last_week=str(opens[last_autumn].week),
                half=half,
            )
        place(range(half + 1, module.parts + 1), spring_pos, transition)

    first, last = meetings[0].week, meetings[-1].week
    closed = tuple(ClosedWeek(w, r) for w, r in sorted(weeks.closed.items()) if first < w < last)
    key = plan_key(module, cadence, slot, start, spring_start)
    return ModulePlan(module, cadence, slot, tuple(meetings), closed, tuple(notices), key)


def _meeting(
    module: Module,
    part: int,
    moment: str,
    opens: list[OpenWeek],
    i: int,
    prep_weeks: tuple[IsoWeek, ...],
    slot: Slot,
    tz: ZoneInfo,
    weeks: SchoolWeeks,
) -> Meeting:
    o = opens[i]
    start = datetime.combine(o.day, slot.time, tzinfo=tz)
    return Meeting(
        module_id=module.id,
        part=part,
        moment=moment,  # type: ignore[arg-type]
        week=o.week,
        date=o.day,
        start=start,
        end=start + (slot.follow_up if moment == "D" else slot.duration),
        term=weeks.calendar.terms[o.term_index],
        prep_weeks=prep_weeks,
        moved_from=o.moved_from,
        moved_because=o.moved_because,
    )
