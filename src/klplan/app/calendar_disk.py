"""What is on disk where calendar files go: each file as it is (klplan's or not, its
events, its permission bits), the folder's files for a plan's calendars, and the
holiday calendar over its previous version. Nothing here prints; errors name files
and parameters, never a command-line flag."""

from __future__ import annotations

import os
import stat
from dataclasses import dataclass, field
from datetime import date, datetime
from pathlib import Path

from klplan.core.errors import InputError, OutputError, UsageError, Where
from klplan.core.models import SchoolCalendar
from klplan.core.outcome import ScheduleOutcome
from klplan.files.outputs import Inputs, probe_folder
from klplan.messages import t
from klplan.render.ics import (
    CalendarTarget,
    Change,
    IcsOptions,
    PreviousCalendar,
    ScheduleCalendars,
    legacy_file_name,
    split_targets,
)


@dataclass
class CalendarFile:
    """One calendar file of a run: what goes in it, where, and what is there now."""

    target: CalendarTarget
    path: Path
    previous: PreviousCalendar | None  # the calendar it replaces, if klplan's
    on_disk: bytes | None  # what is there now (for check)
    mode: int | None = None  # its permission bits, when there is a file
    changes: list[Change] = field(default_factory=list)  # filled in as it is rendered
    # The file on disk is what klplan would write afresh, and nothing says how it was
    # before (no previous): a regeneration leaves it as it is, unread (see Same).
    unchanged: bool = False
    stream: bool = False  # a device or FIFO: written into, never read or replaced

    @property
    def gone(self) -> bool:
        """Its group or leader is gone: every meeting in it is cancelled."""
        t = self.target
        return not (t.groups or t.checkins or t.leader is not None)


CANCEL_SUFFIX = ".avbokade.ics"


def cancel_path(path: Path) -> Path:
    """Where invitations' cancellations go (METHOD:CANCEL, one METHOD per VCALENDAR):
    ``grupp-1.ics`` → ``grupp-1.avbokade.ics``, next to it."""
    return path.with_name(path.name.removesuffix(".ics") + CANCEL_SUFFIX)


def existing(
    path: Path, inputs: Inputs | None = None
) -> tuple[bytes | None, PreviousCalendar | None, int | None]:
    """The output file as it is: its bytes, its events if it is a calendar, and its
    permission bits (``atomic_write`` keeps them; one stat per file, not two)."""
    raw, mode = on_disk(path, inputs)
    return raw, None if raw is None else _parsed(raw, path), mode


STREAM = -1  # on_disk's mode for a device or FIFO: nothing to read or keep


def on_disk(
    path: Path, inputs: Inputs | None = None, *, fifo: bool = True
) -> tuple[bytes | None, int | None]:
    """The bytes and permission bits of the file at ``path`` (None, None: no file;
    None, ``STREAM``: a device or FIFO). A file that is one of ``inputs`` is refused,
    and so is a FIFO unless ``fifo``: one in a calendar folder that nobody named
    would wait for a reader for ever (an output FIFO named itself is written into, as
    a shell redirection would)."""
    from klplan.loaders.previous_ics import MAX_ICS_BYTES
    from klplan.loaders.yamlio import read_bytes

    try:
        st = path.stat()
    except FileNotFoundError:  # nothing there, or a dangling link: replaced alike
        return None, None
    except (OSError, ValueError):
        if not path.exists():  # as exists() decides on this Python
            return None, None
        raise
    where = Where(file=str(path))
    if stat.S_ISDIR(st.st_mode):
        raise OutputError("file.unwritable", where=where, reason=t("ics.is_directory"))
    if inputs is not None:
        inputs.refuse(path, st)
    if stat.S_ISFIFO(st.st_mode) and not fifo:
        raise OutputError("file.unreadable", where=where, reason=t("file.is_pipe"))
    if stat.S_ISCHR(st.st_mode) or stat.S_ISFIFO(st.st_mode):
        return None, STREAM
    if not stat.S_ISREG(st.st_mode):
        raise OutputError("output.not_a_file", where=where)
    return read_bytes(path, str(path), MAX_ICS_BYTES, regular_only=True), st.st_mode & 0o777


def _parsed(raw: bytes, path: Path) -> PreviousCalendar | None:
    """The events of a file read from ``path``; None if it is not a calendar."""
    from klplan.loaders.previous_ics import parse_previous

    try:
        return parse_previous(raw, str(path))
    except InputError as e:
        # klplan's own file, damaged: not another program's, to overwrite with force.
        if e.key in ("ics.truncated", "ics.sequence_too_large"):
            raise
        return None


class Same:
    """Whether a file on disk has exactly the bytes klplan would write for a target
    afresh (with no previous file). Regenerating over such a file gives those bytes
    again: each of its events is read back as it was written (tests/test_previous_ics),
    so every meeting keeps its SEQUENCE and none is left over to cancel. Then the file
    need not be read as a calendar or reconciled, which took most of a nightly run
    (the groups of a plan that did not change). Rendered with calendars of its own, so
    the ones written later keep their order of use."""

    def __init__(self, outcome: ScheduleOutcome, options: IcsOptions) -> None:
        self.outcome, self.options = outcome, options
        self.calendars: ScheduleCalendars | None = None

    def __call__(self, target: CalendarTarget, raw: bytes) -> bool:
        if not raw.startswith(b"BEGIN:VCALENDAR\r\n"):  # not worth rendering for
            return False
        if self.calendars is None:
            self.calendars = ScheduleCalendars(self.outcome, self.options)
        at = 0
        for chunk in self.calendars.chunks(target):
            if not raw.startswith(chunk, at):
                return False
            at += len(chunk)
        return at == len(raw)


