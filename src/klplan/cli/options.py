"""Options and choices shared by several commands.

Help texts are not written here: they live in the message catalogue
(``help.<command>.<parameter>``, or ``help.any.<parameter>`` for options several
commands share) and are filled in, in the user's language, by ``klplan.cli.localize``.
"""

from enum import StrEnum
from pathlib import Path
from typing import Annotated

import typer

import klplan.cli.complete as complete


class Format(StrEnum):
    table = "table"
    json = "json"


class ScheduleFormat(StrEnum):
    """``klplan schedule`` also writes calendar files and exports."""

    table = "table"
    json = "json"
    ics = "ics"
    csv = "csv"
    html = "html"
    md = "md"
    xlsx = "xlsx"


class CalendarFormat(StrEnum):
    table = "table"
    json = "json"
    ics = "ics"


class View(StrEnum):
    """What ``--format table`` shows of a schedule (html and md show the overview):
    per group each module's parts, per leader their meetings and check-ins, or the
    whole year at a glance."""

    parts = "parts"
    leader = "leader"
    overview = "overview"


class CsvDialect(StrEnum):
    excel_sv = "excel-sv"
    rfc4180 = "rfc4180"


ModulesFile = Annotated[Path | None, typer.Option("--modules", metavar="FILE")]
# Choices are case-insensitive everywhere: `-f JSON` is `-f json`.
FormatOption = Annotated[Format, typer.Option("--format", "-f", case_sensitive=False)]
KommunOption = Annotated[str | None, typer.Option("--kommun", "-k", autocompletion=complete.kommun)]
LanOption = Annotated[str | None, typer.Option("--lan", autocompletion=complete.lan)]
CalendarFile = Annotated[Path | None, typer.Option("--calendar", metavar="FILE")]
SchoolYearOption = Annotated[
    str | None, typer.Option("--school-year", "-y", autocompletion=complete.school_year)
]
# ``klplan schedule`` plans a span of school years too: --school-years 2026/27-2027/28
# is the same option (the last one given wins, so a hint's flags can be added).
ScheduleSchoolYearOption = Annotated[
    str | None,
    typer.Option("--school-year", "--school-years", "-y", autocompletion=complete.school_year),
]
ModuleOption = Annotated[str | None, typer.Option("--module", "-m", autocompletion=complete.module)]
CadenceOption = Annotated[
    str | None, typer.Option("--cadence", "-c", autocompletion=complete.cadence)
]
WeekdayOption = Annotated[str | None, typer.Option("--weekday", autocompletion=complete.weekday)]
OutputOption = Annotated[Path | None, typer.Option("--output", "-o", metavar="FILE")]
