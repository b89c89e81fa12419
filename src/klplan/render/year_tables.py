"""Rich tables of a school year, a week per row: the calendar as a picture (``klplan
calendar``) and a schedule's year overview (``klplan schedule --view overview``)."""

from __future__ import annotations

from datetime import date
from typing import TYPE_CHECKING, NamedTuple

from rich.console import Group
from rich.text import Text

from klplan.core.weeks import IsoWeek
from klplan.messages import MONTHS_SHORT, format_date, format_month_day, language, t
from klplan.render.grid import Grid
from klplan.render.stack import Stack

if TYPE_CHECKING:
    from klplan.core.outcome import CalendarOutcome
    from klplan.render.overview import Overview

# --- the school year as a picture (klplan calendar) ---------------------------------

_STATUS_STYLE = {
    "school": "",
    "laslov": "cyan",
    "sportlov": "cyan",
    "pasklov": "cyan",
    "jullov": "blue",
    "sommarlov": "blue",
    "red_day": "bold red",
    "closed_day": "magenta",
}


def _date_span(first: date, last: date) -> str:
    """``17–21 aug``, ``28 sep–2 okt``."""
    if first.month == last.month:
        return f"{first.day}–{last.day} {MONTHS_SHORT[language()][last.month - 1]}"
    return f"{format_month_day(first)}–{format_month_day(last)}"


def calendar_picture(outcome: CalendarOutcome, today: date | None) -> Group:
    """One row per ISO week of the school year: dates, a mark for each weekday
    (school day, lov, red day, closed day), and what happens that week; today's
    week is marked."""
    from klplan.render.calendar_view import (
        calendar_weeks,
        day_mark,
        legend,
        school_days,
        week_notes,
    )
    from klplan.render.provenance import provenance_summary, sources

    cal = outcome.calendar
    weeks = calendar_weeks(cal)
    title = Text(
        t("cal.title", region=cal.region.name, years=", ".join(cal.school_years)), style="bold"
    )
    terms = Text(
        " · ".join(
            t(
                "cal.term_summary",
                term=term.label,
                start=format_date(term.start, year=False),
                end=format_date(term.end, year=False),
                days=school_days(weeks, term),
            )
            for term in cal.terms
        ),
        style="dim",
    )
    table = Grid()
    table.add_column(t("cal.col_week"), justify="right", no_wrap=True)
    table.add_column(t("cal.col_dates"), no_wrap=True)
    table.add_column(t("cal.col_days"), no_wrap=True)
    table.add_column(t("cal.col_notes"), overflow="fold")
    section: object = weeks[0].term
    for w in weeks:
        if w.term != section:
            table.add_section()
            section = w.term
        marks = Text()
        for i, d in enumerate(w.days):
            style = _STATUS_STYLE.get(d.status, "")
            if today == d.date:
                style = f"{style} reverse".strip()
            marks.append(day_mark(d), style=style)
            if i < 4:
                marks.append("  ")
        notes = list(week_notes(cal, w))
        is_today = today is not None and w.week == IsoWeek.of(today)
        if is_today:
            assert today is not None
            notes.append(t("cal.today", date=format_date(today, year=False)))
        table.add_row(
            str(w.week.week),
            _date_span(w.days[0].date, w.days[-1].date),
            marks,
            Text("; ".join(notes)),
            style="bold" if is_today else ("dim" if w.closed else None),
        )
    key = Text(t("cal.legend") + ": ", style="dim")
    for i, (mark, meaning) in enumerate(legend(weeks)):
        key.append(("  " if i else "") + f"{mark} {meaning}", style="dim")
    source = Text(
        t(
            "cal.source",
            sources=" · ".join(sources(cal)) or "-",
            state=provenance_summary(cal),
        ),
        style="dim",
    )
    return Group(title, terms, table, key, source)


# --- the year overview of a schedule (klplan schedule --view overview) -----------


