"""klplan as a library: plan collegial-learning meetings around Swedish school
holidays from Python, without the command line.

The functions take values and return results; none of them prints, reads the
environment (``KLPLAN_*``, ``SOURCE_DATE_EPOCH``) or exits. What went wrong is raised as
a ``KlplanError`` (one of ``InputError``, ``ScheduleError``, ``UsageError``,
``OutputError``), whose ``message()`` is one line in the current language and whose
``param`` names the parameter of the function that was wrong (``"module"``,
``"start"``), or whose ``where`` names the file, line and key. ``klplan schedule`` does
the same with flags around it::

    from klplan import api

    outcome = api.schedule_one(module="fritidshemmets-undervisning", kommun="Malmö")
    for meeting in outcome.groups[0].meetings:
        print(meeting.week, meeting.date, meeting.part)
    report = api.write_calendars(outcome, "kalendrar")

- ``load_plan(path)``: a plan file (YAML) read and checked.
- ``schedule_plan(plan)``: every group of a plan scheduled.
- ``schedule_one(module=..., kommun=..., cadence=..., start=...)``: one group, one module.
- ``school_calendar(kommun, school_year)``: a region's school year (terms, holidays).
- ``write_calendars(outcome, folder)``: a calendar file per group and per leader; a
  ``CalendarReport`` says which were written, left unchanged or cancelled.

docs/api.md shows each name with an example.
"""

from __future__ import annotations

import datetime as dt
from datetime import date, datetime
from pathlib import Path

from klplan.app.calendar_files import CalendarReport
from klplan.core.errors import (
    InputError,
    KlplanError,
    OutputError,
    ScheduleError,
    UsageError,
    Where,
)
from klplan.core.outcome import CalendarOutcome, ScheduleOutcome
from klplan.core.weeks import IsoWeek
from klplan.loaders.plan import LoadedPlan, PlanInvalid

__all__ = [
    "CalendarOutcome",
    "CalendarReport",
    "InputError",
    "KlplanError",
    "LoadedPlan",
    "OutputError",
    "PlanInvalid",
    "ScheduleError",
    "ScheduleOutcome",
    "UsageError",
    "Where",
    "load_plan",
    "schedule_one",
    "schedule_plan",
    "school_calendar",
    "write_calendars",
]


def load_plan(path: Path | str, *, allow_outside: bool = False) -> LoadedPlan:
    """Read and check a plan file (YAML: the school, its leaders, groups and their
    modules). Every problem in it is raised at once, as ``PlanInvalid`` (an
    ``InputError``) naming the file, line and key of each. A file the plan points at
    (``modules_file``) must lie in the plan's folder or below it, unless
    ``allow_outside``."""
    from klplan.loaders.plan import load_plan as load

    return load(Path(path), allow_outside=allow_outside)


def schedule_plan(
    plan: LoadedPlan | Path | str,
    *,
    stagger: bool = False,
    location: str | None = None,
    video_url: str | None = None,
) -> ScheduleOutcome:
    """Schedule every group of a plan (a ``LoadedPlan``, or the path of a plan file):
    each group's modules in order around the holidays, no leader booked twice at once
    (with ``stagger``, a leader's later groups move to another weekday or time), and
    the principal's check-ins with each leader. ``location`` and ``video_url``: where
    the groups that have no place of their own meet. A plan that cannot be scheduled
    raises ``ScheduleError``."""
    from klplan.app.plan import schedule_plan as schedule

    loaded = plan if isinstance(plan, LoadedPlan) else load_plan(plan)
    return _meeting_place(schedule(loaded, stagger=stagger), location, video_url)


def schedule_one(
    *,
    module: str | None = None,
    kommun: str | None = None,
    cadence: str | None = None,
    start: IsoWeek | str | None = None,
    spring_start: IsoWeek | str | None = None,
    school_year: int | str | None = None,
    lan: str | None = None,
    weekday: int | str | None = None,
    time: dt.time | str | None = None,
    duration: int | None = None,
    modules_file: Path | str | None = None,
    cadences_file: Path | str | None = None,
    calendar_file: Path | str | None = None,
    location: str | None = None,
    video_url: str | None = None,
    leader: str | None = None,
    today: date | None = None,
) -> ScheduleOutcome:
    """Schedule one group through one module, like ``klplan schedule`` without a plan.

    Each parameter left None is chosen as the command line chooses it, and the
    outcome's ``defaults_used`` says so: ``module`` (an id from the bundled modules or
    ``modules_file``), ``cadence`` (``cadences_file``), the region (``kommun`` by name
    or code, or ``lan``; Stockholm by default; ``calendar_file`` adds or replaces
    days), ``school_year`` (``2026`` or ``"2026/27"``: the current one on ``today``, more
    when the module does not fit; a span: ``"2026/27-2027/28"``),
    ``start`` and ``spring_start`` (``"2026-W36"`` or an ``IsoWeek``), ``weekday``
    (``"onsdag"``, ``"wednesday"`` or 1-5 as ``date.isoweekday``), ``time``
    (``"15:00"``), ``duration`` in minutes (5-480). ``leader`` names the group's
    leader (``"Anna Svensson"``): the outcome then has that ``Leader`` (its id made
    from the name, ``anna-svensson``) and the group's ``leader``, so the CSV, JSON,
    table and calendar files show them as for a plan's groups; without it the group
    has no leader. ``today`` (by default the date today) decides the default school
    year and start. A bad value raises ``UsageError`` naming its parameter (an empty
    ``leader``, one with a control character or longer than 200 characters too)."""
    import klplan.app.values as params
    from klplan.app.single import ScheduleRequest, schedule_single, school_years

    def where(param: str) -> Where:
        return Where(param=param)

    def text(value: object) -> str | None:
        return None if value is None else str(value)

    first = start if isinstance(start, IsoWeek) else params.week(text(start), where("start"))
    spring = (
        spring_start
        if isinstance(spring_start, IsoWeek)
        else params.week(text(spring_start), where("spring_start"))
    )
    day = params.weekday(text(weekday), where("weekday"))
    clock = time if isinstance(time, dt.time) else params.clock(time, where("time"))
    span = school_years(
        f"{school_year}/{school_year + 1}" if isinstance(school_year, int) else school_year,
        where("school_year"),
    )
    req = ScheduleRequest(
        today=today or date.today(),
        module=module,
        modules_file=_path(modules_file),
        cadence=cadence,
        cadences_file=_path(cadences_file),
        kommun=kommun,
        lan=lan,
        calendar_file=_path(calendar_file),
        school_year=span[0] if span else None,
        last_school_year=span[1] if span else None,
        start=first,
        spring_start=spring,
        weekday=day,
        time=clock,
        duration=params.duration(duration, where("duration")),
        leader=leader,
    )
    return _meeting_place(schedule_single(req), location, video_url)


