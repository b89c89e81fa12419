"""Writing output: stdout, or a file written atomically (a temporary file in the
target directory, then a rename), so a failed run never leaves a half-written file."""

from __future__ import annotations

import contextlib
import errno
import itertools
import os
import re
import signal
import stat
import sys
import threading
from collections.abc import Iterable, Iterator
from pathlib import Path

from klplan.core.errors import OutputError, Where


def atomic_write(path: Path, data: bytes | Iterable[bytes], *, mode: int | None = None) -> None:
    """Write ``data`` to ``path`` without ever turning a special file into a regular one:
    a character device or FIFO (``-o /dev/null``, ``-o /dev/stdout``) is written into
    as a shell redirection would; a symbolic link stays a link, and the regular file it
    points to is replaced (``replace_file``). Anything else is ``replace_file``'s."""
    try:
        st = os.lstat(path)
    except OSError:
        st = None
    if st is not None and stat.S_ISLNK(st.st_mode):
        try:
            st = os.stat(path)
        except OSError:
            st = None  # a dangling link: its target is created
        if st is None or not _is_stream(st.st_mode):
            # The link's final target, resolved now: the link itself is left as it is.
            # (A link to a device or FIFO, such as /dev/stdout, is opened through.)
            path = Path(os.path.realpath(path))
    if st is not None and _is_stream(st.st_mode):
        _write_stream(path, data)
        return
    if st is not None and not stat.S_ISREG(st.st_mode):
        raise OutputError("output.not_a_file", where=Where(file=str(path)))
    replace_file(path, data, mode=mode)


def _is_stream(st_mode: int) -> bool:
    """A character device or a FIFO: written into, never replaced."""
    return stat.S_ISCHR(st_mode) or stat.S_ISFIFO(st_mode)


def _write_stream(path: Path, data: bytes | Iterable[bytes]) -> None:
    flags = os.O_WRONLY | getattr(os, "O_CLOEXEC", 0) | getattr(os, "O_BINARY", 0)
    try:
        fd = os.open(path, flags)
        try:
            _write_chunks(fd, (data,) if isinstance(data, bytes) else data)
        finally:
            os.close(fd)
    except OSError as e:
        raise OutputError(
            "file.unwritable", where=Where(file=str(path)), reason=e.strerror
        ) from None


def replace_file(path: Path, data: bytes | Iterable[bytes], *, mode: int | None = None) -> None:
    """Write ``data`` (bytes, or chunks streamed as they come) to ``path`` through a
    temporary file in the same directory and a rename; on any failure the temporary
    file is removed and ``path`` is untouched. Readers see the old file or the new one,
    never a part (the rename); there is no fsync, which would cost more than the write
    itself for a directory of calendars. The file gets the usual permissions (an
    existing file's own, else 0666 less the umask), not the temporary file's 0600:
    calendar files are often served by a web server. A caller that has just looked
    at ``path`` passes ``mode`` (``file_mode``) and saves a stat."""
    directory, name = os.path.split(path)
    if mode is None:
        mode = file_mode(path)
    tmp: str | None = None
    try:
        # Ctrl-C between the temporary file's creation and ``tmp`` being set would
        # leave the file behind: SIGINT waits until its removal is in hand.
        with _sigint_held():
            fd, tmp = _temporary(directory or ".", name)
        try:
            _write_chunks(fd, (data,) if isinstance(data, bytes) else data)
            if _fchmod is None:
                os.chmod(tmp, mode)
            else:
                _fchmod(fd, mode)
        finally:
            os.close(fd)
        os.replace(tmp, path)
    except OSError as e:
        _discard(tmp)
        raise OutputError(
            "file.unwritable", where=Where(file=str(path)), reason=e.strerror
        ) from None
    except BaseException:
        _discard(tmp)
        raise


def _discard(tmp: str | None) -> None:
    if tmp is not None:
        with contextlib.suppress(OSError):
            os.unlink(tmp)


@contextlib.contextmanager
def _sigint_held() -> Iterator[None]:
    """SIGINT is held (delivered when the block ends) in the main thread, where Python
    runs its handler; elsewhere, or without ``pthread_sigmask``, nothing is held."""
    mask = getattr(signal, "pthread_sigmask", None)
    if mask is None or threading.current_thread() is not threading.main_thread():
        yield
        return
    old = mask(signal.SIG_BLOCK, {signal.SIGINT})
    try:
        yield
    finally:
        mask(signal.SIG_SETMASK, old)


_BATCH = 1 << 16  # bytes gathered per write: most calendar files in one system call


def _write_chunks(fd: int, chunks: Iterable[bytes]) -> None:
    """Write the chunks, gathered into writes of about ``_BATCH`` bytes."""
    batch: list[bytes] = []
    size = 0
    for chunk in chunks:
        batch.append(chunk)
        size += len(chunk)
        if size >= _BATCH:
            _write_all(fd, b"".join(batch))
            batch.clear()
            size = 0
    if batch:
        _write_all(fd, b"".join(batch))


