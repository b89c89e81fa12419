"""``klplan schedule``: one group through one module, or every group of a plan file.

Several outputs come from one run: ``-f`` and ``-o`` repeated, paired in order
(``-f json -o plan.json -f ics -o kalendrar/``); the plan is read and scheduled once,
and every output is checked before the first is written.

Help texts live in the message catalogue (``help.schedule.*``), filled in by
``klplan.cli.localize`` in the user's language.
"""

import os
import sys
from collections.abc import Iterator
from pathlib import Path
from typing import TYPE_CHECKING, Annotated, Any, NamedTuple

import typer

from klplan.cli.options import (
    CadenceOption,
    CalendarFile,
    CsvDialect,
    KommunOption,
    LanOption,
    ModuleOption,
    ModulesFile,
    ScheduleFormat,
    ScheduleSchoolYearOption,
    View,
    WeekdayOption,
)

if TYPE_CHECKING:
    from datetime import datetime

    from klplan.core.outcome import ScheduleOutcome
    from klplan.files.outputs import Inputs

# Repeatable, but shown as one choice: "<table|json|...>", not "<list[table|json|...]>".
_FORMAT_CHOICES = "<" + "|".join(ScheduleFormat) + ">"


def schedule(
    ctx: typer.Context,
    plan: Annotated[Path | None, typer.Argument(show_default=False, metavar="PLAN")] = None,
    module: ModuleOption = None,
    modules_file: ModulesFile = None,
    cadence: CadenceOption = None,
    cadences_file: Annotated[Path | None, typer.Option("--cadences", metavar="FILE")] = None,
    kommun: KommunOption = None,
    lan: LanOption = None,
    calendar_file: CalendarFile = None,
    school_year: ScheduleSchoolYearOption = None,
    start: Annotated[str | None, typer.Option("--start")] = None,
    spring_start: Annotated[str | None, typer.Option("--spring-start")] = None,
    weekday: WeekdayOption = None,
    time: Annotated[str | None, typer.Option("--time")] = None,
    duration: Annotated[int | None, typer.Option("--duration")] = None,
    leader: Annotated[str | None, typer.Option("--leader", metavar="NAME")] = None,
    format: Annotated[
        list[ScheduleFormat] | None,
        typer.Option("--format", "-f", metavar=_FORMAT_CHOICES, case_sensitive=False),
    ] = None,
    view: Annotated[View | None, typer.Option("--view", case_sensitive=False)] = None,
    csv_dialect: Annotated[
        CsvDialect, typer.Option("--csv-dialect", case_sensitive=False)
    ] = CsvDialect.excel_sv,
    # A str, not a Path: "kalendrar/" (a directory for -f ics) keeps its slash.
    output: Annotated[list[str] | None, typer.Option("--output", "-o", metavar="PATH")] = None,
    stagger: Annotated[bool, typer.Option("--stagger")] = False,
    allow_outside: Annotated[bool, typer.Option("--allow-outside")] = False,
    location: Annotated[str | None, typer.Option("--location")] = None,
    video_url: Annotated[str | None, typer.Option("--video-url")] = None,
    previous: Annotated[Path | None, typer.Option("--previous", metavar="PATH")] = None,
    check: Annotated[bool, typer.Option("--check")] = False,
    include_breaks: Annotated[bool, typer.Option("--include-breaks")] = False,
    include_preparation: Annotated[bool, typer.Option("--include-preparation")] = False,
    invite: Annotated[bool, typer.Option("--invite")] = False,
    feed_url: Annotated[str | None, typer.Option("--feed-url", metavar="URL")] = None,
    refresh: Annotated[str | None, typer.Option("--refresh", metavar="DURATION")] = None,
    force: Annotated[bool, typer.Option("--force")] = False,
) -> None:
    import klplan.app.values as params
    import klplan.cli.settings as settings
    from klplan.app.single import ScheduleRequest, schedule_single, school_years
    from klplan.core.errors import UsageError, Where

    outputs = _outputs(format or [ScheduleFormat.table], output or [], view)
    wants_ics = any(o.format is ScheduleFormat.ics for o in outputs)
    ics_flags = {
        "--previous": previous is not None,
        "--check": check,
        "--include-breaks": include_breaks,
        "--include-preparation": include_preparation,
        "--invite": invite,
        "--feed-url": feed_url is not None,
        "--refresh": refresh is not None,
    }
    for flag, on in ics_flags.items():
        if on and not wants_ics:
            raise UsageError("ics.only_for_ics", where=Where(flag=flag))
    if check and len(outputs) > 1:  # --check writes nothing; the other outputs would be
        raise UsageError("ics.check_alone", where=Where(flag="--check"))
    video_url = params.url(video_url)
    feed_url = params.url(feed_url, "--feed-url")
    ics = {
        "feed_url": feed_url,
        "refresh": params.refresh(refresh, default="PT12H" if feed_url else None),
        # Read before anything is written: a bad value stops the run with nothing written.
        "dtstamp": params.source_date_epoch()
        if wants_ics or any(o.format is ScheduleFormat.xlsx for o in outputs)
        else None,
        "uid_domain": params.uid_domain() if wants_ics else None,
        "today": params.fixed_today() if wants_ics else None,
        "include_breaks": include_breaks,
        "include_preparation": include_preparation,
        "invite": invite,
        "previous": previous,
        "check": check,
        "force": force,
    }

    def src(param: str, flag: str) -> params.Place:
        return settings.where(ctx, param, flag)

    # The files this run reads: no output may replace one (see output.Inputs). Not
    # --previous: the calendar a run replaces is by default the output itself.
    read: list[Path | None] = [
        plan,
        modules_file,
        cadences_file,
        calendar_file,
        Path(settings.CONFIG_FILE),
    ]
    outcome: ScheduleOutcome
    if plan is not None:
        if leader is not None:  # a plan names its leaders, each with its groups
            raise UsageError("plan.leader_with_plan", where=Where(flag="--leader"))
        given = {name: value for name, value in locals().items() if name not in ("plan", "read")}
        from klplan.cli.flags import FLAGS  # one group and one module: refused with a plan

        for name, flag in FLAGS.items():
            # Values from klplan.toml or KLPLAN_* are defaults, not flags: a plan wins.
            if given[name] is not None and settings.from_command_line(ctx, name):
                raise UsageError("plan.flag_with_plan", where=Where(flag=flag))
        from klplan.app.plan import schedule_plan
        from klplan.loaders.plan import load_plan, modules_path

        loaded = load_plan(plan, allow_outside=allow_outside)
        if loaded.spec.modules_file is not None:
            read.append(modules_path(plan, loaded.spec.modules_file))
        outcome = schedule_plan(loaded, stagger=stagger)
    else:
        leader_view = any(o.view is View.leader for o in outputs)
        needs_plan = (("--stagger", stagger), ("--view", leader_view))
        for flag, on in (*needs_plan, ("--allow-outside", allow_outside)):
            if on:
                raise UsageError("plan.flag_needs_plan", where=Where(flag=flag))
        kommun, lan = settings.region(ctx, kommun, lan)
        span = school_years(school_year, src("school_year", "--school-year"))
        req = ScheduleRequest(
            today=params.today(),
            module=module,
            modules_file=modules_file,
            cadence=cadence,
            cadences_file=cadences_file,
            kommun=kommun,
            lan=lan,
            calendar_file=calendar_file,
            school_year=span[0] if span else None,
            last_school_year=span[1] if span else None,
            start=params.week(start, "--start"),
            spring_start=params.week(spring_start, "--spring-start"),
            weekday=params.weekday(weekday, src("weekday", "--weekday")),
            time=params.clock(time, src("time", "--time")),
            duration=params.duration(duration, src("duration", "--duration")),
            leader=leader,
        )
        outcome = schedule_single(req)
    from klplan.app.meeting_place import with_meeting_place

    outcome = with_meeting_place(outcome, location, video_url)
    from klplan.files.outputs import Inputs

    _render(outcome, outputs, csv_dialect, ics, Inputs(read))


