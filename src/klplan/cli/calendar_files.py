"""``klplan schedule --format ics``: which calendar files to write, what each one
replaces, and ``--check``. The events and their bytes come from ``klplan.render.ics``.

- ``-o FILE`` writes one calendar; ``-o -`` (or no ``-o``) writes it to stdout, as bytes.
- ``-o DIR`` (an existing directory, or a path ending in ``/``) writes ``grupp-<id>.ics``
  per group and ``ledare-<id>.ics`` per leader; a klplan file there whose group or
  leader is gone is rewritten with all its meetings cancelled.
- The file a run replaces is its previous version (``--previous`` overrides); a file
  that klplan did not write is never overwritten without ``--force`` (exit 3).
- ``--check`` writes nothing and exits 1 when any file would change, listing how.
"""

from __future__ import annotations

import hashlib
import os
import stat
import sys
from dataclasses import dataclass, field
from datetime import date, datetime
from pathlib import Path

from klplan.cli.output import Inputs, atomic_write, new_file_mode, probe_folder
from klplan.core.errors import ExitCode, InputError, OutputError, UsageError, Where
from klplan.core.models import SchoolCalendar
from klplan.core.outcome import ScheduleOutcome
from klplan.core.parse import parse_url
from klplan.messages import t
from klplan.render.ics import (
    CalendarTarget,
    Change,
    IcsOptions,
    PreviousCalendar,
    ScheduleCalendars,
    describe_time,
    legacy_file_name,
    single_target,
    split_targets,
    valid_email,
    write_order,
)


@dataclass
class _File:
    target: CalendarTarget
    path: Path
    previous: PreviousCalendar | None
    on_disk: bytes | None  # what is there now (for --check)
    mode: int | None = None  # its permission bits, when there is a file
    changes: list[Change] = field(default_factory=list)
    # The file on disk is what klplan would write afresh, and nothing says how it was
    # before (no --previous): a regeneration leaves it as it is, unread (see _Same).
    unchanged: bool = False
    stream: bool = False  # a device or FIFO: written into, never read or replaced


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
    """Write (or with ``check`` compare) the calendar files; the exit code. The
    arguments are ``prepare_calendars``'s."""
    return prepare_calendars(
        outcome,
        options,
        output=output,
        previous=previous,
        check=check,
        force=force,
        feed_url=feed_url,
    ).run()


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
    """The calendar files up to the first byte written. ``output`` is a directory when
    it exists as one or (as typed, hence ``str``) ends in ``/``. Every refusal (a file
    klplan did not write, a missing directory, a bad link, invitations without
    e-mail, an input of the run, a folder that cannot be written to) is raised here,
    so that a run with several outputs writes none of them. ``feed_url`` (a directory
    only): the address the folder is served at; an ``index.html`` with subscribe links
    is written there too."""
    from klplan.loaders.previous_ics import read_previous

    _check_groups(outcome, options)
    directory = output is not None and (
        Path(output).is_dir() or str(output).endswith(("/", os.sep))
    )
    if feed_url is not None and not directory:
        raise UsageError("ics.feed_needs_directory", where=Where(flag="--feed-url"))
    if output is None or str(output) == "-":
        if check:
            raise UsageError("ics.check_needs_output", where=Where(flag="--check"))
        prev = read_previous(previous)[1] if previous else None
        return PendingCalendars(ScheduleCalendars(outcome, options), to_stdout=True, previous=prev)
    path = Path(output)
    same = _Same(outcome, options)
    inputs = inputs if inputs is not None else Inputs()
    index = None
    if directory:
        files = _directory_files(
            outcome, path, previous, check=check, force=force, same=same, inputs=inputs
        )
        if feed_url is not None:
            index = _feed_index(outcome, path, feed_url, files, check=check, force=force)
        if not check:
            _probe_directory(path)
    else:
        files = [
            _file(
                single_target(outcome),
                path,
                previous,
                check=check,
                force=force,
                same=same,
                inputs=inputs,
            )
        ]
        if not check and not (files[0].stream or files[0].unchanged):
            probe_folder(Path(os.path.realpath(path)).parent, path)
    calendars = ScheduleCalendars(outcome, options)
    calendars.expect(f.target for f in files if not f.unchanged)
    return PendingCalendars(calendars, files, path if directory else None, check, index=index)


