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
from klplan.core.plan import ModulePlan, Notice, PlanKey, plan_key
from klplan.core.scheduler import SchoolWeeks, schedule_module
from klplan.core.weeks import IsoWeek
from klplan.messages import format_date, t

if TYPE_CHECKING:
    from klplan.core.conflicts import Clash, Timetable
    from klplan.loaders.plan import GroupSetup, LoadedPlan


class Planner:
    """One plan's scheduling run: what it has booked and what it has shared."""

    def __init__(self, plan: LoadedPlan, calendar: SchoolCalendar) -> None:
        self.plan = plan
        self.calendar = calendar
        self._weeks: dict[int, SchoolWeeks] = {}
        # Module plans made in this run, by everything they are made of:
        # schedule_module is pure, so groups that take the same module at the same
        # pace, slot and start share one (immutable) plan instead of scheduling it
        # again (keyed on what it is made of, klplan.core.plan.PlanKey; the slot's
        # weekday also picks the SchoolWeeks).
        self._module_plans: dict[PlanKey, ModulePlan] = {}
        # Each module plan's meetings as leader bookings, by the same key.
        self._timetables: dict[PlanKey, Timetable] = {}
        first, last = calendar.days()
        self._year = IsoWeek.of(first), IsoWeek.of(last)
        from klplan.core.conflicts import LeaderBookings

        self.bookings = LeaderBookings()
        self.notices: list[Notice] = []
        self.names = {x.id: x.name for x in plan.spec.leaders}

    def weeks(self, weekday: int) -> SchoolWeeks:
        """One index per weekday, shared by every group that meets on it."""
        if weekday not in self._weeks:
            self._weeks[weekday] = SchoolWeeks(self.calendar, weekday)
        return self._weeks[weekday]

    def module_plan(
        self,
        module: Module,
        cadence: Cadence,
        slot: Slot,
        start: IsoWeek,
        spring_start: IsoWeek | None,
    ) -> ModulePlan:
        """``schedule_module`` on the slot's weekday, once per distinct input in this
        run (an error is not kept: it is raised again for the next group that asks)."""
        key = plan_key(module, cadence, slot, start, spring_start)
        plan = self._module_plans.get(key)
        if plan is None:
            weeks = self.weeks(slot.weekday)
            plan = schedule_module(module, cadence, weeks, slot, start, spring_start)
            self._module_plans[key] = plan
        return plan

    def timetable(self, plans: tuple[ModulePlan, ...]) -> Timetable:
        """A group's meetings, in order, as leader bookings."""
        from klplan.core.conflicts import Timetable

        out: Timetable | None = None
        for p in plans:
            assert p.key is not None  # made by schedule_module
            found = self._timetables.get(p.key)
            if found is None:
                found = self._timetables[p.key] = Timetable.of(p.meetings)
            out = found if out is None else out + found
        assert out is not None  # a group has a module
        return out

    def groups(self, stagger: bool) -> tuple[tuple[GroupPlan, ...], list[Notice]]:
        out: list[GroupPlan] = []
        moves: list[Notice] = []
        for g in self.plan.groups:
            plans, booked = self.sequence(g, g.slot)
            clashes = self.bookings.clashes(g.leader, g.id, booked)
            if clashes and stagger:
                found = next(self.free_slots(g, limit=1), None)
                if found is None:
                    raise self.conflict(g, clashes, suggest=False)
                slot, plans, booked = found
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
            self.bookings.add(g.leader, g.id, booked)
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
                )
            )
        return tuple(out), moves

    def sequence(self, g: GroupSetup, slot: Slot) -> tuple[tuple[ModulePlan, ...], Timetable]:
        """The group's modules in order, and their meetings as bookings: ``per_term``,
        each after the first in the term after the previous one ends;
        ``back_to_back``, at the next cadence step after the previous one's last
        meeting."""
        weeks = self.weeks(slot.weekday)
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
            plans: list[ModulePlan] = []
            for module in g.modules:
                spring = g.spring_start
                if plans:
                    start, spring = self.next_start(g, weeks, plans[-1], module), None
                plans.append(self.module_plan(module, g.cadence, slot, start, spring))
        except ScheduleError as e:
            e.where = self.plan.where("groups", g.index)
            raise
        return tuple(plans), self.timetable(tuple(plans))

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

    def free_slots(
        self, g: GroupSetup, limit: int
    ) -> Iterator[tuple[Slot, tuple[ModulePlan, ...], Timetable]]:
        """Other slots where the group's whole schedule meets none of its leader's
        bookings: the next weekdays at the same time first, then later times."""
        found = 0
        for slot in _candidate_slots(g.slot):
            try:
                plans, booked = self.sequence(g, slot)
            except ScheduleError:
                continue
            if not self.bookings.clashes(g.leader, g.id, booked):
                yield slot, plans, booked
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

            slots = [slot_label(s) for s, _, _ in self.free_slots(g, limit=3)]
            hint = (
                t("plan.free_slots", slots=t("hint.or").join(slots))
                if slots
                else t("plan.no_free_slots")
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
