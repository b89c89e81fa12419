"""Scheduling the groups of a plan file: each group's modules in order, no leader
booked twice at once, and the principal–leader check-ins (``klplan.app.plan``)."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import replace
from datetime import date, datetime, timedelta
from typing import TYPE_CHECKING
from zoneinfo import ZoneInfo

from klplan.core.defaults import DATES_SHOWN
from klplan.core.errors import InputError, ScheduleError
from klplan.core.models import Cadence, Module, SchoolCalendar, Slot
from klplan.core.outcome import CheckIn, GroupPlan
from klplan.core.plan import Meeting, ModulePlan, Notice, PlanKey, plan_key
from klplan.core.scheduler import SchoolWeeks, schedule_module
from klplan.core.weeks import IsoWeek
from klplan.messages import format_date, t

if TYPE_CHECKING:
    from klplan.core.conflicts import Clash, Timetable
    from klplan.loaders.overrides import ClosedDay
    from klplan.loaders.plan import GroupSetup, LoadedPlan

# A group's closed days besides the plan's (its school's and its own): with the
# plan's calendar they give the calendar it is scheduled against.
Closed = tuple["ClosedDay", ...]
# What a module plan is made of with the calendar it is made on: its PlanKey on the
# plan's calendar (closed days: none), else the closed days and its PlanKey.
CalendarKey = PlanKey | tuple[Closed, PlanKey]


def calendar_key(closed: Closed, key: PlanKey) -> CalendarKey:
    return (closed, key) if closed else key


# A group placed at a slot: its module plans, their bookings, the notices of meetings
# moved that week only, and the clashes left (none: it can be booked).
Attempt = tuple[tuple[ModulePlan, ...], "Timetable", list[Notice], list["Clash"]]


class Planner:
    """One plan's scheduling run: what it has booked and what it has shared."""

    def __init__(
        self,
        plan: LoadedPlan,
        calendar: SchoolCalendar,
        calendars: dict[Closed, SchoolCalendar] | None = None,
    ) -> None:
        self.plan = plan
        self.calendar = calendar
        # The calendars of groups with closed days of their own (or their school's).
        self.calendars = {(): calendar, **(calendars or {})}
        self.travel = timedelta(minutes=plan.spec.travel_minutes)
        self._weeks: dict[tuple[Closed, int], SchoolWeeks] = {}
        # Module plans made in this run, by everything they are made of:
        # schedule_module is pure, so groups that take the same module at the same
        # pace, slot and start share one (immutable) plan instead of scheduling it
        # again (keyed on what it is made of, klplan.core.plan.PlanKey; the slot's
        # weekday also picks the SchoolWeeks).
        # (Per calendar: a school's closed days give other plans; those plans carry
        # no key, so nothing else shares them across calendars.)
        self._module_plans: dict[CalendarKey, ModulePlan] = {}
        # Each module plan's meetings as leader bookings, by the same key.
        self._timetables: dict[CalendarKey, Timetable] = {}
        first, last = calendar.days()
        self._year = IsoWeek.of(first), IsoWeek.of(last)
        from klplan.core.conflicts import LeaderBookings

        self.bookings = LeaderBookings()
        self.notices: list[Notice] = []
        self.names = {x.id: x.name for x in plan.spec.leaders}

    def weeks(self, weekday: int, closed: Closed = ()) -> SchoolWeeks:
        """One index per calendar and weekday, shared by every group that meets on it."""
        found = self._weeks.get((closed, weekday))
        if found is None:
            found = self._weeks[closed, weekday] = SchoolWeeks(self.calendars[closed], weekday)
        return found

    def module_plan(
        self,
        module: Module,
        cadence: Cadence,
        slot: Slot,
        start: IsoWeek,
        spring_start: IsoWeek | None,
        closed: Closed = (),
    ) -> ModulePlan:
        """``schedule_module`` on the slot's weekday, once per distinct input in this
        run (an error is not kept: it is raised again for the next group that asks)."""
        key = calendar_key(closed, plan_key(module, cadence, slot, start, spring_start))
        plan = self._module_plans.get(key)
        if plan is None:
            weeks = self.weeks(slot.weekday, closed)
            plan = schedule_module(module, cadence, weeks, slot, start, spring_start)
            if closed:
                plan = replace(plan, key=None)
            self._module_plans[key] = plan
        return plan

    def timetable(self, planned: list[tuple[CalendarKey, ModulePlan]]) -> Timetable:
        """A group's meetings, in order, as leader bookings."""
        from klplan.core.conflicts import Timetable

        out: Timetable | None = None
        for key, p in planned:
            found = self._timetables.get(key)
            if found is None:
                found = self._timetables[key] = Timetable.of(p.meetings)
            out = found if out is None else out + found
        assert out is not None  # a group has a module
        return out

    def groups(self, stagger: bool) -> tuple[tuple[GroupPlan, ...], list[Notice]]:
        out: list[GroupPlan] = []
        moves: list[Notice] = []
        schools = {x.id: x.name for x in self.plan.spec.schools}
        for g in self.plan.groups:
            plans, booked, one_off, clashes = self.attempt(g, g.slot)
            if clashes and stagger:
                found = next(self.free_slots(g, limit=1), None)
                if found is None:
                    raise self.conflict(g, clashes, suggest=False)
                slot, (plans, booked, one_off, _) = found
                moves.append(
                    Notice(
                        "plan.staggered",
                        {
                            "group": g.id,
                            "leader": self.names[g.leader],
                            "old": g.slot,
                            "new": slot,
                        },
                        self.plan.where("groups", g.index, "slot"),
                    )
                )
            elif clashes:
                raise self.conflict(g, clashes, suggest=True)
            self.bookings.add(g.leader, g.id, booked, g.school)
            moves.extend(one_off)
            for p in plans:
                self.notices.extend(
                    replace(n, params={**n.params, "group": g.id}) for n in p.notices
                )
            out.append(
                GroupPlan(
                    id=g.id,
                    plans=plans,
                    name=g.name,
                    leader=g.leader,
                    participants=g.participants,
                    location=g.location,
                    video_url=g.video_url,
                    sequence=g.sequence if len(g.modules) > 1 else None,
                    invitees=g.invitees,
                    video=g.video,
                    school=g.school,
                    school_name=schools.get(g.school or ""),
                )
            )
        return tuple(out), moves

    def sequence(self, g: GroupSetup, slot: Slot) -> tuple[tuple[ModulePlan, ...], Timetable]:
        """The group's modules in order, and their meetings as bookings: ``per_term``,
        each after the first in the term after the previous one ends;
        ``back_to_back``, at the next cadence step after the previous one's last
        meeting."""
        weeks = self.weeks(slot.weekday, g.closed_days)
        try:
            if not weeks.open:
                raise ScheduleError(
                    "schedule.no_school_weeks_after",
                    week=str(IsoWeek.of(self.calendar.days()[0])),
                    years=", ".join(self.calendar.school_years),
                )
            start = g.start or weeks.open[0].week
            self.check_in_plan(start, g.index, "start")
            if g.spring_start is not None:
                self.check_in_plan(g.spring_start, g.index, "spring_start")
            planned: list[tuple[CalendarKey, ModulePlan]] = []
            for module in g.modules:
                spring = g.spring_start
                if planned:
                    start, spring = self.next_start(g, weeks, planned[-1][1], module), None
                plan = self.module_plan(module, g.cadence, slot, start, spring, g.closed_days)
                # plan.key: made by schedule_module; None on a school's calendar.
                key: CalendarKey = plan.key or calendar_key(
                    g.closed_days, plan_key(module, g.cadence, slot, start, spring)
                )
                planned.append((key, plan))
        except ScheduleError as e:
            e.where = self.plan.where("groups", g.index)
            raise
        return tuple(p for _, p in planned), self.timetable(planned)

    def attempt(self, g: GroupSetup, slot: Slot) -> Attempt:
        """The group at ``slot``: a clash that a closed day caused (a meeting moved
        off its day onto another of the leader's) is solved for that week only, by
        moving the group's meeting to the next free time that day or week."""
        plans, booked = self.sequence(g, slot)
        clashes = self.bookings.clashes(g.leader, g.id, booked, g.school, self.travel)
        if not any(c.one_off for c in clashes):
            return plans, booked, [], clashes
        from klplan.core.conflicts import Timetable

        one_off = {c.new.start: c for c in clashes if c.one_off}
        left = [c for c in clashes if not c.one_off]
        notices: list[Notice] = []
        out: list[ModulePlan] = []
        for p in plans:
            meetings = list(p.meetings)
            for i, m in enumerate(meetings):
                clash = one_off.get(m.start)
                if clash is None:
                    continue
                moved = self.free_time(g, m, p.slot)
                if moved is None:
                    left.append(clash)
                    continue
                meetings[i] = moved
                notices.append(self.week_notice(g, m, moved, clash.existing.owner))
            out.append(
                p
                if meetings == list(p.meetings)
                else replace(p, meetings=tuple(meetings), key=None)
            )
        if left:
            return plans, booked, [], sorted(left, key=lambda c: c.new.start)
        return tuple(out), Timetable.of(m for p in out for m in p.meetings), notices, []

    def free_time(self, g: GroupSetup, m: Meeting, slot: Slot) -> Meeting | None:
        """The meeting ``m`` at the first time free for the leader: on its day from
        the slot's time until two meeting lengths later, after each of the leader's
        bookings (and the time to travel from another school), then on the next
        school days of its week if a closed day already moved it."""
        from klplan.core.conflicts import Timetable, travel_gap

        weeks = self.weeks(slot.weekday, g.closed_days)
        days = [m.date]
        if m.moved_from is not None:
            days += [m.date + timedelta(days=k) for k in range(1, 5 - m.date.weekday())]
        for day in days:
            term, reason = weeks.why_closed(day)
            if reason is not None or term is None or weeks.calendar.terms[term] != m.term:
                continue
            first = datetime.combine(day, slot.time, tzinfo=m.start.tzinfo)
            booked = self.bookings.bookings_on(g.leader, day)
            ends = (b.end + travel_gap(g.school, b.place, self.travel) for b in booked)
            for start in sorted({first, *ends}):
                end = start + slot.duration
                if not first <= start <= first + 2 * slot.duration or end.date() != day:
                    continue
                span = Timetable(((day, start, end),), frozenset({day}))
                if not self.bookings.clashes(g.leader, g.id, span, g.school, self.travel):
                    return replace(m, date=day, start=start, end=end)
        return None

    def week_notice(self, g: GroupSetup, old: Meeting, new: Meeting, other: str) -> Notice:
        return Notice(
            "plan.week_moved",
            {
                "group": g.id,
                "leader": self.names[g.leader],
                "old": f"{old.start:%Y-%m-%d %H:%M}",
                "new": f"{new.start:%Y-%m-%d %H:%M}",
                "other": other,
            },
            self.plan.where("groups", g.index),
        )

    def next_start(
        self, g: GroupSetup, weeks: SchoolWeeks, prev: ModulePlan, module: Module
    ) -> IsoWeek:
        """Where the module after ``prev`` starts (docs/plan.md, ``sequence``):
        ``per_term``, in the next term, unless ``prev`` ran over into a later term than
        its first: then in the room it leaves there, at the next cadence step (two
        treveckors modules a year)."""
        last = prev.meetings[-1]
        if g.sequence == "per_term" and last.term == prev.meetings[0].term:
            pos = weeks.index_of_term(self.calendar.terms.index(last.term) + 1)
        else:
            pos = weeks.index_from(last.week) + g.cadence.gap(2 * prev.module.parts - 1)
        if pos >= len(weeks.open):
            raise ScheduleError(
                "plan.sequence_no_room",
                module=module.title,
                previous=prev.module.title,
                last=str(last.week),
                years=", ".join(self.calendar.school_years),
            )
        return weeks.open[pos].week

    def check_in_plan(self, week: IsoWeek, index: int, key: str) -> None:
        first, last = self._year
        if not first <= week <= last:
            raise InputError(
                "schedule.week_outside_year",
                where=self.plan.where("groups", index, key),
                week=str(week),
                school_year=", ".join(self.calendar.school_years),
                first=str(first),
                last=str(last),
            )

    def free_slots(self, g: GroupSetup, limit: int) -> Iterator[tuple[Slot, Attempt]]:
        """Other slots where the group's whole schedule meets none of its leader's
        bookings (but for clashes of one week that can be moved that week): the next
        weekdays at the same time first, then later times."""
        found = 0
        for slot in _candidate_slots(g.slot):
            try:
                attempt = self.attempt(g, slot)
            except ScheduleError:
                continue
            if not attempt[3]:
                yield slot, attempt
                found += 1
                if found >= limit:
                    return

    def conflict(self, g: GroupSetup, clashes: list[Clash], suggest: bool) -> ScheduleError:
        other = clashes[0].existing.owner
        days = [c.day for c in clashes if c.existing.owner == other]
        dates = ", ".join(format_date(d) for d in days[:DATES_SHOWN])
        if len(days) > DATES_SHOWN:
            dates += t("plan.more_dates", count=len(days))
        hint = None
        slots: list[str] = []
        if suggest:
            from klplan.render.notices import slot_label

            slots = [slot_label(s) for s, _ in self.free_slots(g, limit=3)]
            hint = (
                t("plan.free_slots", slots=t("hint.or").join(slots))
                if slots
                else t("plan.no_free_slots")
            )
        if clashes[0].travel_only:
            return ScheduleError(
                "plan.leader_travel_conflict",
                where=self.plan.where("groups", g.index, "school"),
                hint=hint,
                stagger=bool(suggest and slots),
                leader=f"{self.names[g.leader]} ({g.leader})",
                group=g.id,
                other=other,
                dates=dates,
                minutes=int(clashes[0].gap.total_seconds()) // 60,
            )
        return ScheduleError(
            "plan.leader_conflict",
            where=self.plan.where(
                "groups", g.index, "slot" if self.plan.spec.groups[g.index].slot else "leader"
            ),
            hint=hint,
            stagger=bool(suggest and slots),  # moving groups to free slots would help
            leader=f"{self.names[g.leader]} ({g.leader})",
            group=g.id,
            other=other,
            dates=dates,
        )

    def checkins(self, groups: tuple[GroupPlan, ...]) -> tuple[CheckIn, ...]:
        spec = self.plan.spec.checkins
        if spec is None:
            return ()
        weeks = self.weeks(spec.weekday)
        start = spec.start or min(g.plans[0].first_week for g in groups)
        last: dict[str, IsoWeek] = {}
        for g in groups:
            if g.leader is not None:
                last[g.leader] = max(
                    last.get(g.leader, g.plans[-1].last_week), g.plans[-1].last_week
                )
        out: list[CheckIn] = []
        tz = ZoneInfo(Slot().timezone)
        order = [x.id for x in self.plan.spec.leaders if x.id in last]
        for k, leader in enumerate(order):
            offset = timedelta(minutes=0 if spec.parallel else k * spec.duration)
            begin = datetime.combine(date(2000, 1, 1), spec.time) + offset
            if (
                begin.date() != date(2000, 1, 1)
                or (begin + timedelta(minutes=spec.duration)).date() != begin.date()
            ):
                raise InputError(
                    "plan.checkins_do_not_fit",
                    where=self.plan.where("checkins", "time"),
                    leaders=len(order),
                )
            mine: list[CheckIn] = []
            for n, o in enumerate(weeks.every(spec.every_weeks, start, last[leader]), start=1):
                s = datetime.combine(o.day, begin.time(), tzinfo=tz)
                mine.append(
                    CheckIn(
                        leader,
                        o.week,
                        o.day,
                        s,
                        s + timedelta(minutes=spec.duration),
                        n,
                        spec.location,
                    )
                )
            from klplan.core.conflicts import Timetable

            booked = Timetable.of(mine)
            clashes = self.bookings.clashes(leader, "checkin", booked)
            if clashes:
                raise ScheduleError(
                    "plan.checkin_conflict",
                    where=self.plan.where("checkins"),
                    leader=f"{self.names[leader]} ({leader})",
                    group=clashes[0].existing.owner,
                    date=format_date(clashes[0].day),
                )
            self.bookings.add(leader, "checkin", booked)
            out.extend(mine)
        rank = {leader: k for k, leader in enumerate(order)}
        return tuple(sorted(out, key=lambda c: (c.start, rank[c.leader])))


def _candidate_slots(slot: Slot) -> Iterator[Slot]:
    """Deterministic alternatives to ``slot``: the following weekdays at the same
    time, then the same weekdays one and two meeting-lengths later."""
    for shift in range(3):
        start = datetime.combine(date(2000, 1, 1), slot.time) + shift * slot.longest
        if (start + slot.longest).date() != date(2000, 1, 1):
            return
        for k in range(5):
            if shift == 0 and k == 0:
                continue
            yield Slot(
                weekday=(slot.weekday + k) % 5,
                time=start.time(),
                duration_minutes=slot.duration_minutes,
                timezone=slot.timezone,
                follow_up_minutes=slot.follow_up_minutes,
                preparation_minutes=slot.preparation_minutes,
            )