class _Output(NamedTuple):
    """One output of a run: its format, where it goes (None: stdout) and, for the
    formats that have views, what it shows."""

    format: ScheduleFormat
    path: str | None
    view: View | None


def _outputs(formats: list[ScheduleFormat], paths: list[str], view: View | None) -> list[_Output]:
    """Pair each ``-f`` with its ``-o``, in order. One format takes at most one ``-o``
    (none: stdout); several formats take one each, stdout (``-``) at most once and no
    path twice. ``--view`` goes to the formats that have views (table, html, md); one
    of those that cannot show it, or no format with views at all, is a usage error."""
    from klplan.core.errors import UsageError, Where

    if len(paths) > 1 if len(formats) == 1 else len(paths) != len(formats):
        raise UsageError(
            "usage.outputs_for_formats",
            where=Where(flag="--output"),
            formats=len(formats),
            outputs=len(paths),
        )
    if len(formats) > 1:
        if sum(p == "-" for p in paths) > 1:
            raise UsageError("usage.stdout_twice", where=Where(flag="--output"))
        seen: set[str] = set()
        for p in paths:
            key = os.path.normcase(os.path.abspath(p))
            if p != "-" and key in seen:
                raise UsageError("usage.output_twice", where=Where(flag="--output"), path=p)
            seen.add(key)
    if view is not None:
        # Checked against the formats that have views, or the one without any.
        for f in [f for f in formats if f in _VIEWS] or formats[:1]:
            if f not in _VIEWS:  # no choice to offer: say which formats have views
                raise UsageError(
                    "usage.view_without_views",
                    where=Where(flag="--view"),
                    format=f.value,
                    formats=", ".join(_VIEWS),
                )
            if view not in _VIEWS[f]:
                raise UsageError(
                    "usage.view_not_for_format",
                    where=Where(flag="--view"),
                    view=view.value,
                    format=f.value,
                    choices=", ".join(v.value for v in _VIEWS[f]),
                )
    return [
        _Output(f, paths[i] if i < len(paths) else None, _shown(f, view))
        for i, f in enumerate(formats)
    ]


