"""``klplan schedule``: one group through one module."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer

from klplan.cli.options import (
    CalendarFile,
    CsvDialect,
    KommunOption,
    LanOption,
    ModulesFile,
    OutputOption,
    ScheduleFormat,
    SchoolYearOption,
    View,
)


def schedule(
    ctx: typer.Context,
    module: Annotated[str | None, typer.Option("--module", "-m")] = None,
    modules_file: ModulesFile = None,
    cadence: Annotated[str | None, typer.Option("--cadence", "-c")] = None,
    cadences_file: Annotated[Path | None, typer.Option("--cadences", metavar="FILE")] = None,
    kommun: KommunOption = None,
    lan: LanOption = None,
    calendar_file: CalendarFile = None,
    school_year: SchoolYearOption = None,
    start: Annotated[str | None, typer.Option("--start")] = None,
    spring_start: Annotated[str | None, typer.Option("--spring-start")] = None,
    weekday: Annotated[str | None, typer.Option("--weekday")] = None,
    time: Annotated[str | None, typer.Option("--time")] = None,
    duration: Annotated[int | None, typer.Option("--duration")] = None,
    format: Annotated[ScheduleFormat, typer.Option("--format", "-f")] = ScheduleFormat.table,
    view: Annotated[View | None, typer.Option("--view")] = None,
    csv_dialect: Annotated[
        CsvDialect, typer.Option("--csv-dialect", case_sensitive=False)
    ] = CsvDialect.excel_sv,
    output: OutputOption = None,
) -> None:
    from klplan.cli import params, settings
    from klplan.cli.notify import report
    from klplan.planning import ScheduleRequest, schedule_single

    def src(param: str, flag: str) -> params.Flag:
        return settings.where(ctx, param, flag)

    kommun, lan = settings.region(ctx, kommun, lan)
    req = ScheduleRequest(
        today=params.today(),
        module=module,
        modules_file=modules_file,
        cadence=cadence,
        cadences_file=cadences_file,
        kommun=kommun,
        lan=lan,
        calendar_file=calendar_file,
        school_year=params.school_year(school_year, src("school_year", "--school-year")),
        start=params.week(start, "--start"),
        spring_start=params.week(spring_start, "--spring-start"),
        weekday=params.weekday(weekday, src("weekday", "--weekday")),
        time=params.clock(time, src("time", "--time")),
        duration=params.duration(duration, src("duration", "--duration")),
    )
    view = _view(format, view)
    outcome = schedule_single(req)
    report(outcome.defaults_used, outcome.notices)
    _render(outcome, format, view, csv_dialect, output)


def _view(format: ScheduleFormat, view: View | None) -> View | None:
    """``--view`` chooses what ``table`` shows; html and md are the overview, json
    and csv carry every meeting. A view the format cannot show is a usage error."""
    from klplan.core.errors import UsageError, Where

    shows = {
        ScheduleFormat.table: tuple(View),
        ScheduleFormat.html: (View.overview,),
        ScheduleFormat.md: (View.overview,),
    }.get(format, ())
    if view is None:
        return shows[0] if shows else None
    if view not in shows:
        raise UsageError(
            "usage.view_not_for_format",
            where=Where(flag="--view"),
            view=view.value,
            format=format.value,
            choices=", ".join(v.value for v in shows) or "-",
        )
    return view


def _render(
    outcome: object,
    format: ScheduleFormat,
    view: View | None,
    csv_dialect: CsvDialect,
    output: Path | None,
) -> None:
    from klplan.cli.output import emit, emit_bytes
    from klplan.planning import ScheduleOutcome

    assert isinstance(outcome, ScheduleOutcome)
    if format is ScheduleFormat.json:
        from klplan.render.json import dumps, schedule_document

        emit(dumps(schedule_document(outcome)), output)
    elif format is ScheduleFormat.csv:
        from klplan.render.csv import meetings_csv

        emit_bytes(meetings_csv(outcome, csv_dialect.value), output)
    elif format is ScheduleFormat.html:
        from klplan.render.html import overview_page
        from klplan.render.overview import build

        emit(overview_page(build(outcome)), output)
    elif format is ScheduleFormat.md:
        from klplan.render.markdown import overview_markdown
        from klplan.render.overview import build

        emit(overview_markdown(build(outcome)), output)
    else:
        from klplan.cli import params
        from klplan.cli.console import show
        from klplan.render.table import overview_picture, render_schedule

        if view is View.overview:
            from klplan.render.overview import build

            overview, today = build(outcome), params.today()
            show(lambda c: c.print(overview_picture(overview, today, c.width)), output)
        else:
            show(lambda c: render_schedule(outcome, c), output)