@dataclass
class PendingCalendars:
    """Calendar files checked and ready to write (``prepare_calendars``); ``run``
    writes them, or compares them (``check``), or writes the one calendar to stdout
    (``to_stdout``; ``previous`` the calendar it replaces, if any)."""

    calendars: ScheduleCalendars
    files: list[_File] = field(default_factory=list)
    directory: Path | None = None
    check: bool = False
    to_stdout: bool = False
    previous: PreviousCalendar | None = None
    index: _Index | None = None  # the feed folder's index.html (--feed-url)

    def run(self) -> int:
        """Write (or compare); the exit code."""
        calendars, files = self.calendars, self.files
        if self.to_stdout:
            target = single_target(calendars.outcome)
            cancelled: list[bytes] = []
            chunks = calendars.chunks(target, previous=self.previous, cancelled=cancelled)
            sys.stdout.flush()
            for chunk in chunks:  # bytes: no newline translation on Windows
                sys.stdout.buffer.write(chunk)
            if cancelled:  # --invite: the cancellations, a VCALENDAR of their own
                sys.stdout.buffer.write(_cancel_bytes(calendars, target, cancelled))
            sys.stdout.buffer.flush()
            return 0
        if self.check:
            return _check(calendars, files, self.index)
        if self.directory is not None:
            try:
                self.directory.mkdir(parents=True, exist_ok=True)
            except OSError as e:
                raise OutputError(
                    "file.unwritable", where=Where(file=str(self.directory)), reason=e.strerror
                ) from None
        _write(calendars, files)
        if self.index is not None:
            self.index.write()
        return 0


def _probe_directory(directory: Path) -> None:
    """An -o DIR/ that cannot be written to is refused before anything is written;
    one not made yet, in its nearest existing parent (where it will be made)."""
    folder = Path(os.path.realpath(directory))
    while not folder.exists() and folder != folder.parent:
        folder = folder.parent
    probe_folder(folder, directory)


def _write(calendars: ScheduleCalendars, files: list[_File]) -> None:
    from klplan.cli.console import progress

    new_file = new_file_mode()
    written = [False] * len(files)
    said = 0  # files[:said] have had their changes said, in file order
    try:
        with progress(len(files), t("progress.calendar_files")) as step:
            for i in write_order([f.target for f in files]):
                f = files[i]
                # A file whose bytes would not change is left as it is: a nightly
                # regeneration then touches only the calendars that did change (their
                # times, for servers and sync tools, and no renames). ``unchanged``
                # ones were compared before anything was written.
                if not f.unchanged:
                    cancelled: list[bytes] = []
                    chunks = calendars.chunks(
                        f.target, previous=f.previous, changes=f.changes, cancelled=cancelled
                    )
                    if f.on_disk is None:
                        atomic_write(f.path, chunks, mode=new_file)
                    else:
                        data = b"".join(chunks)
                        if data != f.on_disk:
                            atomic_write(f.path, data, mode=f.mode)
                    if cancelled:
                        data = _cancel_bytes(calendars, f.target, cancelled)
                        atomic_write(cancel_path(f.path), data, mode=new_file)
                written[i] = True
                step()
                while said < len(files) and written[said]:
                    _say_changes(files[said])
                    said += 1
    finally:  # after a failure, what the files already written changed
        for f, done in zip(files[said:], written[said:], strict=True):
            if done:
                _say_changes(f)


CANCEL_SUFFIX = ".avbokade.ics"


