"""Rich tables for people at a terminal. The only renderer that imports Rich."""

from __future__ import annotations

from rich import box
from rich.console import Console, Group
from rich.table import Table
from rich.text import Text

from klplan.core.models import Module
from klplan.core.plan import ClosedWeek, Meeting, ModulePlan
from klplan.core.weeks import IsoWeek
from klplan.messages import format_date, reason_label, t, week_range, weekday_name
from klplan.planning import ScheduleOutcome


def week_label(week: IsoWeek) -> str:
    return t("week.short", week=week.week)


def _meeting_cell(x: Meeting) -> Text:
    text = Text(format_date(x.date))
    if x.moved_from:
        text.append(" *", style="bold yellow")
    return text


def _closed_runs(closed: tuple[ClosedWeek, ...]) -> list[tuple[IsoWeek, IsoWeek, str]]:
    runs: list[tuple[IsoWeek, IsoWeek, str]] = []
    for c in closed:
        label = reason_label(c.reason.code, c.reason.name)
        if runs and runs[-1][1] + 1 == c.week and runs[-1][2] == label:
            runs[-1] = (runs[-1][0], c.week, label)
        else:
            runs.append((c.week, c.week, label))
    return runs


def schedule_table(plan: ModulePlan) -> Table:
    """Per part: week of A, date of B, weeks of C, date of D; closed weeks between."""
    moments = plan.module.moments
    table = Table(box=box.SIMPLE_HEAVY, pad_edge=False, expand=False)
    del moments
    table.add_column(t("table.part"), justify="right")
    table.add_column(t("table.col_ab"), no_wrap=True)
    table.add_column(t("table.col_b"), no_wrap=True)
    table.add_column(t("table.col_cd"), no_wrap=True)
    table.add_column(t("table.col_d"), no_wrap=True)
    rows: list[tuple[IsoWeek, int, object]] = []
    for part in range(1, plan.module.parts + 1):
        b, d = plan.part_meetings(part)
        rows.append((b.week, 1, (part, b, d)))
    for first, last, label in _closed_runs(plan.closed_weeks):
        rows.append((first, 0, (first, last, label)))
    term = None
    for _, kind, payload in sorted(rows, key=lambda r: (r[0], r[1])):
        if kind == 0:
            first, last, label = payload  # type: ignore[misc]
            weeks = (
                week_label(first)
                if first == last
                else t("week.short", week=f"{first.week}–{last.week}")
            )
            table.add_row("", Text(weeks, style="dim"), Text(label, style="dim italic"), "", "")
            continue
        part, b, d = payload  # type: ignore[misc]
        if term is not None and b.term != term:
            table.add_section()
        term = b.term
        title = plan.module.part_title(part)
        table.add_row(
            Text(str(part), style="bold"),
            week_label(b.week),
            _meeting_cell(b) if not title else Group(_meeting_cell(b), Text(title, style="dim")),
            week_range(d.prep_weeks) if d.prep_weeks[-1:] == (d.week,) else week_label(d.week),
            _meeting_cell(d),
        )
    return table


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
    parts = []
    for p in outcome.calendar.provenance:
        if p.estimated:
            state = t("calendar.is_estimated")
        elif p.source in ("user",) or p.source.endswith((".yaml", ".yml")):
            state = t("calendar.user", file=p.source)
        elif p.verified_fields:
            fields = ", ".join(t(f"field.{f}") for f in p.verified_fields)
            state = t("calendar.verified", fields=fields)
        else:
            state = t("calendar.not_verified")
        parts.append(f"{p.school_year} {state}")
    return "; ".join(parts)


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
            moved=t("table.moved_note") if moved else "",
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


def render_schedule(outcome: ScheduleOutcome, console: Console) -> None:
    first = True
    for g in outcome.groups:
        for plan in g.plans:
            if not first:
                console.print()
            first = False
            console.print(_title(outcome, plan))
            console.print(schedule_table(plan))
            console.print(_caption(outcome, plan))


def modules_table(modules: list[Module]) -> Table | Text:
    if not modules:
        return Text(t("modules.none"))
    table = Table(
        box=box.SIMPLE_HEAVY, pad_edge=False, caption=t("modules.count", count=len(modules))
    )
    table.add_column(t("modules.id"), no_wrap=True)
    table.add_column(t("modules.title"))
    table.add_column(t("modules.forms"))
    table.add_column(t("modules.parts"), justify="right")
    table.add_column(t("modules.verified"))
    for m in modules:
        table.add_row(
            m.id,
            m.title,
            ", ".join(m.school_forms),
            str(m.parts),
            t("yes") if m.verified else t("no"),
        )
    return table
