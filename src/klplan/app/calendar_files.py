"""Calendar files of a schedule: which files to write, what each one replaces, and
whether they are current. The events and their bytes come from ``klplan.render.ics``.

- One file gets every calendar of the outcome; a folder gets ``grupp-<id>.ics`` per
  group and ``ledare-<id>.ics`` per leader, and a klplan file there whose group or
  leader is gone is rewritten with all its meetings cancelled.
- The file a run replaces is its previous version (``previous`` overrides); a file that
  klplan did not write is never overwritten without ``force``.
- ``check`` writes nothing: it compares, and says how each file would change.

Values in, a report out: nothing here prints, and errors name the parameter
(``previous``, ``invite``), never a command-line flag.
"""

from __future__ import annotations

import hashlib
import os
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from pathlib import Path

from klplan.app.calendar_disk import (
    CalendarFile,
    Same,
    calendar_file,
    cancel_path,
    directory_files,
    on_disk,
)
from klplan.core.errors import InputError, OutputError, UsageError, Where
from klplan.core.outcome import ScheduleOutcome
from klplan.core.parse import parse_url
from klplan.files.atomic import atomic_write, new_file_mode
from klplan.files.outputs import Inputs, probe_folder
from klplan.messages import t
from klplan.render.ics import (
    CalendarTarget,
    Change,
    IcsOptions,
    PreviousCalendar,
    ScheduleCalendars,
    single_target,
    valid_email,
    write_order,
)


@dataclass(frozen=True)
class CalendarReport:
    """What writing calendar files did. Each file is in exactly one list: ``cancelled``
    (a klplan file whose group or leader is gone, its meetings cancelled), else
    ``written`` (new or with other bytes) or ``unchanged`` (left as it was)."""

    written: tuple[Path, ...] = ()
    unchanged: tuple[Path, ...] = ()
    cancelled: tuple[Path, ...] = ()
    # How the meetings changed, per file that replaced one of klplan's.
    changes: dict[Path, tuple[Change, ...]] = field(default_factory=dict)
    # Groups whose leader has no e-mail address (``invite``): they get no invitation.
    no_email: tuple[str, ...] = ()


@dataclass(frozen=True)
class FileDrift:
    """A file that ``check`` found would change."""

    path: Path
    missing: bool  # there is no file yet
    events: int  # the events klplan would write
    ours: bool  # the file there is klplan's (its changes are known)
    changes: tuple[Change, ...] = ()


@dataclass(frozen=True)
class CheckReport:
    """What ``check`` found: the files that would change, in file order, of ``count``."""

    count: int
    drift: tuple[FileDrift, ...] = ()
    index: Path | None = None  # the feed's index.html, when it would change
    index_missing: bool = False


def prepare_calendars(
    outcome: ScheduleOutcome,
    options: IcsOptions,
    *,
    output: Path | str | None,
    previous: Path | None,
    check: bool,
    force: bool,
    feed_url: str | None = None,
    inputs: Inputs | None = None,
) -> PendingCalendars:
    """The calendar files up to the first byte written. ``output`` is a folder when it
    exists as one or (as typed, hence ``str``) ends in ``/``; None or ``-``: one
    calendar for stdout. Every refusal (a file klplan did not write, a missing folder,
    a bad link, invitations without e-mail, an input of the run, a folder that cannot
    be written to) is raised here, so that a run with several outputs writes none of
    them. ``feed_url`` (a folder only): the address the folder is served at; an
    ``index.html`` with subscribe links is written there too."""
    from klplan.loaders.previous_ics import read_previous

    no_email = _check_groups(outcome, options)
    directory = output is not None and (
        Path(output).is_dir() or str(output).endswith(("/", os.sep))
    )
    if feed_url is not None and not directory:
        raise UsageError("ics.feed_needs_directory", where=Where(param="feed_url"))
    if output is None or str(output) == "-":
        if check:
            raise UsageError("ics.check_needs_output", where=Where(param="check"))
        prev = read_previous(previous)[1] if previous else None
        calendars = ScheduleCalendars(outcome, options)
        return PendingCalendars(calendars, to_stdout=True, previous=prev, no_email=no_email)
    path = Path(output)
    same = Same(outcome, options)
    inputs = inputs if inputs is not None else Inputs()
    index = None
    if directory:
        files = directory_files(outcome, path, previous, check, force, same, inputs)
        if feed_url is not None:
            index = _feed_index(outcome, path, feed_url, files, check=check, force=force)
        if not check:
            _probe_directory(path)
    else:
        target = single_target(outcome)
        files = [calendar_file(target, path, previous, check, force, same=same, inputs=inputs)]
        if not check and not (files[0].stream or files[0].unchanged):
            probe_folder(Path(os.path.realpath(path)).parent, path)
    calendars = ScheduleCalendars(outcome, options)
    calendars.expect(f.target for f in files if not f.unchanged)
    folder = path if directory else None
    return PendingCalendars(calendars, files, folder, check, index=index, no_email=no_email)


