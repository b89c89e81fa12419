"""Writing output: stdout, or a file written atomically (a temporary file in the
target directory, then a rename), so a failed run never leaves a half-written file."""

from __future__ import annotations

import contextlib
import os
import sys
import tempfile
from pathlib import Path

from klplan.core.errors import OutputError, Where


def atomic_write(path: Path, data: bytes) -> None:
    directory = path.parent if str(path.parent) else Path(".")
    try:
        fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=directory)
    except OSError as e:
        raise OutputError(
            "file.unwritable", where=Where(file=str(path)), reason=e.strerror
        ) from None
    try:
        with os.fdopen(fd, "wb") as f:
            f.write(data)
            f.flush()
            os.fsync(f.fileno())
        os.replace(tmp, path)
    except OSError as e:
        with contextlib.suppress(OSError):
            os.unlink(tmp)
        raise OutputError(
            "file.unwritable", where=Where(file=str(path)), reason=e.strerror
        ) from None


def emit(text: str, output: Path | None) -> None:
    """Print ``text`` to stdout, or write it (UTF-8, as bytes) to ``output``."""
    if output is None or str(output) == "-":
        sys.stdout.write(text)
        sys.stdout.flush()
    else:
        atomic_write(output, text.encode("utf-8"))
