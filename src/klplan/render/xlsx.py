"""An Excel workbook (``--format xlsx``): the meetings sheet has the CSV's rows and
columns, the overview sheet the year overview (weeks down, groups across, as in
Markdown). Dates and times are real spreadsheet dates and times with number formats
(``yyyy-mm-dd``, ``hh:mm``), so they sort, filter and compute; parts are numbers.

The only module that imports XlsxWriter, and only when a workbook is asked for. The
bytes are deterministic: XlsxWriter stamps every zip member 1980-01-01 when it builds
in memory, and the workbook's "created" property is the ``created`` the caller passes
(``SOURCE_DATE_EPOCH``), else 1 July 00:00 UTC of the plan's first school year."""

from __future__ import annotations

import io
from datetime import UTC, date, datetime, time
from typing import Any

from klplan.core.outcome import ScheduleOutcome
from klplan.core.schoolyear import school_year_of
from klplan.messages import t
from klplan.render.csv import COLUMNS, meeting_rows
from klplan.render.overview import Overview, group_summary

_DATES = {"date", "moved_from"}
_TIMES = {"start", "end"}
_NUMBERS = {"part"}
_MAX_WIDTH = 60  # characters: a long part title or link wraps the sheet no wider


XLSX_MARKER = "Generator"  # a custom document property whose value is klplan


def default_created(outcome: ScheduleOutcome) -> datetime:
    """1 July 00:00 UTC of the calendar's first school year: stable for a given plan."""
    first = outcome.calendar.terms[0].start
    return datetime(school_year_of(first), 7, 1, tzinfo=UTC)


def _typed(column: str, value: str) -> object:
    if not value:
        return None
    if column in _DATES:
        return date.fromisoformat(value)
    if column in _TIMES:
        return time.fromisoformat(value)
    if column in _NUMBERS:
        return int(value)
    return value


def write_text(sheet: Any, row: int, col: int, text: str, style: Any = None) -> None:
    """``text`` in a cell as text: a group called "=1+1" stays text, never a formula
    (``write_string``). XlsxWriter writes a string from ``<r>`` to ``</r>`` into the
    shared strings unescaped (its own rich strings), which makes a workbook Excel must
    repair; such a text is written as a rich string of plain runs instead (XlsxWriter
    takes three at least)."""
    if text.startswith("<r>") and text.endswith("</r>"):
        runs = (text[:1], text[1:2], text[2:])
        sheet.write_rich_string(row, col, *runs, *([style] if style else []))
    else:
        sheet.write_string(row, col, text, style)


class _Sheet:
    """A worksheet written row by row, remembering each column's widest value."""

    def __init__(self, workbook: Any, name: str, formats: dict[type, Any]) -> None:
        self.sheet = workbook.add_worksheet(name)
        self.formats = formats
        self.widths: dict[int, int] = {}
        self.row = 0

    def write(self, values: list[object], style: Any = None) -> None:
        sheet, row, widths = self.sheet, self.row, self.widths
        for col, value in enumerate(values):
            if value is None or value == "":
                continue
            if isinstance(value, str):
                write_text(sheet, row, col, value, style)
                width = max(map(len, value.splitlines())) if "\n" in value else len(value)
            elif isinstance(value, int):
                sheet.write_number(row, col, value, style)
                width = len(str(value))
            else:  # a date (yyyy-mm-dd) or a time (hh:mm)
                sheet.write_datetime(row, col, value, self.formats[type(value)])
                width = 10 if isinstance(value, date) else 5
            if width > widths.get(col, 0):
                widths[col] = width
        self.row += 1

    def finish(self, header_rows: int, frozen_columns: int = 0) -> None:
        for col, width in self.widths.items():
            self.sheet.set_column(col, col, min(width, _MAX_WIDTH) + 2)
        self.sheet.freeze_panes(header_rows, frozen_columns)


def schedule_xlsx(
    outcome: ScheduleOutcome, overview: Overview, created: datetime | None = None
) -> bytes:
    """The workbook's bytes: a meetings sheet and a year-overview sheet."""
    import xlsxwriter  # type: ignore[import-untyped]

    buf = io.BytesIO()
    workbook = xlsxwriter.Workbook(buf, {"in_memory": True})
    cal = outcome.calendar
    title = t("overview.title", region=cal.region.name, years=", ".join(cal.school_years))
    workbook.set_properties(
        {"title": title, "author": "klplan", "created": created or default_created(outcome)}
    )
    # klplan's marker (klplan.files.outputs.is_klplan_file): -o may replace this workbook.
    workbook.set_custom_property(XLSX_MARKER, "klplan")
    bold = workbook.add_format({"bold": True})
    formats = {
        date: workbook.add_format({"num_format": "yyyy-mm-dd"}),
        time: workbook.add_format({"num_format": "hh:mm"}),
    }

    meetings = _Sheet(workbook, t("xlsx.sheet.meetings"), formats)
    meetings.write([t(f"csv.col.{c}") for c in COLUMNS], bold)
    for row in meeting_rows(outcome):
        meetings.write([_typed(c, row[c]) for c in COLUMNS])
    meetings.sheet.autofilter(0, 0, max(meetings.row - 1, 0), len(COLUMNS) - 1)
    meetings.finish(1)

    sheet = _Sheet(workbook, t("xlsx.sheet.overview"), formats)
    head: list[object] = [t("cal.col_week"), t("overview.col_monday"), t("xlsx.col.term")]
    sheet.write([*head, *(c.label for c in overview.columns), t("cal.col_notes")], bold)
    for r in overview.rows:
        sheet.write(
            [
                r.week_label(),
                r.first.monday,
                r.term.label if r.term else "",
                *(c.label for c in r.cells),
                "; ".join(r.notes),
            ]
        )
    sheet.row += 1
    sheet.sheet.write_string(sheet.row, 0, t("overview.key"))
    sheet.row += 2
    sheet.sheet.write_string(sheet.row, 0, t("overview.groups"), bold)
    for c in overview.columns:
        sheet.row += 1
        write_text(sheet.sheet, sheet.row, 0, c.label, bold)
        write_text(sheet.sheet, sheet.row, 1, group_summary(c))
    sheet.finish(1, 1)
    workbook.close()
    return buf.getvalue()
