"""``klplan schedule``: one group through one module, or every group of a plan file."""

from __future__ import annotations

from enum import StrEnum
from pathlib import Path
from typing import TYPE_CHECKING, Annotated

import typer

from klplan.cli.options import Format, FormatOption, ModulesFile

if TYPE_CHECKING:
    from klplan.planning import ScheduleOutcome

HELP = """\
Schedule one group through a module, or every group of a plan file (PLAN), and
print the plan.

Without options it plans the bundled default (Samtal om text, intensiv, Stockholm,
the current or next school year from next week) and says which defaults it used.
With PLAN everything comes from the file (see `klplan init`); --stagger moves groups
of a leader who is booked twice at once, --view leader lists each leader's meetings.

Examples:

  klplan schedule

  klplan schedule plan.yaml --view leader

  klplan schedule plan.yaml --stagger --format json -o plan.json

  klplan schedule -m samtal-om-text -k Göteborg --start 2025-W40 --spring-start 2026-W04

  klplan schedule --cadence treveckors --weekday torsdag --time 14:30 --format json -o plan.json
"""


class View(StrEnum):
    group = "group"
    leader = "leader"


# Flags that describe one group through one module; a plan file says all of this.
_SINGLE_FLAGS = (
    ("module", "--module"),
    ("modules_file", "--modules"),
    ("cadence", "--cadence"),
    ("cadences_file", "--cadences"),
    ("kommun", "--kommun"),
    ("lan", "--lan"),
    ("calendar_file", "--calendar"),
    ("school_year", "--school-year"),
    ("start", "--start"),
    ("spring_start", "--spring-start"),
    ("weekday", "--weekday"),
    ("time", "--time"),
    ("duration", "--duration"),
)


def schedule(
    plan: Annotated[
        Path | None,
        typer.Argument(
            help="A plan file (see `klplan init`); without it, one group and one module.",
            show_default=False,
            metavar="PLAN",
        ),
    ] = None,
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
    stagger: Annotated[
        bool,
        typer.Option(
            "--stagger",
            help="With PLAN: move groups of a leader booked twice at once to another "
            "weekday or time (and say which).",
        ),
    ] = False,
    view: Annotated[
        View,
        typer.Option(
            "--view", help="Table per group, or per leader (their meetings and check-ins)."
        ),
    ] = View.group,
) -> None:
    from klplan.cli import params
    from klplan.core.errors import UsageError, Where
    from klplan.planning import ScheduleRequest, schedule_single

    outcome: ScheduleOutcome
    if plan is not None:
        given = locals()
        for name, flag in _SINGLE_FLAGS:
            if given[name] is not None:
                raise UsageError("plan.flag_with_plan", where=Where(flag=flag))
        from klplan.loaders.plan import load_plan
        from klplan.planning import schedule_plan

        outcome = schedule_plan(load_plan(plan), stagger=stagger)
        _emit(outcome, format, output, view)
        return
    for flag, on in (("--stagger", stagger), ("--view", view is View.leader)):
        if on:
            raise UsageError("plan.flag_needs_plan", where=Where(flag=flag))
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
    _emit(outcome, format, output, view)


def _emit(outcome: ScheduleOutcome, format: Format, output: Path | None, view: View) -> None:
    if format is Format.json:
        from klplan.cli.output import emit
        from klplan.render.json import dumps, schedule_document

        emit(dumps(schedule_document(outcome)), output)
    else:
        _table(outcome, output, view)
    # After the output is written, so that a failed write stays a one-line error.
    _report(outcome)


def _report(outcome: ScheduleOutcome) -> None:
    """Defaults and warnings go to stderr, so stdout stays the plan alone."""
    import sys

    from klplan.messages import t
    from klplan.planning import notice_text

    if outcome.defaults_used:
        sys.stderr.write(
            "klplan: " + t("notice.defaults_used", what=", ".join(outcome.defaults_used)) + "\n"
        )
    for n in outcome.notices:
        sys.stderr.write(f"klplan: {t('warning.prefix')}: {notice_text(n)}\n")


def _table(outcome: ScheduleOutcome, output: Path | None, view: View) -> None:
    import io

    from klplan.cli.console import console
    from klplan.cli.output import emit
    from klplan.render.table import render_schedule

    if output is None or str(output) == "-":
        render_schedule(outcome, console(), view=view.value)
        return
    buf = io.StringIO()
    render_schedule(outcome, console(buf, plain=True, width=100), view=view.value)
    emit(buf.getvalue(), output)