def _write_all(fd: int, data: bytes) -> None:
    view = memoryview(data)
    while view:
        view = view[os.write(fd, view) :]


# klplan's temporary files are ``.<name>.klplan-<hex>.tmp``: a run that was killed
# (SIGKILL, a power cut) leaves one behind, and the next run into that folder, holding
# its lock, removes it (``klplan.cli.locks.clean_stale``).
TEMPORARY_TAG = "klplan-"
_STALE = re.compile(r"\..+\.klplan-[0-9a-f]+\.tmp")


# As tempfile.mkstemp opens its files (exclusive, never through a link, not inherited
# by child processes), with a name of our own: mkstemp's is ten times the cost of the
# open itself when a run writes 25,000 calendar files.
_TEMPORARY_FLAGS = (
    os.O_RDWR
    | os.O_CREAT
    | os.O_EXCL
    | getattr(os, "O_NOFOLLOW", 0)
    | getattr(os, "O_CLOEXEC", 0)
    | getattr(os, "O_BINARY", 0)
)
_fchmod = getattr(os, "fchmod", None)  # not on Windows
_names: list[Iterator[str]] = []  # this process's temporary-name sequence


def _temporary(directory: str, name: str) -> tuple[int, str]:
    """A new file ``.<name>.klplan-<random>.tmp`` in ``directory``, opened for writing with
    mode 0600: its descriptor and path. The names are a random prefix per process and a
    counter; should one exist already, the next is tried, as mkstemp does."""
    if not _names:
        prefix = os.urandom(4).hex()
        _names.append(f"{prefix}{n:x}" for n in itertools.count())
    for _ in range(10_000):  # tempfile.TMP_MAX
        tmp = os.path.join(directory, f".{name}.{TEMPORARY_TAG}{next(_names[0])}.tmp")
        try:
            return os.open(tmp, _TEMPORARY_FLAGS, 0o600), tmp
        except FileExistsError:
            continue
    raise FileExistsError(errno.EEXIST, "No usable temporary file name found")


def _forget_names() -> None:
    _names.clear()  # a forked child draws its own prefix


if hasattr(os, "register_at_fork"):
    os.register_at_fork(after_in_child=_forget_names)


def file_mode(path: Path) -> int:
    """The permission bits ``path`` gets when written: its own if it exists, else
    0666 less the umask."""
    try:
        return path.stat().st_mode & 0o777
    except OSError:
        return new_file_mode()


def new_file_mode() -> int:
    """0666 less the umask: the permission bits of a new file."""
    umask = os.umask(0)
    os.umask(umask)
    return 0o666 & ~umask


def emit(text: str, output: Path | None) -> None:
    """Print ``text`` to stdout, or write it to ``output``: UTF-8 either way."""
    emit_bytes(text.encode("utf-8"), output)


def emit_chunks(chunks: Iterable[bytes], output: Path | None) -> None:
    """Like ``emit_bytes``, streamed: memory does not grow with the output. On stdout
    chunks are written as they come; a file is written atomically all the same."""
    if output is None or str(output) == "-":
        buffer = getattr(sys.stdout, "buffer", None)
        sys.stdout.flush()
        for chunk in chunks:
            if buffer is None:
                sys.stdout.write(chunk.decode("utf-8"))
            else:
                buffer.write(chunk)
        sys.stdout.flush()
        if buffer is not None:
            buffer.flush()
    else:
        atomic_write(output, chunks)


def emit_bytes(data: bytes, output: Path | None) -> None:
    """Machine-readable output (JSON, CSV, HTML, Markdown) is bytes in its own
    encoding, never re-encoded for the console: on a cp1252 or ASCII console the
    text layer would mangle or refuse it."""
    if output is None or str(output) == "-":
        sys.stdout.flush()
        buffer = getattr(sys.stdout, "buffer", None)
        if buffer is None:  # a text-only stream (an embedding application)
            sys.stdout.write(data.decode("utf-8"))
        else:
            buffer.write(data)
            buffer.flush()
        sys.stdout.flush()
    else:
        atomic_write(output, data)


# --- What an output may replace (one run at a time per folder: klplan.cli.locks) ---


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


def check_output(path: Path, format: str, *, inputs: Inputs, force: bool) -> None:
    """Refuse, before anything is written, an output ``path`` that this run must not or
    cannot write: one of its inputs (always), an existing file that does not carry
    klplan's marker for ``format`` (unless ``force``: see ``is_klplan_file``), a
    directory, or a folder that is missing or cannot be written to (tried for real,
    with a temporary file: permission bits say nothing to root or on a read-only
    mount). Devices and FIFOs are written into, so they are accepted as they are."""
    try:
        st = os.stat(path)
    except FileNotFoundError:
        st = None
    except OSError as e:
        raise OutputError(
            "file.unwritable", where=Where(file=str(path)), reason=e.strerror
        ) from None
    if st is not None:
        inputs.refuse(path, st)
        if _is_stream(st.st_mode):
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
        fd, tmp = _temporary(str(folder), "probe")
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
