"""The library functions behind the commands: load what a request names, schedule
it, and return everything a renderer needs. The CLI only parses flags and renders."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass, field, replace
from datetime import date, datetime, time, timedelta
from functools import cached_property
from pathlib import Path
from typing import TYPE_CHECKING
from zoneinfo import ZoneInfo

from klplan.core.errors import InputError, KlplanError, ScheduleError, UsageError, Where
from klplan.core.models import (
    Module,
    SchoolCalendar,
    Slot,
    school_year_label,
)
from klplan.core.plan import Meeting, ModulePlan, Notice
from klplan.core.scheduler import SchoolWeeks, schedule_module
from klplan.core.weeks import IsoWeek
from klplan.messages import format_date, reason_label, t, weekday_name

# Budgets and leader conflicts are imported where they are used: the default
# ``klplan schedule`` (one group) needs neither, and defining their classes is a
# noticeable part of its start.
if TYPE_CHECKING:
    from klplan.core.budget import Budgets, LeaderBudget
    from klplan.core.conflicts import Clash, Timetable
    from klplan.core.models import Cadence
    from klplan.loaders.overrides import CalendarOverrides
    from klplan.loaders.plan import GroupSetup, LoadedPlan

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
    sequence: str | None = None  # per_term or back_to_back (plans with several modules)
    invitees: tuple[tuple[str, str], ...] = ()  # (e-mail, name): participants to invite

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
    location: str | None = None


@dataclass(frozen=True)
class PlanMeta:
    """Where a plan-file run came from: the plan's id and name, and whom it is for."""

    id: str
    name: str
    school: str | None = None
    municipality: str | None = None
    uid_domain: str | None = None  # plan.uid_domain: the right-hand side of its UIDs
    principal: str | None = None  # the school's principal (rektor), by name
    principal_email: str | None = None  # ORGANIZER of check-ins with --invite


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
    plan: PlanMeta | None = None  # set for plan files (klplan schedule PLAN)

    @cached_property
    def leaders_by_id(self) -> dict[str, Leader]:
        """The leaders by id, built once per outcome: each of a run's calendar files
        looks its leaders up here (a dict per file made writing them quadratic)."""
        return {x.id: x for x in self.leaders}

    @cached_property
    def budgets(self) -> Budgets:
        """The time budgets (``time_budgets``), computed once per outcome: the
        warnings of ``klplan validate`` and the JSON both need them."""
        return _time_budgets(self)

    def groups_by_leader(self) -> dict[str, list[GroupPlan]]:
        """Each leader's groups, in plan order (one pass, for plans of any size)."""
        out: dict[str, list[GroupPlan]] = {x.id: [] for x in self.leaders}
        for g in self.groups:
            if g.leader is not None:
                out.setdefault(g.leader, []).append(g)
        return out

    def checkins_by_leader(self) -> dict[str, list[CheckIn]]:
        out: dict[str, list[CheckIn]] = {x.id: [] for x in self.leaders}
        for c in self.checkins:
            out.setdefault(c.leader, []).append(c)
        return out


def school_year_of(week: IsoWeek) -> int:
    """The school year a week belongs to: from July, the one starting that year."""
    monday = week.monday
    return monday.year if monday.month >= 7 else monday.year - 1


def schedule_single(req: ScheduleRequest) -> ScheduleOutcome:
    """Schedule one group through one module (``klplan schedule`` without a plan)."""
    from klplan.loaders.calendars import load_calendar
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
    overrides = user_calendar(req.calendar_file)
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


def user_calendar(path: Path | None) -> CalendarOverrides | None:
    """The user's calendar file, if any (its module only then: startup)."""
    if path is None:
        return None
    from klplan.loaders.overrides import load_overrides

    return load_overrides(path)


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


# --- plan files: every group, its module sequence, leaders, check-ins ------------------

