"""A plan file's tables for people at a terminal: the groups' headings, the
principal–leader check-ins, the time budgets and the view per leader (``klplan
schedule PLAN --view leader``)."""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from datetime import date, datetime

from rich.cells import cell_len
from rich.console import Console
from rich.text import Text

from klplan.core.outcome import GroupPlan, ScheduleOutcome, time_budgets
from klplan.core.weeks import IsoWeek
from klplan.messages import format_date, language, t
from klplan.render.grid import Grid
from klplan.render.stack import Stack


def week_label(week: IsoWeek) -> str:
    return t("week.short", week=week.week)


def table_width(columns: list[list[str]]) -> int:
    """The width Rich gives a SIMPLE_HEAVY table without edge padding whose columns
    hold these unwrapped texts: each column's widest, 1 space either side inside, and
    an edge or divider character between and around them."""
    widths = [max(cell_len(x) for x in column) for column in columns]
    return sum(widths) + 3 * len(widths) - 1


def _number(x: float) -> str:
    """One decimal, none for whole numbers; a decimal comma in Swedish."""
    text = f"{x:.1f}".removesuffix(".0")
    return text.replace(".", ",") if language() == "sv" else text


def _percent(percent: float | None) -> str:
    return "–" if percent is None else t("table.percent", percent=_number(percent))


def _hours(minutes: float) -> str:
    return t("table.hours", hours=_number(minutes / 60))


def plan_title(outcome: ScheduleOutcome) -> Text:
    assert outcome.plan is not None
    cal = outcome.calendar
    who = outcome.plan.school or outcome.plan.municipality or ""
    return Text(
        t(
            "table.plan_title",
            name=outcome.plan.name,
            who=who,
            region=cal.region.name,
            years=", ".join(cal.school_years),
        ),
        style="bold",
    )


def _leader_names(outcome: ScheduleOutcome) -> dict[str, str]:
    """Each leader's name (their id where they have none), by id."""
    return {x.id: x.name or x.id for x in outcome.leaders}


def _leader_name(outcome: ScheduleOutcome, leader_id: str | None) -> str:
    return _leader_names(outcome).get(leader_id or "", leader_id or "")


def group_heading(outcome: ScheduleOutcome, g: GroupPlan) -> Text:
    parts = [t("table.group", id=g.id) + (f": {g.name}" if g.name else "")]
    if g.leader:
        parts.append(t("table.led_by", leader=_leader_name(outcome, g.leader)))
    if g.participants is not None:
        parts.append(t("table.participants", count=g.participants))
    if len(g.plans) > 1 and g.sequence:
        parts.append(t(f"table.sequence.{g.sequence}"))
    video = g.video_url
    if video and g.video is not None:  # only some meetings by video: which
        video = t("table.video", which=g.video.label(), url=video)
    parts += [x for x in (g.school_name or g.school, g.location, video) if x]
    return Text(" · ".join(parts), style="bold reverse")


def _print(console: Console, *items: Text | Grid) -> None:
    """``items`` one under the other in one print (a blank line: ``Text("")``): a
    large plan prints thousands of lines, and a print costs Rich more than a line."""
    console.print(Stack(*items), crop=False)


def _section(console: Console, title: str, table: Grid, note: str, *, last: bool = False) -> None:
    """A budget table under its title, its note under it, and a blank line after all
    but the last."""
    blank = [] if last else [Text("")]
    _print(console, Text(title, style="bold"), table, Text(note, style="dim"), *blank)


def _with_rows(table: Grid, rows: Iterable[Sequence[str]]) -> Grid:
    for row in rows:
        table.add_row(*row)
    return table


def checkins_title(outcome: ScheduleOutcome) -> str:
    """The check-ins' heading: with the rektor, or with the närmaste chef where every
    leader with check-ins leads skolledning modules only (both where some do)."""
    managers = {outcome.checkin_with_manager(c.leader) for c in outcome.checkins}
    if managers == {True}:
        return t("table.checkins_title_manager")
    return t("table.checkins_title_mixed" if True in managers else "table.checkins_title")


def checkins_table(outcome: ScheduleOutcome) -> Grid:
    table = Grid()
    table.add_column(t("table.week"), no_wrap=True)
    table.add_column(t("table.date"), no_wrap=True)
    table.add_column(t("table.time"), no_wrap=True)
    table.add_column(t("table.leader"))
    names = _leader_names(outcome)
    rows = [
        (
            week_label(c.week),
            format_date(c.date),
            f"{c.start:%H:%M}–{c.end:%H:%M}",
            names.get(c.leader, c.leader),
        )
        for c in outcome.checkins
    ]
    return _with_rows(table, rows)