def cancel_path(path: Path) -> Path:
    """Where ``--invite`` writes a calendar's cancellations (METHOD:CANCEL, one
    METHOD per VCALENDAR): ``grupp-1.ics`` → ``grupp-1.avbokade.ics``, next to it."""
    return path.with_name(path.name.removesuffix(".ics") + CANCEL_SUFFIX)


def _cancel_bytes(
    calendars: ScheduleCalendars, target: CalendarTarget, events: list[bytes]
) -> bytes:
    from klplan.render.ics import cancel_calendar

    return cancel_calendar(target.name, events, refresh=calendars.options.refresh)


def _say_changes(f: _File) -> None:
    if f.previous is not None and f.changes:
        _say(_summary_of_changes(f))


def _check_groups(outcome: ScheduleOutcome, options: IcsOptions) -> None:
    """Refuse what would make a broken file before anything is written."""
    for g in outcome.groups:
        if g.video_url:
            try:
                parse_url(g.video_url)
            except ValueError:
                raise InputError(
                    "usage.bad_url", where=Where(key=f"groups.{g.id}.video_url"), value=g.video_url
                ) from None
    if not options.invite:
        return
    emails = {x.id: x.email for x in outcome.leaders if x.email and valid_email(x.email)}
    missing = [g for g in outcome.groups if not (g.leader and g.leader in emails)]
    if len(missing) == len(outcome.groups):
        raise UsageError("ics.invite_no_email", where=Where(flag="--invite"))
    for g in missing:
        _say(f"{t('warning.prefix')}: {t('ics.invite_missing', group=g.name or g.id)}")


def _out(text: str) -> None:
    """A line of ``--check`` on stdout: file paths and names from the plan, with control
    characters escaped."""
    from klplan.cli.console import printable

    print(printable(text))


def _say(text: str) -> None:
    from klplan.cli.notify import say

    say(text)  # the one writer of notices: --quiet silences it


def _existing(
    path: Path, inputs: Inputs | None = None
) -> tuple[bytes | None, PreviousCalendar | None, int | None]:
    """The output file as it is: its bytes, its events if it is a calendar, and its
    permission bits (``atomic_write`` keeps them; one stat per file, not two)."""
    raw, mode = _on_disk(path, inputs)
    return raw, None if raw is None else _parsed(raw, path), mode


_STREAM = -1  # _on_disk's mode for a device or FIFO: nothing to read or keep


def _on_disk(
    path: Path, inputs: Inputs | None = None, *, fifo: bool = True
) -> tuple[bytes | None, int | None]:
    """The bytes and permission bits of the file at ``path`` (None, None: no file;
    None, ``_STREAM``: a device or FIFO). A file that is one of ``inputs`` is refused,
    and so is a FIFO unless ``fifo``: one in a calendar folder that nobody named on the
    command line would wait for a reader for ever (``-o FIFO`` itself is written into,
    as a shell redirection would)."""
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
    if stat.S_ISDIR(st.st_mode):
        raise OutputError(
            "file.unwritable", where=Where(file=str(path)), reason=t("ics.is_directory")
        )
    if inputs is not None:
        inputs.refuse(path, st)
    if stat.S_ISFIFO(st.st_mode) and not fifo:
        raise OutputError("file.unreadable", where=Where(file=str(path)), reason=t("file.is_pipe"))
    if stat.S_ISCHR(st.st_mode) or stat.S_ISFIFO(st.st_mode):
        return None, _STREAM
    if not stat.S_ISREG(st.st_mode):
        raise OutputError("output.not_a_file", where=Where(file=str(path)))
    return read_bytes(path, str(path), MAX_ICS_BYTES, regular_only=True), st.st_mode & 0o777