# A leader's load beyond which ``klplan validate`` warns: more groups than this, or
# more meetings a week on average than this.
MAX_GROUPS_PER_LEADER = 4
MAX_MEETINGS_PER_WEEK = 2.0
GROUP_SIZE = (4, 8)  # Skolverket's recommendation
DATES_SHOWN = 3  # dates named in a conflict message


def schedule_plan(plan: LoadedPlan, *, stagger: bool = False) -> ScheduleOutcome:
    """Schedule every group of a plan file: each group's modules in order, no leader
    booked twice at once (with ``stagger``, later groups of a leader move to another
    weekday or time), the principal–leader check-ins, and the warnings ``klplan
    validate`` reports (group size, leader load, estimated calendars)."""
    from klplan.loaders.calendars import load_calendar

    spec = plan.spec
    try:
        result = load_calendar(
            plan.first_year,
            plan.years,
            kommun=plan.kommun,
            lan=plan.lan,
            overrides=spec.calendar,
            overrides_file=plan.file,
        )
    except KlplanError as e:
        if e.where is None or e.where.flag:
            e.where = plan.where("lan" if plan.lan else "kommun" if plan.kommun else "calendar")
        raise
    planner = _Planner(plan, result.calendar)
    groups, moves = planner.groups(stagger)
    checkins = planner.checkins(groups)
    outcome = ScheduleOutcome(
        groups=groups,
        calendar=result.calendar,
        school_year=plan.first_year,
        start=min(g.plans[0].first_week for g in groups),
        spring_start=None,
        notices=(*result.notices, *moves, *planner.notices),
        leaders=tuple(Leader(x.id, x.name, x.email) for x in spec.leaders),
        checkins=checkins,
        plan_id=spec.plan.id,
        plan=PlanMeta(
            id=spec.plan.id,
            name=spec.plan.name,
            school=spec.school.name if spec.school else None,
            municipality=spec.municipality.name if spec.municipality else None,
            uid_domain=spec.plan.uid_domain,
            principal=spec.school.principal if spec.school else None,
            principal_email=spec.school.email if spec.school else None,
        ),
    )
    return _with_notices(outcome, (*outcome.notices, *_load_warnings(plan, outcome)))


def _with_notices(outcome: ScheduleOutcome, notices: tuple[Notice, ...]) -> ScheduleOutcome:
    """``outcome`` with other notices. The budgets come along if it has computed them
    (they are made of its groups, leaders, check-ins and calendar, not its notices)
    rather than being computed again for the new outcome."""
    out = replace(outcome, notices=notices)
    if "budgets" in outcome.__dict__:
        out.__dict__["budgets"] = outcome.__dict__["budgets"]
    return out