def overview_picture(overview: Overview, today: date | None, width: int = 80) -> Stack:
    """Weeks down, groups across: each group's meetings (``3B``) and closed weeks,
    with what happens each week. Groups get numbers as headings when their names
    would not fit in ``width`` columns; where even their numbers do not, the groups
    are shown in several tables, as many groups in each as fit."""
    from klplan.render.overview import group_summary, moved_notes
    from klplan.render.provenance import provenance_summary

    cal = overview.outcome.calendar
    labels = [c.label for c in overview.columns]
    room = width - _OVERVIEW_FIXED
    numbered = sum(max(len(x), 3) + 2 for x in labels) > room
    heads = [str(i) if numbered else label for i, label in enumerate(labels, start=1)]
    marks = _marks(overview)
    blocks = _blocks(marks, heads, room)
    weeks = _weeks(overview, today)
    tables: list[Text | Grid] = []
    for first, last in blocks:
        if len(blocks) > 1:
            tables.append(Text(t("overview.block", first=first + 1, last=last), style="bold"))
        tables.append(_overview_table(overview, weeks, marks, heads, first, last))
    title = Text(t("overview.title", region=cal.region.name, years=", ".join(cal.school_years)))
    title.stylize("bold")
    out: list[Text | Grid] = [title, *tables]
    out.append(Text(t("overview.key"), style="dim"))
    for i, c in enumerate(overview.columns, start=1):
        head = f"{i} {c.label}" if numbered else c.label
        out.append(Text(f"{head}: {group_summary(c)}", style="dim"))
    out.extend(Text(f"* {line}", style="dim") for line in moved_notes(overview))
    out.append(Text(t("overview.source", state=provenance_summary(cal)), style="dim"))
    return Stack(*out)


# The overview's columns besides the groups: week, Monday and a few words of notes.
_OVERVIEW_FIXED = 40


def _marks(overview: Overview) -> list[list[Text]]:
    """Each row's cells as marks ("3B" in bold, "–" dim): one Text for each distinct
    mark, shared by the thousands of cells that show it."""
    known: dict[tuple[str, bool], Text] = {}
    out = []
    for row in overview.rows:
        marks = []
        for c in row.cells:
            key = (c.label, bool(c.closed))
            mark = known.get(key)
            if mark is None:
                mark = known[key] = Text(key[0], style="dim" if key[1] else "bold")
            marks.append(mark)
        out.append(marks)
    return out


def _blocks(marks: list[list[Text]], heads: list[str], room: int) -> list[tuple[int, int]]:
    """The groups (as index ranges) of each table of the overview: all in one where
    they fit in ``room`` columns, else as many in each as fit (at least one)."""
    sizes = [len(head) for head in heads]
    for row in marks:
        sizes = [max(size, len(mark)) for size, mark in zip(sizes, row, strict=True)]
    sizes = [size + 3 for size in sizes]
    blocks: list[tuple[int, int]] = []
    first, used = 0, 0
    for i, size in enumerate(sizes):
        if i > first and used + size > room:
            blocks.append((first, i))
            first, used = i, 0
        used += size
    blocks.append((first, len(sizes)))
    return blocks


class _Week(NamedTuple):
    """What every table of the overview shows of a row besides its groups."""

    label: str
    monday: str
    notes: Text
    style: str | None


def _weeks(overview: Overview, today: date | None) -> list[_Week]:
    out = []
    for row in overview.rows:
        notes = list(row.notes)
        is_today = today is not None and row.first <= IsoWeek.of(today) <= row.last
        if is_today:
            assert today is not None
            notes.append(t("cal.today", date=format_date(today, year=False)))
        style = "bold" if is_today else ("dim" if row.closed else None)
        out.append(
            _Week(
                row.week_label(), format_month_day(row.first.monday), Text("; ".join(notes)), style
            )
        )
    return out


def _overview_table(
    overview: Overview,
    weeks: list[_Week],
    marks: list[list[Text]],
    heads: list[str],
    first: int,
    last: int,
) -> Grid:
    """The overview's table of groups ``first`` to ``last`` (not included)."""
    table = Grid()
    table.add_column(t("cal.col_week"), justify="right", no_wrap=True)
    table.add_column(t("overview.col_monday"), no_wrap=True)
    for head in heads[first:last]:
        table.add_column(Text(head), no_wrap=True)
    table.add_column(t("cal.col_notes"), overflow="fold")
    section: object = overview.rows[0].term if overview.rows else None
    for row, week, cells in zip(overview.rows, weeks, marks, strict=True):
        if row.term != section:
            table.add_section()
            section = row.term
        table.add_row(week.label, week.monday, *cells[first:last], week.notes, style=week.style)
    return table
