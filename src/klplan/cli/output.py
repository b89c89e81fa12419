"""Writing output: stdout, or a file written atomically (a temporary file in the
target directory, then a rename), so a failed run never leaves a half-written file."""

from __future__ import annotations

import contextlib
import errno
import itertools
import os
import sys
from collections.abc import Iterable, Iterator
from pathlib import Path

from klplan.core.errors import OutputError, Where


def atomic_write(path: Path, data: bytes | Iterable[bytes], *, mode: int | None = None) -> None:
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
    try:
        fd, tmp = _temporary(directory or ".", name)
    except OSError as e:
        raise OutputError(
            "file.unwritable", where=Where(file=str(path)), reason=e.strerror
        ) from None
    try:
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
        with contextlib.suppress(OSError):
            os.unlink(tmp)
        raise OutputError(
            "file.unwritable", where=Where(file=str(path)), reason=e.strerror
        ) from None
    except BaseException:
        with contextlib.suppress(OSError):
            os.unlink(tmp)
        raise


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
    """A new file ``.<name>.<random>.tmp`` in ``directory``, opened for writing with
    mode 0600: its descriptor and path. The names are a random prefix per process and a
    counter; should one exist already, the next is tried, as mkstemp does."""
    if not _names:
        prefix = os.urandom(4).hex()
        _names.append(f"{prefix}{n:x}" for n in itertools.count())
    for _ in range(10_000):  # tempfile.TMP_MAX
        tmp = os.path.join(directory, f".{name}.{next(_names[0])}.tmp")
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


def check_writable(path: Path) -> None:
    """Refuse, before anything is written, an output file that cannot be written:
    one that is a directory, or whose directory is missing (``atomic_write`` would
    fail on it, after the outputs before it were written)."""
    reason = None
    if path.is_dir():
        reason = os.strerror(errno.EISDIR)
    elif not path.absolute().parent.is_dir():
        reason = os.strerror(errno.ENOENT)
    if reason is not None:
        raise OutputError("file.unwritable", where=Where(file=str(path)), reason=reason)


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
