"""klplan's tables for people at a terminal, laid out as Rich lays out a ``Table``
with ``box.SIMPLE_HEAVY`` and ``pad_edge=False``, the only kind klplan draws.

Rich's ``Table`` lays out any renderable in any cell: it pads, measures and renders
every cell through its generic machinery, about 70 µs a cell, and writes a styled
segment per cell edge. A 300-group plan's tables hold tens of thousands of cells of
plain text, so that was most of their time. ``Grid`` takes the same column settings,
computes the same column widths with the same rules (measure, collapse wrappable
columns, then reduce evenly), and writes a line of text that fits its column as Rich
would (justified, padded, styled) without the machinery; a cell that must wrap, fold
or be cut, or whose text carries styled spans, is rendered by Rich itself, as its
``Table`` renders it. On a console that writes no styles (``NO_COLOR``, a file)
every line is one segment.

tests/test_grid.py holds Rich's ``Table`` as the reference: the same tables at many
widths give the same characters with the same styles.

Cells are ``str`` (plain text, never markup: klplan's consoles parse none), ``Text``
or a tuple of ``Text`` shown one under the other (each wrapped on its own, as in a
Rich ``Group``)."""

from __future__ import annotations

import functools
from collections.abc import Iterator
from dataclasses import dataclass, field
from typing import Literal, NamedTuple

from rich import box
from rich.cells import cell_len
from rich.console import Console, ConsoleOptions, Group, RenderableType
from rich.measure import Measurement
from rich.padding import Padding
from rich.segment import Segment
from rich.style import Style
from rich.text import Text

Cell = str | Text | tuple[Text, ...]
Justify = Literal["left", "right"]
Overflow = Literal["ellipsis", "fold", "crop"]

_BOX = box.SIMPLE_HEAVY
# The styles of Rich's default theme for a table's header and caption (klplan's
# consoles use no other theme).
_HEADER = Style(bold=True)
_CAPTION = Style(italic=True, dim=True)


@dataclass
class _Column:
    header: str | Text
    justify: Justify
    no_wrap: bool
    min_width: int | None
    overflow: Overflow
    cells: list[Cell | None] = field(default_factory=list)
    # Over the header and every cell: the longest word (no longer than its line)
    # and the widest line, all a column's measurement needs.
    word: int = 0
    line: int = 0


@dataclass
class _Row:
    style: str | Style | None
    end_section: bool = False


class _Size(NamedTuple):
    """What laying out a text needs to know of it, in terminal cells."""

    word: int  # its longest word, no wider than its widest line
    line: int  # its widest line
    simple: bool  # one line of printable characters: no tab, newline or control


@functools.lru_cache(maxsize=4096)  # tables repeat their dates, times and names
def _size(plain: str) -> _Size:
    if plain.isascii() and plain.isprintable():
        words = plain.split()
        return _Size(max(map(len, words)) if words else len(plain), len(plain), True)
    lines = plain.splitlines()
    widest = max(map(cell_len, lines)) if lines else 0
    words = plain.split()
    longest = max(map(cell_len, words)) if words else widest
    return _Size(min(longest, widest), widest, plain.isprintable())


def _size_of(text: str | Text) -> _Size:
    return _size(text if isinstance(text, str) else text.plain)


def _measured(column: _Column, text: str | Text) -> None:
    """Widen what ``column`` keeps of its texts (its longest word, widest line)."""
    size = _size_of(text)
    if size.word > column.word:
        column.word = size.word
    if size.line > column.line:
        column.line = size.line


def _texts(cell: Cell | None) -> tuple[str | Text, ...]:
    return ("",) if cell is None else cell if isinstance(cell, tuple) else (cell,)


def _ratio_reduce(
    total: int, ratios: list[int], maximums: list[int], values: list[int]
) -> list[int]:
    """Rich's ``ratio_reduce``: take ``total`` from ``values`` in proportion to
    ``ratios``, at most ``maximums`` from each."""
    ratios = [r if m else 0 for r, m in zip(ratios, maximums, strict=True)]
    total_ratio = sum(ratios)
    if not total_ratio:
        return values[:]
    remaining = total
    out = []
    for ratio, maximum, value in zip(ratios, maximums, values, strict=True):
        if ratio and total_ratio > 0:
            taken = min(maximum, round(ratio * remaining / total_ratio))
            out.append(value - taken)
            remaining -= taken
            total_ratio -= ratio
        else:
            out.append(value)
    return out


