"""What an output may replace: never an input of the run, never a file without
klplan's marker unless forced, never a folder that cannot be written."""

from __future__ import annotations

import contextlib
import errno
import os
import re
import stat
from collections.abc import Iterable
from pathlib import Path

from klplan.core.errors import OutputError, Where
from klplan.files.atomic import is_stream, temporary

# --- What an output may replace (one run at a time per folder: klplan.files.locks) ---


class Inputs:
    """The files a run reads (plan, modules, cadences, calendar, klplan.toml; not
    --previous, the calendar the output replaces), by identity: (st_dev, st_ino) sees
    through symbolic and hard links, which comparing paths does not. No output may be
    one of them, even with --force."""

    def __init__(self, paths: Iterable[Path | str | None] = ()) -> None:
        self.files: dict[tuple[int, int], str] = {}
        for p in paths:
            if p is None or str(p) == "-":
                continue
            try:
                st = os.stat(p)
            except (OSError, ValueError):
                continue  # not there: the loader says so, or it is optional
            if stat.S_ISREG(st.st_mode):
                self.files.setdefault((st.st_dev, st.st_ino), str(p))

    def refuse(self, path: Path, st: os.stat_result) -> None:
        """Raise if the file ``path`` (stat ``st``, links followed) is an input."""
        name = self.files.get((st.st_dev, st.st_ino))
        if name is not None:
            raise OutputError("output.is_input", where=Where(file=str(path)), input=name)


_HEAD = 4096  # bytes read to recognise a klplan file by its marker


def existing_output(path: Path, inputs: Inputs) -> os.stat_result | None:
    """What is at an output ``path`` now (None: nothing), refused if it is one of the
    run's inputs or cannot even be looked at."""
    try:
        st = os.stat(path)
    except FileNotFoundError:
        return None
    except OSError as e:
        raise OutputError(
            "file.unwritable", where=Where(file=str(path)), reason=e.strerror
        ) from None
    inputs.refuse(path, st)
    return st


def check_output(path: Path, format: str, *, inputs: Inputs, force: bool) -> None:
    """Refuse, before anything is written, an output ``path`` that this run must not or
    cannot write: one of its inputs (always), an existing file that does not carry
    klplan's marker for ``format`` (unless ``force``: see ``is_klplan_file``), a
    directory, or a folder that is missing or cannot be written to (tried for real,
    with a temporary file: permission bits say nothing to root or on a read-only
    mount). Devices and FIFOs are written into, so they are accepted as they are."""
    st = existing_output(path, inputs)
    if st is not None:
        if is_stream(st.st_mode):
            return
        if stat.S_ISDIR(st.st_mode):
            raise OutputError(
                "file.unwritable", where=Where(file=str(path)), reason=os.strerror(errno.EISDIR)
            )
        if not stat.S_ISREG(st.st_mode):
            raise OutputError("output.not_a_file", where=Where(file=str(path)))
        if not force and not is_klplan_file(path, format):
            from klplan.messages import t

            raise OutputError(
                "output.not_klplan",
                where=Where(file=str(path)),
                marker=t(f"output.marker.{format}"),
            )
    probe_folder(Path(os.path.realpath(path)).parent, path)


def probe_folder(folder: Path, shown: Path | None = None) -> None:
    """Refuse a folder that is missing or where no file can be made: a temporary file
    is created there and removed."""
    where = Where(file=str(shown if shown is not None else folder))
    if not folder.is_dir():
        raise OutputError("file.unwritable", where=where, reason=os.strerror(errno.ENOENT))
    try:
        fd, tmp = temporary(str(folder), "probe")
    except OSError as e:
        raise OutputError("file.unwritable", where=where, reason=e.strerror) from None
    try:
        os.close(fd)
    finally:
        with contextlib.suppress(OSError):
            os.unlink(tmp)


TABLE_MARKER = "-- klplan"  # the last line of a table written to a file


def is_klplan_file(path: Path, format: str) -> bool:
    """Whether the regular file at ``path`` carries klplan's marker for ``format``:
    JSON ``{"schema": "klplan.…"`` first; HTML ``<meta name="generator"
    content="klplan …">``; Markdown a first line ``<!-- klplan -->``; CSV klplan's own
    header row (either dialect, either language); a table the last line ``-- klplan``;
    an Excel workbook the custom property ``Generator`` = ``klplan``.
    An empty file holds nothing to lose, and is klplan's to fill."""
    try:
        with open(path, "rb") as f:
            head = f.read(_HEAD)
            if format == "table":
                size = f.seek(0, os.SEEK_END)
                f.seek(max(0, size - _HEAD))
                tail = f.read()
    except OSError as e:
        raise OutputError(
            "file.unwritable", where=Where(file=str(path)), reason=e.strerror
        ) from None
    if not head:
        return True
    if format == "json":
        return re.match(rb'\s*\{\s*"schema"\s*:\s*"klplan\.', head) is not None
    if format == "html":
        return b'<meta name="generator" content="klplan ' in head
    if format == "md":
        return head.startswith(b"<!-- klplan -->")
    if format == "csv":
        from klplan.render.csv import header_lines

        first = head.removeprefix(b"\xef\xbb\xbf").split(b"\r\n", 1)[0]
        return first in header_lines()
    if format == "xlsx":
        return _xlsx_is_klplan(path)
    if format == "table":
        return tail.rstrip().rsplit(b"\n", 1)[-1].strip() == TABLE_MARKER.encode()
    raise ValueError(f"no marker for {format!r}")


def _xlsx_is_klplan(path: Path) -> bool:
    """Whether the workbook at ``path`` has klplan's custom property (``Generator``:
    klplan, in docProps/custom.xml); anything that is not such a workbook is not."""
    import zipfile

    try:
        with zipfile.ZipFile(path) as z, z.open("docProps/custom.xml") as f:
            custom = f.read(_HEAD)
    except (OSError, KeyError, zipfile.BadZipFile):
        return False
    return b'name="Generator"' in custom and b"<vt:lpwstr>klplan</vt:lpwstr>" in custom
