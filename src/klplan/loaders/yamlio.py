"""Read users' files safely: bounded, UTF-8, pipes but no devices; and YAML into a
``YamlDoc`` that keeps every value's position (klplan.loaders.yamldoc), so that a
problem found later can name file, line, column and key path.

Deliberate choices, documented for users in the README:
- Only the safe subset is composed (C loader when available); no Python objects.
- Scalars follow YAML 1.2's core schema, not YAML 1.1: ``no``, ``on``, ``off``, ``y``
  stay text; ``08`` and ``0180`` stay text (codes keep their leading zeros);
  ``15:00`` is text, not 900; dates stay text and are parsed by the field that wants one.
- Duplicate keys are errors. A UTF-8 BOM is ignored; other encodings are errors.
- Aliases are followed (``<<`` merges too), but the expanded document is limited in
  node count and depth, so an alias bomb is an error, not a hang.
"""

from __future__ import annotations

import os
import select
import stat
from pathlib import Path

from klplan.core.errors import InputError, OutputError, Where

# The document type and its key paths live in klplan.loaders.yamldoc (no PyYAML, no
# files); they are re-exported here, where most callers find them beside the reader.
from klplan.loaders.yamldoc import Path_ as Path_
from klplan.loaders.yamldoc import YamlDoc as YamlDoc
from klplan.loaders.yamldoc import format_path as format_path
from klplan.messages import t

MAX_BYTES = 20 * 1024 * 1024


def read_text(path: Path, display: str | None = None) -> str:
    """Read a UTF-8 text file (BOM ignored), with errors that name the file."""
    name = display or str(path)
    return decode(read_bytes(path, name), name)


def read_bytes(
    path: Path, display: str | None = None, limit: int | None = None, *, regular_only: bool = False
) -> bytes:
    """Read a file of at most ``limit`` bytes (MAX_BYTES), with errors that name it.

    The limit holds while reading (at most ``limit + 1`` bytes are read), not only by
    the size the file system reports, so a file that grows, or a pipe, cannot make
    klplan read without end. A pipe is read (``klplan schedule <(cat plan.yaml)``
    passes /dev/fd/N) unless ``regular_only`` (a calendar found in an output folder);
    a pipe nobody writes to is an error, not a hang, since it is opened non-blocking.
    Devices (/dev/zero, a terminal) and sockets are refused: they are no one's input."""
    name = display or str(path)
    limit = MAX_BYTES if limit is None else limit
    if str(path) == STDIN:
        return _read_stdin(name, limit)
    try:
        fd = os.open(path, os.O_RDONLY | os.O_NONBLOCK | getattr(os, "O_CLOEXEC", 0))
    except FileNotFoundError:
        raise OutputError("file.not_found", where=Where(file=name)) from None
    except IsADirectoryError:
        raise _is_directory(name) from None
    except OSError as e:
        raise OutputError("file.unreadable", where=Where(file=name), reason=e.strerror) from None
    try:
        st = os.fstat(fd)
        if stat.S_ISDIR(st.st_mode):
            raise _is_directory(name)
        if stat.S_ISREG(st.st_mode):
            if st.st_size > limit:
                raise InputError(
                    "file.too_large", where=Where(file=name), size=st.st_size, limit=limit
                )
        elif not stat.S_ISFIFO(st.st_mode) or regular_only:
            raise OutputError(
                "file.unreadable", where=Where(file=name), reason=t(_kind(st.st_mode))
            )
        return _read_bounded(fd, name, limit, pipe=stat.S_ISFIFO(st.st_mode))
    except OSError as e:
        raise OutputError("file.unreadable", where=Where(file=name), reason=e.strerror) from None
    finally:
        os.close(fd)


def _read_bounded(fd: int, name: str, limit: int, *, pipe: bool) -> bytes:
    """At most ``limit`` bytes from ``fd``, or an error once one more is read."""
    chunks: list[bytes] = []
    total = 0
    while True:
        try:
            chunk = os.read(fd, min(1 << 20, limit + 1 - total))
        except BlockingIOError:  # a pipe whose writer has not written yet: wait for it
            select.select([fd], [], [])
            continue
        if not chunk:
            break
        chunks.append(chunk)
        total += len(chunk)
        if total > limit:
            raise InputError("file.too_large_read", where=Where(file=name), limit=limit)
    if pipe and not total:
        # Opened non-blocking, a pipe with no writer reads as ended at once.
        raise OutputError("file.unreadable", where=Where(file=name), reason=t("file.pipe_empty"))
    return b"".join(chunks)


def _is_directory(name: str) -> OutputError:
    return OutputError("file.unreadable", where=Where(file=name), reason=t("file.is_directory"))


def _kind(mode: int) -> str:
    """The message key that says what a file that is not a regular one is."""
    if stat.S_ISFIFO(mode):
        return "file.is_pipe"
    if stat.S_ISCHR(mode) or stat.S_ISBLK(mode):
        return "file.is_device"
    return "file.is_special"


STDIN = "-"  # the path that means standard input (``klplan schedule -``)


def _read_stdin(name: str, limit: int) -> bytes:
    """Standard input as a file: up to ``limit`` bytes, like a file on disk. Files the
    plan names (``modules_file``) are then relative to the working directory."""
    import sys

    try:
        raw: bytes = sys.stdin.buffer.read(limit + 1)
    except (OSError, AttributeError, ValueError) as e:  # no stdin, or a closed one
        raise OutputError("file.unreadable", where=Where(file=name), reason=str(e)) from None
    if len(raw) > limit:
        raise InputError("file.too_large", where=Where(file=name), size=len(raw), limit=limit)
    return raw


def decode(raw: bytes, name: str) -> str:
    if raw.startswith(b"\xef\xbb\xbf"):
        raw = raw[3:]
    try:
        return raw.decode("utf-8")
    except UnicodeDecodeError as e:
        line = raw.count(b"\n", 0, e.start) + 1
        column = e.start - (raw.rfind(b"\n", 0, e.start) + 1) + 1
        raise InputError(
            "yaml.not_utf8",
            where=Where(file=name, line=line, column=column),
            byte=f"0x{raw[e.start]:02x}",
            offset=e.start,
        ) from None


def load_yaml_file(path: Path, display: str | None = None) -> YamlDoc:
    name = display or str(path)
    return load_yaml_text(read_text(path, name), name)


def load_yaml_text(text: str, name: str) -> YamlDoc:
    """Compose and build ``text`` (klplan.loaders.yaml_compose, which imports PyYAML:
    only reading a user's YAML file needs it; bundled data comes from JSON snapshots)."""
    from klplan.loaders.yaml_compose import compose

    return compose(text, name)
