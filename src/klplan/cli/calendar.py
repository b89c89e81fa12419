"""``klplan calendar``: a municipality's school year at a glance."""

from typing import Annotated

import typer

from klplan.cli.options import (
    CalendarFile,
    CalendarFormat,
    KommunOption,
    LanOption,
    OutputOption,
    SchoolYearOption,
)


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
    if force and format is not CalendarFormat.ics:
        from klplan.core.errors import UsageError, Where

        raise UsageError("ics.only_for_ics", where=Where(flag="--force"))
    if format is CalendarFormat.ics:
        from klplan.cli.calendar_files import write_holiday_calendar

        write_holiday_calendar(
            outcome.calendar, output, dtstamp=params.source_date_epoch(), force=force
        )
    elif format is CalendarFormat.json:
        from klplan.cli.output import emit
        from klplan.render.json import calendar_year_document, dumps

        emit(dumps(calendar_year_document(outcome)), output)
    else:
        from klplan.cli.console import show
        from klplan.render.table import calendar_picture

        show(lambda c: c.print(calendar_picture(outcome, today)), output)
    # After the output is written, so that a failed write stays a one-line error.
    report(outcome.defaults_used, outcome.notices)