# What --view can choose, per format (the first is its default): table shows any view,
# html and md are the overview; json, csv and ics carry every meeting.
_VIEWS = {
    ScheduleFormat.table: tuple(View),
    ScheduleFormat.html: (View.overview,),
    ScheduleFormat.md: (View.overview,),
}


def _shown(format: ScheduleFormat, view: View | None) -> View | None:
    """What ``format`` shows: the view asked for (``_outputs`` has checked it), else
    its default; None for the formats without views."""
    shows = _VIEWS.get(format)
    if shows is None:
        return None
    return view if view is not None else shows[0]


def _render(
    outcome: "ScheduleOutcome",
    outputs: list[_Output],
    csv_dialect: CsvDialect,
    ics: dict[str, Any],
    inputs: "Inputs",
) -> None:
    """Write every output: first lock their folders (one run at a time, see
    ``locks.locked``) and check them all (an input of the run, a file klplan did not
    write, a folder that is missing or cannot be written to), so that a refusal writes
    nothing; then the exports in the order given, and the calendar files last."""
    from klplan.files.locks import locked

    files: list[Path] = []
    folders: list[Path] = []  # -o DIR/ for calendar files, made if need be
    for o in outputs:
        if o.path is None or o.path == "-" or ics["check"]:  # --check writes nothing
            continue
        p = Path(o.path)
        if o.format is ScheduleFormat.ics and (o.path.endswith(("/", os.sep)) or p.is_dir()):
            folders.append(p)
        else:
            files.append(p.absolute().parent)
    with locked(files, make=folders):
        _checked_render(outcome, outputs, csv_dialect, ics, inputs)


