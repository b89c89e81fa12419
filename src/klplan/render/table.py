"""Rich tables of a schedule for people at a terminal: each group's modules, part by
part (``klplan schedule``), and what a plan file adds (render.plan_tables). Rich is
imported only by these, year_tables and modules_table."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from typing import NamedTuple

from rich.cells import cell_len
from rich.console import Console
from rich.segment import Segment, Segments
from rich.text import Text

from klplan.core.outcome import ScheduleOutcome
from klplan.core.plan import ClosedWeek, Meeting, ModulePlan
from klplan.core.weeks import IsoWeek
from klplan.messages import format_date, reason_label, t, week_range, weekday_name
from klplan.render.grid import Grid
from klplan.render.plan_tables import (
    checkins_table,
    checkins_title,
    group_heading,
    plan_title,
    render_budgets,
    render_leaders,
    table_width,
    week_label,
)
from klplan.render.stack import printed


def _meeting_cell(x: Meeting) -> Text:
    text = Text(format_date(x.date))
    if x.moved_from:
        text.append(" *", style="bold yellow")
    return text


class _Run(NamedTuple):
    """Closed weeks in a row for the same reason."""

    first: IsoWeek
    last: IsoWeek
    label: str


class _PartMeetings(NamedTuple):
    """A part's meetings B and D."""

    part: int
    b: Meeting
    d: Meeting


def _closed_runs(closed: tuple[ClosedWeek, ...]) -> list[_Run]:
    runs: list[_Run] = []
    for c in closed:
        label = reason_label(c.reason.code, c.reason.name)
        if runs and runs[-1].last + 1 == c.week and runs[-1].label == label:
            runs[-1] = runs[-1]._replace(last=c.week)
        else:
            runs.append(_Run(c.week, c.week, label))
    return runs


def _row_week(row: _Run | _PartMeetings) -> IsoWeek:
    """The week a row of the schedule table begins: its B meeting's, its first closed."""
    return row.first if isinstance(row, _Run) else row.b.week


def _schedule_rows(plan: ModulePlan) -> list[_Run | _PartMeetings]:
    """The parts and the runs of closed weeks in week order (a run before a part of
    the same week)."""
    rows: list[_Run | _PartMeetings] = [
        _PartMeetings(part, *plan.part_meetings(part)) for part in range(1, plan.module.parts + 1)
    ]
    rows += _closed_runs(plan.closed_weeks)
    return sorted(rows, key=lambda r: (_row_week(r), isinstance(r, _PartMeetings)))


def _weeks_label(first: IsoWeek, last: IsoWeek) -> str:
    return week_label(first) if first == last else t("week.short", week=f"{first.week}–{last.week}")


def _cd_label(d: Meeting) -> str:
    return week_range(d.prep_weeks) if d.prep_weeks[-1:] == (d.week,) else week_label(d.week)


def schedule_table(plan: ModulePlan, width: int | None = None) -> Grid:
    """Per part: week of A, date of B, weeks of C, date of D; closed weeks between.
    Narrower than the table needs (``width``, a terminal's columns), the parts are
    stacked instead: a row for A + B and one for C + D, each with its week and date,
    so no date is cut and no column is lost."""
    rows = _schedule_rows(plan)
    parts = [p for p in rows if isinstance(p, _PartMeetings)]
    dates = [
        format_date(m.date) + (" *" if m.moved_from else "") for p in parts for m in (p.b, p.d)
    ]
    wide = [
        [t("table.part"), *(str(p.part) for p in parts)],
        [t("table.col_ab"), *(week_label(_row_week(r)) for r in rows)],
        [t("table.col_b"), *dates],
        [t("table.col_cd"), *(_cd_label(p.d) for p in parts)],
        [t("table.col_d"), *dates],
    ]
    if width is not None and table_width(wide) > width:
        return _stacked_table(plan, rows, dates)
    table = Grid()
    table.add_column(t("table.part"), justify="right")
    table.add_column(t("table.col_ab"), no_wrap=True)
    # A part's title under its B date wraps; the dates never do (min_width).
    table.add_column(t("table.col_b"), min_width=max(cell_len(x) for x in dates))
    table.add_column(t("table.col_cd"), no_wrap=True)
    table.add_column(t("table.col_d"), no_wrap=True)
    for row in _part_rows(plan, rows, table):
        if isinstance(row, _Closed):
            table.add_row("", row.weeks, row.label, "", "")
        else:
            d = row.d
            table.add_row(
                row.number, week_label(row.b.week), row.b_cell, _cd_label(d), _meeting_cell(d)
            )
    return table