def _collapse(widths: list[int], wrapable: list[bool], max_width: int) -> list[int]:
    """Rich's ``Table._collapse_widths``: narrow the widest wrappable columns first."""
    total = sum(widths)
    excess = total - max_width
    if not any(wrapable):
        return widths
    while total and excess > 0:
        widest = max(w for w, ok in zip(widths, wrapable, strict=True) if ok)
        second = max(w if ok and w != widest else 0 for w, ok in zip(widths, wrapable, strict=True))
        difference = widest - second
        ratios = [1 if (w == widest and ok) else 0 for w, ok in zip(widths, wrapable, strict=True)]
        if not any(ratios) or not difference:
            break
        widths = _ratio_reduce(excess, ratios, [min(excess, difference)] * len(widths), widths)
        total = sum(widths)
        excess = total - max_width
    return widths


class Grid:
    """A table of text: ``add_column`` (header, justify, no_wrap, min_width,
    overflow), ``add_row`` (cells, a row style), ``add_section`` (a blank line
    after the last row); ``show_lines`` puts one between all rows, ``caption`` is
    centred under the table. Print it with ``console.print``."""

    def __init__(self, *, caption: str | None = None, show_lines: bool = False) -> None:
        self.columns: list[_Column] = []
        self.rows: list[_Row] = []
        self.caption = caption
        self.show_lines = show_lines

    def add_column(
        self,
        header: str | Text,
        *,
        justify: Justify = "left",
        no_wrap: bool = False,
        min_width: int | None = None,
        overflow: Overflow = "ellipsis",
    ) -> None:
        column = _Column(header, justify, no_wrap, min_width, overflow)
        for text in _texts(header):
            _measured(column, text)
        self.columns.append(column)

    def add_row(self, *cells: Cell | None, style: str | Style | None = None) -> None:
        if len(cells) != len(self.columns):
            raise ValueError(f"{len(cells)} cells for {len(self.columns)} columns")
        for column, cell in zip(self.columns, cells, strict=True):
            column.cells.append(cell)
            if isinstance(cell, str | Text):  # most cells
                _measured(column, cell)
            else:
                for text in _texts(cell):
                    _measured(column, text)
        self.rows.append(_Row(style))

    def add_section(self) -> None:
        if self.rows:
            self.rows[-1].end_section = True

    # --- layout ---------------------------------------------------------------

    def _pads(self, index: int) -> tuple[int, int]:
        """The space left and right of a column's cells: one, none at the table's
        edges (``pad_edge=False``)."""
        return (0 if index == 0 else 1), (0 if index == len(self.columns) - 1 else 1)

    @property
    def _extra_width(self) -> int:
        return 2 + len(self.columns) - 1  # the edges and a divider between columns

    def _measure_column(self, index: int, max_width: int) -> tuple[int, int]:
        """Rich's ``Table._measure_column``: the least and most width of a column's
        cells, each measured in ``Padding``. A cell's measurement is its texts'
        longest word and widest line capped by ``max_width``, plus the padding,
        capped again; the greatest over the cells is that of the greatest word and
        line, which the column keeps."""
        if max_width < 1:
            return 0, 0
        column = self.columns[index]
        pad = sum(self._pads(index))
        if max_width - pad < 1:  # Rich's Padding then measures the whole width
            low = high = max_width
        else:
            low = min(min(column.word, max_width) + pad, max_width)
            high = min(min(column.line, max_width) + pad, max_width)
        if column.min_width is not None:
            least = max(0, column.min_width + pad)
            low, high = max(low, least), max(high, least)
        return low, high

    def _widths(self, max_width: int) -> list[int]:
        """Each column's width with its padding: Rich's
        ``Table._calculate_column_widths`` for a table that does not expand."""
        ranges = [self._measure_column(i, max_width) for i in range(len(self.columns))]
        widths = [high or 1 for _, high in ranges]
        if sum(widths) > max_width:
            wrapable = [not c.no_wrap for c in self.columns]
            widths = _collapse(widths, wrapable, max_width)
            if sum(widths) > max_width:
                excess = sum(widths) - max_width
                widths = _ratio_reduce(excess, [1] * len(widths), widths, widths)
            widths = [self._measure_column(i, w)[1] or 0 for i, w in enumerate(widths)]
        return widths

    def __rich_measure__(self, console: Console, options: ConsoleOptions) -> Measurement:
        max_width = options.max_width
        if max_width < 0:
            return Measurement(0, 0)
        extra = self._extra_width
        max_width = sum(self._widths(max_width - extra))
        ranges = [self._measure_column(i, max_width) for i in range(len(self.columns))]
        return Measurement(
            sum(low for low, _ in ranges) + extra, sum(high for _, high in ranges) + extra
        )

    # --- rendering --------------------------------------------------------------

    def __rich_console__(self, console: Console, options: ConsoleOptions) -> Iterator[Segment]:
        """The table's lines, never wider than ``options.max_width``: where its edges
        and dividers alone are wider, its lines are cut, as ``console.print`` cuts
        them. So ``console.print(grid, crop=False)`` writes the same, without
        measuring each line again."""
        if not self.columns:
            yield Segment("\n")
            return
        widths = self._widths(options.max_width - self._extra_width)
        segments = self._render(console, options, widths)
        if sum(widths) + self._extra_width <= options.max_width:
            yield from segments
            return
        for line in Segment.split_and_crop_lines(segments, options.max_width, pad=False):
            yield from line

    def _render(
        self, console: Console, options: ConsoleOptions, widths: list[int]
    ) -> Iterator[Segment]:
        table_width = sum(widths) + self._extra_width
        styled = console.color_system is not None or console.record
        frame = _BOX.substitute(options, safe=console.safe_box)
        yield Segment(frame.get_top(widths) + "\n")
        header_style = _HEADER
        heads = [
            self._cell(console, options, _texts(c.header), i, w, header_style, styled)
            for i, (c, w) in enumerate(zip(self.columns, widths, strict=True))
        ]
        edges = (frame.head_left, frame.head_vertical, frame.head_right)
        null = Style.null()
        yield from self._lines(heads, widths, edges, null, header_style, styled, header=True)
        yield Segment(frame.get_row(widths, "head", edge=True) + "\n")
        row_line = Segment(frame.get_row(widths, "row", edge=True) + "\n")
        last = len(self.rows) - 1
        middle = (frame.mid_left, frame.mid_vertical, frame.mid_right)
        foot = (frame.foot_left, frame.foot_vertical, frame.foot_right)
        layout = None if styled else self._plain_layout(widths)
        for r, row in enumerate(self.rows):
            edges = foot if r == last else middle
            line = None if layout is None else self._plain_line(r, layout, edges)
            if line is not None:  # every cell one line that fits: written at once
                yield Segment(line)
            else:
                yield from self._row(console, options, r, widths, edges, styled)
            if r != last and (self.show_lines or row.end_section):
                yield row_line
        yield Segment(frame.get_bottom(widths) + "\n")
        if self.caption:
            caption = console.render_str(self.caption, style=_CAPTION, highlight=False)
            yield from console.render(
                caption, options.update(width=table_width, justify="center", height=None)
            )

    def _plain_layout(self, widths: list[int]) -> list[tuple[_Column, str, int, str]] | None:
        """Per column: the column, the space before its text, its text's width and
        the space after, where every column has room for text."""
        layout = []
        for i, (column, width) in enumerate(zip(self.columns, widths, strict=True)):
            left, right = self._pads(i)
            inner = width - left - right
            if inner < 1:
                return None
            layout.append((column, " " * left, inner, " " * right))
        return layout

    def _plain_line(
        self, r: int, layout: list[tuple[_Column, str, int, str]], edges: tuple[str, str, str]
    ) -> str | None:
        """Row ``r`` as one line of text where each of its cells is one line of
        plain text that fits (None otherwise): what the general path gives it on a
        console without styles, in a single pass."""
        pieces = []
        for column, before, inner, after in layout:
            cell = column.cells[r]
            if isinstance(cell, str):
                plain: str | None = cell
            elif isinstance(cell, Text):
                plain = plain_text(cell)
            else:  # several texts, or none
                plain = None if cell else ""
            if plain is None:
                return None
            size = _size(plain)
            fitted = _fit(plain, size.line, inner, column.justify) if size.simple else None
            if fitted is None:
                return None
            pieces.append(before + fitted + after)
        left, divider, right = edges
        return left + divider.join(pieces) + right + "\n"

    def _row(
        self,
        console: Console,
        options: ConsoleOptions,
        r: int,
        widths: list[int],
        edges: tuple[str, str, str],
        styled: bool,
    ) -> Iterator[Segment]:
        """Row ``r``'s lines, cell by cell."""
        style = self.rows[r].style
        row_style = console.get_style(style) if style else Style.null()
        cells = [
            self._cell(console, options, _texts(c.cells[r]), i, w, row_style, styled)
            for i, (c, w) in enumerate(zip(self.columns, widths, strict=True))
        ]
        yield from self._lines(cells, widths, edges, row_style, row_style, styled, header=False)

    def _cell(
        self,
        console: Console,
        options: ConsoleOptions,
        texts: tuple[str | Text, ...],
        index: int,
        width: int,
        style: Style,
        styled: bool,
    ) -> list[list[Segment]]:
        """A cell's lines, each ``width`` wide: its text justified between its
        padding, in the cell's style (a header's or the row's)."""
        if width < 1:
            return []
        left, right = self._pads(index)
        inner = width - left - right
        if inner < 1:
            return []
        column = self.columns[index]
        sizes = [_size_of(x) for x in texts]
        lines = _fitting_lines(texts, sizes, inner, column.justify)
        if lines is None:  # wraps, folds, is cut or has styled spans: as Rich's Table
            renderable: RenderableType = texts[0] if len(texts) == 1 else Group(*texts)
            cell_options = options.update(
                width=width,
                justify=column.justify,
                no_wrap=column.no_wrap,
                overflow=column.overflow,
                height=None,
                highlight=False,
            )
            rendered = console.render_lines(
                Padding(renderable, (0, right, 0, left)), cell_options, style=style
            )
            return rendered if styled else [[Segment("".join(s.text for s in x))] for x in rendered]
        if not styled:
            return [[Segment(" " * left + text + " " * right)] for text, _ in lines]
        out = []
        for text, base in lines:
            line = [Segment(text, style + console.get_style(base) if base else style)]
            if left:
                line.insert(0, Segment(" " * left, style))
            if right:
                line.append(Segment(" " * right, style))
            out.append(line)
        return out

    def _lines(
        self,
        cells: list[list[list[Segment]]],
        widths: list[int],
        edges: tuple[str, str, str],
        row_style: Style,
        fill_style: Style,
        styled: bool,
        *,
        header: bool,
    ) -> Iterator[Segment]:
        """A row's lines: its cells side by side between the edges, shorter cells
        filled with blank lines in ``fill_style`` (below, or above in the header)."""
        tallest = max(len(c) for c in cells)
        height = max(1, tallest)
        # A row of cells too narrow for any text is a blank line without style.
        blank_style = fill_style if styled and tallest else None
        left, divider, right = edges
        # A blank divider takes the row's background, as in Rich.
        divider_style = row_style.background_style if styled and not divider.strip() else None
        for c, (cell, width) in enumerate(zip(cells, widths, strict=True)):
            if len(cell) < height:
                fill = [[Segment(" " * width, blank_style)]] * (height - len(cell))
                cells[c] = fill + cell if header else cell + fill
        for n in range(height):
            if not styled:
                yield Segment(left + divider.join(cell[n][0].text for cell in cells) + right + "\n")
                continue
            segments = [Segment(left)]
            for c, cell in enumerate(cells):
                if c:
                    segments.append(Segment(divider, divider_style or None))
                segments.extend(cell[n])
            segments.append(Segment(right + "\n"))
            yield from Segment.simplify(segments)


