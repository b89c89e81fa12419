"""Rich consoles for the CLI, created lazily so scripts that print JSON never import
Rich. Honours ``--no-color`` and NO_COLOR, and COLUMNS for a fixed width (tests use
it). On a console that cannot show every character (an ASCII or cp1252 stdout) Rich
draws ASCII boxes and the stream transliterates the rest (see klplan.cli.encoding)."""

from __future__ import annotations

import contextlib
import functools
import io
import os
import sys
from collections.abc import Callable, Iterable, Iterator
from pathlib import Path
from typing import IO, TYPE_CHECKING

if TYPE_CHECKING:
    from rich.console import Console
    from rich.segment import Segment

from klplan.cli.text import one_line as one_line  # re-exported: console.one_line
from klplan.cli.text import printable

_state = {"no_color": False}


def set_no_color(on: bool) -> None:
    _state["no_color"] = on


@functools.cache
def _console_class() -> type[Console]:
    from rich.console import Console
    from rich.segment import Segment

    class SafeConsole(Console):
        """A Rich console that escapes control characters in the text it prints (its
        own styling and cursor codes are added after) and leaves a closed pipe to
        ``klplan.cli.errors`` (Rich's own handling exits 1)."""

        def _render_buffer(self, buffer: Iterable[Segment]) -> str:
            return super()._render_buffer(
                s if s.control else Segment(printable(s.text), s.style) for s in buffer
            )

        def on_broken_pipe(self) -> None:
            raise BrokenPipeError

    return SafeConsole


def console(
    file: IO[str] | None = None, *, plain: bool = False, width: int | None = None
) -> Console:
    # NO_COLOR (no-color.org) is honoured like --no-color: no styling codes at all.
    plain = plain or _state["no_color"] or bool(os.environ.get("NO_COLOR"))
    return _console_class()(
        file=file,
        no_color=plain or None,
        color_system=None if plain else "auto",
        width=width,
        # With a width, a height too: else Rich asks the terminal for its size at
        # every print, which was a fifth of a large plan's table into a file.
        height=None if width is None else 25,
        highlight=False,
        # Text from users' files (group names, studiedag reasons) is never markup:
        # "[/red]" in a name is shown, not parsed.
        markup=False,
        emoji=False,
        soft_wrap=False,
        legacy_windows=False,
    )


def show(render: Callable[[Console], None], output: Path | None) -> None:
    """Render for people: to the terminal, or without colour (100 columns wide) into
    ``output``, written atomically and ending in the line ``-- klplan``."""
    from klplan.cli.output import emit

    if output is None or str(output) == "-":
        render(console())
        return
    from klplan.files.outputs import TABLE_MARKER

    buf = io.StringIO()
    render(console(buf, plain=True, width=100))
    # The last line marks the file as klplan's, to overwrite it without --force.
    emit(buf.getvalue() + TABLE_MARKER + "\n", output)


# Runs with fewer steps than this finish before a bar would be worth drawing.
PROGRESS_FROM = 200


@contextlib.contextmanager
def progress(total: int, label: str) -> Iterator[Callable[[], None]]:
    """A progress bar on stderr for long runs, when stderr is a terminal (never in
    scripts, CI or with --quiet); yields the function that advances it one step."""
    from klplan.cli.notify import is_quiet

    if total < PROGRESS_FROM or is_quiet() or not sys.stderr.isatty():
        yield lambda: None
        return
    from rich.console import Console
    from rich.progress import Progress

    with Progress(console=Console(stderr=True), transient=True) as bar:
        task = bar.add_task(label, total=total)
        yield lambda: bar.advance(task)
