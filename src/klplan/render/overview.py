"""The year overview of a schedule: every week of the school year against every group,
with its meetings ("3B": part 3, moment B) and the weeks it cannot meet. Pure data and
labels shared by the three views of it: the terminal (weeks down, groups across), the
HTML page (weeks across per term) and Markdown."""

from __future__ import annotations

from dataclasses import dataclass

from klplan.core.models import Term
from klplan.core.outcome import GroupPlan, Leader, ScheduleOutcome
from klplan.core.plan import DayOff, Meeting, ModulePlan
from klplan.core.scheduler import SchoolWeeks
from klplan.core.weeks import IsoWeek
from klplan.messages import format_date, reason_label, t, weekday_name
from klplan.render.calendar_view import CalendarWeek, calendar_weeks, week_notes


@dataclass(frozen=True, slots=True)
class Cell:
    """One group in one week: its meetings, or why its meeting day is closed while
    the school is open (a red day, a studiedag)."""

    meetings: tuple[Meeting, ...] = ()
    closed: DayOff | None = None

    @property
    def label(self) -> str:
        """``3B``, ``3B*`` (moved later in the week), ``-`` (closed for this group)."""
        if self.meetings:
            return " ".join(
                f"{m.part}{m.moment}{'*' if m.moved_from else ''}" for m in self.meetings
            )
        return t("overview.closed_mark") if self.closed else ""


@dataclass(frozen=True, slots=True)
class Row:
    """A week, or a run of consecutive weeks closed for everyone for the same reason
    (jullov, sommarlov) with nobody meeting."""

    weeks: tuple[CalendarWeek, ...]
    cells: tuple[Cell, ...]
    notes: tuple[str, ...]

    @property
    def first(self) -> IsoWeek:
        return self.weeks[0].week

    @property
    def last(self) -> IsoWeek:
        return self.weeks[-1].week

    @property
    def closed(self) -> DayOff | None:
        return self.weeks[0].closed

    @property
    def term(self) -> Term | None:
        return self.weeks[0].term

    def week_label(self) -> str:
        """``38``, or ``52–1`` for a run."""
        if self.first == self.last:
            return str(self.first.week)
        return f"{self.first.week}–{self.last.week}"


@dataclass(frozen=True, slots=True)
class Column:
    group: GroupPlan
    leader: Leader | None

    @property
    def label(self) -> str:
        return self.group.name or self.group.id


@dataclass(frozen=True)
class Overview:
    outcome: ScheduleOutcome
    columns: tuple[Column, ...]
    rows: tuple[Row, ...]

    @property
    def moved(self) -> bool:
        return any(m.moved_from for c in self.columns for m in c.group.meetings)

    def terms(self) -> tuple[tuple[Term, tuple[Row, ...]], ...]:
        """The rows of each term, in order (rows between terms left out)."""
        return tuple(
            (term, tuple(r for r in self.rows if r.term == term))
            for term in self.outcome.calendar.terms
        )


def _plan_for(group: GroupPlan, week: IsoWeek) -> ModulePlan:
    """The module the group works on in ``week`` (the nearest one before or after)."""
    for plan in group.plans:
        if week <= plan.last_week:
            return plan
    return group.plans[-1]


def build(outcome: ScheduleOutcome) -> Overview:
    """Lay the outcome's groups out against the weeks of its calendar."""
    cal = outcome.calendar
    leaders = {x.id: x for x in outcome.leaders}
    columns = tuple(Column(g, leaders.get(g.leader or "")) for g in outcome.groups)
    by_weekday: dict[int, SchoolWeeks] = {}
    meetings: list[dict[IsoWeek, list[Meeting]]] = []
    for c in columns:
        found: dict[IsoWeek, list[Meeting]] = {}
        for m in c.group.meetings:
            found.setdefault(m.week, []).append(m)
        meetings.append(found)

    empty = Cell()  # most cells: shared, as cells are frozen

    def cell(i: int, week: CalendarWeek) -> Cell:
        here = meetings[i].get(week.week)
        if here:
            return Cell(tuple(here))
        if week.closed is not None:
            return Cell(closed=week.closed)
        weekday = _plan_for(columns[i].group, week.week).slot.weekday
        weeks = by_weekday.get(weekday)
        if weeks is None:  # built once per weekday: building one costs a whole year's walk
            weeks = by_weekday[weekday] = SchoolWeeks(cal, weekday)
        closed = weeks.closed.get(week.week)
        return empty if closed is None else Cell(closed=closed)

    rows: list[Row] = []
    for week in calendar_weeks(cal):
        cells = tuple(cell(i, week) for i in range(len(columns)))
        prev = rows[-1] if rows else None
        if (
            prev is not None
            and week.closed is not None
            and prev.closed == week.closed
            and not any(c.meetings for c in cells)
            and not any(c.meetings for c in prev.cells)
            and week.term == prev.term
        ):
            rows[-1] = Row((*prev.weeks, week), prev.cells, prev.notes)
            continue
        rows.append(Row((week,), cells, week_notes(cal, week)))
    return Overview(outcome, columns, tuple(rows))


def group_summary(column: Column) -> str:
    """What a reader needs to know about a group besides its meetings: module(s),
    weekday and time, leader, place."""
    g = column.group
    parts = []
    for plan in g.plans:
        slot = plan.slot
        end = plan.meetings[0].end.strftime("%H:%M")
        parts.append(
            t(
                "overview.group_module",
                module=plan.module.title,
                parts=plan.module.parts,
                cadence=plan.cadence.id,
                weekday=weekday_name(slot.weekday),
                start=slot.time.strftime("%H:%M"),
                end=end,
                weeks=t("week.short", week=f"{plan.first_week.week}–{plan.last_week.week}"),
            )
        )
    if column.leader is not None:
        parts.append(t("overview.leader", name=column.leader.name or column.leader.id))
    elif g.leader:
        parts.append(t("overview.leader", name=g.leader))
    if g.location:
        parts.append(g.location)
    return "; ".join(parts)


def moved_notes(overview: Overview) -> tuple[str, ...]:
    """One line per meeting moved later in its week: from when, why, to when."""
    out = []
    for c in overview.columns:
        for m in c.group.meetings:
            if m.moved_from and m.moved_because:
                out.append(
                    t(
                        "overview.moved",
                        group=c.label,
                        meeting=f"{m.part}{m.moment}",
                        date=format_date(m.moved_from),
                        reason=reason_label(m.moved_because.code, m.moved_because.name),
                        to=format_date(m.date),
                    )
                )
    return tuple(out)


def cell_title(column: Column, cell: Cell) -> str:
    """A longer description of a cell (HTML tooltips): module, part, moment, date."""
    if cell.meetings:
        return "; ".join(
            t(
                "overview.meeting_title",
                group=column.label,
                part=m.part,
                moment=m.moment,
                name=t(f"moment.{m.moment}"),
                date=format_date(m.date),
                time=m.start.strftime("%H:%M"),
            )
            for m in cell.meetings
        )
    if cell.closed:
        return reason_label(cell.closed.code, cell.closed.name)
    return ""