def plain_text(text: str | Text) -> str | None:
    """A text's characters where it is plain text laid out by the table's rules
    (and Rich's printing), None where it sets its own layout or has styled spans."""
    if isinstance(text, str):
        return text
    if text.spans or text.justify or text.overflow or text.no_wrap is not None:
        return None
    return text.plain


def _fit(line: str, cells: int, inner: int, justify: Justify) -> str | None:
    """A line of printable text ``cells`` wide as Rich's ``Text.wrap`` lays it out
    ``inner`` wide where it fits (else None): left-justified padded on the right,
    right-justified stripped on the right and padded on the left."""
    if justify == "right":
        stripped = line.rstrip()
        cells -= len(line) - len(stripped)  # stripped spaces: a cell each
        line = " " * (inner - cells) + stripped
    else:
        line += " " * (inner - cells)
    return line if cells <= inner else None


def _fitting_lines(
    texts: tuple[str | Text, ...], sizes: list[_Size], inner: int, justify: Justify
) -> list[tuple[str, str | Style | None]] | None:
    """A cell's lines as (text, base style), each ``inner`` wide, where every line of
    its texts fits and has no tab or control character and no styled spans; else
    None."""
    out: list[tuple[str, str | Style | None]] = []
    for text, size in zip(texts, sizes, strict=True):
        plain = plain_text(text)
        if plain is None:
            return None
        base = text.style or None if isinstance(text, Text) else None
        if size.simple:  # the common case: one line, its width known
            lines = [(plain, size.line)]
        elif all(line.isprintable() for line in plain.split("\n")):
            lines = [(line, cell_len(line)) for line in plain.split("\n")]
        else:
            return None
        for line, cells in lines:
            fitted = _fit(line, cells, inner, justify)
            if fitted is None:
                return None
            out.append((fitted, base))
    return out
