"""Output of a command: stdout, or a file written atomically."""

from __future__ import annotations

import sys
from collections.abc import Iterable
from pathlib import Path

from klplan.files.atomic import atomic_write


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