def _stacked_table(plan: ModulePlan, rows: list[_Run | _PartMeetings], dates: list[str]) -> Grid:
    """The narrow layout of ``schedule_table``: part, week, meeting (A + B, C + D),
    date; a part's title under its B date, wrapped."""
    table = Grid()
    table.add_column(t("table.part"), justify="right", no_wrap=True)
    table.add_column(t("table.week"), no_wrap=True)
    table.add_column(t("table.meeting_col"), no_wrap=True)
    table.add_column(t("table.date"), min_width=max(cell_len(x) for x in dates))
    for row in _part_rows(plan, rows, table):
        if isinstance(row, _Closed):
            table.add_row("", row.weeks, "", row.label)
        else:
            table.add_row(row.number, week_label(row.b.week), t("table.col_ab"), row.b_cell)
            table.add_row("", _cd_label(row.d), t("table.col_cd"), _meeting_cell(row.d))
    return table


@dataclass(frozen=True)
class _Closed:
    """A closed period's row of a schedule table: its weeks and what it is."""

    weeks: Text
    label: Text


@dataclass(frozen=True)
class _Part:
    """A part's row of a schedule table: its number, meeting B (with the part's title
    under its date, if the module has one) and meeting D."""

    number: Text
    b: Meeting
    b_cell: Text | tuple[Text, ...]
    d: Meeting


def _part_rows(
    plan: ModulePlan, rows: list[_Run | _PartMeetings], table: Grid
) -> Iterator[_Closed | _Part]:
    """The rows of either layout of ``schedule_table`` in order; a section is added to
    ``table`` where a new term begins."""
    term = None
    for row in rows:
        if isinstance(row, _Run):
            yield _Closed(
                Text(_weeks_label(row.first, row.last), style="dim"),
                Text(row.label, style="dim italic"),
            )
            continue
        part, b, d = row
        if term is not None and b.term != term:
            table.add_section()
        term = b.term
        title = plan.module.part_title(part)
        cell = _meeting_cell(b) if not title else (_meeting_cell(b), Text(title, style="dim"))
        yield _Part(Text(str(part), style="bold"), b, cell, d)


def _title(outcome: ScheduleOutcome, plan: ModulePlan) -> Text:
    cal = outcome.calendar
    return Text(
        t(
            "table.title",
            module=plan.module.title,
            parts=plan.module.parts,
            cadence=plan.cadence.id,
            region=cal.region.name,
            years=", ".join(cal.school_years),
        ),
        style="bold",
    )


def _source(outcome: ScheduleOutcome) -> str:
    from klplan.render.provenance import provenance_summary

    return provenance_summary(outcome.calendar)


def _led(outcome: ScheduleOutcome) -> str:
    """``Ledare: Anna Svensson. `` for a single group given a leader (``--leader``); a
    plan's groups name theirs in their headings."""
    named = outcome.plan is None and outcome.leaders
    return t("table.caption_leader", leader=outcome.leaders[0].name) if named else ""


def _caption(outcome: ScheduleOutcome, plan: ModulePlan) -> Text:
    slot = plan.slot
    moved = [x for x in plan.meetings if x.moved_from]
    text = Text(
        t(
            "table.caption",
            weekday=weekday_name(slot.weekday),
            start=slot.time.strftime("%H:%M"),
            end=plan.meetings[0].end.strftime("%H:%M"),
            tz=slot.timezone,
            moved=_led(outcome) + (t("table.moved_note") if moved else ""),
            source=_source(outcome),
        ),
        style="dim",
    )
    for x in moved:
        assert x.moved_from and x.moved_because
        text.append(
            "\n* "
            + t(
                "table.moved",
                date=format_date(x.moved_from),
                reason=reason_label(x.moved_because.code, x.moved_because.name),
            )
            + f" → {format_date(x.date)}",
            style="dim",
        )
    return text


def render_schedule(outcome: ScheduleOutcome, console: Console, view: str = "group") -> None:
    """Per group (each module's table), or per leader (their meetings and check-ins in
    date order); plan files add the check-ins and the time budgets."""
    if outcome.plan is not None:
        console.print(plan_title(outcome))
        console.print()
    if view == "leader":
        render_leaders(outcome, console)
        return
    # Groups that meet alike (same module, cadence, slot, meetings and closed weeks)
    # get the same title, table and caption: laid out once, their lines reprinted.
    blocks: dict[object, list[Segment]] = {}
    first = True
    for g in outcome.groups:
        for k, plan in enumerate(g.plans):
            # A group's lines go out in one print, already laid out at this width.
            out = [] if first else [Segment.line()]
            first = False
            if outcome.plan is not None and k == 0:
                out += printed(console, group_heading(outcome, g))
            module = plan.module
            key: tuple[object, ...] = (module.id, module.title, module.parts, plan.cadence.id)
            key += (module.part_titles, plan.slot, plan.meetings, plan.closed_weeks)
            block = blocks.get(key)
            if block is None:
                table = schedule_table(plan, console.width)
                block = blocks[key] = [
                    *printed(console, _title(outcome, plan)),
                    *printed(console, table),
                    *printed(console, _caption(outcome, plan)),
                ]
            console.print(Segments(out + block), crop=False)
    if outcome.plan is not None:
        if outcome.checkins:
            console.print()
            console.print(Text(checkins_title(outcome), style="bold"))
            console.print(checkins_table(outcome), crop=False)  # cut to width already
        console.print()
        render_budgets(outcome, console)