def _parsed(raw: bytes, path: Path) -> PreviousCalendar | None:
    """The events of a file read from ``path``; None if it is not a calendar."""
    from klplan.loaders.previous_ics import parse_previous

    try:
        return parse_previous(raw, str(path))
    except InputError as e:
        # klplan's own file, damaged: not another program's, to overwrite with --force.
        if e.key in ("ics.truncated", "ics.sequence_too_large"):
            raise
        return None


class _Same:
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


def _file(
    target: CalendarTarget,
    path: Path,
    previous: Path | None,
    *,
    check: bool,
    force: bool,
    previous_optional: bool = False,
    listed: set[str] | None = None,
    same: _Same | None = None,
    inputs: Inputs | None = None,
) -> _File:
    """``listed``: the casefolded names in the file's directory, when known; a file not
    among them is not there, and is not looked for (25,000 stats in a new directory).
    ``previous_optional``: the file is one of an ``-o DIR/``'s, named by klplan."""
    from klplan.loaders.previous_ics import read_previous

    on_disk, mode = (
        _on_disk(path, inputs, fifo=not previous_optional)
        if listed is None or path.name.casefold() in listed
        else (None, None)
    )
    if mode == _STREAM:
        prev = read_previous(previous)[1] if previous is not None and previous.exists() else None
        return _File(target, path, prev, None, None, stream=True)
    given = previous is not None and (not previous_optional or previous.exists())
    if on_disk is not None and not given and same is not None and same(target, on_disk):
        return _File(target, path, None, on_disk, mode, unchanged=True)
    damaged = False  # klplan's own file, truncated: replaceable with a whole --previous
    try:
        existing = None if on_disk is None else _parsed(on_disk, path)
    except InputError:
        if not given:
            raise
        existing, damaged = None, True
    ours = damaged or (existing is not None and existing.by_klplan)
    if on_disk is not None and not ours and not force and not check:
        raise OutputError("ics.not_klplan", where=Where(file=str(path)))
    prev = existing if ours else None
    if previous is not None and given:
        prev = read_previous(previous)[1]
    return _File(target, path, prev, on_disk, mode)