def calendar_file(
    target: CalendarTarget,
    path: Path,
    previous: Path | None,
    check: bool,
    force: bool,
    *,
    in_folder: bool = False,
    listed: set[str] | None = None,
    same: Same | None = None,
    inputs: Inputs | None = None,
) -> CalendarFile:
    """``listed``: the casefolded names in the file's folder, when known; a file not
    among them is not there, and is not looked for (25,000 stats in a new folder).
    ``in_folder``: the file is one of a folder's, named by klplan (its ``previous``
    is optional)."""
    from klplan.loaders.previous_ics import read_previous

    raw, mode = (
        on_disk(path, inputs, fifo=not in_folder)
        if listed is None or path.name.casefold() in listed
        else (None, None)
    )
    if mode == STREAM:
        prev = read_previous(previous)[1] if previous is not None and previous.exists() else None
        return CalendarFile(target, path, prev, None, None, stream=True)
    given = previous is not None and (not in_folder or previous.exists())
    if raw is not None and not given and same is not None and same(target, raw):
        return CalendarFile(target, path, None, raw, mode, unchanged=True)
    damaged = False  # klplan's own file, truncated: replaceable with a whole previous
    try:
        found = None if raw is None else _parsed(raw, path)
    except InputError:
        if not given:
            raise
        found, damaged = None, True
    ours = damaged or (found is not None and found.by_klplan)
    if raw is not None and not ours and not force and not check:
        raise OutputError("ics.not_klplan", where=Where(file=str(path)))
    prev = found if ours else None
    if previous is not None and given:
        prev = read_previous(previous)[1]
    return CalendarFile(target, path, prev, raw, mode)


def directory_files(
    outcome: ScheduleOutcome,
    directory: Path,
    previous: Path | None,
    check: bool,
    force: bool,
    same: Same | None = None,
    inputs: Inputs | None = None,
) -> list[CalendarFile]:
    if previous is not None and previous.exists() and not previous.is_dir():
        raise UsageError("ics.not_a_directory", where=Where(param="previous"))
    listed = _listed(directory)
    files = []
    for target in split_targets(outcome):
        name = _kept_name(directory, target, listed)
        before = previous / name if previous else None
        files.append(
            calendar_file(
                target,
                directory / name,
                before,
                check,
                force,
                in_folder=True,
                listed=listed,
                same=same,
                inputs=inputs,
            )
        )
    # A klplan calendar here whose group or leader is gone: cancel its meetings.
    names = {f.path.name for f in files}
    if directory.is_dir():
        for path in sorted([*directory.glob("grupp-*.ics"), *directory.glob("ledare-*.ics")]):
            if path.name in names or path.name.endswith(CANCEL_SUFFIX) or not path.is_file():
                continue
            raw, found, mode = existing(path, inputs)
            if found is not None and found.by_klplan:
                stem = path.name.removesuffix(".ics")
                target = CalendarTarget(stem, found.name or stem, (), ())
                files.append(CalendarFile(target, path, found, raw, mode))
    return files


def _kept_name(directory: Path, target: CalendarTarget, listed: set[str] | None) -> str:
    """The target's file name; but a folder written before klplan stopped doubling the
    prefix (``grupp-grupp-1.ics``) keeps that klplan file's name, so that staff who
    subscribed to it keep their calendar (a new folder gets ``grupp-1.ics``)."""
    old = legacy_file_name(target)
    if old is None or (listed is not None and target.file_name.casefold() in listed):
        return target.file_name
    if listed is not None and old.casefold() not in listed:
        return target.file_name
    if (directory / target.file_name).exists() or not (directory / old).is_file():
        return target.file_name
    found = existing(directory / old)[1]
    return old if found is not None and found.by_klplan else target.file_name


def _listed(directory: Path) -> set[str] | None:
    """The names in ``directory``, casefolded (so that a name differing only in case,
    the same file on some file systems, is looked at); empty when there is no
    folder yet, None when it cannot be listed (each file is then looked for)."""
    try:
        return {name.casefold() for name in os.listdir(directory)}
    except FileNotFoundError:
        return set()
    except OSError:
        return None


def holiday_calendar_file(
    calendar: SchoolCalendar,
    output: Path | None,
    *,
    dtstamp: datetime | None,
    force: bool,
    today: date | None = None,
    domain: str | None = None,
    refresh: str | None = None,
    inputs: Inputs | None = None,
) -> bytes:
    """The school holidays as all-day events, for the file ``output`` (None or ``-``:
    stdout), over its previous version (SEQUENCEs carried over, vanished days
    cancelled). A file klplan did not write is not overwritten without ``force``, and
    a folder where the file cannot be written is refused."""
    from klplan.render.ics import DEFAULT_UID_DOMAIN, holiday_calendar_bytes

    previous = None
    if output is not None and str(output) != "-":
        raw, found, mode = existing(output, inputs)
        ours = found is not None and found.by_klplan
        if raw is not None and not ours and not force:
            raise OutputError("ics.not_klplan", where=Where(file=str(output)))
        previous = found if ours else None
        if mode != STREAM:
            probe_folder(Path(os.path.realpath(output)).parent, output)
    return holiday_calendar_bytes(
        calendar,
        red_days=True,
        terms=True,
        dtstamp=dtstamp,
        previous=previous,
        today=today,
        domain=domain or DEFAULT_UID_DOMAIN,
        refresh=refresh,
    )
