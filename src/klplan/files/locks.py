"""One run at a time per folder: a run holds a lock on each folder it writes into, so
that two runs into one folder never mix their files, and removes the temporary files a
killed run left there."""

from __future__ import annotations

import contextlib
import os
from collections.abc import Iterable, Iterator
from pathlib import Path

from klplan.core.errors import OutputError, Where
from klplan.files.atomic import STALE

LOCK_WAIT = 10.0  # seconds a run waits for another run's lock on its folder


@contextlib.contextmanager
def locked(folders: Iterable[Path], make: Iterable[Path] = ()) -> Iterator[None]:
    """Hold an exclusive lock on each folder (``flock`` on the folder itself, so no lock
    file is left behind), so that two runs into one folder never mix their files: a run
    waits up to ``LOCK_WAIT`` seconds (``KLPLAN_LOCK_WAIT`` overrides) for another to
    finish, then refuses. The folders in ``make`` (-o DIR/) are made first, so that
    every run locks the same folder; if the run fails they are removed again while
    still empty. A missing folder in ``folders`` is locked through its nearest existing
    parent (the run will refuse it). Once locked, temporary files left by a killed run
    are removed. Without ``fcntl`` (Windows) nothing is locked."""
    try:
        import fcntl
    except ImportError:  # pragma: no cover - Windows
        yield
        return
    import time

    wait = float(os.environ.get("KLPLAN_LOCK_WAIT", LOCK_WAIT))
    held: list[int] = []
    make = list(make)
    made = _make_folders(make)
    try:
        for folder in sorted({_existing_folder(f) for f in [*folders, *make]}):
            if folder in _held:
                continue
            fd = os.open(folder, os.O_RDONLY | getattr(os, "O_CLOEXEC", 0))
            held.append(fd)
            deadline = time.monotonic() + wait
            while True:
                try:
                    fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
                    break
                except BlockingIOError:
                    if time.monotonic() >= deadline:
                        raise OutputError("output.locked", where=Where(file=folder)) from None
                    time.sleep(0.05)
            _held[folder] = fd
            clean_stale(Path(folder))
        yield
    except BaseException:
        for path in reversed(made):
            with contextlib.suppress(OSError):
                os.rmdir(path)  # only while empty
        raise
    finally:
        for fd in held:
            for k in [k for k, v in _held.items() if v == fd]:
                del _held[k]
            os.close(fd)  # releases the lock


_held: dict[str, int] = {}  # folders this process has locked, and their descriptors


def _make_folders(folders: Iterable[Path]) -> list[Path]:
    """Make the missing ``folders`` (and their parents); the ones made, outermost first."""
    made: list[Path] = []
    for folder in folders:
        missing = []
        p = Path(os.path.abspath(folder))
        while not p.exists() and p != p.parent:
            missing.append(p)
            p = p.parent
        for m in reversed(missing):
            try:
                m.mkdir()
            except FileExistsError:
                continue  # made by another run just now
            except OSError as e:
                for done in reversed(made):
                    with contextlib.suppress(OSError):
                        done.rmdir()
                raise OutputError(
                    "file.unwritable", where=Where(file=str(folder)), reason=e.strerror
                ) from None
            made.append(m)
    return made


def _existing_folder(folder: Path) -> str:
    p = Path(os.path.realpath(folder))
    while not p.is_dir() and p != p.parent:
        p = p.parent
    return str(p)


def clean_stale(folder: Path) -> None:
    """Remove klplan's temporary files (``.<name>.klplan-<hex>.tmp``) from ``folder``:
    left by a run that was killed. Called with the folder's lock held, so none of them
    belongs to a run still writing."""
    try:
        names = os.listdir(folder)
    except OSError:
        return
    for name in names:
        if name.startswith(".") and name.endswith(".tmp") and STALE.fullmatch(name):
            with contextlib.suppress(OSError):
                os.unlink(folder / name)