def _checked_render(
    outcome: "ScheduleOutcome",
    outputs: list[_Output],
    csv_dialect: CsvDialect,
    ics: dict[str, Any],
    inputs: "Inputs",
) -> None:
    from klplan.cli.notify import report
    from klplan.files.outputs import check_output

    calendars = []
    for o in outputs:
        if o.format is ScheduleFormat.ics:
            from klplan.app.calendar_files import prepare_calendars
            from klplan.cli.calendar_files import ready
            from klplan.render.ics import IcsOptions

            options = IcsOptions(
                dtstamp=ics["dtstamp"],
                uid_domain=ics["uid_domain"],
                today=ics["today"],
                include_breaks=ics["include_breaks"],
                include_preparation=ics["include_preparation"],
                invite=ics["invite"],
                refresh=ics["refresh"],
            )
            pending = prepare_calendars(
                outcome,
                options,
                output=o.path,
                previous=ics["previous"],
                check=ics["check"],
                force=ics["force"],
                feed_url=ics["feed_url"],
                inputs=inputs,
            )
            calendars.append(ready(pending))
        elif o.format is ScheduleFormat.xlsx and (o.path is None or o.path == "-"):
            if sys.stdout.isatty():  # a workbook is binary: it would garble the terminal
                from klplan.core.errors import UsageError, Where

                raise UsageError("xlsx.needs_output", where=Where(flag="--output"))
        elif o.path is not None and o.path != "-":
            check_output(Path(o.path), o.format.value, inputs=inputs, force=ics["force"])
    # Files first, stdout last: a reader that stops early (`| head`) ends the run
    # quietly, and must not leave the files after it unwritten.
    exports = [o for o in outputs if o.format is not ScheduleFormat.ics]
    to_stdout = [o for o in exports if o.path in (None, "-")]
    for o in exports:
        if o not in to_stdout:
            _export(outcome, o, csv_dialect, ics["dtstamp"])
    code = max((c.run() for c in calendars), default=0)
    for o in to_stdout:
        _export(outcome, o, csv_dialect, ics["dtstamp"])
    # After the output is written, so that a failed write stays a one-line error.
    report(outcome.defaults_used, outcome.notices)
    if code:
        raise typer.Exit(code)


def _export(
    outcome: "ScheduleOutcome",
    out: _Output,
    csv_dialect: CsvDialect,
    created: "datetime | None" = None,
) -> None:
    """One output other than calendar files: to its file, or to stdout. ``created``
    (``SOURCE_DATE_EPOCH``) dates a workbook."""
    from klplan.cli.output import emit, emit_bytes

    path = Path(out.path) if out.path else None
    format, view = out.format, out.view
    if format is ScheduleFormat.json:
        from klplan.cli.console import progress
        from klplan.cli.output import emit_chunks
        from klplan.messages import t
        from klplan.render.json import schedule_json_chunks

        with progress(len(outcome.groups) + 2, t("progress.json")) as step:

            def chunks() -> Iterator[bytes]:
                for chunk in schedule_json_chunks(outcome):
                    yield chunk.encode("utf-8")
                    step()

            emit_chunks(chunks(), path)
    elif format is ScheduleFormat.csv:
        from klplan.render.csv import meetings_csv

        emit_bytes(meetings_csv(outcome, csv_dialect.value), path)
    elif format is ScheduleFormat.html:
        from klplan.render.html import overview_page
        from klplan.render.overview import build

        emit(overview_page(build(outcome)), path)
    elif format is ScheduleFormat.xlsx:
        from klplan.render.overview import build
        from klplan.render.xlsx import schedule_xlsx

        emit_bytes(schedule_xlsx(outcome, build(outcome), created), path)
    elif format is ScheduleFormat.md:
        from klplan.render.markdown import overview_markdown
        from klplan.render.overview import build

        emit(overview_markdown(build(outcome)), path)
    else:
        import klplan.app.values as params
        from klplan.cli.console import show

        if view is View.overview:
            from klplan.render.overview import build
            from klplan.render.year_tables import overview_picture

            overview, today = build(outcome), params.today()
            # A Stack's lines fit the console already: no cropping needed.
            show(lambda c: c.print(overview_picture(overview, today, c.width), crop=False), path)
        else:
            from klplan.render.table import render_schedule

            mode = "leader" if view is View.leader else "group"
            show(lambda c: render_schedule(outcome, c, view=mode), path)