@dataclass
class PendingCalendars:
    """Calendar files checked and ready to write (``prepare_calendars``): ``write``
    writes them, ``check`` compares them, and for stdout (``to_stdout``) ``chunks``
    gives the one calendar's bytes (``previous``: the calendar it replaces, if any)."""

    calendars: ScheduleCalendars
    files: list[CalendarFile] = field(default_factory=list)
    directory: Path | None = None
    check: bool = False
    to_stdout: bool = False
    previous: PreviousCalendar | None = None
    index: FeedIndex | None = None  # the feed folder's index.html (feed_url)
    no_email: tuple[str, ...] = ()  # groups that get no invitation (see CalendarReport)

    def chunks(self) -> Iterator[bytes]:
        """The one calendar (for stdout), then with ``invite`` its cancellations, a
        VCALENDAR of their own."""
        calendars = self.calendars
        target = single_target(calendars.outcome)
        cancelled: list[bytes] = []
        yield from calendars.chunks(target, previous=self.previous, cancelled=cancelled)
        if cancelled:
            yield _cancel_bytes(calendars, target, cancelled)

    def write(
        self,
        *,
        step: Callable[[], None] | None = None,
        done: Callable[[CalendarFile], None] | None = None,
    ) -> CalendarReport:
        """Write the files (a file whose bytes would not change is left as it is).
        ``step`` is called after each file written; ``done`` with each file, in file
        order, once it and the files before it are written (also after a failure, for
        the files written until then), so that what changed can be said as it
        happens."""
        if self.directory is not None:
            try:
                self.directory.mkdir(parents=True, exist_ok=True)
            except OSError as e:
                where = Where(file=str(self.directory))
                raise OutputError("file.unwritable", where=where, reason=e.strerror) from None
        changed = _write(self.calendars, self.files, step or _nothing, done or _nothing)
        lists: dict[str, list[Path]] = {"written": [], "unchanged": [], "cancelled": []}
        for f, new in zip(self.files, changed, strict=True):
            lists["cancelled" if f.gone else "written" if new else "unchanged"].append(f.path)
        if self.index is not None:
            lists["written" if self.index.write() else "unchanged"].append(self.index.path)
        return CalendarReport(
            **{name: tuple(paths) for name, paths in lists.items()},
            changes={f.path: tuple(f.changes) for f in self.files if f.previous is not None},
            no_email=self.no_email,
        )

    def compare(self) -> CheckReport:
        """What writing would change, nothing written."""
        index = self.index
        stale = index is not None and index.data != index.on_disk
        return CheckReport(
            count=len(self.files),
            drift=_compare(self.calendars, self.files),
            index=index.path if index is not None and stale else None,
            index_missing=stale and index is not None and index.on_disk is None,
        )


def _nothing(*args: object) -> None:
    pass


def _probe_directory(directory: Path) -> None:
    """A folder that cannot be written to is refused before anything is written; one
    not made yet, in its nearest existing parent (where it will be made)."""
    folder = Path(os.path.realpath(directory))
    while not folder.exists() and folder != folder.parent:
        folder = folder.parent
    probe_folder(folder, directory)


