"""``klplan schedule``: one group through one module, or every group of a plan file."""

from __future__ import annotations

from enum import StrEnum
from pathlib import Path
from typing import TYPE_CHECKING, Annotated, Any

import typer

from klplan.cli.options import ModulesFile, ScheduleFormat

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

  klplan schedule -k Malmö --format ics --location "Aulan" -o samtal-om-text.ics

  klplan schedule --format ics -o kalendrar/ --include-breaks

  klplan schedule --format ics -o samtal-om-text.ics --check

Calendar files (--format ics) hold one event per meeting (B and D) in Europe/Stockholm
time, with stable UIDs: regenerating over the previous file keeps every UID, bumps the
SEQUENCE of a meeting that moved and cancels (STATUS:CANCELLED) one that is gone.
-o DIR (an existing directory or a path ending in /) writes grupp-<id>.ics per group and
ledare-<id>.ics per leader. DTSTAMP comes from SOURCE_DATE_EPOCH when it is set.
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
    format: Annotated[
        ScheduleFormat, typer.Option("--format", "-f", help="Output format: table, json or ics.")
    ] = ScheduleFormat.table,
    output: Annotated[
        str | None,
        typer.Option(
            "--output",
            "-o",
            metavar="PATH",
            help="Write to FILE instead of stdout (- for stdout); with ics also a DIR/.",
        ),
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
    location: Annotated[
        str | None, typer.Option("--location", help="Where the meetings are held.")
    ] = None,
    video_url: Annotated[
        str | None, typer.Option("--video-url", help="Video-meeting link (http or https).")
    ] = None,
    previous: Annotated[
        Path | None,
        typer.Option(
            "--previous",
            help="ics: the calendar file (or directory) this run replaces [the output].",
        ),
    ] = None,
    check: Annotated[
        bool,
        typer.Option(
            "--check", help="ics: write nothing; exit 1 and list the changes if files differ."
        ),
    ] = False,
    include_breaks: Annotated[
        bool,
        typer.Option("--include-breaks", help="ics: add the lov periods as all-day events."),
    ] = False,
    include_preparation: Annotated[
        bool,
        typer.Option("--include-preparation", help="ics: add moments A and C as all-day items."),
    ] = False,
    invite: Annotated[
        bool,
        typer.Option("--invite", help="ics: add ORGANIZER/ATTENDEE from the leaders' e-mail."),
    ] = False,
    force: Annotated[
        bool,
        typer.Option("--force", help="ics: overwrite an existing file klplan did not write."),
    ] = False,
) -> None:
    from klplan.cli import params
    from klplan.core.errors import UsageError, Where
    from klplan.planning import ScheduleRequest, schedule_single

    ics_flags = {
        "--previous": previous is not None,
        "--check": check,
        "--include-breaks": include_breaks,
        "--include-preparation": include_preparation,
        "--invite": invite,
        "--force": force,
    }
    for flag, given in ics_flags.items():
        if given and format is not ScheduleFormat.ics:
            raise UsageError("ics.only_for_ics", where=Where(flag=flag))
    video_url = params.url(video_url)
    ics = {
        "dtstamp": params.source_date_epoch() if format is ScheduleFormat.ics else None,
        "include_breaks": include_breaks,
        "include_preparation": include_preparation,
        "invite": invite,
        "previous": previous,
        "check": check,
        "force": force,
    }
    outcome: ScheduleOutcome
    if plan is not None:
        given = locals()
        for name, flag in _SINGLE_FLAGS:
            if given[name] is not None:
                raise UsageError("plan.flag_with_plan", where=Where(flag=flag))
        from klplan.loaders.plan import load_plan
        from klplan.planning import schedule_plan

        outcome = schedule_plan(load_plan(plan), stagger=stagger)
    else:
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
    if location or video_url:
        outcome = _meeting_place(outcome, location, video_url)
    _emit(outcome, format, output, view, ics)


def _emit(
    outcome: ScheduleOutcome,
    format: ScheduleFormat,
    output: str | None,
    view: View,
    ics: dict[str, Any],
) -> None:
    if format is ScheduleFormat.ics:
        from klplan.cli.calendar_files import write_calendars
        from klplan.render.ics import IcsOptions

        options = IcsOptions(
            dtstamp=ics["dtstamp"],
            include_breaks=ics["include_breaks"],
            include_preparation=ics["include_preparation"],
            invite=ics["invite"],
        )
        code = write_calendars(
            outcome,
            options,
            output=output,
            previous=ics["previous"],
            check=ics["check"],
            force=ics["force"],
        )
        _report(outcome)
        if code:
            raise typer.Exit(code)
        return
    if format is ScheduleFormat.json:
        from klplan.cli.output import emit
        from klplan.render.json import dumps, schedule_document

        emit(dumps(schedule_document(outcome)), Path(output) if output else None)
    else:
        _table(outcome, Path(output) if output else None, view)
    # After the output is written, so that a failed write stays a one-line error.
    _report(outcome)


def _meeting_place(outcome: Any, location: str | None, video_url: str | None) -> Any:
    """--location and --video-url: for every group that has no place of its own."""
    from dataclasses import replace

    groups = tuple(
        replace(g, location=g.location or location, video_url=g.video_url or video_url)
        for g in outcome.groups
    )
    return replace(outcome, groups=groups)


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