def render_budgets(outcome: ScheduleOutcome, console: Console) -> None:
    from klplan.core.budget import FULL_TIME_WEEKLY_HOURS

    budgets = time_budgets(outcome)
    table = Grid()
    table.add_column(t("table.group_col"), no_wrap=True)
    table.add_column(t("table.module_col"))
    table.add_column(t("modules.parts"), justify="right")
    table.add_column(t("table.planned"), justify="right", no_wrap=True)
    table.add_column(t("table.estimate"), justify="right", no_wrap=True)
    rows = [
        (
            p.group,
            p.module_title,
            str(p.parts),
            t("table.hours", hours=f"{_number(low / 60)}–{_number(high / 60)}"),
            _hours(p.estimate_hours * 60) if p.estimate_hours else "–",
        )
        for p in budgets.participants
        for low, high in [p.planned_minutes]
    ]
    title, note = t("table.budget_participants"), t("table.budget_participants_note")
    _section(console, title, _with_rows(table, rows), note)
    table = Grid()
    table.add_column(t("table.leader"))
    table.add_column(t("table.groups_col"))
    table.add_column(t("table.meetings_col"), justify="right")
    table.add_column(t("table.checkins_col"), justify="right")
    table.add_column(t("table.per_week"), justify="right", no_wrap=True)
    table.add_column(t("table.hours_per_week"), justify="right", no_wrap=True)
    names = _leader_names(outcome)
    leader_rows = [
        (
            names.get(b.leader, b.leader),
            ", ".join(b.groups),
            str(b.meetings),
            str(b.checkins),
            t("table.avg_max", avg=_number(b.meetings_per_week), max=str(b.peak_meetings)),
            t("table.avg_max", avg=_number(b.hours_per_week), max=_number(b.peak_minutes / 60)),
        )
        for b in budgets.leaders
    ]
    title, note = t("table.budget_leaders"), t("table.budget_leaders_note")
    _section(console, title, _with_rows(table, leader_rows), note)
    table = Grid()
    table.add_column(t("table.leader"))
    table.add_column(t("table.participants_col"), justify="right")
    table.add_column(t("table.post_share"), justify="right", no_wrap=True)
    table.add_column(t("table.post_stated"), justify="right", no_wrap=True)
    table.add_column(t("table.post_resourced"), justify="right", no_wrap=True)
    post_rows = [
        (
            names.get(b.leader, b.leader),
            str(b.participants),
            _percent(b.post_share * 100),
            _percent(b.post_percent),
            _percent(b.resourced_percent),
        )
        for b in budgets.leaders
    ]
    note = t("table.budget_posts_note", hours=FULL_TIME_WEEKLY_HOURS)
    title = t("table.budget_posts")
    _section(console, title, _with_rows(table, post_rows), note, last=True)


def render_leaders(outcome: ScheduleOutcome, console: Console) -> None:
    budgets = {b.leader: b for b in time_budgets(outcome).leaders}
    groups_of = outcome.groups_by_leader()
    checkins_of = outcome.checkins_by_leader()
    for i, leader in enumerate(outcome.leaders):
        out: list[Text | Grid] = [Text("")] if i else []
        groups = groups_of[leader.id]
        heading = f"{leader.name or leader.id} ({leader.id})"
        if groups:
            # A leader at two schools or more sees which group meets where.
            at = len({g.school for g in groups if g.school}) > 1
            names = [
                f"{g.id} ({g.school_name or g.school})" if at and g.school else g.id for g in groups
            ]
            heading += " · " + t("table.groups_list", groups=", ".join(names))
        out.append(Text(heading, style="bold reverse"))
        rows: list[tuple[datetime, IsoWeek, date, datetime, str, str, str]] = []
        for g in groups:
            for p in g.plans:
                for m in p.meetings:
                    what = t("table.part_moment", part=m.part, moment=m.moment)
                    rows.append((m.start, m.week, m.date, m.end, g.id, what, p.module.title))
        for c in checkins_of[leader.id]:
            rows.append((c.start, c.week, c.date, c.end, "", t("table.checkin"), ""))
        if not rows:
            _print(console, *out, Text(t("table.no_meetings"), style="dim"))
            continue
        table = Grid()
        table.add_column(t("table.week"), no_wrap=True)
        table.add_column(t("table.date"), no_wrap=True)
        table.add_column(t("table.time"), no_wrap=True)
        table.add_column(t("table.group_col"), no_wrap=True)
        table.add_column(t("table.meeting_col"), no_wrap=True)
        table.add_column(t("table.module_col"))
        texts = [
            (week_label(week), format_date(day), f"{start:%H:%M}–{end:%H:%M}", group, what, title)
            for start, week, day, end, group, what, title in sorted(rows, key=lambda r: r[0])
        ]
        out.append(_with_rows(table, texts))
        b = budgets.get(leader.id)
        if b is not None:
            out.append(
                Text(
                    t(
                        "table.leader_summary",
                        meetings=b.meetings,
                        checkins=b.checkins,
                        per_week=_number(b.meetings_per_week),
                        hours=_number(b.hours_per_week),
                        peak=_number(b.peak_minutes / 60),
                    ),
                    style="dim",
                )
            )
        _print(console, *out)
