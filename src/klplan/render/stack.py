"""Texts and grids printed as segments: what ``console.print`` writes, without Rich
looking for places to wrap a text that fits (a large plan prints hundreds of
headings and captions) or measuring a grid's lines again. tests/test_grid.py
compares both with ``console.print``."""

from __future__ import annotations

from collections.abc import Iterator

from rich.cells import cell_len
from rich.console import Console, ConsoleOptions
from rich.segment import Segment
from rich.text import Text

from klplan.render.grid import Grid, plain_text


def printed(
    console: Console, renderable: Text | Grid, options: ConsoleOptions | None = None
) -> list[Segment]:
    """What ``console.print(renderable)`` writes, as segments (``options``: the
    console's by default): a ``Grid`` as it renders, a text of plain lines that each
    fit as those lines (Rich would find nothing to wrap: a large plan prints hundreds
    of headings), any other text as Rich renders it. No line is wider than
    ``options.max_width``."""
    options = options or console.options
    if isinstance(renderable, Grid):  # its lines end and are cut to width already
        return list(console.render(renderable, options))
    if renderable.end != "\n":  # console.print ends every text with a line break
        renderable = renderable.copy()
        renderable.end = "\n"
    plain = plain_text(renderable)
    if plain is not None:
        lines = plain.split("\n")
        width = options.max_width
        if all(line.isprintable() and cell_len(line) <= width for line in lines):
            style = console.get_style(renderable.style) if renderable.style else None
            return [s for line in lines for s in (Segment(line, style), Segment.line())]
    rendered = console.render_lines(renderable, options, pad=False)
    return [s for line in rendered for s in (*line, Segment.line())]


class Stack:
    """Texts and grids one under the other, each as ``console.print`` prints it
    (``printed``). Its lines are never wider than the console, so it may be printed
    with ``crop=False``, which spares Rich measuring each line again."""

    def __init__(self, *items: Text | Grid) -> None:
        self.items = items

    def __rich_console__(self, console: Console, options: ConsoleOptions) -> Iterator[Segment]:
        for item in self.items:
            yield from printed(console, item, options)
