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
    file is removed and ``path`` is untouched. Readers see the old file or the new one,
    never a part (the rename); there is no fsync, which would cost more than the write
    itself for a directory of calendars. The file gets the usual permissions (an
    existing file's own, else 0666 less the umask), not mkstemp's 0600: calendar files
    are often served by a web server."""
    directory = path.parent if str(path.parent) else Path(".")
    mode = _mode_for(path)
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
            os.chmod(tmp, mode)
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


def _mode_for(path: Path) -> int:
    try:
        return path.stat().st_mode & 0o777
    except OSError:
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