def _write(
    calendars: ScheduleCalendars,
    files: list[CalendarFile],
    step: Callable[[], None],
    done: Callable[[CalendarFile], None],
) -> list[bool]:
    """Write ``files`` in write order; for each, whether its bytes were written."""
    new_file = new_file_mode()
    written = [False] * len(files)
    changed = [False] * len(files)
    said = 0  # files[:said] have been passed to done, in file order
    try:
        for i in write_order([f.target for f in files]):
            f = files[i]
            # A file whose bytes would not change is left as it is: a nightly
            # regeneration then touches only the calendars that did change (their
            # times, for servers and sync tools, and no renames). ``unchanged`` ones
            # were compared before anything was written.
            if not f.unchanged:
                cancelled: list[bytes] = []
                chunks = calendars.chunks(
                    f.target, previous=f.previous, changes=f.changes, cancelled=cancelled
                )
                if f.on_disk is None:
                    atomic_write(f.path, chunks, mode=new_file)
                    changed[i] = True
                else:
                    data = b"".join(chunks)
                    if data != f.on_disk:
                        atomic_write(f.path, data, mode=f.mode)
                        changed[i] = True
                if cancelled:
                    data = _cancel_bytes(calendars, f.target, cancelled)
                    atomic_write(cancel_path(f.path), data, mode=new_file)
            written[i] = True
            step()
            while said < len(files) and written[said]:
                done(files[said])
                said += 1
    finally:  # after a failure, the files already written
        for f, was in zip(files[said:], written[said:], strict=True):
            if was:
                done(f)
    return changed


def _cancel_bytes(
    calendars: ScheduleCalendars, target: CalendarTarget, events: list[bytes]
) -> bytes:
    from klplan.render.ics import cancel_calendar

    return cancel_calendar(target.name, events, refresh=calendars.options.refresh)


def _check_groups(outcome: ScheduleOutcome, options: IcsOptions) -> tuple[str, ...]:
    """Refuse what would make a broken file before anything is written; the groups
    that get no invitation (their leader has no e-mail address)."""
    for g in outcome.groups:
        if g.video_url:
            try:
                parse_url(g.video_url)
            except ValueError:
                where = Where(key=f"groups.{g.id}.video_url")
                raise InputError("usage.bad_url", where=where, value=g.video_url) from None
    if not options.invite:
        return ()
    emails = {x.id: x.email for x in outcome.leaders if x.email and valid_email(x.email)}
    missing = [g for g in outcome.groups if not (g.leader and g.leader in emails)]
    if len(missing) == len(outcome.groups):
        raise UsageError("ics.invite_no_email", where=Where(param="invite"))
    return tuple(g.name or g.id for g in missing)


@dataclass
class FeedIndex:
    """The feed folder's ``index.html``: what it should be and what is there."""

    path: Path
    data: bytes
    on_disk: bytes | None
    mode: int | None

    def write(self) -> bool:
        """Write the page if it would change; whether it did."""
        if self.data == self.on_disk:
            return False
        atomic_write(self.path, self.data, mode=self.mode or new_file_mode())
        return True


def _feed_index(
    outcome: ScheduleOutcome,
    directory: Path,
    feed_url: str,
    files: list[CalendarFile],
    *,
    check: bool,
    force: bool,
) -> FeedIndex:
    """The index.html of the calendars in ``files`` (not those of groups that are
    gone); a page there that klplan did not write is refused without ``force``."""
    from klplan.render.feed import GENERATOR, FeedEntry, feed_index_page
    from klplan.render.ics import _years

    cal = outcome.calendar
    entries = [
        FeedEntry(f.target.name, f.path.name, f.target.leader is not None)
        for f in files
        if not f.gone
    ]
    title = t("ics.name_plan", region=cal.region.name, years=_years(cal))
    path = directory / "index.html"
    raw, mode = on_disk(path)
    if raw is not None and GENERATOR.encode() not in raw and not force and not check:
        raise OutputError("ics.index_not_klplan", where=Where(file=str(path)))
    return FeedIndex(path, feed_index_page(title, feed_url, entries), raw, mode)


def _compare(calendars: ScheduleCalendars, files: list[CalendarFile]) -> tuple[FileDrift, ...]:
    # Rendered in write order (each leader's calendar after its groups'), then
    # listed in file order.
    rendered: list[tuple[bytes, int]] = [(b"", 0)] * len(files)
    for i in write_order([f.target for f in files]):
        f = files[i]
        if f.unchanged:
            rendered[i] = hashlib.sha256(f.on_disk or b"").digest(), 0
            continue
        digest = hashlib.sha256()
        events = 0
        for chunk in calendars.chunks(f.target, previous=f.previous, changes=f.changes):
            digest.update(chunk)
            events += chunk.count(b"BEGIN:VEVENT\r\n")
        rendered[i] = digest.digest(), events
    return tuple(
        FileDrift(f.path, f.on_disk is None, events, f.previous is not None, tuple(f.changes))
        for f, (digest, events) in zip(files, rendered, strict=True)
        if f.on_disk is None or hashlib.sha256(f.on_disk).digest() != digest
    )
