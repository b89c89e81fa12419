"""``klplan calendar``: a municipality's school year at a glance, with the known
lovdagar and studiedagar from its own page; ``--closed-days`` prints those as a
``closed_days:`` block for ``klplan schedule --calendar FILE``."""

from dataclasses import replace
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
    from klplan.core.outcome import CalendarOutcome
    from klplan.files.outputs import Inputs


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
    closed_days: Annotated[bool, typer.Option("--closed-days")] = False,
) -> None:
    import klplan.app.values as params
    import klplan.cli.settings as settings
    from klplan.app.school_calendar import CalendarRequest, school_calendar
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
    from klplan.files.locks import locked
    from klplan.files.outputs import Inputs, check_output

    if closed_days:
        _check_closed_days(outcome, format)
    else:
        outcome = _with_known_days(outcome)
    # As ``klplan schedule``: never over an input, over a file klplan did not write only
    # with --force, one run at a time in the folder.
    to_file = output is not None and str(output) != "-"
    inputs = Inputs([calendar_file, Path(settings.CONFIG_FILE)])
    with locked([output.absolute().parent] if output is not None and to_file else []):
        if closed_days:
            _write_closed_days(outcome, output if to_file else None, inputs, force)
        else:
            if output is not None and to_file and format is not CalendarFormat.ics:
                check_output(output, format.value, inputs=inputs, force=force)
            _write(outcome, format, output, force, refresh, inputs, today)
    # After the output is written, so that a failed write stays a one-line error.
    report(outcome.defaults_used, outcome.notices)


def _with_known_days(outcome: "CalendarOutcome") -> "CalendarOutcome":
    """The municipality's known lovdagar and studiedagar shown as closed days, with a
    notice that ``klplan schedule`` uses them only when given (``--closed-days``)."""
    from klplan.core.plan import Notice
    from klplan.loaders.calendars import with_known_days

    calendar, count = with_known_days(outcome.calendar)
    if not count:
        return outcome
    region = calendar.region
    notice = Notice(
        "calendar.known_days_shown", {"region": region.name, "code": region.code, "count": count}
    )
    return replace(outcome, calendar=calendar, notices=(*outcome.notices, notice))


def _check_closed_days(outcome: "CalendarOutcome", format: CalendarFormat) -> None:
    from klplan.core.errors import UsageError, Where

    if format is not CalendarFormat.table:
        raise UsageError("calendar.closed_days_format", where=Where(flag="--closed-days"))
    if outcome.calendar.region.kind != "kommun":
        raise UsageError("calendar.closed_days_kommun", where=Where(flag="--closed-days"))


def _write_closed_days(
    outcome: "CalendarOutcome", output: Path | None, inputs: "Inputs", force: bool
) -> None:
    """The block on stdout or in a new file: a calendar file is meant to be edited by
    hand, so an existing one is replaced only with --force (an input never)."""
    import os

    from klplan.cli.output import emit
    from klplan.core.errors import OutputError, Where
    from klplan.core.models import school_year_label
    from klplan.files.outputs import existing_output, probe_folder
    from klplan.loaders.calendars import known_days
    from klplan.render.closed_days import closed_days_yaml

    region = outcome.calendar.region
    label = school_year_label(outcome.school_year)
    days = [d for d in known_days(region.code) if d.school_year == label]
    if output is not None:
        if existing_output(output, inputs) is not None and not force:
            raise OutputError("calendar.closed_days_exists", where=Where(file=str(output)))
        probe_folder(Path(os.path.realpath(output)).parent, output)
    emit(closed_days_yaml(region, label, days), output)


def _write(
    outcome: "CalendarOutcome",
    format: CalendarFormat,
    output: Path | None,
    force: bool,
    refresh: str | None,
    inputs: "Inputs",
    today: date,
) -> None:
    import klplan.app.values as params

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
