"""``klplan schedule --format ics``: the calendar files, said on the terminal. Which
files, what each replaces and ``--check``'s comparison are ``klplan.app.calendar_files``;
this writes a calendar to stdout and says what changed.

- ``-o FILE`` writes one calendar; ``-o -`` (or no ``-o``) writes it to stdout, as bytes.
- ``-o DIR`` (an existing directory, or a path ending in ``/``) writes ``grupp-<id>.ics``
  per group and ``ledare-<id>.ics`` per leader; a klplan file there whose group or
  leader is gone is rewritten with all its meetings cancelled.
- The file a run replaces is its previous version (``--previous`` overrides); a file
  that klplan did not write is never overwritten without ``--force`` (exit 3).
- ``--check`` writes nothing and exits 4 when any file would change, listing how.
"""

from __future__ import annotations

import sys
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any

from klplan.cli.notify import say
from klplan.cli.text import printable
from klplan.core.errors import ExitCode
from klplan.messages import t

if TYPE_CHECKING:
    from klplan.app.calendar_disk import CalendarFile
    from klplan.app.calendar_files import CheckReport, PendingCalendars
    from klplan.core.models import SchoolCalendar
    from klplan.core.outcome import ScheduleOutcome
    from klplan.render.ics import Change, IcsOptions


def write_calendars(
    outcome: ScheduleOutcome,
    options: IcsOptions,
    *,
    output: Path | str | None,
    previous: Path | None,
    check: bool,
    force: bool,
    feed_url: str | None = None,
) -> int:
    """Write (or with ``check`` compare) the calendar files, saying what changed; the
    exit code. The arguments are ``klplan.app.calendar_files.prepare_calendars``'s."""
    from klplan.app.calendar_files import prepare_calendars

    pending = prepare_calendars(
        outcome,
        options,
        output=output,
        previous=previous,
        check=check,
        force=force,
        feed_url=feed_url,
    )
    return ready(pending).run()


def ready(pending: PendingCalendars) -> CalendarRun:
    """Calendar files checked and ready to write (see
    ``klplan.app.calendar_files.prepare_calendars``); the groups that get no
    invitation are said at once."""
    for group in pending.no_email:
        say(f"{t('warning.prefix')}: {t('ics.invite_missing', group=group)}")
    return CalendarRun(pending)


@dataclass
class CalendarRun:
    """Calendar files ready to write; ``run`` writes them (or compares them)."""

    pending: PendingCalendars

    def run(self) -> int:
        """Write (or compare), saying what changed; the exit code."""
        pending = self.pending
        if pending.to_stdout:
            sys.stdout.flush()
            for chunk in pending.chunks():  # bytes: no newline translation on Windows
                sys.stdout.buffer.write(chunk)
            sys.stdout.buffer.flush()
            return 0
        if pending.check:
            return _say_check(pending.compare())
        from klplan.cli.console import progress

        with progress(len(pending.files), t("progress.calendar_files")) as step:
            pending.write(step=step, done=_say_changes)
        return 0


def _say_changes(f: CalendarFile) -> None:
    if f.previous is not None and f.changes:
        count = {kind: 0 for kind in ("added", "moved", "changed", "cancelled")}
        for change in f.changes:
            count[change.kind] += 1
        say(t("ics.regenerated", file=f.path, **count))


def _out(text: str) -> None:
    """A line of ``--check`` on stdout: file paths and names from the plan, with control
    characters escaped."""
    print(printable(text))


def _say_check(report: CheckReport) -> int:
    """``--check``: each file that would change and how, on stdout; the verdict on
    stderr; exit 4 when anything would change."""
    for d in report.drift:
        if d.missing:
            _out(t("ics.check_missing", file=d.path, count=d.events))
            continue
        _out(t("ics.check_changed", file=d.path))
        if not d.ours:
            _out("  " + t("ics.not_klplan"))
        for change in d.changes:
            _out(describe_change(change))
        if d.ours and not d.changes:
            _out(t("ics.check_bytes_only"))
    drift = len(report.drift)
    if report.index is not None:
        key = "ics.index_missing" if report.index_missing else "ics.check_changed"
        print(t(key, file=report.index))
        drift += 1
    if drift:
        say(t("ics.check_drift", count=drift))
        return ExitCode.DRIFT
    say(t("ics.check_ok", count=report.count))
    return 0


def describe_change(change: Change) -> str:
    """One line of ``--check``: what happened to which meeting, old and new time."""
    from klplan.render.ics import describe_time

    return t(
        f"ics.change.{change.kind}",
        summary=change.summary,
        old=describe_time(change.old) if change.old else "",
        new=describe_time(change.new),
    )


def write_holiday_calendar(calendar: SchoolCalendar, output: Path | None, **options: Any) -> None:
    """``klplan calendar --format ics``: the school holidays as all-day events, to
    ``output`` or stdout; ``options`` are those of
    ``klplan.app.calendar_disk.holiday_calendar_file``."""
    from klplan.app.calendar_disk import holiday_calendar_file
    from klplan.cli.output import emit_bytes

    emit_bytes(holiday_calendar_file(calendar, output, **options), output)
