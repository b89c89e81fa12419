"""``klplan schedule``: one group through one module."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer

from klplan.cli.options import Format, FormatOption, ModulesFile

HELP = """\
Schedule one group through a module and print the plan.

Without options it plans the bundled default (Samtal om text, intensiv, Stockholm,
the current or next school year from next week) and says which defaults it used.

Examples:

  klplan schedule

  klplan schedule -m samtal-om-text -k Göteborg --start 2025-W40 --spring-start 2026-W04

  klplan schedule --cadence treveckors --weekday torsdag --time 14:30 --format json -o plan.json
"""


def schedule(
    module: Annotated[
        str | None, typer.Option("--module", "-m", help="Module id (see `klplan modules`).")
    ] = None,
    modules_file: ModulesFile = None,
    cadence: Annotated[
        str | None,
        typer.Option(
            "--cadence", "-c", help="intensiv, treveckors, varannan-vecka, manadsvis or your own."
        ),
    ] = None,
    cadences_file: Annotated[
        Path | None, typer.Option("--cadences", help="YAML file with your own cadences.")
    ] = None,
    kommun: Annotated[
        str | None,
        typer.Option("--kommun", "-k", help="Municipality name or code (å/ä/ö optional)."),
    ] = None,
    lan: Annotated[
        str | None,
        typer.Option("--lan", help="County name or code (refused if its sportlov weeks differ)."),
    ] = None,
    calendar_file: Annotated[
        Path | None,
        typer.Option(
            "--calendar", help="YAML file with your own school-year dates and closed days."
        ),
    ] = None,
    school_year: Annotated[
        str | None, typer.Option("--school-year", "-y", help="School year, e.g. 2025/26.")
    ] = None,
    start: Annotated[
        str | None, typer.Option("--start", help="Week of the first meeting, e.g. 2025-W40.")
    ] = None,
    spring_start: Annotated[
        str | None,
        typer.Option(
            "--spring-start",
            help="Split the parts between the terms; the spring half starts this week.",
        ),
    ] = None,
    weekday: Annotated[
        str | None,
        typer.Option("--weekday", help="Meeting day: måndag–fredag or monday–friday [onsdag]."),
    ] = None,
    time: Annotated[str | None, typer.Option("--time", help="Start time HH:MM [15:00].")] = None,
    duration: Annotated[
        int | None, typer.Option("--duration", help="Minutes per meeting [90].")
    ] = None,
    format: FormatOption = Format.table,
    output: Annotated[
        Path | None,
        typer.Option("--output", "-o", help="Write to FILE instead of stdout (- for stdout)."),
    ] = None,
) -> None:
    from klplan.cli import params
    from klplan.planning import ScheduleRequest, schedule_single

    req = ScheduleRequest(
        today=params.today(),
        module=module,
        modules_file=modules_file,
        cadence=cadence,
        cadences_file=cadences_file,
        kommun=kommun,
        lan=lan,
        calendar_file=calendar_file,
        school_year=params.school_year(school_year),
        start=params.week(start, "--start"),
        spring_start=params.week(spring_start, "--spring-start"),
        weekday=params.weekday(weekday),
        time=params.clock(time),
        duration=params.duration(duration),
    )
    outcome = schedule_single(req)
    if format is Format.json:
        from klplan.cli.output import emit
        from klplan.render.json import dumps, schedule_document

        emit(dumps(schedule_document(outcome)), output)
    else:
        _table(outcome, output)
    # After the output is written, so that a failed write stays a one-line error.
    _report(outcome)


def _report(outcome: object) -> None:
    """Defaults and warnings go to stderr, so stdout stays the plan alone."""
    import sys

    from klplan.messages import reason_label, t
    from klplan.planning import ScheduleOutcome

    assert isinstance(outcome, ScheduleOutcome)
    if outcome.defaults_used:
        sys.stderr.write(
            "klplan: " + t("notice.defaults_used", what=", ".join(outcome.defaults_used)) + "\n"
        )
    for n in outcome.notices:
        params = {
            k: (reason_label(v.code, v.name) if hasattr(v, "code") else v)
            for k, v in n.params.items()
        }
        sys.stderr.write(f"klplan: {t('warning.prefix')}: {t(n.key, **params)}\n")


def _table(outcome: object, output: Path | None) -> None:
    import io

    from klplan.cli.console import console
    from klplan.cli.output import emit
    from klplan.render.table import render_schedule

    if output is None or str(output) == "-":
        render_schedule(outcome, console())  # type: ignore[arg-type]
        return
    buf = io.StringIO()
    render_schedule(outcome, console(buf, plain=True, width=100))  # type: ignore[arg-type]
    emit(buf.getvalue(), output)
