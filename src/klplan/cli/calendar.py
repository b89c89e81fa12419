"""``klplan calendar``: a municipality's school year at a glance."""

from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING, Annotated

import typer

from klplan.cli.options import (
    CalendarFile,
    CalendarFormat,
    KommunOption,
    LanOption,
    OutputOption,
    SchoolYearOption,
)

if TYPE_CHECKING:
    from klplan.calendar_year import CalendarOutcome
    from klplan.cli.output import Inputs


def calendar(
    ctx: typer.Context,
    kommun: KommunOption = None,
    lan: LanOption = None,
    calendar_file: CalendarFile = None,
    school_year: SchoolYearOption = None,
    format: Annotated[
        CalendarFormat, typer.Option("--format", "-f", case_sensitive=False)
    ] = CalendarFormat.table,
    output: OutputOption = None,
    force: Annotated[bool, typer.Option("--force")] = False,
    refresh: Annotated[str | None, typer.Option("--refresh", metavar="DURATION")] = None,
) -> None:
    from klplan.calendar_year import CalendarRequest, school_calendar
    from klplan.cli import params, settings
    from klplan.cli.notify import report

    today = params.today()
    kommun, lan = settings.region(ctx, kommun, lan)
    outcome = school_calendar(
        CalendarRequest(
            today=today,
            kommun=kommun,
            lan=lan,
            calendar_file=calendar_file,
            school_year=params.school_year(
                school_year, settings.where(ctx, "school_year", "--school-year")
            ),
        )
    )
    if refresh is not None and format is not CalendarFormat.ics:
        from klplan.core.errors import UsageError, Where

        raise UsageError("ics.only_for_ics", where=Where(flag="--refresh"))
    from klplan.cli.output import Inputs, check_output, locked

    # As ``klplan schedule``: never over an input, over a file klplan did not write only
    # with --force, one run at a time in the folder.
    to_file = output is not None and str(output) != "-"
    inputs = Inputs([calendar_file, Path(settings.CONFIG_FILE)])
    with locked([output.absolute().parent] if output is not None and to_file else []):
        if output is not None and to_file and format is not CalendarFormat.ics:
            check_output(output, format.value, inputs=inputs, force=force)
        _write(outcome, format, output, force, refresh, inputs, today)
    # After the output is written, so that a failed write stays a one-line error.
    report(outcome.defaults_used, outcome.notices)


def _write(
    outcome: "CalendarOutcome",
    format: CalendarFormat,
    output: Path | None,
    force: bool,
    refresh: str | None,
    inputs: "Inputs",
    today: date,
) -> None:
    from klplan.cli import params

    if format is CalendarFormat.ics:
        from klplan.cli.calendar_files import write_holiday_calendar

        write_holiday_calendar(
            outcome.calendar,
            output,
            dtstamp=params.source_date_epoch(),
            force=force,
            today=params.fixed_today(),
            domain=params.uid_domain(),
            refresh=params.refresh(refresh),
            inputs=inputs,
        )
    elif format is CalendarFormat.json:
        from klplan.cli.output import emit
        from klplan.render.json import calendar_year_document, dumps

        emit(dumps(calendar_year_document(outcome)), output)
    else:
        from klplan.cli.console import show
        from klplan.render.year_tables import calendar_picture

        show(lambda c: c.print(calendar_picture(outcome, today)), output)
