"""Writing a file atomically (a temporary file in the target directory, then a
rename), so a failed run never leaves a half-written file."""

from __future__ import annotations

import contextlib
import errno
import itertools
import os
import re
import signal
import stat
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
        if st is None or not is_stream(st.st_mode):
            # The link's final target, resolved now: the link itself is left as it is.
            # (A link to a device or FIFO, such as /dev/stdout, is opened through.)
            path = Path(os.path.realpath(path))
    if st is not None and is_stream(st.st_mode):
        _write_stream(path, data)
        return
    if st is not None and not stat.S_ISREG(st.st_mode):
        raise OutputError("output.not_a_file", where=Where(file=str(path)))
    replace_file(path, data, mode=mode)


def is_stream(st_mode: int) -> bool:
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
            fd, tmp = temporary(directory or ".", name)
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
# its lock, removes it (``klplan.files.locks.clean_stale``).
TEMPORARY_TAG = "klplan-"
STALE = re.compile(r"\..+\.klplan-[0-9a-f]+\.tmp")


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


def temporary(directory: str, name: str) -> tuple[int, str]:
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