def _directory_files(
    outcome: ScheduleOutcome,
    directory: Path,
    previous: Path | None,
    *,
    check: bool,
    force: bool,
    same: _Same | None = None,
    inputs: Inputs | None = None,
) -> list[_File]:
    if previous is not None and previous.exists() and not previous.is_dir():
        raise UsageError("ics.not_a_directory", where=Where(flag="--previous"))
    targets = split_targets(outcome)
    listed = _listed(directory)
    files = []
    for target in targets:
        name = _kept_name(directory, target, listed)
        files.append(
            _file(
                target,
                directory / name,
                previous / name if previous else None,
                check=check,
                force=force,
                previous_optional=True,
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
            on_disk, existing, mode = _existing(path, inputs)
            if existing is not None and existing.by_klplan:
                stem = path.name.removesuffix(".ics")
                target = CalendarTarget(stem, existing.name or stem, (), ())
                files.append(_File(target, path, existing, on_disk, mode))
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
    existing = _existing(directory / old)[1]
    return old if existing is not None and existing.by_klplan else target.file_name


@dataclass
class _Index:
    """The feed folder's ``index.html``: what it should be and what is there."""

    path: Path
    data: bytes
    on_disk: bytes | None
    mode: int | None

    def write(self) -> None:
        if self.data != self.on_disk:
            atomic_write(self.path, self.data, mode=self.mode or new_file_mode())

    def check(self) -> int:
        """For ``--check``: 1 (and a line saying so) when the page would change."""
        if self.data == self.on_disk:
            return 0
        key = "ics.check_changed" if self.on_disk is not None else "ics.index_missing"
        print(t(key, file=self.path))
        return 1


def _feed_index(
    outcome: ScheduleOutcome,
    directory: Path,
    feed_url: str,
    files: list[_File],
    *,
    check: bool,
    force: bool,
) -> _Index:
    """The index.html of the calendars in ``files`` (not those of groups that are
    gone); a page there that klplan did not write is refused without ``force``."""
    from klplan.render.feed import GENERATOR, FeedEntry, feed_index_page
    from klplan.render.ics import _years

    cal = outcome.calendar
    entries = [
        FeedEntry(f.target.name, f.path.name, f.target.leader is not None)
        for f in files
        if f.target.groups or f.target.checkins or f.target.leader is not None
    ]
    title = t("ics.name_plan", region=cal.region.name, years=_years(cal))
    path = directory / "index.html"
    raw, mode = _on_disk(path)
    if raw is not None and GENERATOR.encode() not in raw and not force and not check:
        raise OutputError("ics.index_not_klplan", where=Where(file=str(path)))
    return _Index(path, feed_index_page(title, feed_url, entries), raw, mode)


def _listed(directory: Path) -> set[str] | None:
    """The names in ``directory``, casefolded (so that a name differing only in case,
    the same file on some file systems, is looked at); empty when there is no
    directory yet, None when it cannot be listed (each file is then looked for)."""
    try:
        return {name.casefold() for name in os.listdir(directory)}
    except FileNotFoundError:
        return set()
    except OSError:
        return None


def _check(calendars: ScheduleCalendars, files: list[_File], index: _Index | None = None) -> int:
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
    drift = 0
    for f, (digest, events) in zip(files, rendered, strict=True):
        if f.on_disk is not None and hashlib.sha256(f.on_disk).digest() == digest:
            continue
        drift += 1
        if f.on_disk is None:
            _out(t("ics.check_missing", file=f.path, count=events))
            continue
        _out(t("ics.check_changed", file=f.path))
        if f.previous is None:
            _out("  " + t("ics.not_klplan"))
        for change in f.changes:
            _out(describe_change(change))
        if f.previous is not None and not f.changes:
            _out(t("ics.check_bytes_only"))
    if index is not None:
        drift += index.check()
    if drift:
        _say(t("ics.check_drift", count=drift))
        return ExitCode.DRIFT
    _say(t("ics.check_ok", count=len(files)))
    return 0


def describe_change(change: Change) -> str:
    """One line of ``--check``: what happened to which meeting, old and new time."""
    return t(
        f"ics.change.{change.kind}",
        summary=change.summary,
        old=describe_time(change.old) if change.old else "",
        new=describe_time(change.new),
    )


def _summary_of_changes(f: _File) -> str:
    count = {kind: 0 for kind in ("added", "moved", "changed", "cancelled")}
    for change in f.changes:
        count[change.kind] += 1
    return t("ics.regenerated", file=f.path, **count)


def write_holiday_calendar(
    calendar: SchoolCalendar,
    output: Path | None,
    *,
    dtstamp: datetime | None,
    force: bool,
    today: date | None = None,
    domain: str | None = None,
    refresh: str | None = None,
    inputs: Inputs | None = None,
) -> None:
    """``klplan calendar --format ics``: the school holidays as all-day events, over
    the previous file of the same name (SEQUENCEs carried over, vanished days cancelled);
    a file klplan did not write is not overwritten without ``force``."""
    from klplan.cli.output import emit_bytes
    from klplan.render.ics import DEFAULT_UID_DOMAIN, holiday_calendar_bytes

    previous = None
    if output is not None and str(output) != "-":
        on_disk, existing, mode = _existing(output, inputs)
        ours = existing is not None and existing.by_klplan
        if on_disk is not None and not ours and not force:
            raise OutputError("ics.not_klplan", where=Where(file=str(output)))
        previous = existing if ours else None
        if mode != _STREAM:
            probe_folder(Path(os.path.realpath(output)).parent, output)
    data = holiday_calendar_bytes(
        calendar,
        red_days=True,
        terms=True,
        dtstamp=dtstamp,
        previous=previous,
        today=today,
        domain=domain or DEFAULT_UID_DOMAIN,
        refresh=refresh,
    )
    emit_bytes(data, output)
