"""Writing output: stdout, or a file written atomically (a temporary file in the
target directory, then a rename), so a failed run never leaves a half-written file."""

from __future__ import annotations

import contextlib
import os
import sys
import tempfile
from collections.abc import Iterable
from pathlib import Path

from klplan.core.errors import OutputError, Where


def atomic_write(path: Path, data: bytes | Iterable[bytes]) -> None:
    """Write ``data`` (bytes, or chunks streamed as they come) to ``path`` through a
    temporary file in the same directory and a rename; on any failure the temporary
    file is removed and ``path`` is untouched."""
    directory = path.parent if str(path.parent) else Path(".")
    try:
        fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=directory)
    except OSError as e:
        raise OutputError(
            "file.unwritable", where=Where(file=str(path)), reason=e.strerror
        ) from None
    try:
        with os.fdopen(fd, "wb") as f:
            for chunk in (data,) if isinstance(data, bytes) else data:
                f.write(chunk)
            f.flush()
            os.fsync(f.fileno())
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


def emit(text: str, output: Path | None) -> None:
    """Print ``text`` to stdout, or write it to ``output``: UTF-8 either way."""
    emit_bytes(text.encode("utf-8"), output)


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