class _Planner:
    def __init__(self, plan: LoadedPlan, calendar: SchoolCalendar) -> None:
        self.plan = plan
        self.calendar = calendar
        self._weeks: dict[int, SchoolWeeks] = {}
        # Module plans made in this run, by everything they are made of:
        # schedule_module is pure, so groups that take the same module at the same
        # pace, slot and start share one (immutable) plan instead of scheduling it
        # again. The module is keyed by identity (modules are not hashable; the plan
        # made of it holds it, so its id is not reused), the rest by value; the slot's
        # weekday also picks the SchoolWeeks, and a time's fold is not part of its
        # equality but is part of the meetings' times.
        self._module_plans: dict[tuple[object, ...], ModulePlan] = {}
        # Each plan's meetings as leader bookings, by the plan's identity (the plan is
        # kept with them, so that its id is not reused while it is a key).
        self._timetables: dict[int, tuple[ModulePlan, Timetable]] = {}
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
        key = (id(module), cadence, slot, slot.time.fold, start, spring_start)
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
            found = self._timetables.get(id(p))
            if found is None:
                found = self._timetables[id(p)] = (p, Timetable.of(p.meetings))
            out = found[1] if out is None else out + found[1]
        assert out is not None  # a group has a module
        return out

    def groups(self, stagger: bool) -> tuple[tuple[GroupPlan, ...], list[Notice]]:
        out: list[GroupPlan] = []
        moves: list[Notice] = []
        for g in self.plan.groups:
            plans = self.sequence(g, g.slot)
            booked = self.timetable(plans)
            clashes = self.bookings.clashes(g.leader, g.id, booked)
            if clashes and stagger:
                found = next(self.free_slots(g, limit=1), None)
                if found is None:
                    raise self.conflict(g, clashes, suggest=False)
                slot, plans = found
                booked = self.timetable(plans)
                moves.append(
                    Notice(
                        "plan.staggered",
                        {
                            "group": g.id,
                            "leader": self.names[g.leader],
                            "old": _slot_label(g.slot),
                            "new": _slot_label(slot),
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

    def sequence(self, g: GroupSetup, slot: Slot) -> tuple[ModulePlan, ...]:
        """The group's modules in order: ``per_term``, each after the first in the
        term after the previous one ends; ``back_to_back``, at the next cadence step
        after the previous one's last meeting."""
        weeks = self.weeks(slot.weekday)
        try:
            if not weeks.open:
                raise ScheduleError(
                    "schedule.no_school_weeks_after",
                    week=str(IsoWeek.of(self.calendar.days()[0])),
                    years=", ".join(self.calendar.school_years),
                )
            start = g.start or weeks.open[0].week
            self.check_in_plan(weeks, start, g.index, "start")
            if g.spring_start is not None:
                self.check_in_plan(weeks, g.spring_start, g.index, "spring_start")
            plans: list[ModulePlan] = []
            for module in g.modules:
                spring = g.spring_start
                if plans:
                    start, spring = self.next_start(g, weeks, plans[-1], module), None
                plans.append(self.module_plan(module, g.cadence, slot, start, spring))
        except ScheduleError as e:
            e.where = self.plan.where("groups", g.index)
            raise
        return tuple(plans)

    def next_start(
        self, g: GroupSetup, weeks: SchoolWeeks, prev: ModulePlan, module: Module
    ) -> IsoWeek:
        last = prev.meetings[-1]
        if g.sequence == "per_term":
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

    def check_in_plan(self, weeks: SchoolWeeks, week: IsoWeek, index: int, key: str) -> None:
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
    ) -> Iterator[tuple[Slot, tuple[ModulePlan, ...]]]:
        """Other slots where the group's whole schedule meets none of its leader's
        bookings: the next weekdays at the same time first, then later times."""
        found = 0
        for slot in _candidate_slots(g.slot):
            try:
                plans = self.sequence(g, slot)
            except ScheduleError:
                continue
            if not self.bookings.clashes(g.leader, g.id, self.timetable(plans)):
                yield slot, plans
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
        if suggest:
            slots = [_slot_label(s) for s, _ in self.free_slots(g, limit=3)]
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
        start = datetime.combine(date(2000, 1, 1), slot.time) + shift * slot.duration
        if (start + slot.duration).date() != date(2000, 1, 1):
            return
        for k in range(5):
            if shift == 0 and k == 0:
                continue
            yield Slot(
                weekday=(slot.weekday + k) % 5,
                time=start.time(),
                duration_minutes=slot.duration_minutes,
                timezone=slot.timezone,
            )


def _slot_label(slot: Slot) -> str:
    end = (datetime.combine(date(2000, 1, 1), slot.time) + slot.duration).time()
    return f"{weekday_name(slot.weekday)} {slot.time:%H:%M}–{end:%H:%M}"


def _load_warnings(plan: LoadedPlan, outcome: ScheduleOutcome) -> list[Notice]:
    """Group sizes outside 4–8 and leaders with more than a realistic load."""
    out: list[Notice] = []
    low, high = GROUP_SIZE
    for g in plan.groups:
        if not low <= g.participants <= high:
            out.append(
                Notice(
                    "plan.group_size",
                    {"group": g.id, "count": g.participants, "low": low, "high": high},
                    plan.where("groups", g.index, "participants"),
                )
            )
    index = {x.id: i for i, x in enumerate(plan.spec.leaders)}
    for b in time_budgets(outcome).leaders:
        if len(b.groups) > MAX_GROUPS_PER_LEADER or b.meetings_per_week > MAX_MEETINGS_PER_WEEK:
            out.append(
                Notice(
                    "plan.leader_load",
                    {
                        "leader": b.leader,
                        "groups": len(b.groups),
                        "per_week": f"{b.meetings_per_week:.1f}",
                        "max_groups": MAX_GROUPS_PER_LEADER,
                        "max_per_week": f"{MAX_MEETINGS_PER_WEEK:g}",
                    },
                    plan.where("leaders", index[b.leader]),
                )
            )
    return out


def time_budgets(outcome: ScheduleOutcome) -> Budgets:
    """Per participant and module, and per leader (see klplan.core.budget); computed
    once per outcome (``ScheduleOutcome.budgets``)."""
    return outcome.budgets


def _time_budgets(outcome: ScheduleOutcome) -> Budgets:
    from klplan.core.budget import Budgets, LoadTally, participant_budget

    participants = tuple(participant_budget(g.id, p) for g in outcome.groups for p in g.plans)
    school_days = SchoolWeeks(outcome.calendar, 0)  # open on Monday = any school day
    leaders: list[LeaderBudget] = []
    groups_of = outcome.groups_by_leader()
    checkins_of = outcome.checkins_by_leader()
    # Each module plan's meetings are tallied once, however many groups share the plan
    # (keyed by identity: the outcome holds the plans).
    tallies: dict[int, LoadTally] = {}
    spans: dict[tuple[int, int], int] = {}
    for leader in outcome.leaders:
        groups = groups_of[leader.id]
        tally = LoadTally()
        for g in groups:
            for p in g.plans:
                found = tallies.get(id(p))
                if found is None:
                    found = tallies[id(p)] = LoadTally()
                    found.add_meetings(
                        (m.week, int((m.end - m.start).total_seconds()) // 60) for m in p.meetings
                    )
                tally.add(found)
        tally.add_checkins(
            (c.week, int((c.end - c.start).total_seconds()) // 60) for c in checkins_of[leader.id]
        )
        # School weeks from the leader's first booking's week to the last's.
        weeks = [*tally.weeks, *(w for w, _ in tally.checkin_weeks)]
        span = 0
        if weeks:
            ends = min(weeks), max(weeks)  # as year * 100 + week
            span = spans.get(ends, -1)
            if span < 0:
                first, last = (IsoWeek(w // 100, w % 100) for w in ends)
                span = spans[ends] = school_days.index_from(last + 1) - school_days.index_from(
                    first
                )
        leaders.append(tally.budget(leader.id, [g.id for g in groups], span))
    return Budgets(participants, tuple(leaders))


def notice_text(n: Notice) -> str:
    """A notice in the current language: position first, then the group it is about."""
    params = {
        k: (reason_label(v.code, v.name) if hasattr(v, "code") else v) for k, v in n.params.items()
    }
    text = t(n.key, **params)
    if "group" in n.params and not n.key.startswith("plan."):
        text = t("plan.in_group", group=n.params["group"], text=text)
    return f"{n.where}: {text}" if n.where else text


def example_plan(today: date, file_name: str = "plan.yaml") -> str:
    """The commented example plan ``klplan init`` writes, for the current school year
    (the same one ``klplan schedule`` plans by default)."""
    from string import Template

    from klplan.loaders.resources import data_path

    first = today.year if today.month >= 7 else today.year - 1
    template = Template(data_path("init", "plan.yaml").read_text("utf-8"))
    return template.substitute(
        file=file_name,
        year=school_year_label(first),
        ht=first,
        vt=first + 1,
        # a Tuesday in October, when the fritidshem group meets: its meeting moves
        studiedag=IsoWeek(first, 40).day(1).isoformat(),
    )