def _path(value: Path | str | None) -> Path | None:
    return None if value is None else Path(value)


def _meeting_place(
    outcome: ScheduleOutcome, location: str | None, video_url: str | None
) -> ScheduleOutcome:
    import klplan.app.values as params
    from klplan.app.meeting_place import with_meeting_place

    video_url = params.url(video_url, Where(param="video_url"))
    return with_meeting_place(outcome, location, video_url)


def _school_year(value: int | str | None) -> int | None:
    """``2026``, ``"2026/27"`` or ``"2026/2027"``: the school year starting in 2026."""
    import klplan.app.values as params

    text = f"{value}/{value + 1}" if isinstance(value, int) else value
    return params.school_year(text, Where(param="school_year"))


def school_calendar(
    kommun: str | None = None,
    school_year: int | str | None = None,
    *,
    lan: str | None = None,
    calendar_file: Path | str | None = None,
    today: date | None = None,
) -> CalendarOutcome:
    """A region's school year: its terms, holidays (lov), red days and studiedagar,
    like ``klplan calendar``. ``kommun`` by name or code (``"Malmö"``, ``"1280"``), or
    ``lan``; Stockholm when neither is given. ``school_year`` (``2026`` or
    ``"2026/27"``): by default the current one on ``today``, or the next once it is
    over. ``calendar_file``: a YAML file of the school's own days."""
    from klplan.app.school_calendar import CalendarRequest
    from klplan.app.school_calendar import school_calendar as calendar

    req = CalendarRequest(
        today=today or date.today(),
        kommun=kommun,
        lan=lan,
        calendar_file=_path(calendar_file),
        school_year=_school_year(school_year),
    )
    return calendar(req)


def write_calendars(
    outcome: ScheduleOutcome,
    folder: Path | str,
    *,
    previous: Path | str | None = None,
    force: bool = False,
    include_breaks: bool = False,
    include_preparation: bool = False,
    invite: bool = False,
    feed_url: str | None = None,
    refresh: str | None = None,
    dtstamp: datetime | None = None,
    uid_domain: str | None = None,
) -> CalendarReport:
    """Write the outcome's calendar files (iCalendar, RFC 5545) into ``folder`` (made
    if need be): ``grupp-<id>.ics`` per group and ``ledare-<id>.ics`` per leader.

    Run again over the same folder, a file whose bytes would not change is left as it
    is; a changed meeting keeps its UID and gets a higher SEQUENCE, so subscribed
    calendars update in place; and a klplan file whose group or leader is gone is
    rewritten with its meetings cancelled. The report lists each file as written,
    unchanged or cancelled. A file there that klplan did not write is refused
    (``OutputError``) unless ``force``; nothing is written then.

    ``previous``: a folder with the files as they were (by default those in
    ``folder``). ``include_breaks``/``include_preparation``: the holidays and each
    part's preparation as events too. ``invite``: meetings as invitations from each
    group's leader. ``feed_url``: the address the folder is served at (an
    ``index.html`` with subscribe links is written too); ``refresh``: how often
    subscribers look again (``"PT12H"``). ``dtstamp`` and ``uid_domain``: DTSTAMP and
    the right-hand side of the UIDs (by default derived from the plan)."""
    import klplan.app.values as params
    from klplan.app.calendar_files import prepare_calendars
    from klplan.files.locks import locked
    from klplan.render.ics import IcsOptions

    feed_url = params.url(feed_url, Where(param="feed_url"))
    if uid_domain is not None:
        from klplan.core.parse import parse_uid_domain

        try:
            uid_domain = parse_uid_domain(uid_domain)
        except ValueError:
            where = Where(param="uid_domain")
            raise UsageError("usage.bad_uid_domain", where=where, value=uid_domain) from None
    options = IcsOptions(
        dtstamp=dtstamp,
        uid_domain=uid_domain,
        include_breaks=include_breaks,
        include_preparation=include_preparation,
        invite=invite,
        refresh=params.refresh(
            refresh, Where(param="refresh"), default="PT12H" if feed_url else None
        ),
    )
    path = Path(folder)
    with locked([], make=[path]):
        pending = prepare_calendars(
            outcome,
            options,
            output=f"{path}/",
            previous=_path(previous),
            check=False,
            force=force,
            feed_url=feed_url,
        )
        return pending.write()
